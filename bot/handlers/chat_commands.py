"""Chat commands (/latest, /topic, /subscribe, …): parse the update, call :class:`Commands`,
send what it answers. ``/cmd@botname`` works through PTB's ``CommandHandler``."""

from __future__ import annotations

from telegram import ChatMember, Update
from telegram.ext import Application, CommandHandler, MessageHandler, filters

from bot.commands import COMMANDS, MUTATING, OWNER_ONLY, Caller
from bot.context import Context
from bot.handlers.send import send_replies

ALL = ["start", *(name for name, _ in COMMANDS), *sorted(OWNER_ONLY)]


def caller_for(update: Update, context: Context) -> Caller:
    chat = update.effective_chat
    user = update.effective_user
    assert chat is not None
    message = update.effective_message

    async def is_admin() -> bool:
        if message is not None and message.sender_chat and message.sender_chat.id == chat.id:
            return True  # an anonymous admin posting as the group
        if user is None:
            return False
        member = await context.bot.get_chat_member(chat.id, user.id)
        return member.status in (ChatMember.ADMINISTRATOR, ChatMember.OWNER)

    return Caller(chat.id, chat.type, chat.title or "", user.id if user else 0, is_admin)


async def on_command(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or not message.text or update.effective_chat is None:
        return
    # Split at any whitespace, as PTB's CommandHandler does: "/topic\nx" is /topic with "x".
    first, *rest = message.text.split(None, 1)
    args = rest[0] if rest else ""
    command = first.lstrip("/").split("@", 1)[0]
    replies = await context.bot_data.commands.handle(caller_for(update, context), command, args)
    await send_replies(
        context.bot,
        update.effective_chat.id,
        replies,
        message.message_thread_id if message.is_topic_message else None,
    )


async def on_unknown(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or not message.text or update.effective_chat is None:
        return
    first = message.text.split()[0]
    command, _, target = first.lstrip("/").partition("@")
    if command.lower() in ALL:
        return  # answered by on_command (handler groups all run)
    if target and target.lower() != (context.bot.username or "").lower():
        return  # a command for another bot in the group
    replies = await context.bot_data.commands.handle(caller_for(update, context), command[:64], "")
    await send_replies(context.bot, update.effective_chat.id, replies)


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CommandHandler(ALL, on_command))
    app.add_handler(MessageHandler(filters.COMMAND, on_unknown), group=1)


__all__ = ["MUTATING", "register"]
