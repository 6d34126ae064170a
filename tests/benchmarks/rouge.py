"""ROUGE-1, ROUGE-2 and ROUGE-L F1 (lower-cased word tokens, no stemming)."""

from __future__ import annotations

import re
from collections import Counter


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(overlap: int, candidate: int, reference: int) -> float:
    if not overlap or not candidate or not reference:
        return 0.0
    precision, recall = overlap / candidate, overlap / reference
    return 2 * precision * recall / (precision + recall)


def rouge_n(candidate: str, reference: str, n: int) -> float:
    c, r = _ngrams(_tokens(candidate), n), _ngrams(_tokens(reference), n)
    return _f1(sum((c & r).values()), sum(c.values()), sum(r.values()))


def rouge_l(candidate: str, reference: str) -> float:
    c, r = _tokens(candidate), _tokens(reference)
    if not c or not r:
        return 0.0
    previous = [0] * (len(r) + 1)
    for token in c:
        current = [0]
        for j, ref in enumerate(r):
            current.append(previous[j] + 1 if token == ref else max(previous[j + 1], current[j]))
        previous = current
    return _f1(previous[-1], len(c), len(r))


def rouge(candidate: str, reference: str) -> tuple[float, float, float]:
    return (
        rouge_n(candidate, reference, 1),
        rouge_n(candidate, reference, 2),
        rouge_l(candidate, reference),
    )
