"""Webhook mode: the bot registers its URL and secret with setWebhook, then answers updates
POSTed to it, refusing those without the secret."""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.botrun import running_bot


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def post(url: str, update: dict[str, object], secret: str) -> int:
    request = urllib.request.Request(
        url,
        data=json.dumps(update).encode(),
        headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except urllib.error.URLError:
        return 0  # not listening yet


def update(chat_id: int, text: str, update_id: int) -> dict[str, object]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Ann"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "Ann"},
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}],
        },
    }


def test_webhook_mode_answers_updates_that_carry_the_secret(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    args = [
        "--webhook-url",
        url,
        "--listen",
        "127.0.0.1",
        "--port",
        str(port),
        "--secret-token",
        "s3cret",
    ]
    with running_bot(tmp_path, *args, ready="setWebhook") as bot:
        [hook] = [c for c in bot.tg.calls if c.method == "setWebhook"]
        assert url == hook.params["url"] and "s3cret" == hook.params["secret_token"]
        deadline = time.monotonic() + 20
        while post(url, update(901, "/help", 1), "s3cret") != 200 and time.monotonic() < deadline:
            time.sleep(0.2)  # the web server may still be starting
        bot.tg.wait_sent(901)
        assert 403 == post(url, update(902, "/help", 2), "wrong")
        time.sleep(1)
        assert [] == bot.tg.sent(902)
        assert "/latest" in bot.tg.sent(901)[0].params["text"]
