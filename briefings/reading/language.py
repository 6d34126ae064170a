"""Language identification with py3langid (offline, ships its model, ~0.1 ms per text)."""

from __future__ import annotations

from functools import cache
from typing import Any

from briefings.reading.lexicon import FALLBACK, lexicon

_SAMPLE = 800  # characters: plenty for a reliable guess, and langid cost grows with it


@cache
def _identifier() -> Any:
    import py3langid

    return py3langid


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "" when there is too little text to tell."""
    sample = text[:_SAMPLE]
    if len(sample.strip()) < 20:  # characters, not words: Chinese has no spaces
        return ""
    lang, _prob = _identifier().classify(sample)
    return str(lang)


def reading_language(text: str) -> str:
    """The language to read a text in: the fallback language (English) at once when its
    function words (the lexicon's determiners, possessives and embedding words) make 15 % of
    the first words, else py3langid's guess. Saves langid on most English news (measured on
    the shared corpus: 15 % keeps 345 of 423 English articles and none of 249 others)."""
    words = text[:_SAMPLE].lower().split()[:80]
    function = _function_words()
    if len(words) >= 20 and sum(w in function for w in words) >= 0.15 * len(words):
        return FALLBACK
    return detect_language(text)


@cache
def _function_words() -> frozenset[str]:
    lex = lexicon(FALLBACK)
    return lex.determiners | lex.possessives | lex.embedding
