"""The bot token: never in a log line in any spelling, and read from a file (``--token-file``,
``token_file``, systemd's credentials directory) so it need not be on a command line."""

from __future__ import annotations

import io
import logging
from pathlib import Path
from urllib.parse import quote

import pytest

from bot.logs import RedactingFormatter
from bot.settings import SettingsError, load_settings
from tests.botrun import TOKEN

OTHER = "987654321:BBHotherTokenFromTheFile_abcdefghijk"


def test_the_token_is_redacted_in_any_letter_case_and_url_encoded() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(RedactingFormatter([TOKEN]))
    log = logging.getLogger("test_token.redaction")
    log.addHandler(handler)
    log.propagate = False
    try:
        try:
            raise RuntimeError(f"GET https://api.example/bot{TOKEN.lower()}/getMe failed")
        except RuntimeError:
            log.exception("request to %s", quote(TOKEN, safe=""))
        log.warning("upper %s, plain %s", TOKEN.upper(), TOKEN)
    finally:
        log.removeHandler(handler)
    text = stream.getvalue()
    secret = TOKEN.split(":")[1]
    assert secret.lower() not in text.lower()
    assert text.count("<token>") == 4


def test_the_token_comes_from_the_token_file_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "token"
    path.write_text(OTHER + "\n")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    assert TOKEN == load_settings().token
    assert OTHER == load_settings(overrides={"token_file": str(path)}).token
    config = tmp_path / "bot.toml"
    config.write_text(f'token_file = "{path}"\n')
    # The environment is stronger than the file of settings; the command line stronger still.
    assert TOKEN == load_settings(str(config)).token
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN")
    assert OTHER == load_settings(str(config)).token
    assert TOKEN == load_settings(str(config), {"token": TOKEN}).token


def test_systemd_credentials_directory_gives_the_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    (tmp_path / "telegram_bot_token").write_text(OTHER)
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(tmp_path))
    assert OTHER == load_settings().token
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    assert TOKEN == load_settings().token  # set explicitly: that one wins


def test_a_bad_token_file_or_secret_is_one_clear_line_without_the_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    missing = tmp_path / "nope"
    with pytest.raises(SettingsError, match=f"cannot read the token file {missing}"):
        load_settings(overrides={"token_file": str(missing)})
    (tmp_path / "empty").write_text("\n")
    with pytest.raises(SettingsError, match="is empty"):
        load_settings(overrides={"token_file": str(tmp_path / "empty")})
    config = tmp_path / "bot.toml"
    config.write_text(f'token = "{TOKEN}"\ntoken_file = "{missing}"\n')
    with pytest.raises(SettingsError, match="not both"):
        load_settings(str(config))
    with pytest.raises(SettingsError, match="secret_token must be") as error:
        load_settings(overrides={"secret_token": "has space"})
    assert "\n" not in str(error.value)


def test_the_systemd_unit_passes_the_token_as_a_credential_and_the_example_loads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.settings import CREDENTIAL
    from tests.conftest import ROOT

    unit = (ROOT / "deploy" / "newsbrief.service").read_text("utf-8")
    assert f"LoadCredential={CREDENTIAL}:/etc/newsbrief/{CREDENTIAL}" in unit
    assert "TELEGRAM_BOT_TOKEN" not in unit and "--token " not in unit
    monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
    settings = load_settings(str(ROOT / "deploy" / "newsbrief.example.toml"))
    assert "" == settings.token_file and "" == settings.secret_token
