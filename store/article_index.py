"""The article indexes by time and topic, built from the documents or read from a file saved
beside the snapshot (``<db>.index``), so a large database opens without visiting every article.

The saved file describes one snapshot exactly: its header names the snapshot's size and CRC-32,
the fold of a probe phrase (topic keys change when folding does) and the CRC-32 of its own
arrays. Anything that does not match (another snapshot after a rewrite or ``db repair``, a
truncated or edited file, an older format) is ignored and the indexes are built from the
documents instead. Journal lines replayed on top of the snapshot are indexed by the caller."""

from __future__ import annotations

import os
import sys
import zlib
from array import array
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from briefings.reading.gazetteer import fold
from store.bodies import REF
from store.postings import Postings

MAGIC = b"newsbrief article index\n"
VERSION = 1
PROBE = "L’Île-de-France São-Paulo O'Neill DÜSSELDORF Straße U.S. Ça"
_HEADER_BYTES = 8  # the header's length, little-endian, after the magic line


@dataclass(slots=True)
class ArticleIndex:
    by_time: Postings
    by_topic: dict[str, Postings]  # folded topic key -> (time, id, weight)
    display: dict[str, str]  # folded topic key -> the name it was first stored under
    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (copy, key)
    old: list[int] = field(default_factory=list)  # documents from before body files


def index_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".index")


def timestamp(value: str | None) -> float:
    if not value:
        return 0.0
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def when(doc: dict[str, Any]) -> float:
    """The time an article sorts by: published, else ingested."""
    return timestamp(doc.get("published")) or timestamp(doc.get("ingested"))


def weights(doc: dict[str, Any], topics: list[str]) -> list[float]:
    """Topic weights in topic order (``tw``); an older document keeps them in a dict."""
    found = doc.get("tw")
    if isinstance(found, list) and len(found) == len(topics):
        return found
    old = doc.get("topic_weights") or {}
    return [old.get(t, 1.0) for t in topics]


def build(docs: dict[str, dict[str, Any]]) -> ArticleIndex:
    """The indexes of a table's documents (keyed by id string). Each document's topic names
    are replaced by one shared copy per name, which is what keeps 50,000 of them small.

    Visiting the articles in time order appends every topic's entries already sorted, and
    each topic's entries become arrays in one call: no per-entry objects are kept."""
    order = [(when(doc), int(key), doc) for key, doc in docs.items()]
    order.sort()  # ids are unique, so documents are never compared
    when_of = {doc_id: moment for moment, doc_id, _ in order}
    names: dict[str, tuple[str, str]] = {}
    display: dict[str, str] = {}
    columns: dict[str, tuple[list[int], list[float]]] = {}
    old = []
    for _, doc_id, doc in order:
        if REF not in doc and "title" in doc:
            old.append(doc_id)
        topics = doc.get("topics") or []
        interned = []
        for topic, weight in zip(topics, weights(doc, topics), strict=True):
            known = names.get(topic)
            if known is None:
                known = names[topic] = (sys.intern(topic), fold(topic))
            name, key = known
            interned.append(name)
            column = columns.get(key)
            if column is None:
                column = columns[key] = ([], [])
                display[key] = name
            column[0].append(doc_id)
            column[1].append(weight)
        doc["topics"] = interned
    by_topic = {
        key: Postings(map(when_of.__getitem__, ids), ids, values)
        for key, (ids, values) in columns.items()
    }
    by_time = Postings([entry[0] for entry in order], [entry[1] for entry in order])
    return ArticleIndex(by_time, by_topic, display, names, old)


def save(path: Path, index: ArticleIndex, snapshot: tuple[int, int]) -> None:
    """Write the index for the snapshot of that (size, CRC-32); replaced whole by a rename, so
    a reader sees the old file or the new one. Raises OSError."""
    arrays: list[array[Any]] = [index.by_time.times, index.by_time.ids]
    topics = []
    for key, entries in index.by_topic.items():
        assert entries.weights is not None
        arrays += [entries.times, entries.ids, entries.weights]
        topics.append([key, index.display.get(key, key), len(entries)])
    blob = b"".join(a.tobytes() for a in arrays)
    header = orjson.dumps(
        {
            "version": VERSION,
            "snapshot": list(snapshot),
            "probe": fold(PROBE),
            "byteorder": sys.byteorder,
            "count": len(index.by_time),
            "topics": topics,
            "old": index.old,
            "bytes": len(blob),
        }
    )
    content = MAGIC + len(header).to_bytes(_HEADER_BYTES, "little") + header + blob
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "wb") as handle:
            # The CRC-32 of everything before it closes the file: header and arrays alike.
            handle.write(content + zlib.crc32(content).to_bytes(4, "little"))
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def load(path: Path, snapshot: tuple[int, int] | None) -> tuple[ArticleIndex | None, str]:
    """The saved index if it describes this snapshot and reads whole; else None and why."""
    if snapshot is None:
        return None, "no snapshot"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, "no saved index"
    except OSError as exc:
        return None, f"cannot read {path}: {exc.strerror}"
    try:
        return _parse(raw, snapshot)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as exc:
        return None, f"{path} is damaged ({exc.__class__.__name__})"


def _parse(raw: bytes, snapshot: tuple[int, int]) -> tuple[ArticleIndex | None, str]:
    if not raw.startswith(MAGIC):
        return None, "not an article index"
    body, trailer = memoryview(raw)[:-4], raw[-4:]
    if zlib.crc32(body) != int.from_bytes(trailer, "little"):
        return None, "it is damaged (its checksum does not match)"
    at = len(MAGIC) + _HEADER_BYTES
    length = int.from_bytes(raw[len(MAGIC) : at], "little")
    header = orjson.loads(raw[at : at + length])
    if header["version"] != VERSION or header["byteorder"] != sys.byteorder:
        return None, "another index format"
    if header["snapshot"] != list(snapshot):
        return None, "saved for another snapshot"
    if header["probe"] != fold(PROBE):
        return None, "topic names fold differently now"
    blob = body[at + length :]
    if len(blob) != header["bytes"]:
        return None, "it is damaged (its arrays are not the size its header says)"
    offset = 0

    def take(code: str, count: int) -> array[Any]:
        nonlocal offset
        values = array(code)
        if type(count) is not int or count < 0:
            raise ValueError("a negative or missing count")
        end = offset + count * values.itemsize
        if end > len(blob):
            raise ValueError("arrays shorter than the header says")
        values.frombytes(blob[offset:end])
        offset = end
        return values

    count = header["count"]
    by_time = Postings()
    by_time.times, by_time.ids = take("d", count), take("q", count)
    by_topic, display = {}, {}
    for key, name, size in header["topics"]:
        entries = by_topic[key] = Postings()
        entries.times, entries.ids, entries.weights = (
            take("d", size),
            take("q", size),
            take("d", size),
        )
        display[key] = name
    if offset != len(blob):
        raise ValueError("arrays longer than the header says")
    return ArticleIndex(by_time, by_topic, display, old=header["old"]), ""
