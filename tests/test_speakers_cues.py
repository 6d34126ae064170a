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


def test_a_name_with_the_place_it_comes_from_is_the_person_not_the_place() -> None:
    found = speakers(
        "“We have the votes to pass it,” former Gov. Jeb Roe of Florida said on Monday.",
        "Bishop Ann Lee of the Diocese of Leeds told reporters, “The church stays open.”",
    )
    assert ["Jeb Roe", "Ann Lee"] == found


def test_a_cue_between_two_sentences_quoted_belongs_to_the_second() -> None:
    found = speakers(
        "Tom Roe spoke at the harbour on Monday.",
        "Bishop Ann Lee of the Diocese of Leeds told reporters, “The church stays open.” He "
        "added, “We will pray for the town.”",
    )
    assert ["Ann Lee", "Tom Roe"] == found


def test_a_sentence_opener_before_a_place_is_no_name() -> None:
    found = speakers(
        "“We will win the vote next week,” said Ann Lee.",
        "Beyond Leeds, other members were not pleased. “The vote was a disgrace for the town.”",
    )
    assert ["Ann Lee", "Ann Lee"] == found
