"""Quote and speaker rules, one family per test, on short invented sentences."""

from __future__ import annotations

from briefings.reading.quotes import extract_quotes


def quotes(*paragraphs: str) -> list[tuple[str, str]]:
    return [(q.text, q.speaker) for q in extract_quotes("t", "", list(paragraphs))]


def test_two_apostrophes_mark_a_quote_and_its_cue_after_it_is_read() -> None:
    assert [("We will finish the bridge this year,", "Ann Lee")] == quotes(
        "''We will finish the bridge this year,'' said Ann Lee, the city engineer."
    )


def test_a_phrase_of_five_words_quoted_in_reported_speech_is_a_quote_shorter_ones_are_not() -> None:
    found = quotes(
        "Tom Roe said the plan was “a gift to the big developers” and “unfair” to tenants.",
    )
    assert [("a gift to the big developers", "Tom Roe")] == found


def test_titles_and_party_labels_are_read_not_cut() -> None:
    found = quotes(
        "“The vote is a disgrace for this chamber,” said Sen. Jane Doe (D-Ohio).",
        "Rep. John Roe (R-Texas) said: “We have the votes to pass it this week.”",
        "“It will pass in the end, I am sure of that,” said committee Chairman Rep. Carl Moe.",
    )
    assert ["Jane Doe", "John Roe", "Carl Moe"] == [speaker for _, speaker in found]


def test_the_speaker_of_a_quote_inside_a_long_sentence_is_its_subject_not_a_clause() -> None:
    found = quotes(
        "Mayor Ann Lee spoke first.",
        "Ben Ortiz said the plan was a gesture intended to highlight “the failures of the council "
        "over many years”.",
    )
    assert [("the failures of the council over many years", "Ben Ortiz")] == found


def test_a_pronoun_takes_the_most_recent_person_of_its_gender() -> None:
    found = quotes(
        "Ms. Ann Lee met Tom Roe at the harbour on Monday. Roe spoke first.",
        "“We cannot wait another year for the money,” she said.",
        "“The money will come when the budget passes,” he said.",
    )
    assert ["Ann Lee", "Tom Roe"] == [speaker for _, speaker in found]


def test_a_new_named_speaker_in_the_paragraph_wins_over_the_one_carried_over() -> None:
    found = quotes(
        "“We will not sell the port to anyone,” said Ann Lee.",
        "Tom Roe disagreed. “The port loses money every single month,” Roe said.",
    )
    assert ["Ann Lee", "Tom Roe"] == [speaker for _, speaker in found]


def test_transcript_labels_and_signature_lines_are_speakers_introductions_are_not() -> None:
    found = quotes(
        "The mayor answered questions on Monday.",
        "“LEE: We will rebuild the harbour before the winter comes.”",
        "“Q: Will the money be there in time for the work?”",
        "“Nothing will stop this city from building again, nothing at all.”",
        "― Ann Lee, mayor",
    )
    assert ["Ann Lee", "Q", "Ann Lee"] == [speaker for _, speaker in found]  # LEE is Ann Lee
    assert [] == [
        s
        for s in quotes("Partial transcript as follows: “We have the money now.”")
        if s[1].startswith("Partial")
    ]


def test_a_sentence_opening_word_is_not_read_as_a_speaker() -> None:
    found = quotes(
        "Tom Roe had spoken for an hour.",
        "Or, as Ann Lee, a former minister, put it: “The harbour is the heart of this town.”",
    )
    assert [("The harbour is the heart of this town.", "Ann Lee")] == found


def test_a_small_city_name_inside_a_persons_name_stays_part_of_the_name() -> None:
    # "Luz" is also an alternate name of a city; inside a run it is a given name.
    found = quotes(
        "Luz Contreras Arroyo, a nurse at the clinic, spoke to reporters on Monday.",
        "“We cannot stay silent about what we have seen here,” Contreras Arroyo said.",
    )
    assert [
        ("We cannot stay silent about what we have seen here,", "Luz Contreras Arroyo")
    ] == found
