"""What the summary's sentence scorer sees: the article's keywords and where paragraphs start."""

from __future__ import annotations

import os
import subprocess
import sys

from briefings.reading.document import build_document
from briefings.reading.summary import summarize, summary_of
from briefings.reading.summary_features import FEATURES, describe

# A short invented article: the flood, the river and the town run through it.
ARTICLE = [
    "The river flooded the town of Elmstead on Sunday after three days of rain.",
    "Rescue teams moved two hundred families out of the flooded town by boat.",
    "The river is expected to stay high in Elmstead until Wednesday, the flood office said.",
    "A local bakery celebrated its fiftieth birthday with free cake last spring.",
]


def feature(name: str, rows: list[list[float]]) -> list[float]:
    return [row[FEATURES.index(name)] for row in rows]


def test_a_sentence_holding_more_of_the_articles_keywords_scores_higher_on_them() -> None:
    rows = describe("", ARTICLE).features
    for name in ("keywords_5", "keywords_10", "keyword_weight"):
        values = feature(name, rows)
        # The third sentence names the river, the town and the flood; the bakery none of them.
        assert values[2] > values[3], name
        assert values[3] == 0.0, name
    assert all(0.0 <= v <= 1.0 for v in feature("keyword_share", rows))


def test_the_keywords_are_the_words_most_sentences_share() -> None:
    rows = describe("", ARTICLE).features
    # "river", "flood(ed)", "town", "Elmstead" recur; the bakery's words each occur once.
    assert feature("keywords_5", rows)[0] >= 2 / 5
    assert feature("keyword_share", rows)[0] > feature("keyword_share", rows)[3]


def test_paragraph_starts_and_the_first_paragraph_are_marked() -> None:
    rows = describe("", ARTICLE, paragraph_of=[0, 0, 1, 1]).features
    assert feature("opens_paragraph", rows) == [1.0, 0.0, 1.0, 0.0]
    assert feature("first_paragraph", rows) == [1.0, 1.0, 0.0, 0.0]


def test_without_paragraphs_every_sentence_is_its_own_paragraph() -> None:
    rows = describe("", ARTICLE).features
    assert feature("opens_paragraph", rows) == [1.0] * 4
    assert feature("first_paragraph", rows) == [1.0, 0.0, 0.0, 0.0]


def test_the_document_and_the_paragraph_list_see_the_same_paragraphs() -> None:
    paragraphs = [f"{ARTICLE[0]} {ARTICLE[1]}", f"{ARTICLE[2]} {ARTICLE[3]}"]
    doc = build_document("Flood in Elmstead", "", paragraphs, "en")
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1, 1]
    assert summary_of(doc) == summarize("Flood in Elmstead", paragraphs)


def test_the_keywords_do_not_depend_on_the_hash_seed() -> None:
    # Ties between equally shared words are broken by first use, not by set order.
    tied = [  # every word in exactly two sentences: all nine tie for the top five
        "Alpha bravo charlie delta echo foxtrot.",
        "Alpha bravo charlie golf hotel india.",
        "Delta echo foxtrot golf hotel india.",
    ]
    code = (
        "from briefings.reading.summary_features import describe; "
        f"print(describe('', {tied!r}).features)"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1


def test_only_the_wanted_sentences_are_described_and_all_count_in_the_keywords() -> None:
    full = describe("Flood in Elmstead", ARTICLE)
    some = describe("Flood in Elmstead", ARTICLE, wanted=[False, True, False, True])
    assert [[], full.features[1], [], full.features[3]] == some.features
    assert [set(t) for t in full.tokens] == some.word_sets
