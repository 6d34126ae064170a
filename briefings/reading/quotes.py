"""Direct quotes and who said them.

Finds every quoted span in the body (curly, straight, guillemets, German „ “, ’’ as closer),
follows journalistic multi-paragraph quotes, attributes each to its speaker (after or before the
quote, pronouns, descriptors, organisations, inherited from the paragraph before) and picks the
1-3 key quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefings.model import Quote
from briefings.reading.attribution import Attributor
from briefings.reading.names import PersonIndex, persons_in

MIN_WORDS = 4  # shorter spans are scare quotes: "constructive", "tangible progress"
_CLOSERS = {"“": '”"', '"': '"”', "«": "»", "„": "“”", "‘‘": "’’”"}
_OPENERS = '“"«„'
_ANY_OPENER = re.compile('[“"«„‘]')


_CLOSER_PATTERNS = {
    opener: re.compile("’’|[" + re.escape(closers) + "]") for opener, closers in _CLOSERS.items()
}


@dataclass(slots=True)
class Span:
    """A quoted span inside one paragraph."""

    paragraph: int
    start: int  # index of the first character inside the marks
    end: int  # index just past the last character inside the marks
    closed: bool
    continues: bool  # reopens a quote left open at the end of the previous paragraph

    def text(self, paragraphs: list[str]) -> str:
        return paragraphs[self.paragraph][self.start : self.end].strip()


def find_spans(paragraphs: list[str]) -> list[Span]:
    """Every double-quoted span, in order; an unclosed quote ends with its paragraph."""
    spans: list[Span] = []
    left_open = False
    for index, text in enumerate(paragraphs):
        i, n = 0, len(text)
        first_in_paragraph = True
        while i < n:
            found = _ANY_OPENER.search(text, i)
            if not found:
                break
            i = found.start()
            opener = _opener_at(text, i)
            if not opener:
                i += 1
                continue
            start = i + len(opener)
            close_at, close_len = _find_closer(text, start, opener)
            continues = left_open and first_in_paragraph and not text[:i].strip()
            first_in_paragraph = False
            if close_at < 0:
                spans.append(Span(index, start, n, False, continues))
                break
            spans.append(Span(index, start, close_at, True, continues))
            i = close_at + close_len
        left_open = bool(spans) and spans[-1].paragraph == index and not spans[-1].closed
    return spans


def _opener_at(text: str, i: int) -> str:
    ch = text[i]
    if ch == "‘" and text.startswith("‘‘", i):
        return "‘‘"
    if ch not in _OPENERS:
        return ""
    if ch == '"':
        # A straight quote opens when it does not follow a letter ('5" screen' is inches).
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev.isalnum() or nxt.isspace():
            return ""
    return ch


def _find_closer(text: str, start: int, opener: str) -> tuple[int, int]:
    closers = _CLOSERS[opener]
    candidates = _CLOSER_PATTERNS[opener]
    i = start
    while i < len(text):
        found = candidates.search(text, i)
        if not found:
            return -1, 0
        i = found.start()
        ch = text[i]
        if text.startswith("’’", i) and opener in '“"‘‘':
            return i, 2
        if ch in closers:
            if ch == '"' and i + 1 < len(text) and text[i + 1].isalnum() and opener != '"':
                i += 1  # a straight quote glued to the next word opens a nested quote
                continue
            return i, 1
        i += 1
    return -1, 0


def extract_quotes(title: str, dek: str, paragraphs: list[str], max_key: int = 3) -> list[Quote]:
    """Every direct quote of the body with its speaker, key quotes marked."""
    spans = find_spans(paragraphs)
    if not spans:
        return []  # most feed teasers: no need to learn who is who
    people = PersonIndex(persons_in(*paragraphs))
    attributor = Attributor(paragraphs, people)
    headline_quotes = {_fold(text) for text in _quoted_in(title + " " + dek)}
    quotes: list[Quote] = []
    for n, span in enumerate(spans):
        text = span.text(paragraphs)
        speaker = attributor.speaker_for(span, spans[n - 1] if n else None)
        if not _is_quote(text, span, paragraphs, headline_quotes):
            continue
        quotes.append(Quote(text=text, speaker=speaker))
    _mark_key(quotes, max_key)
    return quotes


def _quoted_in(text: str) -> list[str]:
    return [s.text([text]) for s in find_spans([text])] + re.findall(r"‘([^’]{3,})’", text)


def _fold(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text).strip().casefold()


_EMBEDDING_WORDS = frozenset(
    """to of for as the a an their his her its our your my in on at with by from about into
        called dubbed named titled like than""".split()
)
_CUE_BEFORE = re.compile(r"(that|:|,|whether|saying|said|says|told|added|wrote|asked)\s*$", re.I)


def _is_quote(text: str, span: Span, paragraphs: list[str], headline: set[str]) -> bool:
    words = text.split()
    if len(words) < MIN_WORDS:
        return False
    if _fold(text) in headline:
        return False  # a name or slogan the headline also quotes ("Meth. We're on it.")
    if _title_like(words) and not text.rstrip().endswith((".", "?", "!", ",")):
        return False  # a title of a song, a book or a sign: "We're Not Gonna Take It"
    para = paragraphs[span.paragraph]
    before = para[: span.start - 1].rstrip()
    if _title_like(words) and _SLOGAN_BEFORE.search(before):
        return False  # signs with sayings such as "Less Money on Testing, More on Students."
    if _pull_quote(text, span, paragraphs):
        return False
    if not before or before.endswith((".", "?", "!", ":", "”", '"', "—", "–")):
        return True
    if _CUE_BEFORE.search(before):
        return True
    prev_word = before.split()[-1].lower().strip(",;()")
    after = para[span.end + 1 :].lstrip() if span.closed else ""
    runs_on = bool(after) and after[0].isalpha() and after[0].islower()
    if prev_word in _EMBEDDING_WORDS and len(words) < 10:
        return False  # a phrase quoted inside reported speech: efforts to "achieve peace"
    return not (runs_on and len(words) < 10)


_SLOGAN_BEFORE = re.compile(r"\b(?:such as|reading|reads|read|slogans?|signs?)[,:]?$", re.I)


def _pull_quote(text: str, span: Span, paragraphs: list[str]) -> bool:
    """A paragraph that is nothing but a short unpunctuated quote repeated from elsewhere in
    the article: a heading or pull quote echoing the real quote ("We write with urgency")."""
    para = paragraphs[span.paragraph]
    alone = not para[: max(span.start - 1, 0)].strip() and not para[span.end + 1 :].strip()
    if not alone or text.rstrip()[-1:] in ".?!,;" or len(text.split()) > 12:
        return False
    # Its own paragraph holds it once; anywhere else makes two (one fold of the article).
    return _folded_article(tuple(paragraphs)).count(f" {_fold(text)} ") >= 2


@lru_cache(maxsize=8)
def _folded_article(paragraphs: tuple[str, ...]) -> str:
    return " " + " | ".join(_fold(p) for p in paragraphs) + " "


def _title_like(words: list[str]) -> bool:
    content = [w for w in words if len(w) > 3]
    capital = sum(1 for w in content if w[:1].isupper())
    return len(content) >= 2 and capital >= 0.8 * len(content)


def _mark_key(quotes: list[Quote], max_key: int) -> None:
    if not quotes:
        return
    wanted = 1 if len(quotes) <= 2 else 2 if len(quotes) <= 5 else max_key
    scored = sorted(
        range(len(quotes)), key=lambda i: _key_score(quotes[i], i, len(quotes)), reverse=True
    )
    for i in scored[:wanted]:
        quotes[i].key = True


def _key_score(quote: Quote, index: int, total: int) -> float:
    """Earlier, whole statements of 10-35 words; weights measured on the dev set (make
    quality), where the gold key quotes cluster early in the article (a bonus for first-person
    quotes was measured too, and cost three hits)."""
    words = len(quote.text.split())
    score = 0.5 * min(words, 35) / 35
    if words > 50:
        score -= 0.3  # a paragraph-long quote is not the line a reader remembers
    if quote.text[:1].isupper():
        score += 0.3  # a whole statement, not the tail of reported speech
    if words < 10:
        score -= 0.5
    score += 0.8 * (1 - index / max(total, 1))
    return score
