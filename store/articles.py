"""Articles: deduplicated on add, indexed in memory by time, topic, URL, GUID and SimHash band,
so ``latest`` and ``topic`` never scan the table."""

from __future__ import annotations

import bisect
import logging
import math
import sys
import threading
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from briefings.dedup import bands, canonical_url, near_duplicate
from briefings.model import Article
from briefings.reading.gazetteer import fold
from briefings.reading.topics import TopicIndex
from briefings.reading.vocabulary import is_listable
from briefings.repository import AddOutcome
from store.bodies import REF
from store.database import Database, DatabaseError, Delete, Put

TABLE = "articles"
log = logging.getLogger(__name__)
# What the indexes, ranking and duplicate checks read stays in memory; the rest of an article
# (title, summary, quotes, ...) is its body, on disk and read when an article is shown.
INDEX_FIELDS = ("published", "topics", "canonical_url", "guid", "fingerprint", "also_from")
CANDIDATES_PER_TOPIC = 300  # the freshest articles of a topic considered for ranking
HALF_LIFE_DAYS = 3.0  # freshness halves every three days
_LN2 = math.log(2)
_TINY = 1e-9  # a relevance of 0 still ranks, below every relevant article of the same age


def _evidence(doc: dict[str, Any]) -> str:
    """The stored text of an article: where its topics are written."""
    quotes = [q.get("text", "") for q in doc.get("quotes", []) if isinstance(q, dict)]
    return "\n".join([doc.get("title", ""), doc.get("dek", ""), doc.get("summary", ""), *quotes])


def _ts(value: str | None) -> float:
    if not value:
        return 0.0
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


class ArticleStore:
    """The article table of a :class:`Database` plus its in-memory indexes."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._lock = threading.RLock()
        self._by_time: list[tuple[float, int]] = []
        self._by_topic: dict[str, list[tuple[float, int, float]]] = {}  # (time, id, weight)
        self._by_url: dict[str, int] = {}
        # GUIDs are only unique within their feed: keyed by (feed URL, GUID).
        self._by_guid: dict[tuple[str, str], int] = {}
        self._by_band: dict[int, list[int]] = {}
        self._fingerprints: dict[int, int] = {}
        self._topics = TopicIndex()
        self._names: dict[str, tuple[str, str]] = {}  # topic -> (its one copy, folded key)
        self._listed: dict[str, bool] = {}  # topic key -> shown by topic_counts
        for doc_id, doc in db.documents(TABLE):
            self._index(doc_id, doc)
        self._by_time.sort()
        for entries in self._by_topic.values():
            entries.sort()
        if db.path and not db.readonly:
            self._move_texts_to_disk()

    def _move_texts_to_disk(self) -> None:
        """A database from before body files: its article texts move to the body file, a
        thousand per commit, once. A failure leaves the rest in memory, still readable."""
        old = [i for i, doc in self.db.documents(TABLE) if REF not in doc and "title" in doc]
        try:
            for start in range(0, len(old), 1000):
                ops = []
                for doc_id in old[start : start + 1000]:
                    record = dict(self.db.raw(TABLE, doc_id) or {})
                    ops.append(Put(TABLE, doc_id, _split(record), record))
                self.db.commit(ops)
        except DatabaseError as exc:
            log.warning("article texts stay in memory for now: %s", exc)

    # -- writes ------------------------------------------------------------------------------
    def add_many(self, articles: Sequence[Article]) -> list[AddOutcome]:
        """Store new articles, fold duplicates into the article kept; one commit for all."""
        with self._lock:
            outcomes: list[AddOutcome] = []
            # id -> (the in-memory document, its body when new)
            pending: dict[int, tuple[dict[str, Any], dict[str, Any] | None]] = {}
            for article in articles:
                found = self._find_duplicate(article)
                if found:
                    kept_id, reason = found
                    kept, body = pending.get(kept_id) or (
                        dict(self.db.raw(TABLE, kept_id) or {}),
                        None,
                    )
                    source = article.source or article.feed_url or article.url
                    also = list(kept.get("also_from", []))
                    # The source is in the body (duplicates are rare enough to read it).
                    kept_source = kept.get("source") or (body or self.db.body(kept)).get("source")
                    if source and source != kept_source and source not in also:
                        kept["also_from"] = [*also, source]
                        pending[kept_id] = (kept, body)
                    outcomes.append(AddOutcome("duplicate", kept_id, reason))
                    continue
                doc_id = self.db.next_id(TABLE)
                record = article.to_record()
                record["canonical_url"] = record["canonical_url"] or canonical_url(article.url)
                index = _split(record)
                pending[doc_id] = (index, record)
                self._index(doc_id, index, keep_sorted=True)
                outcomes.append(AddOutcome("added", doc_id))
            ops = [Put(TABLE, doc_id, doc, body) for doc_id, (doc, body) in pending.items()]
            try:
                self.db.commit(ops)
            except Exception:
                for op in ops:
                    if not self.db.raw(TABLE, op.doc_id):
                        self._unindex(op.doc_id, op.doc)
                raise
            return outcomes

    def prune(self, older_than_days: float, now: datetime | None = None) -> int:
        """Delete articles older than the retention period; returns how many."""
        cutoff = ((now or datetime.now(UTC)) - timedelta(days=older_than_days)).timestamp()
        with self._lock:
            old = self._by_time[: bisect.bisect_left(self._by_time, (cutoff, -1))]
            docs = [(doc_id, self.db.raw(TABLE, doc_id) or {}) for _, doc_id in old]
            self.db.commit([Delete(TABLE, doc_id) for doc_id, _ in docs])
            for doc_id, doc in docs:
                self._unindex(doc_id, doc)
            return len(docs)

    # -- reads -------------------------------------------------------------------------------
    def get(self, article_id: int) -> Article | None:
        doc = self.db.raw(TABLE, article_id)
        if not doc:
            return None
        return Article.from_record({**doc, **self.db.body(doc)}, id=article_id)

    def count(self) -> int:
        return len(self._by_time)

    def latest(self, n: int, offset: int = 0) -> list[Article]:
        with self._lock:
            end = len(self._by_time) - offset
            chosen = self._by_time[max(0, end - n) : max(0, end)]
        return [a for _, doc_id in reversed(chosen) if (a := self.get(doc_id))]

    def ids_since(self, since: float) -> list[int]:
        """Ids of articles newer than a timestamp, newest first."""
        with self._lock:
            start = bisect.bisect_right(self._by_time, (since, 1 << 62))
            return [doc_id for _, doc_id in reversed(self._by_time[start:])]

    def by_topics(
        self, topics: Sequence[str], n: int, offset: int = 0, since: float = 0.0
    ) -> list[Article]:
        """Articles on any of the topics, ranked by how much they are about it and freshness."""
        ranked = self.rank_topics(topics, since=since, limit=n + offset)
        return [a for doc_id in ranked[offset : offset + n] if (a := self.get(doc_id))]

    def rank_topics(
        self, topics: Sequence[str], since: float = 0.0, limit: int = 50, now: float | None = None
    ) -> list[int]:
        """Ids ranked by relevance x freshness (half-life three days) among recent candidates.

        Scores are compared as logarithms: ``0.5 ** (age / 3)`` underflows to 0.0 after about
        nine years, which would drop an old article instead of ranking it last."""
        now = now if now is not None else datetime.now(UTC).timestamp()
        scores: dict[int, float] = {}
        with self._lock:
            for topic in topics:
                key = fold(topic)
                entries = self._by_topic.get(key, [])
                start = max(
                    bisect.bisect_right(entries, (since, 1 << 62)),
                    len(entries) - CANDIDATES_PER_TOPIC,
                )
                for when, doc_id, relevance in entries[start:]:
                    age_days = max(0.0, (now - when) / 86400)
                    # log(log1p(relevance) * 0.5 ** (age / 3)), finite for any age
                    score = math.log(max(math.log1p(max(relevance, 0.0)), _TINY))
                    score -= age_days / HALF_LIFE_DAYS * _LN2
                    if score > scores.get(doc_id, -math.inf):
                        scores[doc_id] = score
        return sorted(scores, key=lambda i: (-scores[i], -i))[:limit]

    def resolve_topic(self, query: str) -> list[str]:
        with self._lock:
            return self._topics.resolve(query)

    def suggest_topics(self, query: str) -> list[str]:
        with self._lock:
            return self._topics.suggest(query)

    def topic_counts(self, since: datetime | None = None) -> dict[str, int]:
        """Topic -> number of articles (newer than ``since``), most active first."""
        cutoff = since.timestamp() if since else 0.0
        with self._lock:
            counts = {
                self._topics.display(key): len(entries)
                - bisect.bisect_right(entries, (cutoff, 1 << 62))
                for key, entries in self._by_topic.items()
                if self._listable(key, entries)
            }
        return dict(
            sorted(((k, v) for k, v in counts.items() if v), key=lambda kv: (-kv[1], kv[0]))
        )

    def _listable(self, key: str, entries: list[tuple[float, int, float]]) -> bool:
        """Only names and subjects are listed: older articles may carry free phrases. Judged
        once per topic, on the newest article that carries it."""
        known = self._listed.get(key)
        if known is None:
            newest = self.db.raw(TABLE, entries[-1][1]) if entries else None
            record = {**newest, **self.db.body(newest)} if newest else {}
            known = self._listed[key] = is_listable(key, _evidence(record))
        return known

    # -- indexes -----------------------------------------------------------------------------
    def _when(self, doc: dict[str, Any]) -> float:
        return _ts(doc.get("published")) or _ts(doc.get("ingested"))

    def _index(self, doc_id: int, doc: dict[str, Any], keep_sorted: bool = False) -> None:
        """Index one document; the bulk load at open appends and sorts once at the end.
        (Locals instead of attributes: this runs 50,000 times when a large database opens.)"""
        get = doc.get
        when = _ts(get("published")) or _ts(get("ingested"))
        insert = bisect.insort if keep_sorted else list.append
        insert(self._by_time, (when, doc_id))
        topics = get("topics") or []
        weights = get("tw")
        if not isinstance(weights, list) or len(weights) != len(topics):  # an older document
            old = get("topic_weights") or {}
            weights = [old.get(t, 1.0) for t in topics]
        names, by_topic = self._names, self._by_topic
        interned = []
        for topic, weight in zip(topics, weights, strict=True):
            known = names.get(topic)
            if known is None:
                known = names[topic] = (sys.intern(topic), fold(topic))
            name, key = known
            interned.append(name)
            entries = by_topic.get(key)
            if entries is None:  # the topic index counts topics, not their articles
                self._topics.add(name)
                entries = by_topic[key] = []
            insert(entries, (when, doc_id, weight))
        # One copy of each topic name for all articles, not one per article.
        doc["topics"] = interned
        url = get("canonical_url")
        if url:
            self._by_url[url] = doc_id
        guid = get("guid")
        if guid:
            self._by_guid[_guid_key(get("feed_url"), guid)] = doc_id
        fingerprint = int(get("fingerprint") or 0)
        if fingerprint:
            self._fingerprints[doc_id] = fingerprint
            by_band = self._by_band
            for band in bands(fingerprint):
                ids = by_band.get(band)
                if ids is None:
                    by_band[band] = [doc_id]
                else:
                    ids.append(doc_id)

    def _unindex(self, doc_id: int, doc: dict[str, Any]) -> None:
        when = self._when(doc)
        _remove(self._by_time, (when, doc_id))
        for topic in doc.get("topics", []):
            entries = self._by_topic.get(fold(topic), [])
            _remove(entries, (when, doc_id))
            if not entries and self._by_topic.pop(fold(topic), None) is not None:
                self._topics.remove(topic)
        if self._by_url.get(doc.get("canonical_url", "")) == doc_id:
            del self._by_url[doc["canonical_url"]]
        guid_key = _guid_key(doc.get("feed_url"), doc.get("guid"))
        if self._by_guid.get(guid_key) == doc_id:
            del self._by_guid[guid_key]
        fingerprint = self._fingerprints.pop(doc_id, 0)
        for band in bands(fingerprint) if fingerprint else []:
            ids = self._by_band.get(band, [])
            if doc_id in ids:
                ids.remove(doc_id)

    def _find_duplicate(self, article: Article) -> tuple[int, str] | None:
        url = article.canonical_url or canonical_url(article.url)
        if url and url in self._by_url:
            return self._by_url[url], "same URL"
        guid_key = _guid_key(article.feed_url, article.guid)
        if article.guid and guid_key in self._by_guid:
            return self._by_guid[guid_key], "same GUID"
        if article.fingerprint:
            for band in bands(article.fingerprint):
                for doc_id in self._by_band.get(band, []):
                    if near_duplicate(article.fingerprint, self._fingerprints.get(doc_id, 0)):
                        return doc_id, "same text"
        return None


def _guid_key(feed_url: str | None, guid: str | None) -> tuple[str, str]:
    """Two feeds may both number their stories 1, 2, 3: a GUID counts within its feed only.
    Articles stored without a feed URL (feed files) share the feed "" among themselves."""
    return (feed_url or "", guid or "")


def _split(record: dict[str, Any]) -> dict[str, Any]:
    """Take the in-memory index fields out of a full record; what is left is its body."""
    index = {key: record.pop(key) for key in INDEX_FIELDS if key in record}
    if not index.get("also_from"):
        index.pop("also_from", None)
    if index.get("guid"):  # a GUID counts within its feed (the duplicate check needs both)
        index["feed_url"] = record.pop("feed_url", "")
    if not index.get("published"):  # then the time to sort by is the ingest time
        index["ingested"] = record.pop("ingested", None)
    # Weights in topic order: a list of floats costs a third of the dict in memory.
    weights = record.get("topic_weights") or {}
    index["tw"] = [float(weights.get(t, 1.0)) for t in index.get("topics", [])]
    return index


def _remove(entries: list[Any], item: tuple[float, int]) -> None:
    """Remove the entry for (time, id), with or without a weight after them."""
    index = bisect.bisect_left(entries, item)
    if index < len(entries) and entries[index][:2] == item:
        del entries[index]
