"""Function words per language, from the maintained stopwords-iso lists (the ``stopwordsiso``
package), minus the few entries that also start names (``briefings/data/stopwords.toml``)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from briefings.reading.gazetteer import fold
from briefings.reading.names import CONNECTORS

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
    # Some lists hold digits and numerals ("3"): a number ends names ("Paris 8", "Apollo 11").
    return frozenset(w for w in words if w and " " not in w and not w.isdigit())


# Particles meaning "of": a word they follow is a name's own ("Hora da Estrela").
OF_PARTICLES = frozenset("de da do das dos del della delle degli dei di du des von van zu".split())


def leads_with_function_word(
    words: list[str], language: str, stops: frozenset[str] | None = None
) -> bool:
    """Whether a run opens on a function word ("Em Curitiba", "En el Gobierno"), not on a
    word that an "of" particle follows ("Hora da Estrela", whose "hora" the lists hold)."""
    stops = stop_words(language) if stops is None else stops
    # (English has no list here: its runs are not folded for nothing.)
    if not words or not stops or fold(words[0]) not in stops:
        return False
    return not (len(words) > 1 and words[1].lower() in OF_PARTICLES)


@cache
def _trimmable(language: str) -> frozenset[str]:
    """Function words, and the one-word "according to" of the language ("Laut Scheuer",
    "Según Áñez": a sentence opening on it is no name)."""
    from briefings.reading.lexicon import lexicon

    according = {fold(w) for w in lexicon(language).according if " " not in w}
    return (stop_words(language) | according) - _keep().get(language, frozenset())


@cache
def name_words(section: str, language: str) -> frozenset[str]:
    """Folded words of ``data/name_words.toml`` (``org_heads``, ``streets``) for a language."""
    return frozenset(fold(w) for w in _name_words_data()[section].get(language, []))


@cache
def _name_words_data() -> dict[str, Any]:
    # Read once: each new section and language (every code py3langid may return) re-parsed
    # the whole file on its first article.
    return tomllib.loads(
        resources.files("briefings").joinpath("data/name_words.toml").read_text("utf-8")
    )


@cache
def any_stop_words() -> frozenset[str]:
    """Function words of every language we read: for texts whose language is not known."""
    return frozenset().union(*(stop_words(lang) for lang in LANGUAGES))


def trim(words: list[str], language: str) -> list[str]:
    """A capitalised run without a function word at its ends: "Em Curitiba" -> "Curitiba",
    "Die Drusen" -> "Drusen" (a sentence-initial word is capitalised like a name)."""
    stops = _trimmable(language)
    if not stops:
        return words
    # One word at each end: "A Hora da Estrela" keeps "Hora", which the lists also hold.
    start, end = 0, len(words)
    if start < end and leads_with_function_word(words, language, stops):
        start += 1
    if end > start and fold(words[end - 1]) in stops:
        end -= 1
        if end > start and words[end - 1].lower() in CONNECTORS:
            end += 1  # "Frente de Todos" ends in a name's own word
    return words[start:end]


@cache
def month_names(language: str) -> frozenset[str]:
    """Folded month names of a language, from the Unicode CLDR (Babel): "Mitte Dezember" is a
    date, not a person."""
    if language not in LANGUAGES:
        return frozenset()
    from babel.dates import get_month_names

    return frozenset(fold(m) for m in get_month_names("wide", locale=language).values())


# English words that open a sentence, not a name ("Last year", "Some analysts").
ENGLISH_FUNCTION_WORDS = frozenset(
    """a an the and or but of to in on at by for with from as is are was were be been has have
    had it its this that these those he she they we i you his her their our said says say told
    will would could should may might can also not no more most some any all about into over
    after before than then there here which who what when where how new last first one two
    year years week day days time people percent just like going see get make want think know
    take come look thing things lot way well back really still even much many very""".split()
)
