"""Selecting what a briefing holds: articles new since the last briefing, on the chat's topics
or phrases, ranked by relevance and freshness, never one the chat has already had."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol

from briefings.model import Article
from briefings.reading.gazetteer import fold

PHRASE_SCAN = 2000  # newest articles searched for keyword phrases


class BriefingSource(Protocol):
    def rank_topics(
        self, topics: Sequence[str], since: float = 0.0, limit: int = 50
    ) -> list[int]: ...

    def ids_since(self, since: float) -> list[int]: ...

    def get(self, article_id: int) -> Article | None: ...

    def resolve_topic(self, query: str) -> list[str]: ...


@dataclass(frozen=True, slots=True)
class BriefingRequest:
    """What a chat asked for. Equal requests share one composition."""

    topics: tuple[str, ...]
    phrases: tuple[str, ...]
    since: float
    limit: int


def select(
    source: BriefingSource, request: BriefingRequest, exclude: Collection[int] = ()
) -> list[Article]:
    """Up to ``limit`` articles, best first."""
    resolved: list[str] = []
    for topic in request.topics:
        resolved += source.resolve_topic(topic) or [topic]
    ranked = source.rank_topics(
        resolved, since=request.since, limit=request.limit * 4 + len(exclude)
    )
    chosen = [i for i in ranked if i not in exclude]
    if request.phrases:
        needles = [fold(p) for p in request.phrases if fold(p)]
        for article_id in source.ids_since(request.since)[:PHRASE_SCAN]:
            if article_id in exclude or article_id in chosen:
                continue
            article = source.get(article_id)
            if article and _mentions(article, needles):
                chosen.append(article_id)
    articles = [a for i in chosen[: request.limit * 2] if (a := source.get(i))]
    return articles[: request.limit]


def _mentions(article: Article, needles: list[str]) -> bool:
    haystack = (
        " "
        + fold(
            " ".join(
                [article.title, article.dek, article.summary, *(q.text for q in article.quotes)]
            )
        )
        + " "
    )
    return any(f" {needle} " in haystack for needle in needles)
