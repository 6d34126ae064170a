"""The on-disk formats of a database: the snapshot (a plain TinyDB JSON file) and the journal
(one JSON object per line), read strictly for opening and leniently for ``db repair``."""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson

REPAIR_HINT = 'files left untouched; run "newsbrief db check", then "newsbrief db repair"'

Opener = Callable[[Path, str], IO[bytes]]


class DatabaseError(Exception):
    """The database cannot be opened or written; the message says why in one line."""


@dataclass(slots=True, frozen=True)
class Put:
    table: str
    doc_id: int
    doc: dict[str, Any]
    body: dict[str, Any] | None = None  # kept on disk, not in memory (store/bodies.py)


@dataclass(slots=True, frozen=True)
class Delete:
    table: str
    doc_id: int


Op = Put | Delete


@dataclass(slots=True)
class BadLine:
    line: int
    offset: int
    why: str


@dataclass(slots=True)
class JournalScan:
    """What a journal holds: the ops of its good lines and what was wrong with the others."""

    ops: list[Op] = field(default_factory=list)
    good_bytes: int = 0  # length of the prefix a writer keeps (a torn tail cut off)
    lines: int = 0  # good lines
    bad: list[BadLine] = field(default_factory=list)
    torn_tail: int = 0  # bytes of an unfinished last line that does not parse (dropped)
    unterminated: bool = False  # the last line parses but lacks its newline (kept)


def open_unbuffered(path: Path, mode: str) -> IO[bytes]:
    """Unbuffered, so a failed write leaves nothing queued for a later flush or close."""
    return open(path, mode, buffering=0)


def write_all(handle: IO[bytes], data: bytes) -> None:
    """Write every byte (raw files may write fewer than asked) or raise OSError."""
    view = memoryview(data)
    while view:
        written = handle.write(view)
        if not written:
            raise OSError(0, "the file accepted no more bytes")
        view = view[written:]


def encode(op: Op) -> str:
    if isinstance(op, Put):
        record: dict[str, Any] = {"t": op.table, "id": op.doc_id, "doc": op.doc}
    else:
        record = {"t": op.table, "id": op.doc_id, "del": True}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def parse_json(raw: bytes) -> Any:
    """orjson's parse, several times faster than the stdlib's; what it refuses (damage, or the
    NaN the stdlib writes and reads) goes to the stdlib, whose errors say where and why."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return json.loads(raw)


def decode(line: bytes) -> Op:
    """One journal line as an op; ValueError saying what is wrong with it."""
    record = parse_json(line)
    if not isinstance(record, dict):
        raise ValueError(f"a JSON {type(record).__name__}, not an object")
    table, doc_id = record.get("t"), record.get("id")
    if not isinstance(table, str) or not table:
        raise ValueError('no table name ("t")')
    if type(doc_id) is not int or doc_id < 1:
        raise ValueError('no document id ("id")')
    if record.get("del") is True:
        return Delete(table, doc_id)
    doc = record.get("doc")
    if not isinstance(doc, dict):
        raise ValueError('no document ("doc")')
    return Put(table, doc_id, doc)


def scan_journal(path: Path, *, strict: bool) -> JournalScan:
    """Read a journal. Only an unfinished last line can come from a kill mid-append, so only
    that one is dropped quietly; any other bad line raises (strict) or is listed (repair)."""
    scan = JournalScan()
    if not path.exists():
        return scan
    offset = 0
    try:
        with open(path, "rb") as handle:
            for number, line in enumerate(handle, 1):
                try:
                    op = decode(line)
                except ValueError as exc:
                    if not line.endswith(b"\n") and _could_be_cut_short(exc):
                        scan.torn_tail = len(line)
                        break
                    why = str(exc).split("\n")[0]
                    if strict:
                        raise DatabaseError(
                            f"{path}: line {number} (byte {offset}) is damaged: {why}; "
                            + REPAIR_HINT
                        ) from exc
                    scan.bad.append(BadLine(number, offset, why))
                else:
                    scan.ops.append(op)
                    scan.lines += 1
                    scan.unterminated = not line.endswith(b"\n")
                offset += len(line)
                scan.good_bytes = offset
    except OSError as exc:
        raise DatabaseError(f"cannot read {path}: {exc.strerror}") from exc
    return scan


def _could_be_cut_short(exc: ValueError) -> bool:
    """A kill mid-append leaves a prefix of a record; a whole record followed by more bytes
    (its newline overwritten) is damage, not an interrupted write."""
    return not (isinstance(exc, json.JSONDecodeError) and exc.msg == "Extra data")


def load_snapshot(path: Path) -> dict[str, Any]:
    """The snapshot's tables, or DatabaseError saying where it is damaged."""
    return read_snapshot(path)[0]


def read_snapshot(path: Path) -> tuple[dict[str, Any], tuple[int, int] | None]:
    """The snapshot's tables and its (size, CRC-32), which names this exact file to the
    indexes saved beside it; or DatabaseError saying where it is damaged."""
    if not path.exists() or not path.stat().st_size:
        return {}, None
    try:
        raw = path.read_bytes()
        data = parse_json(raw)
    except json.JSONDecodeError as exc:
        raise DatabaseError(
            f"{path} is not a newsbrief database, or is damaged: {exc.msg} at byte {exc.pos}; "
            + REPAIR_HINT
        ) from exc
    except (OSError, ValueError) as exc:
        why = exc.strerror if isinstance(exc, OSError) else str(exc).split("\n")[0]
        raise DatabaseError(f"{path} is not a newsbrief database: {why}") from exc
    problem = snapshot_problem(data)
    if problem:
        raise DatabaseError(f"{path} is not a newsbrief database: {problem}; {REPAIR_HINT}")
    assert isinstance(data, dict)
    return data, (len(raw), zlib.crc32(raw))


def snapshot_problem(data: Any) -> str | None:
    """What keeps parsed JSON from being a TinyDB snapshot (tables of documents by id)."""
    if not isinstance(data, dict):
        return f"a JSON {type(data).__name__}, not an object of tables"
    for name, table in data.items():
        if not isinstance(table, dict):
            return f"table {name!r} is not an object"
        for key, doc in table.items():
            if not key.isdigit() or not isinstance(doc, dict):
                return f"table {name!r}, document {key!r} is not a document"
    return None


def apply_to(data: dict[str, Any], ops: list[Op]) -> None:
    """Replay ops on plain snapshot data (what ``db repair`` writes)."""
    for op in ops:
        table = data.setdefault(op.table, {})
        if isinstance(op, Put):
            table[str(op.doc_id)] = op.doc
        else:
            table.pop(str(op.doc_id), None)


def json_chunks(data: dict[str, Any], size: int = 1 << 20) -> Iterator[bytes]:
    """The snapshot's JSON in chunks, so a large database is never one giant string."""
    parts: list[str] = []
    length = 0
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    for piece in encoder.iterencode(data):
        parts.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(parts).encode("utf-8")
            parts, length = [], 0
    if parts:
        yield "".join(parts).encode("utf-8")


def write_file_atomically(
    path: Path, chunks: Iterator[bytes], opener: Opener, *, sync: bool = True
) -> None:
    """Write a temporary file, fsync it, rename it over ``path``; on failure ``path`` is as it
    was and the temporary file is gone. Raises OSError."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        handle = opener(tmp, "wb")
        try:
            for chunk in chunks:
                write_all(handle, chunk)
            if sync:
                os.fsync(handle.fileno())
        finally:
            handle.close()
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
    if sync:
        fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
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
