"""A person who opens a coordinated clause as its subject (", but Roe wasn't having it") is
the latest actor a following pronoun speaker stands for; a name after a reporting verb is not.
Short invented sentences."""

from __future__ import annotations

from briefings.reading.coreference import _own_list, clause_subjects
from briefings.reading.document import Document
from briefings.reading.lexicon import lexicon
from briefings.reading.quotes import extract_quotes


def speakers(*paragraphs: str) -> list[str]:
    return [q.speaker for q in extract_quotes("t", "", list(paragraphs))]


def test_a_person_opening_a_clause_after_but_takes_the_next_pronoun() -> None:
    found = speakers(
        "Tom Berg spoke first. The others wanted to move on, but Ken Doyle wasn't having it.",
        "“It is not over yet, not by a long way,” he said.",
    )
    assert ["Ken Doyle"] == found


def test_a_past_tense_after_a_clause_opening_name_makes_it_the_subject() -> None:
    found = speakers(
        "Tom Berg spoke first. The others sat down, and Ken Doyle stayed behind.",
        "“It is not over yet, not by a long way,” he said.",
    )
    assert ["Ken Doyle"] == found


def test_a_person_named_after_a_reporting_verb_is_no_clause_subject() -> None:
    found = speakers(
        "Tom Berg said Ken Doyle was wrong about the budget.",
        "“It is not over yet, not by a long way,” he said.",
    )
    assert ["Tom Berg"] == found


def test_two_people_joined_without_a_comma_open_no_clause() -> None:
    text = "Tom Berg and Ken Doyle were at the meeting, but Ann Kowal was not."
    doc = Document("t", "", "en", lexicon("en"), [text])
    found = clause_subjects(doc, lambda run: run)
    assert [(0, text.index("Ann"), "Ann Kowal")] == found


def test_only_english_reads_a_past_tense_ending() -> None:
    assert ["ed"] == _own_list("en", "past_tense_endings")
    assert [] == _own_list("fr", "past_tense_endings")
