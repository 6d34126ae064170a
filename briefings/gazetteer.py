"""Stable import path for the shared multilingual scorer; names live in briefings.reading.gazetteer."""

from briefings.reading.gazetteer import fold

__all__ = ["fold"]
