"""The reading against its peer, alone and quickly: ``python -m tests.benchmarks.reading_bench [N]``.

Issue 10's speed budget: the whole reading (``briefings.analyze.read``: language, document,
summary, quotes with speakers, topics) no slower than sumy's LexRank alone on the same article,
at the median and the mean. This is the same measurement ``ingest_bench`` makes inside its larger
run, without the store: of N distinct corpus variants, nine in ten are analysed first (as an
ingest would, so the process and its bounded memos are warm), then every tenth, which the reading
has not seen (its per-paragraph caches cold, as LexRank's are), is read and LexRank summarises it,
side by side, in CPU time (``time.process_time_ns`` is steadier than wall time on a shared
machine).

``--profile`` prints where the reading's time goes (cProfile, cumulative) instead.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time

from briefings.analyze import analyze, bounded_paragraphs, read
from briefings.model import RawArticle
from tests.benchmarks.common import (
    corpus_articles,
    lexrank_peer,
    median,
    require_shared,
    variant,
    vocabulary,
)

PEER_EVERY = 10


def articles(n: int) -> list[RawArticle]:
    raws = corpus_articles()
    vocab = vocabulary(raws)
    return [variant(raws[i % len(raws)], i, vocab) for i in range(n)]


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=3000, help="variants analysed")
    parser.add_argument("--profile", action="store_true", help="cProfile the timed reads")
    args = parser.parse_args(argv)
    require_shared()
    arts = articles(args.n)
    for i, raw in enumerate(arts):
        if i % PEER_EVERY:
            analyze(raw)
    timed = [bounded_paragraphs(raw.paragraphs) for raw in arts[::PEER_EVERY]]
    heads = [(raw.title, raw.dek) for raw in arts[::PEER_EVERY]]
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for (title, dek), paragraphs in zip(heads, timed, strict=True):
            read(title, dek, paragraphs)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
        return {}
    peer = lexrank_peer()
    ours: list[float] = []
    theirs: list[float] = []
    for (title, dek), paragraphs in zip(heads, timed, strict=True):
        t = time.process_time_ns()
        read(title, dek, paragraphs)
        ours.append((time.process_time_ns() - t) / 1e6)
        t = time.process_time_ns()
        peer(paragraphs)
        theirs.append((time.process_time_ns() - t) / 1e6)
    slower = sum(o > p for o, p in zip(ours, theirs, strict=True)) / len(ours)
    result = {
        "reading_median_ms": median(ours),
        "lexrank_median_ms": median(theirs),
        "ratio": median(ours) / median(theirs),
        "reading_mean_ms": sum(ours) / len(ours),
        "lexrank_mean_ms": sum(theirs) / len(theirs),
        "slower_share": slower,
    }
    print(
        f"{len(ours)} articles, CPU time: reading median {result['reading_median_ms']:.2f} ms, "
        f"LexRank median {result['lexrank_median_ms']:.2f} ms, ratio {result['ratio']:.2f} "
        f"(budget <= 1.00); means {result['reading_mean_ms']:.2f} / "
        f"{result['lexrank_mean_ms']:.2f} ms; the reading is slower on {slower:.0%} of them"
    )
    return result


if __name__ == "__main__":
    main()
