"""Sentence splitting for news text.

A small rule-based splitter rather than pysbd: pysbd is ~50x slower on news paragraphs and is
known to hang on long strings without spaces; these rules are linear in the input (no nested
quantifiers) and know the cases news text needs: "U.S.", "Mr.", initials, decimals, and a stray
full stop inside a sentence ("appreciation. to").
"""

from __future__ import annotations

import re

# Lower-cased abbreviations (without their final dot) after which a full stop does not end a
# sentence when a capitalised word follows.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st gen col lt sgt capt cpt maj adm cmdr gov sen rep rev hon pres
        supt insp det amb messrs mme mlle sra sr srta dra ing u.s u.k u.n e.u e.g i.e vs v no
        nos inc corp co ltd bros jan feb mar apr jun jul aug sep sept oct nov dec mt ft fig
        approx dept univ ave blvd rd a.m p.m ph.d d.c n.y l.a calif fla ga ill mass mich minn
        penn tenn tex va wash wis ariz colo conn ind kan ky la md mo mont neb nev okla ore wyo
        op ed vol pp""".split()
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_MAX_SENTENCE = 2000  # a run without boundaries is cut here so later stages stay bounded


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences; never joins text across paragraphs."""
    text = paragraph.strip()
    if not text:
        return []
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if end >= len(text):
            break
        if not _is_boundary(text, match.start(), end) or _inside_name(text, start, end):
            continue
        sentences.append(text[start:end].strip())
        start = end
    sentences.append(text[start:].strip())
    return [piece for s in sentences if s for piece in _cap_length(s)]


def _is_boundary(text: str, punct_at: int, next_at: int) -> bool:
    nxt = text[next_at]
    # The next sentence starts with a capital, a digit or an opening quote/bracket.
    if nxt.islower():
        return False
    if not (nxt.isupper() or nxt.isdigit() or nxt in "“\"‘'«„([¿¡—–-"):
        return False
    if text[punct_at] != ".":
        return True
    token_match = _TOKEN_BEFORE.search(text, max(0, punct_at - 40), punct_at)
    if not token_match:
        return True
    token = token_match.group(1).lstrip("(\"“‘'«")
    bare = token.lower().rstrip(".")
    if bare in ABBREVIATIONS:
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


def _cap_length(sentence: str) -> list[str]:
    if len(sentence) <= _MAX_SENTENCE:
        return [sentence]
    return [sentence[i : i + _MAX_SENTENCE] for i in range(0, len(sentence), _MAX_SENTENCE)]


def words(text: str) -> list[str]:
    """Word tokens (letters, digits, inner apostrophes and hyphens)."""
    return _WORD.findall(text)


_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
