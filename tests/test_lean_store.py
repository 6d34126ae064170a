"""Issue 12: article bodies live in body files on disk, memory keeps the index fields; the
body files follow the snapshot's crash-safe rewrite."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import main
from briefings.model import Article
from store import Database, DatabaseError
from store import database as database_module
from store.articles import TABLE, ArticleStore
from store.database import Put
from tests.helpers import make_article
from tests.test_hostile_store import FailingDisk


def body_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.glob(path.name + ".bodies.*"))


def test_article_text_is_on_disk_and_read_back_whole(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    article = make_article(1, place="Oslo")
    with Database(path) as db:
        store = ArticleStore(db)
        [added] = store.add_many([article])
        in_memory = db.raw(TABLE, added.id)
        assert in_memory is not None
        assert not {"title", "summary", "quotes"} & set(in_memory)
        assert in_memory["topics"] and in_memory["tw"]  # what ranking needs stays
    with Database(path, readonly=True) as again:
        back = ArticleStore(again).get(added.id)
    assert back is not None
    assert (article.title, article.summary, article.quotes, article.topic_weights) == (
        back.title,
        back.summary,
        back.quotes,
        back.topic_weights,
    )


def test_a_rewrite_copies_live_bodies_to_a_new_generation_and_drops_the_old(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.json"
    with Database(path) as db:
        store = ArticleStore(db)
        store.add_many([make_article(1, place="Old", hours_ago=24 * 40)])
        store.add_many([make_article(2, place="Rome")])
        assert ["db.json.bodies.0"] == body_files(path)
        size_before = (tmp_path / "db.json.bodies.0").stat().st_size
        assert 1 == store.prune(30)
        db.compact()
        assert ["db.json.bodies.1"] == body_files(path)
        assert (tmp_path / "db.json.bodies.1").stat().st_size < size_before  # pruned one left
        store.add_many([make_article(3, place="Lima")])
    with Database(path) as again:
        titles = sorted(a.title.split()[0] for a in ArticleStore(again).latest(10))
    assert ["Lima", "Rome"] == titles
    snapshot = json.loads(path.read_text())  # still a plain TinyDB file
    assert all(doc["b"][0] == 1 for doc in snapshot[TABLE].values())


def test_a_database_from_before_body_files_opens_and_moves_its_texts_to_disk(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.json"
    record = make_article(1, place="Vienna").to_record()
    with Database(path) as db:
        db.commit([Put(TABLE, 1, record)])  # the whole article in the document, as before
        db.compact()
    with Database(path, readonly=True) as reader:  # read as it is
        store = ArticleStore(reader)
        assert record["title"] == store.latest(1)[0].title
        assert [1] == store.rank_topics(record["topics"][:1])
    with Database(path) as writer:  # a writer moves the texts to the body file, once
        store = ArticleStore(writer)
        assert "title" not in (writer.raw(TABLE, 1) or {})
        assert record["title"] == store.latest(1)[0].title
    with Database(path) as again:
        assert Article.from_record(record, id=1) == ArticleStore(again).get(1)


def test_a_failed_body_write_fails_the_commit_and_later_ones_go_on(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    disk = FailingDisk()
    db = Database(path, opener=disk)
    store = ArticleStore(db)
    disk.room = 30  # the body file's append tears
    with pytest.raises(DatabaseError, match=r"bodies\.0: No space left"):
        store.add_many([make_article(1, place="Oslo")])
    disk.room = None
    [later] = store.add_many([make_article(2, place="Rome")])
    db.close()
    with Database(path) as again:
        assert ["Rome"] == [a.title.split()[0] for a in ArticleStore(again).latest(10)]
        assert later.id == ArticleStore(again).latest(1)[0].id


def test_a_missing_body_file_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    with Database(path) as db:
        ArticleStore(db).add_many([make_article(1)])
    (tmp_path / "db.json.bodies.0").unlink()
    with pytest.raises(DatabaseError, match=r"bodies\.0 is missing.*backup"):
        Database(path, readonly=True)


def test_topic_weights_rank_from_memory_without_reading_bodies(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    with Database(path) as db:
        store = ArticleStore(db)
        passing = make_article(
            1,
            place="Oslo",
            body="Oslo opened a new library on Monday with a large crowd in attendance and "
            "music. Visitors came from Bergen and Vienna was mentioned once by a speaker.",
        )
        about = make_article(2, place="Vienna", hours_ago=5)
        ids = [o.id for o in store.add_many([passing, about])]
        for name in body_files(path):
            (tmp_path / name).write_bytes(b"")  # ranking must not need them
        assert ids[1] == store.rank_topics(["vienna"], now=datetime.now(UTC).timestamp())[0]


def test_db_check_finds_a_damaged_text_and_repair_drops_only_that_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "db.json"
    with Database(path) as db:
        store = ArticleStore(db)
        ids = [o.id for i in range(3) for o in store.add_many([make_article(i, place=f"Vik{i}q")])]
        ref = (db.raw(TABLE, ids[1]) or {})["b"]
    bodies = tmp_path / "db.json.bodies.0"
    data = bytearray(bodies.read_bytes())
    data[ref[1] + 5] = 0  # inside the second article's text
    bodies.write_bytes(bytes(data))
    assert 1 == main(["--db", str(path), "db", "check"])
    assert f"articles {ids[1]}: its text cannot be read" in capsys.readouterr().out
    assert 0 == main(["--db", str(path), "db", "repair"])
    assert "1 documents whose text was lost" in capsys.readouterr().out
    with Database(path) as again:
        assert sorted([ids[0], ids[2]]) == sorted(a.id for a in ArticleStore(again).latest(5))


def test_closing_folds_a_long_journal_into_the_snapshot_and_keeps_the_bodies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database_module, "CLOSE_COMPACT_BYTES", 0)
    path = tmp_path / "db.json"
    with Database(path) as db:
        ids = [o.id for o in ArticleStore(db).add_many([make_article(1), make_article(2)])]
    assert 0 == (tmp_path / "db.json.journal").stat().st_size
    assert ["db.json.bodies.0"] == body_files(path)  # no body copy at close
    with Database(path) as again:
        assert sorted(ids) == sorted(a.id for a in ArticleStore(again).latest(5))
