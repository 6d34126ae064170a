"""Subjects of the vocabulary an article names, subject pairs ("teacher pay") and the
sectors of the companies it is about."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache

from briefings.reading.gazetteer import gazetteer, unhyphenated
from briefings.reading.topic_places import folded
from briefings.reading.vocabulary import find_subjects, vocabulary

PAIR_MIN_HITS = 2  # each word list of a subject pair must be used this often


def add_subjects(
    weights: defaultdict[str, float], parts: list[tuple[str, float]], language: str
) -> None:
    """Subjects of the vocabulary the article's language names, subjects named by two words
    together ("teacher pay", English only), and the sector of a company the article is about
    (Home Depot -> retail)."""
    words = [(unhyphenated(text)[1], weight) for text, weight in parts]
    for subject, weight in find_subjects(words, language).items():
        if subject not in weights:
            weights[subject] += weight
    if language not in ("", "en"):
        _add_sectors(weights)
        return
    _add_pairs(weights, parts)
    _add_sectors(weights)


def _add_pairs(weights: defaultdict[str, float], parts: list[tuple[str, float]]) -> None:
    texts = [unhyphenated(text)[1] for text, _ in parts]
    # Only the pairs whose first list the article uses are counted (most articles: none, which
    # one set of every first list settles).
    if all(map(_pair_first_words().isdisjoint, texts)):
        return
    used = [pair for pair in _pair_words() if not all(map(pair[2].isdisjoint, texts))]
    if not used:
        return
    words: Counter[str] = Counter()
    for text in texts:
        words.update(text)
    joined = ""
    for subject, groups, _ in used:
        if not joined:
            joined = " " + " ".join(map(folded, (text for text, _ in parts))) + " "
        hits = [
            sum(joined.count(f" {t} ") if " " in t else words[t] for t in group) for group in groups
        ]
        if min(hits) >= PAIR_MIN_HITS and subject not in weights:
            weights[subject] += min(min(hits) * 0.5, 3.0)


@cache
def _pair_words() -> list[tuple[str, tuple[tuple[str, ...], tuple[str, ...]], frozenset[str]]]:
    """Each subject pair with the one-word terms of its first list, one set per pair."""
    return [
        (subject, groups, frozenset(t for t in groups[0] if " " not in t))
        for subject, groups in gazetteer().pairs.items()
    ]


@cache
def _pair_first_words() -> frozenset[str]:
    return frozenset().union(*(words for _, _, words in _pair_words()))


def _add_sectors(weights: defaultdict[str, float]) -> None:
    """A company brings its sector, a league its sport."""
    sectors, implied = gazetteer().sectors, vocabulary().implied
    if sectors.keys().isdisjoint(weights) and implied.keys().isdisjoint(weights):
        return  # (most articles name no company or league: two checks in C)
    for topic, weight in list(weights.items()):
        subject = sectors.get(topic) or implied.get(topic)
        if subject:
            weights[subject] += weight * 0.5
