"""``db check`` and ``db repair``: find the damage the open refuses, and keep every readable
record when rewriting. The damaged files are kept beside the database, never deleted."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.bodies import BodyFiles, ref_of
from store.database import journal_path, take_lock
from store.files import (
    DatabaseError,
    JournalScan,
    apply_to,
    fsync_dir,
    json_chunks,
    open_unbuffered,
    scan_journal,
    snapshot_problem,
    write_file_atomically,
)

_KEY = re.compile(r'\s*[,{]?\s*"((?:[^"\\]|\\.)*)"\s*:\s*')
_CLOSE = re.compile(r"\s*\}")
_DOC = re.compile(r'"\d+"\s*:\s*\{')
_TABLE = re.compile(r'\}\s*,\s*"[^"\\\d][^"\\]*"\s*:\s*\{')


@dataclass(slots=True)
class Salvage:
    """What could be read of a snapshot: its tables and where it was damaged."""

    data: dict[str, Any] = field(default_factory=dict)
    damage: list[str] = field(default_factory=list)  # "byte N: why"
    skipped_bytes: int = 0


@dataclass(slots=True)
class Health:
    path: Path
    snapshot: Salvage
    journal: JournalScan
    state: dict[str, Any] = field(default_factory=dict)  # snapshot + journal, as an open sees it
    lost: list[tuple[str, str, str]] = field(default_factory=list)  # table, id, why: no text

    @property
    def damaged(self) -> bool:
        return bool(self.snapshot.damage or self.journal.bad or self.lost)

    def lines(self) -> list[str]:
        """The report, one line per finding."""
        out = []
        kept = sum(len(t) for t in self.snapshot.data.values())
        if self.snapshot.damage:
            out.append(
                f"{self.path}: damaged at {'; '.join(self.snapshot.damage[:5])}"
                f" ({kept} documents readable, {self.snapshot.skipped_bytes} bytes unreadable)"
            )
        else:
            out.append(f"{self.path}: good, {kept} documents")
        name = journal_path(self.path)
        for bad in self.journal.bad[:20]:
            out.append(f"{name}: line {bad.line} (byte {bad.offset}) is damaged: {bad.why}")
        if len(self.journal.bad) > 20:
            out.append(f"{name}: {len(self.journal.bad) - 20} more damaged lines")
        torn = (
            f", and a torn last line of {self.journal.torn_tail} bytes (an interrupted write, "
            "dropped at open)"
            if self.journal.torn_tail
            else ""
        )
        out.append(
            f"{name}: {self.journal.lines} good lines, {len(self.journal.bad)} damaged{torn}"
        )
        for table, doc_id, why in self.lost[:20]:
            out.append(f"{table} {doc_id}: its text cannot be read: {why}")
        if len(self.lost) > 20:
            out.append(f"{len(self.lost) - 20} more documents whose text cannot be read")
        return out


def salvage_snapshot(raw: bytes) -> Salvage:
    """Every document that still parses, resuming after each damaged stretch at the next
    ``"id":{`` (a document) or ``},"name":{`` (a table)."""
    salvage = Salvage()
    text = raw.decode("utf-8", errors="replace")
    try:
        whole = json.loads(text)
    except ValueError:
        pass
    else:
        problem = snapshot_problem(whole)
        if not problem:
            salvage.data = whole
            return salvage
    decoder = json.JSONDecoder()
    table: str | None = None
    pos, end = 0, len(text)

    def resync(at: int, why: str) -> int:
        salvage.damage.append(f"byte {at}: {why}")
        candidates = [m.start() for rx in (_DOC, _TABLE) if (m := rx.search(text, at + 1))]
        nxt = min(candidates, default=end)
        salvage.skipped_bytes += nxt - at
        return nxt

    while pos < end:
        if key := _KEY.match(text, pos):
            try:
                name = json.loads(f'"{key.group(1)}"')
            except ValueError:
                pos = resync(pos, "a broken key")
                continue
            start = key.end()
            if not text.startswith("{", start):
                pos = resync(pos, "a value that is not an object")
            elif name.isdigit() and table is not None:
                try:
                    doc, pos = decoder.raw_decode(text, start)
                except ValueError as exc:
                    pos = resync(start, exc.args[0].split(":")[0])
                    continue
                salvage.data[table][name] = doc
            elif not name.isdigit():
                table = name
                salvage.data.setdefault(table, {})
                pos = start + 1
            else:
                pos = resync(pos, "a document outside any table")
        elif close := _CLOSE.match(text, pos):
            table = None  # the end of a table, or of the whole file
            pos = close.end()
        elif text[pos:].strip():
            if table is None and _TABLE.match(text, pos):
                pos += 1  # "}," before the next table, after a resync
                continue
            pos = resync(pos, "unexpected text")
        else:
            break
    if not salvage.damage:  # it did not parse, yet every part read: it was cut short
        salvage.damage.append(f"byte {len(raw)}: the file ends early")
    return salvage


def check(path: Path) -> Health:
    """Read everything without changing anything."""
    try:
        raw = path.read_bytes() if path.exists() else b""
    except OSError as exc:
        raise DatabaseError(f"cannot read {path}: {exc.strerror}") from exc
    snapshot = salvage_snapshot(raw) if raw else Salvage()
    health = Health(path, snapshot, scan_journal(journal_path(path), strict=False))
    health.state = {name: dict(table) for name, table in snapshot.data.items()}
    apply_to(health.state, health.journal.ops)
    bodies = BodyFiles(path, open_unbuffered, fsync=False)
    try:
        for name, table in health.state.items():
            for key, doc in table.items():
                ref = ref_of(doc) if isinstance(doc, dict) else None
                if ref is None:
                    continue
                try:
                    bodies.read(ref)
                except DatabaseError as exc:
                    health.lost.append((name, key, str(exc)))
    finally:
        bodies.close()
    return health


def repair(path: Path) -> tuple[Health, list[Path]]:
    """Write a good database from every readable record; damaged files are kept as
    ``<name>.damaged-<timestamp>``. Returns the findings and the files set aside."""

    class _Holder:
        _lock_file: Any = None

    holder = _Holder()
    take_lock(holder, path)
    try:
        health = check(path)
        if not health.damaged:
            return health, []
        data = health.state
        for table, key, _ in health.lost:  # an article without its text cannot be shown
            data[table].pop(key, None)
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
        aside: list[Path] = []
        try:
            # Copies first: if anything below fails, the damaged originals are still in place.
            for name, hurt in (
                (path, bool(health.snapshot.damage)),
                (journal_path(path), bool(health.journal.bad)),
            ):
                if hurt:
                    target = name.with_name(f"{name.name}.damaged-{stamp}")
                    shutil.copy2(name, target)
                    aside.append(target)
            write_file_atomically(path, json_chunks(data), open_unbuffered)
            # The new snapshot holds every journal op, so the journal starts empty.
            if journal_path(path).exists():
                with open(journal_path(path), "r+b") as journal:
                    journal.truncate(0)
                    os.fsync(journal.fileno())
            fsync_dir(path.parent)
        except OSError as exc:
            raise DatabaseError(f"cannot repair {path}: {exc.strerror}") from exc
        return health, aside
    finally:
        holder._lock_file.close()
