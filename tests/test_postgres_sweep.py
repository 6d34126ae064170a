"""The briefing sweep on PostgreSQL reads only the chats whose next briefing time has come
(schema step 3), and finds exactly the briefings that reading every chat finds."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from bot.jobs import due_briefings
from store.chats import Chat
from store.open import open_stores
from store.postgres.chats import PgChatStore
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)

GRACE = timedelta(hours=3)
START = datetime(2026, 3, 28, 20, 0, tzinfo=UTC)  # a DST change in Europe that night


class EveryChat:
    """The store as the sweep read it before: every subscribed chat, every time."""

    def __init__(self, chats: PgChatStore) -> None:
        self.all = chats.schedules


def test_the_sweep_finds_what_reading_every_chat_finds_over_two_days(pg_url: str) -> None:  # noqa: F811
    stores = open_stores(pg_url)
    chats = stores.chats
    assert isinstance(chats, PgChatStore)
    rng = random.Random(5)
    try:
        for i in range(40):
            chat = Chat(
                chat_id=i + 1,
                topics=["tram"] if i % 7 else [],
                times=[
                    f"{rng.randrange(24):02d}:{rng.choice([0, 30, 45])}" for _ in range(1 + i % 2)
                ],
                days=list(range(7)) if i % 5 else [0, 2, 4],
                timezone=rng.choice(["UTC", "Europe/Vienna", "Asia/Kolkata", "America/New_York"]),
            )
            chats.save(chat)
        sent = 0
        for step in range(2 * 24 * 4):  # every 15 minutes for two days
            now = START + timedelta(minutes=15 * step)
            expected = due_briefings(EveryChat(chats), now, GRACE)  # type: ignore[arg-type]
            assert expected == due_briefings(chats, now, GRACE), now
            for chat_id, _, slot in expected:
                chats.record_delivery(chat_id, slot, [], now.timestamp())
                sent += 1
            if step == 30:  # a schedule change between sweeps is seen at the next one
                changed = chats.get(3)
                assert changed is not None
                changed.times = [(now - timedelta(minutes=5)).strftime("%H:%M")]
                changed.timezone = "UTC"
                chats.save(changed)
                assert (3, changed.times[0]) in [
                    (c, at) for c, at, _ in due_briefings(chats, now, GRACE)
                ]
        assert sent > 40  # most chats got two days of briefings
        # Between briefings, a sweep reads no chat at all.
        quiet = START + timedelta(days=2, minutes=1)
        due_briefings(chats, quiet, GRACE)
        assert len(chats.due_schedules(quiet.timestamp())) <= 2
    finally:
        stores.close()


def test_a_chat_written_while_the_sweep_ran_keeps_its_reset(pg_url: str) -> None:  # noqa: F811
    stores = open_stores(pg_url)
    chats = stores.chats
    assert isinstance(chats, PgChatStore)
    try:
        chats.save(Chat(chat_id=7, topics=["tram"], times=["08:00"]))
        [(chat, token)] = chats.due_schedules(START.timestamp())
        chat.times = ["20:00"]
        chats.save(chat)  # another instance's /subscribe, between the read and the write-back
        chats.set_next_due([(7, token, START.timestamp() + 86400)])
        assert [7] == [c.chat_id for c, _ in chats.due_schedules(START.timestamp())]
    finally:
        stores.close()
