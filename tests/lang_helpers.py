"""Reading short invented articles in a given language: (quote text, speaker) pairs."""

from __future__ import annotations

from briefings.reading.document import build_document
from briefings.reading.quotes import quotes_of


def said(language: str, *paragraphs: str) -> list[tuple[str, str]]:
    doc = build_document("Title", "", list(paragraphs), language=language)
    return [(q.text, q.speaker) for q in quotes_of(doc)]
