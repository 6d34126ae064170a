"""Plain-text article files: scraped pages (section, title, dek, dateline, body, boilerplate)
and the simple header form (``Title:``, ``Source:``, ``Date:`` lines, a blank line, the body)."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from urllib.parse import urlsplit

from briefings.model import RawArticle
from briefings.sources.dateline import DATELINE, apply_dateline, strip_dateline

# Trailing blocks a scraper leaves behind; dropped from the end of the body.
_BOILERPLATE = re.compile(
    r"^(source link|source|tags?:?|share( this)?( article| story)?:?|related( articles| news| "
    r"stories)?:?|read more:?|more on this( story)?:?|follow us.*|subscribe.*|advertisement|"
    r"comments?|print|email|copy link|(photo|image) credit.*|all rights reserved.*|©.*|"
    r"this article was originally published.*|follow .{1,40} on (twitter|facebook|instagram).*)$",
    re.IGNORECASE,
)
_HEADER = re.compile(r"^(Title|Source|Date|Author|URL|Section|Dek|Language):[ \t]*(.*)$", re.I)


def parse_text_article(text: str, origin: str = "") -> RawArticle:
    """Read an article from plain text. Raises ``ValueError`` when there is no article in it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    if not blocks:
        raise ValueError("empty file")
    if _HEADER.match(blocks[0].splitlines()[0]):
        article = _parse_header_form(blocks)
    else:
        article = _parse_scraped_form(blocks)
    article.origin = origin
    if not article.paragraphs:
        raise ValueError("no article text found")
    return article


def _parse_header_form(blocks: list[str]) -> RawArticle:
    header: dict[str, str] = {}
    for line in blocks[0].splitlines():
        match = _HEADER.match(line)
        if match:
            header[match.group(1).lower()] = match.group(2).strip()
    body = [_unwrap(b) for b in blocks[1:]]
    url = header.get("source", "") or header.get("url", "")
    source = ""
    if url.startswith(("http://", "https://")):
        source = urlsplit(url).hostname or ""
        source = source.removeprefix("www.")
    else:
        source, url = url, ""
    article = RawArticle(
        title=header.get("title", ""),
        paragraphs=body,
        dek=header.get("dek", ""),
        section=header.get("section", ""),
        published=_parse_date(header.get("date", "")),
        source=source,
        url=url,
        author=header.get("author", ""),
        language=header.get("language", ""),
    )
    strip_dateline(article)
    _drop_boilerplate(article)
    return article


def _parse_scraped_form(blocks: list[str]) -> RawArticle:
    blocks = [_unwrap(b) for b in blocks]
    while blocks and _BOILERPLATE.match(blocks[-1]):
        blocks.pop()
    # A dateline standing alone ("May 5. (EUROPE PRESS) –") separates the head from the body.
    head: list[str] = []
    body = blocks
    dateline_block = ""
    for i, block in enumerate(blocks[:6]):
        match = DATELINE.match(block)
        if match and match.end() >= len(block.rstrip()) - 1:
            head, body, dateline_block = blocks[:i], blocks[i + 1 :], block
            break
    article = RawArticle(title="", paragraphs=body)
    if dateline_block:
        apply_dateline(article, DATELINE.match(dateline_block))
    else:
        # No dateline block: the head is the first short blocks before the first long one.
        split = 0
        for i, block in enumerate(blocks[:4]):
            if len(block) > 300 or (block.endswith((".", "”.", '".')) and len(block) > 160):
                break
            split = i + 1
        split = min(split, max(0, len(blocks) - 1))
        head, body = blocks[:split], blocks[split:]
        article.paragraphs = body
    _read_head(article, head)
    strip_dateline(article)
    _drop_boilerplate(article)
    return article


def _read_head(article: RawArticle, head: list[str]) -> None:
    """Section label, title (its repeated copy dropped) and dek, from the blocks above the body."""
    head = list(head)
    if len(head) >= 2 and _looks_like_label(head[0]):
        article.section = head.pop(0)
    if head:
        article.title = head.pop(0)
    while head and _same_text(head[0], article.title):
        head.pop(0)
    if head:
        article.dek = " ".join(head)
    if not article.title and article.paragraphs:
        article.title = _first_words(article.paragraphs[0])


def _looks_like_label(block: str) -> bool:
    return len(block.split()) <= 3 and not block.endswith((".", "?", "!", ":", "”", '"'))


def _same_text(a: str, b: str) -> bool:
    return _fold(a) == _fold(b)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    for ch in "“”„«»\"‘’'":
        text = text.replace(ch, "")
    return " ".join(text.split()).casefold()


def _drop_boilerplate(article: RawArticle) -> None:
    while article.paragraphs and _BOILERPLATE.match(article.paragraphs[-1]):
        article.paragraphs.pop()


def _unwrap(block: str) -> str:
    return " ".join(line.strip() for line in block.splitlines() if line.strip())


def _first_words(text: str, limit: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:limit]) + ("…" if len(parts) > limit else "")


def _parse_date(value: str) -> datetime | None:
    value = value.strip()
    if not value or value.lower() == "unknown":
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
