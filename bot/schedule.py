"""Briefing times as datetimes: the slot a job stands for, the slots missed while down.
Pure functions of the chat's zone, so DST and half-hour zones are computed, not waited for."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo


def parse_time(text: str) -> time:
    """ "08:00" (or "08:00:30": seconds are accepted for tests and precise schedules)."""
    parts = [int(p) for p in text.split(":")]
    return time(parts[0], parts[1], parts[2] if len(parts) > 2 else 0)


def slot_at(day: datetime, at: str, zone: str) -> datetime:
    """The aware datetime of briefing time ``at`` on the local date of ``day``. In a DST gap
    (02:30 that does not exist) the slot moves forward with the clock, as fold=0 does."""
    tz = ZoneInfo(zone)
    local = day.astimezone(tz)
    naive = datetime.combine(local.date(), parse_time(at))
    aware = naive.replace(tzinfo=tz)
    # Normalise through UTC so nonexistent local times resolve to a real instant.
    return aware.astimezone(ZoneInfo("UTC")).astimezone(tz)


def slot_key(slot: datetime) -> str:
    """The delivery record's key for a slot: its local date and time, with the zone's offset."""
    return slot.isoformat(timespec="minutes")


def last_slot(now: datetime, at: str, zone: str, days: list[int]) -> datetime | None:
    """The most recent briefing time at or before ``now`` (looking back a week)."""
    for back in range(8):
        slot = slot_at(now - timedelta(days=back), at, zone)
        if slot <= now and slot.weekday() in days:
            return slot
    return None


def next_slot(now: datetime, at: str, zone: str, days: list[int]) -> datetime:
    for ahead in range(8):
        slot = slot_at(now + timedelta(days=ahead), at, zone)
        if slot > now and slot.weekday() in days:
            return slot
    raise ValueError("no briefing day in the week")


def missed(now: datetime, at: str, zone: str, days: list[int], grace: timedelta) -> datetime | None:
    """A slot that passed while the bot was down and is still within the grace window."""
    slot = last_slot(now, at, zone, days)
    if slot is not None and now - slot <= grace:
        return slot
    return None
