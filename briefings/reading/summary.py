"""Extractive summaries: up to three sentences, at most 400 characters, in article order.

A small linear model scores every sentence (features in ``summary_features``, weights trained by
``scripts/train_summary.py`` on the shared CNN stories and shipped in
``briefings/data/summary_weights.json``); the summary is then chosen greedily by that score (less
a trained penalty for overlap with what is chosen) under the length budget. Rules the model cannot
be trusted with are hard: no page furniture (captions, credits, links, bios), no sentence that
opens on a pronoun or a connective unless the sentence before it is in the summary, no quote cut
by the sentence split, no question, no repeat of a chosen sentence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from operator import mul
from pathlib import Path

from briefings.reading.document import Document
from briefings.reading.lexicon import lexicon
from briefings.reading.sentences import split_sentences
from briefings.reading.summary_features import FEATURES, describe
from briefings.reading.summary_rules import (
    closed,
    cut_quote,
    is_dangling,
    is_furniture,
    strip_credit,
)

MAX_CHARS = 400
WEIGHTS_FILE = Path(__file__).resolve().parent.parent / "data" / "summary_weights.json"
_MIN_WORDS = 5  # shorter "sentences" are headings, bylines or fragments
_SAME = 0.6  # a sentence this much made of a chosen one's words repeats it


@dataclass(frozen=True, slots=True)
class Model:
    """The sentence scorer's weights and the selection's settings, from the weights file."""

    weights: tuple[float, ...]
    max_sentences: int  # more sentences than this read as an article, not a brief
    redundancy: float  # score lost per unit of word overlap with an already chosen sentence
    min_gain: float  # a second or third sentence must score at least this to be added
    enough_chars: int  # two sentences this long under a headline are a brief: no third
    enough_chars_untitled: int  # the same without a headline, when the summary stands alone


@cache
def model(path: Path = WEIGHTS_FILE) -> Model:
    """The model in ``path``; a file for other features is an error, not a silent misfit."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES or len(data["weights"]) != len(FEATURES):
        raise ValueError(f"{path}: features differ from summary_features.FEATURES; retrain")
    selection = data["selection"]
    return Model(
        weights=tuple(float(w) for w in data["weights"]),
        max_sentences=int(selection["max_sentences"]),
        redundancy=float(selection["redundancy"]),
        min_gain=float(selection["min_gain"]),
        enough_chars=int(selection["enough_chars"]),
        enough_chars_untitled=int(selection["enough_chars_untitled"]),
    )


def summarize(
    title: str, paragraphs: list[str], max_chars: int = MAX_CHARS, language: str = "en"
) -> str:
    """The summary text; empty when the article has no sentences."""
    abbreviations = lexicon(language).abbreviations
    split = [split_sentences(p, abbreviations) for p in paragraphs]
    sentences = [s for found in split for s in found]
    paragraph_of = [k for k, found in enumerate(split) for _ in found]
    return _summary(title, sentences, None, max_chars, language, paragraph_of)


def summary_of(doc: Document, max_chars: int = MAX_CHARS) -> str:
    """The summary of an article parsed once: its sentences and tokens, not split again."""
    sentences = [s.text for s in doc.sentences]
    tokens = [s.words for s in doc.sentences]
    paragraph_of = [s.paragraph for s in doc.sentences]
    return _summary(doc.title, sentences, tokens, max_chars, doc.language, paragraph_of)


def _summary(
    title: str,
    sentences: list[str],
    tokens: list[list[str]] | None,
    max_chars: int,
    language: str = "en",
    paragraph_of: list[int] | None = None,
) -> str:
    if not sentences:
        return ""
    chosen = rank(
        title, sentences, max_chars, tokens=tokens, language=language, paragraph_of=paragraph_of
    )
    if not chosen:
        # Nothing usable fits (one giant sentence, say): the first sentence that can stand
        # alone, cut at a word; none at all (furniture, dangling openers) is no summary.
        first = next(
            (
                strip_credit(s, language)
                for s in sentences
                if not is_furniture(s, language) and not is_dangling(s, language)
            ),
            "",
        )
        return first if len(first) <= max_chars else first[: max_chars - 1].rsplit(" ", 1)[0] + "…"
    return " ".join(closed(strip_credit(sentences[i], language)) for i in sorted(chosen))


def rank(
    title: str,
    sentences: list[str],
    max_chars: int,
    scorer: Model | None = None,
    tokens: list[list[str]] | None = None,
    language: str = "en",
    paragraph_of: list[int] | None = None,
) -> list[int]:
    """Indices of the sentences to keep, best first; empty when no usable sentence fits.
    ``tokens``: each sentence's words when the caller has them (the document model);
    ``language``: the code whose ``[summary]`` words the rules and features read;
    ``paragraph_of``: each sentence's paragraph number, when known (else each its own)."""
    settings = scorer or model()
    allowed = usable(sentences, language)
    # Under a headline (the brief shows it) two sentences say enough sooner than when the
    # summary is all the reader gets of the article.
    enough = settings.enough_chars if title.strip() else settings.enough_chars_untitled
    if sum(allowed) < 2:
        # One candidate at most (a short teaser): the first pick takes any that fits whatever
        # its score, so no sentence is scored.
        unscored = [0.0] * len(sentences)
        unworded: list[set[str]] = [set() for _ in sentences]
        return select(sentences, unscored, unworded, allowed, max_chars, settings, enough, language)
    # Features only for the candidates: select reads no other sentence's score.
    described = describe(title, sentences, tokens, language, paragraph_of, wanted=allowed)
    # (map with mul in C: the same products added in the same order as a loop would)
    weights = settings.weights
    score = [sum(map(mul, weights, row)) if row else 0.0 for row in described.features]
    words = described.word_sets
    return select(sentences, score, words, allowed, max_chars, settings, enough, language)


def usable(sentences: list[str], language: str = "en") -> list[bool]:
    """Which sentences may be in a summary at all."""
    return [
        len(s.split()) >= _MIN_WORDS
        and not is_furniture(s, language)
        and not cut_quote(s, language)
        and not s.rstrip().rstrip("\"”’'»“").endswith("?")
        for s in sentences
    ]


def select(
    sentences: list[str],
    score: list[float],
    words: list[set[str]],
    allowed: list[bool],
    max_chars: int,
    settings: Model,
    enough_chars: int = MAX_CHARS,
    language: str = "en",
) -> list[int]:
    """Greedy choice by score less redundancy with what is chosen, within ``max_chars``."""
    candidates = [i for i, ok in enumerate(allowed) if ok]
    dangling = {i for i in candidates if is_dangling(sentences[i], language)}
    length = {i: len(closed(strip_credit(sentences[i], language))) for i in candidates}
    chosen: list[int] = []
    used = 0
    while len(chosen) < settings.max_sentences and not (len(chosen) >= 2 and used >= enough_chars):
        best, best_score = -1, 0.0
        for i in candidates:
            cost = length[i] + (1 if chosen else 0)
            # A pronoun or connective opener reads right only after the sentence it points to.
            if i in chosen or used + cost > max_chars or (i in dangling and i - 1 not in chosen):
                continue
            overlap = _overlap(words[i], [words[j] for j in chosen])
            if overlap > _SAME:
                continue  # the same news again, in other words
            value = score[i] - settings.redundancy * overlap
            if best < 0 or value > best_score:
                best, best_score = i, value
        if best < 0 or (chosen and best_score < settings.min_gain):
            break
        chosen.append(best)
        used += length[best] + (1 if len(chosen) > 1 else 0)
    return chosen


def _overlap(mine: set[str], others: list[set[str]]) -> float:
    """The largest share of this sentence's words already said by a chosen sentence."""
    if not mine or not others:
        return 0.0
    return max(len(mine & other) for other in others) / len(mine)
