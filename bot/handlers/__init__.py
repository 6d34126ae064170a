"""Telegram handlers, one module per feature; ``register`` wires them all."""

from __future__ import annotations

from telegram.ext import Application

from bot.handlers import buttons, chat_commands, errors, membership, throttle


def register(app: Application) -> None:  # type: ignore[type-arg]
    throttle.register(app)
    chat_commands.register(app)
    buttons.register(app)
    membership.register(app)
    errors.register(app)
