"""Cues English news writes away from the quote, one rule family per test, on short invented
sentences."""

from __future__ import annotations

from briefings.reading.quotes import extract_quotes


def speakers(*paragraphs: str) -> list[str]:
    return [q.speaker for q in extract_quotes("t", "", list(paragraphs))]


def test_a_cue_closing_the_sentence_a_quote_stands_inside_names_its_speaker() -> None:
    found = speakers(
        "Tom Roe spoke first at the meeting on Monday.",
        "“The plan looks very good on paper” for the city, said Ann Lee, a planner.",
        "Roe “never once read the whole plan himself” before the vote, Ben Ortiz said.",
        "“We will build the bridge next spring” if the money comes, Ortiz said on Monday.",
    )
    assert ["Ann Lee", "Ben Ortiz", "Ben Ortiz"] == found


def test_a_closing_verb_that_opens_a_clause_of_its_own_is_no_cue() -> None:
    found = speakers(
        "Tom Roe said the plan was “a gift to the big developers” in town, Ben Ortiz said the "
        "council was split.",
    )
    assert ["Tom Roe"] == found
