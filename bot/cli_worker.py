"""``newsbrief worker``: polls feeds and analyses their articles, no Telegram. Several workers
(and bot instances) share the feeds of one PostgreSQL database: each due feed is leased to one
of them, so none is fetched twice, and each keeps its own interval and back-off."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
from typing import Any

from bot.settings import Settings

log = logging.getLogger("bot.worker")
CHECK_SECONDS = 60.0  # how often due feeds are looked for; each feed has its own interval


def add_worker_command(sub: Any) -> None:
    p = sub.add_parser(
        "worker", help="poll feeds and analyse articles, no Telegram (several may run)"
    )
    p.add_argument("--config", help="settings file (TOML)")
    p.add_argument("--log-level", help="DEBUG, INFO (default), WARNING or ERROR")
    p.set_defaults(func=cmd_worker)


def cmd_worker(args: argparse.Namespace) -> int:
    from bot.cli_bot import _settings
    from bot.logs import setup_logging

    settings = _settings(args, need_token=False)
    setup_logging(settings.log_level, [settings.token] if settings.token else [])
    asyncio.run(run_worker(settings))
    return 0


async def run_worker(settings: Settings, stop: asyncio.Event | None = None) -> None:
    """Poll due feeds until SIGINT/SIGTERM (or ``stop``)."""
    from bot.jobs import start_feed_polls
    from bot.services import Services

    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    services = await asyncio.to_thread(Services.open, settings)
    running: set[asyncio.Task[None]] = set()
    try:
        for url in settings.feeds:
            await asyncio.to_thread(
                services.feeds.add, url, "", interval_minutes=settings.poll_minutes
            )
        feeds = await asyncio.to_thread(services.feeds.list)
        log.info("newsbrief worker started: %d feeds", len(feeds))
        check = min(CHECK_SECONDS, max(1.0, settings.poll_minutes * 60))
        while not stop.is_set():
            try:
                running.update(await start_feed_polls(services))
            except Exception:  # one bad round (the database away) must not end the worker
                log.exception("feed polling failed; trying again in %.0f s", check)
            running = {task for task in running if not task.done()}
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=check)
        if running:  # no poll is cut off mid-commit
            await asyncio.gather(*running, return_exceptions=True)
    finally:
        await services.shutdown()
        log.info("newsbrief worker stopped")
