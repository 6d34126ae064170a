"""Which addresses a fetch may reach, and connections made to exactly the address checked.

Checking a name and then letting the HTTP client resolve it again to connect is open to DNS
rebinding: a name can answer a public address to the check and 127.0.0.1 to the connect. Here
each connection resolves its host once, checks every address, and connects to a checked one; TLS
and the Host header still use the name, since httpcore gets a stream, not a new URL."""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import httpcore

from briefings.sources.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# host, port -> the addresses it resolves to, as strings.
Resolver = Callable[[str, int], Awaitable[list[str]]]

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # well-known NAT64 prefix: IPv4 in the low 32 bits
# Local-use NAT64 (RFC 8215) and IPv4-compatible addresses (deprecated): where the IPv4 address
# sits is not fixed, or nobody uses them for the public internet; refused whole.
_REFUSED_V6 = (ipaddress.IPv6Network("64:ff9b:1::/48"), ipaddress.IPv6Network("::/96"))
# What inet_aton reads as IPv4 besides dotted quads: 127.1, 0x7f.1, 2130706433, 017700000001.
_LEGACY_V4 = re.compile(r"[0-9a-fA-FxX.]+")


async def system_resolver(host: str, port: int) -> list[str]:
    """The addresses of ``host`` from the system resolver, without blocking the loop."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for: mapped, 6to4 or NAT64 forms."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public(address: IPAddress) -> bool:
    """Whether a fetch may connect to ``address``: globally routable, in every spelling."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id or any(address in net for net in _REFUSED_V6):
            return False
        inner = embedded_ipv4(address)
        if inner is not None and not is_public(inner):
            return False
    return address.is_global and not address.is_multicast


def literal_address(host: str) -> IPAddress | None:
    """``host`` read as an address if it is one, in any spelling a resolver would accept."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    if _LEGACY_V4.fullmatch(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend with one resolution per connection, checked, and pinned."""

    def __init__(
        self,
        allow_private: bool = False,
        resolver: Resolver | None = None,
        inner: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self.allow_private = allow_private
        self.resolver = resolver or system_resolver
        self.inner = inner or httpcore.AnyIOBackend()

    async def addresses(self, host: str, port: int) -> list[str]:
        """The addresses to connect to for ``host``; raises FetchError if any is refused."""
        literal = literal_address(host)
        if literal is not None:
            found: Iterable[str] = [str(literal)]
        else:
            try:
                found = await self.resolver(host, port)
            except OSError as exc:
                raise FetchError(f"cannot resolve host {host}") from exc
        addresses = [ipaddress.ip_address(a) for a in found]
        if not addresses:
            raise FetchError(f"cannot resolve host {host}")
        if not self.allow_private:
            # One private answer refuses the host: a name that mixes them is not a news site.
            for address in addresses:
                if not is_public(address):
                    raise FetchError(
                        f"refused: {host} resolves to a private or local address ({address})"
                    )
        return [str(a) for a in addresses]

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        failure: Exception | None = None
        for address in await self.addresses(host, port):
            try:
                return await self.inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc  # the next address may answer
        assert failure is not None
        raise failure

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise FetchError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)
