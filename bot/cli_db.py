"""``newsbrief db check|repair``: what an operator runs when the database will not open."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from store.database import DatabaseError
from store.repair import check, repair


def add_db_commands(sub: Any, resolve_db: Callable[[argparse.Namespace], Path | str]) -> None:
    p = sub.add_parser("db", help="check or repair the database files")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="database file")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser(
        "check", parents=[common], help="report damage without changing anything (exit 1 if any)"
    )
    actions.add_parser(
        "repair",
        parents=[common],
        help="keep every readable record, set damaged files aside as NAME.damaged-TIMESTAMP",
    )
    p.set_defaults(func=lambda args: cmd_db(args, resolve_db(args)))
    from bot.cli_dbcopy import add_copy_subcommand  # copy: TinyDB <-> PostgreSQL

    add_copy_subcommand(actions)


def cmd_db(args: argparse.Namespace, path: Path | str) -> int:
    if not isinstance(path, Path):  # a postgresql:// URL: the server keeps its own files whole
        raise DatabaseError(f"db {args.action} works on TinyDB files, not on {path.split('@')[-1]}")
    if args.action == "check":
        health = check(path)
        for line in health.lines():
            print(line)
        print("damaged: run newsbrief db repair" if health.damaged else "no damage found")
        return 1 if health.damaged else 0
    health, aside = repair(path)
    if not health.damaged:
        print(f"{path}: no damage found, nothing changed")
        return 0
    for line in health.lines():
        print(line)
    kept = sum(len(t) for t in health.state.values())
    print(
        f"repaired: wrote {path} with {kept} documents (every readable record); dropped "
        f"{len(health.journal.bad)} damaged journal lines, {health.snapshot.skipped_bytes} "
        f"unreadable snapshot bytes and {len(health.lost)} documents whose text was lost"
        + ("; the damaged files are kept as " + ", ".join(str(p) for p in aside) if aside else "")
    )
    return 0
