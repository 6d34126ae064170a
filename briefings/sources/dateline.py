"""Datelines: "WASHINGTON (AP) — ", "May 5. (EUROPE PRESS) –", "BUFFALO, N.Y. — " or
"Washington, DC, United States: " at the start of an article's first paragraph, moved off the
text into ``RawArticle.dateline`` (and the agency into ``source`` when there is none)."""

from __future__ import annotations

import re

from briefings.model import RawArticle
from briefings.reading.gazetteer import fold, gazetteer

# "May 5. (EUROPE PRESS) –" or "WASHINGTON (AP) — ": a date or place, then the agency.
DATELINE = re.compile(
    r"^(?P<where>[A-Z][\w .,'’\-]{0,40}?)\.?\s*\((?P<agency>[A-Z][A-Za-z .&\-]{0,30})\)\s*[–—\-:]+\s*"
)
# "BUFFALO, N.Y. — " or "Indianapolis – ": a place and a dash, no agency.
_PLACE_DATELINE = re.compile(r"^(?P<where>[A-Z][A-Za-z.,'’ ]{1,40}?)\s+[–—]\s+")
_MONTH_DATE = re.compile(
    r"^(January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? \d{1,2}$"
)
# "Washington, DC, United States: ": places separated by commas, then a colon.
_COLON_DATELINE = re.compile(
    r"^(?P<where>[A-Z][\w.'’ -]{1,30}(?:,\s*[A-Z][\w.'’ -]{1,30}){0,3}):\s+(?=[A-Z“\"])"
)
# Agencies whose names scrapers and machine translation mangle.
AGENCIES = {
    "EUROPE PRESS": "Europa Press",
    "EUROPA PRESS": "Europa Press",
    "AP": "AP",
    "AFP": "AFP",
    "REUTERS": "Reuters",
    "EFE": "EFE",
    "DPA": "dpa",
    "ANSA": "ANSA",
    "UPI": "UPI",
    "XINHUA": "Xinhua",
    "TASS": "TASS",
    "PTI": "PTI",
    "IANS": "IANS",
    "CNN": "CNN",
}


def apply_dateline(article: RawArticle, match: re.Match[str] | None) -> None:
    if not match:
        return
    where = match.group("where").strip().rstrip(".")
    agency = match.group("agency").strip()
    name = AGENCIES.get(agency.upper(), agency.title() if agency.isupper() else agency)
    article.source = article.source or name
    article.dateline = f"{where} ({name})"


def strip_dateline(article: RawArticle) -> None:
    """Move a leading "WASHINGTON (AP) — " off the first paragraph into ``dateline``."""
    if not article.paragraphs:
        return
    first = article.paragraphs[0]
    place = _PLACE_DATELINE.match(first)
    if place and (place.group("where").isupper() or " " not in place.group("where")):
        article.dateline = article.dateline or place.group("where").strip().rstrip(",")
        article.paragraphs[0] = first[place.end() :].lstrip()
        return
    match = DATELINE.match(first)
    if match and match.end() < len(first):
        where = match.group("where").strip()
        if where.isupper() or _MONTH_DATE.match(where) or len(where.split()) <= 3:
            apply_dateline(article, match)
            article.paragraphs[0] = first[match.end() :].lstrip()
        return
    colon = _COLON_DATELINE.match(first)
    if colon and colon.end() < len(first) and _all_places(colon.group("where")):
        article.dateline = article.dateline or colon.group("where").strip()
        article.paragraphs[0] = first[colon.end() :].lstrip()


def _all_places(where: str) -> bool:
    """Every comma-separated part a short name, and at least one a known place ("Washington,
    DC, United States"), so "Update: The …" or "Note: …" stay text."""
    parts = [part.strip() for part in where.split(",")]
    if any(len(part.split()) > 3 for part in parts):
        return False
    gaz = gazetteer()
    return any(
        any(e.kind in ("country", "place") for e in gaz.lookup(fold(part))) for part in parts
    )
