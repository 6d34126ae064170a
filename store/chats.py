"""Chats and their subscriptions, and the delivery record that makes briefings exactly-once.

Every change is committed (journal + fsync) before the command that made it is answered."""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field
from typing import Any

from store.database import Database, Delete, Put

CHATS = "chats"
DELIVERIES = "deliveries"
EVERY_DAY = [0, 1, 2, 3, 4, 5, 6]


@dataclass(slots=True)
class Chat:
    """A private chat or group and what it wants."""

    chat_id: int
    type: str = "private"
    title: str = ""
    active: bool = True
    timezone: str = "UTC"
    times: list[str] = field(default_factory=lambda: ["08:00"])
    days: list[int] = field(default_factory=lambda: list(EVERY_DAY))
    topics: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    items: int = 5
    silent: bool = False
    quiet: bool = False  # nothing at all when nothing is new
    last_briefing: float = 0.0  # articles newer than this are new to the chat
    seen: list[int] = field(default_factory=list)  # ids already sent (most recent 500)
    schedule_changed: float = 0.0  # when topics, times or zone last changed
    doc_id: int = 0

    @property
    def is_group(self) -> bool:
        return self.type in ("group", "supergroup")

    @property
    def subscribed(self) -> bool:
        return bool(self.topics or self.phrases)


class ChatStore:
    """Chats by Telegram chat id."""

    def __init__(
        self, db: Database, default_timezone: str = "UTC", default_time: str = "08:00"
    ) -> None:
        self.db = db
        self.default_timezone = default_timezone
        self.default_time = default_time
        self._lock = threading.RLock()
        self._by_chat: dict[int, int] = {}
        for doc_id, doc in db.documents(CHATS):
            self._by_chat[int(doc["chat_id"])] = doc_id
        self._delivered: set[tuple[int, str]] = {
            (int(doc["chat_id"]), str(doc["slot"])) for _, doc in db.documents(DELIVERIES)
        }

    def get(self, chat_id: int) -> Chat | None:
        doc_id = self._by_chat.get(chat_id)
        doc = self.db.raw(CHATS, doc_id) if doc_id else None
        return _chat(doc_id or 0, doc) if doc else None

    def get_or_create(self, chat_id: int, type: str = "private", title: str = "") -> Chat:
        with self._lock:
            chat = self.get(chat_id)
            if chat is None:
                chat = Chat(
                    chat_id, type, title, timezone=self.default_timezone, times=[self.default_time]
                )
                self.save(chat)
            elif (type and chat.type != type) or (title and chat.title != title):
                chat.type, chat.title = type or chat.type, title or chat.title
                self.save(chat)
            return chat

    def save(self, chat: Chat) -> None:
        with self._lock:
            if not chat.doc_id:
                chat.doc_id = self._by_chat.get(chat.chat_id) or self.db.next_id(CHATS)
            doc = asdict(chat)
            doc.pop("doc_id")
            self.db.commit([Put(CHATS, chat.doc_id, doc)])
            self._by_chat[chat.chat_id] = chat.doc_id

    def all(self, active_only: bool = True) -> list[Chat]:
        chats = [_chat(doc_id, doc) for doc_id, doc in self.db.documents(CHATS)]
        return [c for c in chats if c.active or not active_only]

    def set_active(self, chat_id: int, active: bool) -> None:
        with self._lock:
            chat = self.get(chat_id)
            if chat and chat.active != active:
                chat.active = active
                self.save(chat)

    def migrate(self, old_id: int, new_id: int) -> Chat | None:
        """A group became a supergroup: its settings move to the new id."""
        with self._lock:
            chat = self.get(old_id)
            if chat is None:
                return None
            existing = self.get(new_id)
            ops: list[Put | Delete] = []
            if existing:
                ops.append(Delete(CHATS, existing.doc_id))
            chat.chat_id, chat.type = new_id, "supergroup"
            doc = asdict(chat)
            doc.pop("doc_id")
            ops.append(Put(CHATS, chat.doc_id, doc))
            self.db.commit(ops)
            del self._by_chat[old_id]
            self._by_chat[new_id] = chat.doc_id
            return chat

    # -- deliveries ---------------------------------------------------------------------------
    def delivered(self, chat_id: int, slot: str) -> bool:
        return (chat_id, slot) in self._delivered

    def record_delivery(self, chat_id: int, slot: str, article_ids: list[int], when: float) -> None:
        """Written right after a briefing is sent, with the chat's new 'seen' state, in one
        commit: a restart never sends that slot again, nor those articles."""
        with self._lock:
            chat = self.get(chat_id)
            ops: list[Put | Delete] = [
                Put(
                    DELIVERIES,
                    self.db.next_id(DELIVERIES),
                    {"chat_id": chat_id, "slot": slot, "sent": when, "articles": article_ids},
                )
            ]
            if chat:
                chat.last_briefing = max(chat.last_briefing, when)
                chat.seen = (chat.seen + article_ids)[-500:]
                doc = asdict(chat)
                doc.pop("doc_id")
                ops.append(Put(CHATS, chat.doc_id, doc))
            self.db.commit(ops)
            self._delivered.add((chat_id, slot))

    def prune_deliveries(self, before: float) -> int:
        """Forget delivery records older than ``before`` (they only guard recent slots)."""
        with self._lock:
            old = [
                (i, d) for i, d in self.db.documents(DELIVERIES) if float(d.get("sent", 0)) < before
            ]
            self.db.commit([Delete(DELIVERIES, i) for i, _ in old])
            for _, doc in old:
                self._delivered.discard((int(doc["chat_id"]), str(doc["slot"])))
            return len(old)


def _chat(doc_id: int, doc: dict[str, Any]) -> Chat:
    known = {k: v for k, v in doc.items() if k in Chat.__dataclass_fields__ and k != "doc_id"}
    return Chat(**known, doc_id=doc_id)
