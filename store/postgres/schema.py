"""The schema, created and migrated by the program: numbered steps, each applied once in its
own transaction and recorded in ``schema_version``, under an advisory lock so two processes
starting together do not both migrate."""

from __future__ import annotations

from typing import Any

from store.database import DatabaseError

MIGRATION_LOCK = 0x6E62_0001  # "nb" + 1: any constant shared by every newsbrief process

# Append only: a step once released never changes; a change is a new step.
MIGRATIONS: list[str] = [
    # 1: articles with the columns the queries need; the article itself as JSON.
    """
    CREATE TABLE articles (
        id bigserial PRIMARY KEY,
        published double precision NOT NULL,
        canonical_url text,
        guid text,
        fingerprint bigint NOT NULL DEFAULT 0,
        doc jsonb NOT NULL
    );
    CREATE INDEX articles_published ON articles (published, id);
    CREATE INDEX articles_url ON articles (canonical_url) WHERE canonical_url IS NOT NULL;
    CREATE INDEX articles_guid ON articles (guid) WHERE guid IS NOT NULL;
    -- One row per article and topic: /topic reads the freshest rows of one key off this index.
    CREATE TABLE article_topics (
        topic text NOT NULL,
        published double precision NOT NULL,
        article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        weight real NOT NULL DEFAULT 1,
        PRIMARY KEY (topic, published, article_id)
    );
    CREATE INDEX article_topics_article ON article_topics (article_id);
    CREATE TABLE article_bands (
        band bigint NOT NULL,
        article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (band, article_id)
    );
    CREATE INDEX article_bands_article ON article_bands (article_id);
    -- Display names of topic keys, for resolving queries ("karabagh" -> Nagorno-Karabakh).
    CREATE TABLE topics (
        id bigserial UNIQUE,
        key text PRIMARY KEY,
        display text NOT NULL
    );
    CREATE TABLE chats (
        id bigserial PRIMARY KEY,
        chat_id bigint NOT NULL UNIQUE,
        doc jsonb NOT NULL
    );
    CREATE TABLE deliveries (
        id bigserial PRIMARY KEY,
        chat_id bigint NOT NULL,
        slot text NOT NULL,
        sent double precision NOT NULL,
        articles jsonb NOT NULL DEFAULT '[]',
        UNIQUE (chat_id, slot)
    );
    CREATE INDEX deliveries_sent ON deliveries (sent);
    CREATE TABLE feeds (
        id bigserial PRIMARY KEY,
        url text NOT NULL UNIQUE,
        next_poll double precision NOT NULL DEFAULT 0,
        doc jsonb NOT NULL
    );
    CREATE INDEX feeds_due ON feeds (next_poll);
    """,
    # 2: a faster add (issue 12). SimHash bands move from four rows per article in
    # article_bands (two indexes and a foreign-key check each) to four expression indexes on
    # articles that also hold the fingerprint and id, so the near-duplicate lookup reads them
    # index-only, and they go with their article. Topic rows lose their foreign key and its
    # article_id index (only ON DELETE CASCADE used them): prune deletes them by time, which a
    # small BRIN index serves since rows arrive roughly in time order. The topic key also
    # holds the weight, so /topic ranks a topic's freshest rows from the index alone.
    """
    CREATE INDEX articles_band0 ON articles ((fingerprint & 65535)) INCLUDE (fingerprint, id)
        WHERE fingerprint <> 0;
    CREATE INDEX articles_band1 ON articles (((fingerprint >> 16) & 65535))
        INCLUDE (fingerprint, id) WHERE fingerprint <> 0;
    CREATE INDEX articles_band2 ON articles (((fingerprint >> 32) & 65535))
        INCLUDE (fingerprint, id) WHERE fingerprint <> 0;
    CREATE INDEX articles_band3 ON articles (((fingerprint >> 48) & 65535))
        INCLUDE (fingerprint, id) WHERE fingerprint <> 0;
    DROP TABLE IF EXISTS article_bands;
    ALTER TABLE article_topics DROP CONSTRAINT IF EXISTS article_topics_article_id_fkey;
    DROP INDEX IF EXISTS article_topics_article;
    CREATE INDEX article_topics_published ON article_topics USING brin (published);
    ALTER TABLE article_topics DROP CONSTRAINT article_topics_pkey,
        ADD PRIMARY KEY (topic, published, article_id) INCLUDE (weight);
    """,
    # 3: when the briefing sweep must next look at a chat, so a sweep every few seconds reads
    # only the chats due (any write to a chat resets it to -Infinity: look again).
    """
    ALTER TABLE chats ADD COLUMN next_due double precision NOT NULL DEFAULT '-Infinity';
    CREATE INDEX chats_next_due ON chats (next_due);
    """,
]
VERSION = len(MIGRATIONS)


def migrate(conn: Any) -> int:
    """Bring the schema up to :data:`VERSION`; returns how many steps were applied."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            " version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())"
        )
        row = conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
        current = int(row[0])
        if current > VERSION:
            raise DatabaseError(
                f"the database was written by a newer newsbrief (schema {current}, "
                f"this one knows {VERSION})"
            )
        for number in range(current + 1, VERSION + 1):
            conn.execute(MIGRATIONS[number - 1])
            conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (number,))
    return VERSION - current
