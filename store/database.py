"""A crash-safe, non-quadratic TinyDB database.

TinyDB's ``JSONStorage`` rewrites the whole file in place on every change: a kill mid-write
corrupts it, and 10,000 inserts rewrite it 10,000 times. Here TinyDB keeps the documents in
memory (``MemoryStorage``) and every committed change is appended to a journal
(``<db>.journal``, one JSON line per document put or delete, one fsync per commit). When the
journal outgrows the snapshot, the snapshot (an ordinary TinyDB JSON file, readable by plain
TinyDB) is rewritten to a temporary file, fsynced and renamed over the old one, then the journal
is emptied. Replaying is idempotent, so a kill between any two steps loses nothing committed;
a torn last journal line (a kill mid-append) was never acknowledged and is dropped at open.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Document, Table

SCHEMA_VERSION = 1
META = "_meta"
MIN_COMPACT_BYTES = 1 << 20


class DatabaseError(Exception):
    """The database cannot be opened or written; the message says why in one line."""


@dataclass(slots=True, frozen=True)
class Put:
    table: str
    doc_id: int
    doc: dict[str, Any]


@dataclass(slots=True, frozen=True)
class Delete:
    table: str
    doc_id: int


Op = Put | Delete


class Database:
    """TinyDB in memory, made durable by a journal and atomic snapshots. Thread-safe."""

    def __init__(
        self, path: str | Path | None = None, *, fsync: bool = True, readonly: bool = False
    ) -> None:
        self.path = Path(path) if path else None
        self._fsync = fsync
        self.readonly = readonly
        self._lock_file: Any = None
        self._lock = threading.RLock()
        self._tiny = TinyDB(storage=MemoryStorage)
        self._journal_bytes = 0
        self._snapshot_bytes = 0
        self._journal: Any = None
        self._next_ids: dict[str, int] = {}
        if self.path:
            if not readonly:
                self._take_lock(self.path)
            try:
                self._open_files(self.path)
            except DatabaseError:
                self.close()
                raise
        if not self.table(META).contains(doc_id=1) and not readonly:
            self.commit([Put(META, 1, {"schema_version": SCHEMA_VERSION})])
        version = self.table(META).get(doc_id=1)
        if version and version.get("schema_version", 0) > SCHEMA_VERSION:
            raise DatabaseError(
                f"{self.path}: written by a newer newsbrief (schema {version['schema_version']})"
            )

    @staticmethod
    def exists(path: str | Path) -> bool:
        """Whether a database lives at ``path`` (its snapshot, or only a journal so far)."""
        path = Path(path)
        return path.exists() or path.with_name(path.name + ".journal").exists()

    # -- reading -----------------------------------------------------------------------------
    def table(self, name: str) -> Table:
        return self._tiny.table(name, cache_size=0)

    def documents(self, name: str) -> Iterator[tuple[int, dict[str, Any]]]:
        """Every document of a table with its id, without copying (callers must not mutate)."""
        raw = (self._tiny.storage.read() or {}).get(name, {})
        for key, doc in list(raw.items()):
            yield int(key), doc

    def table_dict(self, name: str) -> dict[str, Any]:
        """A table's documents keyed by id string, without copying (callers must not mutate)."""
        table: dict[str, Any] = (self._tiny.storage.read() or {}).get(name, {})
        return table

    def raw(self, name: str, doc_id: int) -> dict[str, Any] | None:
        """One document by id, without copying (callers must not mutate)."""
        doc = self.table_dict(name).get(str(doc_id))
        return doc if isinstance(doc, dict) else None

    def next_id(self, name: str) -> int:
        with self._lock:
            if name not in self._next_ids:
                ids = [doc_id for doc_id, _ in self.documents(name)]
                self._next_ids[name] = max(ids, default=0) + 1
            value = self._next_ids[name]
            self._next_ids[name] = value + 1
            return value

    # -- writing -----------------------------------------------------------------------------
    def commit(self, ops: Iterable[Op]) -> None:
        """Make the changes durable (journal + fsync), then visible. All or nothing on disk:
        a kill before the fsync returns may keep any prefix of them, never a broken file."""
        ops = list(ops)
        if not ops:
            return
        if self.readonly:
            raise DatabaseError(f"{self.path} was opened read-only")
        with self._lock:
            if self._journal is not None:
                payload = "".join(_encode(op) for op in ops).encode("utf-8")
                try:
                    self._journal.write(payload)
                    self._journal.flush()
                    if self._fsync:
                        os.fsync(self._journal.fileno())
                except OSError as exc:
                    raise DatabaseError(f"cannot write {self.path}: {exc.strerror}") from exc
                self._journal_bytes += len(payload)
            self._apply(ops)
            if self._journal is not None and self._journal_bytes > max(
                MIN_COMPACT_BYTES, self._snapshot_bytes
            ):
                self.compact()

    def compact(self) -> None:
        """Rewrite the snapshot atomically and empty the journal."""
        if not self.path or self._journal is None:
            return
        with self._lock:
            data = self._tiny.storage.read() or {}
            tmp = self.path.with_name(self.path.name + ".tmp")
            try:
                with open(tmp, "w", encoding="utf-8") as handle:
                    json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, self.path)
                _fsync_dir(self.path.parent)
                self._journal.truncate(0)
                self._journal.seek(0)
                os.fsync(self._journal.fileno())
            except OSError as exc:
                raise DatabaseError(f"cannot write {self.path}: {exc.strerror}") from exc
            self._snapshot_bytes = self.path.stat().st_size
            self._journal_bytes = 0

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._journal is not None:
                self._journal.close()
                self._journal = None
            if self._lock_file is not None:
                self._lock_file.close()  # releases the flock
                self._lock_file = None

    def _take_lock(self, path: Path) -> None:
        """One writer at a time: a second process would interleave journal lines."""
        import fcntl

        if not path.parent.is_dir():
            raise DatabaseError(f"the database folder {path.parent} does not exist")
        self._lock_file = open(path.with_name(path.name + ".lock"), "a+")  # noqa: SIM115
        try:
            fcntl.flock(self._lock_file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            self._lock_file.close()
            self._lock_file = None
            raise DatabaseError(
                f"{path} is in use by another newsbrief process (the bot?); "
                "stop it first, or use read-only commands (latest, topic, topics)"
            ) from exc

    # -- internals ---------------------------------------------------------------------------
    def _open_files(self, path: Path) -> None:
        if not path.parent.is_dir():
            raise DatabaseError(f"the database folder {path.parent} does not exist")
        data: dict[str, Any] = {}
        if path.exists() and path.stat().st_size:
            try:
                data = json.loads(path.read_text("utf-8"))
            except (OSError, ValueError) as exc:
                raise DatabaseError(f"{path} is not a newsbrief database: {exc}") from exc
            if not isinstance(data, dict):
                raise DatabaseError(f"{path} is not a newsbrief database")
            self._snapshot_bytes = path.stat().st_size
        self._tiny.storage.write(data)
        journal_path = path.with_name(path.name + ".journal")
        ops, good_bytes = _read_journal(journal_path)
        self._apply(ops)
        if self.readonly:
            self._journal = None
            return
        try:
            self._journal = open(journal_path, "ab")  # noqa: SIM115 - held open for appends
            if self._journal.tell() != good_bytes:
                self._journal.truncate(good_bytes)  # drop a torn, unacknowledged last line
                self._journal.seek(good_bytes)
        except OSError as exc:
            raise DatabaseError(f"cannot open {journal_path}: {exc.strerror}") from exc
        self._journal_bytes = good_bytes

    def _apply(self, ops: list[Op]) -> None:
        by_table: dict[str, list[Op]] = {}
        for op in ops:
            by_table.setdefault(op.table, []).append(op)
        for name, table_ops in by_table.items():
            # Last write per id wins; one TinyDB update per table keeps a batch O(n), not O(n*k).
            final: dict[int, Op] = {op.doc_id: op for op in table_ops}
            table = self.table(name)
            existing = [i for i in final if table.contains(doc_id=i)]
            if existing:
                table.remove(doc_ids=existing)
            puts = [Document(op.doc, doc_id=i) for i, op in final.items() if isinstance(op, Put)]
            if puts:
                table.insert_multiple(puts)
            top = max(final)
            if self._next_ids.get(name, 0) <= top:
                self._next_ids[name] = top + 1


def _encode(op: Op) -> str:
    if isinstance(op, Put):
        record: dict[str, Any] = {"t": op.table, "id": op.doc_id, "doc": op.doc}
    else:
        record = {"t": op.table, "id": op.doc_id, "del": True}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def _read_journal(path: Path) -> tuple[list[Op], int]:
    """Ops of every complete line, and the byte length of that good prefix."""
    if not path.exists():
        return [], 0
    ops: list[Op] = []
    good = 0
    with open(path, "rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break
            try:
                record = json.loads(line)
                op: Op = (
                    Delete(record["t"], int(record["id"]))
                    if record.get("del")
                    else Put(record["t"], int(record["id"]), record["doc"])
                )
            except (ValueError, KeyError, TypeError):
                break
            ops.append(op)
            good += len(line)
    return ops, good


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
