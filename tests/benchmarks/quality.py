"""Quality report against the gold files: quotes (recall, precision, speakers, key quotes),
summaries (ROUGE for newsbrief and three peers, measured in the same run) and topics.

Run: make quality (or python -m tests.benchmarks.quality).
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefings.analyze import analyze, bounded_paragraphs
from briefings.model import Article, RawArticle
from briefings.reading.sentences import split_sentences
from briefings.reading.topics import resolve_query
from briefings.sources.text import parse_text_article
from tests.benchmarks.common import SHARED, lexrank_peer, require_shared
from tests.benchmarks.rouge import rouge
from tests.conftest import load_json


def norm_quote(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[“”\"«»„‘’']", "", text)
    return " ".join(text.split()).strip(" ,.").casefold()


def norm_speaker(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold().removeprefix("the ")


@dataclass
class Tally:
    gold_quotes: int = 0
    found_quotes: int = 0
    matched: int = 0  # gold quotes we found
    found_in_gold: int = 0  # quotes we found that the gold has
    right_speaker: int = 0
    gold_key: int = 0
    key_hits: int = 0
    our_key: int = 0
    gold_topics: int = 0
    topics_found: int = 0
    rouge: dict[str, list[tuple[float, float, float]]] = field(default_factory=dict)
    lengths: dict[str, list[int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add_summary(self, name: str, text: str, reference: str) -> None:
        self.rouge.setdefault(name, []).append(rouge(text, reference))
        self.lengths.setdefault(name, []).append(len(text))


def score_article(tally: Tally, article: Article, gold: dict[str, Any], label: str) -> None:
    # Optional gold quotes (phrases quoted in reported speech) count neither way.
    optional = gold.get("optional_quotes") or {}
    skip = {norm_quote(q["text"]) for q in optional.get("quotes", [])}
    quotes = [q for q in article.quotes if norm_quote(q.text) not in skip]
    ours = {norm_quote(q.text): q for q in quotes}
    gold_texts = {norm_quote(q["text"]) for q in gold["quotes"]}
    tally.gold_quotes += len(gold["quotes"])
    tally.found_quotes += len(quotes)
    tally.found_in_gold += sum(1 for q in quotes if norm_quote(q.text) in gold_texts)
    for q in gold["quotes"]:
        mine = ours.get(norm_quote(q["text"]))
        if mine is None:
            tally.misses.append(f"{label}: missed quote “{q['text'][:60]}”")
            continue
        tally.matched += 1
        if norm_speaker(mine.speaker) == norm_speaker(q["speaker"]):
            tally.right_speaker += 1
        else:
            tally.misses.append(f"{label}: speaker {mine.speaker!r}, gold {q['speaker']!r}")
        if q.get("key"):
            tally.gold_key += 1
            tally.key_hits += int(mine.key)
    tally.our_key += sum(1 for q in article.quotes if q.key)
    topics = gold.get("topics") or gold.get("topics_expected") or []
    tally.gold_topics += len(topics)
    found = [t for t in topics if resolve_query(t, article.topics)]
    tally.topics_found += len(found)
    tally.misses += [f"{label}: topic {t!r} not found" for t in topics if t not in found]


def summaries(raw: RawArticle, article: Article, lexrank: Any) -> dict[str, str]:
    from summa.summarizer import summarize as textrank

    paragraphs = bounded_paragraphs(raw.paragraphs)
    sentences = [s for p in paragraphs for s in split_sentences(p)]
    text = "\n\n".join(paragraphs)
    return {
        "newsbrief": article.summary,
        "lead-3": " ".join(sentences[:3]),
        "LexRank (sumy)": " ".join(lexrank(paragraphs, 3)),
        "TextRank (summa)": textrank(text, words=60) or " ".join(sentences[:1]),
    }


def evaluate() -> dict[str, Tally]:
    require_shared()
    lexrank = lexrank_peer()
    sets: dict[str, list[tuple[Path, dict[str, Any]]]] = {
        "sample": [
            (p, load_json(p.with_suffix(".gold.json")))
            for p in sorted((SHARED / "samples").glob("*.txt"))
        ],
        "dev": [
            (SHARED / "samples" / "dev" / name, gold)
            for name, gold in sorted(load_json(SHARED / "samples" / "dev" / "gold.json").items())
        ],
    }
    results: dict[str, Tally] = {}
    for set_name, items in sets.items():
        tally = Tally()
        for path, gold in items:
            raw = parse_text_article(path.read_text("utf-8"))
            article = analyze(raw)
            score_article(tally, article, gold, path.name)
            reference = gold.get("reference_summary")
            if reference:
                for name, text in summaries(raw, article, lexrank).items():
                    tally.add_summary(name, text, reference)
        results[set_name] = tally
    return results


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def report(results: dict[str, Tally], verbose: bool = False) -> None:
    for set_name, t in results.items():
        print(f"\n== {set_name} ==")
        print(f"quote recall      {_ratio(t.matched, t.gold_quotes)}")
        print(f"quote precision   {_ratio(t.found_in_gold, t.found_quotes)}")
        print(f"speaker accuracy  {_ratio(t.right_speaker, t.matched)}")
        print(
            f"key-quote hits    {_ratio(t.key_hits, t.gold_key)} of gold key quotes marked key; we mark {t.our_key}"
        )
        print(f"topic recall      {_ratio(t.topics_found, t.gold_topics)}")
        if t.rouge:
            count = len(next(iter(t.rouge.values())))
            print(f"summaries vs {count} reference standfirsts (ROUGE F1):")
            print(f"  {'system':<18} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'avg chars':>10}")
            for name, scores in t.rouge.items():
                avg = [sum(s[i] for s in scores) / len(scores) for i in range(3)]
                chars = sum(t.lengths[name]) / len(t.lengths[name])
                print(f"  {name:<18} {avg[0]:6.3f} {avg[1]:6.3f} {avg[2]:6.3f} {chars:10.0f}")
        if verbose:
            for line in t.misses:
                print("  -", line)


def report_combined(results: dict[str, Tally]) -> None:
    """ROUGE over every reference of every set together."""
    systems: dict[str, list[tuple[float, float, float]]] = {}
    for tally in results.values():
        for name, scores in tally.rouge.items():
            systems.setdefault(name, []).extend(scores)
    if not systems:
        return
    count = len(next(iter(systems.values())))
    print(f"\n== all {count} references ==")
    print(f"  {'system':<18} {'R-1':>6} {'R-2':>6} {'R-L':>6}")
    for name, scores in systems.items():
        avg = [sum(s[i] for s in scores) / len(scores) for i in range(3)]
        print(f"  {name:<18} {avg[0]:6.3f} {avg[1]:6.3f} {avg[2]:6.3f}")


def shared_scorers() -> None:
    """The two shared scorers, run as they are documented (from the project root, with this
    venv's python), their tables printed as they come; each is skipped with a reason when what
    it needs is missing."""
    root = Path(__file__).resolve().parents[2]
    runs = [
        ("quotes and speakers (PolNeAR, 840 articles)", "attribution/score.py", [], None),
        (
            "summaries (500 articles)",
            "summaries/score.py",
            ["--n", "500", "--no-timing"],
            "rouge_score",
        ),
    ]
    for title, script, args, module in runs:
        print(f"\n== shared scorer: {title} ==")
        path = SHARED / script
        if not path.exists():
            print(f"skipped: {path} is absent")
            continue
        if module and importlib.util.find_spec(module) is None:
            print(f"skipped: {module} is not installed (pip install -e '.[dev]')")
            continue
        done = subprocess.run(
            [sys.executable, str(path), *args], cwd=root, capture_output=True, text=True
        )
        print(done.stdout.rstrip() or done.stderr.rstrip())


if __name__ == "__main__":
    outcome = evaluate()
    report(outcome, verbose="-v" in sys.argv)
    report_combined(outcome)
    if "--no-shared" not in sys.argv:
        shared_scorers()
