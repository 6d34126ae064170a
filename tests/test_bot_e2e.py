"""The real bot (``newsbrief run --api-url …``) against a local Bot API server over HTTP:
private and group flows, admin refusal, @botname, migration, pagination, "More", splitting,
bad input, errors, throttling, and a token that never reaches the logs."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import Database
from store.chats import Chat, ChatStore
from tests.botrun import TOKEN, RunningBot, env, newsbrief, running_bot
from tests.conftest import DEV, ROOT, SAMPLE, needs_shared
from tests.fakes.bot_api import parse_html

pytestmark = needs_shared

GROUP = -1001234
ADMIN, MEMBER = 501, 502


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBot]:
    tmp = tmp_path_factory.mktemp("bot")
    db = tmp / "bot.json"
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "ingest", str(SAMPLE), str(DEV), "--db", str(db)],
        cwd=ROOT,
        env=env(),
        check=True,
        capture_output=True,
    )
    with running_bot(tmp, db=db) as running:
        running.tg.admins[GROUP] = {ADMIN}
        yield running


def read_chat(bot: RunningBot, chat_id: int) -> Chat | None:
    """What the running bot has stored, read as another process would (read-only)."""
    with Database(bot.db, readonly=True) as db:
        return ChatStore(db).get(chat_id)


def texts(bot: RunningBot, chat: int) -> list[str]:
    return [str(c.params["text"]) for c in bot.tg.sent(chat)]


def ask(bot: RunningBot, chat: int, text: str, count: int = 1, **kw: object) -> list[str]:
    before = len(bot.tg.sent(chat))
    bot.tg.message(chat, text, **kw)  # type: ignore[arg-type]
    bot.tg.wait_sent(chat, before + count)
    return texts(bot, chat)[before:]


def test_startup_registers_the_command_menu(bot: RunningBot) -> None:
    [call] = [c for c in bot.tg.calls if c.method == "setMyCommands"]
    names = [c["command"] for c in call.params["commands"]]
    assert {"latest", "topic", "topics", "subscribe", "help"} <= set(names)


def test_start_explains_the_bot_with_an_example(bot: RunningBot) -> None:
    [text] = ask(bot, 101, "/start")
    assert "/latest" in text and "/subscribe armenia 08:00" in text


def test_latest_sends_briefs_with_title_source_summary_quote_and_more_buttons(
    bot: RunningBot,
) -> None:
    [text] = ask(bot, 102, "/latest 3")
    call = bot.tg.sent(102)[-1]
    assert 3 == text.count("<b><a href=") or 3 == text.count("<b>") - 1
    assert "<blockquote>" in text
    buttons = call.params["reply_markup"]["inline_keyboard"]
    assert ["More 1", "More 2", "More 3"] == [b["text"] for b in buttons[0]]
    assert "Next ▸" == buttons[-1][0]["text"]
    assert call.params["link_preview_options"]["is_disabled"] is True


def test_more_button_shows_every_quote_and_topic(bot: RunningBot) -> None:
    ask(bot, 103, "/topic karabagh")
    more = bot.tg.sent(103)[-1].params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    before = len(bot.tg.sent(103))
    bot.tg.press(103, more)
    bot.tg.wait_sent(103, before + 1)
    details = texts(bot, 103)[-1]
    # The sample's 11 gold quotes and its 2 optional phrases quoted in reported speech.
    assert "Quotes (13)" in details and "Antony Blinken" in details and "Topics:" in details
    assert any(c.method == "answerCallbackQuery" for c in bot.tg.calls)


def test_next_button_edits_the_list_to_the_next_page(bot: RunningBot) -> None:
    ask(bot, 104, "/latest 2")
    nxt = bot.tg.sent(104)[-1].params["reply_markup"]["inline_keyboard"][-1][0]["callback_data"]
    bot.tg.press(104, nxt, message_id=555)
    edit = bot.tg.wait_for(
        lambda: [
            c
            for c in bot.tg.calls
            if c.method == "editMessageText" and int(c.params["chat_id"]) == 104
        ]
    )
    assert "(from 3)" in edit[-1].params["text"]
    assert "3." in parse_html(edit[-1].params["text"])


def test_long_lists_are_split_into_valid_messages_under_4096(bot: RunningBot) -> None:
    replies = ask(bot, 105, "/latest 20", count=2)
    assert len(replies) >= 2
    for text in replies:
        assert len(parse_html(text)) <= 4096
    assert not [
        c
        for c in bot.tg.calls
        if not c.ok and c.method == "sendMessage" and int(c.params["chat_id"]) == 105
    ]


def test_topic_with_a_typo_and_did_you_mean(bot: RunningBot) -> None:
    [found] = ask(bot, 106, "/topic armenya")
    assert "Armenia" in found
    [none] = ask(bot, 106, "/topic zzqqxx")
    assert "Nothing on" in none
    [usage] = ask(bot, 106, "/topic")
    assert "Usage: /topic" in usage


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/topic " + "x" * 10_000, "too long"),
        (
            "/topic <b>bold</b> & <script>",
            "Nothing on “&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;”",
        ),
        ("/topic 🦄 مرحبا", "Nothing on"),
        ("/latest abc", "Usage: /latest"),
        ("/frobnicate now", "Unknown command /frobnicate"),
        ("/timezone Mars/Olympus", "Unknown time zone"),
        ("/time 25:99", "Usage: /time"),
        ('/subscribe "unbalanced', "Unbalanced quotes"),
    ],
)
def test_bad_input_gets_one_clear_line(bot: RunningBot, command: str, expected: str) -> None:
    chat = 200 + abs(hash(command)) % 1000
    [answer] = ask(bot, chat, command)
    assert expected in answer
    assert "\n" not in parse_html(answer).strip()


def test_botname_suffix_works_and_other_bots_are_ignored(bot: RunningBot) -> None:
    [answer] = ask(bot, GROUP - 1, "/help@newsbrief_bot", chat_type="supergroup")
    assert "/latest" in answer
    before = len(bot.tg.sent(GROUP - 1))
    bot.tg.message(GROUP - 1, "/help@some_other_bot", chat_type="supergroup")
    bot.tg.message(GROUP - 1, "/topics@newsbrief_bot", chat_type="supergroup")
    bot.tg.wait_sent(GROUP - 1, before + 1)
    assert "Topics" in texts(bot, GROUP - 1)[-1] and before + 1 == len(bot.tg.sent(GROUP - 1))


def test_only_group_admins_change_subscriptions_everyone_reads(bot: RunningBot) -> None:
    [refused] = ask(bot, GROUP, "/subscribe armenia", user_id=MEMBER, chat_type="supergroup")
    assert "Only this group's admins" in refused
    [done] = ask(bot, GROUP, "/subscribe armenia 07:30", user_id=ADMIN, chat_type="supergroup")
    assert "Subscribed to <b>armenia</b>" in done and "07:30" in done
    [listing] = ask(bot, GROUP, "/subscriptions", user_id=MEMBER, chat_type="supergroup")
    assert "armenia" in listing
    [reading] = ask(bot, GROUP, "/latest 1", user_id=MEMBER, chat_type="supergroup")
    assert "<blockquote>" in reading or "<b>" in reading


def test_added_to_a_group_greets_and_removed_marks_inactive(bot: RunningBot) -> None:
    chat = -4001
    bot.tg.membership(chat, "left", "member")
    [greeting] = bot.tg.wait_sent(chat)
    assert "/subscribe armenia 08:00" in greeting.params["text"]
    assert read_chat(bot, chat) is not None and read_chat(bot, chat).active  # type: ignore[union-attr]
    bot.tg.membership(chat, "member", "kicked")
    bot.tg.wait_for(lambda: (c := read_chat(bot, chat)) is not None and not c.active)


def test_group_migration_moves_the_settings(bot: RunningBot) -> None:
    old, new = -5001, -1005001
    bot.tg.admins[old] = {ADMIN}
    ask(bot, old, "/subscribe lachin", user_id=ADMIN, chat_type="group")
    bot.tg.message(old, "", chat_type="group", migrate_to_chat_id=new)
    bot.tg.admins[new] = {ADMIN}

    bot.tg.wait_for(
        lambda: (c := read_chat(bot, new)) is not None and "lachin corridor" in c.topics
    )
    assert read_chat(bot, old) is None
    [listing] = ask(bot, new, "/subscriptions", chat_type="supergroup")
    assert "lachin corridor" in listing


def test_a_failing_chat_gets_logged_and_the_bot_goes_on(bot: RunningBot) -> None:
    bot.tg.broken.add(666)
    bot.tg.message(666, "/help")
    bot.tg.wait_for(lambda: "chat 666" in bot.logs())
    assert "error handling an update" in bot.logs()
    [answer] = ask(bot, 667, "/help")
    assert "/latest" in answer


def test_one_spamming_chat_is_throttled_without_slowing_others(bot: RunningBot) -> None:
    for _ in range(30):
        bot.tg.message(777, "/help")
    [answer] = ask(bot, 778, "/help")
    assert "/latest" in answer
    # Replies to one chat are paced at one a second, so the warning may queue behind twenty.
    bot.tg.wait_for(lambda: any("Too many commands" in t for t in texts(bot, 777)), timeout=60)
    assert len(texts(bot, 777)) <= 21


def test_the_token_never_appears_in_the_logs(bot: RunningBot) -> None:
    ask(bot, 108, "/topics")
    logs = bot.logs()
    assert "getUpdates" in logs or "sendMessage" in logs or "started" in logs
    assert TOKEN not in logs
    assert TOKEN.split(":")[1] not in logs


def test_bad_settings_fail_at_start_with_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "x.json")
    result = newsbrief("run", "--db", db, TELEGRAM_BOT_TOKEN="not-a-token", timeout=60)
    assert 2 == result.returncode
    assert "does not look like one from @BotFather" in result.stderr
    assert "Traceback" not in result.stderr
    result = newsbrief(
        "run", "--db", db, TELEGRAM_BOT_TOKEN=TOKEN, NEWSBRIEF_TIMEZONE="Mars/Base", timeout=60
    )
    assert 2 == result.returncode and "unknown time zone" in result.stderr


def test_a_rejected_token_or_unreachable_api_is_one_line_without_the_token(tmp_path: Path) -> None:
    from tests.fakes.bot_api import fake_telegram

    other = "987654321:ZZZotherTokenNeverShownAnywhere_123456"
    with fake_telegram(TOKEN) as tg:
        result = newsbrief(
            "run", "--api-url", tg.base, "--db", str(tmp_path / "a.json"), TELEGRAM_BOT_TOKEN=other
        )
    assert 2 == result.returncode
    assert "Telegram rejected the bot token" in result.stderr
    assert other.split(":")[1] not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    result = newsbrief(
        "run",
        "--api-url",
        "http://127.0.0.1:9/bot",
        "--db",
        str(tmp_path / "b.json"),
        TELEGRAM_BOT_TOKEN=other,
    )
    assert 2 == result.returncode and "cannot reach the Bot API" in result.stderr
    assert other.split(":")[1] not in result.stderr + result.stdout
