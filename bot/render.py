"""Telegram HTML for briefs and lists: every piece of article text escaped and cut to a bound,
only Telegram's tags, every message split under 4,096 UTF-16 units (never inside a tag)."""

from __future__ import annotations

import html
import re
from datetime import datetime
from urllib.parse import urlsplit

from bot.textview import age
from briefings.model import Article

LIMIT = 4096
SUMMARY_CHARS = 420  # a summary is ~400 by construction; anything longer is cut with "…"
QUOTE_CHARS = 300
TITLE_CHARS = 200
NAME_CHARS = 80  # a speaker, a source, a topic: article text of any length, shown in a line
URL_CHARS = 2048
HEADER_UNITS = 1024  # a header longer than this (built from names) is cut to plain text

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>")
_UNSAFE_URL = re.compile(r"[\s\x00-\x1f\x7f\"<>\\^`{|}]")


def units(text: str) -> int:
    """Telegram counts UTF-16 code units (an emoji is two); the HTML source is an upper bound
    of the visible text, so a source within the limit is always a message within it."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def cut(text: str, limit: int) -> str:
    """Whitespace collapsed, at most ``limit`` characters, cut at a word with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if " " in head[limit // 2 :]:
        head = head.rsplit(" ", 1)[0]
    return head + "…"


_cut = cut  # the name other modules used


def cut_units(text: str, limit: int) -> str:
    """Whitespace collapsed, at most ``limit`` UTF-16 units (an emoji counts two), "…" when cut."""
    text = " ".join(text.split())
    if units(text) <= limit:
        return text
    out, used = [], 1  # room for the "…"
    for char in text:
        used += 2 if ord(char) > 0xFFFF else 1
        if used > limit:
            break
        out.append(char)
    return "".join(out).rstrip() + "…"


def name(text: str, limit: int = NAME_CHARS) -> str:
    """A name from article text (speaker, source, topic), escaped and cut to one short line."""
    return esc(cut(text, limit))


def _link(text: str, url: str) -> str:
    # Telegram refuses a message whose link is not a valid URL: link only plain http(s) ones.
    parts = urlsplit(url) if len(url) <= URL_CHARS and not _UNSAFE_URL.search(url) else None
    if parts and parts.scheme in ("http", "https") and parts.hostname:
        return f'<a href="{html.escape(url, quote=True)}">{text}</a>'
    return text


def source_line(article: Article, now: datetime | None = None) -> str:
    parts = [cut(article.source or "", NAME_CHARS)]
    if article.published:
        parts.append(age(article.published, now))
    elif article.dateline:
        parts.append(cut(article.dateline.split(" (")[0], NAME_CHARS))
    if article.also_from:
        parts.append(f"also {', '.join(cut(s, 40) for s in article.also_from[:2])}")
    return " · ".join(esc(p) for p in parts if p)


def brief(article: Article, now: datetime | None = None, number: int | None = None) -> str:
    """One brief: bold linked title, source and age, summary, key quote as a blockquote."""
    title = f"<b>{_link(esc(cut(article.title, TITLE_CHARS)), article.url)}</b>"
    if number is not None:
        title = f"{number}. {title}"
    lines = [title]
    meta = source_line(article, now)
    if meta:
        lines.append(f"<i>{meta}</i>")
    if article.summary:
        lines.append(esc(cut(article.summary, SUMMARY_CHARS)))
    key = article.key_quotes[:1]
    if key:
        speaker = f"\n— {name(key[0].speaker)}" if key[0].speaker.strip() else ""
        lines.append(f"<blockquote>“{esc(cut(key[0].text, QUOTE_CHARS))}”{speaker}</blockquote>")
    return "\n".join(lines)


def details(article: Article) -> str:
    """Everything: all quotes with speakers, and the topics (the "More" button). One line per
    quote, so :func:`split` can cut a long list between quotes."""
    lines = [f"<b>{_link(esc(cut(article.title, TITLE_CHARS)), article.url)}</b>"]
    if article.dek:
        lines.append(f"<i>{esc(cut(article.dek, 300))}</i>")
    if article.quotes:
        lines.append("")
        lines.append(f"<b>Quotes ({len(article.quotes)})</b>")
        for quote in article.quotes:
            who = name(quote.speaker) if quote.speaker.strip() else "unattributed"
            star = "★ " if quote.key else ""
            lines.append(f"{star}“{esc(cut(quote.text, QUOTE_CHARS))}” — <i>{who}</i>")
    else:
        lines.append("\nNo direct quotes in this article.")
    if article.topics:
        lines.append("")
        lines.append("<b>Topics:</b> " + ", ".join(name(t) for t in article.topics[:15]))
    return "\n".join(lines)


def plain(block: str, limit_units: int) -> str:
    """A block as escaped plain text within ``limit_units`` (tags dropped, never cut inside
    an entity): the fallback for a block that cannot fit whole."""
    text = html.unescape(_TAG.sub("", block))
    # Each character is at most 2 UTF-16 units and escaping grows "&" to 5 characters.
    text = cut(text, max(1, limit_units // 2 - 4))
    out = esc(text)
    while units(out) > limit_units and len(text) > 1:
        text = cut(text, max(1, len(text) * 3 // 4))
        out = esc(text)
    return out


def pack(header: str, blocks: list[str], limit: int = LIMIT) -> list[tuple[str, list[int]]]:
    """Messages of at most ``limit`` UTF-16 units, split only between blocks, each with the
    indices of the blocks it holds. A header built from long names is cut to plain text, and a
    block over the limit alone is reduced to plain text and cut."""
    if units(header) > HEADER_UNITS:
        header = plain(header, HEADER_UNITS)
    messages: list[tuple[str, list[int]]] = []
    current, held = header, list[int]()
    room = limit - units(header) - 2
    for index, block in enumerate(blocks):
        if units(block) > room:
            block = plain(block, room)
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


def pieces(text: str) -> list[str]:
    """The lines of an HTML message, a line running on while a tag is open (a blockquote
    holding a newline stays one piece): the places a message may be split."""
    out: list[str] = []
    start, depth = 0, 0
    for match in re.finditer(r"<(/?)[a-zA-Z][^>]*>|\n", text):
        token = match.group(0)
        if token == "\n":
            if depth == 0:
                out.append(text[start : match.start()])
                start = match.end()
        else:
            depth += -1 if match.group(1) else 1
    out.append(text[start:])
    return out


def split(text: str, limit: int = LIMIT) -> list[str]:
    """Any reply as messages within ``limit`` UTF-16 units, split between lines and never
    inside a tag; a single line too long for one message becomes cut plain text."""
    if units(text) <= limit:
        return [text]
    messages: list[str] = []
    current = ""
    for line in pieces(text):
        if units(line) > limit:
            line = plain(line, limit)
        candidate = f"{current}\n{line}" if current else line
        if units(candidate) <= limit:
            current = candidate
            continue
        if current.strip():
            messages.append(current)
        current = line
    if current.strip():
        messages.append(current)
    return messages or [plain(text, limit)]
