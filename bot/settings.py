"""Settings: from the command line, the environment and a TOML file, validated at start-up."""

from __future__ import annotations

from pathlib import Path

import platformdirs


class SettingsError(Exception):
    """A setting is missing or wrong; the message says which and how to fix it."""


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("newsbrief", appauthor=False)) / "newsbrief.json"
