"""The bundled sample against its hand-made gold reading: quotes, speakers, topics, queries."""

from __future__ import annotations

import re

import pytest

from briefings.analyze import analyze
from briefings.reading.topics import resolve_query
from briefings.select import find_topic
from briefings.sources.text import parse_text_article
from store.articles import ArticleStore
from tests.conftest import SAMPLE, load_json, needs_shared

pytestmark = needs_shared


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[“”\"«»„]", "", text).split()).strip(" ,.")


@pytest.fixture(scope="module")
def gold() -> dict:  # type: ignore[type-arg]
    return load_json(SAMPLE.with_suffix(".gold.json"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def article():  # type: ignore[no-untyped-def]
    return analyze(parse_text_article(SAMPLE.read_text("utf-8")))


def _optional(gold) -> set[str]:  # type: ignore[no-untyped-def]
    return {_norm(q["text"]) for q in gold.get("optional_quotes", {}).get("quotes", [])}


def _required(gold, article) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The article's quotes without the optional ones (phrases quoted in reported speech)."""
    return [q for q in article.quotes if _norm(q.text) not in _optional(gold)]


def test_finds_all_eleven_quotes_in_order(gold, article) -> None:  # type: ignore[no-untyped-def]
    found = _required(gold, article)
    assert [_norm(q["text"]) for q in gold["quotes"]] == [_norm(q.text) for q in found]


def test_every_quote_has_the_gold_speaker(gold, article) -> None:  # type: ignore[no-untyped-def]
    assert [q["speaker"] for q in gold["quotes"]] == [q.speaker for q in _required(gold, article)]


def test_optional_quoted_phrases_have_their_speaker_and_are_never_key(gold, article) -> None:  # type: ignore[no-untyped-def]
    optional = {_norm(q["text"]): q["speaker"] for q in gold["optional_quotes"]["quotes"]}
    found = [q for q in article.quotes if _norm(q.text) in optional]
    assert all(optional[_norm(q.text)] == q.speaker and not q.key for q in found)


def test_key_quotes_are_one_to_three_gold_quotes(gold, article) -> None:  # type: ignore[no-untyped-def]
    key = [q for q in article.quotes if q.key]
    assert 1 <= len(key) <= 3
    gold_texts = {_norm(q["text"]) for q in gold["quotes"]}
    assert all(_norm(q.text) in gold_texts for q in key)
    assert all(len(q.text.split()) > 3 for q in key)


def test_scare_quotes_of_the_title_are_not_quotes(article) -> None:  # type: ignore[no-untyped-def]
    texts = {_norm(q.text) for q in article.quotes}
    assert not texts & {"significant progress", "constructive", "tangible progress", "border post"}


def test_expected_topics_are_found(gold, article) -> None:  # type: ignore[no-untyped-def]
    for topic in gold["topics_expected"]:
        assert resolve_query(topic, article.topics), topic


def test_summary_is_the_lead_within_the_limit(article) -> None:  # type: ignore[no-untyped-def]
    assert 0 < len(article.summary) <= 400
    assert article.summary.startswith("The Secretary of State")


def test_every_gold_query_finds_the_sample_in_the_store(gold, article, db) -> None:  # type: ignore[no-untyped-def]
    store = ArticleStore(db)
    [outcome] = store.add_many([article])
    for query in gold["topic_queries_that_must_find_it"]:
        result = find_topic(store, query)
        assert [outcome.id] == [a.id for a in result.articles], query
