"""Ingest: expand targets (files, folders, URLs, feeds) into raw articles, analyse them off the
event loop and hand them to the store in batches. Errors are data: one bad item never stops
the others."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from briefings.analyze import analyze
from briefings.model import Article, Failure, Notice, RawArticle
from briefings.repository import ArticleRepository
from briefings.sources.feed import parse_feed
from briefings.sources.fetch import Fetcher, FetchError, FetchResult
from briefings.sources.files import read_regular_file
from briefings.sources.html import parse_html_article
from briefings.sources.text import parse_text_article

BATCH = 100  # articles per store commit: one fsync per batch, not per article
MAX_FILE_BYTES = 20 * 1024 * 1024
PAGE_FETCHES_AT_ONCE = 4
# A publication date later than this after ingest is a publisher's error (year 9999 would stay
# first in `latest` and never be pruned); a few hours ahead is only a wrong time zone.
FUTURE_MARGIN = timedelta(days=1)

Item = RawArticle | Failure | Notice


@dataclass(slots=True)
class IngestOptions:
    fetch_pages: bool = True  # fetch the page of a feed entry that carries only a teaser
    max_file_bytes: int = MAX_FILE_BYTES  # a local file longer than this is refused


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    duplicates: int = 0
    failures: list[Failure] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when anything was added or everything was a duplicate, 1 when all failed."""
        return 0 if self.added or (self.duplicates and not self.failures) else 1


def is_url(target: str) -> bool:
    return "://" in target[:16]


# In a folder, files with other endings (README.md, gold.json, images) are not articles.
ARTICLE_SUFFIXES = frozenset(
    {"", ".txt", ".text", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".rdf"}
)


def expand_targets(targets: Sequence[str]) -> tuple[list[str], list[str]]:
    """Folders become their article files (sorted, hidden ones skipped); URLs and files stay.
    Returns the targets and the folder files skipped as not articles."""
    out: list[str] = []
    skipped: list[str] = []
    for target in targets:
        if not is_url(target) and is_folder(Path(target)):
            path = Path(target)
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(f for f in files if not f.startswith(".")):
                    full = str(Path(root) / name)
                    is_article = Path(name).suffix.lower() in ARTICLE_SUFFIXES
                    (out if is_article else skipped).append(full)
        else:
            out.append(target)
    return out, skipped


def is_folder(path: Path) -> bool:
    """Whether a target is a folder; a name the system refuses (too long, say) is left to the
    reading step, which reports it as that target's failure."""
    try:
        return path.is_dir()
    except OSError:
        return False


def sniff(data: bytes, content_type: str = "") -> str:
    """ "feed", "html" or "text"; raises ``ValueError`` for what is not an article at all."""
    if not data.strip():
        raise ValueError("empty file")
    if data.startswith(b"%PDF") or content_type == "application/pdf":
        raise ValueError("a PDF document, not an article (PDF is not supported)")
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"\x00" in data[:8192] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("a binary file, not an article")
    if any(t in content_type for t in ("rss", "atom", "rdf")):
        return "feed"
    if head[:1] in (b"{", b"[") and content_type in ("", "application/json", "text/plain"):
        raise ValueError("JSON data, not an article")
    probe = head[:2048]
    if b"<rss" in probe or b"<feed" in probe or b"<rdf:rdf" in probe:
        return "feed"
    if b"<html" in probe or b"<!doctype html" in probe or "html" in content_type:
        return "html"
    if probe.startswith(b"<?xml") and b"<channel" in head:
        return "feed"
    if probe.startswith((b"<body", b"<article", b"<div", b"<p>")):
        return "html"
    return "text"


def decode_text(data: bytes) -> str:
    for encoding in (
        ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",)
    ):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")


async def read_target(
    target: str,
    fetcher: Fetcher | None,
    options: IngestOptions,
    prefetched: FetchResult | None = None,
) -> AsyncIterator[Item]:
    """Every raw article one target holds, or a failure saying why it holds none."""
    try:
        if is_url(target):
            if prefetched is not None:
                result = prefetched
            elif fetcher is None:
                raise ValueError("URLs are not fetched here")
            else:
                result = await fetcher.get(target)
            data, kind, url = result.content, sniff(result.content, result.content_type), result.url
            headers = result.headers
        else:
            path = Path(target)
            if not path.exists():
                raise ValueError("no such file or folder")
            data = await asyncio.to_thread(read_regular_file, path, options.max_file_bytes)
            kind, url, headers = sniff(data), "", {}
        if kind == "feed":
            async for item in _feed_items(data, url, headers, target, fetcher, options):
                yield item
        elif kind == "html":
            yield await asyncio.to_thread(parse_html_article, data, url, target)
        else:
            yield parse_text_article(decode_text(data), origin=target)
    except (ValueError, FetchError, OSError) as exc:
        yield Failure(target, _one_line(exc))


def clamp_published(article: RawArticle, now: datetime) -> None:
    """A publication date more than a day after ``now`` becomes ``now``."""
    published = article.published
    if published is None:
        return
    aware = published if published.tzinfo else published.replace(tzinfo=UTC)
    if aware > now + FUTURE_MARGIN:
        article.published = now


async def _feed_items(
    data: bytes,
    url: str,
    headers: dict[str, str],
    origin: str,
    fetcher: Fetcher | None,
    options: IngestOptions,
) -> AsyncIterator[Item]:
    feed = await asyncio.to_thread(parse_feed, data, url, headers, origin)
    if feed.error and not feed.entries:
        raise ValueError(feed.error)
    if feed.error:
        yield Notice(origin, f"{feed.error}; read {len(feed.entries)} entries anyway")
    if options.fetch_pages and fetcher is not None and feed.teasers:
        await _expand_teasers(feed.entries, feed.teasers, fetcher)
    for entry in feed.entries:
        if entry.paragraphs or (entry.title and entry.url):
            yield entry  # a headline with its link is still worth a brief
        else:
            yield Failure(f"{origin} [{entry.title[:60]}]", "entry has no text and no link")


async def _expand_teasers(entries: list[RawArticle], teasers: list[int], fetcher: Fetcher) -> None:
    limit = asyncio.Semaphore(PAGE_FETCHES_AT_ONCE)

    async def expand(index: int) -> None:
        entry = entries[index]
        async with limit:
            try:
                result = await fetcher.get(entry.url, accept="text/html,*/*;q=0.5")
                page = await asyncio.to_thread(parse_html_article, result.content, result.url)
            except (FetchError, ValueError):
                return  # the teaser is still worth a brief
        entry.paragraphs = page.paragraphs
        entry.dek = entry.dek or page.dek
        entry.author = entry.author or page.author
        entry.language = entry.language or page.language
        entry.published = entry.published or page.published

    # Each page has the fetch deadline, and all of one feed's pages together get one deadline
    # more: a feed linking to a hundred trickling pages holds its poll for that long, not for
    # an hour. A page not fetched by then leaves its teaser.
    tasks = [asyncio.create_task(expand(i)) for i in teasers]
    try:
        await asyncio.wait(tasks, timeout=fetcher.policy.deadline)
    finally:
        for task in tasks:
            task.cancel()  # no-op for the finished ones
        await asyncio.gather(*tasks, return_exceptions=True)


async def ingest(
    targets: Sequence[str],
    repository: ArticleRepository,
    fetcher: Fetcher | None,
    options: IngestOptions | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    prefetched: dict[str, FetchResult] | None = None,
) -> IngestReport:
    """Read, analyse and store every target; returns counts and one line per failure."""
    options = options or IngestOptions()
    report = IngestReport()
    expanded, skipped = expand_targets(targets)
    if skipped:
        names = ", ".join(Path(s).name for s in skipped[:5]) + ("…" if len(skipped) > 5 else "")
        report.notices.append(
            Notice("folder", f"skipped {len(skipped)} files that are not articles ({names})")
        )
    batch: list[Article] = []

    async def flush() -> None:
        if not batch:
            return
        outcomes = await asyncio.to_thread(repository.add_many, list(batch))
        for outcome in outcomes:
            if outcome.status == "added":
                report.added += 1
                report.article_ids.append(outcome.id)
            else:
                report.duplicates += 1
        batch.clear()

    for done, target in enumerate(expanded, 1):
        async for item in read_target(target, fetcher, options, (prefetched or {}).get(target)):
            if isinstance(item, Failure):
                report.failures.append(item)
            elif isinstance(item, Notice):
                report.notices.append(item)
            else:
                now = datetime.now(UTC)
                clamp_published(item, now)
                try:
                    batch.append(await asyncio.to_thread(analyze, item, now))
                except Exception as exc:  # analysis bugs must not lose the rest of the batch
                    report.failures.append(
                        Failure(item.origin or target, f"analysis failed: {exc}")
                    )
                if len(batch) >= BATCH:
                    await flush()
        if on_progress:
            on_progress(done, len(expanded), target)
    await flush()
    return report


def _one_line(exc: BaseException) -> str:
    # An OSError's text repeats the file name, which the failure line already gives.
    text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc).strip()
    text = text or type(exc).__name__
    return " ".join(text.split())[:300]
