"""Telegram HTML for briefs and lists: every piece of article text escaped, only Telegram's
tags, messages split at brief boundaries under 4096 characters (never inside a tag)."""

from __future__ import annotations

import html
from datetime import datetime

from bot.textview import age
from briefings.model import Article

LIMIT = 4096
SUMMARY_CHARS = 420  # a summary is ~400 by construction; anything longer is cut with "…"
QUOTE_CHARS = 300


def units(text: str) -> int:
    """Telegram counts UTF-16 code units (an emoji is two); the HTML source is an upper bound
    of the visible text, so a source within the limit is always a message within it."""
    return len(text.encode("utf-16-le")) // 2


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _link(text: str, url: str) -> str:
    if url.startswith(("http://", "https://")):
        return f'<a href="{html.escape(url, quote=True)}">{text}</a>'
    return text


def source_line(article: Article, now: datetime | None = None) -> str:
    parts = [article.source or ""]
    if article.published:
        parts.append(age(article.published, now))
    elif article.dateline:
        parts.append(article.dateline.split(" (")[0])
    if article.also_from:
        parts.append(f"also {', '.join(article.also_from[:2])}")
    return " · ".join(esc(p) for p in parts if p)


def brief(article: Article, now: datetime | None = None, number: int | None = None) -> str:
    """One brief: bold linked title, source and age, summary, key quote as a blockquote."""
    title = f"<b>{_link(esc(_cut(article.title, 200)), article.url)}</b>"
    if number is not None:
        title = f"{number}. {title}"
    lines = [title]
    meta = source_line(article, now)
    if meta:
        lines.append(f"<i>{meta}</i>")
    if article.summary:
        lines.append(esc(_cut(article.summary, SUMMARY_CHARS)))
    key = article.key_quotes[:1]
    if key:
        speaker = f"\n— {esc(key[0].speaker)}" if key[0].speaker else ""
        lines.append(f"<blockquote>“{esc(_cut(key[0].text, QUOTE_CHARS))}”{speaker}</blockquote>")
    return "\n".join(lines)


def details(article: Article) -> str:
    """Everything: all quotes with speakers, and the topics (the "More" button)."""
    lines = [f"<b>{_link(esc(_cut(article.title, 200)), article.url)}</b>"]
    if article.dek:
        lines.append(f"<i>{esc(_cut(article.dek, 300))}</i>")
    if article.quotes:
        lines.append("")
        lines.append(f"<b>Quotes ({len(article.quotes)})</b>")
        for quote in article.quotes:
            who = esc(quote.speaker) if quote.speaker else "unattributed"
            star = "★ " if quote.key else ""
            lines.append(f"{star}“{esc(_cut(quote.text, QUOTE_CHARS))}” — <i>{who}</i>")
    else:
        lines.append("\nNo direct quotes in this article.")
    if article.topics:
        lines.append("")
        lines.append("<b>Topics:</b> " + esc(", ".join(article.topics[:15])))
    return "\n".join(lines)


def pack(header: str, blocks: list[str], limit: int = LIMIT) -> list[tuple[str, list[int]]]:
    """Messages of at most ``limit`` characters, split only between blocks, each with the
    indices of the blocks it holds. A block over the limit alone (cut fields make that
    impossible for briefs) is reduced to plain text and cut, never inside a tag or entity."""
    messages: list[tuple[str, list[int]]] = []
    current, held = header, list[int]()
    for index, block in enumerate(blocks):
        if units(block) > limit - units(header) - 2:
            block = esc(_cut(html.unescape(_strip_tags(block)), (limit - units(header)) // 2 - 12))
        candidate = f"{current}\n\n{block}" if current else block
        if units(candidate) <= limit:
            current, held = candidate, [*held, index]
            continue
        messages.append((current, held))
        current, held = block, [index]
    if current:
        messages.append((current, held))
    return messages


def join_blocks(header: str, blocks: list[str], limit: int = LIMIT) -> list[str]:
    return [text for text, _ in pack(header, blocks, limit)]


def _strip_tags(text: str) -> str:
    import re

    return re.sub(r"<[^>]+>", "", text)
