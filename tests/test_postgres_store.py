"""The stores' behaviour, run against TinyDB and a real PostgreSQL server alike (skipped with a
reason when no server can be started): articles, topics, dedup, chats, deliveries, feeds; plus
what only PostgreSQL does (schema versions, feeds leased to one worker)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from store.chats import Chat
from store.database import DatabaseError
from store.open import Stores, open_stores
from store.postgres import schema
from store.postgres.feeds import PgFeedStore
from tests.helpers import make_article
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)


def test_latest_is_newest_first_and_pages(stores: Stores) -> None:
    articles = stores.articles
    articles.add_many([make_article(i, place=f"City{i}z", hours_ago=10 - i) for i in range(6)])
    assert ["City5z", "City4z", "City3z"] == [a.title.split()[0] for a in articles.latest(3)]
    assert ["City2z", "City1z"] == [a.title.split()[0] for a in articles.latest(2, offset=3)]
    assert 6 == articles.count()


def test_topics_resolve_rank_and_count(stores: Stores) -> None:
    articles = stores.articles
    passing = make_article(
        1,
        place="Oslo",
        body="Oslo opened a new library on Monday with a large crowd in attendance and music. "
        "Visitors came from Bergen and Vienna was mentioned once by a speaker at the event.",
    )
    articles.add_many([passing, make_article(2, place="Vienna", hours_ago=5)])
    assert ["vienna", "austria"] == articles.resolve_topic("Vienna")
    assert "Vienna" == articles.by_topics(["vienna"], 5)[0].title.split()[0]
    counts = articles.topic_counts(since=datetime.now(UTC) - timedelta(days=1))
    assert 2 == counts["vienna"] and 1 == counts["oslo"]


def test_duplicates_by_url_guid_and_text_are_stored_once(stores: Stores) -> None:
    articles = stores.articles
    first = make_article(1, place="Lima", guid="g-1")
    [kept] = articles.add_many([first])
    same_url = make_article(2, place="Quito", url=first.url + "?utm_source=x")
    same_guid = make_article(3, place="Bogota", guid="g-1")
    same_text = make_article(1, place="Lima", url="https://other.example.org/x", source="Wire")
    outcomes = articles.add_many([same_url, same_guid, same_text])
    assert ["same URL", "same GUID", "same text"] == [o.reason for o in outcomes]
    assert {kept.id} == {o.id for o in outcomes}
    stored = articles.get(kept.id)
    assert stored is not None and "Wire" in stored.also_from
    assert 1 == articles.count()


def test_prune_removes_old_articles_and_their_topics(stores: Stores) -> None:
    articles = stores.articles
    articles.add_many(
        [make_article(1, place="Old", hours_ago=24 * 40), make_article(2, place="New")]
    )
    assert 1 == articles.prune(30)
    assert ["New"] == [a.title.split()[0] for a in articles.latest(10)]
    assert "old" not in [t.lower() for t in articles.topic_counts()]


def test_chats_deliveries_and_migration(stores: Stores) -> None:
    chats = stores.chats
    chat = chats.get_or_create(7, "group", "Tram fans")
    chat.topics = ["vienna"]
    chats.save(chat)
    assert ["vienna"] == (chats.get(7) or Chat(0)).topics
    assert not chats.delivered(7, "2026-01-01T08:00+00:00")
    chats.record_delivery(7, "2026-01-01T08:00+00:00", [3, 4], 1000.0)
    assert chats.delivered(7, "2026-01-01T08:00+00:00")
    assert [3, 4] == (chats.get(7) or Chat(0)).seen[-2:]
    if hasattr(chats, "schedules"):
        [scheduled] = chats.schedules()
        assert 7 == scheduled.chat_id and [] == scheduled.seen
    moved = chats.migrate(7, -1007)
    assert moved is not None and "supergroup" == moved.type
    assert chats.get(7) is None and ["vienna"] == (chats.get(-1007) or Chat(0)).topics
    chats.set_active(-1007, False)
    assert [] == chats.all() and 1 == len(chats.all(active_only=False))
    assert 1 == chats.prune_deliveries(2000.0)


def test_feeds_add_save_remove(stores: Stores) -> None:
    feeds = stores.feeds
    feed, new = feeds.add("https://example.org/feed.xml", interval_minutes=5)
    assert new and not feeds.add("https://example.org/feed.xml")[1]
    feed.etag, feed.next_poll = '"abc"', 123.0
    feeds.save(feed)
    again = feeds.get("https://example.org/feed.xml")
    assert again is not None and '"abc"' == again.etag and 123.0 == again.next_poll
    assert feeds.remove(feed.url) and [] == feeds.list()


def test_the_schema_is_versioned_and_migrating_twice_changes_nothing(pg_url: str) -> None:  # noqa: F811
    open_stores(pg_url).close()
    open_stores(pg_url).close()
    with psycopg.connect(pg_url) as conn:
        rows = conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
        assert [(v,) for v in range(1, schema.VERSION + 1)] == rows
        conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (schema.VERSION + 1,))
    with pytest.raises(DatabaseError, match="newer newsbrief"):
        open_stores(pg_url)


def test_an_unreachable_server_is_one_clear_line_without_the_password() -> None:
    with pytest.raises(DatabaseError) as caught:
        open_stores("postgresql://nb:s3cret@127.0.0.1:9/newsbrief?connect_timeout=1")
    assert "s3cret" not in str(caught.value) and "\n" not in str(caught.value)


def test_workers_claiming_at_once_never_get_the_same_feed(pg_url: str) -> None:  # noqa: F811
    opened = open_stores(pg_url)
    try:
        feeds = opened.feeds
        assert isinstance(feeds, PgFeedStore)
        for i in range(40):
            feeds.add(f"https://example.org/{i}.xml")
        claimed: list[list[str]] = [[] for _ in range(4)]

        def claim(n: int) -> None:
            while batch := feeds.claim_due(now=1000.0, limit=3):
                claimed[n] += [f.url for f in batch]

        threads = [threading.Thread(target=claim, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        everything = [url for urls in claimed for url in urls]
        assert 40 == len(everything) == len(set(everything))
        # Leased: not due again until the lease runs out, then due again.
        assert [] == feeds.claim_due(now=1000.0)
        assert 40 == len(feeds.claim_due(now=1000.0 + 601, limit=100))
    finally:
        opened.close()
