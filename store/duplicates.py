"""The duplicate checks' indexes: canonical URL, GUID within its feed, SimHash bands.

Only writes read them, so the article store builds them on its first write, not at open."""

from __future__ import annotations

from typing import Any

from briefings.dedup import bands, near_duplicate
from briefings.model import Article


def guid_key(feed_url: str | None, guid: str | None) -> tuple[str, str]:
    """Two feeds may both number their stories 1, 2, 3: a GUID counts within its feed only.
    Articles stored without a feed URL (feed files) share the feed "" among themselves."""
    return (feed_url or "", guid or "")


class DuplicateIndex:
    """Stored articles by URL, GUID and SimHash band, for :meth:`find`."""

    def __init__(self) -> None:
        self._by_url: dict[str, int] = {}
        # GUIDs are only unique within their feed: keyed by (feed URL, GUID).
        self._by_guid: dict[tuple[str, str], int] = {}
        self._by_band: dict[int, list[int]] = {}
        self._fingerprints: dict[int, int] = {}

    def add(self, doc_id: int, doc: dict[str, Any]) -> None:
        get = doc.get
        url = get("canonical_url")
        if url:
            self._by_url[url] = doc_id
        guid = get("guid")
        if guid:
            self._by_guid[guid_key(get("feed_url"), guid)] = doc_id
        fingerprint = int(get("fingerprint") or 0)
        if fingerprint:
            self._fingerprints[doc_id] = fingerprint
            by_band = self._by_band
            for band in bands(fingerprint):
                ids = by_band.get(band)
                if ids is None:
                    by_band[band] = [doc_id]
                else:
                    ids.append(doc_id)

    def remove(self, doc_id: int, doc: dict[str, Any]) -> None:
        if self._by_url.get(doc.get("canonical_url", "")) == doc_id:
            del self._by_url[doc["canonical_url"]]
        key = guid_key(doc.get("feed_url"), doc.get("guid"))
        if self._by_guid.get(key) == doc_id:
            del self._by_guid[key]
        fingerprint = self._fingerprints.pop(doc_id, 0)
        for band in bands(fingerprint) if fingerprint else []:
            ids = self._by_band.get(band, [])
            if doc_id in ids:
                ids.remove(doc_id)

    def find(self, article: Article, url: str) -> tuple[int, str] | None:
        """The stored article this one duplicates, and why; None when it is new."""
        if url and url in self._by_url:
            return self._by_url[url], "same URL"
        key = guid_key(article.feed_url, article.guid)
        if article.guid and key in self._by_guid:
            return self._by_guid[key], "same GUID"
        if article.fingerprint:
            for band in bands(article.fingerprint):
                for doc_id in self._by_band.get(band, []):
                    if near_duplicate(article.fingerprint, self._fingerprints.get(doc_id, 0)):
                        return doc_id, "same text"
        return None
