"""What each chat command does, independent of how it arrives: the Telegram handlers and the
terminal console (``newsbrief chat``) both call these, so the console shows exactly what the
bot would send."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from datetime import UTC, datetime, timedelta

from bot import render
from bot.feed_commands import FeedCommands
from bot.render import esc
from bot.replies import Button, Caller, Reply, fit, topic_key
from bot.services import Services
from bot.subscriptions import MAX_TOPIC, SubscriptionCommands
from briefings.model import Article
from briefings.select import find_topic

MAX_ARG = 200  # characters of arguments looked at; longer input gets a clear answer
MAX_LATEST = 20
TOPIC_KEYS = 4096  # topic ids handed out in buttons, remembered in memory (then looked up)

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

__all__ = ["Button", "Caller", "Commands", "Reply"]


class Commands(SubscriptionCommands, FeedCommands):
    """Every chat command and button of the bot."""

    def __init__(self, services: Services) -> None:
        self.s = services
        self._topic_keys: OrderedDict[str, str] = OrderedDict()

    # -- entry points ---------------------------------------------------------------------------
    async def handle(self, caller: Caller, command: str, args: str) -> list[Reply]:
        """A command's replies, each within Telegram's limits (split when long)."""
        return fit(await self._handle(caller, command, args))

    async def callback(self, caller: Caller, data: str) -> list[Reply]:
        """A button's replies, each within Telegram's limits (split when long)."""
        return fit(await self._callback(caller, data))

    async def _handle(self, caller: Caller, command: str, args: str) -> list[Reply]:
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

    async def _callback(self, caller: Caller, data: str) -> list[Reply]:
        kind, _, rest = data.partition(":")
        if kind == "more" and rest.isdigit():
            article = await asyncio.to_thread(self.s.articles.get, int(rest))
            if article is None:
                return [Reply("That article is no longer stored.")]
            return [Reply(render.details(article))]
        if kind == "latest":
            offset, _, n = rest.partition(":")
            if offset.isdigit() and n.isdigit():
                return self._latest_page(int(offset), min(int(n), MAX_LATEST))
        if kind == "t" and rest:
            topic = self._topic_keys.get(rest) or await asyncio.to_thread(self._find_key, rest)
            if topic:
                return await self._topic(topic)
        if kind == "topic" and rest:  # buttons sent before topic ids, with the name itself
            return await self._topic(rest)
        return [Reply("That button has expired. Send /latest for fresh briefs.")]

    def _topic_button(self, text: str, topic: str) -> Button:
        """A button for a topic: its data is a short id, never the name (64 bytes at most)."""
        key = topic_key(topic)
        self._topic_keys[key] = topic
        self._topic_keys.move_to_end(key)
        while len(self._topic_keys) > TOPIC_KEYS:
            self._topic_keys.popitem(last=False)
        return Button(text, f"t:{key}")

    def _find_key(self, key: str) -> str | None:
        """A topic id no longer in memory (a restart, an old button): the stored topics."""
        return next((t for t in self.s.articles.topic_counts() if topic_key(t) == key), None)

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
        return await self._topic(args)

    async def _topic(self, args: str) -> list[Reply]:
        result = await asyncio.to_thread(find_topic, self.s.articles, args, 5)
        if not result.articles:
            if result.suggestions:
                buttons = [[self._topic_button(t, t) for t in result.suggestions]]
                names = ", ".join(render.name(t) for t in result.suggestions)
                return [Reply(f"Nothing on “{esc(result.query)}”. Did you mean: {names}?", buttons)]
            return [Reply(f"Nothing on “{esc(result.query)}” yet. Send /topics for what there is.")]
        header = f"<b>{', '.join(render.name(label(t)) for t in result.topics[:3])}</b>"
        # One name, several meanings ("Georgia" the country or the US state): offer each.
        narrow = (
            [self._topic_button(label(t), t) for t in result.topics[:4]]
            if len(result.topics) > 1
            else []
        )
        return self._briefs(header, result.articles, narrow)

    async def cmd_topics(self, caller: Caller, args: str) -> list[Reply]:
        since = datetime.now(UTC) - timedelta(days=7)
        # Counting walks every topic's index: off the event loop.
        counts = await asyncio.to_thread(self.s.articles.topic_counts, since)
        counts = counts or await asyncio.to_thread(self.s.articles.topic_counts)
        if not counts:
            return [Reply("No topics yet.")]
        lines = ["<b>Topics with recent articles</b>"]
        lines += [f"{render.name(topic)} — {count}" for topic, count in list(counts.items())[:25]]
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


_UPPER = {"us": "US", "uk": "UK", "eu": "EU", "un": "UN", "nhl": "NHL", "nfl": "NFL", "nba": "NBA"}


def label(topic: str) -> str:
    """A topic as a heading: "georgia (us state)" -> "Georgia (US State)"."""

    def word(w: str) -> str:
        core = w.strip("()")
        text = _UPPER.get(core) or "-".join(part.capitalize() for part in core.split("-"))
        return w.replace(core, text) if core else w

    return " ".join(word(w) for w in topic.split())
