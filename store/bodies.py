"""Article bodies on disk, so memory holds only what queries need.

A document committed with a body carries ``"b": [generation, offset, length]``, the place of
its body (one JSON line) in ``<db>.bodies.<generation>``. Bodies are appended and fsynced
before the journal line that refers to them, so a reference never points past what is on
disk; a kill in between leaves an unreferenced body, which is harmless. The snapshot rewrite
copies the live bodies into the next generation first, so the old snapshot and journal keep
a complete body file until the new snapshot has replaced them; older generations are deleted
only once the journal is empty."""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from store.files import DatabaseError, Opener, fsync_dir, parse_json, write_all

REF = "b"
_NAME = re.compile(r"\.bodies\.(\d+)$")


def ref_of(doc: dict[str, Any]) -> tuple[int, int, int] | None:
    ref = doc.get(REF)
    if isinstance(ref, list) and len(ref) == 3 and all(type(x) is int for x in ref):
        return ref[0], ref[1], ref[2]
    return None


class BodyFiles:
    """The body files of one database: one appended to, any number read."""

    def __init__(self, path: Path, opener: Opener, fsync: bool) -> None:
        self.path = path
        self._opener = opener
        self._fsync = fsync
        self._readers: dict[int, int] = {}
        self._writer: IO[bytes] | None = None
        self.generation = 0
        self.size = 0

    def file(self, generation: int) -> Path:
        return self.path.with_name(f"{self.path.name}.bodies.{generation}")

    def on_disk(self) -> dict[int, Path]:
        found = {}
        for candidate in self.path.parent.glob(f"{self.path.name}.bodies.*"):
            if match := _NAME.search(candidate.name):
                found[int(match.group(1))] = candidate
        return found

    def open(self, referenced: set[int], *, writable: bool) -> None:
        """Check every referenced generation is there; a writer also deletes leftovers (an
        interrupted rewrite, a generation no longer referenced) and appends to the newest."""
        on_disk = self.on_disk()
        missing = sorted(referenced - set(on_disk))
        if missing:
            raise DatabaseError(
                f"{self.file(missing[0])} is missing: the database refers to article texts "
                "in it; restore it from the backup taken with the database"
            )
        self.generation = max(referenced, default=0)
        try:  # opened now, so a writer deleting an old generation cannot pull it away
            for generation in referenced:
                self._reader(generation)
        except OSError as exc:
            raise DatabaseError(f"cannot read the article texts: {exc.strerror}") from exc
        if not writable:
            return
        for generation, name in on_disk.items():
            if generation not in referenced and generation != self.generation:
                name.unlink(missing_ok=True)
        self._open_writer(self.generation)

    def _open_writer(self, generation: int) -> None:
        name = self.file(generation)
        try:
            self._writer = self._opener(name, "ab")
            self.size = os.fstat(self._writer.fileno()).st_size
        except OSError as exc:
            raise DatabaseError(f"cannot open {name}: {exc.strerror}") from exc
        self.generation = generation

    def append(self, bodies: list[dict[str, Any]]) -> list[list[int]]:
        """Write bodies durably; their references. On failure the file is cut back (OSError)."""
        if self._writer is None:
            raise OSError(0, "the article text file is not open")
        refs, chunks, offset = [], [], self.size
        for body in bodies:
            line = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
            refs.append([self.generation, offset, len(line)])
            chunks.append(line)
            offset += len(line)
        try:
            write_all(self._writer, b"".join(chunks))
            if self._fsync:
                os.fsync(self._writer.fileno())
        except OSError:
            self.cut(self.size)
            raise
        self.size = offset
        return refs

    def cut(self, size: int) -> None:
        """Drop bodies appended after ``size`` (their commit failed); best effort, since an
        unreferenced body is harmless."""
        if self._writer is None:
            return
        try:
            self._writer.truncate(size)
            self.size = size
        except OSError:
            self.size = os.fstat(self._writer.fileno()).st_size

    def read(self, ref: tuple[int, int, int]) -> dict[str, Any]:
        generation, offset, length = ref
        try:
            data = os.pread(self._reader(generation), length, offset)
            body = parse_json(data)
        except OSError as exc:
            raise DatabaseError(f"cannot read {self.file(generation)}: {exc.strerror}") from exc
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise DatabaseError(f"{self.file(generation)}: the text at byte {offset} is damaged")
        return body

    def copy_live(self, tables: dict[str, Any]) -> tuple[dict[str, Any], int]:
        """Tables whose references point into a new generation holding only live bodies.
        Raises OSError with the new file removed; the current files are untouched."""
        generation = self.generation + 1
        name = self.file(generation)
        out: dict[str, Any] = {}
        offset = 0
        try:
            handle = self._opener(name, "wb")
            try:
                buffer: list[bytes] = []
                buffered = 0
                for table_name, table in tables.items():
                    copied = out[table_name] = {}
                    for key, doc in table.items():
                        ref = ref_of(doc) if isinstance(doc, dict) else None
                        if ref is None:
                            copied[key] = doc
                            continue
                        old, at, length = ref
                        raw = os.pread(self._reader(old), length, at)
                        copied[key] = {**doc, REF: [generation, offset, length]}
                        buffer.append(raw)
                        buffered += length
                        offset += length
                        if buffered > 1 << 20:
                            write_all(handle, b"".join(buffer))
                            buffer, buffered = [], 0
                write_all(handle, b"".join(buffer))
                if self._fsync:
                    os.fsync(handle.fileno())
            finally:
                handle.close()
        except OSError:
            name.unlink(missing_ok=True)
            raise
        if self._fsync:
            fsync_dir(self.path.parent)
        return out, generation

    def _reader(self, generation: int) -> int:
        fd = self._readers.get(generation)
        if fd is None:
            fd = self._readers[generation] = os.open(self.file(generation), os.O_RDONLY)
        return fd

    def switch(self, generation: int) -> None:
        """Append to the new generation from now on (after the snapshot that refers to it)."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self._open_writer(generation)

    def drop_older(self, keep: Iterable[int]) -> None:
        """Delete generations nothing refers to any more (the journal is empty)."""
        keep = set(keep)
        for generation, name in self.on_disk().items():
            if generation not in keep and generation < self.generation:
                fd = self._readers.pop(generation, None)
                if fd is not None:
                    os.close(fd)
                name.unlink(missing_ok=True)

    def close(self) -> None:
        for fd in self._readers.values():
            os.close(fd)
        self._readers.clear()
        if self._writer is not None:
            with contextlib.suppress(OSError):
                self._writer.close()
            self._writer = None
