"""What the readers share instead of computing again: one tokenisation per text for the topic
steps (``gazetteer.unhyphenated``), whose derived forms must equal what the per-step scans
gave, and one lexicon for every language without a data file."""

from __future__ import annotations

import pytest

from briefings.reading.events import find_events
from briefings.reading.gazetteer import fold, unhyphenated
from briefings.reading.lexicon import lexicon, summary_words
from briefings.reading.topic_places import folded

TEXTS = [
    "",
    "Nagorno-Karabakh talks resumed in Geneva on Monday.",
    "L’attentat de Nice a fait des victimes, selon l'AFP.",
    "Der Sturm „Ciaran“ traf Nord-Frankreich.   Zwei Tote.",
    "U.S. teachers' pay rose 3.5% in 2023 -- the state said.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_folded_from_shared_tokens_equals_fold(text: str) -> None:
    assert fold(text) == folded(text)


@pytest.mark.parametrize("text", TEXTS)
def test_unhyphenated_gives_tokens_and_their_normal_forms(text: str) -> None:
    raw, norm = unhyphenated(text)
    assert len(raw) == len(norm)
    assert fold(text) == " ".join(filter(None, norm))


def test_events_found_on_shared_tokens_after_elided_article() -> None:
    # the kind's noun behind an elided article ("l'alluvione") is still visited
    found = find_events([("L'alluvione a Bologna ha causato danni.", 1.0)], "it")
    assert {"flood in bologna": 1.0} == found


def test_events_found_on_shared_tokens_with_article_before_place() -> None:
    found = find_events([("Nach dem Erdbeben in der Türkei", 1.0)], "de")
    assert {"earthquake in turkey": 1.0} == found


def test_a_language_without_a_file_reads_with_englishs_own_lexicon() -> None:
    # the same object, so what is compiled per lexicon is built once, not once per code
    assert lexicon("sk") is lexicon("en")
    assert lexicon("zh-Hant") is lexicon("en")
    assert summary_words("ur") == summary_words("en")
    assert lexicon("de") is not lexicon("en")
