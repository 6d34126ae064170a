"""The dev set's gold (16 real articles) and the sample's: the targets of the quality issue,
held by the same code that prints `make quality`."""

from __future__ import annotations

import pytest

from briefings.reading.summary import MAX_CHARS
from tests.benchmarks.quality import Tally, evaluate
from tests.conftest import needs_shared

pytestmark = needs_shared


@pytest.fixture(scope="module")
def results() -> dict[str, Tally]:
    return evaluate()


def test_dev_quotes_and_speakers_meet_their_targets(results: dict[str, Tally]) -> None:
    dev = results["dev"]
    assert dev.matched / dev.gold_quotes >= 0.95  # recall
    assert dev.found_in_gold / dev.found_quotes >= 0.90  # precision
    assert dev.right_speaker / dev.matched >= 0.90


def test_every_gold_topic_is_found(results: dict[str, Tally]) -> None:
    missed = [m for t in results.values() for m in t.misses if " topic " in m]
    assert missed == []


def test_summaries_beat_every_peer_on_rouge_1_and_l_and_stay_short(
    results: dict[str, Tally],
) -> None:
    pooled: dict[str, list[tuple[float, float, float]]] = {}
    for tally in results.values():
        for name, scores in tally.rouge.items():
            pooled.setdefault(name, []).extend(scores)
    mean = {name: [sum(s[i] for s in v) / len(v) for i in range(3)] for name, v in pooled.items()}
    ours = mean.pop("newsbrief")
    for peer, scores in mean.items():
        assert ours[0] >= scores[0], f"ROUGE-1 below {peer}"
        assert ours[2] >= scores[2], f"ROUGE-L below {peer}"
    lengths = [n for t in results.values() for n in t.lengths.get("newsbrief", [])]
    assert lengths and max(lengths) <= MAX_CHARS
