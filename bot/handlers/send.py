"""Sending command replies: HTML, inline buttons, link previews off for lists."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.ext import ExtBot

from bot.replies import Reply, fit


def markup(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.text, callback_data=b.data) for b in row] for row in reply.buttons]
    )


async def send_replies(
    bot: ExtBot[None],
    chat_id: int,
    replies: list[Reply],
    thread_id: int | None = None,
    silent: bool = False,
) -> list[Message]:
    sent = []
    # One after the other, not gathered: order matters and the rate limiter paces a chat anyway.
    # fit() again here: whatever builds a reply, no message goes out over Telegram's limit.
    for reply in fit(replies):
        sent.append(
            await bot.send_message(
                chat_id,
                reply.text,
                reply_markup=markup(reply),
                link_preview_options=LinkPreviewOptions(is_disabled=not reply.preview),
                message_thread_id=thread_id,
                disable_notification=silent,
            )
        )
    return sent
