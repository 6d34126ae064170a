"""Owner-only feed commands: /addfeed, /removefeed, /feeds."""

from __future__ import annotations

import asyncio

from bot import render
from bot.render import esc
from bot.replies import Caller, Reply
from bot.services import Services


class FeedCommands:
    """Mixed into :class:`bot.commands.Commands`."""

    s: Services

    async def cmd_addfeed(self, caller: Caller, args: str) -> list[Reply]:
        if not args.startswith(("http://", "https://")) or " " in args:
            return [Reply("Usage: /addfeed https://example.com/feed.xml")]
        feed, new = await asyncio.to_thread(self.s.feeds.add, args)
        return [Reply(("Added " if new else "Already polling ") + f"{esc(feed.url)}")]

    async def cmd_removefeed(self, caller: Caller, args: str) -> list[Reply]:
        removed = await asyncio.to_thread(self.s.feeds.remove, args)
        return [Reply(("Removed " if removed else "Not a known feed: ") + esc(args[:200]))]

    async def cmd_feeds(self, caller: Caller, args: str) -> list[Reply]:
        feeds = await asyncio.to_thread(self.s.feeds.list)
        if not feeds:
            return [Reply("No feeds yet. Add one with /addfeed URL")]
        lines = ["<b>Feeds</b>"]
        for feed in feeds:
            state = f" — failing: {esc(feed.last_error[:80])}" if feed.failures else ""
            lines.append(f"• {esc(feed.url)}{state}")
        return render_lines(lines)


def render_lines(lines: list[str]) -> list[Reply]:
    return [Reply(text) for text in render.join_blocks("", lines)]
