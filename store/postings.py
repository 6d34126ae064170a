"""Sorted runs of (time, article id[, weight]) kept in typed arrays.

A topic index of 50,000 articles holds some 350,000 entries. As tuples in lists they cost
about 100 bytes each and one Python object apiece to build at every open; as columns of
machine numbers (``array``) they cost 24 bytes and are filled, sliced and searched in C."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator


class Postings:
    """Entries ordered by (time, id); the weight column is optional (the time index has none)."""

    __slots__ = ("ids", "times", "weights")

    def __init__(
        self,
        times: Iterable[float] = (),
        ids: Iterable[int] = (),
        weights: Iterable[float] | None = None,
    ) -> None:
        self.times = array("d", times)
        self.ids = array("q", ids)
        self.weights = array("d", weights) if weights is not None else None

    def __len__(self) -> int:
        return len(self.ids)

    def _position(self, when: float, doc_id: int) -> int:
        """Where (when, doc_id) goes: after every entry ordered before it."""
        i = bisect_right(self.times, when)
        while i and self.times[i - 1] == when and self.ids[i - 1] > doc_id:
            i -= 1
        return i

    def insert(self, when: float, doc_id: int, weight: float = 1.0) -> None:
        i = self._position(when, doc_id)
        self.times.insert(i, when)
        self.ids.insert(i, doc_id)
        if self.weights is not None:
            self.weights.insert(i, weight)

    def remove(self, when: float, doc_id: int) -> bool:
        """Drop the entry (when, doc_id); False when it is not there."""
        i = bisect_left(self.times, when)
        times, ids = self.times, self.ids
        while i < len(times) and times[i] == when:
            if ids[i] == doc_id:
                del times[i]
                del ids[i]
                if self.weights is not None:
                    del self.weights[i]
                return True
            i += 1
        return False

    def after(self, since: float) -> int:
        """The position of the first entry newer than ``since``."""
        return bisect_right(self.times, since)

    def before(self, cutoff: float) -> int:
        """How many entries are older than ``cutoff``."""
        return bisect_left(self.times, cutoff)

    def count_after(self, since: float) -> int:
        return len(self.ids) - self.after(since)

    def tail(self, start: int) -> Iterator[tuple[float, int, float]]:
        """Entries from ``start`` on, oldest first, with their weights (1.0 when none)."""
        weights = self.weights[start:] if self.weights is not None else [1.0] * (len(self) - start)
        return zip(self.times[start:], self.ids[start:], weights, strict=True)
