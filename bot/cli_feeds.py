"""``newsbrief feeds add|remove|list|import|export``: the operator's feed list, with OPML."""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from store.open import open_stores


def add_feed_commands(sub: Any, resolve_db: Any) -> None:
    p = sub.add_parser("feeds", help="the feeds the bot polls: add, remove, list, import, export")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="database file")
    raw = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    class Actions:
        def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
            parser: argparse.ArgumentParser = raw.add_parser(name, parents=[common], **kwargs)
            return parser

    actions = Actions()
    a = actions.add_parser("add", help="add feed URLs")
    a.add_argument("urls", nargs="+")
    a.add_argument("--every", type=int, default=15, help="minutes between polls (default 15)")
    a = actions.add_parser("remove", help="remove feed URLs")
    a.add_argument("urls", nargs="+")
    actions.add_parser("list", help="list feeds and their state")
    a = actions.add_parser("import", help="add the feeds of an OPML file")
    a.add_argument("file")
    a = actions.add_parser("export", help="print the feeds as OPML")
    p.set_defaults(func=lambda args: cmd_feeds(args, resolve_db(args)))


def cmd_feeds(args: argparse.Namespace, path: Path | str) -> int:
    readonly = args.action in ("list", "export")
    stores = open_stores(path, readonly=readonly)
    db, feeds = stores.db, stores.feeds
    try:
        if args.action == "add":
            bad = [u for u in args.urls if not u.startswith(("http://", "https://"))]
            for url in bad:
                print(f"failed: {url}: not an http(s) URL", file=sys.stderr)
            for url in args.urls:
                if url not in bad:
                    _, new = feeds.add(url, interval_minutes=max(1, args.every))
                    print(("added " if new else "already there: ") + url)
            return 1 if bad and len(bad) == len(args.urls) else 0
        if args.action == "remove":
            missing = 0
            for url in args.urls:
                if feeds.remove(url):
                    print(f"removed {url}")
                else:
                    missing += 1
                    print(f"failed: {url}: not a known feed", file=sys.stderr)
            return 1 if missing == len(args.urls) else 0
        if args.action == "list":
            for feed in feeds.list():
                state = f"failing ({feed.failures}): {feed.last_error}" if feed.failures else "ok"
                print(f"{feed.url}\tevery {feed.interval_minutes} min\t{state}")
            return 0
        if args.action == "import":
            try:
                urls = opml_urls(Path(args.file).read_bytes())
            except (OSError, ET.ParseError) as exc:
                print(f"failed: {args.file}: not a readable OPML file ({exc})", file=sys.stderr)
                return 1
            added = sum(feeds.add(url)[1] for url in urls)
            print(f"imported {added} new feeds of {len(urls)}")
            return 0
        print(opml(feeds.list()))
        return 0
    finally:
        db.close()


def opml_urls(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    urls = [o.get("xmlUrl", "") for o in root.iter("outline")]
    return [u for u in urls if u.startswith(("http://", "https://"))]


def opml(feeds: list[Any]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head><title>newsbrief feeds</title></head>",
        "  <body>",
    ]
    for feed in feeds:
        lines.append(
            f'    <outline type="rss" text={quoteattr(feed.title or feed.url)} xmlUrl={quoteattr(feed.url)}/>'
        )
    lines += ["  </body>", "</opml>"]
    return "\n".join(lines)
