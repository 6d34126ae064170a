"""HTML article pages: main text and metadata with trafilatura (maintained, the best-scoring
open-source extractor in published benchmarks, and it ships no model to download)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from briefings.model import RawArticle
from briefings.reading.language import detect_language
from briefings.sources.dateline import strip_dateline

MIN_ARTICLE_CHARS = 250  # less main text than this is a section front, a login wall, an error page
# A closing paragraph that talks to the reader about the site, not about the news.
_TRAILER = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|newsletter|subscribe|sign up|follow us|letter to the editor|"
    r"all rights reserved|copyright ©|suscr[ií]b|abonnieren|abonnez",
    re.I,
)
_LANG = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2,3})", re.I)


def parse_html_article(html: bytes, url: str = "", origin: str = "") -> RawArticle:
    """Extract one article from a page. Raises ``ValueError`` when the page is not an article."""
    import trafilatura

    document: Any = trafilatura.bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=True,
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if len(text) < MIN_ARTICLE_CHARS:
        raise ValueError("not an article: no main text found on the page")
    title = (document.title or "").strip()
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if paragraphs and _same(paragraphs[0], title):
        paragraphs.pop(0)
    while paragraphs and _TRAILER.search(paragraphs[-1]) and len(paragraphs[-1]) < 400:
        paragraphs.pop()  # "Subscribe to our newsletter", "write to letters@…"
    lang = _LANG.search(html[:20_000])
    article = RawArticle(
        title=title,
        paragraphs=paragraphs,
        dek=(document.description or "").strip(),
        section=_first(document.categories),
        published=_date(document.date),
        source=(document.sitename or document.hostname or "").strip(),
        url=(document.url or url or "").strip(),
        author=(document.author or "").strip(),
        language=lang.group(1).decode().lower() if lang else detect_language(text),
        origin=origin or url,
    )
    strip_dateline(article)
    return article


def _same(a: str, b: str) -> bool:
    def fold(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().casefold()

    return bool(b) and (fold(a) == fold(b) or (fold(b) in fold(a) and len(a) < len(b) + 40))


def _first(values: object) -> str:
    if isinstance(values, list) and values:
        return str(values[0])
    return ""


def _date(value: object) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None
