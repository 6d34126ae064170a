"""The PostgreSQL add path (issue 12): deduplication identical to TinyDB's at the SimHash
boundary, the band lookups served by their indexes, a failed batch leaving nothing behind,
and a database at schema version 1 migrating with its articles intact."""

from __future__ import annotations

import dataclasses
import re

import psycopg
import pytest
from psycopg.types.json import Jsonb

from briefings.dedup import bands
from store.open import Stores, open_stores
from store.postgres import schema
from store.postgres.adding import band_sql, record_of, signed
from store.postgres.articles import when
from tests.helpers import make_article
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)


def test_texts_three_bits_apart_are_one_story_and_four_bits_apart_are_two(
    stores: Stores,
) -> None:
    articles = stores.articles
    first = make_article(1, place="Lima")
    assert first.fingerprint
    [kept] = articles.add_many([first])
    # Flipped bits spread over two bands, so no band alone tells the answer.
    near = dataclasses.replace(
        first,
        url="https://other.example.org/a",
        canonical_url="",
        source="Wire",
        fingerprint=first.fingerprint ^ 0b1 ^ (0b11 << 20),
    )
    far = dataclasses.replace(
        first,
        url="https://other.example.org/b",
        canonical_url="",
        fingerprint=first.fingerprint ^ (0b1111 << 40),
    )
    outcomes = articles.add_many([near, far])
    assert [("duplicate", kept.id, "same text"), "added"] == [
        (o.status, o.id, o.reason) if o.status == "duplicate" else o.status for o in outcomes
    ]
    stored = articles.get(kept.id)
    assert stored is not None and ["Wire"] == stored.also_from
    # Within one batch too: the second of two near copies folds into the first.
    again = dataclasses.replace(
        first, url="https://third.example.org/c", canonical_url="", fingerprint=1 << 40
    )
    copy = dataclasses.replace(
        again, url="https://third.example.org/d", canonical_url="", fingerprint=(1 << 40) | 1
    )
    added, folded = articles.add_many([again, copy])
    assert "added" == added.status and ("duplicate", added.id) == (folded.status, folded.id)
    assert 3 == articles.count()


def test_the_record_stored_is_the_articles_own_record() -> None:
    article = make_article(4, place="Oslo", guid="g-4")
    article.also_from = ["Wire"]
    expected = article.to_record()
    expected["canonical_url"] = "https://news.example.com/oslo/4"
    assert expected == record_of(article)


def test_each_band_lookup_is_served_by_its_index(pg_url: str) -> None:  # noqa: F811
    open_stores(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("SET enable_seqscan = off")  # an empty table would be read whole anyway
        for band in range(4):
            plan = conn.execute(
                "EXPLAIN SELECT a.id, a.fingerprint FROM unnest(%s::int8[]) q(fp)"
                f" JOIN articles a ON a.fingerprint <> 0"
                f" AND {band_sql('a.fingerprint', band)} = {band_sql('q.fp', band)}",
                ([12345],),
            ).fetchall()
            text = "\n".join(row[0] for row in plan)
            assert re.search(rf"(using|on) articles_band{band}\b", text), text


def test_a_failed_batch_stores_nothing_and_the_next_batch_goes_in(pg_url: str) -> None:  # noqa: F811
    opened = open_stores(pg_url)
    try:
        good = make_article(1, place="Quito")
        broken = dataclasses.replace(make_article(2, place="Lima"), title="Lima\x00 tram")
        with pytest.raises(psycopg.Error):
            opened.articles.add_many([good, broken])  # PostgreSQL refuses a NUL in text
        assert 0 == opened.articles.count()
        assert ["added"] == [o.status for o in opened.articles.add_many([good])]
        assert ["quito"] == opened.articles.resolve_topic("Quito")[:1]
    finally:
        opened.close()


def test_a_version_1_database_migrates_with_its_articles_intact(pg_url: str) -> None:  # noqa: F811
    old = [
        make_article(i, place=p, hours_ago=24 * 40 if i == 1 else 2)
        for i, p in enumerate(["Oslo", "Lima"], 1)
    ]
    with psycopg.connect(pg_url, autocommit=True) as conn:
        # The schema and the rows exactly as version 1 wrote them.
        conn.execute(schema.MIGRATIONS[0])
        conn.execute(
            "CREATE TABLE schema_version (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())"
        )
        conn.execute("INSERT INTO schema_version (version) VALUES (1)")
        for article_id, article in enumerate(old, 1):
            record = article.to_record()
            published = when(record)
            conn.execute(
                "INSERT INTO articles (id, published, canonical_url, guid, fingerprint, doc)"
                " VALUES (%s, %s, %s, NULL, %s, %s)",
                (
                    article_id,
                    published,
                    record["canonical_url"] or article.url,
                    signed(article.fingerprint),
                    Jsonb(record),
                ),
            )
            for topic in article.topics:
                conn.execute(
                    "INSERT INTO article_topics VALUES (%s, %s, %s, 1) ON CONFLICT DO NOTHING",
                    (topic.lower(), published, article_id),
                )
                conn.execute(
                    "INSERT INTO topics (key, display) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                    (topic.lower(), topic),
                )
            for band in bands(article.fingerprint):
                conn.execute("INSERT INTO article_bands VALUES (%s, %s)", (band, article_id))
        conn.execute("SELECT setval('articles_id_seq', 2)")
    opened = open_stores(pg_url)
    try:
        articles = opened.articles
        assert 2 == articles.count()
        assert [old[1].title] == [a.title for a in articles.latest(1)]
        stored = articles.get(2)
        assert stored is not None and old[1].summary == stored.summary
        assert ["Lima"] == [a.title.split()[0] for a in articles.by_topics(["lima"], 5)]
        # The near-duplicate check finds old articles through the new band indexes.
        copy = dataclasses.replace(
            old[1], url="https://other.example.org/lima", canonical_url="", source="Wire"
        )
        [outcome] = articles.add_many([copy])
        assert ("duplicate", 2, "same text") == (outcome.status, outcome.id, outcome.reason)
        # Pruning still takes an article's topic rows with it (no foreign key any more).
        assert 1 == articles.prune(30)
        assert "oslo" not in articles.topic_counts()
    finally:
        opened.close()
    with psycopg.connect(pg_url) as conn:
        versions = conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
        assert [(v,) for v in range(1, schema.VERSION + 1)] == versions
        assert conn.execute("SELECT to_regclass('article_bands')").fetchone() == (None,)
        orphans = conn.execute(
            "SELECT count(*) FROM article_topics t WHERE NOT EXISTS"
            " (SELECT 1 FROM articles a WHERE a.id = t.article_id)"
        ).fetchone()
        assert (0,) == orphans


def test_a_copy_in_the_same_batch_from_another_source_is_named_in_the_stored_article(
    stores: Stores,
) -> None:
    # The kept article's record is encoded before the batch's duplicates are known: the
    # source a later copy adds must still reach the row stored.
    first = make_article(5, place="Accra")
    copy = dataclasses.replace(
        first, url="https://wire.example.org/accra", canonical_url="", source="Wire"
    )
    kept, folded = stores.articles.add_many([first, copy])
    assert ("added", "duplicate", kept.id) == (kept.status, folded.status, folded.id)
    stored = stores.articles.get(kept.id)
    assert stored is not None and ["Wire"] == stored.also_from
    assert first.title == stored.title and first.summary == stored.summary
