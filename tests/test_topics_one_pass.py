"""The topic readers' shortcuts (issue 10): each check done once in C for a whole text must find
what the token-by-token and run-by-run reading found."""

from __future__ import annotations

import pytest

from briefings.reading.gazetteer import normal_token, unhyphenated
from briefings.reading.topic_organisations import _org_context, _org_hints
from briefings.reading.topic_places import place_mentions
from briefings.reading.topics import extract_topics
from briefings.reading.vocabulary import split_elisions, vocabulary

TEXTS = [
    "The mayor of New York met officials in the city of Denver on Monday.",
    "Inflation rose again, the central bank said, as interest rates stayed high.",
    "Le chômage a baissé en France, selon l'Insee, malgré la guerre commerciale.",
    "A short note with no names at all.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_subject_scan_in_c_equals_the_phrase_aware_scan(text: str) -> None:
    for language in ("en", "fr"):
        triggers = vocabulary().triggers[language]
        words = split_elisions(unhyphenated(text)[1])
        assert list(triggers._scan_phrases(words)) == list(triggers.scan(words))


def test_token_normal_forms_from_the_dict_equal_normal_token() -> None:
    text = "Zürich’s mayor, U.S. officials and AT&T's chief met in São Paulo."
    raw, norm = unhyphenated.__wrapped__(text)  # (not the memo: the dict path itself)
    assert [normal_token(t) for t in raw] == norm


def test_a_phrase_after_a_function_word_is_found_when_its_first_words_pass_the_check() -> None:
    # "new york" starts on "new", which starts many phrases; "denver" is a one-word phrase
    assert ["new york", "denver"] == place_mentions(TEXTS[0])


def test_a_text_naming_no_gazetteer_phrase_gives_none() -> None:
    assert [] == place_mentions(TEXTS[3])


def test_a_text_without_group_noun_bracket_or_analyst_needs_no_look_around() -> None:
    text = "Acme Robotics said on Monday that Zeta Labs would buy it."
    assert (False, False) == _org_hints(text)
    start = text.index("Zeta Labs")
    assert not _org_context(text, start, start + len("Zeta Labs"), _org_hints(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The startup Zeta Labs said it would hire.", "Zeta Labs"),  # a group noun before it
        ("Shares of Lowe's (LOW) fell.", "Lowe's"),  # a ticker after it
        ("Jefferies analyst Jo Smith said so.", "Jefferies"),  # an analyst's word after it
    ],
)
def test_a_text_with_a_hint_still_reads_the_words_around_a_name(text: str, name: str) -> None:
    start = text.index(name)
    assert _org_context(text, start, start + len(name), _org_hints(text))


def test_a_surname_is_counted_only_in_the_parts_that_write_it() -> None:
    found = extract_topics(
        "Budget vote delayed",
        "",
        ["Maria Keller said the vote would wait.", "Nobody else spoke.", "Keller left early."],
        ["Maria Keller"],
        "en",
    )
    # lead paragraph (1.5) + body paragraph (1.0): the middle paragraph adds nothing
    assert 2.5 == found["maria keller"]


def test_a_new_plural_word_still_reaches_its_triggers_subject() -> None:
    triggers = vocabulary().triggers["en"]
    base = next(
        w
        for w in sorted(triggers.words)
        if len(w) >= 6 and w[-1] not in "sy" and w + "s" not in triggers.words
    )  # (a plural that is no trigger of its own)
    assert triggers.words[base][0] == triggers._find_affix(base + "s")
    assert triggers._find_affix("zzzzqqq") is None  # no ending: no inflection rule is tried
