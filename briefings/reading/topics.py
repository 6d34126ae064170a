"""Topics: tag an article with countries, places, people, organisations and subjects, weighted
by how much it is about each; resolve a reader's query ("karabagh", "armenya") to topics."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from functools import lru_cache
from itertools import compress

from rapidfuzz import fuzz, process

from briefings.reading.gazetteer import (
    fold,
    gazetteer,
    homograph_evidence,
    is_common_word,
    needs_upper,
    normal_token,
    place_after_connector,
    tokens,
    without_article,
)
from briefings.reading.names import (
    GROUP_NOUNS,
    NOT_NAMES,
    ORG_WORDS,
    TITLES,
    capitalised_runs,
    person_name,
    persons_in,
)

MAX_TOPICS = 30
# Where a mention stands decides how much it says about the article.
TITLE_WEIGHT, DEK_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT = 3.0, 2.0, 1.5, 1.0
_ORG_JOIN = re.compile(r"\s+(of|for|and|&)\s+")


def extract_topics(
    title: str, dek: str, paragraphs: list[str], persons: Iterable[str] = ()
) -> dict[str, float]:
    """Topic -> weight (higher: more about it), at most ``MAX_TOPICS``, heaviest first."""
    weights: defaultdict[str, float] = defaultdict(float)
    parts = [(title, TITLE_WEIGHT), (dek, DEK_WEIGHT)]
    parts += [(p, LEAD_WEIGHT if i < 2 else BODY_WEIGHT) for i, p in enumerate(paragraphs)]
    names = {w for p in persons_in(*paragraphs) if _not_a_place(p) for w in p.split()}
    for text, weight in parts:
        for topic in _gazetteer_mentions(text, names):
            weights[topic] += weight
    _resolve_ambiguous(weights)
    _count_people(weights, parts, persons)
    _count_organisations(weights, parts)
    _add_subjects(weights, parts)
    for phrase, weight in _key_phrases(title, paragraphs).items():
        if phrase not in weights and not any(phrase in topic for topic in weights):
            weights[phrase] += weight
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TOPICS]
    return {topic: round(weight, 2) for topic, weight in ranked}


# Each paragraph is read by several steps: its tokens are computed once (the caches hold a few
# articles' paragraphs, not the stream's).
@lru_cache(maxsize=512)
def _unhyphenated(text: str) -> tuple[list[str], list[str]]:
    """Tokens with hyphens split ("Nagorno-Karabakh"), and their normal forms."""
    raw = tokens(text.replace("-", " "))
    return raw, [normal_token(t) for t in raw]


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
    return Counter(tokens(text))


@lru_cache(maxsize=512)
def _lower_tokens(text: str) -> list[str]:
    return tokens(text.lower())


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


def _gazetteer_mentions(text: str, person_words: Collection[str] = ()) -> list[str]:
    """Gazetteer topics mentioned; a one-word place that is part of a person's name in this
    article ("Ian Hamilton") does not count."""
    gaz = gazetteer()
    raw, norm = _unhyphenated(text)
    found: list[str] = []
    i = 0
    while i < len(norm):
        longest = gaz.longest_from(norm[i])
        for size in range(min(longest, len(norm) - i), 0, -1):
            phrase = " ".join(norm[i : i + size])
            entries = gaz.lookup(phrase)
            if not entries:
                continue
            first = raw[i]
            proper = first[:1].isupper()
            if needs_upper(phrase) and not first.replace(".", "").isupper():
                continue
            entries = [
                e for e in entries if proper or not (e.needs_capital or is_common_word(phrase))
            ]
            if size == 1 and first in person_words:
                entries = [e for e in entries if e.kind not in ("country", "place")]
            if any(e.standalone for e in entries) and phrase not in _run_names(text):
                entries = [e for e in entries if not e.standalone]
            if not homograph_evidence(phrase, raw, i):  # "la Lazio" is the club
                entries = [e for e in entries if e.kind not in ("country", "place")]
            if not entries:
                continue
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


def _count_people(
    weights: defaultdict[str, float], parts: list[tuple[str, float]], persons: Iterable[str]
) -> None:
    people = {p for p in persons if fold(p) not in weights}
    word_counts = []
    for index, (text, weight) in enumerate(parts):
        if index == 0:
            word_counts.append((_word_counts(text), weight))
            continue  # a headline's capitals say nothing: it only adds weight to body names
        for run in capitalised_runs(text):
            name = person_name(run.text)
            if name and _not_a_place(name):
                people.add(name)
        word_counts.append((_word_counts(text), weight))
    for person in people:
        surname = person.split()[-1]
        for counts, weight in word_counts:
            hits = counts[surname] + counts[surname + "’s"] + counts[surname + "'s"]
            if hits:
                weights[fold(person)] += weight * hits


def _count_organisations(weights: defaultdict[str, float], parts: list[tuple[str, float]]) -> None:
    whole = "\n".join(text for text, _ in parts)
    body_runs: Counter[str] = Counter()
    title = parts[0][0] if parts else ""
    for text, weight in parts[1:]:
        runs = capitalised_runs(text)
        skip_next = False
        for run, nxt in zip(runs, [*runs[1:], None], strict=False):
            if skip_next:
                skip_next = False
                continue
            name = run.text
            named_as_org = _org_context(text, run.start, run.end)
            if nxt is not None and _ORG_JOIN.fullmatch(text[run.end : nxt.start]):
                joined = text[run.start : nxt.end]
                # "Department of Homeland Security", "Customs and Border Protection"
                # ("Washington and Oregon" are two places; "University of York" is one body)
                places = not _not_a_place(run.text) or not _not_a_place(nxt.text)
                org_led = _has_org_word(run.text.split())
                joined_org = _org_context(text, run.start, nxt.end)
                if joined_org or (
                    (org_led or not places)
                    and (_has_org_word(joined.split()) or whole.count(joined) >= 2)
                ):
                    name, skip_next, named_as_org = joined, True, joined_org
            words = name.replace("’s", "").replace("'s", "").split()
            if words and words[0].lower() in {"the", "a", "an"}:
                words = words[1:]
            key = fold(" ".join(words))
            if named_as_org and key and not _is_common_start(key):
                # "the journal JAMA Psychiatry", "Lowe's (LOW)", "Jefferies analyst Jo Smith";
                # a gazetteer name ("WASHINGTON (AP)") is already counted as what it is
                if not gazetteer().phrases.get(key):
                    weights[key] += weight
                continue
            titled_person = (
                len(words) == 2
                and words[0].lower().rstrip(".") in TITLES
                and any(words[1].lower() in t.split() for t in weights if " " in t)
            )
            if titled_person:
                continue  # "Ambassador Sondland": a person, counted with people
            joined_name = len(words) > 2 and any(w in ("of", "for", "and", "&") for w in words)
            if not words:
                continue
            as_person = person_name(" ".join(words))
            if (
                not joined_name
                and not _has_org_word(words)
                and as_person
                and _not_a_place(as_person)
            ):
                continue  # a person, counted with people ("Europa Clipper" is not)
            key = fold(" ".join(words))
            if not key or gazetteer().phrases.get(key):
                continue
            if _is_common_start(key):
                continue
            acronym = len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 6
            if acronym and (key in _COMMON_ACRONYMS or whole.count(words[0]) < 2):
                continue  # "CEO", "ASAP", or an acronym mentioned once
            place_led = (
                len(words) >= 2 and not _not_a_place(words[0]) and _not_a_place(" ".join(words[1:]))
            )
            if ((len(words) >= 2 and _has_org_word(words)) or acronym) and len(words) <= 7:
                weights[key] += weight
            elif place_led and len(words) <= 3 and not _has_title(words[1:]):
                body_runs[key] += 2  # "Buffalo Sabres", "Minnesota Wild": a team or a local body
            elif len(key) > 3 and _not_a_place(key):
                body_runs[key] += 1
    # A name the article repeats (not a sentence-start accident) is an organisation or a
    # brand, unless it is the surname of a person already counted.
    person_words = {w for topic in weights for w in topic.split()}
    for key, count in body_runs.items():
        if key in person_words or key in weights or _is_common_start(key):
            continue
        if count >= 3 or (count >= 2 and " " in key):
            weights[key] += count * 0.5
    # The headline adds weight to names the body established.
    for key in list(weights):
        if key in fold(title):
            weights[key] += TITLE_WEIGHT


# What the words around a name say about it: "the journal X", "the group X", "X (LOW)" or
# "X (NYSE: LOW)", "X, D4CC," and "X analyst Jane Doe" name organisations.
_ORG_BEFORE = re.compile(rf"\b(?:{GROUP_NOUNS})\s+$", re.IGNORECASE)
_ORG_AFTER = re.compile(
    r"\s*\((?:(?:NYSE|NASDAQ|Nasdaq|LSE|TSX|AMEX)\s*:\s*)?[A-Z]{1,5}\)"
    r"|,\s*[A-Z][A-Z0-9]{1,5},"
    r"|\s+\([A-Z][A-Z0-9]{1,5}\)"
    r"|\s+(?:analysts?|economists?|strategists?|spokes(?:person|man|woman))\s+[A-Z]"
)


def _org_context(text: str, start: int, end: int) -> bool:
    return bool(_ORG_BEFORE.search(text, max(0, start - 30), start)) or bool(
        _ORG_AFTER.match(text, end)
    )


PAIR_MIN_HITS = 2  # each word list of a subject pair must be used this often


def _add_subjects(weights: defaultdict[str, float], parts: list[tuple[str, float]]) -> None:
    """Subjects named by two words together ("teacher pay"), and the sector of a company the
    article is about (Home Depot -> retail)."""
    gaz = gazetteer()
    words: Counter[str] = Counter()
    for text, _ in parts:
        words.update(_unhyphenated(text)[1])
    folded = ""
    for subject, groups in gaz.pairs.items():
        if not any(words[t] for t in groups[0] if " " not in t):
            continue
        if not folded:
            folded = " " + " ".join(fold(text) for text, _ in parts) + " "
        hits = [
            sum(folded.count(f" {t} ") if " " in t else words[t] for t in group) for group in groups
        ]
        if min(hits) >= PAIR_MIN_HITS and subject not in weights:
            weights[subject] += min(min(hits) * 0.5, 3.0)
    for topic, weight in list(weights.items()):
        sector = gaz.sectors.get(topic)
        if sector:
            weights[sector] += weight * 0.5


def _has_org_word(words: list[str]) -> bool:
    return any(w.lower().strip(",.") in ORG_WORDS for w in words)


def _has_title(words: list[str]) -> bool:
    return any(w.lower().rstrip(".") in TITLES for w in words)


_PHRASE_STOP = frozenset(
    """a an the and or but of to in on at by for with from as is are was were be been has have
    had it its this that these those he she they we i you his her their our said says say told
    will would could should may might can also not no more most some any all about into over
    after before than then there here which who what when where how new last first one two
    year years week day days time people percent just like going see get make want think know
    take come look thing things lot way well back really still even much many very""".split()
)


def _key_phrases(title: str, paragraphs: list[str]) -> dict[str, float]:
    """Lower-case two- and three-word phrases the article keeps using ("teacher pay",
    "water vapor"): subjects no gazetteer lists."""
    counts: Counter[tuple[str, ...]] = Counter()
    for text in [title, *paragraphs]:
        words = _lower_tokens(text)
        # A phrase starts and ends with a content word: mark which words may.
        ok = [w.isalpha() and len(w) > 2 and w not in _PHRASE_STOP for w in words]
        last = len(words) - 1
        for i in compress(range(last), ok):
            if ok[i + 1]:
                counts[words[i], words[i + 1]] += 1
            if i + 1 < last and ok[i + 2]:
                counts[words[i], words[i + 1], words[i + 2]] += 1
    lead = " ".join([title, *paragraphs[:2]]).lower()
    body = "\n".join(paragraphs)
    found: dict[str, float] = {}
    for key, count in counts.most_common(40):
        if count < 2:
            break
        phrase = " ".join(key)
        # Written in lower case in the body: a subject, not a proper name counted elsewhere.
        if (count >= 3 or (count >= 2 and phrase in lead)) and phrase in body:
            found[phrase] = count * 0.4
    # "cannabis use" and "use disorder" are parts of "cannabis use disorder".
    kept = {
        p: w
        for p, w in found.items()
        if not any(p != q and p in q and w <= found[q] for q in found)
    }
    return dict(list(kept.items())[:6])


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


def _is_common_start(key: str) -> bool:
    """A capitalised run that is a sentence start, a weekday or a contraction, not a name."""
    first = key.split()[0]
    return first in _STARTERS or first in _PHRASE_STOP or first in NOT_NAMES or "'" in key


# --- Queries -------------------------------------------------------------------------------


class TopicIndex:
    """Known topics, indexed for queries: exact, alias, word-in-name, then small typos.

    Kept up to date incrementally by the store, so a query never folds every known topic."""

    def __init__(self, topics: Iterable[str] = ()) -> None:
        self._display: dict[str, str] = {}
        self._count: Counter[str] = Counter()
        self._by_word: dict[str, set[str]] = {}
        for topic in topics:
            self.add(topic)

    def add(self, topic: str) -> str:
        key = fold(topic)
        if key and self._count[key] == 0:
            self._display[key] = topic
            for word in set(_stems(key)):
                self._by_word.setdefault(word, set()).add(key)
        self._count[key] += 1
        return key

    def remove(self, topic: str) -> None:
        key = fold(topic)
        self._count[key] -= 1
        if self._count[key] <= 0:
            del self._count[key]
            self._display.pop(key, None)
            for word in set(_stems(key)):
                keys = self._by_word.get(word, set())
                keys.discard(key)
                if not keys:
                    self._by_word.pop(word, None)

    def display(self, key: str) -> str:
        return self._display.get(key, key)

    def __contains__(self, topic: str) -> bool:
        return fold(topic) in self._display

    def __len__(self) -> int:
        return len(self._display)

    def topics(self) -> list[str]:
        return list(self._display.values())

    def resolve(self, query: str) -> list[str]:
        """Topics (display names) a reader's query means; empty when nothing matches."""
        q = fold(query[:MAX_QUERY_CHARS])
        if not q:
            return []
        hits: list[str] = []
        if q in self._display:
            hits.append(q)
        for entry in gazetteer().lookup(q):
            key = fold(entry.topic)
            if key in self._display:
                hits.append(key)
        q_words = _stems(q)
        candidates = set.intersection(*(self._by_word.get(w, set()) for w in q_words))
        hits += sorted(k for k in candidates if _contains_words(_stems(k), q_words))
        if not hits and len(q) >= 4:
            hits = self._typos(q)
        return [self._display[k] for k in dict.fromkeys(hits)]

    def _typos(self, q: str) -> list[str]:
        cutoff = 80 if len(q) >= 6 else 85
        keys = list(self._display)
        found = [
            k
            for k, _, _ in process.extract(q, keys, scorer=fuzz.ratio, limit=3, score_cutoff=cutoff)
        ]
        if not found:
            # A typo in one word of a longer name: "karabah" -> "nagorno-karabakh".
            words = [w for w in self._by_word if len(w) >= 4]
            for word, _, _ in process.extract(
                q, words, scorer=fuzz.ratio, limit=3, score_cutoff=85
            ):
                found += sorted(self._by_word[word])
        return found

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """ "Did you mean" candidates for a query that matched nothing."""
        q = fold(query[:MAX_QUERY_CHARS])
        if not q or not self._display:
            return []
        found = process.extract(
            q, list(self._display), scorer=fuzz.WRatio, limit=limit, score_cutoff=60
        )
        return [self._display[key] for key, _, _ in found]


MAX_QUERY_CHARS = 100


def resolve_query(query: str, known: Collection[str]) -> list[str]:
    """Known topics a reader's query means (builds a throwaway index; stores keep one)."""
    return TopicIndex(known).resolve(query)


def suggest(query: str, known: Collection[str], limit: int = 3) -> list[str]:
    return TopicIndex(known).suggest(query, limit)


def _stem(word: str) -> str:
    """Singular and plural alike: "vaccines" ~ "vaccine", "protests" ~ "protest"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _stems(key: str) -> list[str]:
    return [_stem(w) for w in key.split()]


def _contains_words(words: list[str], q_words: list[str]) -> bool:
    n = len(q_words)
    return any(words[i : i + n] == q_words for i in range(len(words) - n + 1))
