"""Stable import path for the shared attribution scorer; quotes are briefings.reading.quotes."""

from briefings.reading.quotes import extract_quotes

__all__ = ["extract_quotes"]
