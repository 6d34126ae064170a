"""The sentence splitter keeps abbreviations, initials and stray full stops together."""

from __future__ import annotations

import time

from briefings.reading.sentences import split_sentences


def test_does_not_break_on_abbreviations_and_initials() -> None:
    text = "The U.S. envoy met Mr. Smith and J. K. Rowling in Washington. They talked for an hour."
    assert [
        "The U.S. envoy met Mr. Smith and J. K. Rowling in Washington.",
        "They talked for an hour.",
    ] == split_sentences(text)


def test_does_not_break_before_a_lower_case_word() -> None:
    text = "The statement showed its appreciation. to the United States for hosting. Then it ended."
    assert 2 == len(split_sentences(text))


def test_breaks_after_a_closing_quote() -> None:
    text = "“We are done,” he said. “Now we go home.” She agreed."
    assert ["“We are done,” he said.", "“Now we go home.”", "She agreed."] == split_sentences(text)


def test_decimals_do_not_split() -> None:
    assert 1 == len(split_sentences("It cost $3.5 billion in 2020 alone."))


def test_a_long_line_without_spaces_finishes_quickly() -> None:
    start = time.perf_counter()
    pieces = split_sentences("x" * 200_000)
    assert time.perf_counter() - start < 2.0
    assert 200_000 == sum(len(p) for p in pieces)


def test_a_full_stop_inside_a_quoted_name_does_not_end_the_sentence() -> None:
    text = "The state’s “Meth. We’re on it.” campaign drew mockery. “We are done. We go home,” he said."
    assert [
        "The state’s “Meth. We’re on it.” campaign drew mockery.",
        "“We are done.",
        "We go home,” he said.",
    ] == split_sentences(text)
