"""Settings: command line over environment over a TOML file over defaults, validated at start-up
with one clear message per problem."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

TOKEN_FORMAT = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{30,100}$")
SECRET_FORMAT = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what setWebhook accepts as secret_token
CREDENTIAL = "telegram_bot_token"  # the name in systemd's LoadCredential=


class SettingsError(Exception):
    """A setting is missing or wrong; the message says which and how to fix it."""


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("newsbrief", appauthor=False)) / "newsbrief.json"


@dataclass(slots=True)
class Settings:
    """Everything the operator can set. See the README's settings reference."""

    token: str = ""
    token_file: str = ""  # a file holding the token: kept off command lines (ps, /proc)
    api_url: str = ""  # Bot API base, e.g. http://127.0.0.1:8081/bot (PTB's base_url)
    db: str = ""
    timezone: str = "UTC"  # default time zone of new chats
    briefing_time: str = "08:00"  # default briefing time of new subscriptions
    items_per_briefing: int = 5
    grace_hours: float = 3.0  # a briefing missed while down is sent if the bot is back within this
    owners: list[int] = field(default_factory=list)  # Telegram user ids allowed /addfeed etc.
    feeds: list[str] = field(default_factory=list)  # feeds added to the store at start-up
    poll_minutes: float = 15.0
    fetch_pages: bool = True
    allow_private_urls: bool = False
    retention_days: float = 30.0
    webhook_url: str = ""
    listen: str = "127.0.0.1"
    port: int = 8443
    secret_token: str = ""
    log_level: str = "INFO"
    commands_per_minute: int = 20  # per chat, so one spamming chat cannot slow the others
    max_retries: int = 5  # on Telegram's 429 and network errors

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def db_path(self) -> Path:
        return Path(self.db).expanduser() if self.db else default_db_path()


def load_settings(config: str | None = None, overrides: dict[str, Any] | None = None) -> Settings:
    """Defaults < TOML file < environment < command line, then validated."""
    values: dict[str, Any] = {}
    from_file: dict[str, Any] = {}
    if config:
        path = Path(config).expanduser()
        try:
            from_file = tomllib.loads(path.read_text("utf-8"))
        except FileNotFoundError as exc:
            raise SettingsError(f"config file {path} does not exist") from exc
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"config file {path} is not valid TOML: {exc}") from exc
    env = {
        "token": "TELEGRAM_BOT_TOKEN",
        "api_url": "TELEGRAM_API_URL",
        "db": "NEWSBRIEF_DB",
        "timezone": "NEWSBRIEF_TIMEZONE",
        "log_level": "NEWSBRIEF_LOG_LEVEL",
    }
    from_env = {key: os.environ[name] for key, name in env.items() if os.environ.get(name)}
    from_line = {k: v for k, v in (overrides or {}).items() if v is not None}
    for layer in (from_file, from_env, from_line):
        # The token and its file are one setting: the stronger source gives either.
        if "token" in layer and "token_file" in layer:
            raise SettingsError("give the bot token or token_file, not both")
        if "token" in layer or "token_file" in layer:
            values.pop("token", None)
            values.pop("token_file", None)
        values.update(layer)
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise SettingsError(f"unknown setting(s): {', '.join(unknown)}")
    settings = Settings(**values)
    if not settings.token:
        settings.token = _token_from_file(settings.token_file)
    validate(settings)
    return settings


def _token_from_file(token_file: str) -> str:
    """The token from ``token_file``, else from systemd's credentials directory, else "".
    One line naming the file when it cannot be read; never the file's content."""
    path: Path | None = Path(token_file).expanduser() if token_file else None
    credentials = os.environ.get("CREDENTIALS_DIRECTORY")
    if path is None and credentials and (Path(credentials) / CREDENTIAL).is_file():
        path = Path(credentials) / CREDENTIAL
    if path is None:
        return ""
    try:
        token = path.read_text("utf-8").strip()
    except OSError as exc:
        raise SettingsError(f"cannot read the token file {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise SettingsError(f"the token file {path} is not text") from exc
    if not token:
        raise SettingsError(f"the token file {path} is empty")
    return token


def validate(settings: Settings, need_token: bool = False) -> None:
    try:
        ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise SettingsError(
            f"unknown time zone {settings.timezone!r}: use an IANA name such as Europe/Madrid"
        ) from exc
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", settings.briefing_time):
        raise SettingsError(f"briefing_time {settings.briefing_time!r} is not HH:MM")
    if need_token:
        if not settings.token:
            raise SettingsError(
                "no bot token: pass --token-file PATH, set TELEGRAM_BOT_TOKEN or pass --token"
            )
        if not TOKEN_FORMAT.match(settings.token):
            raise SettingsError(
                "the bot token does not look like one from @BotFather (digits:35 characters)"
            )
    if (
        settings.db
        and not settings.db.startswith(("postgresql://", "postgres://"))
        and not Path(settings.db).expanduser().parent.is_dir()
    ):
        raise SettingsError(
            f"the database folder {Path(settings.db).expanduser().parent} does not exist"
        )
    local = settings.webhook_url.startswith("http://127.0.0.1")
    if settings.webhook_url and not settings.webhook_url.startswith("https://") and not local:
        raise SettingsError("webhook_url must be an https:// URL Telegram can reach")
    if settings.secret_token and not SECRET_FORMAT.fullmatch(settings.secret_token):
        raise SettingsError("secret_token must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
    if settings.items_per_briefing < 1 or settings.items_per_briefing > 20:
        raise SettingsError("items_per_briefing must be between 1 and 20")
    if settings.log_level.upper() not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        raise SettingsError("log_level must be DEBUG, INFO, WARNING or ERROR")
