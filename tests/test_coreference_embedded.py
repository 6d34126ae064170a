"""A person who reports speech inside a sentence about someone else ("Roe said Doe told …")
is no antecedent for the next pronoun speaker; an apposed name and a reporter closing the
sentence still are. Short invented sentences."""

from __future__ import annotations

from briefings.reading.quotes import extract_quotes

QUOTE = "“It works and the town knows it,” he said."


def speakers(*paragraphs: str) -> list[str]:
    return [q.speaker for q in extract_quotes("t", "", list(paragraphs))]


def test_a_reporter_inside_a_reported_clause_leaves_the_pronoun_to_the_subject() -> None:
    found = speakers("Tom Berg said Ken Doyle told the council the plan would pass.", QUOTE)
    assert ["Tom Berg"] == found


def test_a_reporter_after_that_leaves_the_pronoun_to_the_subject() -> None:
    found = speakers("Tom Berg argued on Monday that Ken Doyle says the plan will fail.", QUOTE)
    assert ["Tom Berg"] == found


def test_a_reporter_in_a_subordinate_clause_leaves_the_pronoun_to_the_subject() -> None:
    found = speakers("Tom Berg backed the plan after Ken Doyle said the budget would hold.", QUOTE)
    assert ["Tom Berg"] == found


def test_an_apposed_name_is_the_subject_that_takes_the_pronoun() -> None:
    found = speakers("A friend of Tom Berg, Ken Doyle, said the plan would pass on Monday.", QUOTE)
    assert ["Ken Doyle"] == found


def test_a_reporter_closing_the_sentence_takes_the_pronoun() -> None:
    found = speakers(
        "Tom Berg is the best candidate in the race this year, Ken Doyle argues.", QUOTE
    )
    assert ["Ken Doyle"] == found
