"""The services the bot's commands use, created once and passed around typed (no string keys)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from bot.settings import Settings
from briefings.ingest import ingest
from briefings.sources.fetch import Fetcher, FetchPolicy
from store.open import Stores, open_stores
from store.protocols import ArticleBackend, ChatRepository, Closeable, FeedRepository

SAMPLE = "data/sample-europapress-armenia-azerbaijan.txt"


@dataclass
class Services:
    """Stores, the shared HTTP client and settings; ``initialize``/``shutdown`` own their life."""

    settings: Settings
    db: Closeable
    articles: ArticleBackend
    chats: ChatRepository
    feeds: FeedRepository
    fetcher: Fetcher
    # Called when a chat's schedule changed (the bot reschedules its jobs); None in the console.
    on_schedule_change: Callable[[int], Awaitable[None]] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # The opened database, for its cross-process locks (None when built by hand in tests).
    stores: Stores | None = None

    @classmethod
    def open(cls, settings: Settings) -> Services:
        if not settings.db:
            settings.db_path.parent.mkdir(parents=True, exist_ok=True)
        stores = open_stores(
            settings.db or settings.db_path,
            default_timezone=settings.timezone,
            default_time=settings.briefing_time,
        )
        return cls(
            settings=settings,
            db=stores.db,
            articles=stores.articles,
            chats=stores.chats,
            feeds=stores.feeds,
            fetcher=Fetcher(FetchPolicy(allow_private=settings.allow_private_urls)),
            stores=stores,
        )

    async def ingest_sample_if_empty(self) -> int:
        """A new installation shows real output at once: the bundled sample article."""
        if self.articles.count():
            return 0
        sample = resources.files("briefings").joinpath(SAMPLE)
        with resources.as_file(sample) as path:
            report = await ingest([str(path)], self.articles, None)
        return report.added

    async def shutdown(self) -> None:
        await self.fetcher.aclose()
        await asyncio.to_thread(self.db.close)
