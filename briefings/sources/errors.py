"""The error every fetch step raises: one line a user can read."""

from __future__ import annotations


class FetchError(Exception):
    """A fetch that failed; ``str()`` is one line a user can read."""
