"""Plain-text views of articles for the terminal (``newsbrief analyze``, ``latest``)."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime

from briefings.model import Article


def age(moment: datetime | None, now: datetime | None = None) -> str:
    """ "3 h ago", "2 d ago", or the date for anything older than a week."""
    if moment is None:
        return ""
    now = now or datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    seconds = (now - moment).total_seconds()
    if seconds < 0:
        return moment.strftime("%d %b %Y")
    if seconds < 3600:
        return f"{max(1, int(seconds // 60))} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    if seconds < 7 * 86400:
        return f"{int(seconds // 86400)} d ago"
    return moment.strftime("%d %b %Y")


def byline(article: Article, now: datetime | None = None) -> str:
    parts = [article.source or article.feed_url or ""]
    when = age(article.published, now) if article.published else ""
    if not when and article.dateline:
        when = article.dateline.split(" (")[0]
    parts.append(when)
    return " · ".join(p for p in parts if p)


def article_text(article: Article, full: bool = True, width: int = 88) -> str:
    """A readable block: title, byline, summary, quotes, topics."""
    wrap = textwrap.TextWrapper(width=width)
    lines = [article.title]
    if article.id is not None:
        lines[0] = f"[{article.id}] {article.title}"
    if byline(article):
        lines.append(byline(article))
    if full and article.dek:
        lines += wrap.wrap(article.dek)
    if article.url:
        lines.append(article.url)
    lines.append("")
    lines += wrap.wrap(article.summary) or ["(no summary)"]
    quotes = article.quotes if full else article.key_quotes[:1]
    if quotes:
        lines.append("")
        for quote in quotes:
            mark = "*" if quote.key and full else "-"
            body = f"{mark} “{quote.text}” — {quote.speaker or 'unattributed'}"
            lines += textwrap.wrap(body, width=width, subsequent_indent="  ")
    if full and article.topics:
        lines += ["", "Topics: " + ", ".join(article.topics)]
    return "\n".join(lines)
