"""A local HTTP server that speaks the Telegram Bot API, for tests: the real python-telegram-bot
stack talks to it over HTTP. It answers like Telegram (``{"ok": false, "error_code",
"description", "parameters"}``), rejects what Telegram rejects (text over 4096 characters, HTML
its parser refuses), and can enforce Telegram's speed limits with 429s."""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

BOT = {
    "id": 7000001,
    "is_bot": True,
    "first_name": "newsbrief",
    "username": "newsbrief_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
ALLOWED_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-spoiler",
    "span",
    "tg-emoji",
}
_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*>"
)
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});")
_DECODE = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
# Telegram documents no bound for a button's label; it refuses very long ones. Ours: a line.
BUTTON_TEXT = 64


class ApiError(Exception):
    def __init__(
        self, code: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


def parse_html(text: str) -> str:
    """Visible text of a Telegram HTML message; raises ApiError where Telegram would."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "<":
            match = _TAG.match(text, i)
            if not match:
                raise ApiError(
                    400,
                    f"Bad Request: can't parse entities: Unsupported start tag at byte offset {i}",
                )
            closing, name = match.group(1), match.group(2).lower()
            if name not in ALLOWED_TAGS:
                raise ApiError(
                    400,
                    f'Bad Request: can\'t parse entities: Unsupported start tag "{name}" at byte offset {i}',
                )
            if closing:
                if not stack or stack[-1] != name:
                    raise ApiError(
                        400,
                        f"Bad Request: can't parse entities: Unexpected end tag at byte offset {i}",
                    )
                stack.pop()
            else:
                stack.append(name)
            i = match.end()
        elif ch == "&":
            match = _ENTITY.match(text, i)
            if not match:
                raise ApiError(
                    400,
                    f"Bad Request: can't parse entities: Character '&' is reserved at byte offset {i}",
                )
            name = match.group(1)
            out.append(
                _DECODE.get(name)
                or chr(int(name[2:], 16) if name.startswith("#x") else int(name[1:]))
            )
            i = match.end()
        elif ch == ">":
            raise ApiError(
                400,
                f"Bad Request: can't parse entities: Character '>' is reserved at byte offset {i}",
            )
        else:
            out.append(ch)
            i += 1
    if stack:
        raise ApiError(
            400,
            f"Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"{stack[-1]}\"",
        )
    return "".join(out)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    ok: bool = True
    error: str = ""
    at: float = 0.0


@dataclass
class FakeTelegram:
    """State of the fake: updates to hand out, what the bot sent, chats' behaviour."""

    token: str
    updates: list[dict[str, Any]] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    admins: dict[int, set[int]] = field(default_factory=dict)  # chat id -> admin user ids
    blocked: set[int] = field(default_factory=set)  # chats answering 403
    migrated: dict[int, int] = field(default_factory=dict)  # group id -> supergroup id
    broken: set[int] = field(default_factory=set)  # chats answering 400 chat not found
    enforce_limits: bool = False
    force_429: dict[int, int] = field(default_factory=dict)  # chat id -> 429s to answer first
    gate: threading.Event = field(default_factory=threading.Event)  # cleared: sends wait
    waiting: int = 0
    discard_waiting: bool = False
    admit: int | None = None  # let exactly this many sends through, then hold the rest
    base: str = ""
    _next_update: int = 1
    _next_message: int = 100
    _cond: threading.Condition = field(default_factory=threading.Condition)
    _sent_all: deque[float] = field(default_factory=deque)
    _sent_chat: dict[int, deque[float]] = field(default_factory=dict)

    # -- what tests do ------------------------------------------------------------------------
    def push(self, update: dict[str, Any]) -> int:
        with self._cond:
            update = {"update_id": self._next_update, **update}
            self._next_update += 1
            self.updates.append(update)
            self._cond.notify_all()
            return int(update["update_id"])

    def message(
        self, chat_id: int, text: str, user_id: int = 42, chat_type: str = "private", **extra: Any
    ) -> int:
        chat = {"id": chat_id, "type": chat_type}
        chat.update(
            {"title": f"Group {chat_id}"} if chat_type != "private" else {"first_name": "Ann"}
        )
        msg = {
            "message_id": self._new_message_id(),
            "date": int(time.time()),
            "chat": chat,
            "from": {"id": user_id, "is_bot": False, "first_name": "Ann"},
            "text": text,
            **extra,
        }
        if text.startswith("/"):
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return self.push({"message": msg})

    def press(
        self,
        chat_id: int,
        data: str,
        message_id: int = 1,
        user_id: int = 42,
        chat_type: str = "private",
    ) -> int:
        return self.push(
            {
                "callback_query": {
                    "id": str(self._new_message_id()),
                    "from": {"id": user_id, "is_bot": False, "first_name": "Ann"},
                    "chat_instance": "1",
                    "data": data,
                    "message": {
                        "message_id": message_id,
                        "date": int(time.time()),
                        "chat": {"id": chat_id, "type": chat_type},
                        "text": "x",
                    },
                }
            }
        )

    def membership(self, chat_id: int, old: str, new: str, chat_type: str = "group") -> int:
        def member(status: str) -> dict[str, Any]:
            extra = {"until_date": 0} if status == "kicked" else {}  # Telegram sends it for bans
            return {"user": BOT, "status": status, **extra}

        return self.push(
            {
                "my_chat_member": {
                    "chat": {"id": chat_id, "type": chat_type, "title": f"Group {chat_id}"},
                    "from": {"id": 42, "is_bot": False, "first_name": "Ann"},
                    "date": int(time.time()),
                    "old_chat_member": member(old),
                    "new_chat_member": {
                        **member(new),
                        **(
                            {
                                "can_be_edited": False,
                                "can_manage_chat": True,
                                "can_change_info": True,
                                "can_delete_messages": True,
                                "can_invite_users": True,
                                "can_restrict_members": True,
                                "can_pin_messages": True,
                                "can_promote_members": False,
                                "can_manage_video_chats": True,
                                "is_anonymous": False,
                                "can_post_stories": False,
                                "can_edit_stories": False,
                                "can_delete_stories": False,
                            }
                            if new == "administrator"
                            else {}
                        ),
                    },
                }
            }
        )

    def sent(self, chat_id: int | None = None, method: str = "sendMessage") -> list[Call]:
        with self._cond:
            return [
                c
                for c in self.calls
                if c.method == method
                and c.ok
                and (chat_id is None or int(c.params.get("chat_id", 0)) == chat_id)
            ]

    def wait_for(self, predicate: Callable[[], Any], timeout: float = 20.0) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = predicate()
            if value:
                return value
            time.sleep(0.05)
        raise AssertionError(
            f"timed out after {timeout} s; calls: {[(c.method, c.ok, c.error) for c in self.calls[-10:]]}"
        )

    def wait_sent(self, chat_id: int, count: int = 1, timeout: float = 20.0) -> list[Call]:
        return self.wait_for(lambda: (s := self.sent(chat_id)) and len(s) >= count and s, timeout)  # type: ignore[no-any-return]

    # -- the API ------------------------------------------------------------------------------
    def _new_message_id(self) -> int:
        self._next_message += 1
        return self._next_message

    def handle(self, method: str, params: dict[str, Any]) -> Any:
        handler = getattr(self, f"api_{method}", None)
        if handler is None:
            raise ApiError(404, "Not Found")
        return handler(params)

    def api_getMe(self, params: dict[str, Any]) -> Any:
        return BOT

    def api_deleteWebhook(self, params: dict[str, Any]) -> Any:
        return True

    def api_setWebhook(self, params: dict[str, Any]) -> Any:
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        return True

    def api_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}

    def api_setMyCommands(self, params: dict[str, Any]) -> Any:
        commands = params.get("commands") or []
        if not all(re.fullmatch(r"[a-z0-9_]{1,32}", c["command"]) for c in commands):
            raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        return True

    def api_close(self, params: dict[str, Any]) -> Any:
        return True

    def api_logOut(self, params: dict[str, Any]) -> Any:
        return True

    def api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        if len(str(params.get("text") or "")) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        return True

    def api_getChatMember(self, params: dict[str, Any]) -> Any:
        chat, user = int(params["chat_id"]), int(params["user_id"])
        status = "administrator" if user in self.admins.get(chat, set()) else "member"
        member: dict[str, Any] = {
            "user": {"id": user, "is_bot": False, "first_name": "U"},
            "status": status,
        }
        if status == "administrator":
            member.update(
                {
                    "can_be_edited": False,
                    "is_anonymous": False,
                    "can_manage_chat": True,
                    "can_delete_messages": True,
                    "can_manage_video_chats": True,
                    "can_restrict_members": True,
                    "can_promote_members": False,
                    "can_change_info": True,
                    "can_invite_users": True,
                    "can_post_stories": False,
                    "can_edit_stories": False,
                    "can_delete_stories": False,
                }
            )
        return member

    def api_getChatAdministrators(self, params: dict[str, Any]) -> Any:
        return [
            self.api_getChatMember({"chat_id": params["chat_id"], "user_id": u})
            for u in self.admins.get(int(params["chat_id"]), set())
        ]

    def api_getUpdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)  # short, so the bot stops quickly
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                ready = [u for u in self.updates if u["update_id"] >= offset]
                if ready or time.monotonic() >= deadline:
                    return ready[: int(params.get("limit") or 100)]
                self._cond.wait(max(0.0, deadline - time.monotonic()))

    def _check_chat(self, chat_id: int) -> None:
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if chat_id in self.migrated:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self.migrated[chat_id]},
            )
        if chat_id in self.broken:
            raise ApiError(400, "Bad Request: chat not found")

    def _check_limits(self, chat_id: int) -> None:
        if not self.enforce_limits:
            return
        now = time.monotonic()
        while self._sent_all and self._sent_all[0] <= now - 1.0:
            self._sent_all.popleft()
        chat = self._sent_chat.setdefault(chat_id, deque())
        while chat and chat[0] <= now - 60.0:
            chat.popleft()
        retry = 0.0
        if len(self._sent_all) >= 30:
            retry = self._sent_all[0] + 1.0 - now
        if chat and now - chat[-1] < 1.0:
            retry = max(retry, chat[-1] + 1.0 - now)
        if chat_id < 0 and len(chat) >= 20:
            retry = max(retry, chat[0] + 60.0 - now)
        if retry > 0:
            raise ApiError(
                429,
                f"Too Many Requests: retry after {max(1, round(retry))}",
                {"retry_after": max(1, round(retry))},
            )
        self._sent_all.append(now)
        chat.append(now)

    def _markup(self, params: dict[str, Any]) -> None:
        """Inline buttons as Telegram checks them: the whole message is refused for one bad
        button (callback data 1-64 bytes, a label that is not empty)."""
        markup = params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode("utf-8")) <= 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
                text = str(button.get("text") or "")
                if not text.strip() or utf16_len(text) > BUTTON_TEXT:
                    raise ApiError(400, "Bad Request: BUTTON_TEXT_INVALID")

    def _text(self, params: dict[str, Any]) -> str:
        self._markup(params)
        text = str(params.get("text", ""))
        mode = str(params.get("parse_mode") or "").upper()
        visible = parse_html(text) if mode == "HTML" else text
        if not visible.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(visible) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        return visible

    def abort_waiting(self) -> None:
        """Drop the held sends, as if the client had died before they reached Telegram."""
        self.discard_waiting = True
        self.gate.set()

    def api_sendMessage(self, params: dict[str, Any]) -> Any:
        chat_id = int(params["chat_id"])
        with self._cond:
            if self.admit is not None:
                if self.admit > 0:
                    self.admit -= 1  # within the budget: goes through
                else:
                    self.gate.clear()  # budget spent: this and later sends wait at the door
        if not self.gate.is_set():
            with self._cond:
                self.waiting += 1
            self.gate.wait()
            with self._cond:
                self.waiting -= 1
            if self.discard_waiting:
                raise ApiError(500, "Internal Server Error: dropped")
        if self.force_429.get(chat_id, 0) > 0:
            self.force_429[chat_id] -= 1
            raise ApiError(429, "Too Many Requests: retry after 1", {"retry_after": 1})
        self._check_chat(chat_id)
        visible = self._text(params)
        with self._cond:
            self._check_limits(chat_id)
        chat_type = (
            "private"
            if chat_id > 0
            else "supergroup"
            if str(chat_id).startswith("-100")
            else "group"
        )
        return {
            "message_id": self._new_message_id(),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": chat_type},
            "from": BOT,
            "text": visible,
        }

    def api_editMessageText(self, params: dict[str, Any]) -> Any:
        chat_id = int(params["chat_id"])
        self._check_chat(chat_id)
        visible = self._text(params)
        return {
            "message_id": int(params["message_id"]),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": BOT,
            "text": visible,
        }


def _params(handler: BaseHTTPRequestHandler) -> dict[str, Any]:
    length = int(handler.headers.get("Content-Length") or 0)
    body = handler.rfile.read(length) if length else b""
    kind = handler.headers.get("Content-Type", "")
    if "json" in kind:
        return dict(json.loads(body or b"{}"))
    params: dict[str, Any] = {}
    for key, value in parse_qsl(body.decode("utf-8"), keep_blank_values=True):
        try:
            params[key] = json.loads(value) if value[:1] in "[{" else value
        except ValueError:
            params[key] = value
    return params


@contextmanager
def fake_telegram(token: str, **options: Any) -> Iterator[FakeTelegram]:
    state = FakeTelegram(token=token, **options)
    state.gate.set()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            match = re.fullmatch(r"/bot([^/]+)/(\w+)", self.path)
            params = _params(self)
            if not match:
                return self._reply(
                    404, {"ok": False, "error_code": 404, "description": "Not Found"}
                )
            if match.group(1) != state.token:
                return self._reply(
                    401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
                )
            method = match.group(2)
            call = Call(method, params, at=time.monotonic())
            try:
                result = state.handle(method, params)
            except ApiError as exc:
                call.ok, call.error = False, exc.description
                with state._cond:
                    state.calls.append(call)
                body: dict[str, Any] = {
                    "ok": False,
                    "error_code": exc.code,
                    "description": exc.description,
                }
                if exc.parameters:
                    body["parameters"] = exc.parameters
                return self._reply(exc.code, body)
            with state._cond:
                state.calls.append(call)
            self._reply(200, {"ok": True, "result": result})

        do_GET = do_POST

        def _reply(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}/bot"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
