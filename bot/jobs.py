"""Scheduled work on PTB's JobQueue: one named job per chat and briefing time (recreated from
the store at start-up), catch-up of briefings missed while down, and feed polling.

On a shared (PostgreSQL) store several instances run at once: one of them, the holder of the
sender lock, sends every scheduled briefing, found by a sweep every few seconds instead of
per-chat jobs (a /subscribe answered by another instance is then seen at once); the others
keep trying the lock and take over within seconds when the sender dies."""

from __future__ import annotations

import asyncio
import logging
import math
import time as clock
from asyncio import Task
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
from bot.feed_poller import FeedPoller, Spawn
from bot.handlers.send import send_replies
from bot.schedule import missed, next_slot, parse_time, slot_at, slot_key
from bot.services import Services
from briefings.ingest import IngestOptions
from store.chats import Chat
from store.open import SENDER_LOCK, due_feeds
from store.protocols import ChatRepository, Lock

log = logging.getLogger(__name__)
PREFIX = "brief"
SWEEP_SECONDS = 5.0  # shared store: how often the sender looks for due briefings


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
        stores = app.bot_data.services.stores
        # Shared store: only the holder of this lock sends scheduled briefings.
        self.sender: Lock | None = stores.lock(SENDER_LOCK) if stores and stores.shared else None
        self.leading = False
        self.attempted: dict[tuple[int, str], float] = {}  # (chat, slot) tried by this process

    @property
    def services(self):  # type: ignore[no-untyped-def]
        return self.app.bot_data.services

    def job_name(self, chat_id: int, at: str) -> str:
        return f"{PREFIX}:{chat_id}:{at}"

    async def reschedule(self, chat_id: int) -> None:
        queue = self.app.job_queue
        assert queue is not None
        if self.sender is not None:
            return  # the sender's sweep reads the schedule from the database
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
        if self.sender is not None:
            queue.run_repeating(sweep_briefings, interval=SWEEP_SECONDS, first=0.5, name="sweep")
            return 0  # the sweep catches up too, within the same grace window
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
    chat = await asyncio.to_thread(services.chats.get, chat_id)
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
        if await asyncio.to_thread(services.chats.delivered, chat_id, key):
            run.skipped += 1
            return "duplicate"
        if scheduler.sender is not None and not await asyncio.to_thread(scheduler.sender.held):
            run.skipped += 1
            return "standby"  # another instance took over sending
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
    # PTB's tasks are awaited when the application stops, so no poll is cut off mid-commit.
    await start_feed_polls(
        ctx.bot_data.services, lambda coroutine: ctx.application.create_task(coroutine)
    )


async def start_feed_polls(services: Services, spawn: Spawn | None = None) -> list[Task[None]]:
    """Start a poll for every due feed; shared by the bot's job and ``newsbrief worker``. On a
    shared store the due feeds are leased to this process, so no other process polls them."""
    poller: FeedPoller | None = services.extra.get("feed_poller")
    if poller is None:
        poller = FeedPoller(
            services.feeds,
            services.articles,
            services.fetcher,
            IngestOptions(fetch_pages=services.settings.fetch_pages),
        )
        services.extra["feed_poller"] = poller
    due = await asyncio.to_thread(due_feeds, services.feeds, clock.time())
    return poller.start_due(spawn=spawn, due=due)


async def maintenance(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Retention: old articles and delivery records go, so the file does not grow forever."""
    ctx: Context = context  # type: ignore[assignment]
    services = ctx.bot_data.services
    pruned = await asyncio.to_thread(services.articles.prune, services.settings.retention_days)
    records = await asyncio.to_thread(services.chats.prune_deliveries, clock.time() - 8 * 86400)
    log.info("maintenance: pruned %d articles and %d delivery records", pruned, records)


def due_briefings(
    chats: ChatRepository, now: datetime, grace: timedelta
) -> list[tuple[int, str, str]]:
    """(chat id, time, slot key) of every briefing due now or missed within the grace window
    and not yet covered by the chat's last briefing."""
    due: list[tuple[int, str, str]] = []
    # PostgreSQL: only the chats whose next briefing time has come; the others are told when
    # to be looked at again, so a sweep reads a handful of rows, not every chat.
    due_schedules = getattr(chats, "due_schedules", None)
    if due_schedules is not None:
        candidates: list[tuple[Chat, str]] = due_schedules(now.timestamp())
    else:
        candidates = [(chat, "") for chat in chats.all()]
    later: list[tuple[int, str, float]] = []
    for chat, token in candidates:
        if not chat.subscribed:
            continue
        found = False
        for at in chat.times:
            slot = missed(now, at, chat.timezone, chat.days, grace)
            if slot is None:
                continue
            stamp = slot.timestamp()
            if stamp < chat.last_briefing or stamp < chat.schedule_changed:
                continue
            due.append((chat.chat_id, at, slot_key(slot)))
            found = True
        if token and not found:
            later.append((chat.chat_id, token, next_due(chat, now, grace)))
    if due_schedules is not None:
        chats.set_next_due(later)  # type: ignore[attr-defined]
    return due


def next_due(chat: Chat, now: datetime, grace: timedelta) -> float:
    """When a chat that is not due now can next be: its first briefing time at or after what
    its last briefing (or schedule change) covers, and not past the grace window. Any write to
    the chat resets this, so a briefing can only come earlier through a write."""
    if not chat.days:
        return math.inf  # no briefing day: never due until the chat changes
    cover = max(chat.last_briefing, chat.schedule_changed, (now - grace).timestamp())
    start = datetime.fromtimestamp(cover, UTC) - timedelta(microseconds=1)
    slots = [next_slot(start, at, chat.timezone, chat.days).timestamp() for at in chat.times]
    return min(slots, default=math.inf)


async def sweep_briefings(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Shared store: if this instance holds (or can take) the sender lock, start every due
    briefing; each is sent once thanks to its delivery record, here or after a takeover."""
    ctx: Context = context  # type: ignore[assignment]
    services = ctx.bot_data.services
    scheduler: Scheduler = services.extra["scheduler"]
    assert scheduler.sender is not None
    leading = await asyncio.to_thread(scheduler.sender.try_acquire)
    if leading != scheduler.leading:
        log.info(
            "this instance %s the scheduled briefings",
            "now sends" if leading else "no longer sends",
        )
        scheduler.leading = leading
    if not leading:
        return
    now = datetime.now(UTC)
    grace = timedelta(hours=services.settings.grace_hours)
    due = await asyncio.to_thread(due_briefings, services.chats, now, grace)
    horizon = clock.time() - grace.total_seconds() - 86400
    for key, tried in list(scheduler.attempted.items()):
        if tried < horizon:
            del scheduler.attempted[key]
    for chat_id, at, slot in due:
        # Tried once by this process (sent, failed or in flight): not again from the sweep.
        if (chat_id, slot) in scheduler.attempted:
            continue
        scheduler.attempted[(chat_id, slot)] = clock.time()
        context.application.create_task(deliver(ctx, chat_id, at, now), name=f"brief:{chat_id}")
