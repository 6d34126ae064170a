"""What the summary's sentence scorer sees of each sentence: cheap, linear-time features.

Every feature is computed from the sentence list alone (the shared scorer calls ``rank`` with
sentences only), in one pass for word counts plus one pass per sentence, so the cost grows with
the article's length and nothing else.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from briefings.reading.sentences import words
from briefings.reading.summary_rules import is_dangling

# The order of the weights in briefings/data/summary_weights.json.
FEATURES = (
    "bias",
    "first",
    "second",
    "third",
    "inverse_position",
    "log_position",
    "relative_position",
    "words",
    "short",
    "long",
    "centrality",
    "lead_overlap",
    "title_overlap",
    "capitalised",
    "numbers",
    "quote_share",
    "opens_on_quote",
    "said",
    "first_person",
    "question",
    "dangling",
    "colon",
)

STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
        it its this that these those he she they we i you his her their our your my has have had
        do does did not no so than then there here which who whom what when where why how all
        any both each few more most other some such only own same very can will would should
        could may might must just also into over after before about against between through
        during out up down off again further once said says say told""".split()
)
QUOTE_CHARS = '“”"«»„'
_QUOTED = re.compile(r"[“\"«„]([^”\"»“]*)[”\"»“]")
# Word sets, not regexes: a \b alternation scanned at every position cost 30-45 µs a sentence.
_SAID = frozenset({"said", "says", "told", "added", "stated", "explained"})
_FIRST_PERSON = frozenset({"I", "we", "my", "our", "me", "us"})
_LEAD = 3  # the sentences "lead overlap" compares against


@dataclass(frozen=True, slots=True)
class Sentences:
    """The sentences of one article with their content words and features."""

    texts: list[str]
    tokens: list[list[str]]
    features: list[list[float]]


def content(text: str, tokens: list[str] | None = None) -> list[str]:
    """Lower-cased content words: no stop words, no one-letter tokens."""
    found = words(text) if tokens is None else tokens
    return [w for t in found if (w := t.lower()) not in STOP and len(w) > 1]


def describe(
    title: str, sentences: list[str], words_of: list[list[str]] | None = None
) -> Sentences:
    """Tokens and feature vectors (in FEATURES order) for every sentence. ``words_of``: the
    sentences' words when the caller has tokenised them already."""
    raw = words_of if words_of is not None else [words(s) for s in sentences]
    tokens = [content(s, w) for s, w in zip(sentences, raw, strict=True)]
    # Sentence frequency of each word: a word many sentences share is what the article is about.
    df: Counter[str] = Counter(w for toks in tokens for w in set(toks))
    lead: Counter[str] = Counter(w for toks in tokens[:_LEAD] for w in set(toks))
    title_words = set(content(title))
    n = len(sentences)
    rows = [
        _row(i, n, text, sentence_words, toks, df, lead, title_words)
        for i, (text, sentence_words, toks) in enumerate(zip(sentences, raw, tokens, strict=True))
    ]
    return Sentences(sentences, tokens, rows)


def _bare(word: str) -> str:
    """The word before an apostrophe ("I'm" -> "I")."""
    return word.split("'", 1)[0].split("’", 1)[0]


def _row(
    i: int,
    n: int,
    text: str,
    raw: list[str],
    toks: list[str],
    df: Counter[str],
    lead: Counter[str],
    title: set[str],
) -> list[float]:
    count = len(raw)
    unique = set(toks)
    size = max(len(unique), 1)
    # (Lists, not generators, in these sums: the same result, measurably faster per sentence.)
    # Words the sentence shares with the rest of the article (its own occurrence removed).
    centrality = sum([math.log1p(df[w] - 1) for w in unique]) / size
    own_lead = 1 if i < _LEAD else 0
    in_lead = lead.get  # (a Counter's missing word costs a Python call; get does not)
    lead_overlap = len([w for w in unique if in_lead(w, 0) - own_lead > 0]) / size
    title_overlap = len(unique & title) / max(len(title), 1)
    capitalised = sum([w[0].isupper() for w in raw[1:]]) / max(count - 1, 1)
    numbers = min(sum([w[0].isdigit() for w in raw]), 3) / 3
    has_quotes = "“" in text or '"' in text or "«" in text or "„" in text
    quoted = sum(len(q) for q in _QUOTED.findall(text)) if has_quotes else 0
    outside = words(_QUOTED.sub(" ", text)) if has_quotes else raw
    return [
        1.0,
        float(i == 0),
        float(i == 1),
        float(i == 2),
        1.0 / (1 + i),
        math.log1p(i) / 4,
        i / max(n - 1, 1),
        min(count, 60) / 30,
        float(count < 10),
        float(count > 45),
        centrality,
        lead_overlap,
        title_overlap,
        capitalised,
        numbers,
        quoted / max(len(text), 1),
        float(text[:1] in QUOTE_CHARS),
        float(not _SAID.isdisjoint(map(str.lower, raw)) or "ccording to" in text),
        float(
            not _FIRST_PERSON.isdisjoint(outside)
            or any(_bare(w) in _FIRST_PERSON for w in outside if "'" in w or "’" in w)
        ),
        float(text.rstrip().rstrip("\"”’'").endswith("?")),
        float(is_dangling(text)),
        float(":" in text[:40]),
    ]
