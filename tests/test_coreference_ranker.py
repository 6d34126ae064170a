"""The learned antecedent ranker (briefings/reading/antecedents.py): its hard constraints, what
its weights prefer, its weights file and the trainer that writes it, on short invented
sentences and synthetic candidates."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import numpy as np

from briefings.reading.antecedents import FEATURES, RULE_FEATURES, WEIGHTS_FILE, weights
from briefings.reading.quotes import extract_quotes
from tests.conftest import needs_shared

ROOT = Path(__file__).resolve().parent.parent


def speakers(*paragraphs: str) -> list[str]:
    return [q.speaker for q in extract_quotes("t", "", list(paragraphs))]


def trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_coreference", ROOT / "scripts" / "train_coreference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_she_skips_a_man_named_after_the_woman_who_spoke() -> None:
    found = speakers(
        "Ann Kowal said the budget would pass.",
        "Tom Berg, the mayor, spoke after her.",
        "“The numbers do not add up this year,” she said.",
    )
    assert ["Ann Kowal"] == found


def test_he_skips_a_woman_named_after_the_man() -> None:
    found = speakers(
        "Ann Kowal met Tom Berg in May.",
        "“We agreed on every point of the plan,” he said.",
    )
    assert ["Tom Berg"] == found


def test_a_person_named_inside_the_quote_itself_is_never_its_speaker() -> None:
    found = speakers(
        "Ann Kowal spoke at the town dinner on Monday.",
        "“I told Mary Dole last week that the plan would fail,” she said.",
    )
    assert ["Ann Kowal"] == found


def test_the_subject_who_reports_speech_outranks_a_person_named_after_them() -> None:
    found = speakers(
        "Tom Berg said the plan would pass, citing a study by Ken Doyle.",
        "“It works and the town knows it,” he said.",
    )
    assert ["Tom Berg"] == found


def test_the_subject_of_the_sentence_before_outranks_the_speaker_of_the_paragraph_before() -> None:
    found = speakers(
        "“The plan will fail within a year,” says Lewis Ward, an analyst.",
        "Jack Roe, however, is counting on the new service. “This is where the next jump"
        " comes,” he says.",
    )
    assert ["Lewis Ward", "Jack Roe"] == found


def test_the_weights_file_holds_one_weight_per_feature_the_ranker_computes() -> None:
    assert len(FEATURES) == len(weights(WEIGHTS_FILE))


def test_the_trainer_learns_to_rank_first_the_candidate_a_feature_marks() -> None:
    train = trainer()
    marked = FEATURES.index("last_speaker")
    rng = np.random.default_rng(0)
    examples = []
    for i in range(40):
        x = rng.normal(size=(3, len(FEATURES) + len(RULE_FEATURES)))
        x[:, marked] = 0.0
        x[:, len(FEATURES)] = 0.0  # last_actor: no candidate the hard rule settles
        right = i % 3
        x[right, marked] = 1.0
        y = np.zeros(3, dtype=bool)
        y[right] = True
        examples.append({"article": str(i), "x": x, "y": y, "rule_ok": False})
    w = train.fit(examples)
    ranker, rules, ceiling = train.accuracy(w, examples)
    assert w[marked] > 0
    assert (1.0, 0.0, 1.0) == (ranker, rules, ceiling)


def test_by_publisher_folds_leave_out_one_publisher_each() -> None:
    train = trainer()
    names = ["aa_1", "aa_2", "bb_1", "cc_1", "cc_2", "cc_3"]
    parts = train.folds(names, by_publisher=True)
    assert [{"aa_1", "aa_2"}, {"bb_1"}, {"cc_1", "cc_2", "cc_3"}] == parts


def test_the_rule_columns_after_the_features_carry_no_weight() -> None:
    from briefings.reading.antecedents import score

    w = tuple(1.0 for _ in FEATURES)
    row = [0.0] * len(FEATURES) + [1.0] * len(RULE_FEATURES)
    assert 0.0 == score(row, w)


@needs_shared
def test_the_oracle_figure_is_never_below_the_rankers_own() -> None:
    train = trainer()
    score = train.load_scorer()
    gold = score.load_gold()
    names = train.tuned_names(gold)[:3]  # a handful of tuned articles: seconds, not minutes
    plain = train.scorer_figure(score, gold, train.scorer_run(names, np.array(weights())))
    assert train.oracle_figure(score, gold, names) >= plain
