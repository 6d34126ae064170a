"""Retrain the pronoun-antecedent ranker from the shared PolNeAR articles and write its weights.

usage, from the project root (needs the dev extra: numpy):
  .venv/bin/python scripts/train_coreference.py             # cross-validate, fit, write weights
  .venv/bin/python scripts/train_coreference.py --dry-run   # cross-validate and fit, write nothing
  .venv/bin/python scripts/train_coreference.py --check     # + the scorer's figure per fold
  .venv/bin/python scripts/train_coreference.py --by-publisher  # folds: one publisher left out
  .venv/bin/python scripts/train_coreference.py --oracle    # the scorer's figure if the ranker
                                                            # always picked a right candidate

Discipline: only the tuned part of ../shared/attribution/polnear-train is read: the first 100
articles of each publisher by sorted file name (700); the last 20 of each are the held-out check
that ../shared/attribution/score.py reports and are never opened here.

Each article is analysed as the scorer analyses it. Every time the reading resolves a gendered
pronoun speaker ("…,” she said"), the candidates briefings/reading/antecedents.py lists are
recorded with their features; a recording whose quote is a gold quote with a pronoun source is
an example, and a candidate is right when it shares a name token with the gold antecedent (the
nearest earlier named source, what the scorer's "pronoun antec." compares). A conditional logit
(softmax over each pronoun's candidates, L2-regularised, fitted by gradient descent in numpy)
learns the weights, on the pronouns the one hard rule of antecedents.settled leaves open. Five folds over the articles report the held-in accuracy of the rules the
ranker replaces and of the ranker on each unseen fold; --check also runs the scorer's figure on
each fold with the weights fitted on the other four. --by-publisher leaves one publisher out
per fold instead (the held-out articles are each publisher's latest: a feature that fits only
some outlets shows there). --oracle gives the ceiling of the candidate list: the scorer's figure
when every recorded pronoun takes a candidate that shares a name with the gold antecedent
(whenever one does), so a miss left is one no weight can mend.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefings.analyze import analyze  # noqa: E402
from briefings.ingest import decode_text  # noqa: E402
from briefings.reading import antecedents  # noqa: E402
from briefings.reading.antecedents import (  # noqa: E402
    FEATURES,
    RULE_FEATURES,
    WEIGHTS_FILE,
    PronounAntecedents,
    choose,
    settled,
)
from briefings.sources.text import parse_text_article  # noqa: E402

SHARED = ROOT.parent / "shared" / "attribution"
TUNED_PER_PUBLISHER = 100
FOLDS = 5
L2 = 1.0  # chosen with one publisher left out (1 and 3 alike, 0.3 and 10 worse)
STEPS = 600
RATE = 0.5


def load_scorer() -> Any:
    spec = importlib.util.spec_from_file_location("polnear_score", SHARED / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def tuned_names(gold: dict[str, Any]) -> list[str]:
    """The first TUNED_PER_PUBLISHER articles of each publisher by sorted name."""
    by_publisher: dict[str, list[str]] = {}
    for name in sorted(gold["articles"]):
        by_publisher.setdefault(name.split("_", 1)[0], []).append(name)
    return [n for names in by_publisher.values() for n in names[:TUNED_PER_PUBLISHER]]


class Recorder:
    """Wraps the ranker: records each pronoun's candidates and answers as the rules did."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self._original = PronounAntecedents._ranked_antecedent

    def install(self) -> None:
        recorder = self

        def ranked(self: Any, span: Any, gender: str) -> str:
            found = self._antecedent_candidates(span, gender)
            rule = self._last_person_before(span, gender)
            recorder.rows.append(
                {
                    "paragraph": span.paragraph,
                    "text": span.text(self.paragraphs),
                    "candidates": found,
                    "rule": rule,
                }
            )
            return str(rule)  # the rules alone: what the ranker replaces

        PronounAntecedents._ranked_antecedent = ranked  # type: ignore[method-assign]

    def uninstall(self) -> None:
        PronounAntecedents._ranked_antecedent = self._original  # type: ignore[method-assign]


def analyse(name: str) -> Any:
    path = SHARED / "polnear-train" / f"{name}.txt"
    return analyze(parse_text_article(decode_text(path.read_bytes()), origin=str(path)))


def examples(score: Any, gold: dict[str, Any], names: list[str]) -> list[dict[str, Any]]:
    """One example per recorded pronoun whose quote is a gold quote with a pronoun source."""
    recorder = Recorder()
    recorder.install()
    out: list[dict[str, Any]] = []
    try:
        for name in names:
            recorder.rows = []
            analyse(name)
            pronoun_quotes = [
                q for q in gold["articles"][name]["quotes"] if q["source_kind"] == "pronoun"
            ]
            for row in recorder.rows:
                toks = score.tokens(row["text"])
                hit = next(
                    (
                        q
                        for q in pronoun_quotes
                        if q["paragraph"] == row["paragraph"]
                        and score.overlap(toks, score.tokens(q["text"])) >= score.OVERLAP
                    ),
                    None,
                )
                if hit is None:
                    continue
                antecedent = score.name_tokens(hit.get("antecedent", ""))
                labels = [bool(score.name_tokens(n) & antecedent) for n, _ in row["candidates"]]
                out.append(
                    {
                        "article": name,
                        "names": [n for n, _ in row["candidates"]],
                        "x": np.array([f for _, f in row["candidates"]], dtype=float).reshape(
                            -1, len(FEATURES) + len(RULE_FEATURES)
                        ),
                        "y": np.array(labels, dtype=bool),
                        "rule": row["rule"],
                        "rule_ok": bool(score.name_tokens(row["rule"]) & antecedent),
                    }
                )
    finally:
        recorder.uninstall()
    return out


def fit(train: list[dict[str, Any]]) -> np.ndarray:
    """A conditional logit over each example's candidates: the log-probability of the right
    ones (any candidate that shares a name with the antecedent), minus an L2 penalty."""
    usable = [
        e
        for e in train
        if e["y"].any() and len(e["y"]) > 1 and settled([list(r) for r in e["x"]]) is None
    ]
    w = np.zeros(len(FEATURES))
    if not usable:
        return w
    x = np.vstack([e["x"][:, : len(FEATURES)] for e in usable])
    y = np.concatenate([e["y"] for e in usable]).astype(float)
    sizes = np.array([len(e["y"]) for e in usable])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    group = np.repeat(np.arange(len(usable)), sizes)
    for _ in range(STEPS):
        s = x @ w
        s = s - np.maximum.reduceat(s, starts)[group]
        e = np.exp(s)
        p = e / np.add.reduceat(e, starts)[group]
        right = p * y
        q = right / np.add.reduceat(right, starts)[group]
        grad = x.T @ (q - p) - L2 * w
        w += RATE * grad / len(usable)
    return w


def accuracy(w: np.ndarray, test: list[dict[str, Any]]) -> tuple[float, float, float]:
    """(ranker, rules, ceiling): shares of examples whose pick is right; the ceiling is the
    share with a right candidate at all."""
    if not test:
        return (0.0, 0.0, 0.0)
    weights = tuple(float(v) for v in w)
    ranker = sum(
        bool(e["y"][choose([list(r) for r in e["x"]], weights)]) for e in test if len(e["y"])
    )
    rules = sum(e["rule_ok"] for e in test)
    ceiling = sum(bool(e["y"].any()) for e in test)
    n = len(test)
    return (ranker / n, rules / n, ceiling / n)


def folds(names: list[str], by_publisher: bool = False) -> list[set[str]]:
    """Articles dealt round-robin into FOLDS folds (each publisher spread over all of them), or
    one fold per publisher."""
    if by_publisher:
        groups: dict[str, set[str]] = {}
        for name in names:
            groups.setdefault(name.split("_", 1)[0], set()).add(name)
        return [groups[p] for p in sorted(groups)]
    return [set(names[k::FOLDS]) for k in range(FOLDS)]


def oracle_figure(score: Any, gold: dict[str, Any], names: list[str]) -> float:
    """The scorer's pronoun-antecedent figure on ``names`` when each ranked pronoun takes a
    candidate sharing a name with its gold antecedent whenever the list holds one."""
    original = PronounAntecedents._ranked_antecedent
    current: list[dict[str, Any]] = []

    def ranked(self: Any, span: Any, gender: str) -> str:
        found = self._antecedent_candidates(span, gender)
        toks = score.tokens(span.text(self.paragraphs))
        for q in current:
            if q["paragraph"] == span.paragraph and (
                score.overlap(toks, score.tokens(q["text"])) >= score.OVERLAP
            ):
                antecedent = score.name_tokens(q.get("antecedent", ""))
                right = [n for n, _ in found if score.name_tokens(n) & antecedent]
                if right:
                    return str(right[0])
        return str(original(self, span, gender))

    PronounAntecedents._ranked_antecedent = ranked  # type: ignore[method-assign]
    run: dict[str, Any] = {"project": str(ROOT), "load_s": 0.0, "articles": {}}
    try:
        for n in names:
            current[:] = [q for q in gold["articles"][n]["quotes"] if q["source_kind"] == "pronoun"]
            quotes = [{"text": q.text, "speaker": q.speaker} for q in analyse(n).quotes]
            run["articles"][n] = {"ms": 0.0, "quotes": quotes}
    finally:
        PronounAntecedents._ranked_antecedent = original  # type: ignore[method-assign]
    metrics, _ = score.score(run, gold, names)
    return float(metrics["pronoun_antecedent"])


def scorer_run(names: list[str], w: np.ndarray) -> dict[str, Any]:
    """The scorer's predictions for ``names`` read with weights ``w``."""
    saved = antecedents.weights
    antecedents.weights = lambda path=WEIGHTS_FILE: tuple(float(v) for v in w)  # type: ignore[assignment]
    try:
        return {
            n: {
                "ms": 0.0,
                "quotes": [{"text": q.text, "speaker": q.speaker} for q in analyse(n).quotes],
            }
            for n in names
        }
    finally:
        antecedents.weights = saved  # type: ignore[assignment]


def scorer_figure(score: Any, gold: dict[str, Any], articles: dict[str, Any]) -> float:
    """The scorer's pronoun-antecedent figure on the analysed ``articles``."""
    run = {"project": str(ROOT), "load_s": 0.0, "articles": articles}
    metrics, _ = score.score(run, gold, sorted(articles))
    return float(metrics["pronoun_antecedent"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="write no weights file")
    parser.add_argument("--check", action="store_true", help="the scorer's figure per fold")
    parser.add_argument(
        "--by-publisher", action="store_true", help="one fold per publisher left out"
    )
    parser.add_argument(
        "--oracle", action="store_true", help="the scorer's figure with a perfect pick"
    )
    args = parser.parse_args()
    score = load_scorer()
    gold = score.load_gold()
    names = tuned_names(gold)
    if args.oracle:
        print(f"oracle: scorer {oracle_figure(score, gold, names):.1f} on {len(names)} articles")
        return 0
    data = examples(score, gold, names)
    print(f"{len(names)} articles, {len(data)} pronoun examples")
    totals = np.zeros(3)
    parts = folds(names, args.by_publisher)
    pooled: dict[str, Any] = {}  # every fold's articles read with the weights of the others
    for k, held in enumerate(parts):
        train = [e for e in data if e["article"] not in held]
        test = [e for e in data if e["article"] in held]
        w = fit(train)
        ranker, rules, ceiling = accuracy(w, test)
        totals += (ranker, rules, ceiling)
        label = sorted(held)[0].split("_", 1)[0] if args.by_publisher else f"{k + 1}"
        line = f"fold {label}: ranker {ranker:.3f}  rules {rules:.3f}  ceiling {ceiling:.3f}"
        if args.check:
            articles = scorer_run(sorted(held), w)
            pooled.update(articles)
            line += f"  scorer {scorer_figure(score, gold, articles):.1f}"
        print(line, flush=True)
    ranker, rules, ceiling = totals / len(parts)
    line = f"mean:   ranker {ranker:.3f}  rules {rules:.3f}  ceiling {ceiling:.3f}"
    if pooled:
        line += f"  scorer {scorer_figure(score, gold, pooled):.1f} (all folds pooled)"
    print(line)
    w = fit(data)
    for feature, weight in zip(FEATURES, w, strict=True):
        print(f"  {feature:24} {weight:+.3f}")
    if not args.dry_run:
        WEIGHTS_FILE.write_text(
            json.dumps(
                {
                    "source": "scripts/train_coreference.py on PolNeAR train, first "
                    f"{TUNED_PER_PUBLISHER} articles per publisher",
                    "features": list(FEATURES),
                    "weights": [round(float(v), 4) for v in w],
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"wrote {WEIGHTS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
