"""Inline buttons: "More" (all quotes and topics), "Next ▸" pages, "did you mean" topics."""

from __future__ import annotations

from telegram import LinkPreviewOptions, Update
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler

from bot.context import Context
from bot.handlers.chat_commands import caller_for
from bot.handlers.send import markup, send_replies


async def on_button(update: Update, context: Context) -> None:
    query = update.callback_query
    if query is None or update.effective_chat is None:
        return
    await query.answer()
    replies = await context.bot_data.commands.callback(
        caller_for(update, context), query.data or ""
    )
    if (query.data or "").startswith("latest:") and len(replies) == 1 and query.message is not None:
        try:
            # The next page replaces the list it came from, keeping the chat tidy.
            await query.edit_message_text(
                replies[0].text,
                reply_markup=markup(replies[0]),
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
            return
        except BadRequest:
            pass  # too old to edit: send it instead
    await send_replies(context.bot, update.effective_chat.id, replies)


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CallbackQueryHandler(on_button))
