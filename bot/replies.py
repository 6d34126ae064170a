"""What a command answers, independent of Telegram: messages with buttons, and who asked."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.render import cut_units, split

CALLBACK_BYTES = 64  # Telegram rejects the whole message when one button's data is longer
BUTTON_UNITS = 40  # Telegram documents no bound, refuses very long labels; keep to a line


@dataclass(slots=True)
class Button:
    """An inline button. The label is cut to a short line; the data must be a short id
    (never a name: a Cyrillic topic name passes 64 bytes at 33 letters)."""

    text: str
    data: str

    def __post_init__(self) -> None:
        self.text = cut_units(self.text, BUTTON_UNITS) or "…"
        if not 1 <= len(self.data.encode("utf-8")) <= CALLBACK_BYTES:
            raise ValueError(f"callback data must be 1-{CALLBACK_BYTES} bytes: {self.data[:80]!r}")


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


def fit(replies: list[Reply]) -> list[Reply]:
    """Every reply within Telegram's message limit: a long one becomes several messages split
    between lines, its buttons on the last."""
    out: list[Reply] = []
    for reply in replies:
        parts = split(reply.text)
        if len(parts) == 1 and parts[0] == reply.text:
            out.append(reply)
            continue
        out += [Reply(p, [], reply.preview) for p in parts[:-1]]
        out.append(Reply(parts[-1], reply.buttons, reply.preview))
    return out


def topic_key(topic: str) -> str:
    """A 12-character id for a topic name, for callback data (the handler maps it back)."""
    digest = hashlib.blake2b(topic.encode("utf-8"), digest_size=9).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")
