"""Hostile input on the Telegram side: every reply type rendered from hostile article data stays
within what Telegram accepts, button presses are throttled like commands, arguments that look
like times but are not are refused, and over-long arguments get one clear line."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.commands import Commands
from bot.handlers.chat_commands import ALL
from bot.replies import Button, Caller, Reply, topic_key
from bot.services import Services
from bot.settings import Settings
from briefings.model import Article, Quote
from tests.botrun import running_bot
from tests.fakes.bot_api import ApiError, FakeTelegram, parse_html, utf16_len

RTL = "\u202e"  # right-to-left override
OWNER = 777


def hostile(i: int, rng: random.Random) -> Article:
    """An article whose every field is long, Cyrillic, emoji, RTL-overridden or HTML."""
    topics = [
        ("армения " * 250).strip() + f" {i}",  # 2,000 characters, one Cyrillic word repeated
        "🦄" * 1000 + f" unicorn {i}",
        f"{RTL}<b>тег</b> & <a href='x'>" + "x" * 2000,
        f"азербайджан {i}",
    ]
    return Article(
        title=f"<script>alert({i})</script> " + "Заголовок & <i>" * 150 + RTL,
        summary="🦄 <i>&amp; " * 300,
        quotes=[
            Quote("<b>" + "ж" * 500 + f"</b> {j}", "Speaker <x> " * 200 + RTL, key=j == 0)
            for j in range(40)
        ],
        topics=topics,
        topic_weights={t: 1.0 for t in topics},
        dek="<dek>" * 400,
        source="Src & <co> " * 200,
        url=f'https://e.example/{i}?a=<1>&b="2"',
        also_from=["Other <x> " * 100] * 3,
        published=datetime.now(UTC) - timedelta(hours=i + 1),
        fingerprint=rng.getrandbits(64),
    )


def store_hostile(path: Path, n: int = 6) -> None:
    services = Services.open(Settings(db=str(path)))
    rng = random.Random(7)
    services.articles.add_many([hostile(i, rng) for i in range(n)])
    services.db.close()


def accepted(reply: Reply) -> None:
    """Raises where Telegram would refuse the message: the fake Bot API's own checks."""
    tg = FakeTelegram(token="x")
    markup = {
        "inline_keyboard": [
            [{"text": b.text, "callback_data": b.data} for b in row] for row in reply.buttons
        ]
    }
    visible = tg._text({"text": reply.text, "parse_mode": "HTML", "reply_markup": markup})
    assert utf16_len(visible) <= 4096


@pytest.fixture
async def services(tmp_path: Path) -> AsyncIterator[Services]:
    store_hostile(tmp_path / "db.json")
    svc = Services.open(Settings(db=str(tmp_path / "db.json"), owners=[OWNER]))
    svc.feeds.add("https://e.example/" + "ф" * 1500)
    yield svc
    await svc.shutdown()


async def test_every_reply_type_with_hostile_data_is_one_telegram_accepts(
    services: Services,
) -> None:
    commands = Commands(services)
    owner = Caller(1, user_id=OWNER)
    replies: list[Reply] = []
    for text in [
        "help",
        "latest 20",
        "topic армения",
        "topic армениа",  # a typo: "did you mean" buttons
        "topic unicorn",
        "topics",
        "feeds",
        "briefing",
    ]:
        command, _, args = text.partition(" ")
        replies += await commands.handle(owner, command, args)
    # Twenty 100-character Cyrillic and emoji subscriptions, then the list of them.
    for i in range(20):
        await commands.handle(owner, "subscribe", f'"{"ё" * 60}{"🦄" * 38}{i:02d}"')
    replies += await commands.handle(owner, "subscriptions", "")
    replies += await commands.handle(owner, "briefing", "")
    # Every button of every reply, pressed: "More" (40 long quotes), pages, topics.
    buttons = [b for r in replies for row in r.buttons for b in row]
    assert any(b.data.startswith("more:") for b in buttons)
    assert any(b.data.startswith("t:") for b in buttons)
    for button in buttons:
        replies += await commands.callback(owner, button.data)
    assert len(replies) > 30
    for reply in replies:
        accepted(reply)


async def test_topic_buttons_carry_short_ids_that_the_handler_resolves(
    services: Services,
) -> None:
    commands = Commands(services)
    replies = await commands.handle(Caller(1), "topic", "армения")
    topic_buttons = [b for r in replies for row in r.buttons for b in row if b.data[:2] == "t:"]
    assert topic_buttons and all(len(b.data.encode()) <= 64 for b in topic_buttons)
    # A fresh Commands (a restart) resolves the id from the stored topics, not from memory.
    pressed = await Commands(services).callback(Caller(1), topic_buttons[0].data)
    assert "армения" in parse_html(pressed[0].text).lower()
    assert "expired" in (await commands.callback(Caller(1), "t:" + topic_key("nothing")))[0].text


def test_a_button_with_a_name_for_data_is_refused_before_it_reaches_telegram() -> None:
    with pytest.raises(ValueError, match="64 bytes"):
        Button("Армения", "topic:" + "армения" * 5)
    assert "…" == Button("   ", "more:1").text
    assert 40 >= utf16_len(Button("🦄" * 500, "more:1").text)


def test_the_fake_bot_api_refuses_what_telegram_refuses() -> None:
    tg = FakeTelegram(token="x")
    for params in [
        {"text": "x" * 4097},
        {"text": "🦄" * 2049},  # 4,098 UTF-16 units
        {"text": "<b>open", "parse_mode": "HTML"},
        {"text": "a & b", "parse_mode": "HTML"},
        {
            "text": "x",
            "reply_markup": {"inline_keyboard": [[{"text": "a", "callback_data": "ж" * 33}]]},
        },
        {"text": "x", "reply_markup": {"inline_keyboard": [[{"text": " ", "callback_data": "a"}]]}},
    ]:
        with pytest.raises(ApiError):
            tg._text(params)


async def test_subscribe_refuses_an_argument_that_looks_like_a_time_but_is_not(
    services: Services,
) -> None:
    commands = Commands(services)
    for bad in ["25:99", "7:5", "8am", "24:00"]:
        [reply] = await commands.handle(Caller(3), "subscribe", f"armenia {bad}")
        assert f"“{bad}” is not a time of day" in reply.text
    chat = services.chats.get(3)
    assert chat is None or not chat.subscribed
    [ok] = await commands.handle(Caller(3), "subscribe", "web 3.0 7:05")
    chat = services.chats.get(3)
    assert "Subscribed" in ok.text and chat is not None and ["07:05"] == chat.times


async def test_a_10000_character_argument_gets_one_clear_line_from_every_command(
    services: Services,
) -> None:
    commands = Commands(services)
    for command in ALL:
        for arg in ["ж" * 10_000, "🦄 " * 5_000, "<b>" * 2_500]:
            replies = await commands.handle(Caller(4, user_id=OWNER), command, arg)
            assert 1 == len(replies), command
            text = replies[0].text
            assert "\n" not in text and len(text) < 120 and "too long" in text, (command, text)
            accepted(replies[0])


def test_latest_says_on_stderr_when_n_is_over_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli import MAX_N, main

    store_hostile(tmp_path / "db.json", n=2)
    assert 0 == main(["--db", str(tmp_path / "db.json"), "latest", "-n", "1000"])
    err = capsys.readouterr().err
    assert f"-n is from 1 to {MAX_N}: showing at most {MAX_N}" in err


def test_a_10000_character_argument_on_the_command_line_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli import main

    db = str(tmp_path / "db.json")
    for argv in (["ingest", "ж" * 10_000], ["topic", "a" * 10_000], ["feeds", "add", "h" * 10_000]):
        assert 2 == main(["--db", db, *argv])
        err = capsys.readouterr().err
        assert 1 == err.count("\n") and "10,000 characters is too long" in err, err[:200]


def test_through_the_real_bot_hostile_replies_arrive_and_buttons_are_throttled(
    tmp_path: Path,
) -> None:
    db = tmp_path / "bot.json"
    store_hostile(db)
    config = tmp_path / "bot.toml"
    config.write_text("commands_per_minute = 3\n")
    with running_bot(tmp_path, "--config", str(config), db=db) as bot:
        tg = bot.tg
        # Each chat stays within its 3 a minute: the hostile replies, one chat each.
        for chat, text in enumerate(["/topics", "/topic армения", "/latest 20", "/topic армениа"]):
            tg.message(100 + chat, text)
        tg.message(110, "/subscribe\n" + "ж" * 10_000)  # a newline, not a space, after it
        for chat in (100, 101, 102, 103, 110):
            tg.wait_sent(chat)
        # 12 presses from one chat, each a topic lookup: 3 go through, the rest are told.
        for _ in range(12):
            tg.press(120, "t:" + topic_key("азербайджан 1"))
        tg.wait_for(lambda: len(tg.sent(None, "answerCallbackQuery")) >= 12)
        tg.wait_sent(120, 3)
        refused = [c for c in tg.calls if not c.ok and c.method != "getUpdates"]
        assert [] == refused, refused
        [too_long] = tg.sent(110)
        assert "too long" in too_long.params["text"] and "\n" not in too_long.params["text"]
        answers = [c.params.get("text") or "" for c in tg.sent(None, "answerCallbackQuery")]
        assert 9 == sum("Slow down" in a for a in answers)
        assert 3 == len(tg.sent(120))
