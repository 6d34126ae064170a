"""Articles in PostgreSQL: deduplicated on add (URL, GUID, SimHash bands, under one advisory
lock so two workers cannot both add the same story), with a topic table indexed by
(topic, published) so ``/topic`` reads a few hundred index rows, never the table."""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from psycopg.types.json import Jsonb

from briefings.dedup import bands, canonical_url, near_duplicate
from briefings.model import Article
from briefings.reading.gazetteer import fold
from briefings.reading.topics import TopicIndex
from briefings.repository import AddOutcome
from store.postgres.database import PgDatabase

ADD_LOCK = 0x6E62_0002  # serialises deduplication across processes
CANDIDATES_PER_TOPIC = 300  # as in the TinyDB store: the freshest of a topic are ranked


def when(doc: dict[str, Any]) -> float:
    """An article's time for ordering: published, else ingested, else 0."""
    for key in ("published", "ingested"):
        value = doc.get(key)
        if value:
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            return moment.timestamp()
    return 0.0


class PgArticleStore:
    """The ``ArticleRepository`` on PostgreSQL. Only topic names are held in memory (for
    resolving queries), so a process does not grow with the number of articles."""

    def __init__(self, db: PgDatabase) -> None:
        self.db = db
        self._topics = TopicIndex()
        self._topics_seen = 0  # highest topics.id loaded into the index
        self._lock = threading.Lock()

    # -- writes ------------------------------------------------------------------------------
    def add_many(self, articles: Sequence[Article]) -> list[AddOutcome]:
        """Store new articles, fold duplicates into the article kept; one transaction."""
        outcomes: list[AddOutcome] = []
        with self.db.transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (ADD_LOCK,))
            for article in articles:
                found = _find_duplicate(conn, article)
                if found:
                    kept_id, reason = found
                    source = article.source or article.feed_url or article.url
                    if source:
                        conn.execute(
                            "UPDATE articles SET doc = jsonb_set(doc, '{also_from}',"
                            " coalesce(doc->'also_from', '[]') || to_jsonb(%(s)s::text))"
                            " WHERE id = %(id)s AND coalesce(doc->>'source', '') <> %(s)s"
                            " AND NOT coalesce(doc->'also_from', '[]') ? %(s)s",
                            {"s": source, "id": kept_id},
                        )
                    outcomes.append(AddOutcome("duplicate", kept_id, reason))
                    continue
                record = article.to_record()
                record["canonical_url"] = record.get("canonical_url") or canonical_url(article.url)
                outcomes.append(AddOutcome("added", _insert(conn, None, record)))
        return outcomes

    def prune(self, older_than_days: float, now: datetime | None = None) -> int:
        """Delete articles older than the retention period; returns how many."""
        cutoff = ((now or datetime.now(UTC)) - timedelta(days=older_than_days)).timestamp()
        with self.db.connection() as conn:
            cursor = conn.execute("DELETE FROM articles WHERE published < %s", (cutoff,))
            return max(0, cursor.rowcount)

    # -- reads -------------------------------------------------------------------------------
    def get(self, article_id: int) -> Article | None:
        found = self._fetch([article_id])
        return found[0] if found else None

    def count(self) -> int:
        with self.db.connection() as conn:
            row = conn.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0]) if row else 0

    def latest(self, n: int, offset: int = 0) -> list[Article]:
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT id, doc FROM articles ORDER BY published DESC, id DESC LIMIT %s OFFSET %s",
                (n, offset),
            ).fetchall()
        return [Article.from_record(doc, id=int(i)) for i, doc in rows]

    def ids_since(self, since: float) -> list[int]:
        """Ids of articles newer than a timestamp, newest first."""
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT id FROM articles WHERE published > %s ORDER BY published DESC, id DESC",
                (since,),
            ).fetchall()
        return [int(r[0]) for r in rows]

    def by_topics(
        self, topics: Sequence[str], n: int, offset: int = 0, since: float = 0.0
    ) -> list[Article]:
        """Articles on any of the topics, ranked by how much they are about it and freshness."""
        ranked = self.rank_topics(topics, since=since, limit=n + offset)
        return self._fetch(ranked[offset : offset + n])

    def rank_topics(
        self, topics: Sequence[str], since: float = 0.0, limit: int = 50, now: float | None = None
    ) -> list[int]:
        """Ids ranked by relevance x freshness (half-life three days) among recent candidates."""
        now = now if now is not None else datetime.now(UTC).timestamp()
        scores: dict[int, float] = {}
        with self.db.connection() as conn:
            for topic in topics:
                rows = conn.execute(
                    "SELECT article_id, published, weight FROM article_topics"
                    " WHERE topic = %s AND published > %s"
                    " ORDER BY published DESC LIMIT %s",
                    (fold(topic), since, CANDIDATES_PER_TOPIC),
                ).fetchall()
                for article_id, published, weight in rows:
                    age_days = max(0.0, (now - published) / 86400)
                    score = math.log1p(weight) * 0.5 ** (age_days / 3)
                    if score > scores.get(int(article_id), 0.0):
                        scores[int(article_id)] = score
        return sorted(scores, key=lambda i: (-scores[i], -i))[:limit]

    def resolve_topic(self, query: str) -> list[str]:
        self._refresh_topics()
        with self._lock:
            return self._topics.resolve(query)

    def suggest_topics(self, query: str) -> list[str]:
        self._refresh_topics()
        with self._lock:
            return self._topics.suggest(query)

    def topic_counts(self, since: datetime | None = None) -> dict[str, int]:
        """Topic -> number of articles (newer than ``since``), most active first."""
        cutoff = since.timestamp() if since else 0.0
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT t.display, c.n FROM (SELECT topic, count(*) AS n FROM article_topics"
                " WHERE published > %s GROUP BY topic) c JOIN topics t ON t.key = c.topic",
                (cutoff,),
            ).fetchall()
        return dict(sorted(((str(d), int(n)) for d, n in rows), key=lambda kv: (-kv[1], kv[0])))

    # -- copying (newsbrief db copy) -----------------------------------------------------------
    def export(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """Every article as (id, record), in id order, streamed."""
        with (
            self.db.connection() as conn,
            conn.transaction(),
            conn.cursor(name="export_articles") as cursor,
        ):
            cursor.itersize = 2000
            cursor.execute("SELECT id, doc FROM articles ORDER BY id")
            for article_id, doc in cursor:
                yield int(article_id), doc

    def load(self, rows: Iterable[tuple[int, dict[str, Any]]]) -> int:
        """Insert records keeping their ids (chats' "seen" lists refer to them)."""
        count = 0
        with self.db.transaction() as conn:
            for article_id, doc in rows:
                _insert(conn, article_id, doc)
                count += 1
            conn.execute(
                "SELECT setval(pg_get_serial_sequence('articles', 'id'),"
                " greatest((SELECT max(id) FROM articles), 1))"
            )
        return count

    # -- internals ---------------------------------------------------------------------------
    def _fetch(self, ids: Sequence[int]) -> list[Article]:
        if not ids:
            return []
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT id, doc FROM articles WHERE id = ANY(%s)", (list(ids),)
            ).fetchall()
        docs = {int(i): doc for i, doc in rows}
        return [Article.from_record(docs[i], id=i) for i in ids if i in docs]

    def _refresh_topics(self) -> None:
        """Load topic names added since the last look (by any process)."""
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT id, display FROM topics WHERE id > %s ORDER BY id", (self._topics_seen,)
            ).fetchall()
        with self._lock:
            for topic_id, display in rows:
                if int(topic_id) > self._topics_seen:
                    self._topics.add(str(display))
                    self._topics_seen = int(topic_id)


def _insert(conn: Any, article_id: int | None, record: dict[str, Any]) -> int:
    fingerprint = int(record.get("fingerprint") or 0)
    values = {
        "published": when(record),
        "url": record.get("canonical_url") or None,
        "guid": record.get("guid") or None,
        # SimHash is unsigned 64-bit; bigint is signed: store the same bits.
        "fp": fingerprint - (1 << 64) if fingerprint >= 1 << 63 else fingerprint,
        "doc": Jsonb(record),
    }
    if article_id is None:
        row = conn.execute(
            "INSERT INTO articles (published, canonical_url, guid, fingerprint, doc)"
            " VALUES (%(published)s, %(url)s, %(guid)s, %(fp)s, %(doc)s) RETURNING id",
            values,
        ).fetchone()
        article_id = int(row[0])
    else:
        conn.execute(
            "INSERT INTO articles (id, published, canonical_url, guid, fingerprint, doc)"
            " VALUES (%(id)s, %(published)s, %(url)s, %(guid)s, %(fp)s, %(doc)s)",
            {**values, "id": article_id},
        )
    weights = record.get("topic_weights") or {}
    topics = {fold(t): t for t in record.get("topics") or [] if fold(t)}
    if topics:
        with conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO topics (key, display) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                list(topics.items()),
            )
            cursor.executemany(
                "INSERT INTO article_topics (topic, published, article_id, weight)"
                " VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
                [
                    (key, values["published"], article_id, float(weights.get(name, 1.0)))
                    for key, name in topics.items()
                ],
            )
    if fingerprint:
        with conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO article_bands (band, article_id) VALUES (%s, %s)"
                " ON CONFLICT DO NOTHING",
                [(band, article_id) for band in bands(fingerprint)],
            )
    return article_id


def _find_duplicate(conn: Any, article: Article) -> tuple[int, str] | None:
    url = article.canonical_url or canonical_url(article.url)
    if url:
        row = conn.execute(
            "SELECT id FROM articles WHERE canonical_url = %s ORDER BY id LIMIT 1", (url,)
        ).fetchone()
        if row:
            return int(row[0]), "same URL"
    if article.guid:
        row = conn.execute(
            "SELECT id FROM articles WHERE guid = %s ORDER BY id LIMIT 1", (article.guid,)
        ).fetchone()
        if row:
            return int(row[0]), "same GUID"
    if article.fingerprint:
        rows = conn.execute(
            "SELECT a.id, a.fingerprint FROM article_bands b JOIN articles a ON a.id = b.article_id"
            " WHERE b.band = ANY(%s) ORDER BY a.id",
            (bands(article.fingerprint),),
        ).fetchall()
        for article_id, signed in rows:
            if near_duplicate(article.fingerprint, int(signed) & ((1 << 64) - 1)):
                return int(article_id), "same text"
    return None
