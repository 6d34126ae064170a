"""Feeds and their polling state in PostgreSQL, claimed by whichever process polls them:
``claim_due`` takes due feeds with ``FOR UPDATE SKIP LOCKED`` and moves their next poll a
lease ahead in the same statement, so two workers never fetch one feed twice, and a worker
that dies mid-poll only delays that feed until the lease runs out."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

from psycopg.types.json import Jsonb

from store.feeds import Feed
from store.postgres.database import PgDatabase

LEASE_SECONDS = 600.0  # longer than any one poll (20 s fetch + analysis)


def _feed(row_id: int, doc: dict[str, Any]) -> Feed:
    known = {k: v for k, v in doc.items() if k in Feed.__dataclass_fields__ and k != "id"}
    return Feed(**known, id=int(row_id))


def _doc(feed: Feed) -> dict[str, Any]:
    doc = asdict(feed)
    doc.pop("id")
    return doc


class PgFeedStore:
    """Feeds by URL; the same interface as the TinyDB ``FeedStore`` plus ``claim_due``."""

    def __init__(self, db: PgDatabase) -> None:
        self.db = db

    def list(self) -> list[Feed]:
        with self.db.connection() as conn:
            rows = conn.execute("SELECT id, doc FROM feeds ORDER BY id").fetchall()
        return [_feed(i, doc) for i, doc in rows]

    def get(self, url: str) -> Feed | None:
        with self.db.connection() as conn:
            row = conn.execute("SELECT id, doc FROM feeds WHERE url = %s", (url,)).fetchone()
        return _feed(row[0], row[1]) if row else None

    def add(self, url: str, title: str = "", interval_minutes: float = 15.0) -> tuple[Feed, bool]:
        """The feed and whether it was new."""
        feed = Feed(url=url, title=title, interval_minutes=interval_minutes)
        with self.db.connection() as conn:
            row = conn.execute(
                "INSERT INTO feeds (url, next_poll, doc) VALUES (%s, %s, %s)"
                " ON CONFLICT (url) DO NOTHING RETURNING id",
                (url, feed.next_poll, Jsonb(_doc(feed))),
            ).fetchone()
        if row is None:
            existing = self.get(url)
            assert existing is not None
            return existing, False
        feed.id = int(row[0])
        return feed, True

    def remove(self, url: str) -> bool:
        with self.db.connection() as conn:
            return conn.execute("DELETE FROM feeds WHERE url = %s", (url,)).rowcount > 0

    def save(self, feed: Feed) -> None:
        with self.db.connection() as conn:
            conn.execute(
                "UPDATE feeds SET next_poll = %s, doc = %s WHERE id = %s",
                (feed.next_poll, Jsonb(_doc(feed)), feed.id),
            )

    def claim_due(
        self, now: float, lease: float = LEASE_SECONDS, limit: int = 20
    ) -> builtins.list[Feed]:
        """Due feeds, now leased to the caller (nobody else gets them until ``save`` or the
        lease runs out)."""
        until = now + lease
        with self.db.connection() as conn:
            rows = conn.execute(
                "UPDATE feeds SET next_poll = %(until)s WHERE id IN ("
                " SELECT id FROM feeds WHERE next_poll <= %(now)s ORDER BY next_poll, id"
                " LIMIT %(limit)s FOR UPDATE SKIP LOCKED) RETURNING id, doc",
                {"until": until, "now": now, "limit": limit},
            ).fetchall()
        return sorted((_feed(i, doc) for i, doc in rows), key=lambda f: f.id)

    # -- copying -------------------------------------------------------------------------------
    def export(self) -> Iterator[tuple[int, dict[str, Any]]]:
        with self.db.connection() as conn:
            rows = conn.execute("SELECT id, doc FROM feeds ORDER BY id").fetchall()
        for row_id, doc in rows:
            yield int(row_id), doc

    def load(self, rows: Iterable[tuple[int, dict[str, Any]]]) -> int:
        count = 0
        with self.db.transaction() as conn:
            for row_id, doc in rows:
                conn.execute(
                    "INSERT INTO feeds (id, url, next_poll, doc) VALUES (%s, %s, %s, %s)",
                    (row_id, doc["url"], float(doc.get("next_poll", 0)), Jsonb(doc)),
                )
                count += 1
            conn.execute(
                "SELECT setval(pg_get_serial_sequence('feeds', 'id'),"
                " greatest((SELECT max(id) FROM feeds), 1))"
            )
        return count
