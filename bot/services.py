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
from store import Database
from store.articles import ArticleStore
from store.chats import ChatStore
from store.feeds import FeedStore

SAMPLE = "data/sample-europapress-armenia-azerbaijan.txt"


@dataclass
class Services:
    """Stores, the shared HTTP client and settings; ``initialize``/``shutdown`` own their life."""

    settings: Settings
    db: Database
    articles: ArticleStore
    chats: ChatStore
    feeds: FeedStore
    fetcher: Fetcher
    # Called when a chat's schedule changed (the bot reschedules its jobs); None in the console.
    on_schedule_change: Callable[[int], Awaitable[None]] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def open(cls, settings: Settings) -> Services:
        path = settings.db_path
        if not settings.db:
            path.parent.mkdir(parents=True, exist_ok=True)
        db = Database(path)
        return cls(
            settings=settings,
            db=db,
            articles=ArticleStore(db),
            chats=ChatStore(db, settings.timezone, settings.briefing_time),
            feeds=FeedStore(db),
            fetcher=Fetcher(FetchPolicy(allow_private=settings.allow_private_urls)),
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
