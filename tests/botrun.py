"""Running the real bot (``newsbrief run``) as a subprocess against the fake Bot API."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import ROOT
from tests.fakes.bot_api import FakeTelegram, fake_telegram

TOKEN = "123456789:AAHfakeTokenForTests_abcdefghijklmnop"


@dataclass
class RunningBot:
    tg: FakeTelegram
    process: subprocess.Popen[bytes]
    db: Path
    log: Path

    def logs(self) -> str:
        return self.log.read_text("utf-8", errors="replace")


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "NEWSBRIEF_"))}
    return {**base, "PYTHONPATH": str(ROOT), **extra}


def newsbrief(
    *args: str, timeout: float = 120, **environment: str
) -> subprocess.CompletedProcess[str]:
    """Run the ``newsbrief`` command line once, with a clean environment plus ``environment``."""
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=ROOT,
        env=env(**environment),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@contextmanager
def running_bot(
    tmp: Path,
    *args: str,
    tg_options: dict[str, Any] | None = None,
    db: Path | None = None,
    ready: str = "getUpdates",
    environment: dict[str, str] | None = None,
) -> Iterator[RunningBot]:
    """``environment`` replaces the default one (the token in ``TELEGRAM_BOT_TOKEN``)."""
    db = db or tmp / "bot.json"
    log = tmp / "bot.log"
    with fake_telegram(TOKEN, **(tg_options or {})) as tg, open(log, "wb") as log_file:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bot.cli",
                "run",
                "--api-url",
                tg.base,
                "--db",
                str(db),
                "--log-level",
                "DEBUG",
                *args,
            ],
            cwd=ROOT,
            env=env(**(environment if environment is not None else {"TELEGRAM_BOT_TOKEN": TOKEN})),
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        running = RunningBot(tg, process, db, log)
        try:
            tg.wait_for(
                lambda: process.poll() is not None or any(c.method == ready for c in tg.calls),
                90,
            )
            assert process.poll() is None, running.logs()
            yield running
        finally:
            stop(process)


def stop(process: subprocess.Popen[Any]) -> None:
    """Stop a process as an operator would (Ctrl-C), and kill it if it has not ended in 30 s."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
