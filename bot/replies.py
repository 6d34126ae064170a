"""What a command answers, independent of Telegram: messages with buttons, and who asked."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field


@dataclass(slots=True)
class Button:
    text: str
    data: str  # callback data, at most 64 bytes


@dataclass(slots=True)
class Reply:
    """One message: Telegram HTML, inline buttons (rows), link previews on or off."""

    text: str
    buttons: list[list[Button]] = field(default_factory=list)
    preview: bool = False


@dataclass(slots=True)
class Caller:
    """Who sent the command, from which chat, and how to ask whether they may change it."""

    chat_id: int
    chat_type: str = "private"
    chat_title: str = ""
    user_id: int = 0
    is_admin: Callable[[], Awaitable[bool]] | None = None
