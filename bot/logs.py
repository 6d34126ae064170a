"""Logging set-up: one line per event, and the bot token never in any line (httpx logs request
URLs, and PTB puts the token in the URL)."""

from __future__ import annotations

import logging
import re
from urllib.parse import quote

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def redactor(secrets: list[str]) -> re.Pattern[str] | None:
    """A pattern for every form a secret takes in a log line: as given, any letter case (a
    lower-cased copy leaked through a traceback once), URL-encoded, and for a bot token the
    part after the colon alone (the numeric bot id is public)."""
    forms: set[str] = set()
    for secret in (s for s in secrets if s):
        forms |= {secret, quote(secret, safe="")}
        if ":" in secret:
            forms.add(secret.split(":", 1)[1])
    if not forms:
        return None
    ordered = sorted(forms, key=len, reverse=True)  # the whole token before its part
    return re.compile("|".join(re.escape(f) for f in ordered), re.IGNORECASE)


def redact(text: str, secrets: list[str]) -> str:
    pattern = redactor(secrets)
    return pattern.sub("<token>", text) if pattern else text


class RedactingFormatter(logging.Formatter):
    """Replaces secrets wherever they appear: message, arguments and tracebacks."""

    def __init__(self, secrets: list[str], fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        self.pattern = redactor(secrets)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        return self.pattern.sub("<token>", text) if self.pattern else text


class QuietBootstrapFailure(logging.Filter):
    """PTB logs a start-up failure with its whole traceback, then raises; the command line
    then says what went wrong in one line, so the traceback is dropped from that record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.getMessage().startswith("Network Retry Loop (Bootstrap"):
            record.exc_info, record.exc_text = None, None
        return True


def setup_logging(level: str, secrets: list[str]) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter(secrets))
    handler.addFilter(QuietBootstrapFailure())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    # httpx logs every request URL at INFO; keep it for warnings and errors only.
    for noisy in ("httpx", "httpcore", "apscheduler.executors.default"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
