"""``newsbrief chat``: the bot in a terminal, driven by piping commands into it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.botrun import env
from tests.conftest import ROOT


def chat(db: Path, commands: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat", "--db", str(db)],
        input=commands,
        cwd=ROOT,
        env=env(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_empty_database_shows_the_bundled_sample_at_once(tmp_path: Path) -> None:
    result = chat(tmp_path / "db.json", "")
    assert 0 == result.returncode, result.stderr
    assert "loaded the bundled sample article" in result.stdout
    assert "Latest news" in result.stdout
    assert "US points to “significant progress”" in result.stdout
    assert "│ — Antony Blinken" in result.stdout  # the key quote as a quote block


def test_commands_buttons_and_bad_input_in_the_console(tmp_path: Path) -> None:
    script = "\n".join(
        [
            "/topic karabagh",
            "/more 1",
            "/subscribe armenia 8:00",
            "/subscriptions",
            "/topic <b>x</b>",
            "/nonsense",
            "hello",
            "/more 9",
        ]
    )
    out = chat(tmp_path / "db.json", script + "\n").stdout
    assert "Nagorno-Karabakh" in out
    # The sample's 11 gold quotes and its 2 optional phrases quoted in reported speech.
    assert "Quotes (13)" in out and "the foreign ministries of Armenia and Azerbaijan" in out
    assert "Subscribed to armenia. Briefings at 08:00 (UTC)." in out
    assert "• armenia" in out
    assert "Nothing on “<b>x</b>”" in out  # shown as typed, not as markup
    assert "Unknown command /nonsense" in out
    assert "Commands start with /" in out
    assert "No such button" in out
