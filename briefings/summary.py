"""Stable import path for the shared summary scorer; the summary reader is briefings.reading.summary."""

from briefings.reading.summary import MAX_CHARS, rank, summarize

__all__ = ["MAX_CHARS", "rank", "summarize"]
