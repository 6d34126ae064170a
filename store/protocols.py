"""What the bot and the command line need from a store, whichever backend holds it (TinyDB
file or PostgreSQL). Both backends' classes satisfy these structurally."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from briefings.model import Article
from briefings.repository import ArticleRepository
from store.chats import Chat
from store.feeds import Feed


class ArticleBackend(ArticleRepository, Protocol):
    """Articles plus what selection, topic lookup and retention use."""

    def by_topics(
        self, topics: Sequence[str], n: int, offset: int = 0, since: float = 0.0
    ) -> list[Article]: ...

    def rank_topics(
        self, topics: Sequence[str], since: float = 0.0, limit: int = 50, now: float | None = None
    ) -> list[int]: ...

    def ids_since(self, since: float) -> list[int]: ...

    def resolve_topic(self, query: str) -> list[str]: ...

    def suggest_topics(self, query: str) -> list[str]: ...

    def prune(self, older_than_days: float, now: datetime | None = None) -> int: ...


class ChatRepository(Protocol):
    """Chats, their subscriptions and the delivery records that make briefings exactly-once."""

    def get(self, chat_id: int) -> Chat | None: ...

    def get_or_create(self, chat_id: int, type: str = "private", title: str = "") -> Chat: ...

    def save(self, chat: Chat) -> None: ...

    def all(self, active_only: bool = True) -> list[Chat]: ...

    def set_active(self, chat_id: int, active: bool) -> None: ...

    def migrate(self, old_id: int, new_id: int) -> Chat | None: ...

    def delivered(self, chat_id: int, slot: str) -> bool: ...

    def record_delivery(
        self, chat_id: int, slot: str, article_ids: list[int], when: float
    ) -> None: ...

    def prune_deliveries(self, before: float) -> int: ...


class FeedRepository(Protocol):
    """The operator's feeds and their polling state."""

    def list(self) -> list[Feed]: ...

    def get(self, url: str) -> Feed | None: ...

    def add(
        self, url: str, title: str = "", interval_minutes: float = 15.0
    ) -> tuple[Feed, bool]: ...

    def remove(self, url: str) -> bool: ...

    def save(self, feed: Feed) -> None: ...


class Lock(Protocol):
    """A lock one process of many holds (PostgreSQL session advisory lock)."""

    def try_acquire(self) -> bool: ...

    def held(self) -> bool: ...

    def release(self) -> None: ...


class Closeable(Protocol):
    def close(self) -> None: ...
