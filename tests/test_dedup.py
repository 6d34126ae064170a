"""Duplicates are stored once: same canonical URL, same GUID, or the same text from another
source; the duplicate's source is recorded on the article kept."""

from __future__ import annotations

from briefings.dedup import canonical_url, near_duplicate, simhash
from store import Database
from store.articles import ArticleStore
from tests.helpers import make_article


def test_canonical_url_strips_tracking_fragment_and_www() -> None:
    assert "https://example.com/a/b?id=7" == canonical_url(
        "http://www.Example.com/a/b/?utm_source=rss&id=7&fbclid=xyz#comments"
    )


def test_simhash_is_close_for_a_lightly_edited_copy_and_far_for_another_story() -> None:
    text = "The council voted to expand the tram network, a plan that divided residents. " * 5
    edited = text.replace("divided", "split", 1)
    other = "The football club signed a new striker from Lisbon for a record fee on Monday. " * 5
    assert near_duplicate(simhash(text), simhash(edited))
    assert not near_duplicate(simhash(text), simhash(other))


def test_same_url_with_tracking_parameters_is_a_duplicate(db: Database) -> None:
    store = ArticleStore(db)
    first = store.add_many([make_article(1, url="https://news.example.com/x/1")])
    second = store.add_many(
        [make_article(2, place="Graz", url="https://www.news.example.com/x/1?utm_medium=feed#top")]
    )
    assert "added" == first[0].status
    assert ("duplicate", first[0].id, "same URL") == (
        second[0].status,
        second[0].id,
        second[0].reason,
    )
    assert 1 == store.count()


def test_same_guid_is_a_duplicate(db: Database) -> None:
    store = ArticleStore(db)
    store.add_many([make_article(1, guid="tag:example.com,2024:1")])
    [outcome] = store.add_many([make_article(2, place="Linz", guid="tag:example.com,2024:1")])
    assert ("duplicate", "same GUID") == (outcome.status, outcome.reason)


def test_same_wire_story_from_another_source_is_stored_once_with_both_sources(db: Database) -> None:
    store = ArticleStore(db)
    [kept] = store.add_many([make_article(5, source="Wire A", url="https://a.example/5")])
    [dup] = store.add_many([make_article(5, source="Paper B", url="https://b.example/story")])
    assert ("duplicate", kept.id, "same text") == (dup.status, dup.id, dup.reason)
    article = store.get(kept.id)
    assert article is not None
    assert ["Paper B"] == article.also_from
    assert "Wire A" == article.source


def test_different_stories_are_both_kept(db: Database) -> None:
    store = ArticleStore(db)
    outcomes = store.add_many([make_article(1, place="Vienna"), make_article(2, place="Oslo")])
    assert ["added", "added"] == [o.status for o in outcomes]
