"""Places and other gazetteer names an article mentions, found on the tokens every topic step
shares (``gazetteer.unhyphenated``: one tokenisation per text)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from functools import cache, lru_cache
from itertools import pairwise

from briefings.reading.gazetteer import (
    after_amount,
    fold,
    gazetteer,
    homograph_evidence,
    is_common_word,
    needs_upper,
    place_after_connector,
    unhyphenated,
    without_article,
)
from briefings.reading.names import NOT_NAMES, capitalised_runs
from briefings.reading.stopwords import name_words, stop_words


def folded(text: str) -> str:
    """``fold(text)`` from the tokens the topic steps already have (a paragraph or a title is
    new in each article: fold would tokenise it again)."""
    return " ".join(filter(None, unhyphenated(text)[1]))


@lru_cache(maxsize=512)
def _run_names(text: str) -> frozenset[str]:
    """The capitalised runs of a text, folded, without a sentence-start word ("Two Spokane
    agencies"): the names it gives in full."""
    names = set()
    for run in capitalised_runs(text):
        words = run.text.split()
        while len(words) > 1 and words[0].lower() in NOT_NAMES:
            words.pop(0)
        names.add(fold(" ".join(words)))
    return frozenset(names)


AMBIGUOUS = "?"


def resolve_ambiguous(weights: defaultdict[str, float]) -> None:
    """A name that is both a country and a US state goes to the state when the article is
    otherwise about the United States, else to the country."""
    us_topics = gazetteer().us_topics
    for key in [k for k in weights if k.startswith(AMBIGUOUS)]:
        weight = weights.pop(key)
        options = key[1:].split("|")
        us_context = any(t in us_topics for t in weights)
        state = next(o for o in options if o.endswith(" (us state)"))
        country = next((o for o in options if o != state), options[0])
        weights[state if us_context else country] += weight


def place_mentions(text: str, person_words: Collection[str] = (), language: str = "") -> list[str]:
    """Gazetteer topics mentioned; a one-word place that is part of a person's name in this
    article ("Ian Hamilton") does not count, a currency counts only after an amount ("1,3
    milliard de gourdes": Haiti), and a wire agency ("Europa Press") is read but not counted."""
    gaz = gazetteer()
    foreign = language not in ("", "en")
    function_words = stop_words(language)
    raw, norm = unhyphenated(text)
    # Most texts name no gazetteer phrase: two set intersections in C (its one-word phrases,
    # the first two words of its longer ones) settle that before any token is visited.
    singles, pairs = _phrase_heads()
    one = singles.intersection(norm)
    two = pairs.intersection(pairwise(norm))
    if not one and not two:
        return []
    if two:
        one |= {pair[0] for pair in two}
    found: list[str] = []
    sizes_from, phrases = _phrase_sizes(), gaz.phrases
    # Only the tokens that may start a phrase are visited, in order.
    starts = [j for j, token in enumerate(norm) if token in one]
    i = 0  # the first token not inside a phrase already found
    for start in starts:
        if start < i:
            continue
        i = start
        # Longest first, and only the lengths some phrase from this token has.
        for size in sizes_from[norm[i]]:
            if size > len(norm) - i:
                continue
            phrase = " ".join(norm[i : i + size])
            entries = phrases.get(phrase, [])
            if not entries:
                continue
            first = raw[i]
            proper = first[:1].isupper()
            if needs_upper(phrase) and not first.replace(".", "").isupper():
                continue
            entries = [
                e for e in entries if proper or not (e.needs_capital or is_common_word(phrase))
            ]
            function_word = phrase in function_words and not first.isupper()  # ("USA" stays)
            if size == 1 and (first in person_words or function_word):
                # "Ian Hamilton"; "Bensì" (Italian "but rather") is no alternate name of Benxi
                entries = [e for e in entries if e.kind not in ("country", "place")]
            if i and norm[i - 1] in name_words("streets", language):  # "via Catania": an address
                entries = [e for e in entries if e.kind not in ("country", "place")]
            if any(e.standalone for e in entries) and phrase not in _run_names(text):
                entries = [e for e in entries if not e.standalone]
            if not homograph_evidence(phrase, raw, i):  # "la Lazio" is the club
                entries = [e for e in entries if e.kind not in ("country", "place")]
            if any(e.kind == "currency" for e in entries) and not after_amount(norm, i):
                entries = [e for e in entries if e.kind != "currency"]
            if foreign and phrase in gaz.english_only:
                entries = [e for e in entries if e.topic != phrase]
            if not entries:
                continue
            if entries[0].kind == "agency":
                i += size - 1
                break
            country = [e for e in entries if e.kind == "country"]
            state = [e for e in entries if e.kind == "place" and e.topic in gaz.us_topics]
            if country and state and not state[0].topic.endswith(" (us state)"):
                # "Washington" is the US government unless it is "Washington State".
                after = norm[i + size] if i + size < len(norm) else ""
                entries = state if after == "state" else country
            us_state = [e for e in entries if e.topic.endswith(" (us state)")]
            if us_state and len(entries) > 1:
                # "Georgia": the country or the state, decided by the rest of the article.
                found.append(AMBIGUOUS + "|".join(e.topic for e in entries))
            else:
                found.extend(e.topic for e in entries)
            i += size - 1
            break
        i += 1
    return found


@cache
def _phrase_heads() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """The gazetteer's one-word phrases, and the first two words of its longer phrases: a
    token starts a phrase only if it is one of the first or begins one of the second."""
    singles: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for phrase in gazetteer().phrases:
        words = phrase.split(" ")
        if len(words) == 1:
            singles.add(phrase)
        else:
            pairs.add((words[0], words[1]))
    return frozenset(singles), frozenset(pairs)


@cache
def _phrase_sizes() -> dict[str, tuple[int, ...]]:
    """First token of a gazetteer phrase -> the lengths its phrases have, longest first."""
    sizes: defaultdict[str, set[int]] = defaultdict(set)
    for phrase in gazetteer().phrases:
        words = phrase.split()
        sizes[words[0]].add(len(words))
    return {first: tuple(sorted(lengths, reverse=True)) for first, lengths in sizes.items()}


@lru_cache(maxsize=16384)
def not_a_place(name: str) -> bool:
    gaz = gazetteer()
    words = without_article(fold(name).split())
    found = gaz.lookup(" ".join(words)) or (gaz.lookup(words[0]) if words else [])
    return not any(e.kind in ("country", "place") for e in found) and not place_after_connector(
        name
    )
