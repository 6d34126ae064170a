"""The lead-aware summary on small hand-written paragraphs."""

from __future__ import annotations

from briefings.reading.summary import ENOUGH_CHARS, MAX_CHARS, summarize

LEAD = (
    "The city council approved a new tram line on Monday after two years of debate, clearing the "
    "way for construction to start in the spring across the northern districts."
)


def test_the_lead_comes_first_and_sentences_keep_article_order() -> None:
    summary = summarize(
        "Council approves tram line",
        [LEAD, "It will cost 300 million euros. Work starts in March.", "Critics object."],
    )
    assert summary.startswith("The city council approved")
    assert summary.index("The city council") < summary.index("It will cost")


def test_a_dangling_pronoun_is_kept_only_right_after_its_antecedent() -> None:
    paragraphs = [
        "It was a long night for the negotiators in the capital.",
        "Unions and the government reached a wage deal early on Tuesday after talks that lasted "
        "nineteen hours.",
    ]
    summary = summarize("Wage deal reached", paragraphs)
    assert summary.startswith("Unions and the government")  # not "It was a long night"
    follows = summarize("Tram line approved", [LEAD, "But residents of the old town object."])
    assert "But residents" in follows  # "But" right after the sentence it answers


def test_a_quote_cut_by_the_sentence_end_is_left_out() -> None:
    summary = summarize(
        "Tram line approved",
        [LEAD, "“We waited long enough. Now we build,” the mayor said. Costs rose."],
    )
    assert "We waited long enough." not in summary


def test_two_long_sentences_are_enough_and_nothing_passes_the_limit() -> None:
    second = (
        "The line will link the central station with the university campus and two hospitals, "
        "and the council expects it to carry forty thousand passengers a day."
    )
    summary = summarize("Tram line approved", [LEAD, second, "Opponents plan a referendum."])
    assert len(LEAD) + len(second) >= ENOUGH_CHARS
    assert summary == f"{LEAD} {second}"
    short = summarize(
        "Tram opens",
        [
            "The new northern tram line opens to passengers today.",
            "Single tickets cost two euros for adults.",
            "Pupils ride free on school days until June.",
        ],
    )
    assert short.count(".") == 3  # short sentences: three of them
    giant = summarize("Tram", ["word " * 200 + "end."])
    assert 0 < len(giant) <= MAX_CHARS and giant.endswith("…")
