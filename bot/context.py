"""Typed ``bot_data`` (PTB's ``ContextTypes``): no string keys, no casts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from telegram.ext import CallbackContext, ExtBot

if TYPE_CHECKING:
    from bot.commands import Commands
    from bot.services import Services


class BotData:
    """Set once after the application is built."""

    services: Services
    commands: Commands


Context = CallbackContext[ExtBot[None], dict[object, object], dict[object, object], BotData]
