"""What the summary's sentence scorer sees of each sentence: cheap, linear-time features.

Every feature is computed from the sentence list alone (the shared scorer calls ``rank`` with
sentences only), in one pass for word counts plus one pass per sentence, so the cost grows with
the article's length and nothing else.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from operator import itemgetter

from briefings.reading.lexicon import summary_words
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
    "keywords_5",
    "keywords_10",
    "keywords_15",
    "keywords_20",
    "keyword_weight",
    "keyword_share",
    "opens_paragraph",
    "first_paragraph",
)

QUOTE_CHARS = '“”"«»„'
_QUOTED = re.compile(r"[“\"«„]([^”\"»“]*)[”\"»“]")
_LEAD = 3  # the sentences "lead overlap" compares against
# The article's keywords: the words most sentences share. How many of the top 5, 10, 15 and 20 a
# sentence holds says how much of what the article is about it covers (a sum, where
# "centrality", a mean, favours short sentences). With these four, the two below and the
# paragraph marks, the ridge fit's lead over lead-3 on the unseen fold (two folds of stories
# 501-2000) rose from +0.19 to +0.57 full-length R-2, and from +2.28 to +4.29 over full and
# cut summed.
_KEYWORDS = (5, 10, 15, 20)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words of a language the features look for (its ``[summary]`` table), as sets."""

    stop: frozenset[str]
    # Word sets, not regexes: a \b alternation scanned at every position cost 30-45 µs a
    # sentence.
    reporting: frozenset[str]
    according: tuple[str, ...]  # as written and capitalised
    first_person: frozenset[str]  # case as written


@cache
def vocabulary(language: str = "en") -> Vocabulary:
    found = summary_words(language)
    according = tuple(found["according"])
    return Vocabulary(
        stop=frozenset(w.lower() for w in found["stop_words"]),
        reporting=frozenset(w.lower() for w in found["reporting"]),
        according=tuple(dict.fromkeys(according + tuple(a[:1].upper() + a[1:] for a in according))),
        first_person=frozenset(found["first_person"]),
    )


@dataclass(frozen=True, slots=True)
class Sentences:
    """The sentences of one article with their content words and features."""

    texts: list[str]
    tokens: list[list[str]]
    features: list[list[float]]  # empty for a sentence not asked for (``describe``'s wanted)
    word_sets: list[set[str]] = field(default_factory=list)  # each sentence's ``tokens``, as a set


def content(text: str, tokens: list[str] | None = None, language: str = "en") -> list[str]:
    """Lower-cased content words: no stop words, no one-letter tokens."""
    found = words(text) if tokens is None else tokens
    stop = vocabulary(language).stop
    return [w for w in map(str.lower, found) if w not in stop and len(w) > 1]


def describe(
    title: str,
    sentences: list[str],
    words_of: list[list[str]] | None = None,
    language: str = "en",
    paragraph_of: list[int] | None = None,
    wanted: list[bool] | None = None,
) -> Sentences:
    """Tokens and feature vectors (in FEATURES order) for every sentence. ``words_of``: the
    sentences' words when the caller has tokenised them already; ``paragraph_of``: each
    sentence's paragraph number (unknown: every sentence its own paragraph, as in most news);
    ``wanted``: the sentences whose features are needed (the summary's candidates: half the
    sentences of a short article are too short, furniture or questions), the others' are
    left empty. Every sentence counts in what the article is about, wanted or not."""
    raw = words_of if words_of is not None else [words(s) for s in sentences]
    known = vocabulary(language)
    stop = known.stop
    lowered = [list(map(str.lower, found)) for found in raw]
    tokens = [[w for w in low if w not in stop and len(w) > 1] for low in lowered]
    uniques = [set(t) for t in tokens]
    # Sentence frequency of each word: a word many sentences share is what the article is about.
    # (Counted in C, not word by word in a generator: the same counts.) Each sentence's words in
    # order of first use, not set order, which changes with the hash seed: the keywords below,
    # the most frequent with ties broken by that order, are then the same on every run.
    df: Counter[str] = Counter(chain.from_iterable(map(dict.fromkeys, tokens)))
    title_words = set(content(title, None, language))
    n = len(sentences)
    # (sorted, as most_common documents itself: the same stable order, without a Python heap)
    ranked = [w for w, _ in sorted(df.items(), key=_COUNT, reverse=True)[: _KEYWORDS[-1]]]
    top5, top10, top15, top20 = (frozenset(ranked[:k]) for k in _KEYWORDS)
    weight = {w: df[w] for w in ranked[:10]}
    total = sum(weight.values()) or 1
    paragraphs = paragraph_of if paragraph_of is not None else list(range(n))
    # Per-article tables, so that each sentence's features are set operations and sums in C
    # rather than Python loops over its words (the same numbers, added in the same order).
    # log1p(df - 1) by count, not by word: a word is in at most every sentence
    log_count = [0.0, *(math.log1p(c - 1) for c in range(1, n + 1))].__getitem__
    count_of = df.__getitem__
    # The lead's words, and those two lead sentences share: a lead sentence's own words are
    # in the lead already, so it shares a word with the lead when another one has it too.
    lead = uniques[:_LEAD]
    in_lead: set[str] = set().union(*lead)
    in_lead_twice: set[str] = set()
    for k, first in enumerate(lead):
        for other in lead[k + 1 :]:
            in_lead_twice |= first & other
    rows: list[list[float]] = []
    for i, (text, sentence_words, unique) in enumerate(zip(sentences, raw, uniques, strict=True)):
        if wanted is not None and not wanted[i]:
            rows.append([])
            continue
        size = max(len(unique), 1)
        key10 = unique & top10
        rows.append(
            [
                *_row(i, n, len(sentence_words)),
                # Words the sentence shares with the rest of the article (its own occurrence
                # removed), with the lead, with the headline.
                sum(map(log_count, map(count_of, unique))) / size,
                len(unique & (in_lead_twice if i < _LEAD else in_lead)) / size,
                len(unique & title_words) / max(len(title_words), 1),
                *_marks(text, sentence_words, lowered[i], known, language),
                len(unique & top5) / 5,
                len(key10) / 10,
                len(unique & top15) / 15,
                len(unique & top20) / 20,
                sum(map(weight.__getitem__, key10)) / total,
                len(key10) / size,
                # A paragraph's first sentence states its point; the first paragraph is the
                # lead.
                float(i == 0 or paragraphs[i] != paragraphs[i - 1]),
                float(paragraphs[i] == paragraphs[0]),
            ]
        )
    return Sentences(sentences, tokens, rows, uniques)


_COUNT = itemgetter(1)


def _bare(word: str) -> str:
    """The word before an apostrophe ("I'm" -> "I")."""
    return word.split("'", 1)[0].split("’", 1)[0]


def _row(i: int, n: int, count: int) -> list[float]:
    """The features of position and length ("bias" to "long")."""
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
    ]


def _marks(
    text: str, raw: list[str], lowered: list[str], known: Vocabulary, language: str
) -> list[float]:
    """The features of the sentence's own words and marks ("capitalised" to "colon")."""
    capitalised = sum([w[0].isupper() for w in raw[1:]]) / max(len(raw) - 1, 1)
    numbers = min(sum([w[0].isdigit() for w in raw]), 3) / 3
    has_quotes = "“" in text or '"' in text or "«" in text or "„" in text
    quoted = sum(len(q) for q in _QUOTED.findall(text)) if has_quotes else 0
    outside = words(_QUOTED.sub(" ", text)) if has_quotes else raw
    return [
        capitalised,
        numbers,
        quoted / max(len(text), 1),
        float(text[:1] in QUOTE_CHARS),
        float(
            not known.reporting.isdisjoint(lowered) or any(map(text.__contains__, known.according))
        ),
        float(
            not known.first_person.isdisjoint(outside)
            # (only a sentence with an apostrophe has a word with one: "I'm", "we’ve")
            or (
                ("'" in text or "’" in text)
                and any(_bare(w) in known.first_person for w in outside if "'" in w or "’" in w)
            )
        ),
        float(text.rstrip().rstrip("\"”’'").endswith("?")),
        float(is_dangling(text, language)),
        float(":" in text[:40]),
    ]
