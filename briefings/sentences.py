"""Stable import path for the shared scorers; sentence splitting is briefings.reading.sentences."""

from briefings.reading.sentences import split_sentences

__all__ = ["split_sentences"]
