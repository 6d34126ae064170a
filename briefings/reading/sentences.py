"""Sentence splitting for news text.

A small rule-based splitter rather than pysbd: pysbd is ~50x slower on news paragraphs and is
known to hang on long strings without spaces; these rules are linear in the input (no nested
quantifiers) and know the cases news text needs: "U.S.", "Mr.", initials, decimals, and a stray
full stop inside a sentence ("appreciation. to").
"""

from __future__ import annotations

import re

from briefings.reading.lexicon import english

# Lower-cased abbreviations (without their final dot) after which a full stop does not end a
# sentence when a capitalised word follows; each language lists its own.
ABBREVIATIONS = english().abbreviations

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_MAX_SENTENCE = 2000  # a run without boundaries is cut here so later stages stay bounded


def split_sentences(paragraph: str, abbreviations: frozenset[str] = ABBREVIATIONS) -> list[str]:
    """Split one paragraph into sentences; never joins text across paragraphs."""
    return [paragraph[start:end] for start, end in sentence_bounds(paragraph, abbreviations)]


def sentence_bounds(
    paragraph: str, abbreviations: frozenset[str] = ABBREVIATIONS
) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence in ``paragraph``, stripped of outer spaces."""
    bounds: list[tuple[int, int]] = []
    n = len(paragraph)
    # Where the trailing spaces begin: a boundary there ends the paragraph (compared, not
    # sliced: a slice of the rest at each boundary made long paragraphs quadratic).
    last = len(paragraph.rstrip())
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end()
        if end >= last:
            break
        if not _is_boundary(paragraph, match.start(), end, abbreviations) or _inside_name(
            paragraph, start, end
        ):
            continue
        bounds.append((start, end))
        start = end
    bounds.append((start, n))
    out: list[tuple[int, int]] = []
    for s, e in bounds:
        while s < e and paragraph[s].isspace():
            s += 1
        while e > s and paragraph[e - 1].isspace():
            e -= 1
        for piece in range(s, e, _MAX_SENTENCE):  # a run without boundaries is cut
            out.append((piece, min(piece + _MAX_SENTENCE, e)))
    return out


def _is_boundary(text: str, punct_at: int, next_at: int, abbreviations: frozenset[str]) -> bool:
    nxt = text[next_at]
    # The next sentence starts with a capital, a digit or an opening quote/bracket.
    if nxt.islower():
        return False
    if not (nxt.isupper() or nxt.isdigit() or nxt in "“\"‘'«„([¿¡—–-"):
        return False
    if text[punct_at] != ".":
        return True
    # The word before the full stop (at most 40 characters back): the text after the last
    # space, split in C (a regex "(\S+)$" tried every start position in the window).
    head = text[max(0, punct_at - 40) : punct_at]
    if head and not head[-1].isspace():
        word = head.rsplit(None, 1)[-1]
    else:  # (no word, or a line break: "$" also matches before one, so the regex decides)
        token_match = _TOKEN_BEFORE.search(text, max(0, punct_at - 40), punct_at)
        if not token_match:
            return True
        word = token_match.group(1)
    token = word.lstrip("(\"“‘'«")
    bare = token.lower().rstrip(".")
    if bare in abbreviations:
        return False
    # An initial ("J. Smith") or a dotted abbreviation ("U.S.", "a.m.").
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False
    return not ("." in token and all(len(part) <= 2 for part in token.split(".")))


# The quote closes soon, not on a comma ("…,” he said" ends a statement), and the sentence
# goes on in lower case.
_CLOSE_THEN_LOWER = re.compile(r"[^“”\"]{0,60}?[^,“”\"][”\"]\s+[a-z]")


def _inside_name(text: str, start: int, end: int) -> bool:
    """A full stop inside a short quoted name that the sentence runs on after: the campaign
    “Meth. We’re on it.” awareness campaign is one sentence."""
    start = max(start, end - 120)  # a quoted name is short: look no further back (linear)
    curly_open = text.count("“", start, end) > text.count("”", start, end)
    straight_open = text.count('"', start, end) % 2 == 1
    return (curly_open or straight_open) and bool(_CLOSE_THEN_LOWER.match(text, end))


def words(text: str) -> list[str]:
    """Word tokens (letters, digits, inner apostrophes and hyphens)."""
    return _WORD.findall(text)


_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
