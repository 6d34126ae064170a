"""Adding a batch of articles to PostgreSQL in two round trips: the lock and every duplicate
lookup in one (the client builds and encodes the rows while the server runs them), then the
rows (one ``INSERT … SELECT FROM jsonb_array_elements`` per table) and the COMMIT in the
other. Deduplication is the TinyDB store's: the same canonical URL, the same GUID in the same
feed, or a SimHash within 3 bits (found through four indexes on ``articles``, one per 16-bit
band, read index-only)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

import orjson
import psycopg
from psycopg.pq import TransactionStatus
from psycopg.types.json import Jsonb

from briefings.dedup import BANDS, NEAR_DUPLICATE_BITS, bands, canonical_url, near_duplicate
from briefings.model import Article, Quote
from briefings.reading.gazetteer import fold
from briefings.repository import AddOutcome

ADD_LOCK = 0x6E62_0002  # serialises deduplication across processes
_FIELDS = tuple(f.name for f in fields(Article) if f.name != "id")
_QUOTE_FIELDS = tuple(f.name for f in fields(Quote))


def band_sql(column: str, band: int) -> str:
    """The 16-bit band of a fingerprint in SQL, written as the indexes of schema step 2
    write it (the planner uses an expression index only for the same expression)."""
    return f"({column} & 65535)" if band == 0 else f"(({column} >> {16 * band}) & 65535)"


def record_of(article: Article) -> dict[str, Any]:
    """``Article.to_record()`` without ``dataclasses.asdict``'s deep copy, which took more time
    than anything else on the client (the record is only serialised, so shallow copies do)."""
    data = {name: getattr(article, name) for name in _FIELDS}
    data["quotes"] = [{name: getattr(q, name) for name in _QUOTE_FIELDS} for q in article.quotes]
    data["topics"] = list(article.topics)
    data["topic_weights"] = dict(article.topic_weights)
    data["also_from"] = list(article.also_from)
    for key in ("published", "ingested"):
        value = data[key]
        data[key] = value.isoformat() if value else None
    data["fingerprint"] = str(article.fingerprint)  # 64-bit ints lose precision in JSON readers
    data["canonical_url"] = url_key(article)
    return data


def url_key(article: Article) -> str:
    """The canonical URL an article is stored and deduplicated under."""
    return article.canonical_url or canonical_url(article.url)


def moment(value: datetime | None) -> float:
    """A timestamp for ordering; a naive time is UTC (as ``articles.when`` reads records)."""
    if value is None:
        return 0.0
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).timestamp()


def signed(fingerprint: int) -> int:
    """SimHash is unsigned 64-bit, bigint is signed: the same bits."""
    return fingerprint - (1 << 64) if fingerprint >= 1 << 63 else fingerprint


def add_batch(
    conn: psycopg.Connection[Any], articles: Sequence[Article], known_topics: set[str]
) -> list[AddOutcome]:
    """Store new articles, fold duplicates into the article kept; one transaction.

    ``known_topics`` holds topic keys already in the ``topics`` table (they are never
    deleted), so only new names are sent; it is updated once the batch is committed."""
    if not articles:
        return []
    urls = [url_key(article) for article in articles]
    outcomes: list[AddOutcome] = []
    new_topics: dict[str, str] = {}
    try:
        # BEGIN and COMMIT are sent by hand, inside the pipeline, so that the rows and the
        # COMMIT travel together: psycopg's transaction() would add a round trip for each.
        with conn.pipeline() as pipeline:
            conn.execute("BEGIN")
            # The band lookup's row estimate is far too high (it cannot know that a band value
            # is shared by ~15 articles), so its cost passes jit_above_cost and every batch
            # compiled it: more server time than the lookup itself. The queries here are small.
            conn.execute("SET LOCAL jit = off")
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (ADD_LOCK,))
            lookups = _Seen.queue(conn, articles, urls)
            # The sequence by name: pg_get_serial_sequence() in the select list ran per row.
            next_ids = conn.execute(
                "SELECT nextval('articles_id_seq') FROM generate_series(1, %s)",
                (len(articles),),
            )
            # The lookups are on their way (a pipeline sends each query as it is queued):
            # the records are built and encoded while the server runs them.
            rows = [_Row(article) for article in articles]
            pipeline.sync()
            seen = _Seen.read(lookups)
            ids = [int(r[0]) for r in next_ids.fetchall()]
            new: list[tuple[int, _Row]] = []
            pending: dict[int, _Row] = {}  # new in this batch, by id
            sources: dict[int, list[str]] = {}  # stored article -> sources for also_from
            for article, row, new_id in zip(articles, rows, ids, strict=True):
                found = seen.duplicate(article, row.record)
                if found:
                    kept_id, reason = found
                    source = article.source or article.feed_url or article.url
                    if source:
                        kept = pending.get(kept_id)
                        if kept is None:
                            sources.setdefault(kept_id, []).append(source)
                        elif (
                            source != kept.record.get("source")
                            and source not in kept.record["also_from"]
                        ):
                            kept.record["also_from"] = [*kept.record["also_from"], source]
                            kept.encoded = b""  # encoded again when queued
                    outcomes.append(AddOutcome("duplicate", kept_id, reason))
                    continue
                pending[new_id] = row
                new.append((new_id, row))
                seen.add(new_id, article, row.record)
                outcomes.append(AddOutcome("added", new_id))
            new_topics = _queue_rows(conn, new, known_topics)
            for kept_id, added in sources.items():
                for source in dict.fromkeys(added):
                    conn.execute(
                        "UPDATE articles SET doc = jsonb_set(doc, '{also_from}',"
                        " coalesce(doc->'also_from', '[]') || to_jsonb(%(s)s::text))"
                        " WHERE id = %(id)s AND coalesce(doc->>'source', '') <> %(s)s"
                        " AND NOT coalesce(doc->'also_from', '[]') ? %(s)s",
                        {"s": source, "id": kept_id},
                    )
            conn.execute("COMMIT")
    except BaseException:
        _roll_back(conn)
        raise
    known_topics.update(new_topics)
    return outcomes


class _Row:
    """One article as it is inserted: its record encoded as JSON, its time, and its topic
    keys (folded), all prepared before the batch's duplicates are known."""

    __slots__ = ("encoded", "head", "record", "topics", "when")

    def __init__(self, article: Article) -> None:
        self.record = record_of(article)
        self.encoded = _dumps(self.record)
        self.when = moment(article.published) or moment(article.ingested)
        # The columns after the id, as JSON: published, canonical URL, GUID, fingerprint.
        self.head = _dumps(
            [
                self.when,
                self.record["canonical_url"] or None,
                article.guid or None,
                signed(article.fingerprint),
            ]
        )[1:-1]
        weights = article.topic_weights
        self.topics = [
            (key, name, float(weights.get(name, 1.0)))
            for key, name in {fold(t): t for t in article.topics}.items()
            if key
        ]


def _queue_rows(
    conn: psycopg.Connection[Any],
    new: list[tuple[int, _Row]],
    known_topics: set[str],
) -> dict[str, str]:
    """Queue the INSERTs of the new articles and their topic rows (one statement per table);
    returns the topic keys (and names) not known before."""
    if not new:
        return {}
    parts: list[bytes] = []
    topic_rows: list[tuple[str, float, int, float]] = []
    fresh: dict[str, str] = {}
    for article_id, row in new:
        encoded = row.encoded or _dumps(row.record)
        parts.append(b"[%d,%s,%s]" % (article_id, row.head, encoded))
        for key, name, weight in row.topics:
            if key not in known_topics:
                fresh.setdefault(key, name)
            topic_rows.append((key, row.when, article_id, weight))
    # Each table's rows travel as one JSON array, encoded with orjson (in C) and taken apart
    # by the server: psycopg dumps array parameters element by element in Python, which was
    # the largest cost left on the client. The server parses the same JSON text either way
    # (a jsonb parameter is text inside), and a JSON number reads back as the same double.
    conn.execute(
        "INSERT INTO articles (id, published, canonical_url, guid, fingerprint, doc)"
        " SELECT (r->>0)::int8, (r->>1)::float8, r->>2, r->>3, (r->>4)::int8, r->5"
        " FROM jsonb_array_elements(%b) r",
        (Jsonb(b"[" + b",".join(parts) + b"]", dumps=_encoded),),
    )
    if topic_rows:
        conn.execute(
            "INSERT INTO article_topics (topic, published, article_id, weight)"
            " SELECT r->>0, (r->>1)::float8, (r->>2)::int8, (r->>3)::float4"
            " FROM jsonb_array_elements(%b) r",
            (Jsonb(topic_rows, dumps=_dumps),),
        )
    if fresh:
        ordered = sorted(fresh.items())
        conn.execute(
            "INSERT INTO topics (key, display) SELECT * FROM unnest(%b::text[], %b::text[])"
            " ON CONFLICT DO NOTHING",
            ([k for k, _ in ordered], [d for _, d in ordered]),
        )
    return fresh


def _dumps(value: Any) -> bytes:
    """orjson, about twice as fast as the stdlib's encoder; what it refuses (a lone surrogate,
    an integer past 64 bits) goes through the stdlib, which fails or stores it as before."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value).encode()


def _encoded(value: bytes) -> bytes:
    """The dumps of a JSON text already encoded."""
    return value


def _roll_back(conn: psycopg.Connection[Any]) -> None:
    """After a failed batch: end the transaction BEGIN opened, so the pooled connection goes
    back clean (nothing of the batch was committed)."""
    with suppress(psycopg.Error):
        if conn.info.transaction_status != TransactionStatus.IDLE:
            conn.execute("ROLLBACK")


class _Seen:
    """What a batch is checked against: stored articles sharing a URL, GUID or SimHash band
    with any article of the batch (three queries), plus the batch's own new articles."""

    def __init__(self) -> None:
        self.urls: dict[str, int] = {}
        self.guids: dict[tuple[str, str], int] = {}  # (feed URL, GUID) -> id
        self.bands: dict[int, list[tuple[int, int]]] = {}  # band -> (id, fingerprint)

    @staticmethod
    def queue(conn: Any, articles: Sequence[Article], canonical_urls: list[str]) -> list[Any]:
        """Send the three lookups (URL, GUID, band); read them with :meth:`read`."""
        urls = sorted({url for url in canonical_urls if url})
        guids = sorted({a.guid for a in articles if a.guid})
        wanted = {b for a in articles if a.fingerprint for b in bands(a.fingerprint)}
        # Per band, stored fingerprints sharing it with one of the batch's, kept only when
        # within the near-duplicate distance of it (bit_count: PostgreSQL 14+), so the answer
        # is the few real candidates, not the ~15 per band value a million articles share.
        # The Python check below still decides; this only narrows what travels.
        by_band = " UNION ".join(
            "SELECT a.id, a.fingerprint FROM unnest(%(prints)s::int8[]) q(fp)"
            " JOIN articles a ON a.fingerprint <> 0"
            f" AND {band_sql('a.fingerprint', b)} = {band_sql('q.fp', b)}"
            " WHERE bit_count((a.fingerprint # q.fp)::bit(64)) <= %(bits)s"
            for b in range(BANDS)
        )
        prints = sorted({signed(a.fingerprint) for a in articles if a.fingerprint})
        return [
            conn.execute(
                "SELECT canonical_url, min(id) FROM articles WHERE canonical_url = ANY(%s)"
                " GROUP BY canonical_url",
                (urls,),
            ),
            conn.execute(
                "SELECT guid, coalesce(doc->>'feed_url', ''), min(id) FROM articles"
                " WHERE guid = ANY(%s) GROUP BY 1, 2",
                (guids,),
            ),
            conn.execute(f"{by_band} ORDER BY 1", {"prints": prints, "bits": NEAR_DUPLICATE_BITS}),
            wanted,
        ]

    @classmethod
    def read(cls, lookups: list[Any]) -> _Seen:
        seen = cls()
        by_url, by_guid, by_band, wanted = lookups
        for url, article_id in by_url.fetchall():
            seen.urls[str(url)] = int(article_id)
        for guid, feed_url, article_id in by_guid.fetchall():
            seen.guids[(str(feed_url), str(guid))] = int(article_id)
        for article_id, fingerprint in by_band.fetchall():
            unsigned = int(fingerprint) & ((1 << 64) - 1)
            for band in bands(unsigned):
                if band in wanted:
                    seen.bands.setdefault(band, []).append((int(article_id), unsigned))
        return seen

    def duplicate(self, article: Article, record: dict[str, Any]) -> tuple[int, str] | None:
        url = record.get("canonical_url")
        if url and url in self.urls:
            return self.urls[url], "same URL"
        # A GUID counts within its feed, as in the TinyDB store (two feeds may both use "1").
        if article.guid and (article.feed_url or "", article.guid) in self.guids:
            return self.guids[(article.feed_url or "", article.guid)], "same GUID"
        if article.fingerprint:
            for band in bands(article.fingerprint):
                for article_id, fingerprint in self.bands.get(band, []):
                    if near_duplicate(article.fingerprint, fingerprint):
                        return article_id, "same text"
        return None

    def add(self, article_id: int, article: Article, record: dict[str, Any]) -> None:
        if record.get("canonical_url"):
            self.urls.setdefault(record["canonical_url"], article_id)
        if article.guid:
            self.guids.setdefault((article.feed_url or "", article.guid), article_id)
        if article.fingerprint:
            for band in bands(article.fingerprint):
                self.bands.setdefault(band, []).append((article_id, article.fingerprint))
