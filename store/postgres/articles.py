"""Articles in PostgreSQL: deduplicated on add (URL, GUID, SimHash bands, under one advisory
lock so two workers cannot both add the same story), with a topic table indexed by
(topic, published) so ``/topic`` reads a few hundred index rows, never the table."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from psycopg.types.json import Jsonb

from briefings.model import Article
from briefings.reading.gazetteer import fold
from briefings.reading.topics import TopicIndex
from briefings.repository import AddOutcome
from store.postgres.adding import add_batch, signed
from store.postgres.database import PgDatabase

CANDIDATES_PER_TOPIC = 300  # as in the TinyDB store: the freshest of a topic are ranked
TOPIC_REFRESH_SECONDS = 2.0  # new topic names from other processes are seen this soon


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
        self._refreshed = 0.0  # monotonic time of the last look
        self._lock = threading.Lock()
        self._known_topics: set[str] = set()  # keys known to be in the topics table

    # -- writes ------------------------------------------------------------------------------
    def add_many(self, articles: Sequence[Article]) -> list[AddOutcome]:
        """Store new articles, fold duplicates into the article kept: one transaction, two
        round trips (see ``store.postgres.adding``)."""
        if not articles:
            return []
        with self.db.connection() as conn:
            return add_batch(conn, articles, self._known_topics)

    def prune(self, older_than_days: float, now: datetime | None = None) -> int:
        """Delete articles older than the retention period; returns how many."""
        cutoff = ((now or datetime.now(UTC)) - timedelta(days=older_than_days)).timestamp()
        # Topic rows carry their article's time, so the same cut removes exactly theirs (they
        # have no foreign key: its check on every insert cost more than this delete).
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM article_topics WHERE published < %s", (cutoff,))
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
        """Articles on any of the topics, ranked by how much they are about it and freshness:
        ranking and fetching in one query."""
        query, params = _ranked(topics, since, n, None)
        with self.db.connection() as conn:
            rows = conn.execute(
                f"WITH ranked AS ({query} OFFSET %(offset)s)"
                " SELECT a.id, a.doc FROM ranked r JOIN articles a ON a.id = r.article_id"
                " ORDER BY r.score DESC, r.article_id DESC",
                params | {"offset": offset},
            ).fetchall()
        return [Article.from_record(doc, id=int(i)) for i, doc in rows]

    def rank_topics(
        self, topics: Sequence[str], since: float = 0.0, limit: int = 50, now: float | None = None
    ) -> list[int]:
        """Ids ranked by relevance x freshness (half-life three days) among recent candidates."""
        query, params = _ranked(topics, since, limit, now)
        with self.db.connection() as conn:
            rows = conn.execute(query, params).fetchall()
        return [int(r[0]) for r in rows]

    def resolve_topic(self, query: str) -> list[str]:
        self._refresh_topics()
        with self._lock:
            found = self._topics.resolve(query)
        if not found and self._refresh_topics(force=True):
            with self._lock:
                found = self._topics.resolve(query)
        return found

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
        batch = list(rows)
        with self.db.transaction() as conn:
            _copy_rows(conn, batch)
            conn.execute(
                "SELECT setval(pg_get_serial_sequence('articles', 'id'),"
                " greatest((SELECT max(id) FROM articles), 1))"
            )
        return len(batch)

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

    def _refresh_topics(self, force: bool = False) -> bool:
        """Load topic names added since the last look (by any process): at most every few
        seconds, or at once when a query found nothing. True when new names came."""
        if not force and time.monotonic() - self._refreshed < TOPIC_REFRESH_SECONDS:
            return False
        self._refreshed = time.monotonic()
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT id, display FROM topics WHERE id > %s ORDER BY id", (self._topics_seen,)
            ).fetchall()
        with self._lock:
            for topic_id, display in rows:
                if int(topic_id) > self._topics_seen:
                    self._topics.add(str(display))
                    self._topics_seen = int(topic_id)
        return bool(rows)


# The freshest candidates of each topic off the (topic, published, article_id) index (one
# subquery per topic, so the planner sees each topic's own statistics and walks the index
# backwards), scored as the TinyDB store scores them: log1p(weight) x 0.5^(age in days / 3),
# the best score per article.
CANDIDATES = (
    "(SELECT t.article_id, t.published, t.weight FROM article_topics t"
    " WHERE t.topic = %(key{n})s AND t.published > %(since)s"
    " ORDER BY t.published DESC, t.article_id DESC LIMIT %(candidates)s)"
)
SCORED = """
SELECT c.article_id, max(ln(1 + c.weight) * power(0.5, greatest(0, %(now)s - c.published)
       / 259200.0)) AS score
FROM ({candidates}) c
GROUP BY c.article_id
ORDER BY score DESC, c.article_id DESC
LIMIT %(limit)s
"""


def _ranked(
    topics: Sequence[str], since: float, limit: int, now: float | None
) -> tuple[str, dict[str, Any]]:
    """The ranking query and its parameters."""
    keys = list(dict.fromkeys(fold(t) for t in topics)) or [""]
    params: dict[str, Any] = {
        "since": since,
        "limit": limit,
        "now": now if now is not None else datetime.now(UTC).timestamp(),
        "candidates": CANDIDATES_PER_TOPIC,
    }
    params |= {f"key{n}": key for n, key in enumerate(keys)}
    union = " UNION ALL ".join(CANDIDATES.format(n=n) for n in range(len(keys)))
    return SCORED.format(candidates=union), params


def _copy_rows(conn: Any, rows: list[tuple[int, dict[str, Any]]]) -> None:
    """Records with their ids kept, and their topic rows, by COPY (``db copy``: many rows)."""
    if not rows:
        return
    articles: list[tuple[Any, ...]] = []
    topic_rows: list[tuple[Any, ...]] = []
    topics: dict[str, str] = {}
    for article_id, record in rows:
        published = when(record)
        fingerprint = int(record.get("fingerprint") or 0)
        articles.append(
            (
                article_id,
                published,
                record.get("canonical_url") or None,
                record.get("guid") or None,
                signed(fingerprint),
                Jsonb(record),
            )
        )
        weights = record.get("topic_weights") or {}
        keys = {fold(t): t for t in record.get("topics") or [] if fold(t)}
        for key, name in keys.items():
            topics.setdefault(key, name)
            topic_rows.append((key, published, article_id, float(weights.get(name, 1.0))))
    tables: list[tuple[str, list[tuple[Any, ...]]]] = [
        ("articles (id, published, canonical_url, guid, fingerprint, doc)", articles),
        ("article_topics (topic, published, article_id, weight)", topic_rows),
    ]
    with conn.cursor() as cursor:
        for table, values in tables:
            if values:
                with cursor.copy(f"COPY {table} FROM STDIN") as copy:
                    for value in values:
                        copy.write_row(value)
        cursor.executemany(
            "INSERT INTO topics (key, display) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            sorted(topics.items()),
        )
