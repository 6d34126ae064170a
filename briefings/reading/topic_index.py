"""Queries: resolve a reader's query ("karabagh", "armenya", "wirtschaft") to known topics."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable

from rapidfuzz import fuzz, process

from briefings.reading.gazetteer import fold, gazetteer
from briefings.reading.vocabulary import vocabulary


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
        subject = vocabulary().lookup(q)  # a trigger in any language: "wirtschaft", "meth"
        if subject and subject in self._display:
            hits.append(subject)
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
