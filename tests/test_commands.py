"""The command layer both the bot and the console use, and the shared briefing composition."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.briefing import CompositionCache, compose_for_chat
from bot.commands import Caller, Commands
from bot.services import Services
from bot.settings import Settings
from store.chats import Chat
from tests.helpers import make_article


@pytest.fixture
async def services(tmp_path: Path) -> AsyncIterator[Services]:
    svc = Services.open(Settings(db=str(tmp_path / "db.json")))
    svc.articles.add_many(
        [make_article(i, place=p) for i, p in enumerate(["Vienna", "Oslo", "Vienna"])]
    )
    yield svc
    await svc.shutdown()


async def ask(services: Services, text: str, chat: int = 1) -> str:
    command, _, args = text.lstrip("/").partition(" ")
    replies = await Commands(services).handle(Caller(chat), command, args)
    return "\n".join(r.text for r in replies)


async def test_days_items_silent_and_quiet_are_stored(services: Services) -> None:
    assert "Briefings on weekdays." == await ask(services, "/days mon-fri")
    assert "Briefings on Sat, Sun." == await ask(services, "/days sat sun")
    assert "Usage: /days" in await ask(services, "/days someday")
    assert "Up to 3 stories per briefing." == await ask(services, "/items 3")
    assert "Usage: /items" in await ask(services, "/items 99")
    await ask(services, "/silent on")
    await ask(services, "/quiet on")
    chat = services.chats.get(1)
    assert chat is not None
    assert ([5, 6], 3, True, True) == (chat.days, chat.items, chat.silent, chat.quiet)


async def test_subscribing_to_a_phrase_and_a_topic(services: Services) -> None:
    assert "the phrase “tram network”" in await ask(services, '/subscribe "tram network"')
    assert "Subscribed to <b>vienna</b>" in await ask(services, "/subscribe Vienna 7:05")
    chat = services.chats.get(1)
    assert chat is not None and ["tram network"] == chat.phrases and ["vienna"] == chat.topics
    assert ["07:05", "08:00"] == chat.times  # a later subscription adds its time
    await ask(services, "/subscribe oslo 06:30", chat=2)
    first = services.chats.get(2)
    assert first is not None and ["06:30"] == first.times  # the first one replaces the default
    assert "Unsubscribed from everything" in await ask(services, "/unsubscribe all")


async def test_briefing_holds_only_new_articles_and_says_when_nothing_is_new(
    services: Services,
) -> None:
    chat = Chat(chat_id=5, topics=["vienna"])
    services.chats.save(chat)
    now = datetime.now(UTC)
    first = compose_for_chat(services, chat, now, scheduled=True)
    assert 2 == len(first.article_ids)
    assert "Your briefing" in first.messages[0] and "vienna" in first.messages[0]
    services.chats.record_delivery(5, "slot-1", first.article_ids, now.timestamp())
    again = services.chats.get(5)
    assert again is not None
    second = compose_for_chat(services, again, now, scheduled=True)
    assert (
        [] == second.article_ids
        and ["Nothing new on vienna since your last briefing."] == second.messages
    )
    again.quiet = True
    assert [] == compose_for_chat(services, again, now, scheduled=True).messages


async def test_equal_requests_share_one_composition(services: Services) -> None:
    cache = CompositionCache()
    now = datetime.now(UTC)
    for chat_id in range(100, 400):
        compose_for_chat(services, Chat(chat_id=chat_id, topics=["vienna"]), now, True, cache)
    compose_for_chat(services, Chat(chat_id=999, topics=["oslo"]), now, True, cache)
    assert 2 == cache.compositions


async def test_georgia_the_country_and_the_state_are_told_apart_and_offered(tmp_path: Path) -> None:
    from briefings.analyze import analyze
    from briefings.model import RawArticle

    svc = Services.open(Settings(db=str(tmp_path / "g.json")))
    state = RawArticle(
        title="Georgia counts its votes",
        paragraphs=[
            "Voters in Georgia waited for hours in Atlanta, officials in the United States said, as in Texas."
        ],
        url="https://e.example/state",
    )
    country = RawArticle(
        title="Georgia protests grow",
        paragraphs=[
            "Protesters in Tbilisi, the capital of Georgia, rallied against a law like one in Russia."
        ],
        url="https://e.example/country",
    )
    passing = RawArticle(
        title="Wine exports rise",
        paragraphs=[
            "France and Italy sold more wine abroad this year; Georgia was mentioned once by a trader in Paris."
        ],
        url="https://e.example/wine",
    )
    svc.articles.add_many([analyze(state), analyze(country), analyze(passing)])
    try:
        assert ["georgia (us state)"] == svc.articles.resolve_topic("georgia (us state)")
        replies = await Commands(svc).handle(Caller(1), "topic", "georgia")
        text = replies[0].text
        assert "Georgia counts its votes" in text and "Georgia protests grow" in text
        # The article about Georgia ranks above the one that mentions it once.
        assert text.index("Georgia protests grow") < text.index("Wine exports rise")
        buttons = {b.text: b.data for row in replies[-1].buttons for b in row}
        assert {"Georgia", "Georgia (US State)"} <= set(buttons)
        # The button carries a short id, not the name; a fresh Commands (a restart) resolves it.
        narrowed = await Commands(svc).callback(Caller(1), buttons["Georgia (US State)"])
        assert (
            "Georgia counts its votes" in narrowed[0].text
            and "Georgia protests grow" not in narrowed[0].text
        )
    finally:
        await svc.shutdown()
