"""Telegram HTML: escaped article text, only Telegram's tags, messages within 4,096 UTF-16
units, split only between briefs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot import render
from briefings.model import Article, Quote
from tests.fakes.bot_api import parse_html, utf16_len


def article(i: int, title: str = "Title", summary: str = "Summary.", **kw: object) -> Article:
    return Article(
        title=title,
        summary=summary,
        quotes=[Quote("We will build it & <they> will come,", "Ann <Lee>", True)],
        topics=["x"],
        source="Wire & Co",
        url=f"https://example.com/{i}?a=1&b=2",
        published=datetime.now(UTC) - timedelta(hours=3),
        id=i,
        **kw,  # type: ignore[arg-type]
    )


def test_article_text_is_escaped_and_the_markup_is_valid() -> None:
    text = render.brief(article(1, title="<script>alert(1)</script> & “quotes”"), number=1)
    visible = parse_html(text)  # raises where Telegram would refuse
    assert "<script>alert(1)</script> & “quotes”" in visible
    assert "Wire & Co · 3 h ago" in visible
    assert "— Ann <Lee>" in visible
    assert '<a href="https://example.com/1?a=1&amp;b=2">' in text


def test_details_lists_every_quote_and_topic() -> None:
    visible = parse_html(render.details(article(2, dek="A <dek>")))
    assert (
        "Quotes (1)" in visible
        and "★ “We will build it & <they> will come,” — Ann <Lee>" in visible
    )
    assert "Topics: x" in visible


def test_long_lists_split_between_briefs_within_the_limit_even_with_emoji() -> None:
    blocks = [render.brief(article(i, summary="🦄" * 390), number=i) for i in range(20)]
    packed = render.pack("<b>Latest news</b>", blocks)
    assert len(packed) > 1
    assert list(range(20)) == [i for _, held in packed for i in held]
    for text, _ in packed:
        assert utf16_len(parse_html(text)) <= 4096
        assert text.count("<blockquote>") == text.count("</blockquote>")


def test_a_single_oversized_block_is_cut_as_plain_text() -> None:
    [(text, held)] = render.pack("", ["<b>" + "x " * 5000 + "</b>"])
    assert [0] == held and utf16_len(parse_html(text)) <= 4096 and text.endswith("…")
