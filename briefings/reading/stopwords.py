"""Function words per language, from the maintained stopwords-iso lists (the ``stopwordsiso``
package), minus the few entries that also start names (``briefings/data/stopwords.toml``)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from briefings.reading.gazetteer import fold

# English keeps the project's own short lists (names.NOT_NAMES and the topic starters):
# stopwords-iso's English list holds 1,300 words, "new", "states" and "made" among them, and
# would cut "New Jersey" or "United States" short.
LANGUAGES = ("es", "de", "fr", "it", "pt")


@cache
def _keep() -> dict[str, frozenset[str]]:
    data = tomllib.loads(
        resources.files("briefings").joinpath("data/stopwords.toml").read_text("utf-8")
    )
    return {lang: frozenset(fold(w) for w in words) for lang, words in data["keep"].items()}


@cache
def stop_words(language: str) -> frozenset[str]:
    """Folded function words of a language ("" or an unlisted language: none)."""
    if language not in LANGUAGES:
        return frozenset()
    import stopwordsiso

    words = {fold(w) for w in stopwordsiso.stopwords(language)}
    return frozenset(w for w in words if w and " " not in w) - _keep().get(language, frozenset())


@cache
def any_stop_words() -> frozenset[str]:
    """Function words of every language we read: for texts whose language is not known."""
    return frozenset().union(*(stop_words(lang) for lang in LANGUAGES))


def trim(words: list[str], language: str) -> list[str]:
    """A capitalised run without the function words at its ends: "Em Curitiba" -> "Curitiba",
    "Die Drusen" -> "Drusen" (a sentence-initial word is capitalised like a name)."""
    stops = stop_words(language)
    if not stops:
        return words
    start, end = 0, len(words)
    while start < end and fold(words[start]) in stops:
        start += 1
    while end > start and fold(words[end - 1]) in stops:
        end -= 1
    return words[start:end]
