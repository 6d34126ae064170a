"""Issue 9: no acknowledged write lost. Failed appends, full disks, damaged files, read-only
folders and malformed journal lines each end in one clear line, and nothing acknowledged is
ever dropped; ``newsbrief db check`` and ``db repair`` take over where the open refuses."""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import json
import os
import random
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from bot.cli import main
from store import Database, DatabaseError
from store import database as database_module
from store.articles import ArticleStore
from store.files import open_unbuffered
from tests.helpers import make_article


class FailingDisk:
    """An opener whose files stop accepting bytes once ``room`` runs out: the write that
    crosses it lands partly, then raises ENOSPC, as a full disk does."""

    def __init__(self, modes: str = "ab wb") -> None:
        self.room: int | None = None
        self.modes = modes.split()

    def __call__(self, path: Path, mode: str) -> IO[bytes]:
        handle = open_unbuffered(path, mode)
        return _Failing(handle, self) if mode in self.modes else handle  # type: ignore[return-value]


class _Failing:
    def __init__(self, handle: IO[bytes], disk: FailingDisk) -> None:
        self._handle = handle
        self._disk = disk

    def write(self, data: bytes) -> int:
        room = self._disk.room
        if room is not None and len(data) > room:
            self._handle.write(bytes(data[:room]))
            self._disk.room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        if room is not None:
            self._disk.room = room - len(data)
        return self._handle.write(data)

    def __getattr__(self, name: str) -> object:
        return getattr(self._handle, name)


def journal_lines(path: Path) -> list[bytes]:
    return path.with_name(path.name + ".journal").read_bytes().splitlines(keepends=True)


def test_a_failed_append_fails_that_commit_only_and_later_commits_survive(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    disk = FailingDisk()
    db = Database(path, opener=disk)
    store = ArticleStore(db)
    [first] = store.add_many([make_article(1, place="Oslo")])
    disk.room = 40  # the next append tears after 40 bytes
    with pytest.raises(DatabaseError, match="No space left on device") as failed:
        store.add_many([make_article(2, place="Rome")])
    assert "\n" not in str(failed.value)
    assert ["Oslo"] == [a.title.split()[0] for a in store.latest(10)]  # not kept in memory
    disk.room = None  # room again
    [later] = store.add_many([make_article(3, place="Lima")])
    db.close()
    for line in journal_lines(path):  # no torn line left between good ones
        json.loads(line)
    with Database(path) as again:
        kept = ArticleStore(again).latest(10)
    assert ["Lima", "Oslo"] == sorted(a.title.split()[0] for a in kept)
    assert {first.id, later.id} == {a.id for a in kept}


def test_closing_after_a_failed_append_raises_nothing(tmp_path: Path) -> None:
    disk = FailingDisk()
    db = Database(tmp_path / "db.json", opener=disk)
    disk.room = 5
    with pytest.raises(DatabaseError):
        ArticleStore(db).add_many([make_article(1)])
    db.close()  # was a traceback: a buffered writer retried the failed bytes at close


def test_a_failed_snapshot_rewrite_leaves_the_old_snapshot_and_journal_intact(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.json"
    disk = FailingDisk(modes="wb")
    db = Database(path, opener=disk)
    store = ArticleStore(db)
    store.add_many([make_article(1, place="Oslo")])
    db.compact()
    store.add_many([make_article(2, place="Rome")])
    before = path.read_bytes(), b"".join(journal_lines(path))
    disk.room = 100
    with pytest.raises(DatabaseError, match="unchanged"):
        db.compact()
    assert before == (path.read_bytes(), b"".join(journal_lines(path)))
    assert not path.with_name("db.json.tmp").exists()
    db.close()
    with Database(path) as again:
        assert 2 == ArticleStore(again).count()


def test_a_commit_stays_acknowledged_when_the_automatic_rewrite_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database_module, "MIN_COMPACT_BYTES", 1_000)
    path = tmp_path / "db.json"
    disk = FailingDisk(modes="wb")
    disk.room = 0
    db = Database(path, opener=disk)
    store = ArticleStore(db)
    ids = [o.id for i in range(5) for o in store.add_many([make_article(i, place=f"Town{i}k")])]
    db.close()
    with Database(path) as again:
        assert sorted(ids) == sorted(a.id for a in ArticleStore(again).latest(10))


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 200 KB filesystem (tmpfs), when this runs as root and may mount."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("a small real filesystem needs root to mount a tmpfs")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_filesystem_fails_commits_cleanly_and_loses_nothing(small_disk: Path) -> None:
    path = small_disk / "db.json"
    db = Database(path)
    store = ArticleStore(db)
    acknowledged: list[int] = []
    failures = 0
    base = make_article(0, place="Ortv")
    rng = random.Random(9)
    for i in range(1, 1000):
        copy = dataclasses.replace(
            base, url=f"https://x.example/{i}", canonical_url="", fingerprint=rng.getrandbits(64)
        )
        try:
            outcomes = store.add_many([copy])
            acknowledged += [o.id for o in outcomes if o.status == "added"]
        except DatabaseError as exc:
            assert "\n" not in str(exc)
            failures += 1
            if failures == 3:
                break
    assert failures == 3 and acknowledged
    db.close()
    with Database(path, readonly=True) as again:
        assert sorted(acknowledged) == sorted(a.id for a in ArticleStore(again).latest(1000))


def test_a_corrupt_line_in_the_middle_stops_the_open_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = damaged_database(tmp_path, articles=50, bad_line=10)
    before = snapshot_of(tmp_path, ignore=".lock")
    for readonly in (False, True):
        with pytest.raises(DatabaseError, match=r"line 10 \(byte \d+\).*db repair"):
            Database(path, readonly=readonly)
    assert 2 == main(["--db", str(path), "latest"])
    err = capsys.readouterr().err
    assert 1 == len(err.strip().splitlines()) and "line 10" in err
    assert before == snapshot_of(tmp_path, ignore=".lock")


def test_db_check_reports_and_db_repair_keeps_every_readable_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = damaged_database(tmp_path, articles=50, bad_line=10)
    assert 1 == main(["--db", str(path), "db", "check"])
    assert "line 10" in capsys.readouterr().out
    assert 0 == main(["--db", str(path), "db", "repair"])
    out = capsys.readouterr().out
    assert "dropped 1 damaged journal lines" in out
    assert [p.name for p in tmp_path.glob("db.json.journal.damaged-*")]
    with Database(path) as again:
        assert 49 == ArticleStore(again).count()
    assert 0 == main(["--db", str(path), "db", "check"])


@pytest.mark.parametrize("damage", ["truncated", "corrupt"])
def test_a_damaged_snapshot_is_refused_and_repair_keeps_the_readable_documents(
    tmp_path: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "db.json"
    with Database(path) as db:
        store = ArticleStore(db)
        for i in range(20):
            store.add_many([make_article(i, place=f"Stadt{i}r")])
        db.compact()
        store.add_many([make_article(99, place="Journaled")])
    text = path.read_bytes()
    middle = text.index(b'"topics"', len(text) // 2)  # inside one article near the middle
    path.write_bytes(
        text[:middle] if damage == "truncated" else text[:middle] + b"\0" + text[middle:]
    )
    with pytest.raises(DatabaseError, match=r"damaged: .* at byte \d+.*db repair"):
        Database(path)
    assert 2 == main(["--db", str(path), "latest"])
    assert 1 == len(capsys.readouterr().err.strip().splitlines())
    assert 1 == main(["--db", str(path), "db", "check"])
    assert 0 == main(["--db", str(path), "db", "repair"])
    assert list(tmp_path.glob("db.json.damaged-*"))
    with Database(path) as again:
        titles = {a.title.split()[0] for a in ArticleStore(again).latest(100)}
    kept = {f"Stadt{i}r" for i in range(20)} & titles
    assert "Journaled" in titles
    # Every article before the damaged one is kept; a corrupt one costs only itself.
    assert len(kept) >= (19 if damage == "corrupt" else 9)


@pytest.mark.parametrize(
    "line",
    [b"[1, 2, 3]\n", b'"text"\n', b'{"t": "articles", "id": "seven", "doc": {}}\n', b'{"t": 5}\n'],
)
@pytest.mark.parametrize("where", ["middle", "last"])
def test_journal_lines_of_the_wrong_shape_are_one_clear_line(
    tmp_path: Path, line: bytes, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "db.json"
    with Database(path) as db:
        ArticleStore(db).add_many([make_article(1)])
    good = b'{"t":"articles","id":7,"doc":{"title":"Later"}}\n'
    with open(path.with_name("db.json.journal"), "ab") as journal:
        journal.write(line + (good if where == "middle" else b""))
    assert 2 == main(["--db", str(path), "latest"])
    err = capsys.readouterr().err
    assert 1 == len(err.strip().splitlines()) and "Traceback" not in err
    assert "is damaged" in err


def test_a_read_only_data_folder_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "db.json"
    with Database(path) as db:
        ArticleStore(db).add_many([make_article(1, place="Oslo")])
    (folder / "db.json.lock").unlink()
    with read_only(folder):
        assert 2 == main(["--db", str(path), "prune"])
        err = capsys.readouterr().err
        assert 1 == len(err.strip().splitlines()) and "Traceback" not in err
        assert "cannot write in" in err
        assert 0 == main(["--db", str(path), "latest"])  # reading still works
        assert "Oslo" in capsys.readouterr().out


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """chmod for a normal user; root ignores modes, so a read-only tmpfs for root."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    files = {p.name: p.read_bytes() for p in folder.iterdir()}
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        for name, data in files.items():
            (folder / name).write_bytes(data)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def damaged_database(tmp_path: Path, *, articles: int, bad_line: int) -> Path:
    """A database whose journal has one line per article and a NUL byte inside one line."""
    path = tmp_path / "db.json"
    with Database(path) as db:
        store = ArticleStore(db)
        for i in range(articles):
            store.add_many([make_article(i, place=f"Dorf{i}m")])
    lines = journal_lines(path)
    assert len(lines) == articles + 1  # the schema line, then one per article
    hurt = lines[bad_line - 1]
    lines[bad_line - 1] = hurt[:20] + b"\0" + hurt[21:]
    path.with_name("db.json.journal").write_bytes(b"".join(lines))
    return path


def snapshot_of(folder: Path, ignore: str = "") -> dict[str, bytes]:
    return {
        p.name: p.read_bytes()
        for p in sorted(folder.iterdir())
        if p.is_file() and not (ignore and p.name.endswith(ignore))
    }
