"""Selecting articles for a reader: latest, by topic (with "did you mean"), topic lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from briefings.model import Article

MAX_QUERY = 100  # characters of a topic query that are looked at


class Searchable(Protocol):
    def latest(self, n: int, offset: int = 0) -> list[Article]: ...

    def by_topics(self, topics: Sequence[str], n: int, offset: int = 0) -> list[Article]: ...

    def resolve_topic(self, query: str) -> list[str]: ...

    def suggest_topics(self, query: str) -> list[str]: ...

    def topic_counts(self, since: datetime | None = None) -> dict[str, int]: ...


@dataclass(slots=True)
class TopicResult:
    """Articles for a topic query, the topics it resolved to, or suggestions when none."""

    query: str
    topics: list[str]
    articles: list[Article]
    suggestions: list[str] = field(default_factory=list)


def find_topic(repo: Searchable, query: str, n: int = 5, offset: int = 0) -> TopicResult:
    query = " ".join(query.split())[:MAX_QUERY]
    topics = repo.resolve_topic(query)
    if not topics:
        return TopicResult(query, [], [], repo.suggest_topics(query))
    return TopicResult(query, topics, repo.by_topics(topics, n, offset))
