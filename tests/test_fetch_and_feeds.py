"""HTTP fetching against a local server, and feeds whose entries carry only a teaser."""

from __future__ import annotations

import pytest

from briefings.ingest import IngestOptions, ingest
from briefings.sources.fetch import Fetcher, FetchError, FetchPolicy
from store import Database
from store.articles import ArticleStore
from tests.fakes.http_server import serve

PAGE = """<html lang="en"><head><title>Dam opens after ten years</title>
<meta name="description" content="The dam will power a million homes."></head><body>
<nav>Home | World | Sport</nav><article><h1>Dam opens after ten years</h1>
<p>The largest dam in the region opened on Friday after a decade of construction, officials said,
promising electricity for a million homes and an end to the summer blackouts.</p>
<p>“This is a day our grandchildren will remember,” said Energy Minister Lena Okafor at the
ceremony, which was attended by thousands of workers and their families.</p>
<p>Environmental groups criticised the project for flooding two valleys and displacing farmers,
and said they would keep monitoring the river downstream.</p></article>
<footer>Subscribe to our newsletter</footer></body></html>"""

FEED = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Local Wire</title>
<item><title>Dam opens after ten years</title><link>{base}/dam</link><guid>dam-1</guid>
<description>The dam opened.</description><pubDate>Fri, 01 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Broken link story</title><link>{base}/missing</link><guid>x-2</guid>
<description>Only a teaser here.</description></item>
</channel></rss>"""


@pytest.fixture
def fetcher() -> Fetcher:
    return Fetcher(FetchPolicy(allow_private=True, max_bytes=50_000, max_redirects=2, timeout=5))


async def test_conditional_get_answers_not_modified(fetcher: Fetcher) -> None:
    with serve() as site:
        url = site.add("/feed", FEED, "application/rss+xml")
        first = await fetcher.get(url)
        second = await fetcher.get(url, etag=first.headers["etag"])
    await fetcher.aclose()
    assert 200 == first.status and not first.not_modified
    assert second.not_modified and b"" == second.content
    assert first.headers["etag"] == site.hits[1][1]["If-None-Match"]
    assert site.hits[0][1]["User-Agent"].startswith("newsbrief/")


async def test_size_cap_redirect_limit_and_schemes_are_enforced(fetcher: Fetcher) -> None:
    with serve() as site:
        big = site.add("/big", b"x" * 60_000)
        site.add("/r1", "", status=302, location="/r2")
        site.add("/r2", "", status=302, location="/r3")
        site.add("/r3", "", status=302, location="/r1")
        with pytest.raises(FetchError, match="too large"):
            await fetcher.get(big)
        with pytest.raises(FetchError, match="too many redirects"):
            await fetcher.get(site.base + "/r1")
    with pytest.raises(FetchError, match="only http and https"):
        await fetcher.get("file:///etc/passwd")
    await fetcher.aclose()


async def test_redirect_to_a_private_address_is_refused() -> None:
    strict = Fetcher(FetchPolicy(allow_private=False))
    with pytest.raises(FetchError, match="private or local"):
        await strict.get("http://127.0.0.1:9/")
    await strict.aclose()


async def test_teaser_entries_get_their_page_fetched_and_failures_keep_the_teaser(
    fetcher: Fetcher, db: Database
) -> None:
    store = ArticleStore(db)
    with serve() as site:
        site.add("/dam", PAGE)
        url = site.add("/feed", FEED.format(base=site.base), "application/rss+xml")
        report = await ingest([url], store, fetcher, IngestOptions(fetch_pages=True))
    await fetcher.aclose()
    assert (2, 0, []) == (report.added, report.duplicates, report.failures)
    dam = next(a for a in store.latest(5) if a.guid == "dam-1")
    assert "Lena Okafor" == dam.quotes[0].speaker
    assert "Local Wire" == dam.source
    teaser = next(a for a in store.latest(5) if a.guid == "x-2")
    assert "Only a teaser here." == teaser.summary


async def test_fetch_pages_off_keeps_teasers(fetcher: Fetcher, db: Database) -> None:
    store = ArticleStore(db)
    with serve() as site:
        site.add("/dam", PAGE)
        url = site.add("/feed", FEED.format(base=site.base), "application/rss+xml")
        await ingest([url], store, fetcher, IngestOptions(fetch_pages=False))
    await fetcher.aclose()
    assert ["/feed"] == [path for path, _ in site.hits]
    assert all(not a.quotes for a in store.latest(5))
