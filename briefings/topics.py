"""Topics: tag an article with countries, places, people, organisations and subjects, weighted
by how much it is about each; resolve a reader's query ("karabagh", "armenya") to topics."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable

from rapidfuzz import fuzz, process

from briefings.gazetteer import (
    fold,
    gazetteer,
    is_common_word,
    needs_upper,
    normal_token,
    tokens,
)
from briefings.names import ORG_WORDS, capitalised_runs, person_name

MAX_TOPICS = 20
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
    for text, weight in parts:
        for topic in _gazetteer_mentions(text):
            weights[topic] += weight
    _count_people(weights, parts, persons)
    _count_organisations(weights, parts)
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TOPICS]
    return {topic: round(weight, 2) for topic, weight in ranked}


def _gazetteer_mentions(text: str) -> list[str]:
    gaz = gazetteer()
    raw = tokens(text.replace("-", " "))
    norm = [normal_token(t) for t in raw]
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
            if not entries:
                continue
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
    for text, weight in parts:
        for run in capitalised_runs(text):
            name = person_name(run.text)
            if name and _not_a_place(name):
                people.add(name)
        word_counts.append((Counter(tokens(text)), weight))
    for person in people:
        surname = person.split()[-1]
        for counts, weight in word_counts:
            hits = counts[surname] + counts[surname + "’s"] + counts[surname + "'s"]
            if hits:
                weights[fold(person)] += weight * hits


def _count_organisations(weights: defaultdict[str, float], parts: list[tuple[str, float]]) -> None:
    body_runs: Counter[str] = Counter()
    for text, weight in parts:
        runs = capitalised_runs(text)
        for run, nxt in zip(runs, [*runs[1:], None], strict=False):
            name = run.text
            if nxt is not None and _ORG_JOIN.fullmatch(text[run.end : nxt.start]):
                joined = text[run.start : nxt.end]
                if any(w.lower() in ORG_WORDS for w in nxt.text.split()):
                    name = joined
            words = name.split()
            if words and words[0].lower() in {"the", "a", "an"}:
                words = words[1:]
            if not words or person_name(" ".join(words)):
                continue
            key = fold(" ".join(words))
            if key in gazetteer().phrases or not _not_a_place(key):
                continue
            is_org = any(w.lower() in ORG_WORDS for w in words[1:]) or (
                len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 6
            )
            if is_org and len(words) <= 7:
                weights[key] += weight
            elif weight <= LEAD_WEIGHT and len(key) > 3:
                body_runs[key] += 1
    # A name the body repeats (not a sentence-start accident) is an organisation or a brand,
    # unless it is the surname of a person already counted.
    person_words = {w for topic in weights for w in topic.split()}
    for key, count in body_runs.items():
        if key in person_words:
            continue
        if count >= 3 and key not in weights and not _is_common_start(key):
            weights[key] += count * 0.5


def _not_a_place(name: str) -> bool:
    gaz = gazetteer()
    words = fold(name).split()
    return not (gaz.lookup(" ".join(words)) or (words and gaz.lookup(words[0])))


_STARTERS = frozenset(
    [
        "the",
        "but",
        "and",
        "he",
        "she",
        "it",
        "we",
        "they",
        "this",
        "that",
        "there",
        "in",
        "on",
        "at",
        "so",
        "after",
    ]
)


def _is_common_start(key: str) -> bool:
    return key.split()[0] in _STARTERS


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
            for word in set(key.split()):
                self._by_word.setdefault(word, set()).add(key)
        self._count[key] += 1
        return key

    def remove(self, topic: str) -> None:
        key = fold(topic)
        self._count[key] -= 1
        if self._count[key] <= 0:
            del self._count[key]
            self._display.pop(key, None)
            for word in set(key.split()):
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
        q_words = q.split()
        candidates = set.intersection(*(self._by_word.get(w, set()) for w in q_words))
        hits += sorted(k for k in candidates if _contains_words(k.split(), q_words))
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


def _contains_words(words: list[str], q_words: list[str]) -> bool:
    n = len(q_words)
    return any(words[i : i + n] == q_words for i in range(len(words) - n + 1))
