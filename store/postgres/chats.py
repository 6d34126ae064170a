"""Chats, subscriptions and delivery records in PostgreSQL. A delivery record is unique per
chat and slot, written in the same transaction as the chat's new "seen" state."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

from psycopg.types.json import Jsonb

from store.chats import Chat
from store.postgres.database import PgDatabase

# Any write to a chat may change when its next briefing is due: the sweep computes it again.
RESET_DUE = "next_due = '-Infinity'"


def _doc(chat: Chat) -> dict[str, Any]:
    doc = asdict(chat)
    doc.pop("doc_id")
    return doc


def _chat(row_id: int, doc: dict[str, Any]) -> Chat:
    known = {k: v for k, v in doc.items() if k in Chat.__dataclass_fields__ and k != "doc_id"}
    return Chat(**known, doc_id=int(row_id))


class PgChatStore:
    """Chats by Telegram chat id; the same interface as the TinyDB ``ChatStore``."""

    def __init__(
        self, db: PgDatabase, default_timezone: str = "UTC", default_time: str = "08:00"
    ) -> None:
        self.db = db
        self.default_timezone = default_timezone
        self.default_time = default_time

    def get(self, chat_id: int) -> Chat | None:
        with self.db.connection() as conn:
            row = conn.execute(
                "SELECT id, doc FROM chats WHERE chat_id = %s", (chat_id,)
            ).fetchone()
        return _chat(row[0], row[1]) if row else None

    def get_or_create(self, chat_id: int, type: str = "private", title: str = "") -> Chat:
        chat = self.get(chat_id)
        if chat is None:
            fresh = Chat(
                chat_id, type, title, timezone=self.default_timezone, times=[self.default_time]
            )
            with self.db.connection() as conn:
                conn.execute(
                    "INSERT INTO chats (chat_id, doc) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                    (chat_id, Jsonb(_doc(fresh))),
                )
            chat = self.get(chat_id)
            assert chat is not None
        elif (type and chat.type != type) or (title and chat.title != title):
            chat.type, chat.title = type or chat.type, title or chat.title
            self.save(chat)
        return chat

    def save(self, chat: Chat) -> None:
        with self.db.connection() as conn:
            row = conn.execute(
                "INSERT INTO chats (chat_id, doc) VALUES (%s, %s) ON CONFLICT (chat_id)"
                f" DO UPDATE SET doc = EXCLUDED.doc, {RESET_DUE} RETURNING id",
                (chat.chat_id, Jsonb(_doc(chat))),
            ).fetchone()
        chat.doc_id = int(row[0]) if row else chat.doc_id

    def all(self, active_only: bool = True) -> list[Chat]:
        with self.db.connection() as conn:
            rows = conn.execute("SELECT id, doc FROM chats ORDER BY id").fetchall()
        chats = [_chat(i, doc) for i, doc in rows]
        return [c for c in chats if c.active or not active_only]

    def schedules(self) -> list[Chat]:
        """Active, subscribed chats without their "seen" lists: what the briefing sweep reads
        every few seconds, kept small."""
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT id, doc - 'seen' FROM chats WHERE (doc->>'active')::boolean"
                " AND (jsonb_array_length(coalesce(doc->'topics', '[]')) > 0"
                " OR jsonb_array_length(coalesce(doc->'phrases', '[]')) > 0) ORDER BY id"
            ).fetchall()
        return [_chat(i, doc) for i, doc in rows]

    def due_schedules(self, now: float) -> list[tuple[Chat, str]]:
        """Like :meth:`schedules`, only the chats whose ``next_due`` has come (or was reset by
        a change to the chat), each with a token for :meth:`set_next_due`: the briefing sweep
        every few seconds reads a handful of rows, not every chat."""
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT id, xmin::text, doc - 'seen' FROM chats WHERE next_due <= %s"
                " AND (doc->>'active')::boolean"
                " AND (jsonb_array_length(coalesce(doc->'topics', '[]')) > 0"
                " OR jsonb_array_length(coalesce(doc->'phrases', '[]')) > 0) ORDER BY id",
                (now,),
            ).fetchall()
        return [(_chat(i, doc), str(token)) for i, token, doc in rows]

    def set_next_due(self, updates: list[tuple[int, str, float]]) -> None:
        """Store (chat id, token from :meth:`due_schedules`, when the sweep must look again).
        A chat written since it was read (its row version differs) keeps its reset value."""
        if not updates:
            return
        with self.db.connection() as conn:
            conn.execute(
                "UPDATE chats c SET next_due = u.due"
                " FROM unnest(%s::int8[], %s::text[], %s::float8[]) u(chat_id, token, due)"
                " WHERE c.chat_id = u.chat_id AND c.xmin = u.token::xid",
                tuple(map(list, zip(*updates, strict=True))),
            )

    def set_active(self, chat_id: int, active: bool) -> None:
        with self.db.connection() as conn:
            conn.execute(
                "UPDATE chats SET doc = jsonb_set(doc, '{active}', to_jsonb(%s::boolean)),"
                f" {RESET_DUE} WHERE chat_id = %s",
                (active, chat_id),
            )

    def migrate(self, old_id: int, new_id: int) -> Chat | None:
        """A group became a supergroup: its settings move to the new id."""
        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT id, doc FROM chats WHERE chat_id = %s FOR UPDATE", (old_id,)
            ).fetchone()
            if row is None:
                return None
            chat = _chat(row[0], row[1])
            chat.chat_id, chat.type = new_id, "supergroup"
            conn.execute("DELETE FROM chats WHERE chat_id = %s", (new_id,))
            conn.execute(
                f"UPDATE chats SET chat_id = %s, doc = %s, {RESET_DUE} WHERE id = %s",
                (new_id, Jsonb(_doc(chat)), chat.doc_id),
            )
        return chat

    # -- deliveries ---------------------------------------------------------------------------
    def delivered(self, chat_id: int, slot: str) -> bool:
        with self.db.connection() as conn:
            row = conn.execute(
                "SELECT 1 FROM deliveries WHERE chat_id = %s AND slot = %s", (chat_id, slot)
            ).fetchone()
        return row is not None

    def record_delivery(self, chat_id: int, slot: str, article_ids: list[int], when: float) -> None:
        """Written right after a briefing is sent, with the chat's new 'seen' state, in one
        transaction: no instance sends that slot again, nor those articles."""
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO deliveries (chat_id, slot, sent, articles) VALUES (%s, %s, %s, %s)"
                " ON CONFLICT (chat_id, slot) DO NOTHING",
                (chat_id, slot, when, Jsonb(article_ids)),
            )
            row = conn.execute(
                "SELECT id, doc FROM chats WHERE chat_id = %s FOR UPDATE", (chat_id,)
            ).fetchone()
            if row:
                chat = _chat(row[0], row[1])
                chat.last_briefing = max(chat.last_briefing, when)
                chat.seen = (chat.seen + article_ids)[-500:]
                conn.execute(
                    f"UPDATE chats SET doc = %s, {RESET_DUE} WHERE id = %s",
                    (Jsonb(_doc(chat)), chat.doc_id),
                )

    def prune_deliveries(self, before: float) -> int:
        """Forget delivery records older than ``before`` (they only guard recent slots)."""
        with self.db.connection() as conn:
            cursor = conn.execute("DELETE FROM deliveries WHERE sent < %s", (before,))
            return max(0, cursor.rowcount)

    # -- copying -------------------------------------------------------------------------------
    def export_chats(self) -> Iterator[tuple[int, dict[str, Any]]]:
        with self.db.connection() as conn:
            rows = conn.execute("SELECT id, doc FROM chats ORDER BY id").fetchall()
        for row_id, doc in rows:
            yield int(row_id), doc

    def export_deliveries(self) -> Iterator[tuple[int, dict[str, Any]]]:
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT id, chat_id, slot, sent, articles FROM deliveries ORDER BY id"
            ).fetchall()
        for row_id, chat_id, slot, sent, articles in rows:
            yield (
                int(row_id),
                {"chat_id": chat_id, "slot": slot, "sent": sent, "articles": articles},
            )

    def load(
        self,
        chats: Iterable[tuple[int, dict[str, Any]]],
        deliveries: Iterable[tuple[int, dict[str, Any]]],
    ) -> tuple[int, int]:
        n_chats = n_deliveries = 0
        with self.db.transaction() as conn:
            for row_id, doc in chats:
                conn.execute(
                    "INSERT INTO chats (id, chat_id, doc) VALUES (%s, %s, %s)",
                    (row_id, int(doc["chat_id"]), Jsonb(doc)),
                )
                n_chats += 1
            for row_id, doc in deliveries:
                conn.execute(
                    "INSERT INTO deliveries (id, chat_id, slot, sent, articles)"
                    " VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                    (
                        row_id,
                        int(doc["chat_id"]),
                        str(doc["slot"]),
                        float(doc.get("sent", 0)),
                        Jsonb(doc.get("articles", [])),
                    ),
                )
                n_deliveries += 1
            for table in ("chats", "deliveries"):
                conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" greatest((SELECT max(id) FROM {table}), 1))"
                )
        return n_chats, n_deliveries
