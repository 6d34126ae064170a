"""The operator's feeds and their polling state (ETag, Last-Modified, failures, next poll)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from store.database import Database, Delete, Put

TABLE = "feeds"


@dataclass(slots=True)
class Feed:
    url: str
    title: str = ""
    interval_minutes: float = 15.0
    etag: str = ""
    last_modified: str = ""
    failures: int = 0
    last_error: str = ""
    last_polled: float = 0.0
    next_poll: float = 0.0
    id: int = 0


class FeedStore:
    """Feeds by URL; every change is committed at once."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self) -> list[Feed]:
        return sorted((self._feed(i, d) for i, d in self.db.documents(TABLE)), key=lambda f: f.id)

    def get(self, url: str) -> Feed | None:
        return next((f for f in self.list() if f.url == url), None)

    def add(self, url: str, title: str = "", interval_minutes: float = 15.0) -> tuple[Feed, bool]:
        """The feed and whether it was new."""
        existing = self.get(url)
        if existing:
            return existing, False
        feed = Feed(url=url, title=title, interval_minutes=interval_minutes)
        feed.id = self.db.next_id(TABLE)
        self.save(feed)
        return feed, True

    def remove(self, url: str) -> bool:
        feed = self.get(url)
        if not feed:
            return False
        self.db.commit([Delete(TABLE, feed.id)])
        return True

    def save(self, feed: Feed) -> None:
        doc = asdict(feed)
        doc.pop("id")
        self.db.commit([Put(TABLE, feed.id, doc)])

    @staticmethod
    def _feed(doc_id: int, doc: dict[str, Any]) -> Feed:
        known = {k: v for k, v in doc.items() if k in Feed.__dataclass_fields__ and k != "id"}
        return Feed(**known, id=doc_id)
