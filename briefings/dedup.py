"""Duplicate detection: canonical URLs (tracking parameters and fragments stripped) and a
64-bit SimHash of the text, so the same wire story from two feeds is stored once."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from briefings.reading.sentences import words

_TRACKING = frozenset(
    """fbclid gclid dclid msclkid mc_cid mc_eid igshid yclid ref ref_src cmpid cmp ocid smid
        ito at_medium at_campaign at_custom1 rss ns_mchannel ns_source ns_campaign ns_linkname
        partner share s_cid src _ga guccounter""".split()
)
MIN_WORDS = 40
NEAR_DUPLICATE_BITS = 3  # SimHashes this close (of 64 bits) are the same story
BANDS = 4  # LSH bands: two texts within 3 bits share at least one 16-bit band


def canonical_url(url: str) -> str:
    """The URL without fragment and tracking parameters, host lower-cased, "www." dropped."""
    if not url:
        return ""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    if parts.scheme not in ("http", "https"):
        return url.strip()
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in _TRACKING
    ]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, urlencode(sorted(query)), ""))


def simhash(text: str) -> int:
    """64-bit SimHash over word 3-shingles of the first 600 words."""
    tokens = [w.lower() for w in words(text)[:600]]
    if len(tokens) < MIN_WORDS:
        return 0  # too short to tell a copy from a different story with the same phrasing
    rows = []
    for i in range(len(tokens) - 2):
        shingle = " ".join(tokens[i : i + 3]).encode()
        digest = hashlib.blake2b(shingle, digest_size=8).digest()
        rows.append(format(int.from_bytes(digest, "big"), "064b"))
    half = len(rows) / 2
    # Column-wise majority vote over the bit strings (zip runs in C; a bit loop would not).
    bits = "".join("1" if column.count("1") > half else "0" for column in zip(*rows, strict=True))
    return int(bits, 2)


def bands(fingerprint: int) -> list[int]:
    """LSH keys: band number in the top bits, the band's 16 bits below."""
    return [(b << 16) | (fingerprint >> (16 * b) & 0xFFFF) for b in range(BANDS)]


def near_duplicate(a: int, b: int) -> bool:
    return bool(a and b) and (a ^ b).bit_count() <= NEAR_DUPLICATE_BITS
