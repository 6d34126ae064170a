"""One error handler: log with the update's context, tell the user, keep running."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application

from bot.context import Context

log = logging.getLogger(__name__)


async def on_error(update: object, context: Context) -> None:
    where = ""
    if isinstance(update, Update):
        chat = update.effective_chat
        message = update.effective_message
        text = (message.text or "")[:80] if message else ""
        where = f" (update {update.update_id}, chat {chat.id if chat else '-'}, text {text!r})"
    log.error("error handling an update%s", where, exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(
                update.effective_chat.id, "Sorry, something went wrong. Please try again."
            )
        except TelegramError:
            log.warning("could not tell chat %s about the error", update.effective_chat.id)


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_error_handler(on_error)
