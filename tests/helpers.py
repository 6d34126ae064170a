"""Small builders for tests: articles made from text, not from hard-coded analysis results."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from briefings.analyze import analyze
from briefings.model import Article, RawArticle

BODY = (
    "The city council of {place} voted on Tuesday to expand the tram network by {n} kilometres, "
    "a plan that has divided residents for years. “This is the most important decision of the "
    "decade for {place},” said Mayor Anna Berg, who has championed the project since {year}. "
    "Opponents argue the cost, estimated at {n}0 million euros, will fall on taxpayers who "
    "rarely use public transport. Construction is due to start next spring."
)


def make_article(
    n: int,
    *,
    place: str = "Vienna",
    url: str | None = None,
    guid: str = "",
    source: str = "Example News",
    hours_ago: float = 1.0,
    body: str | None = None,
) -> Article:
    text = body or BODY.format(place=place, n=n, year=2000 + n % 20)
    raw = RawArticle(
        title=f"{place} expands tram network, story {n}",
        paragraphs=[
            text,
            f"Story number {n} continues with details about line {n} and stop {n * 7}.",
        ],
        published=datetime.now(UTC) - timedelta(hours=hours_ago),
        source=source,
        url=url if url is not None else f"https://news.example.com/{place.lower()}/{n}",
        guid=guid,
    )
    return analyze(raw)
