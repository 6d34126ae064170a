"""RSS 0.9x/1.0/2.0 and Atom feeds with feedparser: lenient with what publishers really serve
(bad encodings, undefined entities, truncated files) and reports problems as data (``bozo``)."""

from __future__ import annotations

import calendar
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from briefings.model import RawArticle
from briefings.sources.dateline import strip_dateline

TEASER_CHARS = 600  # an entry with less text than this is a teaser: fetch its page


@dataclass(slots=True)
class FeedResult:
    """Entries read from a feed, and the error that stopped the parser early, if any."""

    title: str
    entries: list[RawArticle]
    error: str = ""
    teasers: list[int] = field(default_factory=list)  # indices of entries with only a teaser


def parse_feed(
    data: bytes, url: str = "", headers: dict[str, str] | None = None, origin: str = ""
) -> FeedResult:
    """Parse feed bytes (already fetched: feedparser's own fetching would block)."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers or {})
    feed_title = _text(parsed.feed.get("title", ""))
    # The channel's declared language ("en-us", "en_US"), when it has one.
    language = str(parsed.feed.get("language", "") or "").replace("_", "-").split("-")[0].lower()
    error = ""
    if parsed.get("bozo"):
        error = _describe(parsed.get("bozo_exception"))
    if not parsed.entries and not parsed.feed:
        return FeedResult(feed_title, [], error or "not a feed: no channel and no entries")
    result = FeedResult(feed_title, [], error)
    base = _base_url(parsed, url, headers or {})
    for entry in parsed.entries:
        article = _entry(entry, feed_title, url, origin, base)
        if article is not None and len(language) == 2:
            article.language = language
        if article is None:
            continue
        if sum(len(p) for p in article.paragraphs) < TEASER_CHARS and article.url:
            result.teasers.append(len(result.entries))
        result.entries.append(article)
    if not result.entries and not error:
        result.error = "the feed has no entries"
    return result


def _base_url(parsed: Any, url: str, headers: dict[str, str]) -> str:
    """What relative entry links are relative to: feedparser's ``href``, the Content-Location
    the server sent, else the feed's own URL. (feedparser has already applied xml:base.)"""
    base = str(parsed.get("href", "") or "") or url
    location = {k.lower(): v for k, v in headers.items()}.get("content-location", "")
    return urljoin(base, location) if base and location else base


def _entry(
    entry: Any, feed_title: str, feed_url: str, origin: str, base: str = ""
) -> RawArticle | None:
    title = _text(entry.get("title", ""))
    # A relative link ("/story/1") would make two feeds' different stories one canonical URL.
    link = str(entry.get("link", "") or "")
    if base and link:
        link = urljoin(base, link)
    html = ""
    for content in entry.get("content", []) or []:
        if len(content.get("value", "")) > len(html):
            html = content.get("value", "")
    summary = str(entry.get("summary", "") or "")
    if len(summary) > len(html):
        html = summary
    paragraphs = html_to_paragraphs(html)
    if not title and not paragraphs:
        return None
    # dict.get skips FeedParserDict's deprecated published/updated aliasing.
    published = _time(dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed"))
    article = RawArticle(
        title=title or (paragraphs[0][:80] if paragraphs else ""),
        paragraphs=paragraphs,
        published=published,
        source=feed_title,
        url=link,
        author=_text(entry.get("author", "")),
        language="",
        guid=str(entry.get("id", "") or ""),
        feed_url=feed_url,
        origin=origin or feed_url,
    )
    strip_dateline(article)
    return article


_BLOCK = re.compile(r"(?i)<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/blockquote|/tr|p\b[^>]*)\s*>")


def html_to_paragraphs(html: str) -> list[str]:
    """Visible text of an HTML fragment, one paragraph per block; scripts and styles dropped."""
    if not html.strip():
        return []
    if "<" not in html:
        return [p.strip() for p in re.split(r"\n\s*\n", html) if p.strip()]
    import lxml.html
    from lxml.etree import ParserError

    marked = _BLOCK.sub("\n\n", html)
    try:
        root = lxml.html.fragment_fromstring(marked, create_parent="div")
    except (ParserError, ValueError):
        return [re.sub(r"<[^>]+>", " ", html).strip()]
    for bad in root.xpath("//script|//style|//iframe|//noscript"):
        bad.drop_tree()
    text = root.text_content()
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _text(value: object) -> str:
    text = str(value or "")
    if "<" in text:
        text = " ".join(html_to_paragraphs(text))
    return " ".join(text.split())


def _time(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _describe(exc: object) -> str:
    if exc is None:
        return ""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"malformed feed ({message})"
