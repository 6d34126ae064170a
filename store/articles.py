"""Articles: deduplicated on add, indexed in memory by time, topic, URL, GUID and SimHash band,
so ``latest`` and ``topic`` never scan the table.

The open builds only what reads need (time and topic, in one pass over the articles in time
order, into typed arrays); the duplicate checks' indexes wait for the first write and the
query index of topic names for the first topic query."""

from __future__ import annotations

import logging
import math
import sys
import threading
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from briefings.dedup import canonical_url
from briefings.model import Article
from briefings.reading.gazetteer import fold
from briefings.repository import AddOutcome
from store.article_index import ArticleIndex, index_path, weights
from store.article_index import build as build_index
from store.article_index import load as load_index
from store.article_index import save as save_index
from store.article_index import when as sort_time
from store.bodies import REF
from store.database import Database, DatabaseError, Delete, Put
from store.duplicates import DuplicateIndex
from store.postings import Postings

if TYPE_CHECKING:
    # Imported when first needed: they load the topic vocabularies and fuzzy matching, which
    # a process that only opens the store and lists the latest articles never uses.
    from briefings.reading.topic_index import TopicIndex

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


class ArticleStore:
    """The article table of a :class:`Database` plus its in-memory indexes."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._lock = threading.RLock()
        self._by_time = Postings()
        self._by_topic: dict[str, Postings] = {}  # topic key -> (time, id, weight)
        self._display: dict[str, str] = {}  # topic key -> the name it was first stored under
        self._names: dict[str, tuple[str, str]] = {}  # topic -> (its one copy, folded key)
        self._listed: dict[str, bool] = {}  # topic key -> shown by topic_counts
        self._query_index: TopicIndex | None = None  # built by the first topic query
        self._duplicates: DuplicateIndex | None = None  # built by the first write
        old = self._load()
        if old and db.path and not db.readonly:
            self._move_texts_to_disk(old)

    def _load(self) -> list[int]:
        """Set up the time and topic indexes: read the saved index of the snapshot when it
        matches, else build them from the documents. Returns the documents from before body
        files."""
        db = self.db
        path = index_path(db.path) if db.path else None
        changed = db.since_snapshot.get(TABLE, {})
        index, why = load_index(path, db.snapshot_mark) if path else (None, "")
        saved = index is not None
        # Where the indexes came from: "saved", or why they were built (tests and logs).
        self.index_source = "saved" if saved else why or "no file"
        if index is None:
            if why and why != "no saved index":
                log.info("building the article index: %s", why)
            index = build_index(db.table_dict(TABLE))  # the snapshot plus the journal
        self._by_time, self._by_topic = index.by_time, index.by_topic
        self._display, self._names = index.display, index.names
        if saved:  # the saved index is the snapshot's: add what changed since
            for doc_id, before in changed.items():
                if before is not None:
                    self._unindex(doc_id, before)
                now = db.raw(TABLE, doc_id)
                if now is not None:
                    self._index(doc_id, now)
        elif path and not changed and db.snapshot_mark and not db.readonly:
            self._save_index(index, db.snapshot_mark)  # built from the snapshot alone
        if path and not db.readonly:
            db.on_rewrite(TABLE, self._rewritten)
        return index.old

    def _rewritten(self, data: dict[str, Any], snapshot: tuple[int, int]) -> None:
        """The snapshot was rewritten: save the index of what it holds, for the next open."""
        self._save_index(build_index(data.get(TABLE, {})), snapshot)

    def _save_index(self, index: ArticleIndex, snapshot: tuple[int, int]) -> None:
        assert self.db.path is not None
        try:
            save_index(index_path(self.db.path), index, snapshot)
        except OSError as exc:  # only the next open is slower
            log.warning("cannot save the article index: %s", exc.strerror)

    @property
    def _topics(self) -> TopicIndex:
        """The query index of topic names (folds and stems every name: only when asked)."""
        if self._query_index is None:
            from briefings.reading.topic_index import TopicIndex

            self._query_index = TopicIndex(self._display.values())
        return self._query_index

    def _dedup(self) -> DuplicateIndex:
        if self._duplicates is None:
            duplicates = DuplicateIndex()
            for doc_id, doc in self.db.documents(TABLE):
                duplicates.add(doc_id, doc)
            self._duplicates = duplicates
        return self._duplicates

    def _move_texts_to_disk(self, old: list[int]) -> None:
        """A database from before body files: its article texts move to the body file, a
        thousand per commit, once. A failure leaves the rest in memory, still readable."""
        old = [i for i in old if REF not in (doc := self.db.raw(TABLE, i) or {}) and "title" in doc]
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
            duplicates = self._dedup()
            # id -> (the in-memory document, its body when new)
            pending: dict[int, tuple[dict[str, Any], dict[str, Any] | None]] = {}
            for article in articles:
                found = duplicates.find(
                    article, article.canonical_url or canonical_url(article.url)
                )
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
                self._index(doc_id, index)
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
            old = self._by_time.ids[: self._by_time.before(cutoff)]
            docs = [(doc_id, self.db.raw(TABLE, doc_id) or {}) for doc_id in old]
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
            chosen = self._by_time.ids[max(0, end - n) : max(0, end)]
        return [a for doc_id in reversed(chosen) if (a := self.get(doc_id))]

    def ids_since(self, since: float) -> list[int]:
        """Ids of articles newer than a timestamp, newest first."""
        with self._lock:
            return list(reversed(self._by_time.ids[self._by_time.after(since) :]))

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
                entries = self._by_topic.get(key)
                if entries is None:
                    continue
                start = max(entries.after(since), len(entries) - CANDIDATES_PER_TOPIC)
                for when, doc_id, relevance in entries.tail(start):
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
                self._display.get(key, key): entries.count_after(cutoff)
                for key, entries in self._by_topic.items()
                if self._listable(key, entries)
            }
        return dict(
            sorted(((k, v) for k, v in counts.items() if v), key=lambda kv: (-kv[1], kv[0]))
        )

    def _listable(self, key: str, entries: Postings) -> bool:
        """Only names and subjects are listed: older articles may carry free phrases. Judged
        once per topic, on the newest article that carries it."""
        known = self._listed.get(key)
        if known is None:
            newest = self.db.raw(TABLE, entries.ids[-1]) if len(entries) else None
            record = {**newest, **self.db.body(newest)} if newest else {}
            from briefings.reading.vocabulary import is_listable

            known = self._listed[key] = is_listable(key, _evidence(record))
        return known

    # -- indexes -----------------------------------------------------------------------------
    def _index(self, doc_id: int, doc: dict[str, Any]) -> None:
        """Index one new document (the open builds its indexes in bulk: ``_load``)."""
        when = sort_time(doc)
        self._by_time.insert(when, doc_id)
        topics = doc.get("topics") or []
        interned = []
        for topic, weight in zip(topics, weights(doc, topics), strict=True):
            known = self._names.get(topic)
            if known is None:
                known = self._names[topic] = (sys.intern(topic), fold(topic))
            name, key = known
            interned.append(name)
            entries = self._by_topic.get(key)
            if entries is None:
                entries = self._by_topic[key] = Postings(weights=())
                self._display[key] = name
                if self._query_index is not None:
                    self._query_index.add(name)
            entries.insert(when, doc_id, weight)
        doc["topics"] = interned
        if self._duplicates is not None:
            self._duplicates.add(doc_id, doc)

    def _unindex(self, doc_id: int, doc: dict[str, Any]) -> None:
        when = sort_time(doc)
        self._by_time.remove(when, doc_id)
        for topic in doc.get("topics", []):
            key = fold(topic)
            entries = self._by_topic.get(key)
            if entries is None:
                continue
            entries.remove(when, doc_id)
            if not entries:
                del self._by_topic[key]
                self._display.pop(key, None)
                if self._query_index is not None:
                    self._query_index.remove(topic)
        if self._duplicates is not None:
            self._duplicates.remove(doc_id, doc)


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
