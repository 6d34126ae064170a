"""Speakers that are labels, not cues: transcript labels ("SMITH: …", "Q: …") and the signature
line under a quote ("― Jane Doe, mayor"). Words that introduce a transcript or a list
("Partial transcript as follows:", "Below:") are no speakers; the language data lists them."""

from __future__ import annotations

import re

from briefings.reading.lexicon import Lexicon
from briefings.reading.names import person_name
from briefings.reading.sentences import split_sentences

# A label: one to four capitalised words, or an upper-case abbreviation ("Q", "A", "MR. SMITH").
_LABEL = re.compile(r"^\s*(?P<label>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})\s*:\s")
_SIGNATURE = re.compile(r"^\s*[―—–-]{1,2}\s*(?P<name>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){1,3})")
# "- Sanders." as a paragraph of its own under a quote.
_ALONE = re.compile(r"^\s*[―—–-]{1,2}\s*(?P<name>[A-Z][\w’'\-]*)\.?\s*$")


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


def closing_signature(text: str, lex: Lexicon) -> str:
    """The person a quote's last sentence only names, with a body or a title ("… tax cuts. Jo
    Roe, Center for Policy Research." or "… here. S.C. Rep. Jo Roe." -> "Jo Roe"), or "" (a
    bare name may be an address: "… we love you. Go Jo Roe.")."""
    sentences = split_sentences(text.strip(), lex.abbreviations)
    if len(sentences) < 2:
        return ""
    return _signed_by(sentences[-1], lex)


def closing_line(paragraph: str, lex: Lexicon) -> str:
    """The person a paragraph that only closes the quote left open before it names ("Jo Roe,
    Center for Policy Research.”" under a pull quote), or ""."""
    text = paragraph.strip()
    closers = {c for cs in lex.quote_pairs.values() for c in cs}
    mark = next((c for c in closers if text.endswith(c)), "")
    if not mark:
        return ""  # the mark shows the line closes the quote: else it is a paragraph of text
    line = text[: -len(mark)].rstrip()
    if len(split_sentences(line, lex.abbreviations)) != 1:
        return ""
    return _signed_by(line, lex)


def _signed_by(last: str, lex: Lexicon) -> str:
    """The person a sentence only names, with a body or a title, or ""."""
    last = last.rstrip(" .,")
    head, comma, body_name = last.partition(",")
    words = head.split()
    if not words or not all(w[:1].isupper() for w in words) or words[0].lower() in lex.not_names:
        return ""
    inner = {*lex.inner_words, *lex.connectors}
    if comma and not all(w[:1].isupper() or w in inner for w in body_name.split()):
        return ""  # "Jo Roe, Center for Policy Research", not a clause
    person = person_name(head.strip(), lex)
    if not person and comma and 2 <= len(words) <= 3 and all(w.isalpha() for w in words):
        person = head.strip()  # "Dean Roe, Center for …": a given name that is also a title
    if not person:
        return ""
    return person if comma or len(words) > len(person.split()) else ""


def signature(paragraph: str) -> str:
    """The name on a signature line under a quote ("― Jane Doe, mayor" -> "Jane Doe")."""
    found = _SIGNATURE.match(paragraph)
    if found:
        return found.group("name")
    alone = _ALONE.match(paragraph)  # "- Sanders." as a paragraph of its own
    return alone.group("name") if alone else ""
