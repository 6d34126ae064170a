"""Issue 12: a large database opens from the article index saved beside its snapshot. The
saved file is used only when it describes that exact snapshot and reads whole; otherwise the
indexes are built from the documents, and a writer saves a good file again."""

from __future__ import annotations

import json
import random
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from briefings.model import Article
from briefings.reading.gazetteer import fold
from store import Database
from store.article_index import MAGIC, index_path
from store.articles import ArticleStore
from tests.helpers import make_article

PLACES = ["Oslo", "Rome", "Lima", "Vienna", "Quito", "Oslo", "Rome", "Lima"]


def answers(store: ArticleStore) -> tuple[object, ...]:
    """What readers see: every query the indexes answer. Topics are compared folded: of two
    spellings of one topic ("Lachín", "lachin") the one shown is whichever came first."""
    counts = {fold(t): n for t, n in store.topic_counts().items()}
    return (
        [a.id for a in store.latest(100)],
        store.ids_since(0.0),
        counts,
        {t: store.rank_topics([t], now=2e9) for t in sorted(counts)},
        {t: [fold(r) for r in store.resolve_topic(t)] for t in sorted(counts)},
    )


def fill(path: Path) -> None:
    """A snapshot with its saved index, then a journal on top: adds, a duplicate (which
    rewrites the kept article) and a prune."""
    with Database(path) as db:
        store = ArticleStore(db)
        store.add_many([make_article(n, place=p, hours_ago=n * 30) for n, p in enumerate(PLACES)])
        db.compact()
        store.add_many([make_article(20, place="Accra"), make_article(21, place="Oslo")])
        dup = make_article(22, place="Oslo", url="https://news.example.com/oslo/21")
        assert "duplicate" == store.add_many([dup])[0].status
        assert 2 == store.prune(7)  # articles 6 and 7 are 180 and 210 hours old


def test_a_reopened_store_uses_the_saved_index_and_answers_as_a_rebuilt_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.json"
    fill(path)
    assert index_path(path).exists()
    with Database(path, readonly=True) as db:
        store = ArticleStore(db)
        assert "saved" == store.index_source
        from_file = answers(store)
    index_path(path).unlink()
    with Database(path, readonly=True) as db:
        store = ArticleStore(db)
        assert "saved" != store.index_source
        rebuilt = answers(store)
    assert rebuilt == from_file
    assert 8 == len(from_file[0])  # 8 + 2 - 2 pruned, the duplicate folded in
    assert "accra" in from_file[2]  # type: ignore[operator]


def _truncate(index: Path, snapshot: Path) -> None:
    index.write_bytes(index.read_bytes()[:-10])


def _flip_a_byte(index: Path, snapshot: Path) -> None:
    data = bytearray(index.read_bytes())
    data[-20] ^= 0x01  # inside the arrays: a time or a weight changes
    index.write_bytes(bytes(data))


def _edit_the_header(index: Path, snapshot: Path) -> None:
    """Move an entry from one topic's run to the next: the arrays stay whole."""
    raw = index.read_bytes()
    start = len(MAGIC) + 8
    length = int.from_bytes(raw[len(MAGIC) : start], "little")
    header = json.loads(raw[start : start + length])
    header["topics"][0][2] += 1
    header["topics"][1][2] -= 1
    edited = json.dumps(header).encode()
    index.write_bytes(MAGIC + len(edited).to_bytes(8, "little") + edited + raw[start + length :])


def _garbage(index: Path, snapshot: Path) -> None:
    index.write_bytes(b"not an index\n")


def _another_snapshots(index: Path, snapshot: Path) -> None:
    """The index saved before the last rewrite, as a kill between the two would leave."""
    index.write_bytes(index.with_suffix(".older").read_bytes())


@pytest.mark.parametrize(
    ("damage", "why"),
    [
        (_truncate, "damaged"),
        (_flip_a_byte, "damaged"),
        (_edit_the_header, "damaged"),
        (_garbage, "not an article index"),
        (_another_snapshots, "another snapshot"),
    ],
)
def test_a_damaged_or_stale_saved_index_is_detected_and_rebuilt(
    tmp_path: Path, damage: object, why: str
) -> None:
    path = tmp_path / "db.json"
    with Database(path) as db:
        store = ArticleStore(db)
        store.add_many([make_article(n, place=p, hours_ago=n) for n, p in enumerate(PLACES[:4])])
        db.compact()
        shutil.copy(index_path(path), index_path(path).with_suffix(".older"))
        store.add_many([make_article(9, place="Accra")])
        db.compact()
        expected = answers(store)
    assert callable(damage)
    damage(index_path(path), path)
    with Database(path) as db:  # a writer rebuilds, answers the same, and saves a good file
        store = ArticleStore(db)
        assert why in store.index_source
        assert expected == answers(store)
    with Database(path, readonly=True) as db:
        store = ArticleStore(db)
        assert "saved" == store.index_source
        assert expected == answers(store)


def test_a_database_saved_before_the_index_opens_with_every_article(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    fill(path)
    with Database(path) as db:
        db.compact()  # everything in the snapshot, as the last close of an older version left it
        expected = answers(ArticleStore(db))
    index_path(path).unlink()  # older versions wrote no index
    with Database(path, readonly=True) as db:
        store = ArticleStore(db)
        assert "no saved index" == store.index_source
        assert expected == answers(store)
    assert not index_path(path).exists()  # a reader writes nothing
    with Database(path) as db:
        assert expected == answers(ArticleStore(db))
    assert index_path(path).exists()  # the first writer saves it for the next open


def test_random_changes_between_reopens_answer_as_a_rebuild(tmp_path: Path) -> None:
    """Many articles share a time (ties in the sorted runs), topics come and go, rewrites and
    reopens fall anywhere: the saved index plus the journal always equals a fresh build."""
    rng = random.Random(12)
    names = ["Oslo", "Rome", "Lima", "Anna Berg", "Peace talks", "Lachín", "lachin", "Quito"]
    base = datetime(2026, 11, 1, tzinfo=UTC)
    path = tmp_path / "db.json"
    db = Database(path)
    store = ArticleStore(db)
    for step in range(60):
        action = rng.random()
        if action < 0.6:
            batch = []
            for _ in range(rng.randint(1, 4)):
                n = rng.randrange(10_000)
                topics = rng.sample(names, rng.randint(0, 3))
                batch.append(
                    Article(
                        title=f"Story {n}",
                        summary="A short invented summary.",
                        quotes=[],
                        topics=topics,
                        topic_weights={t: rng.choice([1.0, 2.5, 4.0]) for t in topics},
                        published=base + timedelta(hours=rng.randrange(48)),  # ties
                        url=f"https://news.example.com/{rng.randrange(200)}",  # duplicates too
                        fingerprint=rng.getrandbits(64),
                    )
                )
            store.add_many(batch)
        elif action < 0.7:
            store.prune(0, now=base + timedelta(hours=rng.randrange(30)))
        elif action < 0.8:
            db.compact()
        else:
            db.close()
            db = Database(path)
            store = ArticleStore(db)
        if step % 10 == 9:
            with Database(path, readonly=True) as reader:
                reading = ArticleStore(reader)
                got, source = answers(reading), reading.index_source
            shutil.copy(index_path(path), tmp_path / "kept")
            index_path(path).unlink()
            with Database(path, readonly=True) as reader:
                assert answers(ArticleStore(reader)) == got, source
            shutil.copy(tmp_path / "kept", index_path(path))
            assert got == answers(store)  # and the writer's live indexes agree
    db.close()
