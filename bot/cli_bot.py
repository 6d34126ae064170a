"""Command-line entries for the bot: ``newsbrief run`` and ``newsbrief chat``."""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import secrets
from typing import Any

from bot.settings import SettingsError, load_settings, validate


def add_bot_commands(sub: Any) -> None:
    p = sub.add_parser("run", help="run the Telegram bot (long polling, or a webhook)")
    p.add_argument(
        "--token-file",
        help="file holding the bot token (default: $CREDENTIALS_DIRECTORY/telegram_bot_token)",
    )
    p.add_argument(
        "--token", help="bot token (default: $TELEGRAM_BOT_TOKEN); visible to all users in ps"
    )
    p.add_argument("--api-url", help="Bot API base URL (default: Telegram's; $TELEGRAM_API_URL)")
    p.add_argument("--config", help="settings file (TOML)")
    p.add_argument("--webhook-url", help="run as a webhook at this public https URL")
    p.add_argument("--listen", help="webhook listen address (default 127.0.0.1)")
    p.add_argument("--port", type=int, help="webhook port (default 8443)")
    p.add_argument(
        "--secret-token", help="webhook secret Telegram sends back (default: a random one)"
    )
    p.add_argument("--log-level", help="DEBUG, INFO (default), WARNING or ERROR")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("chat", help="the bot in this terminal, no token needed")
    p.add_argument("--config", help="settings file (TOML)")
    p.set_defaults(func=cmd_chat)


def _settings(args: argparse.Namespace, need_token: bool) -> Any:
    overrides = {
        "token": getattr(args, "token", None),
        "token_file": getattr(args, "token_file", None),
        "api_url": getattr(args, "api_url", None),
        "db": getattr(args, "db", None),
        "webhook_url": getattr(args, "webhook_url", None),
        "listen": getattr(args, "listen", None),
        "port": getattr(args, "port", None),
        "secret_token": getattr(args, "secret_token", None),
        "log_level": getattr(args, "log_level", None),
    }
    settings = load_settings(getattr(args, "config", None), overrides)
    validate(settings, need_token=need_token)
    return settings


def cmd_run(args: argparse.Namespace) -> int:
    from telegram.error import InvalidToken, NetworkError, TelegramError

    from bot.app import build_application
    from bot.logs import redact, setup_logging
    from store.open import is_url

    settings = _settings(args, need_token=True)
    if settings.webhook_url and not settings.secret_token:
        # Without a secret anyone who finds the URL can post forged updates (subscribe chats,
        # claim an owner's user id); a fresh one per start is as good as a configured one.
        settings.secret_token = secrets.token_urlsafe(32)
        if is_url(settings.db):
            # Several instances behind one URL must agree on it (the last setWebhook wins):
            # derived from the token, which they share and an outsider does not know.
            settings.secret_token = hmac.new(
                settings.token.encode(), b"newsbrief webhook secret", hashlib.sha256
            ).hexdigest()
    setup_logging(settings.log_level, [settings.token, settings.secret_token])
    app = build_application(settings)
    poller = _take_poller_lock(app, settings)
    try:
        _run(app, settings)
    except InvalidToken as exc:
        raise SettingsError("Telegram rejected the bot token: check its file or setting") from exc
    except (NetworkError, TelegramError) as exc:
        # PTB's messages may carry the request URL, and with it the token.
        message = redact(str(exc), [settings.token])
        raise SettingsError(f"cannot reach the Bot API: {message}") from exc
    finally:
        if poller is not None:
            poller.release()
    return 0


def _take_poller_lock(app: Any, settings: Any) -> Any:
    """Several instances on one PostgreSQL database: only one may long-poll Telegram (a second
    getUpdates gets 409 Conflict). Webhook instances need no lock."""
    from store.open import poller_lock_key

    stores = app.bot_data.services.stores
    if settings.webhook_url or stores is None or not stores.shared:
        return None
    lock = stores.lock(poller_lock_key(settings.token))
    if lock is not None and not lock.try_acquire():
        stores.close()
        raise SettingsError(
            "another instance already polls Telegram for this bot (a second poller gets 409 "
            "Conflict); run one poller, or several instances with --webhook-url"
        )
    return lock


def _run(app: Any, settings: Any) -> None:
    from telegram import Update

    if settings.webhook_url:
        app.run_webhook(
            listen=settings.listen,
            port=settings.port,
            url_path="telegram",
            webhook_url=settings.webhook_url,
            secret_token=settings.secret_token,  # always set: see cmd_run
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES, poll_interval=0.0, timeout=10)


def cmd_chat(args: argparse.Namespace) -> int:
    from bot.console import run_console

    return asyncio.run(run_console(_settings(args, need_token=False)))
