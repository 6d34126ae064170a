"""Feed polling: every due feed on a task of its own, a bounded number at once, each with
conditional GET, exponential back-off while failing, and analysis off the event loop."""

from __future__ import annotations

import asyncio
import logging
import time as clock
from collections.abc import Callable, Coroutine
from typing import Any

from briefings.ingest import IngestOptions, ingest
from briefings.repository import ArticleRepository
from briefings.sources.fetch import Fetcher, FetchError
from store.feeds import Feed
from store.protocols import FeedRepository

log = logging.getLogger(__name__)
FEEDS_AT_ONCE = 8  # fetched and ingested at the same time; the others wait their turn
MAX_BACKOFF = 24 * 3600

Spawn = Callable[[Coroutine[Any, Any, None]], "asyncio.Task[None]"]


class FeedPoller:
    """Starts a poll for every due feed not already being polled. A slow feed holds only its
    own task (and one of the FEEDS_AT_ONCE places, for at most the fetch deadline)."""

    def __init__(
        self,
        feeds: FeedRepository,
        articles: ArticleRepository,
        fetcher: Fetcher,
        options: IngestOptions | None = None,
        at_once: int = FEEDS_AT_ONCE,
    ) -> None:
        self.feeds = feeds
        self.articles = articles
        self.fetcher = fetcher
        self.options = options or IngestOptions()
        self._limit = asyncio.Semaphore(at_once)
        self._running: dict[str, asyncio.Task[None]] = {}

    @property
    def running(self) -> list[str]:
        """URLs of the feeds being polled now."""
        return list(self._running)

    def start_due(
        self,
        now: float | None = None,
        spawn: Spawn | None = None,
        due: list[Feed] | None = None,
    ) -> list[asyncio.Task[None]]:
        """Start polling every due feed; returns the new tasks without waiting for them.
        ``spawn`` creates the task (the bot passes PTB's, which awaits them on stop); ``due``
        are feeds already claimed from a shared store (``store.open.due_feeds``)."""
        now = clock.time() if now is None else now
        spawn = spawn or asyncio.create_task
        started: list[asyncio.Task[None]] = []
        for feed in self.feeds.list() if due is None else due:
            if feed.next_poll > now or feed.url in self._running:
                continue
            task = spawn(self._poll(feed))
            self._running[feed.url] = task
            task.add_done_callback(self._finished)
            started.append(task)
        return started

    def _finished(self, task: asyncio.Task[None]) -> None:
        for url, running in list(self._running.items()):
            if running is task:
                del self._running[url]

    async def poll_due(self, now: float | None = None) -> None:
        """Poll every due feed and wait until all are done."""
        tasks = self.start_due(now)
        if tasks:
            await asyncio.gather(*tasks)

    async def _poll(self, feed: Feed) -> None:
        async with self._limit:
            try:
                await self._poll_one(feed)
            except Exception:  # one feed's bug must not end the others' polling
                log.exception("feed %s: polling failed", feed.url)

    async def _poll_one(self, feed: Feed) -> None:
        now = clock.time()
        started = clock.monotonic()
        try:
            result = await self.fetcher.get(
                feed.url, etag=feed.etag, last_modified=feed.last_modified
            )
        except FetchError as exc:
            feed.failures += 1
            feed.last_error = str(exc)
            backoff = min(MAX_BACKOFF, feed.interval_minutes * 60 * 2 ** min(feed.failures, 8))
            feed.next_poll = now + backoff
            await self._save(feed)
            log.warning(
                "feed %s failed (%d in a row): %s; next try in %d min",
                feed.url,
                feed.failures,
                exc,
                backoff // 60,
            )
            return
        added = duplicates = 0
        if not result.not_modified:
            report = await ingest(
                [feed.url],
                self.articles,
                self.fetcher,
                self.options,
                prefetched={feed.url: result},
            )
            added, duplicates = report.added, report.duplicates
        feed.etag = result.headers.get("etag", feed.etag)
        feed.last_modified = result.headers.get("last-modified", feed.last_modified)
        feed.failures, feed.last_error = 0, ""
        feed.last_polled = now
        feed.next_poll = now + feed.interval_minutes * 60
        await self._save(feed)
        log.info(
            "feed %s: %s, %d added, %d duplicates, took %.1f s",
            feed.url,
            "not modified" if result.not_modified else "fetched",
            added,
            duplicates,
            clock.monotonic() - started,
        )

    async def _save(self, feed: Feed) -> None:
        # Removed (/removefeed) while it was being polled: saving would bring it back.
        if await asyncio.to_thread(self.feeds.get, feed.url) is not None:
            await asyncio.to_thread(self.feeds.save, feed)
