"""Subscription commands: topics and phrases, times, zone, days, items, silent and quiet."""

from __future__ import annotations

import asyncio
import re
import shlex
import time
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.render import esc
from bot.render import name as render_name
from bot.replies import Button, Caller, Reply
from bot.services import Services
from store.chats import Chat

MAX_TOPIC = 100
MAX_TOPICS_PER_CHAT = 20


class SubscriptionCommands:
    """Mixed into :class:`bot.commands.Commands`."""

    s: Services

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
        if words and not _is_time(words[-1]) and _looks_like_time(words[-1]):
            return [
                Reply(
                    f"“{esc(words[-1][:20])}” is not a time of day: use HH:MM from 00:00 to 23:59, "
                    "e.g. /subscribe armenia 08:00"
                )
            ]
        time = _norm_time(words.pop()) if words and _is_time(words[-1]) else ""
        phrase = args.lstrip().startswith(('"', "“", "'"))
        topic = " ".join(words).strip("“”\"' ")
        if not topic:
            return [Reply("Usage: /subscribe TOPIC [HH:MM]")]
        if len(topic) > MAX_TOPIC:
            return [Reply(f"That topic is too long: at most {MAX_TOPIC} characters.")]
        chat = await self._chat(caller)
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
            known = await asyncio.to_thread(self.s.articles.resolve_topic, topic)
            name = known[0] if known else topic.lower()
            if name not in chat.topics:
                chat.topics.append(name)
            what = f"<b>{render_name(name, MAX_TOPIC)}</b>" + (
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
        chat = await asyncio.to_thread(self.s.chats.get, caller.chat_id)
        if chat is None or not chat.subscribed:
            return [Reply("This chat has no subscriptions.")]
        target = args.strip("“”\"' ").lower()
        if target == "all":
            chat.topics, chat.phrases = [], []
            message = "Unsubscribed from everything. No more briefings here."
        else:
            before = len(chat.topics) + len(chat.phrases)
            matches = await asyncio.to_thread(self.s.articles.resolve_topic, target)
            resolved = {t.lower() for t in matches} | {target}
            chat.topics = [t for t in chat.topics if t.lower() not in resolved]
            chat.phrases = [p for p in chat.phrases if p.lower() != target]
            if before == len(chat.topics) + len(chat.phrases):
                return [Reply(f"This chat is not subscribed to “{esc(args)}”. See /subscriptions.")]
            message = f"Unsubscribed from “{esc(args)}”."
        await self._save(chat)
        return [Reply(message)]

    async def cmd_subscriptions(self, caller: Caller, args: str) -> list[Reply]:
        chat = await asyncio.to_thread(self.s.chats.get, caller.chat_id)
        if chat is None or not chat.subscribed:
            return [Reply("No subscriptions yet. Try /subscribe armenia 08:00")]
        # A stored topic name can be any length: shown cut, like every name from an article.
        what = [render_name(t, MAX_TOPIC) for t in chat.topics]
        what += [f"“{esc(p)}”" for p in chat.phrases]
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
        chat = await self._chat(caller)
        chat.times = sorted({_norm_time(t) for t in times})
        await self._save(chat)
        return [Reply(f"Briefings at {', '.join(chat.times)} ({esc(chat.timezone)}).")]

    async def cmd_timezone(self, caller: Caller, args: str) -> list[Reply]:
        name = args.strip()
        if not name:
            chat = await asyncio.to_thread(self.s.chats.get, caller.chat_id)
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
        chat = await self._chat(caller)
        chat.timezone = name
        await self._save(chat)
        return [Reply(f"Time zone set to {esc(name)}. Briefings at {', '.join(chat.times)}.")]

    async def cmd_days(self, caller: Caller, args: str) -> list[Reply]:
        days = _parse_days(args)
        if days is None:
            return [Reply("Usage: /days mon-fri, /days sat sun, or /days every day")]
        chat = await self._chat(caller)
        chat.days = days
        await self._save(chat)
        return [Reply(f"Briefings on {_days_text(days)}.")]

    async def cmd_items(self, caller: Caller, args: str) -> list[Reply]:
        if not args.isdigit() or not 1 <= int(args) <= 10:
            return [Reply("Usage: /items N, with N from 1 to 10")]
        chat = await self._chat(caller)
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
        chat = await self._chat(caller)
        setattr(chat, name, value)
        await self._save(chat)
        return [Reply(on if value else off)]

    async def cmd_briefing(self, caller: Caller, args: str) -> list[Reply]:
        from bot.briefing import compose_for_chat

        chat = await self._chat(caller)
        if not chat.subscribed:
            return [Reply("Subscribe first, for example /subscribe armenia. Meanwhile: /latest")]
        composed = await asyncio.to_thread(compose_for_chat, self.s, chat, datetime.now(UTC), False)
        buttons = [Button(f"More {i + 1}", f"more:{a}") for i, a in enumerate(composed.article_ids)]
        rows = [buttons[j : j + 5] for j in range(0, len(buttons), 5)]
        return [
            Reply(text, rows if n == len(composed.messages) - 1 else [])
            for n, text in enumerate(composed.messages)
        ]

    async def _chat(self, caller: Caller) -> Chat:
        """The caller's chat, created on first use (a commit: off the event loop)."""
        return await asyncio.to_thread(
            self.s.chats.get_or_create, caller.chat_id, caller.chat_type, caller.chat_title
        )

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


def _looks_like_time(text: str) -> bool:
    """Meant as a time but not one ("25:99", "7:5", "8am"), so not part of a topic. Dotted
    numbers stay words: "web 3.0" is a topic."""
    return bool(re.fullmatch(r"\d+:\d*|\d{1,2}[ap]\.?m\.?", text, re.IGNORECASE))


def _norm_time(text: str) -> str:
    hours, minutes = text.split(":")
    return f"{int(hours):02d}:{minutes}"
