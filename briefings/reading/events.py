"""Events: a kind of event named with its place ("attentat de Nice" -> attack in nice,
"Erdbeben in der Türkei" -> earthquake in turkey) or, for storms, with its own name ("tempête
Ciaran" -> storm ciaran). The kinds, their nouns per language and the words between a kind and
its place are data (``data/events.toml``)."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from briefings.reading.gazetteer import fold, gazetteer, unhyphenated
from briefings.reading.lexicon import lexicon
from briefings.reading.stopwords import stop_words

MAX_ELIDED = 4  # "l'", "dell'", "nell'": an elided article before the kind
MAX_PLACE = 4  # tokens of a place name after the kind
MAX_WEIGHT = 6.0  # an event is what an article is about, not more than its main names


@dataclass(slots=True, frozen=True)
class Kinds:
    """One language's event nouns (folded word sequences -> kind) and connectors."""

    nouns: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> (words, kind)
    connectors: frozenset[tuple[str, ...]]
    named: frozenset[str]  # kinds that take a proper name of their own ("storm")
    articles: frozenset[str]  # the language's articles, folded ("der", "la", "l")


@cache
def _data() -> dict[str, Any]:
    """``data/events.toml``, read once for every language."""
    text = resources.files("briefings").joinpath("data/events.toml").read_text("utf-8")
    return tomllib.loads(text)


@cache
def kinds(language: str) -> Kinds | None:
    data = dict(_data())
    connectors = data.pop("connectors")
    nouns: defaultdict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    named = set()
    for kind, entry in data.items():
        if entry.get("named"):
            named.add(kind)
        for noun in entry.get(language, []):
            words = tuple(fold(noun).split())
            nouns[words[0]].append((words, kind))
    if not nouns:
        return None
    for options in nouns.values():
        options.sort(key=lambda option: -len(option[0]))  # longest first
    # The language's articles may stand between the connector and the place ("in der Türkei").
    articles = frozenset(fold(w).rstrip("'’") for w in lexicon(language).determiners)
    return Kinds(
        dict(nouns),
        frozenset(tuple(fold(c).split()) for c in connectors.get(language, [])),
        frozenset(named),
        articles,
    )


def _place_at(raw: list[str], norm: list[str], i: int, towns: Collection[str]) -> tuple[str, int]:
    """The place named from token ``i`` (its topic and length), or ("", 0)."""
    if i >= len(raw) or not raw[i][:1].isupper():
        return "", 0
    phrases = gazetteer().phrases
    for size in range(min(MAX_PLACE, len(norm) - i), 0, -1):
        phrase = " ".join(norm[i : i + size])
        places = [e for e in phrases.get(phrase, ()) if e.kind in ("country", "place")]
        # "Berlin" is Germany's capital and a city: the event happened in the city
        places.sort(key=lambda e: e.kind != "place")
        if places:
            return places[0].topic, size
        if phrase in towns:
            return phrase, size
    return "", 0


def find_events(
    parts: list[tuple[str, float]], language: str, places: Collection[str] = ()
) -> dict[str, float]:
    """Event -> weight: each mention of a kind followed by a connector and a place (or by the
    name of a storm) counts with the weight of its part. ``places``: places the article was
    found to name beyond the gazetteer (its towns)."""
    found = kinds(language or "en")
    if found is None:
        return {}
    function_words = stop_words(language)
    weights: defaultdict[str, float] = defaultdict(float)
    for text, weight in parts:
        raw, norm = unhyphenated(text)  # (the tokens the other topic steps read)
        if found.nouns.keys().isdisjoint(norm) and "'" not in text and "’" not in text:
            continue  # (most texts name no kind: settled in C, before any token is visited)
        # Most tokens start no kind's noun: only those that may (or may after an elided
        # article) are visited, in order.
        nouns = found.nouns
        for i in [i for i, word in enumerate(norm) if word in nouns or "'" in word]:
            word = norm[i]
            head, mark, tail = word.partition("'")
            if mark and tail and len(head) <= MAX_ELIDED:
                word = tail  # "l'alluvione", "dell'attentato"
            options = found.nouns.get(word)
            if not options:
                continue
            for words, kind in options:
                end = i + len(words)
                if (word, *norm[i + 1 : end]) != words:
                    continue
                event = _event_after(raw, norm, end, kind, found, places, function_words)
                if event:
                    weights[event] += weight
                break
    return {event: min(weight, MAX_WEIGHT) for event, weight in weights.items()}


def _event_after(
    raw: list[str],
    norm: list[str],
    j: int,
    kind: str,
    found: Kinds,
    towns: Collection[str],
    function_words: Collection[str],
) -> str:
    """The event a kind noun ending before token ``j`` names, or ""."""
    starts = [j]
    for connector in found.connectors:
        if tuple(norm[j : j + len(connector)]) == connector:
            starts.append(j + len(connector))
    for start in list(starts):
        if start < len(norm) and norm[start] in found.articles and not raw[start][:1].isupper():
            starts.append(start + 1)
    for start in starts:
        place, _ = _place_at(raw, norm, start, towns)
        if place:
            return f"{kind} in {place}"
    if kind in found.named and j < len(raw):
        name = raw[j]
        key = norm[j]
        if (
            name[:1].isupper()
            and not name.isupper()
            and key not in function_words
            and not gazetteer().phrases.get(key)
            and len(key) > 2
        ):
            return f"{kind} {key}"  # "tempête Ciaran", "huracán Otis"
    return ""


def event_places(events: Mapping[str, float]) -> set[str]:
    """The places the events happened in ("attack in nice" -> nice)."""
    return {event.split(" in ", 1)[1] for event in events if " in " in event}
