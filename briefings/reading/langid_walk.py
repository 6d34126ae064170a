"""py3langid's language guess with its byte walk remembered word by word.

py3langid walks a text's UTF-8 bytes through a finite automaton in pure Python, one step per
byte (0.1-0.2 ms for the 800 characters we classify). A walk from a given state over given bytes
always ends in the same state with the same features, and news words recur: each word's walk
(its bytes and the space after it) is remembered per starting state, so a known word costs one
dictionary lookup. The features come out in the library's order, so its scores and its answer
are the same to the last bit. The internals read here are py3langid 0.4's; with any other
layout the library's own ``classify`` runs.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

import numpy as np

_WALKS = 20_000  # remembered (state, word) walks, a few MB at most; cleared when full
_walks: dict[tuple[int, bytes], tuple[int, tuple[int, ...]]] = {}
_NEEDED = ("tk_nextmove", "_rowbase", "tk_output", "nb_ptc", "nb_classes", "_alias_pairs")


@cache
def _model() -> tuple[Any, float] | None:
    """py3langid's identifier and its score floor, or None when its layout is not the known one."""
    import py3langid.langid as langid

    identifier = langid._get_identifier()
    known = (
        all(hasattr(identifier, name) for name in (*_NEEDED, "_encode", "_sparse_score"))
        and getattr(identifier, "_norm_probs", True) is False
        and getattr(identifier, "min_confidence", 0) is None
        and hasattr(langid, "RAW_FLOOR")
    )
    return (identifier, float(langid.RAW_FLOOR)) if known else None


def classify(text: str) -> str:
    """The ISO 639-1 code py3langid gives ``text``."""
    model = _model()
    if model is None:
        import py3langid

        return str(py3langid.classify(text)[0])
    identifier, floor = model
    counts = _feature_counts(identifier, identifier._encode(text))
    if counts:
        scores = identifier._sparse_score(counts, identifier.nb_ptc)
    else:
        scores = np.full(len(identifier.nb_classes), floor, dtype=np.float32)
    for i, j in identifier._alias_pairs:  # a script's alias (srl -> sr) counts as its label
        scores[i] = max(scores[i], scores[j])
        scores[j] = floor
    return str(identifier.nb_classes[int(scores.argmax())])


def _feature_counts(identifier: Any, data: bytes) -> Counter[int] | None:
    """py3langid's ``visit_counts`` (feature -> count, in first-seen order), word by word."""
    nextmove, rowbase, output = identifier.tk_nextmove, identifier._rowbase, identifier.tk_output
    walks = _walks
    state = 0
    found: list[int] = []
    pieces = data.split(b" ")
    last = len(pieces) - 1
    for n, piece in enumerate(pieces):
        word = piece + b" " if n < last else piece
        walk = walks.get((state, word))
        if walk is None:
            end, features = state, []
            for byte in word:
                end = nextmove[rowbase[end] + byte]
                feature = output[end]
                if feature >= 0:
                    features.append(feature)
            if len(walks) >= _WALKS:
                walks.clear()
            walk = walks[(state, word)] = (end, tuple(features))
        state = walk[0]
        found.extend(walk[1])
    return Counter(found) if found else None
