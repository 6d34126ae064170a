"""Fuzzing the renderer with hypothesis: whatever the article text (any unicode without lone
surrogates, ``<``, ``&``, tags, RTL overrides, emoji), every message is Telegram HTML that
Telegram accepts (only its tags, balanced, entities escaped) and within 4,096 UTF-16 units."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import render
from bot.replies import Reply, fit
from briefings.model import Article, Quote
from tests.fakes.bot_api import ALLOWED_TAGS, parse_html, utf16_len

NASTY = ["<", ">", "&", "&amp;", "&#0;", "<b>", "</i>", '"', "'", "\u202e", "\u200f", "🦄", "\n"]
PIECE = st.one_of(st.characters(exclude_categories=["Cs"]), st.sampled_from(NASTY))
TEXT = st.lists(PIECE, max_size=200).map("".join)
LONG = st.one_of(TEXT, TEXT.map(lambda t: t * 12))
URL = st.one_of(st.just(""), TEXT, TEXT.map(lambda t: "https://e.example/" + t))
QUOTES = st.lists(st.builds(Quote, text=LONG, speaker=LONG, key=st.booleans()), max_size=8)
ARTICLES = st.builds(
    Article,
    title=LONG,
    summary=LONG,
    quotes=QUOTES,
    topics=st.lists(LONG, max_size=6),
    dek=TEXT,
    source=LONG,
    url=URL,
    dateline=TEXT,
    also_from=st.lists(TEXT, max_size=3),
    published=st.one_of(st.none(), st.just(datetime.now(UTC) - timedelta(hours=5))),
)
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)")


def telegram_accepts(message: str) -> None:
    visible = parse_html(message)  # raises where Telegram refuses the HTML
    assert visible.strip()
    assert utf16_len(visible) <= 4096
    assert {t.lower() for t in _TAG.findall(message)} <= ALLOWED_TAGS


@settings(
    max_examples=30, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(ARTICLES, min_size=1, max_size=5), TEXT)
def test_briefs_and_details_of_any_text_are_valid_telegram_html(
    articles: list[Article], header: str
) -> None:
    blocks = [render.brief(a, number=i + 1) for i, a in enumerate(articles)]
    packed = render.pack(f"<b>{render.esc(header)}</b>", blocks)
    assert list(range(len(blocks))) == [i for _, held in packed for i in held]
    for text, _ in packed:
        telegram_accepts(text)
    for article in articles:
        for reply in fit([Reply(render.details(article))]):
            telegram_accepts(reply.text)


@settings(max_examples=30, deadline=None, database=None)
@given(st.lists(LONG, min_size=1, max_size=40))
def test_any_list_of_names_splits_into_valid_messages(names: list[str]) -> None:
    text = "<b>Topics</b>\n" + "\n".join(
        f"{render.name(n)} — <i>{i}</i>" for i, n in enumerate(names)
    )
    for reply in fit([Reply(text)]):
        telegram_accepts(reply.text)


@settings(max_examples=100, deadline=None, database=None)
@given(LONG, st.integers(min_value=0, max_value=10**12))
def test_any_button_label_fits_and_its_data_is_a_short_id(label: str, article_id: int) -> None:
    from bot.replies import Button, topic_key

    for button in (Button(label, f"more:{article_id}"), Button(label, "t:" + topic_key(label))):
        assert button.text.strip() and utf16_len(button.text) <= 40
        assert len(button.data.encode("utf-8")) <= 64
