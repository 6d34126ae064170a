"""Telegram's speed limits, kept from our side: about 30 messages/s overall, 1/s to one chat,
20/min to one group; a 429's ``retry_after`` pauses only the chat it came for.

PTB's ``AIORateLimiter`` has no per-private-chat limit and, on a 429, holds back every request,
so one flooded group would stall the briefings of every other chat. This limiter keeps the
three limits itself, retries 429s and network errors (with backoff) up to ``max_retries``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

UNLIMITED = {
    "getUpdates",
    "getMe",
    "setWebhook",
    "deleteWebhook",
    "getWebhookInfo",
    "setMyCommands",
    "close",
    "logOut",
    "getChatMember",
    "getChatAdministrators",
    "answerCallbackQuery",
}


class ChatRateLimiter(BaseRateLimiter[int]):
    """Global, per-chat and per-group limits; 429s pause only their chat."""

    def __init__(
        self,
        overall_per_second: float = 30.0,
        chat_interval: float = 1.0,
        group_per_minute: int = 20,
        max_retries: int = 5,
    ) -> None:
        self.overall_interval = 1.0 / overall_per_second
        self.chat_interval = chat_interval
        self.group_per_minute = group_per_minute
        self.max_retries = max_retries
        self._next_global = 0.0
        self._global_lock = asyncio.Lock()
        self._chat_next: dict[int | str, float] = {}
        self._chat_locks: dict[int | str, asyncio.Lock] = {}
        self._group_sent: dict[int | str, deque[float]] = {}

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if endpoint in UNLIMITED:
            return await callback(*args, **kwargs)
        chat = data.get("chat_id")
        retries = rate_limit_args if rate_limit_args is not None else self.max_retries
        attempt = 0
        while True:
            await self._wait_turn(chat)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                attempt += 1
                delay = (
                    exc.retry_after
                    if isinstance(exc.retry_after, int | float)
                    else exc.retry_after.total_seconds()
                )
                if chat is not None:
                    self._chat_next[chat] = max(
                        self._chat_next.get(chat, 0.0), time.monotonic() + float(delay)
                    )
                if attempt > retries:
                    raise
                log.info("429 for chat %s: retrying in %.1f s", chat, delay)
            except BadRequest:
                raise  # malformed or refused: retrying cannot help
            except NetworkError:
                attempt += 1
                if attempt > retries:
                    raise
                await asyncio.sleep(min(30.0, 0.5 * 2 ** (attempt - 1)))

    async def _wait_turn(self, chat: int | str | None) -> None:
        if chat is not None:
            lock = self._chat_locks.setdefault(chat, asyncio.Lock())
            async with lock:
                await self._wait_chat(chat)
        await self._wait_global()

    async def _wait_chat(self, chat: int | str) -> None:
        now = time.monotonic()
        wait = self._chat_next.get(chat, 0.0) - now
        is_group = (isinstance(chat, int) and chat < 0) or isinstance(chat, str)
        if is_group:
            sent = self._group_sent.setdefault(chat, deque())
            while sent and sent[0] <= now - 60:
                sent.popleft()
            if len(sent) >= self.group_per_minute:
                wait = max(wait, sent[0] + 60 - now)
        if wait > 0:
            await asyncio.sleep(wait)
        now = time.monotonic()
        self._chat_next[chat] = now + self.chat_interval
        if is_group:
            self._group_sent[chat].append(now)

    async def _wait_global(self) -> None:
        async with self._global_lock:
            now = time.monotonic()
            wait = self._next_global - now
            if wait > 0:
                await asyncio.sleep(wait)
            self._next_global = max(now, self._next_global) + self.overall_interval
