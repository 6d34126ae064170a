"""The bot joining, leaving or being blocked, and groups becoming supergroups."""

from __future__ import annotations

import asyncio
import logging

from telegram import ChatMember, ChatMemberUpdated, Update
from telegram.ext import Application, ChatMemberHandler, MessageHandler, filters

from bot.context import Context

log = logging.getLogger(__name__)

GREETING = (
    "Hello! I send news briefings: summaries, key quotes with who said them, and topics.\n"
    "Admins can subscribe this group with <code>/subscribe armenia 08:00</code>; "
    "everyone can read /latest and <code>/topic NAME</code>. /help lists everything."
)
PRESENT = {ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER, ChatMember.RESTRICTED}


def _joined_or_left(change: ChatMemberUpdated) -> tuple[bool, bool]:
    was = change.old_chat_member.status in PRESENT
    now = change.new_chat_member.status in PRESENT
    return (not was and now), (was and not now)


async def on_my_chat_member(update: Update, context: Context) -> None:
    change = update.my_chat_member
    if change is None:
        return
    chat = change.chat
    joined, left = _joined_or_left(change)
    services = context.bot_data.services
    if joined:
        await asyncio.to_thread(services.chats.get_or_create, chat.id, chat.type, chat.title or "")
        await asyncio.to_thread(services.chats.set_active, chat.id, True)
        if chat.type in ("group", "supergroup"):
            await context.bot.send_message(chat.id, GREETING)
        log.info("added to chat %s (%s)", chat.id, chat.type)
    elif left:
        await asyncio.to_thread(services.chats.set_active, chat.id, False)
        if services.on_schedule_change:
            await services.on_schedule_change(chat.id)
        log.info("removed from or blocked in chat %s: marked inactive", chat.id)


async def on_migrate(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or not message.migrate_to_chat_id:
        return
    await migrate_chat(context, message.chat.id, message.migrate_to_chat_id)


async def migrate_chat(context: Context, old: int, new: int) -> None:
    services = context.bot_data.services
    moved = await asyncio.to_thread(services.chats.migrate, old, new)
    if moved and services.on_schedule_change:
        await services.on_schedule_change(old)
        await services.on_schedule_change(new)
    log.info("chat %s migrated to supergroup %s", old, new)


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(ChatMemberHandler(on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, on_migrate), group=2)
