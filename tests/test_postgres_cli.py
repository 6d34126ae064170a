"""The command line on PostgreSQL: ``--db postgresql://…`` and ``NEWSBRIEF_DB`` select it,
``db copy`` moves everything between a TinyDB file and PostgreSQL both ways, and a second
long-polling instance refuses to start with one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from store.chats import Chat
from store.database import Database
from store.open import open_stores, poller_lock_key
from tests.botrun import TOKEN, env
from tests.conftest import ROOT
from tests.helpers import make_article
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)


def fill(path: Path) -> None:
    stores = open_stores(path)
    try:
        stores.articles.add_many([make_article(i, place=p) for i, p in enumerate(["Oslo", "Lima"])])
        chat = Chat(chat_id=11, topics=["oslo"], phrases=["tram line"], times=["07:30"])
        stores.chats.save(chat)
        stores.chats.record_delivery(11, "2026-11-30T07:30+00:00", [1], 1700000000.0)
        feed, _ = stores.feeds.add("https://example.org/feed.xml", interval_minutes=30)
        feed.etag, feed.failures = '"v1"', 2
        stores.feeds.save(feed)
    finally:
        stores.close()


def tables(path: Path) -> dict[str, object]:
    with Database(path, readonly=True) as db:
        return {name: db.table_dict(name) for name in ("articles", "chats", "deliveries", "feeds")}


def test_db_copy_moves_everything_to_postgresql_and_back(
    tmp_path: Path,
    pg_url: str,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    source, back = tmp_path / "a.json", tmp_path / "b.json"
    fill(source)
    assert 0 == main(["db", "copy", str(source), pg_url])
    out, err = capsys.readouterr()
    assert "articles 2, chats 1, deliveries 1, feeds 1 copied" in out
    assert "articles" in err and "2/2" in err  # the progress bar
    stores = open_stores(pg_url)
    try:
        [chat] = stores.chats.all()
        assert ["tram line"] == chat.phrases and stores.chats.delivered(
            11, "2026-11-30T07:30+00:00"
        )
        assert ["Oslo"] == [a.title.split()[0] for a in stores.articles.by_topics(["oslo"], 5)]
    finally:
        stores.close()
    assert 0 == main(["db", "copy", pg_url, str(back)])
    assert tables(source) == tables(back)


def test_db_copy_refuses_a_destination_that_is_not_empty(
    tmp_path: Path,
    pg_url: str,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    fill(tmp_path / "a.json")
    fill(tmp_path / "b.json")
    assert 2 == main(["db", "copy", str(tmp_path / "a.json"), str(tmp_path / "b.json")])
    assert "is not empty" in capsys.readouterr().err


def test_newsbrief_db_selects_postgresql_for_ingest_and_queries(
    tmp_path: Path,
    pg_url: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    article = tmp_path / "story.txt"
    article.write_text(
        "Title: Oslo opens a harbour bath\nSource: Example News\n\nThe city of Oslo opened a "
        "new harbour bath on Monday. Swimmers queued from early morning, the city said.\n"
    )
    monkeypatch.setenv("NEWSBRIEF_DB", pg_url)
    assert 0 == main(["ingest", str(article)])
    assert "added 1" in capsys.readouterr().out
    monkeypatch.delenv("NEWSBRIEF_DB")
    assert 0 == main(["topic", "oslo", "--db", pg_url])
    assert "Oslo opens a harbour bath" in capsys.readouterr().out
    assert not (tmp_path / "postgresql:").exists()


def test_a_second_polling_instance_refuses_to_start_with_one_line(
    pg_url: str,  # noqa: F811
) -> None:
    # The first poller's lock, held the way a running ``newsbrief run`` holds it.
    stores = open_stores(pg_url)
    first = stores.lock(poller_lock_key(TOKEN))
    assert first is not None and first.try_acquire()
    try:
        second = subprocess.run(
            [
                sys.executable,
                "-m",
                "bot.cli",
                "run",
                "--db",
                pg_url,
                "--api-url",
                "http://127.0.0.1:9/bot",
            ],
            cwd=ROOT,
            env=env(TELEGRAM_BOT_TOKEN=TOKEN),
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        first.release()
        stores.close()
    assert 2 == second.returncode
    [line] = second.stderr.strip().splitlines()
    assert "another instance already polls Telegram" in line and TOKEN not in line
