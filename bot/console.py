"""``newsbrief chat``: the bot in the terminal. Type /latest or /topic armenia and see what the
bot would send, from the same command code; buttons become /more N and /next."""

from __future__ import annotations

import asyncio
import html
import re
import sys
from typing import TextIO

from bot.commands import Caller, Commands, Reply
from bot.services import Services
from bot.settings import Settings

CONSOLE_CHAT = 1  # the console is one private chat


def to_terminal(text: str) -> str:
    """Telegram HTML as plain terminal text: quotes indented, links shown after their text."""
    text = re.sub(
        r"<blockquote[^>]*>(.*?)</blockquote>",
        lambda m: "\n".join("  │ " + line for line in m.group(1).split("\n")),
        text,
        flags=re.S,
    )
    text = re.sub(r'<a href="([^"]*)">(.*?)</a>', r"\2 <\1>", text, flags=re.S)
    text = re.sub(r"</?(b|i|u|s|code|pre|tg-spoiler)>", "", text)
    return html.unescape(text)


class Console:
    def __init__(self, services: Services, out: TextIO) -> None:
        self.commands = Commands(services)
        self.services = services
        self.out = out
        self.buttons: dict[str, str] = {}

    def show(self, replies: list[Reply]) -> None:
        self.buttons = {}
        for reply in replies:
            print(to_terminal(reply.text), file=self.out)
            labels = []
            for row in reply.buttons:
                for button in row:
                    key = button.text.lower().replace(" ▸", "").strip()
                    self.buttons[key] = button.data
                    labels.append(f"[{button.text}]")
            if labels:
                print("  " + " ".join(labels) + "   (type /more N or /next)", file=self.out)
            print(file=self.out)
        self.out.flush()

    async def run(self, lines: TextIO, prompt: bool) -> None:
        caller = Caller(CONSOLE_CHAT, "private", "console", user_id=0)
        self.show(await self.commands.handle(caller, "start", ""))
        self.show(await self.commands.handle(caller, "latest", ""))
        while True:
            if prompt:
                print("> ", end="", file=self.out, flush=True)
            line = await asyncio.to_thread(lines.readline)
            if not line:
                break
            line = line.strip()
            if not line:
                continue
            if line in ("/quit", "/exit"):
                break
            if not line.startswith("/"):
                print(
                    "Commands start with /, for example /latest or /topic armenia. /quit ends.\n",
                    file=self.out,
                )
                continue
            command, _, args = line[1:].partition(" ")
            if command in ("more", "next"):
                data = self.buttons.get(f"{command} {args}".strip())
                if data is None:
                    print("No such button on the last answer.\n", file=self.out)
                    continue
                self.show(await self.commands.callback(caller, data))
                continue
            self.show(await self.commands.handle(caller, command, args))


async def run_console(
    settings: Settings, lines: TextIO = sys.stdin, out: TextIO = sys.stdout
) -> int:
    services = Services.open(settings)
    try:
        added = await services.ingest_sample_if_empty()
        if added:
            print("(empty database: loaded the bundled sample article)\n", file=out)
        await Console(services, out).run(lines, prompt=lines.isatty())
    finally:
        await services.shutdown()
    return 0
