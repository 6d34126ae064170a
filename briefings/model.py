"""Plain data types that flow from sources through analysis to the store and the bot."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass(slots=True)
class RawArticle:
    """An article as a source gives it: metadata and body paragraphs, not yet analysed."""

    title: str
    paragraphs: list[str]
    dek: str = ""
    section: str = ""
    published: datetime | None = None
    source: str = ""
    url: str = ""
    author: str = ""
    language: str = ""
    guid: str = ""
    feed_url: str = ""
    dateline: str = ""
    origin: str = ""  # the file path or URL it was read from, for error messages


@dataclass(slots=True)
class Quote:
    """A direct quote, its speaker (fullest name the article gives) and whether it is key."""

    text: str
    speaker: str
    key: bool = False


@dataclass(slots=True)
class Article:
    """An analysed article: what the store keeps and a briefing shows."""

    title: str
    summary: str
    quotes: list[Quote]
    topics: list[str]
    topic_weights: dict[str, float] = field(default_factory=dict)
    dek: str = ""
    section: str = ""
    published: datetime | None = None
    source: str = ""
    url: str = ""
    canonical_url: str = ""
    author: str = ""
    language: str = ""
    guid: str = ""
    feed_url: str = ""
    dateline: str = ""
    fingerprint: int = 0
    also_from: list[str] = field(default_factory=list)
    ingested: datetime | None = None
    id: int | None = None

    @property
    def key_quotes(self) -> list[Quote]:
        return [q for q in self.quotes if q.key]

    @property
    def when(self) -> datetime | None:
        """The time to sort and show by: publication, else ingest time."""
        return self.published or self.ingested

    def to_record(self) -> dict[str, Any]:
        """A JSON-compatible dict (datetimes as ISO 8601 strings), without ``id``."""
        data = asdict(self)
        data.pop("id")
        for key in ("published", "ingested"):
            value = data[key]
            data[key] = value.isoformat() if value else None
        data["fingerprint"] = str(
            self.fingerprint
        )  # 64-bit ints lose precision in some JSON readers
        return data

    @classmethod
    def from_record(cls, data: dict[str, Any], id: int | None = None) -> Article:
        """Inverse of :meth:`to_record`; unknown keys are ignored so old records still load."""
        known = {f for f in cls.__dataclass_fields__ if f != "id"}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["quotes"] = [Quote(**q) for q in data.get("quotes", [])]
        for key in ("published", "ingested"):
            value = kwargs.get(key)
            kwargs[key] = datetime.fromisoformat(value) if value else None
        kwargs["fingerprint"] = int(data.get("fingerprint") or 0)
        return cls(**kwargs, id=id)

    def to_json(self) -> dict[str, Any]:
        """The public JSON shape of ``newsbrief analyze --json`` and ``latest --json``."""
        data: dict[str, Any] = {
            "title": self.title,
            "dek": self.dek,
            "section": self.section,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "url": self.url,
            "language": self.language,
            "summary": self.summary,
            "quotes": [{"text": q.text, "speaker": q.speaker, "key": q.key} for q in self.quotes],
            "topics": list(self.topics),
        }
        if self.id is not None:
            data = {"id": self.id, **data}
        return data


@dataclass(slots=True)
class Failure:
    """One item that could not be read: where it came from and one line saying why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        origin = (
            self.origin if len(self.origin) <= 200 else f"{self.origin[:120]}…{self.origin[-60:]}"
        )
        return f"{origin}: {self.reason}"


@dataclass(slots=True)
class Notice:
    """Something worth saying that did not stop the item: a feed read only in part."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"
