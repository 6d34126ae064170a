"""The ``newsbrief`` command line: ingest, analyze, latest, topic, topics, prune, feeds,
and the bot itself (run, chat)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.settings import SettingsError, default_db_path
from bot.textview import article_text
from briefings.ingest import IngestOptions, ingest, is_folder, read_target
from briefings.model import Failure, Notice
from briefings.select import find_topic
from briefings.sources.fetch import Fetcher, FetchPolicy
from store import DatabaseError
from store.open import is_url, open_stores
from store.protocols import ArticleBackend, Closeable

MAX_N = 100
MAX_ARGUMENT = 4096  # characters: a path (PATH_MAX) or a URL is shorter


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # One line for an absurd argument, before any command echoes it or the OS refuses it
    # ("File name too long" from deep inside ingest).
    huge = next((a for a in argv if len(a) > MAX_ARGUMENT), None)
    if huge is not None:
        print(
            f"newsbrief: an argument of {len(huge):,} characters is too long "
            f"(at most {MAX_ARGUMENT:,}): {huge[:30]}…",
            file=sys.stderr,
        )
        return 2
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        result: int = args.func(args)
        return result
    except (DatabaseError, SettingsError) as exc:
        print(f"newsbrief: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # "newsbrief topics | head"
        sys.stderr.close()
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbrief",
        description="News briefings: ingest articles, read summaries, quotes and topics, "
        "run the Telegram bot.",
    )
    parser.add_argument(
        "--db",
        default=None,
        help="database file (default: $NEWSBRIEF_DB or the user data directory)",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="database file")
    sub = _WithCommon(parser.add_subparsers(dest="command", metavar="COMMAND"), common)

    p = sub.add_parser("ingest", help="read articles from files, folders, URLs or feeds")
    p.add_argument("targets", nargs="+", metavar="PATH_OR_URL")
    p.add_argument("--no-fetch-pages", action="store_true", help="keep feed teasers as they are")
    p.add_argument(
        "--allow-private", action="store_true", help="allow URLs on private/loopback addresses"
    )
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("analyze", help="analyse one article without storing it")
    p.add_argument("target", metavar="PATH_OR_URL")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--allow-private", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("latest", help="the latest articles")
    p.add_argument("-n", type=int, default=5, help="how many (default 5)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_latest)

    p = sub.add_parser("topic", help="the latest articles on a topic")
    p.add_argument("name", nargs="+")
    p.add_argument("-n", type=int, default=5, help="how many (default 5)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_topic)

    p = sub.add_parser("topics", help="known topics with article counts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_topics)

    p = sub.add_parser("prune", help="delete articles older than the retention period")
    p.add_argument("--days", type=float, default=30.0, help="keep this many days (default 30)")
    p.set_defaults(func=cmd_prune)

    from bot.cli_bot import add_bot_commands
    from bot.cli_db import add_db_commands
    from bot.cli_feeds import add_feed_commands
    from bot.cli_worker import add_worker_command

    add_bot_commands(sub)
    add_feed_commands(sub, resolve_db)
    add_worker_command(sub)
    add_db_commands(sub, resolve_db)
    return parser


class _WithCommon:
    """Adds the shared options (``--db``) to every subcommand, so they work after it too."""

    def __init__(self, sub: Any, common: argparse.ArgumentParser) -> None:
        self._sub = sub
        self._common = common

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = self._sub.add_parser(
            name, parents=[self._common], **kwargs
        )
        return parser


def resolve_db(args: argparse.Namespace) -> Path | str:
    """The database: a TinyDB file path, or a ``postgresql://`` URL kept as it is."""
    path = args.db or os.environ.get("NEWSBRIEF_DB") or ""
    if is_url(path):
        return str(path)
    if path:
        return Path(path).expanduser()
    default = default_db_path()
    default.parent.mkdir(parents=True, exist_ok=True)
    return default


def open_store(
    args: argparse.Namespace, readonly: bool = False
) -> tuple[Closeable, ArticleBackend]:
    stores = open_stores(resolve_db(args), readonly=readonly)
    return stores.db, stores.articles


def cmd_ingest(args: argparse.Namespace) -> int:
    db, store = open_store(args)
    try:
        return asyncio.run(_ingest(args, store))
    finally:
        db.close()


async def _ingest(args: argparse.Namespace, store: ArticleBackend) -> int:
    fetcher = Fetcher(FetchPolicy(allow_private=args.allow_private))
    progress = _Progress() if len(args.targets) > 1 or is_folder(Path(args.targets[0])) else None
    try:
        report = await ingest(
            args.targets,
            store,
            fetcher,
            IngestOptions(fetch_pages=not args.no_fetch_pages),
            on_progress=progress.update if progress else None,
        )
    finally:
        await fetcher.aclose()
        if progress:
            progress.close()
    for notice in report.notices:
        print(f"warning: {notice}", file=sys.stderr)
    for failure in report.failures:
        print(f"failed: {failure}", file=sys.stderr)
    print(f"added {report.added}, duplicates {report.duplicates}, failed {len(report.failures)}")
    return report.exit_code


class _Progress:
    """A one-line progress bar on stderr."""

    def __init__(self) -> None:
        self.shown = False
        # Redrawn in place on a terminal; in a log, only every tenth of the way.
        self.tty = sys.stderr.isatty()
        self.last = -1

    def update(self, done: int, total: int, target: str) -> None:
        if total <= 1:
            return
        step = done * 10 // total
        if not self.tty and step == self.last and done != total:
            return
        self.last = step
        width = 30
        filled = int(width * done / total)
        name = Path(target).name[:40]
        end = "" if self.tty else "\n"
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}{end}"
        )
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown and self.tty:
            sys.stderr.write("\n")


def cmd_analyze(args: argparse.Namespace) -> int:
    return asyncio.run(_analyze(args))


async def _analyze(args: argparse.Namespace) -> int:
    from briefings.analyze import analyze

    fetcher = Fetcher(FetchPolicy(allow_private=args.allow_private))
    try:
        async for item in read_target(args.target, fetcher, IngestOptions(fetch_pages=False)):
            if isinstance(item, Failure):
                print(f"newsbrief: {item}", file=sys.stderr)
                return 1
            if isinstance(item, Notice):
                print(f"warning: {item}", file=sys.stderr)
                continue
            article = await asyncio.to_thread(analyze, item)
            if args.json:
                _print_json(article.to_json())
            else:
                print(article_text(article))
            return 0
    finally:
        await fetcher.aclose()
    print(f"newsbrief: {args.target}: no article found", file=sys.stderr)
    return 1


def _n(value: int) -> int:
    n = max(1, min(MAX_N, value))
    if n != value:  # said, not silent: "-n 1000" printing 100 looks like missing articles
        print(f"newsbrief: -n is from 1 to {MAX_N}: showing at most {n}", file=sys.stderr)
    return n


def cmd_latest(args: argparse.Namespace) -> int:
    db, store = open_store(args, readonly=True)
    try:
        articles = store.latest(_n(args.n))
    finally:
        db.close()
    if args.json:
        _print_json([a.to_json() for a in articles])
    elif not articles:
        print("No articles yet. Try: newsbrief ingest PATH_OR_URL")
    else:
        print("\n\n".join(article_text(a, full=False) for a in articles))
    return 0


def cmd_topic(args: argparse.Namespace) -> int:
    db, store = open_store(args, readonly=True)
    try:
        result = find_topic(store, " ".join(args.name), _n(args.n))
    finally:
        db.close()
    if args.json:
        _print_json([a.to_json() for a in result.articles])
    elif not result.articles:
        hint = f" Did you mean: {', '.join(result.suggestions)}?" if result.suggestions else ""
        print(f"No articles on “{result.query}”.{hint}")
    else:
        print(f"Topic: {', '.join(result.topics)}\n")
        print("\n\n".join(article_text(a, full=False) for a in result.articles))
    return 0 if result.articles else 1


def cmd_topics(args: argparse.Namespace) -> int:
    db, store = open_store(args, readonly=True)
    try:
        counts = store.topic_counts()
    finally:
        db.close()
    if args.json:
        _print_json(counts)
    else:
        for topic, count in counts.items():
            print(f"{count:6d}  {topic}")
    return 0


def cmd_prune(args: argparse.Namespace) -> int:
    db, store = open_store(args)
    try:
        removed = store.prune(args.days)
    finally:
        db.close()
    print(f"pruned {removed} articles older than {args.days:g} days")
    return 0


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    raise SystemExit(main())
