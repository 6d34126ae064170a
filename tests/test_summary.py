"""The summary on small hand-written paragraphs: its rules, its limit, its weights file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefings.reading.document import build_document
from briefings.reading.summary import (
    MAX_CHARS,
    WEIGHTS_FILE,
    Model,
    model,
    rank,
    select,
    summarize,
    summary_of,
)
from briefings.reading.summary_features import FEATURES, describe
from briefings.reading.summary_rules import (
    _FOLD_TO_ASCII,
    closed,
    is_dangling,
    is_furniture,
    strip_credit,
)

LEAD = (
    "The city council approved a new tram line on Monday after two years of debate, clearing the "
    "way for construction to start in the spring across the northern districts."
)
SECOND = (
    "The line will link the central station with the university campus and two hospitals, and "
    "the council expects it to carry forty thousand passengers a day."
)
THIRD = "Construction is to cost 300 million euros, paid by the city and the regional government."


def test_the_lead_comes_first_and_sentences_keep_article_order() -> None:
    summary = summarize("Council approves tram line", [LEAD, SECOND, THIRD, "Critics object."])
    assert summary.startswith("The city council approved")
    chosen = rank("", [LEAD, SECOND, THIRD], MAX_CHARS)
    parts = [[LEAD, SECOND, THIRD][i] for i in sorted(chosen)]
    assert " ".join(parts) == summary
    assert [summary.index(p) for p in parts] == sorted(summary.index(p) for p in parts)


def test_a_summary_never_opens_on_a_pronoun_without_its_antecedent() -> None:
    paragraphs = [
        "He said the talks had been the hardest of his long career in the union movement.",
        "Unions and the government reached a wage deal early on Tuesday after talks that lasted "
        "nineteen hours in the capital.",
    ]
    summary = summarize("", paragraphs)
    assert summary.startswith("Unions and the government")
    assert "He said the talks" not in summary
    assert not summarize("", [paragraphs[0], "On Friday, he said the deal was done."])


def given_scores(max_sentences: int, redundancy: float) -> Model:
    """Selection settings that take the scores a test passes as they are: no weights, no
    minimum gain, no early stop before the character limit."""
    return Model(
        (0.0,) * len(FEATURES),
        max_sentences=max_sentences,
        redundancy=redundancy,
        min_gain=-1.0,
        enough_chars=MAX_CHARS,
        enough_chars_untitled=MAX_CHARS,
    )


def test_a_pronoun_opener_is_kept_right_after_the_sentence_it_refers_to() -> None:
    sentences = [LEAD, "But residents of the old town object to the route through their square."]
    words = [set(t) for t in describe("", sentences).tokens]
    settings = given_scores(max_sentences=3, redundancy=0.0)
    assert sorted(select(sentences, [1.0, 2.0], words, [True, True], MAX_CHARS, settings)) == [
        0,
        1,
    ]
    # Without its antecedent the same sentence is never chosen, however high it scores.
    assert select(sentences, [1.0, 2.0], words, [False, True], MAX_CHARS, settings) == []


def test_dangling_openers_are_recognised() -> None:
    assert is_dangling("He said the plan failed.")
    assert is_dangling("“They will pay,” the mayor said.")
    assert is_dangling("However, costs rose.")
    assert is_dangling("On Friday, he said no.")
    assert not is_dangling("There were five candidates.")
    assert not is_dangling("The mayor said he would sign it.")


def test_a_quote_cut_by_the_sentence_end_is_left_out() -> None:
    summary = summarize(
        "Tram line approved",
        [LEAD, "“We waited long enough. Now we build,” the mayor said on Monday evening.", SECOND],
    )
    assert "We waited long enough." not in summary


@pytest.mark.parametrize(
    "line",
    [
        "Watch the mayor explain the new tram route »",
        "Read more: Why cities are building trams again",
        "Photo: The first tram on its test run in March",
        "Editor's note: Jane Roe is a transport planner who has advised three cities.",
        "Jane Roe is a CNN contributor and the author of a book on trams.",
        "CNN's John Doe contributed to this report.",
        "Follow us on Twitter @citydesk for updates.",
        "ROE: We never thought the line would be approved this year.",
        "The views expressed in this commentary are solely those of Jane Roe.",
        "Trams in numbers",
    ],
)
def test_page_furniture_is_never_a_summary_sentence(line: str) -> None:
    assert is_furniture(line)
    filler = "The vote was close and the debate lasted late into the night at the town hall."
    summary = summarize("", [line, LEAD, filler, line, SECOND])
    assert line not in summary


@pytest.mark.parametrize("sentence", [LEAD, SECOND, "Police said: the road stays closed."])
def test_news_sentences_are_not_furniture(sentence: str) -> None:
    assert not is_furniture(sentence)


def test_a_wire_credit_is_dropped_from_the_summary_sentence() -> None:
    assert strip_credit("(CNN) -- The council met.") == "The council met."
    assert strip_credit("BERLIN, Germany (CNN) -- The council met.") == "The council met."
    assert strip_credit("Apple (AAPL) shares rose.") == "Apple (AAPL) shares rose."
    summary = summarize("", [f"(CNN) -- {LEAD}", SECOND])
    assert summary.startswith("The city council")


def test_nothing_passes_the_length_limit() -> None:
    long = [f"{LEAD[:-1]} and in district {n} of the city." for n in range(12)]
    summary = summarize("", long)
    assert 0 < len(summary) <= MAX_CHARS
    for limit in (120, 200, 300):
        chosen = rank("", long, limit)
        assert sum(len(long[i]) for i in chosen) + len(chosen) - 1 <= limit
    giant = summarize("Tram", ["word " * 200 + "end."])
    assert 0 < len(giant) <= MAX_CHARS and giant.endswith("…")


def test_the_same_thing_said_twice_is_chosen_once() -> None:
    sentences = [LEAD, LEAD.replace("Monday", "Tuesday"), THIRD]
    words = [set(t) for t in describe("", sentences).tokens]
    settings = given_scores(max_sentences=2, redundancy=1.0)
    chosen = select(sentences, [3.0, 2.9, 2.5], words, [True] * 3, MAX_CHARS, settings)
    assert sorted(chosen) == [0, 2]


def test_the_weights_load_from_the_data_file(tmp_path: Path) -> None:
    data = json.loads(WEIGHTS_FILE.read_text("utf-8"))
    loaded = model()
    assert list(loaded.weights) == pytest.approx(data["weights"])
    assert len(loaded.weights) == len(FEATURES) == len(data["features"])
    assert 2 <= loaded.max_sentences <= 3
    stale = tmp_path / "weights.json"
    stale.write_text(json.dumps({**data, "features": data["features"][:-1]}), "utf-8")
    with pytest.raises(ValueError, match="retrain"):
        model(stale)


def test_an_article_without_sentences_has_no_summary() -> None:
    assert summarize("Title", []) == ""
    assert summarize("Title", ["   "]) == ""


def test_the_document_model_gives_the_same_summary_without_splitting_again() -> None:
    paragraphs = [f"(CNN) -- {LEAD}", f"{SECOND} {THIRD}", "Watch the mayor explain it »"]
    doc = build_document("Council approves tram line", "", paragraphs, "en")
    assert summary_of(doc) == summarize("Council approves tram line", paragraphs)
    assert summary_of(doc).startswith("The city council")


def test_a_pronoun_behind_a_wire_credit_is_still_dangling() -> None:
    assert is_dangling("(CNN) -- He said the talks had failed.")
    summary = summarize("", ["(CNN) -- It was a long night in the capital for everyone.", LEAD])
    assert summary == LEAD


def test_a_summary_sentence_ending_on_a_word_gets_a_full_stop() -> None:
    # A dek or subtitle without its full stop would read as running into the next sentence.
    assert closed("Council approves the northern tram line") == (
        "Council approves the northern tram line."
    )
    assert closed("He said “no”") == "He said “no”."
    assert closed("The council met.") == "The council met."
    assert closed("The statement read:") == "The statement read:"


def test_a_list_bullet_is_dropped_from_the_summary_sentence() -> None:
    assert strip_credit("- The council met on Monday.") == "The council met on Monday."
    assert strip_credit("• The council met on Monday.") == "The council met on Monday."
    assert strip_credit("-5 degrees is cold.") == "-5 degrees is cold."
    assert summarize("", [f"- {LEAD}", SECOND]).startswith("The city council")


@pytest.mark.parametrize(
    "line",
    [
        "Jane Roe, who has written on trams for a decade, is a CNN contributor to this site.",
        "Jane Roe, who has written on trams for a decade, is a CNN contributor in Zürich.",
        "JANE ROE, WHO HAS WRITTEN ON TRAMS FOR A DECADE, IS A CNN CONTRIBUTOR IN ZÜRICH.",
        "The city's first tram, pictured on its test run in March, carries 200 people (Photo",
        "Sign up at https://example.org to hear when the second tram line opens to riders.",
        # a Kelvin sign and a long s, which match "k" and "s" when case is ignored
        "Jane Roe, who has written on trams for a decade, is a CNN contributor in \u212aent.",
        "Jane Roe, who has written on trams for a decade, is a CNN contributor in \u017fpain.",
    ],
)
def test_furniture_phrases_are_found_inside_a_line_in_any_script(line: str) -> None:
    # (searched among the phrases of the hints the line holds, or the whole pattern)
    assert is_furniture(line)


def test_the_characters_that_fold_to_ascii_letters_are_all_known() -> None:
    letter = re.compile("[a-z0-9]", re.I)
    folding = {chr(c) for c in range(0x80, 0x110000) if letter.match(chr(c))}
    assert folding == _FOLD_TO_ASCII
