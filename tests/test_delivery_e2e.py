"""Scheduled briefings end to end: the real bot, a local Bot API server, a database seeded with
subscribed chats. On time, exactly once across a crash, missed-briefing catch-up, faults,
429s, and feed polling with ETags."""

from __future__ import annotations

import signal
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from store import Database
from store.chats import Chat, ChatStore
from tests.botrun import RunningBot, running_bot
from tests.conftest import CORPUS, needs_shared
from tests.fakes.http_server import serve

pytestmark = needs_shared


def seed(db: Path, chats: list[Chat]) -> None:
    with Database(db) as database:
        store = ChatStore(database)
        for chat in chats:
            store.save(chat)


def read_chat(db: Path, chat_id: int) -> Chat | None:
    with Database(db, readonly=True) as database:
        return ChatStore(database).get(chat_id)


def briefings(bot: RunningBot, chat_id: int) -> list[str]:
    return [
        str(c.params["text"])
        for c in bot.tg.sent(chat_id)
        if "Your briefing" in str(c.params["text"])
    ]


def hhmm(moment: datetime, seconds: bool = False) -> str:
    return moment.strftime("%H:%M:%S" if seconds else "%H:%M")


def test_a_briefing_a_few_seconds_ahead_arrives_once(tmp_path: Path) -> None:
    db = tmp_path / "bot.json"
    at = hhmm(datetime.now(UTC) + timedelta(seconds=8), seconds=True)
    seed(db, [Chat(chat_id=301, topics=["armenia"], times=[at])])
    with running_bot(tmp_path, db=db) as bot:
        bot.tg.wait_for(lambda: briefings(bot, 301), timeout=40)
        time.sleep(1.5)
        [text] = briefings(bot, 301)
        assert "armenia" in text and "Armenia and Azerbaijan" in text
        assert "briefing run" in bot.logs() and "delivered 1" in bot.logs()


def test_missed_briefings_are_caught_up_within_the_grace_window_only(tmp_path: Path) -> None:
    db = tmp_path / "bot.json"
    now = datetime.now(UTC)
    seed(
        db,
        [
            Chat(chat_id=302, topics=["armenia"], times=[hhmm(now - timedelta(minutes=10))]),
            Chat(chat_id=303, topics=["armenia"], times=[hhmm(now - timedelta(hours=4))]),
            # Subscribed after its time passed: nothing to catch up.
            Chat(
                chat_id=304,
                topics=["armenia"],
                times=[hhmm(now - timedelta(minutes=10))],
                schedule_changed=now.timestamp(),
            ),
        ],
    )
    with running_bot(tmp_path, db=db) as bot:
        bot.tg.wait_for(lambda: briefings(bot, 302), timeout=30)
        time.sleep(2)
        assert [] == briefings(bot, 303)
        assert [] == briefings(bot, 304)


def test_a_crash_in_the_middle_of_a_run_sends_nobody_twice(tmp_path: Path) -> None:
    db = tmp_path / "bot.json"
    slot = hhmm(datetime.now(UTC) - timedelta(minutes=2))
    ids = list(range(1000, 1040))
    seed(db, [Chat(chat_id=i, topics=["armenia"], times=[slot]) for i in ids])
    # The fake lets 12 briefings through, then holds every further send at its door.
    with running_bot(tmp_path, db=db, tg_options={"enforce_limits": True, "admit": 12}) as bot:
        bot.tg.wait_for(lambda: len(bot.tg.sent()) >= 12 and bot.tg.waiting >= 1, timeout=40)
        time.sleep(0.5)  # the last accepted sends get their delivery records
        bot.process.send_signal(signal.SIGKILL)
        bot.process.wait()
        bot.tg.abort_waiting()
        first = {i: len(briefings(bot, i)) for i in ids}
    assert 12 == sum(first.values())
    with running_bot(tmp_path, db=db, tg_options={"enforce_limits": True}) as again:
        again.tg.wait_for(
            lambda: sum(1 for i in ids if briefings(again, i)) + sum(first.values()) >= len(ids),
            timeout=60,
        )
        time.sleep(1.5)
        second = {i: len(briefings(again, i)) for i in ids}
    assert {i: 1 for i in ids} == {i: first[i] + second[i] for i in ids}


def test_blocked_migrated_rejected_and_rate_limited_chats(tmp_path: Path) -> None:
    db = tmp_path / "bot.json"
    slot = hhmm(datetime.now(UTC) - timedelta(minutes=1))
    chats = [401, 402, -6001, 404, 405]
    seed(
        db,
        [
            Chat(chat_id=i, type="group" if i < 0 else "private", topics=["armenia"], times=[slot])
            for i in chats
        ],
    )
    options = {
        "blocked": {402},
        "migrated": {-6001: -1006001},
        "broken": {404},
        "force_429": {405: 1},
    }
    with running_bot(tmp_path, db=db, tg_options=options) as bot:
        bot.tg.wait_for(
            lambda: briefings(bot, 401) and briefings(bot, -1006001) and briefings(bot, 405),
            timeout=40,
        )
        bot.tg.wait_for(lambda: "briefing run" in bot.logs(), timeout=20)
        logs = bot.logs()
    assert not read_chat(db, 402).active  # type: ignore[union-attr]
    moved = read_chat(db, -1006001)
    assert moved is not None and ["armenia"] == moved.topics and read_chat(db, -6001) is None
    assert "rejected the briefing for chat 404" in logs
    assert "chats 5, delivered 3" in logs


FEED = CORPUS / "feeds" / "lemonde-une-rss2-fr.xml"


def test_feeds_are_polled_with_conditional_get(tmp_path: Path) -> None:
    with serve() as site:
        url = site.add("/une.xml", FEED.read_bytes(), "application/rss+xml")
        broken = site.add("/broken.xml", "oops", status=500)
        config = tmp_path / "newsbrief.toml"
        config.write_text(
            f'feeds = ["{url}", "{broken}"]\npoll_minutes = 0.05\n'
            "allow_private_urls = true\nfetch_pages = false\n"
        )
        with running_bot(tmp_path, "--config", str(config)) as bot:
            # Three polls of the good feed: under load its first (21 articles to read) can take
            # as long as the broken feed's first back-off, so two would not tell them apart.
            bot.tg.wait_for(
                lambda: len([h for h in site.hits if h[0] == "/une.xml"]) >= 3, timeout=60
            )
            bot.tg.wait_for(lambda: "not modified" in bot.logs(), timeout=20)
            logs = bot.logs()
    first, second = [h for h in site.hits if h[0] == "/une.xml"][:2]
    assert "If-None-Match" not in first[1]
    assert second[1]["If-None-Match"].startswith('"')
    assert "21 added" in logs
    # A failing feed backs off (here: twice its interval) and the others go on.
    assert "broken.xml failed (1 in a row): HTTP 500" in logs
    hits = [h[0] for h in site.hits]
    assert hits.count("/broken.xml") < hits.count("/une.xml")


def test_owners_manage_feeds_from_the_chat(tmp_path: Path) -> None:
    config = tmp_path / "newsbrief.toml"
    config.write_text("owners = [42]\n")
    with running_bot(tmp_path, "--config", str(config)) as bot:
        bot.tg.message(500, "/addfeed https://example.org/feed.xml", user_id=42)
        bot.tg.message(501, "/addfeed https://example.org/other.xml", user_id=43)
        bot.tg.wait_sent(500)
        bot.tg.wait_sent(501)
        bot.tg.message(500, "/feeds", user_id=42)
        bot.tg.wait_sent(500, 2)
        assert "Added https://example.org/feed.xml" in bot.tg.sent(500)[0].params["text"]
        assert "Only the bot's owners" in bot.tg.sent(501)[0].params["text"]
        assert "example.org/feed.xml" in bot.tg.sent(500)[1].params["text"]
