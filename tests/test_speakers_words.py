"""English constructions the speaker rules read from `lang/en.toml`, not from code: each still
works on English, and a language whose file leaves them out gets none (issue 10)."""

from __future__ import annotations

from briefings.reading.lexicon import english, lexicon
from briefings.reading.names import persons_in
from briefings.reading.quotes import extract_quotes


def speakers(*paragraphs: str) -> list[str]:
    return [q.speaker for q in extract_quotes("t", "", list(paragraphs))]


def test_a_speaker_and_their_companions_speak_as_one() -> None:
    found = speakers("“We will rebuild the old house by the river,” Jo Roe and his wife said.")
    assert ["Jo Roe and his wife"] == found


def test_an_age_standing_for_a_person_is_the_person_last_named() -> None:
    found = speakers(
        "Tom Roe spoke first.",
        "“We never saw the water rise this fast before,” the 45-year-old said.",
    )
    assert ["Tom Roe"] == found


def test_a_joint_statement_speaks_for_the_body_that_issued_it() -> None:
    found = speakers(
        "The Harbour Council issued a statement on Monday.",
        "“The bridge will stay closed for the whole winter,” the joint statement said.",
    )
    assert ["the Harbour Council"] == found


def test_the_collective_noun_after_a_definite_article_is_the_group_named_in_apposition() -> None:
    found = speakers(
        "The doctors, members of Doctors for Camp Closure, wrote to the mayor.",
        "“The camp must close before the winter comes,” the doctors said.",
    )
    assert ["Doctors for Camp Closure"] == found


def test_who_issued_a_document_is_the_name_the_phrase_ends_on() -> None:
    found = speakers(
        "The county's Office of the Inspector General released two reports that depicted “a "
        "culture of waste in every single department.”"
    )
    assert ["Office of the Inspector General"] == found


def test_a_name_followed_by_a_relative_for_things_or_a_plural_verb_is_a_body() -> None:
    assert [] == persons_in("Big Machine, which owns the songs, was sold.")
    assert [] == persons_in("Big Machine have denied it.")
    assert ["Big Machine"] == persons_in("Big Machine owns the songs.")


def test_english_constructions_are_english_data_and_other_languages_start_without_them() -> None:
    en = english()
    assert ("and his", "and her", "and their") == en.team_links
    assert ("the",) == en.definite
    assert ("which",) == en.body_relatives
    french = lexicon("fr")
    assert () == french.team_links == french.definite == french.age_suffixes
    assert () == french.document_modifiers
