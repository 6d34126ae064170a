"""Running at scale, for real: two bot instances (webhook mode, one URL each behind what would
be a load balancer) and two workers, all ``newsbrief`` processes on one PostgreSQL database,
the fake Bot API and a local feed server. Feeds are fetched once, not once per process; every
chat gets its briefing exactly once, also when the sending instance is SIGKILLed mid-run."""

from __future__ import annotations

import hashlib
import hmac
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from store.chats import Chat
from store.open import open_stores
from tests.botrun import TOKEN, env, stop
from tests.conftest import ROOT
from tests.fakes.bot_api import FakeTelegram, fake_telegram
from tests.fakes.http_server import serve
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)
from tests.test_webhook import free_port, post, update

ITEM = (
    "<item><title>Vienna tram story {n}</title><link>{base}/story/{n}</link>"
    "<guid>{base}/story/{n}</guid><pubDate>{date}</pubDate><description>The city council of "
    "Vienna voted on Tuesday to extend tram line {n} by four kilometres. Residents of the "
    "outer districts have asked for the line since the spring. Work starts in {n} weeks, "
    "the council said.</description></item>"
)


def rss(base: str, feed: int) -> str:
    date = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    items = "".join(ITEM.format(n=feed * 10 + i, base=base, date=date) for i in range(2))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {feed}</title>{items}</channel></rss>'


@contextmanager
def process(log: Path, *args: str) -> Iterator[subprocess.Popen[bytes]]:
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", *args],
            cwd=ROOT,
            env=env(TELEGRAM_BOT_TOKEN=TOKEN),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            yield proc
        finally:
            stop(proc)


def seed(url: str, chats: list[Chat]) -> None:
    stores = open_stores(url)
    try:
        for chat in chats:
            stores.chats.save(chat)
    finally:
        stores.close()


def recorded(url: str, ids: list[int]) -> set[int]:
    """The chats among ``ids`` whose briefing has its delivery record in the database."""
    stores = open_stores(url)
    try:
        return {doc["chat_id"] for _, doc in stores.chats.export_deliveries()} & set(ids)
    finally:
        stores.close()


def count(tg: FakeTelegram, ids: list[int]) -> dict[int, int]:
    return {i: len(tg.sent(i)) for i in ids}


def test_two_bots_and_two_workers_fetch_each_feed_once_and_brief_each_chat_once_across_a_kill(
    tmp_path: Path,
    pg_url: str,  # noqa: F811
) -> None:
    with ExitStack() as stack:
        tg = stack.enter_context(fake_telegram(TOKEN))
        site = stack.enter_context(serve())
        feeds = [
            site.add(f"/feed{i}.xml", rss(site.base, i), "application/rss+xml") for i in (1, 2, 3)
        ]
        config = tmp_path / "newsbrief.toml"
        config.write_text(
            f"feeds = {feeds!r}\n".replace("'", '"')
            + "poll_minutes = 60\nallow_private_urls = true\nfetch_pages = false\n"
        )
        common = ["--db", pg_url, "--config", str(config), "--log-level", "DEBUG"]
        workers = [
            stack.enter_context(process(tmp_path / f"worker{n}.log", "worker", *common))
            for n in (1, 2)
        ]
        bots, hooks = [], []
        for n in (1, 2):
            port = free_port()
            hook = f"http://127.0.0.1:{port}/telegram"
            hooks.append(hook)
            bots.append(
                stack.enter_context(
                    process(
                        tmp_path / f"bot{n}.log",
                        "run",
                        "--api-url",
                        tg.base,
                        "--webhook-url",
                        hook,
                        "--port",
                        str(port),
                        *common,
                    )
                )
            )
        logs = lambda: "".join(  # noqa: E731
            p.read_text(errors="replace") for p in sorted(tmp_path.glob("*.log"))
        )
        tg.wait_for(lambda: len([c for c in tg.calls if c.method == "setWebhook"]) >= 2, 90)
        tg.wait_for(lambda: logs().count("newsbrief worker started") >= 2, 60)
        # Every feed fetched by exactly one of the four processes.
        tg.wait_for(lambda: logs().count("2 added") >= 3, 60)
        assert [1, 1, 1] == [
            sum(1 for path, _ in site.hits if path == f"/feed{i}.xml") for i in (1, 2, 3)
        ], logs()
        assert all(p.poll() is None for p in [*workers, *bots]), logs()

        # Behind one URL: each instance answers updates carrying the secret they share.
        secret = hmac.new(TOKEN.encode(), b"newsbrief webhook secret", hashlib.sha256).hexdigest()
        for n, hook in enumerate(hooks):
            deadline = time.monotonic() + 30
            while post(hook, update(4000 + n, "/help", n + 1), secret) != 200:
                assert time.monotonic() < deadline, logs()
                time.sleep(0.2)  # the web server may still be starting
            tg.wait_sent(4000 + n)

        # Part one: a slot that just passed, 20 chats, both instances running.
        slot = (datetime.now(UTC) - timedelta(minutes=1)).strftime("%H:%M")
        first = list(range(5000, 5020))
        seed(pg_url, [Chat(chat_id=i, topics=["vienna"], times=[slot]) for i in first])
        tg.wait_for(lambda: all(count(tg, first).values()), 40)
        time.sleep(1)  # a duplicate, if any, would come now
        assert {i: 1 for i in first} == count(tg, first)
        assert "Your briefing" in tg.sent(first[0])[0].params["text"]
        # Part two: the sender is killed after 8 of 30 briefings; the other instance finishes.
        tg.admit = 8
        second = list(range(6000, 6030))
        seed(pg_url, [Chat(chat_id=i, topics=["vienna"], times=[slot]) for i in second])
        tg.wait_for(lambda: sum(count(tg, second).values()) >= 8 and tg.waiting >= 1, 40)
        # The sends Telegram accepted get their delivery records before the kill (a kill in
        # between is the one window where at-least-once delivery may repeat a briefing).
        accepted = [i for i, n in count(tg, second).items() if n]
        tg.wait_for(lambda: recorded(pg_url, second) >= set(accepted), 30)
        sender = next(
            b
            for n, b in enumerate(bots)
            if "now sends the scheduled briefings"
            in (tmp_path / f"bot{n + 1}.log").read_text(errors="replace")
        )
        sender.send_signal(signal.SIGKILL)
        sender.wait()
        tg.admit = None
        tg.abort_waiting()  # the dead instance's held sends never reached Telegram
        tg.wait_for(lambda: tg.waiting == 0, 10)
        tg.discard_waiting = False
        tg.wait_for(lambda: all(count(tg, second).values()), 60)
        time.sleep(1)
        assert {i: 1 for i in second} == count(tg, second), logs()
        assert {i: 1 for i in first} == count(tg, first)
        for proc in [*workers, *bots]:  # stop together, not one after the other
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
