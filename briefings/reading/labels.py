"""Speakers that are labels, not cues: transcript labels ("SMITH: …", "Q: …") and the signature
line under a quote ("― Jane Doe, mayor"). Words that introduce a transcript or a list
("Partial transcript as follows:", "Below:") are no speakers; the language data lists them."""

from __future__ import annotations

import re

from briefings.reading.lexicon import Lexicon

# A label: one to four capitalised words, or an upper-case abbreviation ("Q", "A", "MR. SMITH").
_LABEL = re.compile(r"^\s*(?P<label>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})\s*:\s")
_SIGNATURE = re.compile(r"^\s*[―—–-]{1,2}\s*(?P<name>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){1,3})")


def transcript_label(text: str, lex: Lexicon) -> str:
    """The speaker a line opens with ("SMITH: We will…" -> "Smith"), or ""."""
    found = _LABEL.match(text)
    if not found:
        return ""
    label = found.group("label")
    words = [w.lower().rstrip(".") for w in label.split()]
    if all(w in lex.not_speakers or w in lex.not_names for w in words):
        return ""  # "Below:", "Partial transcript as follows:"
    # Upper-case labels read as names: "MR. SMITH" -> "Mr. Smith"; "Q" stays.
    if label.isupper() and len(label.replace(".", "")) > 2:
        label = " ".join(w.capitalize() for w in label.split())
    return label


def signature(paragraph: str) -> str:
    """The name on a signature line under a quote ("― Jane Doe, mayor" -> "Jane Doe")."""
    found = _SIGNATURE.match(paragraph)
    return found.group("name") if found else ""
