"""HTTP fetching with httpx: timeouts, a size cap, bounded redirects checked hop by hop,
http/https only, private addresses refused unless allowed, and conditional GET."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

USER_AGENT = "newsbrief/0.1 (+https://github.com/newsbrief/newsbrief; news briefing bot)"


class FetchError(Exception):
    """A fetch that failed; ``str()`` is one line a user can read."""


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

    timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = USER_AGENT


class Fetcher:
    """One shared ``httpx.AsyncClient``; call :meth:`aclose` when done."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(self.policy.timeout),
            follow_redirects=False,  # followed by hand so every hop is checked
            headers={"User-Agent": self.policy.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def get(
        self, url: str, *, etag: str = "", last_modified: str = "", accept: str = "*/*"
    ) -> FetchResult:
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            await self._check_url(current)
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

    async def _check_url(self, url: str) -> None:
        try:
            parts = urlsplit(url)
        except ValueError as exc:
            raise FetchError(f"not a valid URL: {url[:200]}") from exc
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"only http and https URLs are fetched, not {parts.scheme or 'none'}:")
        host = parts.hostname
        if not host:
            raise FetchError("the URL has no host")
        if self.policy.allow_private:
            return
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, parts.port or 443)
        except socket.gaierror as exc:
            raise FetchError(f"cannot resolve host {host}") from exc
        for info in infos:
            address = ipaddress.ip_address(info[4][0])
            if not address.is_global:
                raise FetchError(
                    f"refused: {host} resolves to a private or local address ({address})"
                )
