"""What each chat command does, independent of how it arrives: the Telegram handlers and the
terminal console (``newsbrief chat``) both call these, so the console shows exactly what the
bot would send."""

from __future__ import annotations

import asyncio
import re
import shlex
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot import render
from bot.render import esc
from bot.services import Services
from briefings.model import Article
from briefings.select import find_topic
from store.chats import Chat

MAX_ARG = 200  # characters of arguments looked at; longer input gets a clear answer
MAX_TOPIC = 100
MAX_TOPICS_PER_CHAT = 20
MAX_LATEST = 20

COMMANDS: list[tuple[str, str]] = [
    ("latest", "the latest briefs: /latest [N]"),
    ("topic", "briefs on a topic: /topic armenia"),
    ("topics", "topics with recent articles"),
    ("subscribe", "daily briefing on a topic: /subscribe armenia [08:00]"),
    ("unsubscribe", "stop a topic: /unsubscribe armenia | all"),
    ("subscriptions", "what this chat receives, and when"),
    ("time", "briefing times: /time 08:00 [18:00]"),
    ("timezone", "this chat's time zone: /timezone Europe/Madrid"),
    ("days", "briefing days: /days mon-fri | every day"),
    ("items", "stories per briefing: /items 5"),
    ("silent", "briefings without a sound: /silent on|off"),
    ("quiet", "no message when nothing is new: /quiet on|off"),
    ("briefing", "the briefing now"),
    ("help", "what this bot does"),
]
MUTATING = {"subscribe", "unsubscribe", "time", "timezone", "days", "items", "silent", "quiet"}
OWNER_ONLY = {"addfeed", "removefeed", "feeds"}


@dataclass(slots=True)
class Button:
    text: str
    data: str  # callback data, at most 64 bytes


@dataclass(slots=True)
class Reply:
    """One message: Telegram HTML, inline buttons (rows), link previews on or off."""

    text: str
    buttons: list[list[Button]] = field(default_factory=list)
    preview: bool = False


@dataclass(slots=True)
class Caller:
    """Who sent the command, from which chat, and how to ask whether they may change it."""

    chat_id: int
    chat_type: str = "private"
    chat_title: str = ""
    user_id: int = 0
    is_admin: Callable[[], Awaitable[bool]] | None = None


class Commands:
    """Every chat command and button of the bot."""

    def __init__(self, services: Services) -> None:
        self.s = services

    # -- entry points ---------------------------------------------------------------------------
    async def handle(self, caller: Caller, command: str, args: str) -> list[Reply]:
        command = command.lower().split("@", 1)[0]
        if len(args) > MAX_ARG:
            return [Reply(f"That is too long: arguments are at most {MAX_ARG} characters.")]
        args = " ".join(args.split())
        if command in OWNER_ONLY and caller.user_id not in self.s.settings.owners:
            return [Reply("Only the bot's owners can manage feeds.")]
        if command in MUTATING and caller.chat_type in ("group", "supergroup"):
            allowed = await caller.is_admin() if caller.is_admin else False
            if not allowed:
                return [Reply("Only this group's admins can change its subscriptions and times.")]
        method = getattr(self, f"cmd_{command}", None)
        if method is None:
            return [Reply(f"Unknown command /{esc(command[:32])}. Send /help for the list.")]
        replies: list[Reply] = await method(caller, args)
        return replies

    async def callback(self, caller: Caller, data: str) -> list[Reply]:
        kind, _, rest = data.partition(":")
        if kind == "more" and rest.isdigit():
            article = self.s.articles.get(int(rest))
            if article is None:
                return [Reply("That article is no longer stored.")]
            return [Reply(render.details(article))]
        if kind == "latest":
            offset, _, n = rest.partition(":")
            if offset.isdigit() and n.isdigit():
                return self._latest_page(int(offset), min(int(n), MAX_LATEST))
        if kind == "topic" and rest:
            return await self.cmd_topic(caller, rest)
        return [Reply("That button has expired. Send /latest for fresh briefs.")]

    # -- reading --------------------------------------------------------------------------------
    async def cmd_start(self, caller: Caller, args: str) -> list[Reply]:
        return await self.cmd_help(caller, args)

    async def cmd_help(self, caller: Caller, args: str) -> list[Reply]:
        lines = [
            "<b>newsbrief</b> sends news briefings: a short summary of each story, the key quote "
            "with who said it, and its topics.",
            "",
        ]
        lines += [f"/{name} — {esc(text)}" for name, text in COMMANDS]
        lines += [
            "",
            "Example: <code>/subscribe armenia 08:00</code> sends a briefing on Armenia every "
            "morning at 8, in this chat's time zone (<code>/timezone Europe/Madrid</code>).",
        ]
        if caller.chat_type in ("group", "supergroup"):
            lines.append("In groups, only admins can change subscriptions; everyone can read.")
        return [Reply("\n".join(lines))]

    async def cmd_latest(self, caller: Caller, args: str) -> list[Reply]:
        n = 5
        if args:
            if not args.isdigit() or not 1 <= int(args) <= MAX_LATEST:
                return [Reply(f"Usage: /latest [N], with N from 1 to {MAX_LATEST}.")]
            n = int(args)
        return self._latest_page(0, n)

    def _latest_page(self, offset: int, n: int) -> list[Reply]:
        articles = self.s.articles.latest(n + 1, offset)
        more = len(articles) > n
        articles = articles[:n]
        if not articles:
            return [Reply("No articles yet." if not offset else "No older articles.")]
        header = "<b>Latest news</b>" if not offset else f"<b>Latest news</b> (from {offset + 1})"
        nav = [Button("Next ▸", f"latest:{offset + n}:{n}")] if more else []
        return self._briefs(header, articles, nav, start=offset + 1)

    async def cmd_topic(self, caller: Caller, args: str) -> list[Reply]:
        if not args:
            return [Reply("Usage: /topic NAME, for example /topic armenia")]
        if len(args) > MAX_TOPIC:
            return [Reply(f"That topic is too long: at most {MAX_TOPIC} characters.")]
        result = await asyncio.to_thread(find_topic, self.s.articles, args, 5)
        if not result.articles:
            if result.suggestions:
                buttons = [[Button(t[:40], f"topic:{t[:50]}") for t in result.suggestions]]
                names = ", ".join(esc(t) for t in result.suggestions)
                return [Reply(f"Nothing on “{esc(result.query)}”. Did you mean: {names}?", buttons)]
            return [Reply(f"Nothing on “{esc(result.query)}” yet. Send /topics for what there is.")]
        header = f"<b>{esc(', '.join(result.topics[:3]).title())}</b>"
        return self._briefs(header, result.articles, [])

    async def cmd_topics(self, caller: Caller, args: str) -> list[Reply]:
        since = datetime.now(UTC) - timedelta(days=7)
        counts = self.s.articles.topic_counts(since=since) or self.s.articles.topic_counts()
        if not counts:
            return [Reply("No topics yet.")]
        lines = ["<b>Topics with recent articles</b>"]
        lines += [f"{esc(topic)} — {count}" for topic, count in list(counts.items())[:25]]
        return [Reply("\n".join(lines))]

    def _briefs(
        self, header: str, articles: list[Article], nav: list[Button], start: int = 1
    ) -> list[Reply]:
        now = datetime.now(UTC)
        blocks = [render.brief(a, now, number=start + i) for i, a in enumerate(articles)]
        packed = render.pack(header, blocks)
        replies: list[Reply] = []
        for n, (text, held) in enumerate(packed):
            row = [Button(f"More {start + i}", f"more:{articles[i].id}") for i in held]
            rows = [row[j : j + 5] for j in range(0, len(row), 5)]
            if n == len(packed) - 1 and nav:
                rows.append(nav)
            replies.append(Reply(text, rows))
        return replies

    # -- subscriptions --------------------------------------------------------------------------
    async def cmd_subscribe(self, caller: Caller, args: str) -> list[Reply]:
        if not args:
            return [
                Reply(
                    'Usage: /subscribe TOPIC [HH:MM] or /subscribe "a phrase", e.g. /subscribe armenia 08:00'
                )
            ]
        try:
            words = shlex.split(args)
        except ValueError:
            return [Reply('Unbalanced quotes. Usage: /subscribe "peace talks"')]
        time = _norm_time(words.pop()) if words and _is_time(words[-1]) else ""
        phrase = args.lstrip().startswith(('"', "“", "'"))
        topic = " ".join(words).strip("“”\"' ")
        if not topic:
            return [Reply("Usage: /subscribe TOPIC [HH:MM]")]
        if len(topic) > MAX_TOPIC:
            return [Reply(f"That topic is too long: at most {MAX_TOPIC} characters.")]
        chat = self.s.chats.get_or_create(caller.chat_id, caller.chat_type, caller.chat_title)
        was_subscribed = chat.subscribed
        if len(chat.topics) + len(chat.phrases) >= MAX_TOPICS_PER_CHAT:
            return [
                Reply(
                    f"This chat already follows {MAX_TOPICS_PER_CHAT} topics; /unsubscribe one first."
                )
            ]
        if phrase:
            if topic.lower() not in (p.lower() for p in chat.phrases):
                chat.phrases.append(topic)
            what = f"the phrase “{esc(topic)}”"
        else:
            known = self.s.articles.resolve_topic(topic)
            name = known[0] if known else topic.lower()
            if name not in chat.topics:
                chat.topics.append(name)
            what = f"<b>{esc(name)}</b>" + (
                "" if known else " (no articles yet; you will get them when they come)"
            )
        if time and time not in chat.times:
            # The first subscription's time replaces the default; later ones add a time.
            chat.times = sorted({*chat.times, time}) if was_subscribed else [time]
        chat.active = True
        await self._save(chat)
        times = ", ".join(chat.times)
        return [Reply(f"Subscribed to {what}. Briefings at {times} ({esc(chat.timezone)}).")]

    async def cmd_unsubscribe(self, caller: Caller, args: str) -> list[Reply]:
        if not args:
            return [Reply("Usage: /unsubscribe TOPIC or /unsubscribe all")]
        chat = self.s.chats.get(caller.chat_id)
        if chat is None or not chat.subscribed:
            return [Reply("This chat has no subscriptions.")]
        target = args.strip("“”\"' ").lower()
        if target == "all":
            chat.topics, chat.phrases = [], []
            message = "Unsubscribed from everything. No more briefings here."
        else:
            before = len(chat.topics) + len(chat.phrases)
            resolved = {t.lower() for t in self.s.articles.resolve_topic(target)} | {target}
            chat.topics = [t for t in chat.topics if t.lower() not in resolved]
            chat.phrases = [p for p in chat.phrases if p.lower() != target]
            if before == len(chat.topics) + len(chat.phrases):
                return [Reply(f"This chat is not subscribed to “{esc(args)}”. See /subscriptions.")]
            message = f"Unsubscribed from “{esc(args)}”."
        await self._save(chat)
        return [Reply(message)]

    async def cmd_subscriptions(self, caller: Caller, args: str) -> list[Reply]:
        chat = self.s.chats.get(caller.chat_id)
        if chat is None or not chat.subscribed:
            return [Reply("No subscriptions yet. Try /subscribe armenia 08:00")]
        what = [esc(t) for t in chat.topics] + [f"“{esc(p)}”" for p in chat.phrases]
        days = _days_text(chat.days)
        return [
            Reply(
                "<b>This chat follows</b>\n"
                + "\n".join(f"• {w}" for w in what)
                + f"\n\nBriefings at {', '.join(chat.times)} {days} ({esc(chat.timezone)}), "
                f"up to {chat.items} stories."
            )
        ]

    async def cmd_time(self, caller: Caller, args: str) -> list[Reply]:
        times = args.split()
        if not times or not all(_is_time(t) for t in times) or len(times) > 4:
            return [
                Reply("Usage: /time HH:MM [HH:MM …], for example /time 08:00 18:30 (up to 4 times)")
            ]
        chat = self.s.chats.get_or_create(caller.chat_id, caller.chat_type, caller.chat_title)
        chat.times = sorted({_norm_time(t) for t in times})
        await self._save(chat)
        return [Reply(f"Briefings at {', '.join(chat.times)} ({esc(chat.timezone)}).")]

    async def cmd_timezone(self, caller: Caller, args: str) -> list[Reply]:
        name = args.strip()
        if not name:
            chat = self.s.chats.get(caller.chat_id)
            zone = chat.timezone if chat else self.s.settings.timezone
            return [
                Reply(f"This chat's time zone is {esc(zone)}. Change it with /timezone Area/City.")
            ]
        try:
            if len(name) > 60 or not re.fullmatch(r"[A-Za-z0-9_+\-/]+", name):
                raise ValueError(name)
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            return [
                Reply(
                    f"Unknown time zone “{esc(name[:60])}”. Use an Area/City name such as Europe/Madrid."
                )
            ]
        chat = self.s.chats.get_or_create(caller.chat_id, caller.chat_type, caller.chat_title)
        chat.timezone = name
        await self._save(chat)
        return [Reply(f"Time zone set to {esc(name)}. Briefings at {', '.join(chat.times)}.")]

    async def cmd_days(self, caller: Caller, args: str) -> list[Reply]:
        days = _parse_days(args)
        if days is None:
            return [Reply("Usage: /days mon-fri, /days sat sun, or /days every day")]
        chat = self.s.chats.get_or_create(caller.chat_id, caller.chat_type, caller.chat_title)
        chat.days = days
        await self._save(chat)
        return [Reply(f"Briefings on {_days_text(days)}.")]

    async def cmd_items(self, caller: Caller, args: str) -> list[Reply]:
        if not args.isdigit() or not 1 <= int(args) <= 10:
            return [Reply("Usage: /items N, with N from 1 to 10")]
        chat = self.s.chats.get_or_create(caller.chat_id, caller.chat_type, caller.chat_title)
        chat.items = int(args)
        await self._save(chat)
        return [Reply(f"Up to {chat.items} stories per briefing.")]

    async def cmd_silent(self, caller: Caller, args: str) -> list[Reply]:
        return await self._toggle(
            caller,
            args,
            "silent",
            "Briefings arrive without a sound.",
            "Briefings arrive with a notification.",
        )

    async def cmd_quiet(self, caller: Caller, args: str) -> list[Reply]:
        return await self._toggle(
            caller,
            args,
            "quiet",
            "Nothing is sent when nothing is new.",
            "A short note comes when nothing is new.",
        )

    async def _toggle(self, caller: Caller, args: str, name: str, on: str, off: str) -> list[Reply]:
        value = {"on": True, "off": False}.get(args.lower())
        if value is None:
            return [Reply(f"Usage: /{name} on or /{name} off")]
        chat = self.s.chats.get_or_create(caller.chat_id, caller.chat_type, caller.chat_title)
        setattr(chat, name, value)
        await self._save(chat)
        return [Reply(on if value else off)]

    async def cmd_briefing(self, caller: Caller, args: str) -> list[Reply]:
        from bot.briefing import compose_for_chat

        chat = self.s.chats.get_or_create(caller.chat_id, caller.chat_type, caller.chat_title)
        if not chat.subscribed:
            return [Reply("Subscribe first, for example /subscribe armenia. Meanwhile: /latest")]
        composed = await asyncio.to_thread(compose_for_chat, self.s, chat, datetime.now(UTC), False)
        buttons = [Button(f"More {i + 1}", f"more:{a}") for i, a in enumerate(composed.article_ids)]
        rows = [buttons[j : j + 5] for j in range(0, len(buttons), 5)]
        return [
            Reply(text, rows if n == len(composed.messages) - 1 else [])
            for n, text in enumerate(composed.messages)
        ]

    # -- feeds (owners) -------------------------------------------------------------------------
    async def cmd_addfeed(self, caller: Caller, args: str) -> list[Reply]:
        if not args.startswith(("http://", "https://")) or " " in args:
            return [Reply("Usage: /addfeed https://example.com/feed.xml")]
        feed, new = await asyncio.to_thread(self.s.feeds.add, args)
        self.s.extra.setdefault("feeds_changed", asyncio.Event()).set()
        return [Reply(("Added " if new else "Already polling ") + f"{esc(feed.url)}")]

    async def cmd_removefeed(self, caller: Caller, args: str) -> list[Reply]:
        removed = await asyncio.to_thread(self.s.feeds.remove, args)
        return [Reply(("Removed " if removed else "Not a known feed: ") + esc(args[:200]))]

    async def cmd_feeds(self, caller: Caller, args: str) -> list[Reply]:
        feeds = self.s.feeds.list()
        if not feeds:
            return [Reply("No feeds yet. Add one with /addfeed URL")]
        lines = ["<b>Feeds</b>"]
        for feed in feeds:
            state = f" — failing: {esc(feed.last_error[:80])}" if feed.failures else ""
            lines.append(f"• {esc(feed.url)}{state}")
        return render_lines(lines)

    async def _save(self, chat: Chat) -> None:
        chat.schedule_changed = time.time()
        await asyncio.to_thread(self.s.chats.save, chat)
        await self._rescheduled(chat.chat_id)

    async def _rescheduled(self, chat_id: int) -> None:
        if self.s.on_schedule_change:
            await self.s.on_schedule_change(chat_id)


_DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def _parse_days(text: str) -> list[int] | None:
    """ "mon-fri", "sat sun", "weekdays", "weekends", "every day" -> weekday numbers (Mon=0)."""
    text = text.lower().replace(",", " ").strip()
    if text in ("every day", "everyday", "daily", "all"):
        return list(range(7))
    if text == "weekdays":
        return [0, 1, 2, 3, 4]
    if text == "weekends":
        return [5, 6]
    names = [d.lower() for d in _DAY_NAMES]
    days: set[int] = set()
    for part in text.split():
        ends = part.split("-")
        if not all(e[:3] in names for e in ends) or len(ends) > 2:
            return None
        first, last = names.index(ends[0][:3]), names.index(ends[-1][:3])
        days.update(
            range(first, last + 1) if first <= last else [*range(first, 7), *range(0, last + 1)]
        )
    return sorted(days) or None


def _days_text(days: list[int]) -> str:
    if len(days) == 7:
        return "every day"
    if days == [0, 1, 2, 3, 4]:
        return "weekdays"
    return ", ".join(_DAY_NAMES[d] for d in days)


def _is_time(text: str) -> bool:
    return bool(re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", text))


def _norm_time(text: str) -> str:
    hours, minutes = text.split(":")
    return f"{int(hours):02d}:{minutes}"


def render_lines(lines: list[str]) -> list[Reply]:
    return [Reply(text) for text in render.join_blocks("", lines)]
