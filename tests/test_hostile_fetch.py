"""Fetching that nothing hostile can stall or fool: a trickling server meets the total deadline,
names that rebind are connected to the address that was checked, private addresses are refused
in every spelling, and only regular files are read from a folder."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import httpcore
import pytest

from briefings.ingest import IngestOptions, ingest
from briefings.sources.fetch import Fetcher, FetchError, FetchPolicy
from store import Database
from store.articles import ArticleStore
from tests.fakes.http_server import serve

PUBLIC = "93.184.216.34"  # a global address; the injected network routes it to the local server
GUARD = 30  # seconds: turns a fetch that would hang into a failing test, never a timing check


@pytest.fixture
def one_db() -> Iterator[Database]:
    """A database in memory: these tests are about sources, not storage (which ``db`` runs
    against both backends)."""
    database = Database(None)
    yield database
    database.close()


class Resolver:
    """Answers each name from a script: a list of answers is used one per call (the last
    repeats), so a name can rebind between two lookups. Records every lookup."""

    def __init__(self, answers: dict[str, list[list[str]]]) -> None:
        self.answers = answers
        self.calls: list[str] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        script = self.answers[host]
        return script[min(self.calls.count(host), len(script)) - 1]


class LocalInternet(httpcore.AsyncNetworkBackend):
    """Connections to the given addresses land on the local test server; any other address
    fails at once, so a test never leaves the machine. Records every connection."""

    def __init__(self, routes: dict[str, int]) -> None:
        self.routes = routes
        self.connects: list[str] = []
        self.inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self.connects.append(host)
        if host not in self.routes:
            raise httpcore.ConnectError(f"{host} is not reachable in this test")
        return await self.inner.connect_tcp(
            "127.0.0.1", self.routes[host], timeout, local_address, socket_options
        )

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


# -- item 4: a total deadline ------------------------------------------------------------------


@pytest.mark.parametrize("trickle_headers", [False, True], ids=["body", "headers"])
async def test_a_server_trickling_a_byte_every_fifth_of_a_second_is_cut_off_at_the_deadline(
    trickle_headers: bool,
) -> None:
    # Each byte comes well within the 5 s read timeout: only a total deadline ends this.
    fetcher = Fetcher(FetchPolicy(allow_private=True, timeout=5, deadline=1))
    with serve() as site:
        url = site.add("/slow", b"x" * 1000, trickle=0.2, trickle_headers=trickle_headers)
        with pytest.raises(FetchError, match="no complete answer within 1 s"):
            await asyncio.wait_for(fetcher.get(url), GUARD)
    await fetcher.aclose()


async def test_the_deadline_covers_every_redirect_hop_together() -> None:
    # Each hop alone takes about 1.2 s here, under the 1.8 s deadline; the two together do not.
    # (About 0.6 s of margin each way: a loaded machine stretches each hop.)
    fetcher = Fetcher(FetchPolicy(allow_private=True, timeout=5, deadline=1.8))
    with serve() as site:
        site.add("/a", "", status=302, location="/b", trickle=0.012, trickle_headers=True)
        site.add("/b", b"x" * 100, trickle=0.01)
        with pytest.raises(FetchError, match=r"no complete answer within 1\.8 s"):
            await asyncio.wait_for(fetcher.get(site.base + "/a"), GUARD)
    await fetcher.aclose()
    assert ["/a", "/b"] == [path for path, _ in site.hits]


# -- item 5: DNS rebinding and private addresses -----------------------------------------------


async def test_a_name_that_rebinds_to_loopback_is_connected_to_the_address_that_was_checked() -> (
    None
):
    with serve() as site:
        site.add("/page", "a public page")
        port = int(site.base.rsplit(":", 1)[1])
        # Public to the first lookup, loopback to any later one (the classic rebinding answer).
        resolver = Resolver({"news.test": [[PUBLIC], ["127.0.0.1"]]})
        network = LocalInternet({PUBLIC: port})
        fetcher = Fetcher(FetchPolicy(), resolver=resolver, network=network)
        result = await fetcher.get(f"http://news.test:{port}/page")
        await fetcher.aclose()
    assert b"a public page" == result.content
    assert ["news.test"] == resolver.calls  # resolved once, for the check and the connect
    assert [PUBLIC] == network.connects
    assert f"news.test:{port}" == site.hits[0][1]["Host"]  # the name, not the address


async def test_a_redirect_to_a_name_answering_a_private_address_is_refused_at_that_hop() -> None:
    with serve() as site:
        port = int(site.base.rsplit(":", 1)[1])
        site.add("/go", "", status=302, location=f"http://intranet.test:{port}/secret")
        site.add("/secret", "internal")
        resolver = Resolver({"news.test": [[PUBLIC]], "intranet.test": [["10.0.0.7"]]})
        network = LocalInternet({PUBLIC: port, "10.0.0.7": port})
        fetcher = Fetcher(FetchPolicy(), resolver=resolver, network=network)
        with pytest.raises(FetchError, match=r"intranet.test resolves to a private .*10\.0\.0\.7"):
            await fetcher.get(f"http://news.test:{port}/go")
        await fetcher.aclose()
    assert [PUBLIC] == network.connects
    assert ["/go"] == [path for path, _ in site.hits]


@pytest.mark.parametrize(
    "answer",
    [
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::a00:7",  # NAT64 of 10.0.0.7
        "64:ff9b:1::a00:7",  # local-use NAT64
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "2002:c0a8:101::1",  # 6to4 of 192.168.1.1
        "::ffff:127.0.0.1",  # IPv4-mapped
        "::7f00:1",  # IPv4-compatible
        "::1",
        "fe80::1",
        "fc00::1",
        "127.0.0.1",
        "10.1.2.3",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",
    ],
)
async def test_private_addresses_are_refused_in_every_spelling_a_name_can_answer(
    answer: str,
) -> None:
    # A name answering a public address too is still refused: one private answer is enough.
    resolver = Resolver({"odd.test": [[PUBLIC, answer]]})
    network = LocalInternet({})
    fetcher = Fetcher(FetchPolicy(), resolver=resolver, network=network)
    with pytest.raises(FetchError, match="private or local"):
        await fetcher.get("http://odd.test/")
    await fetcher.aclose()
    assert [] == network.connects


@pytest.mark.parametrize(
    "url",
    [
        "http://2130706433/",
        "http://0x7f.1/",
        "http://127.1/",
        "http://017700000001/",
        "http://0/",
        "http://[::ffff:7f00:1]/",
        "http://[64:ff9b::7f00:1]/",
        "http://[2002:7f00:1::]/",
    ],
)
async def test_private_addresses_written_as_numbers_in_the_url_are_refused(url: str) -> None:
    resolver = Resolver({})
    network = LocalInternet({})
    fetcher = Fetcher(FetchPolicy(), resolver=resolver, network=network)
    with pytest.raises(FetchError, match="private or local"):
        await fetcher.get(url)
    await fetcher.aclose()
    assert ([], []) == (resolver.calls, network.connects)


async def test_nat64_of_a_public_address_is_still_fetched() -> None:
    nat64 = "64:ff9b::5db8:d822"  # 93.184.216.34 through a DNS64 resolver
    with serve() as site:
        site.add("/page", "reached")
        port = int(site.base.rsplit(":", 1)[1])
        network = LocalInternet({nat64: port})
        fetcher = Fetcher(FetchPolicy(), resolver=Resolver({"v6.test": [[nat64]]}), network=network)
        result = await fetcher.get(f"http://v6.test:{port}/page")
        await fetcher.aclose()
    assert b"reached" == result.content


# -- item 6: regular files only -----------------------------------------------------------------

ARTICLE = (
    "Title: Ferry service resumes\nDate: 2024-03-01\n\nThe island ferry sailed again on Monday.\n"
)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need a POSIX system")
async def test_a_fifo_and_a_link_to_dev_zero_in_a_folder_are_refused_with_one_line_each(
    tmp_path: Path, one_db: Database
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ferry.txt").write_text(ARTICLE)
    os.mkfifo(folder / "pipe.txt")  # nobody writes: reading it would wait forever
    (folder / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    report = await asyncio.wait_for(ingest([str(folder)], ArticleStore(one_db), None), GUARD)
    assert 1 == report.added
    assert [
        f"{folder / 'pipe.txt'}: not a regular file (a FIFO); only regular files are read",
        f"{folder / 'zero.txt'}: not a regular file (a character device); only regular files"
        " are read",
    ] == [str(f) for f in report.failures]


async def test_dev_zero_given_directly_is_refused(one_db: Database) -> None:
    report = await asyncio.wait_for(ingest(["/dev/zero"], ArticleStore(one_db), None), GUARD)
    assert ["/dev/zero: not a regular file (a character device); only regular files are read"] == [
        str(f) for f in report.failures
    ]


@pytest.mark.skipif(
    not Path("/proc/self/status").is_file() or Path("/proc/self/status").stat().st_size,
    reason="needs Linux's /proc, whose files say 0 bytes in stat",
)
async def test_the_size_cap_counts_bytes_read_not_what_stat_says(
    tmp_path: Path, one_db: Database
) -> None:
    # /proc files are regular, say 0 bytes in stat, and give over a kilobyte.
    link = tmp_path / "status.txt"
    link.symlink_to("/proc/self/status")
    report = await ingest(
        [str(link)], ArticleStore(one_db), None, IngestOptions(max_file_bytes=200)
    )
    assert [f"{link}: file too large (over 200 bytes)"] == [str(f) for f in report.failures]
