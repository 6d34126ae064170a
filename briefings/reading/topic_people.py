"""People an article is about: its full names (the quotes' speakers and the name runs),
counted by their surname's uses in each part."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache

from briefings.reading.capitals import NOUN_CAPITALISING, after_determiner, trimmed_person
from briefings.reading.gazetteer import fold, gazetteer, unhyphenated
from briefings.reading.lexicon import english, lexicon
from briefings.reading.names import CONNECTORS, TITLES, capitalised_runs, person_name
from briefings.reading.stopwords import name_words
from briefings.reading.topic_places import not_a_place


def named_person(person: str, language: str) -> bool:
    """Whether a person's name opens on a given name, where the language's capitals do not
    already say so (German capitalises "Uni" too)."""
    if language not in NOUN_CAPITALISING:
        return True
    first = person.split()[0]
    return first in given_names(language) or first.split("-")[0] in given_names(language)


@cache
def given_names(language: str) -> frozenset[str]:
    found: set[str] = set()
    for lex in (lexicon(language), english()):
        found |= lex.masculine_given | lex.feminine_given
    return frozenset(found | {name.capitalize() for name in found})


@lru_cache(maxsize=512)
def _word_counts(text: str) -> Counter[str]:
    # A hyphen ends a token either way, so the unhyphenated tokens are the text's own tokens:
    # the text is not tokenised a second time.
    return Counter(unhyphenated(text)[0])


def count_people(
    weights: defaultdict[str, float],
    parts: list[tuple[str, float]],
    persons: Iterable[str],
    language: str,
    nouns: frozenset[str],
) -> None:
    people = {name for p in persons if (name := trimmed_person(p, language, nouns))}
    people = {p for p in people if fold(p) not in weights}
    # (only German lists determiners: elsewhere no run needs the word before it)
    determined = bool(name_words("determiners", language))
    for text, _ in parts[1:]:  # a headline's capitals say nothing: it only adds weight
        for run in capitalised_runs(text):
            if determined and after_determiner(text, run.start, language):
                continue  # "die Situation von Sweidah": a noun phrase
            name = person_name(run.text)
            if (
                name
                and not_a_place(name)
                and (name := trimmed_person(name, language, nouns))
                and not gazetteer().phrases.get(fold(name))  # "Comisión Europea": the EU's
            ):
                people.add(name)
    people = _fullest_names(people, language)
    given = given_names(language) if people else frozenset()
    for person in people:
        surname = person.split()[-1].split("-")[-1]  # tokens split "al-Scharaa", "Meinl-Reisinger"
        for text, weight in parts:
            # A token is a piece of its text: a part without the surname has no hit, and its
            # words are not counted (most parts of an article hold no given surname).
            if surname not in text:
                continue
            get = _word_counts(text).get  # (a Counter's missing key costs a call; get not)
            hits = get(surname, 0) + get(surname + "’s", 0) + get(surname + "'s", 0)
            # A token keeps a full stop: a name the part gives only at a sentence's end ("… his
            # successor Manuel Merino.") is counted there, when it opens on a given name.
            if not hits and person.split()[0] in given:
                hits = get(surname + ".", 0)
            if hits:
                weights[fold(person)] += weight * hits


def _fullest_names(people: set[str], language: str) -> set[str]:
    """People without the shorter forms of another's name: "Von der Leyen" cut to "der Leyen"
    at a sentence start, or "Mme Binet", are "Ursula von der Leyen" and "Sophie Binet"."""
    if len(people) < 2:
        return people
    folded = {fold(p): p for p in people}
    # (only a tail opening on a particle: "Twitter Gary Lineker" is no fuller "Gary Lineker")
    tails = {
        " ".join(words[i:])
        for key in folded
        if len(words := key.split()) > 2
        for i in range(1, len(words) - 1)
        if words[i] in CONNECTORS
    }
    surnames: defaultdict[str, set[str]] = defaultdict(set)
    for key in folded:
        if len(key.split()) >= 2:
            surnames[key.split()[-1]].add(key)
    kept = set()
    for key, person in folded.items():
        words = key.split()
        if key in tails:
            continue  # "der leyen" of "ursula von der leyen"
        titled = _is_titled(key, language)
        if titled and any(not _is_titled(other, language) for other in surnames[words[-1]]):
            continue  # "mme binet" beside "sophie binet"
        kept.add(person)
    return kept


def _is_titled(key: str, language: str) -> bool:
    """Whether a folded two-word name is an honorific and a surname ("mme binet", "sr. perez"):
    honorifics are short words ("asuntos exteriores" is no title and a name)."""
    words = key.split()
    title = words[0].rstrip(".")
    if len(words) != 2 or len(title) > 4:
        return False
    return title in TITLES or lexicon(language or "en").is_title(title)
