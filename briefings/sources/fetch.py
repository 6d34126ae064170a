"""HTTP fetching with httpx: a total deadline per request, a size cap, bounded redirects checked
hop by hop, http/https only, private addresses refused unless allowed, and conditional GET."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from briefings.sources.addresses import PinnedBackend, Resolver
from briefings.sources.errors import FetchError

__all__ = ["USER_AGENT", "FetchError", "FetchPolicy", "FetchResult", "Fetcher", "Resolver"]

USER_AGENT = "newsbrief/0.1 (+https://github.com/newsbrief/newsbrief; news briefing bot)"


@dataclass(slots=True)
class FetchResult:
    """A fetched resource (``not_modified`` when the server answered 304)."""

    url: str
    status: int
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    not_modified: bool = False

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


@dataclass(slots=True)
class FetchPolicy:
    """Limits for every request."""

    timeout: float = 20.0  # without a byte (connect, or between two reads)
    deadline: float = 30.0  # the whole exchange: every redirect hop, headers and body
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = USER_AGENT


class Fetcher:
    """One shared ``httpx.AsyncClient``; call :meth:`aclose` when done.

    ``resolver`` (host, port -> addresses) and ``network`` (httpcore's network backend) are the
    system's unless injected: tests answer names and route connections without real DNS."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        resolver: Resolver | None = None,
        network: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self.policy = policy or FetchPolicy()
        backend = PinnedBackend(self.policy.allow_private, resolver, network)
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(self.policy.timeout),
            follow_redirects=False,  # followed by hand so every hop is checked
            headers={"User-Agent": self.policy.user_agent, "Accept-Encoding": "gzip, deflate"},
            transport=_PinnedTransport(backend),
            # A proxy from the environment would resolve names itself, past our address check.
            trust_env=False,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def get(
        self, url: str, *, etag: str = "", last_modified: str = "", accept: str = "*/*"
    ) -> FetchResult:
        """The resource at ``url``; raises :class:`FetchError` with one readable line."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        # The per-read timeout alone lets a server sending a byte a second hold us forever.
        try:
            async with asyncio.timeout(self.policy.deadline):
                return await self._follow(url, headers)
        except TimeoutError as exc:
            raise FetchError(
                f"timed out: no complete answer within {self.policy.deadline:g} s"
            ) from exc

    async def _follow(self, url: str, headers: dict[str, str]) -> FetchResult:
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            _check_url(current)
            try:
                async with self._client.stream("GET", current, headers=headers) as response:
                    if response.is_redirect and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    if response.status_code == 304:
                        return FetchResult(
                            str(response.url), 304, b"", dict(response.headers), True
                        )
                    if response.status_code >= 400:
                        raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}")
                    body = await self._read_capped(response)
                    return FetchResult(
                        str(response.url), response.status_code, body, dict(response.headers)
                    )
            except httpx.TimeoutException as exc:
                raise FetchError(f"timed out after {self.policy.timeout:g} s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(
                    f"network error: {type(exc).__name__}: {exc}".rstrip(": ")
                ) from exc
        raise FetchError(f"too many redirects (more than {self.policy.max_redirects})")

    async def _read_capped(self, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.policy.max_bytes:
            raise FetchError(f"response too large ({int(declared):,} bytes)")
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self.policy.max_bytes:
                raise FetchError(f"response too large (over {self.policy.max_bytes:,} bytes)")
            chunks.append(chunk)
        return b"".join(chunks)


def _check_url(url: str) -> None:
    """Scheme and host; the address is checked when the connection is made (PinnedBackend)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:
        raise FetchError(f"not a valid URL: {url[:200]}") from exc
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs are fetched, not {parts.scheme or 'none'}:")
    if not host:
        raise FetchError("the URL has no host")


class _PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport (its error mapping and streaming) over a pool whose every
    connection goes through :class:`PinnedBackend`. httpx takes no network backend, so the
    pool it built is replaced."""

    def __init__(self, backend: PinnedBackend) -> None:
        super().__init__()
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=100,
            max_keepalive_connections=20,
            keepalive_expiry=5.0,
            network_backend=backend,
        )
