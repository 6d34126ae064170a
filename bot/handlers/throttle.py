"""Per-chat command budget: one chat spamming commands or buttons cannot slow the bot for the
others. A button press costs what a command costs: it runs the same lookups."""

from __future__ import annotations

import contextlib
import time
from collections import deque

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationHandlerStop, TypeHandler

from bot.context import Context

WINDOW = 60.0
SLOW_DOWN = "Slow down: too many requests from this chat. Try again in a minute."


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
        chat = update.effective_chat
        query = update.callback_query
        if query is not None:
            # A button on an inline message has no chat: its user is counted instead.
            if throttle.allow(chat.id if chat else query.from_user.id):
                return
            # A query too old to answer: the press is dropped all the same.
            with contextlib.suppress(TelegramError):
                await query.answer(SLOW_DOWN)
            raise ApplicationHandlerStop
        message = update.effective_message
        if chat is None or message is None or not (message.text or "").startswith("/"):
            return
        if throttle.allow(chat.id):
            return
        if chat.id not in throttle.warned:
            throttle.warned.add(chat.id)
            await context.bot.send_message(chat.id, "Too many commands: please wait a minute.")
        raise ApplicationHandlerStop

    app.add_handler(TypeHandler(Update, check), group=-1)
