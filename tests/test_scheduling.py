"""Briefing times across daylight-saving changes and half-hour zones, computed rather than
waited for: our slot arithmetic and the JobQueue's own triggers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.app import build_application
from bot.schedule import last_slot, missed, next_slot, slot_at
from bot.settings import Settings
from store.chats import EVERY_DAY, Chat
from tests.botrun import TOKEN

UTC_ZONE = ZoneInfo("UTC")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "day", "expected_utc"),
    [
        ("Europe/Madrid", utc(2026, 3, 28, 12), utc(2026, 3, 28, 7)),  # CET, +1
        ("Europe/Madrid", utc(2026, 3, 29, 12), utc(2026, 3, 29, 6)),  # CEST from today, +2
        ("Europe/Madrid", utc(2026, 10, 24, 12), utc(2026, 10, 24, 6)),
        ("Europe/Madrid", utc(2026, 10, 25, 12), utc(2026, 10, 25, 7)),  # back to +1
        ("Asia/Kolkata", utc(2026, 6, 1, 12), utc(2026, 6, 1, 2, 30)),  # +5:30
        ("Asia/Kathmandu", utc(2026, 6, 1, 12), utc(2026, 6, 1, 2, 15)),  # +5:45
        ("Australia/Adelaide", utc(2026, 4, 4, 12), utc(2026, 4, 3, 21, 30)),  # +10:30 (DST)
        ("Australia/Adelaide", utc(2026, 4, 5, 12), utc(2026, 4, 4, 22, 30)),  # +9:30 after DST
        ("America/St_Johns", utc(2026, 3, 8, 18), utc(2026, 3, 8, 10, 30)),  # -2:30 from today
    ],
)
def test_eight_oclock_local_is_right_in_utc(
    zone: str, day: datetime, expected_utc: datetime
) -> None:
    slot = slot_at(day, "08:00", zone)
    assert expected_utc == slot.astimezone(UTC)
    assert (8, 0) == (slot.hour, slot.minute)


def test_a_time_that_does_not_exist_moves_forward_with_the_clock() -> None:
    slot = slot_at(utc(2026, 3, 29, 12), "02:30", "Europe/Berlin")  # 02:00 -> 03:00 that night
    assert utc(2026, 3, 29, 1, 30) == slot.astimezone(UTC)
    assert (3, 30) == (slot.hour, slot.minute)


def test_a_repeated_time_is_sent_once_at_its_first_occurrence() -> None:
    slot = slot_at(utc(2026, 10, 25, 12), "02:30", "Europe/Berlin")  # 02:30 happens twice
    assert utc(2026, 10, 25, 0, 30) == slot.astimezone(UTC)


def test_last_and_next_slot_respect_days_of_the_week() -> None:
    friday_noon = utc(2026, 11, 27, 12)
    weekdays = [0, 1, 2, 3, 4]
    assert utc(2026, 11, 27, 8) == last_slot(friday_noon, "08:00", "UTC", weekdays)
    assert utc(2026, 11, 30, 8) == next_slot(friday_noon, "08:00", "UTC", weekdays)  # Monday


def test_missed_briefings_within_the_grace_window_only() -> None:
    grace = timedelta(hours=3)
    assert utc(2026, 11, 27, 8) == missed(
        utc(2026, 11, 27, 10, 59), "08:00", "UTC", EVERY_DAY, grace
    )
    assert missed(utc(2026, 11, 27, 11, 1), "08:00", "UTC", EVERY_DAY, grace) is None


@pytest.fixture
def app(tmp_path: Path) -> Iterator[object]:
    settings = Settings(token=TOKEN, db=str(tmp_path / "db.json"))
    application = build_application(settings)
    yield application
    application.bot_data.services.db.close()


async def test_jobqueue_fires_at_local_time_across_dst(app) -> None:  # type: ignore[no-untyped-def]
    services = app.bot_data.services
    services.chats.save(
        Chat(chat_id=9, topics=["armenia"], timezone="Europe/Madrid", times=["08:00"])
    )
    await services.extra["scheduler"].reschedule(9)
    [job] = [j for j in app.job_queue.jobs() if j.name == "brief:9:08:00"]
    fire = job.job.trigger.get_next_fire_time(None, utc(2026, 3, 28, 12))
    assert utc(2026, 3, 29, 6) == fire.astimezone(UTC)  # the first morning of summer time
    fire = job.job.trigger.get_next_fire_time(None, utc(2026, 10, 24, 12))
    assert utc(2026, 10, 25, 7) == fire.astimezone(UTC)  # the first morning of winter time


async def test_jobqueue_half_hour_zone_and_weekdays(app) -> None:  # type: ignore[no-untyped-def]
    services = app.bot_data.services
    services.chats.save(
        Chat(
            chat_id=10, topics=["x"], timezone="Asia/Kolkata", times=["07:45"], days=[0, 1, 2, 3, 4]
        )
    )
    await services.extra["scheduler"].reschedule(10)
    [job] = [j for j in app.job_queue.jobs() if j.name == "brief:10:07:45"]
    saturday = utc(2026, 11, 28, 0)
    fire = job.job.trigger.get_next_fire_time(None, saturday)
    assert utc(2026, 11, 30, 2, 15) == fire.astimezone(UTC)  # Monday 07:45 IST


async def test_changing_times_replaces_the_jobs(app) -> None:  # type: ignore[no-untyped-def]
    services = app.bot_data.services
    chat = Chat(chat_id=11, topics=["x"], times=["08:00", "18:00"])
    services.chats.save(chat)
    scheduler = services.extra["scheduler"]
    await scheduler.reschedule(11)
    chat.times = ["09:15"]
    services.chats.save(chat)
    await scheduler.reschedule(11)
    names = {
        j.name
        for j in app.job_queue.jobs()
        if j.name and j.name.startswith("brief:11:") and not j.removed
    }
    assert {"brief:11:09:15"} == names
