"""What the news domain needs from storage. ``store/`` implements it; a future backend is a new
module, not a rewrite."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from briefings.model import Article


@dataclass(slots=True, frozen=True)
class AddOutcome:
    """What became of one article offered to the store."""

    status: Literal["added", "duplicate"]
    id: int
    reason: str = ""  # for duplicates: "same URL", "same GUID", "same text"


class ArticleRepository(Protocol):
    """Articles, deduplicated, with indexes by time and by topic."""

    def add_many(self, articles: Sequence[Article]) -> list[AddOutcome]: ...

    def get(self, article_id: int) -> Article | None: ...

    def latest(self, n: int, offset: int = 0) -> list[Article]: ...

    def by_topics(self, topics: Sequence[str], n: int, offset: int = 0) -> list[Article]: ...

    def topic_counts(self, since: datetime | None = None) -> dict[str, int]: ...

    def count(self) -> int: ...
