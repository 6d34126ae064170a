"""Logging set-up: one line per event, and the bot token never in any line (httpx logs request
URLs, and PTB puts the token in the URL)."""

from __future__ import annotations

import logging

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFormatter(logging.Formatter):
    """Replaces secrets wherever they appear: message, arguments and tracebacks."""

    def __init__(self, secrets: list[str], fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        self.secrets = [s for s in secrets if s]

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self.secrets:
            text = text.replace(secret, "<token>")
            # The numeric bot id alone is public; the part after the colon is the secret.
            if ":" in secret:
                text = text.replace(secret.split(":", 1)[1], "<token>")
        return text


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
