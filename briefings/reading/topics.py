"""Topics: tag an article with countries, places, people, organisations and subjects, weighted
by how much it is about each. Queries live in ``topic_index`` (re-exported here)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from briefings.reading.capitals import (
    NOUN_CAPITALISING,
    after_determiner,
    common_nouns,
    institution,
    is_address,
    mid_sentence,
    names_only,
    title_names,
    trimmed_person,
)
from briefings.reading.events import find_events
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
from briefings.reading.lexicon import english, lexicon
from briefings.reading.names import (
    CONNECTORS,
    GROUP_NOUNS,
    NOT_NAMES,
    ORG_WORDS,
    TITLES,
    capitalised_runs,
    person_name,
    persons_in,
)
from briefings.reading.stopwords import (
    ENGLISH_FUNCTION_WORDS,
    leads_with_function_word,
    name_words,
    stop_words,
    trim,
)
from briefings.reading.topic_index import TopicIndex, resolve_query, suggest
from briefings.reading.towns import TOWN_LANGUAGES, town_mentions
from briefings.reading.vocabulary import find_subjects, vocabulary

__all__ = ["TopicIndex", "extract_topics", "resolve_query", "suggest"]

MAX_TOPICS = 30
# Where a mention stands decides how much it says about the article.
TITLE_WEIGHT, DEK_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT = 3.0, 2.0, 1.5, 1.0
_ORG_JOIN = re.compile(r"\s+(of|for|and|&)\s+")
_ROMAN = re.compile(r"[ivxlc]{2,6}")  # folded "II", "XIV": numbers, not organisations


def extract_topics(
    title: str,
    dek: str,
    paragraphs: list[str],
    persons: Iterable[str] = (),
    language: str = "",
) -> dict[str, float]:
    """Topic -> weight (higher: more about it), at most ``MAX_TOPICS``, heaviest first: names
    (places, people, organisations) and subjects of the vocabulary, never a free phrase.
    ``language`` (ISO 639-1, "" when unknown) picks the function words and subject triggers."""
    weights: defaultdict[str, float] = defaultdict(float)
    parts = [(title, TITLE_WEIGHT), (dek, DEK_WEIGHT)]
    parts += [(p, LEAD_WEIGHT if i < 2 else BODY_WEIGHT) for i, p in enumerate(paragraphs)]
    nouns = common_nouns(paragraphs, language)
    people = [
        trimmed_person(p, language, nouns) for p in persons_in(*paragraphs) if _not_a_place(p)
    ]
    # A place word in a person's name is no place ("Ian Hamilton"; "Em Curitiba" is no one),
    # unless the "person" opens on no given name ("an der Uni Freiburg", in German).
    names = {w for p in people if p and _named_person(p, language) for w in p.split()}
    for text, weight in parts:
        for topic in _gazetteer_mentions(text, names, language):
            weights[topic] += weight
    _resolve_ambiguous(weights)
    towns = town_mentions(parts, language, weights, names) if language in TOWN_LANGUAGES else {}
    for town, weight in towns.items():
        weights[town] += weight
    _count_people(weights, parts, persons, language, nouns)
    _count_organisations(weights, parts, language, nouns)
    _add_subjects(weights, parts, language)
    for event, weight in find_events(parts, language, towns.keys()).items():
        weights[event] += weight
    _drop_cut_names(weights)
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TOPICS]
    return {topic: round(weight, 2) for topic, weight in ranked}


def _named_person(person: str, language: str) -> bool:
    """Whether a person's name opens on a given name, where the language's capitals do not
    already say so (German capitalises "Uni" too)."""
    if language not in NOUN_CAPITALISING:
        return True
    first = person.split()[0]
    return first in _given_names(language) or first.split("-")[0] in _given_names(language)


@cache
def _given_names(language: str) -> frozenset[str]:
    found: set[str] = set()
    for lex in (lexicon(language), english()):
        found |= lex.masculine_given | lex.feminine_given
    return frozenset(found | {name.capitalize() for name in found})


def _drop_cut_names(weights: defaultdict[str, float]) -> None:
    """A name opening on its particle ("der leyen", from "Von der Leyen" at a sentence start)
    is the tail of a fuller name the article gives ("ursula von der leyen")."""
    for key in [k for k in weights if k.split()[0] in CONNECTORS and " " in k]:
        if any(other != key and other.endswith(" " + key) for other in weights):
            del weights[key]


# Each paragraph is read by several steps (events too): its tokens are computed once.
_unhyphenated = unhyphenated


def _folded(text: str) -> str:
    """``fold(text)`` from the tokens the topic steps already have (a paragraph or a title is
    new in each article: fold would tokenise it again)."""
    return " ".join(filter(None, _unhyphenated(text)[1]))


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


@lru_cache(maxsize=512)
def _word_counts(text: str) -> Counter[str]:
    # A hyphen ends a token either way, so the unhyphenated tokens are the text's own tokens:
    # the text is not tokenised a second time.
    return Counter(_unhyphenated(text)[0])


AMBIGUOUS = "?"


def _resolve_ambiguous(weights: defaultdict[str, float]) -> None:
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


def _gazetteer_mentions(
    text: str, person_words: Collection[str] = (), language: str = ""
) -> list[str]:
    """Gazetteer topics mentioned; a one-word place that is part of a person's name in this
    article ("Ian Hamilton") does not count, a currency counts only after an amount ("1,3
    milliard de gourdes": Haiti), and a wire agency ("Europa Press") is read but not counted."""
    gaz = gazetteer()
    foreign = language not in ("", "en")
    function_words = stop_words(language)
    raw, norm = _unhyphenated(text)
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


def _count_people(
    weights: defaultdict[str, float],
    parts: list[tuple[str, float]],
    persons: Iterable[str],
    language: str,
    nouns: frozenset[str],
) -> None:
    people = {name for p in persons if (name := trimmed_person(p, language, nouns))}
    people = {p for p in people if fold(p) not in weights}
    for text, _ in parts[1:]:  # a headline's capitals say nothing: it only adds weight
        for run in capitalised_runs(text):
            if after_determiner(text, run.start, language):
                continue  # "die Situation von Sweidah": a noun phrase
            name = person_name(run.text)
            if name and _not_a_place(name) and (name := trimmed_person(name, language, nouns)):
                people.add(name)
    people = _fullest_names(people, language)
    # Words are counted only when there is someone to count (most short items name no one).
    word_counts = [(_word_counts(text), weight) for text, weight in parts] if people else []
    given = _given_names(language) if people else frozenset()
    for person in people:
        surname = person.split()[-1].split("-")[-1]  # tokens split "al-Scharaa", "Meinl-Reisinger"
        for counts, weight in word_counts:
            get = counts.get  # (a Counter's missing key costs a Python call; get does not)
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


def _count_organisations(
    weights: defaultdict[str, float],
    parts: list[tuple[str, float]],
    language: str,
    nouns: frozenset[str] = frozenset(),
) -> None:
    whole = "\n".join(text for text, _ in parts)
    body_runs: Counter[str] = Counter()
    # In languages that capitalise only names, a capitalised word inside a sentence is one.
    named_mid_sentence: set[str] = set()
    title = parts[0][0] if parts else ""
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
                places = not _not_a_place(run.text) or not _not_a_place(nxt.text)
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
            weights[key] += TITLE_WEIGHT
    # The headline adds weight to names the body established.
    folded_title = _folded(title)
    for key in list(weights):
        if key in folded_title:
            weights[key] += TITLE_WEIGHT


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
        role_org = role_of and cut[0] not in _given_names(language)
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
    if not joined_name and not _has_org_word(words) and as_person and _not_a_place(as_person):
        return _SKIP  # a person, counted with people ("Europa Clipper" is not)
    if not key or listed:
        return _SKIP
    if _is_common_start(key, language):
        return _SKIP
    acronym = len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 6
    if acronym and (key in _COMMON_ACRONYMS or _ROMAN.fullmatch(key)):
        return _SKIP  # "CEO", "ASAP", or "II" ("caso Golpe II")
    place_led = len(words) >= 2 and not _not_a_place(words[0]) and _not_a_place(" ".join(words[1:]))
    if ((len(words) >= 2 and _has_org_word(words)) or acronym) and len(words) <= 7:
        return _ACRONYM if acronym else _ORG
    if place_led and len(words) <= 3 and not _has_title(words[1:]):
        return _TEAM
    if len(key) > 3 and _not_a_place(key) and not vocabulary().lookup(key):
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


PAIR_MIN_HITS = 2  # each word list of a subject pair must be used this often


def _add_subjects(
    weights: defaultdict[str, float], parts: list[tuple[str, float]], language: str
) -> None:
    """Subjects of the vocabulary the article's language names, subjects named by two words
    together ("teacher pay", English only), and the sector of a company the article is about
    (Home Depot -> retail)."""
    words = [(_unhyphenated(text)[1], weight) for text, weight in parts]
    for subject, weight in find_subjects(words, language).items():
        if subject not in weights:
            weights[subject] += weight
    if language not in ("", "en"):
        _add_sectors(weights)
        return
    _add_pairs(weights, parts)
    _add_sectors(weights)


def _add_pairs(weights: defaultdict[str, float], parts: list[tuple[str, float]]) -> None:
    texts = [_unhyphenated(text)[1] for text, _ in parts]
    # Only the pairs whose first list the article uses are counted (most articles: none, which
    # one set of every first list settles).
    if all(map(_pair_first_words().isdisjoint, texts)):
        return
    used = [pair for pair in _pair_words() if not all(map(pair[2].isdisjoint, texts))]
    if not used:
        return
    words: Counter[str] = Counter()
    for text in texts:
        words.update(text)
    folded = ""
    for subject, groups, _ in used:
        if not folded:
            folded = " " + " ".join(map(_folded, (text for text, _ in parts))) + " "
        hits = [
            sum(folded.count(f" {t} ") if " " in t else words[t] for t in group) for group in groups
        ]
        if min(hits) >= PAIR_MIN_HITS and subject not in weights:
            weights[subject] += min(min(hits) * 0.5, 3.0)


@cache
def _pair_words() -> list[tuple[str, tuple[tuple[str, ...], tuple[str, ...]], frozenset[str]]]:
    """Each subject pair with the one-word terms of its first list, one set per pair."""
    return [
        (subject, groups, frozenset(t for t in groups[0] if " " not in t))
        for subject, groups in gazetteer().pairs.items()
    ]


@cache
def _pair_first_words() -> frozenset[str]:
    return frozenset().union(*(words for _, _, words in _pair_words()))


def _add_sectors(weights: defaultdict[str, float]) -> None:
    """A company brings its sector, a league its sport."""
    sectors, implied = gazetteer().sectors, vocabulary().implied
    if sectors.keys().isdisjoint(weights) and implied.keys().isdisjoint(weights):
        return  # (most articles name no company or league: two checks in C)
    for topic, weight in list(weights.items()):
        subject = sectors.get(topic) or implied.get(topic)
        if subject:
            weights[subject] += weight * 0.5


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


@lru_cache(maxsize=16384)
def _not_a_place(name: str) -> bool:
    gaz = gazetteer()
    words = without_article(fold(name).split())
    found = gaz.lookup(" ".join(words)) or (gaz.lookup(words[0]) if words else [])
    return not any(e.kind in ("country", "place") for e in found) and not place_after_connector(
        name
    )


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
        or leads_with_function_word(key.split(), language)
        or "'" in key
    )
