"""Feeds that nothing hostile can stall or fool: a slow feed delays only itself, two feeds
numbering their stories alike are not duplicates of each other, relative links are made
absolute, and a date in the year 9999 does not stay first for ever."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from bot.feed_poller import FeedPoller
from briefings.analyze import analyze
from briefings.ingest import IngestOptions, ingest
from briefings.model import RawArticle
from briefings.sources.feed import parse_feed
from briefings.sources.fetch import Fetcher, FetchPolicy
from store import Database
from store.articles import ArticleStore
from store.feeds import FeedStore
from tests.fakes.http_server import serve

GUARD = 30  # seconds: turns a poll that would hang into a failing test, never a timing check


@pytest.fixture
def one_db() -> Iterator[Database]:
    """A database in memory: these tests are about sources, not storage (which ``db`` runs
    against both backends)."""
    database = Database(None)
    yield database
    database.close()


NO_PAGES = IngestOptions(fetch_pages=False)


def rss(title: str, *items: tuple[str, str, str], base: str = "", date: str = "") -> str:
    """A feed of (guid, link, text) items; ``base`` becomes the channel's xml:base."""
    attr = f' xml:base="{base}"' if base else ""
    pub = f"<pubDate>{date}</pubDate>" if date else ""
    body = "".join(
        f"<item><title>{text.split('.')[0]}</title><guid>{guid}</guid><link>{link}</link>"
        f"<description>{text}</description>{pub}</item>"
        for guid, link, text in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel{attr}><title>{title}</title>'
        f"{body}</channel></rss>"
    )


# -- item 4: a slow feed delays only itself ----------------------------------------------------


async def test_a_fast_feed_is_ingested_while_a_slow_one_is_still_trickling(
    one_db: Database,
) -> None:
    analyze(RawArticle("Warm up", ["The reading's data loads once."]))  # not on the clock below
    feeds, store = FeedStore(one_db), ArticleStore(one_db)
    # The slow feed's deadline only has to outlast the fast feed's fetch, reading and commit;
    # 6 s leaves room for that on a loaded machine.
    fetcher = Fetcher(FetchPolicy(allow_private=True, timeout=8, deadline=6))
    fast_feed = rss("Fast", ("f1", "/f1", "The harbour reopened after the storm."))
    with serve() as site:
        slow = site.add("/slow.xml", fast_feed.encode(), "application/rss+xml", trickle=0.2)
        fast = site.add("/fast.xml", fast_feed, "application/rss+xml")
        feeds.add(slow)  # first in the list: polled one after another, it would hold the other
        feeds.add(fast)
        poller = FeedPoller(feeds, store, fetcher, NO_PAGES)
        tasks = poller.start_due()
        while not store.count() and slow in poller.running:
            await asyncio.sleep(0.05)
        running_when_fast_was_stored = poller.running
        await asyncio.wait_for(asyncio.gather(*tasks), GUARD)
    await fetcher.aclose()
    assert [slow] == running_when_fast_was_stored
    assert ["The harbour reopened after the storm"] == [a.title for a in store.latest(5)]
    slow_feed, fast_state = feeds.get(slow), feeds.get(fast)
    assert slow_feed is not None and fast_state is not None
    assert (1, 0) == (slow_feed.failures, fast_state.failures)
    assert "no complete answer within 6 s" in slow_feed.last_error


async def test_feeds_are_polled_at_once_up_to_the_bound(one_db: Database) -> None:
    feeds = FeedStore(one_db)
    fetcher = Fetcher(FetchPolicy(allow_private=True, timeout=5, deadline=1))
    with serve() as site:
        for n in range(3):
            feeds.add(site.add(f"/slow{n}.xml", b"x" * 100, trickle=0.2))
        poller = FeedPoller(feeds, ArticleStore(one_db), fetcher, NO_PAGES, at_once=2)
        tasks = poller.start_due()
        while len(site.hits) < 2:
            await asyncio.sleep(0.02)
        requested_while_two_trickle = len(site.hits)
        await asyncio.wait_for(asyncio.gather(*tasks), GUARD)
        # A second round while nothing is due starts nothing.
        assert [] == poller.start_due()
    await fetcher.aclose()
    assert 2 == requested_while_two_trickle
    assert 3 == len(site.hits)  # the third went when a place was free
    assert [1, 1, 1] == [f.failures for f in feeds.list()]


async def test_a_trickling_teaser_page_leaves_its_teaser_and_the_rest_goes_on(
    one_db: Database,
) -> None:
    store = ArticleStore(one_db)
    fetcher = Fetcher(FetchPolicy(allow_private=True, timeout=5, deadline=1))
    with serve() as site:
        site.add("/slow-page", b"<html>" + b"x" * 1000, trickle=0.2)
        feed = site.add(
            "/feed.xml",
            rss("Wire", ("1", "/slow-page", "The museum reopened its west wing.")),
            "application/rss+xml",
        )
        report = await asyncio.wait_for(ingest([feed], store, fetcher), GUARD)
    await fetcher.aclose()
    assert (1, []) == (report.added, report.failures)
    assert "The museum reopened its west wing." == store.latest(1)[0].summary


# -- item 12: GUIDs belong to their feed, links are made absolute --------------------------------


async def test_two_feeds_numbering_their_stories_alike_are_not_duplicates(one_db: Database) -> None:
    store = ArticleStore(one_db)
    fetcher = Fetcher(FetchPolicy(allow_private=True, timeout=5))
    with serve() as site:
        a = site.add(
            "/a/feed.xml",
            rss("A", ("1", "story/1", "The council approved the new bridge on Tuesday.")),
            "application/rss+xml",
        )
        b = site.add(
            "/b/feed.xml",
            rss("B", ("1", "story/1", "Farmers reported a record apple harvest this autumn.")),
            "application/rss+xml",
        )
        first = await ingest([a, b], store, fetcher, NO_PAGES)
        again = await ingest([a, b], store, fetcher, NO_PAGES)
    await fetcher.aclose()
    assert (2, 0) == (first.added, first.duplicates)
    assert (0, 2) == (again.added, again.duplicates)
    assert {site.base + "/a/story/1", site.base + "/b/story/1"} == {x.url for x in store.latest(5)}


def test_entry_links_resolve_against_xml_base_else_the_feed_url() -> None:
    items = ("1", "one", "The first story."), ("2", "https://elsewhere.example/two", "Two.")
    with_base = parse_feed(rss("T", *items, base="https://news.example/world/").encode())
    from_url = parse_feed(rss("T", *items).encode(), url="https://feeds.example/en/rss.xml")
    assert ["https://news.example/world/one", "https://elsewhere.example/two"] == [
        e.url for e in with_base.entries
    ]
    assert ["https://feeds.example/en/one", "https://elsewhere.example/two"] == [
        e.url for e in from_url.entries
    ]


def test_an_article_stored_before_links_were_resolved_still_dedups_by_guid_in_its_feed(
    db: Database,
) -> None:
    store = ArticleStore(db)
    feed = "https://feeds.example/rss.xml"
    # As stored before: the link relative, the GUID with its feed URL beside it.
    old = analyze(RawArticle("Bridge", ["The council approved the bridge."], url="story/1"))
    old.guid, old.feed_url = "1", feed
    store.add_many([old])
    # The same entry read now (absolute link, text edited since) and another feed's story 1.
    edited = analyze(
        RawArticle(
            "Bridge approved",
            ["After a long debate the council voted for the new river crossing."],
            url="https://feeds.example/story/1",
            guid="1",
            feed_url=feed,
        )
    )
    other = analyze(
        RawArticle(
            "Harvest",
            ["Farmers reported a record apple harvest."],
            url="https://other.example/story/1",
            guid="1",
            feed_url="https://other.example/rss.xml",
        )
    )
    outcomes = store.add_many([edited, other])
    assert [("duplicate", "same GUID"), ("added", "")] == [(o.status, o.reason) for o in outcomes]


# -- item 13: dates far in the future are clamped -----------------------------------------------


async def test_a_year_9999_date_is_clamped_to_ingest_time_and_pruned_like_any_other(
    one_db: Database,
) -> None:
    store = ArticleStore(one_db)
    fetcher = Fetcher(FetchPolicy(allow_private=True, timeout=5))
    soon = datetime.now(UTC) + timedelta(hours=2)  # a wrong time zone, within the margin
    with serve() as site:
        far = site.add(
            "/far.xml",
            rss(
                "Far",
                ("far", "/far", "The clock tower was restored."),
                date="Fri, 31 Dec 9999 23:00:00 GMT",
            ),
            "application/rss+xml",
        )
        near = site.add(
            "/near.xml",
            rss(
                "Near",
                ("near", "/near", "The library extended its hours."),
                date=format_datetime(soon, usegmt=True),
            ),
            "application/rss+xml",
        )
        before = datetime.now(UTC)
        report = await ingest([far, near], store, fetcher, NO_PAGES)
    await fetcher.aclose()
    assert 2 == report.added
    latest = store.latest(2)
    assert ["The library extended its hours", "The clock tower was restored"] == [
        a.title for a in latest
    ]
    clamped = latest[1]
    assert clamped.published is not None and clamped.ingested is not None
    assert before <= clamped.published == clamped.ingested
    assert soon.replace(microsecond=0) == latest[0].published
    assert 2 == store.prune(30, now=datetime.now(UTC) + timedelta(days=31))


async def test_a_future_date_in_a_text_file_is_clamped_too(
    tmp_path: Path, one_db: Database
) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text("Title: Ferry resumes\nDate: 9999-01-01\n\nThe island ferry sailed again.\n")
    store = ArticleStore(one_db)
    await ingest([str(path)], store, None)
    (article,) = store.latest(1)
    assert article.published is not None and article.published.year < 9999
