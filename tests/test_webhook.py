"""Webhook mode: the bot registers its URL and secret with setWebhook, then answers updates
POSTed to it, refusing those without the secret."""

from __future__ import annotations

import json
import re
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.botrun import TOKEN, running_bot


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def post(url: str, update: dict[str, object], secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(url, data=json.dumps(update).encode(), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except urllib.error.URLError:
        return 0  # not listening yet


def update(chat_id: int, text: str, update_id: int, user_id: int = 0) -> dict[str, object]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Ann"},
            "from": {"id": user_id or chat_id, "is_bot": False, "first_name": "Ann"},
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


def test_webhook_without_a_configured_secret_makes_one_and_refuses_forged_updates(
    tmp_path: Path,
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")  # from a file: the token is on no command line
    config = tmp_path / "bot.toml"
    config.write_text("owners = [777]\n")
    args = ["--webhook-url", url, "--port", str(port), "--config", str(config)]
    args += ["--token-file", str(token_file)]
    with running_bot(tmp_path, *args, ready="setWebhook", environment={}) as bot:
        assert TOKEN not in " ".join(map(str, bot.process.args))
        [hook] = [c for c in bot.tg.calls if c.method == "setWebhook"]
        secret = str(hook.params["secret_token"])
        assert re.fullmatch(r"[A-Za-z0-9_-]{32,256}", secret)
        deadline = time.monotonic() + 20
        while post(url, update(903, "/help", 1), secret) != 200 and time.monotonic() < deadline:
            time.sleep(0.2)  # the web server may still be starting
        bot.tg.wait_sent(903)
        # Forged: no secret, a wrong one, and one claiming to be the owner.
        assert 403 == post(url, update(904, "/subscribe armenia", 2), None)
        assert 403 == post(url, update(904, "/subscribe armenia", 3), "wrong")
        assert 403 == post(url, update(905, "/addfeed https://e.example/f", 4, user_id=777), None)
        assert 200 == post(url, update(904, "/subscriptions", 5), secret)
        assert 200 == post(url, update(905, "/feeds", 6, user_id=777), secret)
        [subscriptions] = bot.tg.wait_sent(904)
        [feeds] = bot.tg.wait_sent(905)
        assert "No subscriptions yet" in subscriptions.params["text"]
        assert "No feeds yet" in feeds.params["text"]
    logs = bot.logs()
    assert TOKEN.split(":")[1] not in logs and secret not in logs
