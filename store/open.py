"""The store factory: a ``postgresql://`` URL opens PostgreSQL, anything else the TinyDB file.
Callers get the same four things either way and depend only on ``store.protocols``."""

from __future__ import annotations

import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from store.articles import ArticleStore
from store.chats import ChatStore
from store.database import Database, DatabaseError
from store.feeds import Feed, FeedStore
from store.protocols import ArticleBackend, ChatRepository, Closeable, FeedRepository, Lock

# Advisory lock keys: one sender of scheduled briefings per database; one Telegram poller per
# bot (keyed by the bot's id, the token's part before the colon, so it never leaks the secret).
SENDER_LOCK = 0x6E62_0010


def poller_lock_key(token: str) -> int:
    return 0x6E62_0000_0000 + zlib.crc32(token.split(":")[0].encode())


@dataclass
class Stores:
    """One database opened: its stores, and its locks when several processes share it."""

    db: Closeable
    articles: ArticleBackend
    chats: ChatRepository
    feeds: FeedRepository
    name: str
    shared: bool  # several processes may use it at once (PostgreSQL)

    def lock(self, key: int) -> Lock | None:
        """A cross-process lock, or None when the database has a single writer anyway."""
        from store.postgres.database import PgDatabase

        return self.db.session_lock(key) if isinstance(self.db, PgDatabase) else None

    def close(self) -> None:
        self.db.close()


def is_url(target: str | Path) -> bool:
    """A PostgreSQL URL (checked without importing psycopg: TinyDB users never load it)."""
    return str(target).startswith(("postgresql://", "postgres://"))


def open_stores(
    target: str | Path,
    *,
    readonly: bool = False,
    default_timezone: str = "UTC",
    default_time: str = "08:00",
) -> Stores:
    """Open a TinyDB file (a path) or a PostgreSQL database (a ``postgresql://`` URL)."""
    if is_url(target):
        from store.postgres.articles import PgArticleStore
        from store.postgres.chats import PgChatStore
        from store.postgres.database import PgDatabase
        from store.postgres.feeds import PgFeedStore

        pg = PgDatabase(str(target), readonly=readonly)
        return Stores(
            pg,
            PgArticleStore(pg),
            PgChatStore(pg, default_timezone, default_time),
            PgFeedStore(pg),
            pg.name,
            shared=True,
        )
    path = Path(target).expanduser()
    if readonly and not Database.exists(path):
        if not path.parent.is_dir():
            raise DatabaseError(f"the database folder {path.parent} does not exist")
        db = Database(None)  # nothing stored yet: an empty store answers
    else:
        db = Database(path, readonly=readonly)
    return Stores(
        db,
        ArticleStore(db),
        ChatStore(db, default_timezone, default_time),
        FeedStore(db),
        str(path),
        shared=False,
    )


def due_feeds(feeds: FeedRepository, now: float | None = None) -> list[Feed]:
    """Feeds to poll now. A shared store leases them to this process (``claim_due``) so no
    other process fetches them too; a single-process store just filters."""
    now = time.time() if now is None else now
    claim = getattr(feeds, "claim_due", None)
    if claim is not None:
        claimed: list[Feed] = claim(now)
        return claimed
    return [f for f in feeds.list() if f.next_poll <= now]
