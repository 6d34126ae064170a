"""Quoted spans: where direct quotes open and close, by the quote-mark conventions of a language
(curly, straight, `« »`, `„ “`, two apostrophes `''…''` of news archives, `’’` as a closer)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefings.reading.lexicon import Lexicon


@dataclass(slots=True)
class Span:
    """A quoted span inside one paragraph."""

    paragraph: int
    start: int  # index of the first character inside the marks
    end: int  # index just past the last character inside the marks
    closed: bool
    continues: bool  # reopens a quote left open at the end of the previous paragraph
    open_at: int = -1  # index of the opening mark (marks may be two characters: '')
    close_end: int = -1  # index just past the closing mark (``end`` when unclosed)

    def __post_init__(self) -> None:
        if self.open_at < 0:
            self.open_at = max(self.start - 1, 0)
        if self.close_end < 0:
            self.close_end = self.end + 1 if self.closed else self.end

    def text(self, paragraphs: list[str]) -> str:
        return paragraphs[self.paragraph][self.start : self.end].strip()


@dataclass(frozen=True, slots=True)
class _Marks:
    openers: re.Pattern[str]
    closers: dict[str, re.Pattern[str]]
    symmetric: frozenset[str]  # marks that both open and close: '"', "''"
    closing: frozenset[str]  # marks that close some quote: "“" closes „ in German
    # closing marks that are also the apostrophe ("’" of "didn’t", "'" of "it's")
    apostrophes: frozenset[str] = frozenset()


def _marks(lex: Lexicon) -> _Marks:
    def build(lex: Lexicon) -> _Marks:
        pairs = lex.quote_pairs
        openers = re.compile(lex.alternation(tuple(pairs)))
        closers = {o: re.compile(lex.alternation(c)) for o, c in pairs.items()}
        symmetric = frozenset(o for o, c in pairs.items() if o in c)
        closing = frozenset(c for cs in pairs.values() for c in cs) - symmetric
        return _Marks(openers, closers, symmetric, closing)

    marks: _Marks = lex.compiled("marks", build)
    return marks


def _single(lex: Lexicon) -> _Marks | None:
    """The single marks of a house style that quotes speech with them, when the language has
    them."""

    def build(lex: Lexicon) -> _Marks | None:
        if not lex.single_marks:
            return None
        closers = {o: re.compile(re.escape(c)) for o, c in lex.single_marks}
        closing = frozenset(c for _, c in lex.single_marks)
        openers = re.compile(lex.alternation(tuple(o for o, _ in lex.single_marks)))
        return _Marks(openers, closers, frozenset(), closing, closing)

    marks: _Marks | None = lex.compiled("single_marks", build)
    return marks


def _house_marks(paragraphs: list[str], lex: Lexicon) -> _Marks:
    """The language's pairs; its single marks when the text holds none of the pairs (a text
    that quotes speech in single marks uses no double ones)."""
    marks = _marks(lex)
    single = _single(lex)
    if single is None or any(marks.openers.search(text) for text in paragraphs):
        return marks
    return single


def find_spans(paragraphs: list[str], lex: Lexicon, house: bool = True) -> list[Span]:
    """Every quoted span, in order; an unclosed quote ends with its paragraph. Linear: each
    character is looked at a bounded number of times."""
    # (a headline alone tells no house style: "'Carson is cratering' while …" quotes with
    # single marks an article that quotes with double ones)
    marks = _house_marks(paragraphs, lex) if house else _marks(lex)
    spans: list[Span] = []
    left_open = False
    for index, text in enumerate(paragraphs):
        if lex.dialogue_dash and _DIALOGUE.match(text):
            spans.extend(_dialogue_spans(index, text))
            left_open = False
            continue
        i, n = 0, len(text)
        first_in_paragraph = True
        while i < n:
            found = marks.openers.search(text, i)
            if not found:
                break
            i, opener = found.start(), found.group(0)
            if opener in marks.symmetric and not _opens(text, i, len(opener)):
                i += len(opener)
                continue
            if marks.apostrophes and (
                not _opens(text, i, len(opener), digits=True)
                or (opener in marks.apostrophes and not text[i + 1 : i + 2].isupper())
            ):
                i += len(opener)  # "‘90s", "rock ‘n’ roll", "'em": no quote
                continue
            nxt = text[i + len(opener) : i + len(opener) + 1]
            if opener in marks.closing and nxt and nxt in _NO_QUOTE_START:
                i += len(opener)  # "«Tatort». Als": a closing mark of the other style
                continue
            start = i + len(opener)
            close_at, close_len = _find_closer(text, start, opener, marks)
            continues = left_open and first_in_paragraph and not text[:i].strip()
            first_in_paragraph = False
            if close_at < 0:
                spans.append(Span(index, start, n, False, continues, i, n))
                break
            spans.append(Span(index, start, close_at, True, continues, i, close_at + close_len))
            i = close_at + close_len
            closer = text[close_at:i]
            if closer in marks.symmetric and text[close_at - 1 : close_at].isspace():
                # 'a obra. "Porque …".': a mark placed to open a quote closes the one left open
                # before it and opens the next
                i = close_at if _opens(text, close_at, close_len) else i
        left_open = bool(spans) and spans[-1].paragraph == index and not spans[-1].closed
    return [part for span in spans for part in _split_aside(span, paragraphs, lex)]


def _asides(lex: Lexicon) -> re.Pattern[str]:
    """The narrator's words inside a quote: «A - prosegue X - B», « A, explique X. B »."""

    def build(lex: Lexicon) -> re.Pattern[str]:
        pronouns = lex.alternation(tuple(lex.pronouns))
        links = lex.alternation(lex.inversion_links) if lex.inversion_links else "-"
        verb = rf"(?:{lex.alternation(lex.verbs)}|\w+{links}{pronouns})" if lex.verbs else "(?!)"
        dets = lex.alternation(tuple(lex.descriptor_openers))
        if lex.inverted_any_verb and not lex.capitalised_nouns:
            # « A, pointe Jean Roy, le maire. B »: any word that is no function word, then a
            # name, inverts as the verbs do after a quote (not where every noun is capitalised:
            # „Erst mit viel, viel Druck …“ holds no aside)
            stop = lex.alternation(tuple(lex.not_names))
            verb = rf"(?:{verb}|(?!{stop}\s)[^\W\d_A-ZÀ-Þ][\w’'-]{{3,}}(?=\s+[A-ZÀ-Þ]))"
        return re.compile(
            rf"(?P<dash>\s[-–—―]\s+)(?=[^\W\d_A-ZÀ-Þ])[^-–—―«»“”\"]{{3,120}}?\s[-–—―]\s+"
            rf"|(?P<comma>,\s+)(?={verb}\b)[^.,;:!?«»“”\"]{{3,120}}?"
            # "…, explique Jean Roy, le maire. B": an apposition belongs to the aside
            rf"(?:,\s+{dets}\s*(?=\w)[^.,;:!?«»“”\"]{{1,80}}?(?=\.))?[.,]\s+(?=\S)"
        )

    pattern: re.Pattern[str] = lex.compiled("asides", build)
    return pattern


def _split_aside(span: Span, paragraphs: list[str], lex: Lexicon) -> list[Span]:
    """A closed quote interrupted by its attribution, as two quotes; the first one's closing
    reaches past the dash or comma, so the attribution reads as the words after it."""
    if not span.closed or not lex.inverted_any_verb:
        return [span]
    text = paragraphs[span.paragraph]
    found = _asides(lex).search(text, span.start, span.end)
    if not found or not text[span.start : found.start()].strip():
        return [span]
    lead = found.group("dash") or found.group("comma") or ""
    first = Span(
        span.paragraph,
        span.start,
        found.start(),
        True,
        span.continues,
        span.open_at,
        found.start() + len(lead),
    )
    rest = Span(span.paragraph, found.end(), span.end, True, False, found.end() - 1, span.close_end)
    return [first, *_split_aside(rest, paragraphs, lex)]


# A mark that can close a quote and is followed by these closes one (of another convention).
_NO_QUOTE_START = frozenset(".,;:!?)-–")


# A line of dialogue opens on a dash ("—No cederemos —dijo el ministro—. Es la hora."): the
# speech runs to a dash glued to the narrator's next word, the narrator's words to the next dash.
_DIALOGUE = re.compile(r"^\s*[—―–]\s*(?=\S)")
_NARRATOR = re.compile(r"\s[—―–]\s?(?=[^\W\d_A-ZÀ-Þ])")  # "—dijo", "— disse": lower case
_DASH = re.compile(r"[—―–]")
_AFTER_NARRATOR = re.compile(r"[\s.,;:]*")


def _dialogue_spans(index: int, text: str) -> list[Span]:
    spans: list[Span] = []
    opening = _DIALOGUE.match(text)
    if opening is None:
        return spans
    open_at, start, n = opening.start(), opening.end(), len(text.rstrip())
    while start < n:
        narrator = _NARRATOR.search(text, start)
        if narrator is None:
            spans.append(Span(index, start, n, True, False, open_at, n))
            break
        spans.append(Span(index, start, narrator.start(), True, False, open_at, narrator.end()))
        close = _DASH.search(text, narrator.end())
        if close is None:
            break
        open_at = close.start()
        gap = _AFTER_NARRATOR.match(text, close.end())
        start = gap.end() if gap else close.end()
    return spans


def _opens(text: str, i: int, width: int, digits: bool = False) -> bool:
    """A mark that also closes opens when it does not follow a letter and is not followed by a
    space ('5" screen' is inches, "rock 'n'' roll" no quote); with ``digits``, nor by a digit
    ("the ‘90s")."""
    prev = text[i - 1] if i else " "
    nxt = text[i + width] if i + width < len(text) else " "
    return not (prev.isalnum() or nxt.isspace() or (digits and nxt.isdigit()))


def _apostrophe(text: str, i: int) -> bool:
    """The closing single mark at ``i`` is an apostrophe: inside a word ("didn’t") or after
    the s of a plural possessive before a lower-case word ("the players’ union")."""
    nxt = text[i + 1 : i + 2]
    if nxt.isalnum():
        return True
    return text[i - 1 : i] in ("s", "S") and nxt == " " and text[i + 2 : i + 3].islower()


def _find_closer(text: str, start: int, opener: str, marks: _Marks) -> tuple[int, int]:
    candidates = marks.closers[opener]
    i = start
    while True:
        found = candidates.search(text, i)
        if not found:
            return -1, 0
        i, mark = found.start(), found.group(0)
        nxt = i + len(mark)
        if mark in marks.apostrophes and _apostrophe(text, i):
            i = nxt
            continue
        if mark in marks.symmetric and mark != opener and nxt < len(text) and text[nxt].isalnum():
            i = nxt  # a straight quote glued to the next word opens a nested quote
            continue
        return i, len(mark)
