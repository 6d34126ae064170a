"""A crash-safe, non-quadratic TinyDB database.

TinyDB's ``JSONStorage`` rewrites the whole file in place on every change: a kill mid-write
corrupts it, and 10,000 inserts rewrite it 10,000 times. Here TinyDB keeps the documents in
memory (``MemoryStorage``) and every committed change is appended to a journal
(``<db>.journal``, one JSON line per document put or delete, one fsync per commit). When the
journal outgrows the snapshot, the snapshot (an ordinary TinyDB JSON file, readable by plain
TinyDB) is rewritten to a temporary file, fsynced and renamed over the old one, then the journal
is emptied. Replaying is idempotent, so a kill between any two steps loses nothing committed;
a torn last journal line (a kill mid-append) was never acknowledged and is dropped at open.

A failed append (disk full, file size limit, I/O error) is cut off again, so the journal stays
a run of good lines and later commits follow the last good one. Damage anywhere else (a bad
line before the last, a broken snapshot) stops the open with the place it was found and leaves
the files as they are: ``newsbrief db check`` and ``db repair`` (``store/repair.py``) take over.
"""

from __future__ import annotations

import logging
import os
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Document, Table

from store.bodies import REF, BodyFiles, ref_of
from store.files import (
    DatabaseError,
    Delete,
    Op,
    Opener,
    Put,
    encode,
    json_chunks,
    open_unbuffered,
    read_snapshot,
    scan_journal,
    write_all,
    write_file_atomically,
)

__all__ = ["Database", "DatabaseError", "Delete", "Op", "Put"]

SCHEMA_VERSION = 1
META = "_meta"
MIN_COMPACT_BYTES = 1 << 20
CLOSE_COMPACT_BYTES = 1 << 18  # a longer journal is folded into the snapshot at close

log = logging.getLogger(__name__)

# Told of every snapshot rewrite: the tables written and the new file's (size, CRC-32).
RewriteHook = Callable[[dict[str, Any], tuple[int, int]], None]


class Database:
    """TinyDB in memory, made durable by a journal and atomic snapshots. Thread-safe.

    ``opener`` opens the journal and the snapshot's temporary file (tests inject one that
    fails part-way, as a full disk does)."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        fsync: bool = True,
        readonly: bool = False,
        opener: Opener = open_unbuffered,
    ) -> None:
        self.path = Path(path) if path else None
        self._fsync = fsync
        self.readonly = readonly
        self._opener = opener
        self._lock_file: Any = None
        self._lock = threading.RLock()
        self._tiny = TinyDB(storage=MemoryStorage)
        self._journal_bytes = 0
        self._snapshot_bytes = 0
        self._compact_at = MIN_COMPACT_BYTES
        self._bodies_base = 0  # body file size after the last rewrite (or at open)
        self._journal: IO[bytes] | None = None
        self._broken = ""  # why writes are refused after a failure that could not be undone
        self._next_ids: dict[str, int] = {}
        # The snapshot the documents were read from or last written to: (size, CRC-32).
        self.snapshot_mark: tuple[int, int] | None = None
        # What changed since that snapshot (the journal replayed at open, and commits since):
        # table -> id -> the snapshot's document, None when it had none. An index saved for
        # the snapshot is brought up to date with these.
        self.since_snapshot: dict[str, dict[int, dict[str, Any] | None]] = {}
        self._rewrite_hooks: dict[str, RewriteHook] = {}  # by table
        self._bodies = BodyFiles(self.path, opener, fsync) if self.path else None
        try:
            if self.path:
                if not readonly:
                    take_lock(self, self.path)
                self._open_files(self.path)
            if not self.table(META).contains(doc_id=1) and not readonly:
                self.commit([Put(META, 1, {"schema_version": SCHEMA_VERSION})])
        except DatabaseError:
            self.close()
            raise
        version = self.table(META).get(doc_id=1)
        if version and version.get("schema_version", 0) > SCHEMA_VERSION:
            self.close()
            raise DatabaseError(
                f"{self.path}: written by a newer newsbrief (schema {version['schema_version']})"
            )

    @staticmethod
    def exists(path: str | Path) -> bool:
        """Whether a database lives at ``path`` (its snapshot, or only a journal so far)."""
        path = Path(path)
        return path.exists() or journal_path(path).exists()

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

    def body(self, doc: dict[str, Any]) -> dict[str, Any]:
        """The part of a document kept on disk (``Put(..., body=...)``); {} when none."""
        inline = doc.get(REF)
        if isinstance(inline, dict):  # a database in memory keeps it in the document
            return inline
        ref = ref_of(doc)
        if ref is None or self._bodies is None:
            return {}
        return self._bodies.read(ref)

    def next_id(self, name: str) -> int:
        with self._lock:
            if name not in self._next_ids:
                ids = [doc_id for doc_id, _ in self.documents(name)]
                self._next_ids[name] = max(ids, default=0) + 1
            value = self._next_ids[name]
            self._next_ids[name] = value + 1
            return value

    def on_rewrite(self, table: str, hook: RewriteHook) -> None:
        """Call ``hook`` after each snapshot rewrite, under the lock (what it raises is logged).
        One hook per table: a second store opened on the same database replaces the first."""
        self._rewrite_hooks[table] = hook

    # -- writing -----------------------------------------------------------------------------
    def commit(self, ops: Iterable[Op]) -> None:
        """Make the changes durable (journal + fsync), then visible. All or nothing: when this
        raises, the journal and the documents are as they were before the call. (A kill before
        the fsync returns may keep any prefix of the ops, never a broken file.)"""
        ops = list(ops)
        if not ops:
            return
        with self._lock:
            self._check_writable()
            bodies_at = self._bodies.size if self._bodies else 0
            ops = self._place_bodies(ops)
            if self._journal is not None:
                payload = "".join(encode(op) for op in ops).encode("utf-8")
                start = self._journal_bytes
                try:
                    write_all(self._journal, payload)
                    if self._fsync:
                        os.fsync(self._journal.fileno())
                except OSError as exc:
                    if self._bodies:
                        self._bodies.cut(bodies_at)
                    self._undo_append(start, exc)
                self._journal_bytes += len(payload)
            self._apply(ops)
            if self._journal is not None and self._grown() > max(
                self._compact_at, self._snapshot_bytes + self._bodies_base
            ):
                try:
                    self.compact()
                except DatabaseError as exc:
                    # The commit itself is durable in the journal; the rewrite waits for room.
                    log.warning("%s; the journal keeps growing until it succeeds", exc)
                    self._compact_at = self._grown() + max(
                        MIN_COMPACT_BYTES, self._snapshot_bytes + self._bodies_base
                    )

    def _grown(self) -> int:
        """Bytes written since the last rewrite: journal lines and bodies (live or not)."""
        bodies = self._bodies.size - self._bodies_base if self._bodies else 0
        return self._journal_bytes + bodies

    def compact(self, *, bodies: bool = True) -> None:
        """Rewrite the snapshot atomically and empty the journal; with ``bodies``, also copy
        the live bodies to a new generation (dropping deleted ones). On failure the old
        snapshot and journal are left whole (DatabaseError)."""
        if not self.path or self._journal is None:
            return
        with self._lock:
            self._check_writable()
            data = self._tiny.storage.read() or {}
            generation = None
            mark = [0, 0]  # size and CRC-32 of what was written

            def measured(chunks: Iterator[bytes]) -> Iterator[bytes]:
                for chunk in chunks:
                    mark[0] += len(chunk)
                    mark[1] = zlib.crc32(chunk, mark[1])
                    yield chunk

            try:
                if self._bodies and bodies:
                    # Live bodies into a new generation first: the old snapshot and journal
                    # keep theirs until the new snapshot has replaced them.
                    data, generation = self._bodies.copy_live(data)
                write_file_atomically(
                    self.path, measured(json_chunks(data)), self._opener, sync=self._fsync
                )
            except OSError as exc:
                if generation is not None and self._bodies:
                    self._bodies.file(generation).unlink(missing_ok=True)
                raise DatabaseError(
                    f"cannot rewrite {self.path}: {exc.strerror}; the old snapshot and "
                    "journal are unchanged"
                ) from exc
            if generation is not None and self._bodies:
                self._tiny.storage.write(data)  # references into the new generation
                self._bodies.switch(generation)
                self._bodies_base = self._bodies.size
            self._snapshot_bytes = self.path.stat().st_size
            self._compact_at = MIN_COMPACT_BYTES
            self.snapshot_mark = (mark[0], mark[1])
            self.since_snapshot = {}
            for table, hook in self._rewrite_hooks.items():
                try:
                    hook(data, self.snapshot_mark)
                except Exception:  # a cache beside the snapshot must never fail a commit
                    log.exception("after rewriting %s, the %s hook failed", self.path, table)
            try:
                self._journal.truncate(0)
                if self._fsync:
                    os.fsync(self._journal.fileno())
            except OSError as exc:
                # Harmless: the snapshot holds every op, and replaying them again is idempotent.
                log.warning("cannot empty %s: %s", journal_path(self.path), exc.strerror)
                return
            self._journal_bytes = 0
            if self._bodies:  # the journal is empty: what the documents refer to is all
                self._bodies.drop_older(keep=self._referenced())

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._journal is not None and self._journal_bytes > CLOSE_COMPACT_BYTES:
                # The next open reads one snapshot instead of replaying a long journal.
                try:
                    self.compact(bodies=False)
                except DatabaseError as exc:
                    log.warning("%s", exc)
            if self._journal is not None:
                try:
                    self._journal.close()  # unbuffered: nothing left to flush on a full disk
                except OSError as exc:
                    log.warning("closing %s: %s", self.path, exc.strerror)
                self._journal = None
            if self._bodies is not None:
                self._bodies.close()
            if self._lock_file is not None:
                self._lock_file.close()  # releases the flock
                self._lock_file = None

    # -- internals ---------------------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.readonly:
            raise DatabaseError(f"{self.path} was opened read-only")
        if self._broken:
            raise DatabaseError(self._broken)

    def _referenced(self) -> set[int]:
        """The body generations the documents refer to."""
        found: set[int] = set()
        for table in (self._tiny.storage.read() or {}).values():
            for doc in table.values():
                ref = doc.get(REF)
                # Inline, not ref_of(): this runs once per document at every open.
                if type(ref) is list and len(ref) == 3 and type(ref[0]) is int:
                    found.add(ref[0])
        return found

    def _place_bodies(self, ops: list[Op]) -> list[Op]:
        """Write the bodies of the puts that have one; the puts then carry their references."""
        with_body = [op for op in ops if isinstance(op, Put) and op.body is not None]
        if not with_body:
            return ops
        if self._bodies is None:
            placed = [{**op.doc, REF: op.body} for op in with_body]
        else:
            try:
                refs = self._bodies.append([op.body for op in with_body if op.body is not None])
            except OSError as exc:
                raise DatabaseError(
                    f"cannot write {self._bodies.file(self._bodies.generation)}: "
                    f"{exc.strerror}; this change was not saved"
                ) from exc
            placed = [{**op.doc, REF: ref} for op, ref in zip(with_body, refs, strict=True)]
        docs = {id(op): doc for op, doc in zip(with_body, placed, strict=True)}
        return [Put(op.table, op.doc_id, docs[id(op)]) if id(op) in docs else op for op in ops]

    def _undo_append(self, start: int, exc: OSError) -> None:
        """Cut a failed append back to the last good line, so nothing follows a torn line."""
        assert self._journal is not None and self.path is not None
        name = journal_path(self.path)
        try:
            self._journal.truncate(start)
            if self._fsync:
                os.fsync(self._journal.fileno())
        except OSError as undo:
            # The torn line stays last: refusing every later write keeps it last, and the next
            # open drops it.
            self._broken = (
                f"cannot write {name}: {exc.strerror}, and cannot cut the failed write off "
                f"({undo.strerror}); restart newsbrief once there is room"
            )
            raise DatabaseError(self._broken) from exc
        raise DatabaseError(
            f"cannot write {name}: {exc.strerror}; this change was not saved"
        ) from exc

    def _open_files(self, path: Path) -> None:
        if not path.parent.is_dir():
            raise DatabaseError(f"the database folder {path.parent} does not exist")
        data, self.snapshot_mark = read_snapshot(path)
        if data:
            self._snapshot_bytes = path.stat().st_size
        self._tiny.storage.write(data)
        name = journal_path(path)
        scan = scan_journal(name, strict=True)
        self._apply(scan.ops)
        if self._bodies is not None:
            self._bodies.open(self._referenced(), writable=not self.readonly)
            self._bodies_base = self._bodies.size
        if self.readonly:
            return
        try:
            self._journal = self._opener(name, "ab")
            size = os.fstat(self._journal.fileno()).st_size
            if size != scan.good_bytes:
                self._journal.truncate(scan.good_bytes)  # a torn, unacknowledged last line
            if scan.unterminated:
                write_all(self._journal, b"\n")  # a whole last record that lost its newline
                scan.good_bytes += 1
        except OSError as exc:
            raise DatabaseError(f"cannot open {name}: {exc.strerror}") from exc
        self._journal_bytes = scan.good_bytes

    def _apply(self, ops: list[Op]) -> None:
        by_table: dict[str, list[Op]] = {}
        for op in ops:
            by_table.setdefault(op.table, []).append(op)
            if self.path is None:  # no snapshot, nothing saved beside it
                continue
            changed = self.since_snapshot.setdefault(op.table, {})
            if op.doc_id not in changed:  # the snapshot's version (replacing does not alter it)
                changed[op.doc_id] = self.raw(op.table, op.doc_id)
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


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


def take_lock(owner: Any, path: Path) -> None:
    """One writer at a time: a second process would interleave journal lines. Sets
    ``owner._lock_file``; its close releases the lock."""
    import fcntl

    if not path.parent.is_dir():
        raise DatabaseError(f"the database folder {path.parent} does not exist")
    try:
        lock_file = open(path.with_name(path.name + ".lock"), "a+")  # noqa: SIM115
    except OSError as exc:
        raise DatabaseError(
            f"cannot write in {path.parent}: {exc.strerror}; newsbrief needs a writable "
            "data folder (read-only commands such as latest and topic still work)"
        ) from exc
    try:
        fcntl.flock(lock_file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        lock_file.close()
        raise DatabaseError(
            f"{path} is in use by another newsbrief process (the bot?); "
            "stop it first, or use read-only commands (latest, topic, topics)"
        ) from exc
    owner._lock_file = lock_file
