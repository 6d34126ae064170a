"""``newsbrief db copy SRC DST``: everything (articles, chats with their subscriptions and
delivery records, feeds and their polling state) from one database to another, TinyDB file to
PostgreSQL or back, ids kept (a chat's "seen" list names article ids)."""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from store.articles import _split as split_record
from store.database import Database, DatabaseError, Put
from store.open import Stores, is_url, open_stores

BATCH = 1000
Rows = Iterator[tuple[int, dict[str, Any]]]
TABLES = ("articles", "chats", "deliveries", "feeds")


def add_copy_subcommand(actions: Any) -> None:
    """``copy`` in the ``newsbrief db`` group (bot/cli_db.py: check, repair, copy)."""
    p = actions.add_parser("copy", help="copy everything: TinyDB file <-> PostgreSQL")
    p.add_argument("source", metavar="SRC", help="a TinyDB file or a postgresql:// URL")
    p.add_argument("target", metavar="DST", help="an empty (or new) database: file or URL")
    p.set_defaults(func=cmd_copy)


def cmd_copy(args: argparse.Namespace) -> int:
    source = _target(args.source)
    target = _target(args.target)
    if str(source) == str(target):
        raise DatabaseError("SRC and DST are the same database")
    src = open_stores(source, readonly=True)
    try:
        dst = open_stores(target)
        try:
            counts = copy_all(src, dst, _Bar())
        finally:
            dst.close()
    finally:
        src.close()
    print(", ".join(f"{name} {counts[name]}" for name in TABLES) + f" copied to {dst.name}")
    return 0


def _target(value: str) -> Path | str:
    return value if is_url(value) else Path(value).expanduser()


def copy_all(
    src: Stores, dst: Stores, progress: Callable[[str, int, int], None] | None = None
) -> dict[str, int]:
    """Copy every table; the destination must be empty. Returns rows copied per table."""
    if dst.articles.count() or dst.chats.all(active_only=False) or dst.feeds.list():
        raise DatabaseError(f"{dst.name} is not empty: copy only into a new database")
    counts: dict[str, int] = {}
    for name in TABLES:
        rows, total = _read(src, name)
        done = 0
        for batch in _batches(rows):
            _write(dst, name, batch)
            done += len(batch)
            if progress:
                progress(name, done, total)
        counts[name] = done
    return counts


def _read(stores: Stores, name: str) -> tuple[Rows, int]:
    db = stores.db
    if isinstance(db, Database):
        ids = sorted(doc_id for doc_id, _ in db.documents(name))
        if name == "articles":  # index document plus its body (its text lives in a body file)
            store: Any = stores.articles
            articles = ((i, a.to_record()) for i in ids if (a := store.get(i)) is not None)
            return articles, len(ids)
        return ((i, dict(db.raw(name, i) or {})) for i in ids), len(ids)
    pg: Any = stores
    if name == "articles":
        return pg.articles.export(), pg.articles.count()
    if name == "chats":
        chats = list(pg.chats.export_chats())
        return iter(chats), len(chats)
    if name == "deliveries":
        deliveries = list(pg.chats.export_deliveries())
        return iter(deliveries), len(deliveries)
    feeds = list(pg.feeds.export())
    return iter(feeds), len(feeds)


def _write(stores: Stores, name: str, batch: list[tuple[int, dict[str, Any]]]) -> None:
    db = stores.db
    if isinstance(db, Database):
        if name == "articles":  # as ArticleStore.add_many stores them: index + body
            ops = []
            for doc_id, record in batch:
                body = dict(record)
                ops.append(Put(name, doc_id, split_record(body), body))
            db.commit(ops)
        else:
            db.commit([Put(name, doc_id, doc) for doc_id, doc in batch])
        return
    pg: Any = stores
    if name == "articles":
        pg.articles.load(batch)
    elif name == "chats":
        pg.chats.load(batch, [])
    elif name == "deliveries":
        pg.chats.load([], batch)
    else:
        pg.feeds.load(batch)


def _batches(
    rows: Iterable[tuple[int, dict[str, Any]]],
) -> Iterator[list[tuple[int, dict[str, Any]]]]:
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, BATCH)):
        yield batch


class _Bar:
    """A progress bar per table on stderr: redrawn in place on a terminal; in a log, one line
    per table when it is done."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()

    def __call__(self, name: str, done: int, total: int) -> None:
        if not self.tty and done < total:
            return
        width = 30
        filled = int(width * done / total) if total else width
        end = "\n" if done >= total else ""
        bar = "#" * filled + "." * (width - filled)
        sys.stderr.write(f"\r{name:<10} [{bar}] {done}/{total}{end}")
        sys.stderr.flush()
