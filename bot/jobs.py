"""Scheduled work on PTB's JobQueue: one named job per chat and briefing time (recreated from
the store at start-up), catch-up of briefings missed while down, and feed polling."""

from __future__ import annotations

import asyncio
import logging
import time as clock
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import Application, ContextTypes, Job

from bot.briefing import CompositionCache, compose_for_chat
from bot.commands import Button, Reply
from bot.context import BotData, Context
from bot.feed_poller import FeedPoller
from bot.handlers.send import send_replies
from bot.schedule import missed, parse_time, slot_at, slot_key
from briefings.ingest import IngestOptions
from store.chats import Chat

log = logging.getLogger(__name__)
PREFIX = "brief"


@dataclass
class RunStats:
    """One line per briefing run: chats, delivered, failed, took."""

    started: float = field(default_factory=clock.monotonic)
    chats: int = 0
    delivered: int = 0
    failed: int = 0
    skipped: int = 0
    pending: int = 0


class Scheduler:
    """Creates and replaces the briefing jobs of each chat."""

    def __init__(self, app: Application) -> None:  # type: ignore[type-arg]
        self.app = app
        self.caches: dict[str, CompositionCache] = {}
        self.runs: dict[str, RunStats] = {}

    @property
    def services(self):  # type: ignore[no-untyped-def]
        return self.app.bot_data.services

    def job_name(self, chat_id: int, at: str) -> str:
        return f"{PREFIX}:{chat_id}:{at}"

    async def reschedule(self, chat_id: int) -> None:
        queue = self.app.job_queue
        assert queue is not None
        for job in queue.jobs():
            if job.name and job.name.startswith(f"{PREFIX}:{chat_id}:"):
                job.schedule_removal()
        chat = self.services.chats.get(chat_id)
        if chat is None or not chat.active or not chat.subscribed:
            return
        for at in chat.times:
            when = parse_time(at).replace(tzinfo=ZoneInfo(chat.timezone))
            queue.run_daily(
                briefing_job,
                time=when,
                days=tuple((d + 1) % 7 for d in chat.days),  # PTB counts from Sunday
                name=self.job_name(chat_id, at),
                chat_id=chat_id,
                data=at,
                # A busy minute (thousands of chats) must not turn into "missed" jobs:
                # APScheduler's default grace is one second.
                job_kwargs={"misfire_grace_time": 600, "coalesce": True},
            )

    async def restore(self, now: datetime | None = None) -> int:
        """At start-up: every chat's jobs, and briefings missed within the grace window."""
        now = now or datetime.now(UTC)
        grace = timedelta(hours=self.services.settings.grace_hours)
        queue = self.app.job_queue
        assert queue is not None
        catch_up = 0
        for chat in self.services.chats.all():
            if not chat.subscribed:
                continue
            await self.reschedule(chat.chat_id)
            for at in chat.times:
                slot = missed(now, at, chat.timezone, chat.days, grace)
                if slot is None or self.services.chats.delivered(chat.chat_id, slot_key(slot)):
                    continue
                if (
                    slot.timestamp() < chat.last_briefing
                    or slot.timestamp() < chat.schedule_changed
                ):
                    continue  # covered already, or the chat subscribed after that time
                queue.run_once(
                    briefing_job,
                    when=0.1,
                    chat_id=chat.chat_id,
                    data=at,
                    name=f"catchup:{chat.chat_id}:{at}",
                )
                catch_up += 1
        if catch_up:
            log.info("catching up %d briefings missed while the bot was down", catch_up)
        return catch_up


async def briefing_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send one chat its briefing for one slot, exactly once."""
    job = context.job
    assert job is not None and job.chat_id is not None
    ctx: Context = context  # type: ignore[assignment]
    await deliver(ctx, job.chat_id, str(job.data), datetime.now(UTC), job)


async def deliver(
    context: Context, chat_id: int, at: str, now: datetime, job: Job[Any] | None = None
) -> str:
    """Returns what happened: delivered, skipped, duplicate, inactive, failed, migrated."""
    data: BotData = context.bot_data
    services = data.services
    scheduler: Scheduler = services.extra["scheduler"]
    chat = services.chats.get(chat_id)
    if chat is None or not chat.active or not chat.subscribed:
        return "inactive"
    slot = slot_at(now, at, chat.timezone)
    if slot > now + timedelta(minutes=1):
        slot = slot_at(now - timedelta(days=1), at, chat.timezone)  # a catch-up for yesterday
    key = slot_key(slot)
    run = scheduler.runs.setdefault(key, RunStats())
    run.chats += 1
    run.pending += 1
    try:
        if services.chats.delivered(chat_id, key):
            run.skipped += 1
            return "duplicate"
        cache = scheduler.caches.setdefault(key, CompositionCache())
        composed = await asyncio.to_thread(compose_for_chat, services, chat, now, True, cache)
        if not composed.messages:
            await asyncio.to_thread(
                services.chats.record_delivery, chat_id, key, [], now.timestamp()
            )
            run.skipped += 1
            return "skipped"
        outcome = await _send(context, chat, composed.messages, composed.article_ids)
        if outcome == "delivered":
            await asyncio.to_thread(
                services.chats.record_delivery,
                chat.chat_id,
                key,
                composed.article_ids,
                now.timestamp(),
            )
            run.delivered += 1
        else:
            run.failed += 1
        return outcome
    finally:
        run.pending -= 1
        if run.pending == 0:
            took = clock.monotonic() - run.started
            log.info(
                "briefing run %s: chats %d, delivered %d, failed %d, skipped %d, took %.1f s",
                key,
                run.chats,
                run.delivered,
                run.failed,
                run.skipped,
                took,
            )
            scheduler.runs.pop(key, None)
            scheduler.caches.pop(key, None)


async def _send(context: Context, chat: Chat, messages: list[str], article_ids: list[int]) -> str:
    services = context.bot_data.services
    buttons = [Button(f"More {i + 1}", f"more:{a}") for i, a in enumerate(article_ids)]
    rows = [buttons[j : j + 5] for j in range(0, len(buttons), 5)]
    replies = [
        Reply(text, rows if n == len(messages) - 1 else []) for n, text in enumerate(messages)
    ]
    target = chat.chat_id
    for _attempt in range(2):
        try:
            await send_replies(context.bot, target, replies, silent=chat.silent)
            if target != chat.chat_id:
                chat.chat_id = target
            return "delivered"
        except ChatMigrated as exc:
            from bot.handlers.membership import migrate_chat

            await migrate_chat(context, target, exc.new_chat_id)
            target = exc.new_chat_id
        except Forbidden:
            await asyncio.to_thread(services.chats.set_active, target, False)
            log.info("chat %s blocked or removed the bot: marked inactive", target)
            return "inactive"
        except BadRequest as exc:
            log.error("Telegram rejected the briefing for chat %s: %s", target, exc.message)
            return "failed"
        except (RetryAfter, NetworkError, TelegramError) as exc:
            log.warning("could not deliver to chat %s: %s", target, exc)
            return "failed"
    return "failed"


async def poll_feeds(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Start polling every feed that is due, each on its own task (see ``bot.feed_poller``):
    the job returns at once, so one slow feed never holds the next round for the others."""
    ctx: Context = context  # type: ignore[assignment]
    services = ctx.bot_data.services
    poller: FeedPoller | None = services.extra.get("feed_poller")
    if poller is None:
        poller = FeedPoller(
            services.feeds,
            services.articles,
            services.fetcher,
            IngestOptions(fetch_pages=services.settings.fetch_pages),
        )
        services.extra["feed_poller"] = poller
    # PTB's tasks are awaited when the application stops, so no poll is cut off mid-commit.
    poller.start_due(spawn=lambda coroutine: ctx.application.create_task(coroutine))


async def maintenance(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Retention: old articles and delivery records go, so the file does not grow forever."""
    ctx: Context = context  # type: ignore[assignment]
    services = ctx.bot_data.services
    pruned = await asyncio.to_thread(services.articles.prune, services.settings.retention_days)
    records = await asyncio.to_thread(services.chats.prune_deliveries, clock.time() - 8 * 86400)
    log.info("maintenance: pruned %d articles and %d delivery records", pruned, records)
