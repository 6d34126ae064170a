"""Command-line entries for the bot: ``newsbrief run`` and ``newsbrief chat``."""

from __future__ import annotations

from typing import Any


def add_bot_commands(sub: Any) -> None:
    """Registered by the bot issue; nothing yet."""
