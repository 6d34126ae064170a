"""Per-chat command budget: one chat spamming commands cannot slow the bot for the others."""

from __future__ import annotations

import time
from collections import deque

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, TypeHandler

from bot.context import Context

WINDOW = 60.0


class Throttle:
    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self.seen: dict[int, deque[float]] = {}
        self.warned: set[int] = set()

    def allow(self, chat_id: int, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        times = self.seen.setdefault(chat_id, deque())
        while times and times[0] <= now - WINDOW:
            times.popleft()
        if len(times) >= self.per_minute:
            return False
        times.append(now)
        self.warned.discard(chat_id)
        return True


def register(app: Application) -> None:  # type: ignore[type-arg]
    throttle = Throttle(app.bot_data.services.settings.commands_per_minute)

    async def check(update: Update, context: Context) -> None:
        message = update.effective_message
        chat = update.effective_chat
        if chat is None or message is None or not (message.text or "").startswith("/"):
            return
        if throttle.allow(chat.id):
            return
        if chat.id not in throttle.warned:
            throttle.warned.add(chat.id)
            await context.bot.send_message(chat.id, "Too many commands: please wait a minute.")
        raise ApplicationHandlerStop

    app.add_handler(TypeHandler(Update, check), group=-1)
