"""Organisations an article names: each capitalised run's own words are read once per name
(``_run_class``), then its surroundings ("the group X", "X (NYSE: X)") and repetitions decide."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from briefings.reading.capitals import (
    NOUN_CAPITALISING,
    institution,
    is_address,
    mid_sentence,
    names_only,
    title_names,
)
from briefings.reading.gazetteer import fold, gazetteer
from briefings.reading.lexicon import english, lexicon
from briefings.reading.names import (
    CONNECTORS,
    GROUP_NOUNS,
    NOT_NAMES,
    ORG_WORDS,
    TITLES,
    capitalised_runs,
    person_name,
)
from briefings.reading.stopwords import (
    ENGLISH_FUNCTION_WORDS,
    leads_with_function_word,
    name_words,
    trim,
)
from briefings.reading.topic_people import given_names
from briefings.reading.topic_places import folded, not_a_place
from briefings.reading.vocabulary import vocabulary

_ORG_JOIN = re.compile(r"\s+(of|for|and|&)\s+")
_ROMAN = re.compile(r"[ivxlc]{2,6}")  # folded "II", "XIV": numbers, not organisations


def count_organisations(
    weights: defaultdict[str, float],
    parts: list[tuple[str, float]],
    language: str,
    nouns: frozenset[str] = frozenset(),
) -> None:
    whole = "\n".join(text for text, _ in parts)
    body_runs: Counter[str] = Counter()
    # In languages that capitalise only names, a capitalised word inside a sentence is one.
    named_mid_sentence: set[str] = set()
    title, title_weight = parts[0] if parts else ("", 0.0)
    only_names = names_only(language)
    for text, weight in parts[1:]:
        runs = capitalised_runs(text)
        hints = _org_hints(text)
        skip_next = False
        consumed = 0  # the end of an institution's name that ran over later runs
        for run, nxt in zip(runs, [*runs[1:], None], strict=False):
            if skip_next or run.start < consumed:
                skip_next = False
                continue
            if only_names:
                if is_address(text, run.start, language):
                    continue
                words = trim(run.text.split(), language)  # "Al Consorzio" -> "Consorzio"
                full = institution(text, words, run.end, language)
                if full:
                    consumed = run.end + len(full) - len(" ".join(words))
                    weights[fold(full)] += weight
                    continue
            name = run.text
            named_as_org = _org_context(text, run.start, run.end, hints)
            if nxt is not None and _ORG_JOIN.fullmatch(text[run.end : nxt.start]):
                joined = text[run.start : nxt.end]
                # "Department of Homeland Security", "Customs and Border Protection"
                # ("Washington and Oregon" are two places; "University of York" is one body)
                places = not not_a_place(run.text) or not not_a_place(nxt.text)
                org_led = _has_org_word(run.text.split())
                joined_org = _org_context(text, run.start, nxt.end, hints)
                if joined_org or (
                    (org_led or not places)
                    and (_has_org_word(joined.split()) or whole.count(joined) >= 2)
                ):
                    name, skip_next, named_as_org = joined, True, joined_org
            # What the run's words say, without its context, is settled once per name.
            seen = _run_class(name, language, nouns)
            key = seen.key
            if (named_as_org or seen.role_org) and seen.named_org:
                # "the journal JAMA Psychiatry", "Lowe's (LOW)", "Jefferies analyst Jo Smith";
                # a gazetteer name ("WASHINGTON (AP)") is already counted as what it is
                if not seen.listed:
                    weights[key] += weight
                continue
            if seen.titled and any(seen.titled in t.split() for t in weights if " " in t):
                continue  # "Ambassador Sondland": a person, counted with people
            kind = seen.kind
            if kind is _SKIP:
                continue
            if kind is _ACRONYM:
                if whole.count(seen.first) < 2:
                    continue  # an acronym mentioned once
                weights[key] += weight
            elif kind is _ORG:
                weights[key] += weight
            elif kind is _TEAM:
                body_runs[key] += 2  # "Buffalo Sabres", "Minnesota Wild": a team or a local body
            else:
                body_runs[key] += 1  # (a subject's word, "Covid-19", is counted as the subject)
                if only_names and mid_sentence(text, run.start):
                    named_mid_sentence.add(key)
    # A name the article repeats (not a sentence-start accident) is an organisation or a
    # brand, unless it is the surname of a person already counted.
    person_words = {w for topic in weights for w in topic.split()}
    for key, count in body_runs.items():
        if key in person_words or key in weights or _is_common_start(key, language):
            continue
        if count >= 3 or (count >= 2 and " " in key) or key in named_mid_sentence:
            weights[key] += count * 0.5
    # A sentence-case headline names what it is about: "Elettrauto di Savignano".
    for name in title_names(title, language):
        key = fold(name)
        known = key in weights or any(key in topic.split() for topic in weights)
        listed = bool(gazetteer().phrases.get(key) or vocabulary().lookup(key))
        numeral = bool(_ROMAN.fullmatch(key))  # "caso golpe II"
        if key and not known and not listed and not numeral and not _is_common_start(key, language):
            weights[key] += title_weight
    # The headline adds weight to names the body established.
    folded_title = folded(title)
    for key in list(weights):
        if key in folded_title:
            weights[key] += title_weight


# What a name run's own words make it, once its context has said nothing (see _run_class).
_SKIP, _ORG, _ACRONYM, _TEAM, _BODY = "skip", "org", "acronym", "team", "body"


@dataclass(frozen=True, slots=True)
class _RunClass:
    """What a run's words say about it, whatever its context: its folded key, whether a
    context naming a body makes it one (``named_org``), whether the gazetteer lists it, the
    surname of a titled person ("Ambassador Sondland"), and what it is otherwise (``kind``)."""

    key: str
    named_org: bool
    listed: bool
    role_org: bool  # "Deutschland-Chef von Flixbus": what a role heads is an organisation
    titled: str
    kind: str
    first: str  # (an acronym counts when the article repeats it)


@lru_cache(maxsize=8192)  # (pure; names recur across articles)
def _run_class(name: str, language: str, nouns: frozenset[str]) -> _RunClass:
    words = name.replace("’s", "").replace("'s", "").split()
    if words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    words = trim(words, language)  # "Em Curitiba", "Die Drusen": a sentence start
    role_org = False
    if language in NOUN_CAPITALISING:
        cut = _without_noun_head(words, nouns)  # "Gebäudes der Humboldt-Universität"
        # "Deutschland-Chef von Flixbus": what a role heads is an organisation
        role_of = len(cut) < len(words) - 1 and _is_role(words[0])
        role_org = role_of and cut[0] not in given_names(language)
        words = cut
    key = fold(" ".join(words))
    listed = bool(gazetteer().phrases.get(key))
    named_org = bool(key) and not _is_common_start(key, language)
    titled = ""
    if len(words) == 2 and words[0].lower().rstrip(".") in TITLES:
        titled = words[1].lower()
    return _RunClass(
        key,
        named_org,
        listed,
        role_org,
        titled,
        _kind(words, key, listed, language),
        words[0] if words else "",
    )


def _kind(words: list[str], key: str, listed: bool, language: str) -> str:
    """What a run is when no context names it a body."""
    joined_name = len(words) > 2 and any(w in ("of", "for", "and", "&") for w in words)
    if not words:
        return _SKIP
    as_person = person_name(" ".join(words))
    if not joined_name and not _has_org_word(words) and as_person and not_a_place(as_person):
        return _SKIP  # a person, counted with people ("Europa Clipper" is not)
    if not key or listed:
        return _SKIP
    if _is_common_start(key, language):
        return _SKIP
    acronym = len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 6
    if acronym and (key in _COMMON_ACRONYMS or _ROMAN.fullmatch(key)):
        return _SKIP  # "CEO", "ASAP", or "II" ("caso Golpe II")
    place_led = len(words) >= 2 and not not_a_place(words[0]) and not_a_place(" ".join(words[1:]))
    if ((len(words) >= 2 and _has_org_word(words)) or acronym) and len(words) <= 7:
        return _ACRONYM if acronym else _ORG
    if place_led and len(words) <= 3 and not _has_title(words[1:]):
        return _TEAM
    if len(key) > 3 and not_a_place(key) and not vocabulary().lookup(key):
        return _BODY
    return _SKIP


# What the words around a name say about it: "the journal X", "the group X", "X (LOW)" or
# "X (NYSE: LOW)", "X, D4CC," and "X analyst Jane Doe" name organisations.
_ORG_BEFORE = re.compile(rf"\b(?:{GROUP_NOUNS})\s+$", re.IGNORECASE)
_ORG_AFTER = re.compile(
    r"\s*\((?:(?:NYSE|NASDAQ|Nasdaq|LSE|TSX|AMEX)\s*:\s*)?[A-Z]{1,5}\)"
    r"|,\s*[A-Z][A-Z0-9]{1,5},"
    r"|\s+\([A-Z][A-Z0-9]{1,5}\)"
    r"|\s+(?:analysts?|economists?|strategists?|spokes(?:person|man|woman))\s+[A-Z]"
)


_GROUP_WORDS = tuple(english().group_nouns)
_LONGEST_GROUP_WORD = max(map(len, _GROUP_WORDS), default=0)


_AFTER_WORDS = ("(", "analyst", "economist", "strategist", "spokes")


def _org_hints(text: str) -> tuple[bool, bool]:
    """Whether the text holds what ``_org_before`` and ``_ORG_AFTER`` need anywhere (a group
    noun; a bracket or the word of an analyst): most texts hold neither, and their runs are
    then settled without a look at their surroundings."""
    before = not text.isascii() or any(map(text.lower().__contains__, _GROUP_WORDS))
    return before, any(map(text.__contains__, _AFTER_WORDS))


def _org_context(text: str, start: int, end: int, hints: tuple[bool, bool] = (True, True)) -> bool:
    if hints[0] and _org_before(text, start):
        return True
    # (without a bracket or an analyst's word, only "X, D4CC," can follow: a comma first)
    return (hints[1] or text.startswith(",", end)) and bool(_ORG_AFTER.match(text, end))


def _org_before(text: str, start: int) -> bool:
    head = text[max(0, start - 30) : start]
    tail = head.rstrip()
    # The pattern, tried at every position of the window, can only match where a group noun
    # and white space end it: a plain (ASCII) tail ending in none is settled without it.
    if len(tail) == len(head):
        return False
    end = tail[-_LONGEST_GROUP_WORD:]
    if end.isascii() and not end.lower().endswith(_GROUP_WORDS):
        return False
    return bool(_ORG_BEFORE.search(text, max(0, start - 30), start))


def _without_noun_head(words: list[str], nouns: frozenset[str]) -> list[str]:
    """A German run opening on a common noun or a role and its genitive or "von" object
    ("Gebäudes der Berliner Humboldt-Universität", "Deutschland-Chef von Flixbus"): the
    organisation after it. A role before a name is no part of it ("Bundesverkehrsminister
    Andreas Scheuer")."""
    if len(words) < 2:
        return words
    role = _is_role(words[0])
    if len(words) >= 3 and words[1].lower() in CONNECTORS:
        rest = words[2:]
        if role or (not _german_org_word(words[:1]) and _german_org_word(rest)):
            return rest
    return words[1:] if role else words


def _is_role(word: str) -> bool:
    return fold(word).endswith(tuple(name_words("role_endings", "de")))


def _german_org_word(words: list[str]) -> bool:
    """Whether a German name holds an organisation word, as a word or as the head of a
    compound ("Humboldt-Universität", "Bundesamt")."""
    heads = _german_org_heads()
    return any(fold(w).rpartition("-")[2].endswith(heads) for w in words)


@cache
def _german_org_heads() -> tuple[str, ...]:
    return tuple(sorted({fold(w) for w in lexicon("de").org_words if len(w) >= 4}))


def _has_org_word(words: list[str]) -> bool:
    # Asked several times per run, and runs recur across articles: the words joined (they
    # hold no space, being split) are the key of a memo.
    return _org_word_in(" ".join(words))


@lru_cache(maxsize=8192)
def _org_word_in(name: str) -> bool:
    return any(w.lower().strip(",.") in ORG_WORDS for w in name.split())


def _has_title(words: list[str]) -> bool:
    return any(w.lower().rstrip(".") in TITLES for w in words)


_STARTERS = frozenset("""the but and he she it we they this that there in on at so after""".split())


_COMMON_ACRONYMS = frozenset(
    "ceo cfo coo cto asap aaa tv pm am ok et pt gmt utc faq pdf ar vr ai".split()
)


@lru_cache(maxsize=8192)  # (pure; asked for every run, and runs recur)
def _is_common_start(key: str, language: str = "") -> bool:
    """A capitalised run that is a sentence start, a weekday or a contraction, not a name."""
    first = key.split()[0]
    return (
        first in _STARTERS
        or first in ENGLISH_FUNCTION_WORDS
        or first in NOT_NAMES
        or first in _capitalised_not_names(language)
        or leads_with_function_word(key.split(), language)
        or "'" in key
    )


@cache
def _capitalised_not_names(language: str) -> frozenset[str]:
    """The language file's words that are never names, where the language capitalises them
    like names: German days, months and sentence openers ("Sonntag", "Mai", "Danach")."""
    if language not in NOUN_CAPITALISING:
        return frozenset()
    return frozenset(fold(w) for w in lexicon(language).not_names)
