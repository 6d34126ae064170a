"""The journaled TinyDB store: durable, crash-tolerant at open, indexed, pruned."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from store import Database, DatabaseError
from store import database as database_module
from store.articles import ArticleStore
from tests.helpers import make_article


def test_articles_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = Database(path)
    store = ArticleStore(db)
    ids = [
        o.id
        for o in store.add_many(
            [make_article(i, place=p) for i, p in enumerate(["Oslo", "Rome", "Lima"])]
        )
    ]
    db.close()
    with Database(path) as again:
        reopened = ArticleStore(again)
        assert sorted(ids) == sorted(a.id for a in reopened.latest(10) if a.id is not None)


def test_a_torn_last_journal_line_is_dropped_and_the_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = Database(path)
    store = ArticleStore(db)
    [outcome] = store.add_many([make_article(1)])
    db.close()
    with open(tmp_path / "db.json.journal", "ab") as journal:
        journal.write(b'{"t":"articles","id":99,"doc":{"title":"half writ')
    reopened = Database(path)
    assert ArticleStore(reopened).get(outcome.id) is not None
    assert ArticleStore(reopened).get(99) is None
    # New commits after the torn line are readable on the next open.
    [later] = ArticleStore(reopened).add_many([make_article(2, place="Bern")])
    reopened.close()
    with Database(path) as third:
        assert ArticleStore(third).get(later.id) is not None


def test_compaction_writes_a_plain_tinydb_file_and_empties_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database_module, "MIN_COMPACT_BYTES", 10_000)
    path = tmp_path / "db.json"
    db = Database(path)
    store = ArticleStore(db)
    for i in range(30):
        store.add_many([make_article(i, place=f"Town{i}x")])
    assert path.exists()  # compacted on its own once the journal outgrew the snapshot
    db.compact()
    assert 0 == (tmp_path / "db.json.journal").stat().st_size
    db.close()
    plain = TinyDB(path, storage=JSONStorage)
    assert 30 == len(plain.table("articles"))
    plain.close()


def test_ingesting_many_articles_does_not_rewrite_the_file_per_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rewrites = []
    original = Database.compact

    def counting(self: Database) -> None:
        rewrites.append(1)
        original(self)

    monkeypatch.setattr(Database, "compact", counting)
    db = Database(tmp_path / "db.json")
    store = ArticleStore(db)
    for i in range(300):
        store.add_many([make_article(i, place=f"Place{i}q")])
    db.close()
    # Snapshot rewrites happen when the journal outgrows the snapshot: a handful, not 300.
    assert len(rewrites) <= 3


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    path.write_text("this is not json")
    with pytest.raises(DatabaseError, match="not a newsbrief database"):
        Database(path)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="does not exist"):
        Database(tmp_path / "nope" / "db.json")


def test_schema_version_is_recorded(tmp_path: Path) -> None:
    db = Database(tmp_path / "db.json")
    db.compact()
    db.close()
    data = json.loads((tmp_path / "db.json").read_text())
    assert {"1": {"schema_version": 1}} == data["_meta"]


def test_latest_is_newest_first_and_pages(db: Database) -> None:
    store = ArticleStore(db)
    store.add_many([make_article(i, place=f"City{i}z", hours_ago=10 - i) for i in range(10)])
    titles = [a.title for a in store.latest(3)]
    assert ["City9z", "City8z", "City7z"] == [t.split()[0] for t in titles]
    assert ["City6z", "City5z"] == [a.title.split()[0] for a in store.latest(2, offset=3)]


def test_topic_index_ranks_articles_about_the_topic_first(db: Database) -> None:
    store = ArticleStore(db)
    passing = make_article(
        1,
        place="Oslo",
        body="Oslo opened a new library on Monday with a large crowd in attendance and music. "
        "Visitors came from Bergen and Vienna was mentioned once by a speaker at the event.",
    )
    about = make_article(2, place="Vienna", hours_ago=5)
    store.add_many([passing, about])
    ranked = store.by_topics(["vienna"], 5)
    assert "Vienna" == ranked[0].title.split()[0]


def test_prune_removes_old_articles_and_their_index_entries(db: Database) -> None:
    store = ArticleStore(db)
    store.add_many([make_article(1, place="Old", hours_ago=24 * 40), make_article(2, place="New")])
    assert 1 == store.prune(30)
    assert ["New"] == [a.title.split()[0] for a in store.latest(10)]
    assert "old" not in [t.lower() for t in store.topic_counts()]


def test_topic_counts_are_most_active_first(db: Database) -> None:
    store = ArticleStore(db)
    store.add_many([make_article(i, place=p) for i, p in enumerate(["Vienna", "Vienna", "Oslo"])])
    counts = store.topic_counts(since=datetime.now(UTC) - timedelta(days=1))
    assert 2 == counts["vienna"] and 1 == counts["oslo"]
    values = list(counts.values())
    assert sorted(values, reverse=True) == values
