"""Ingest 10,000 corpus-built articles into a fresh database, then query at 50,000 articles.

Prints articles/s, per-article cost over the first and the last thousand, query p50/p99,
peak memory, and sumy's LexRank (the peer) measured in the same run on the same articles.
Run: make bench (or python -m tests.benchmarks.ingest_bench).
"""

from __future__ import annotations

import dataclasses
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefings.analyze import analyze, bounded_paragraphs, read
from briefings.select import find_topic
from store import Database
from store.articles import ArticleStore
from tests.benchmarks.common import (
    corpus_articles,
    lexrank_peer,
    median,
    peak_rss_mb,
    percentile,
    require_shared,
    variant,
    vocabulary,
)

_REOPEN = """
import time
started = time.perf_counter()
import gc, os, sys
from store import Database
from store.articles import ArticleStore
imports = time.perf_counter() - started
def rss():  # resident now, not the peak
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
before = rss()
cpu = time.process_time()
t = time.perf_counter()
db = Database(sys.argv[1])
store = ArticleStore(db)
store.latest(5)
took = time.perf_counter() - t
cpu = time.process_time() - cpu
gc.collect()
held = rss() - before
# VmHWM, not ru_maxrss: after fork+exec ru_maxrss still counts the parent's resident pages.
with open("/proc/self/status") as f:
    peak = next(int(l.split()[1]) for l in f if l.startswith("VmHWM")) / 1024
from briefings.select import find_topic
topic = sys.argv[2]
t = time.perf_counter()
find_topic(store, topic, 5)  # the first /topic: loads the gazetteer and the topic query index
first_topic = time.perf_counter() - t
t = time.perf_counter()
find_topic(store, topic, 5)
second_topic = time.perf_counter() - t
t = time.perf_counter()
store.latest(5, offset=5)
second_latest = time.perf_counter() - t
print(took, peak, held, cpu, imports, first_topic, second_topic, second_latest)
"""

INGEST = 10_000
STORED = 50_000
BATCH = 100
QUERIES = 2_000
PEER_EVERY = 10  # LexRank and our analysis side by side on every tenth article


def main() -> dict[str, float]:
    require_shared()
    raws = corpus_articles()
    vocab = vocabulary(raws)
    articles = [variant(raws[i % len(raws)], i, vocab) for i in range(INGEST)]
    print(f"corpus: {len(raws)} articles, built {len(articles)} distinct variants")
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "bench.json")
        store = ArticleStore(db)
        per_article: list[float] = []
        analysis: list[float] = []
        added = 0
        start = time.perf_counter()
        for b in range(0, INGEST, BATCH):
            batch_start = time.perf_counter()
            batch = []
            for raw in articles[b : b + BATCH]:
                t = time.perf_counter()
                batch.append(analyze(raw))
                analysis.append(time.perf_counter() - t)
            added += sum(o.status == "added" for o in store.add_many(batch))
            per_article.append((time.perf_counter() - batch_start) / len(batch))
        elapsed = time.perf_counter() - start
        per_thousand = [median(per_article[i : i + 10]) for i in range(0, len(per_article), 10)]
        first, last = per_thousand[0], per_thousand[-1]

        peer = lexrank_peer()
        ours_sub, reading_sub, peer_sub = [], [], []
        # The reading and LexRank on the same article; all of analyze() on its neighbour, since
        # a second pass over the same text would find our per-paragraph caches warm.
        for i in range(0, INGEST, PEER_EVERY):
            raw, twin = articles[i], articles[i + PEER_EVERY // 2]
            t = time.perf_counter()
            read(raw.title, raw.dek, bounded_paragraphs(raw.paragraphs))
            reading_sub.append(time.perf_counter() - t)
            t = time.perf_counter()
            peer(raw.paragraphs)
            peer_sub.append(time.perf_counter() - t)
            t = time.perf_counter()
            analyze(twin)
            ours_sub.append(time.perf_counter() - t)
        slower = sum(o > p for o, p in zip(reading_sub, peer_sub, strict=True))

        # Grow to STORED articles with copies of analysed ones (new URLs and fingerprints).
        rng = random.Random(7)
        template = [store.get(i) for i in range(1, 501)]
        grow_start = time.perf_counter()
        n = store.count()
        while n < STORED:
            batch = []
            for _ in range(min(1000, STORED - n)):
                base = rng.choice(template)
                assert base is not None
                batch.append(
                    dataclasses.replace(
                        base,
                        id=None,
                        url=f"https://grow.example/{n}",
                        canonical_url="",
                        guid=f"grow-{n}",
                        fingerprint=rng.getrandbits(64),
                    )
                )
                n += 1
            store.add_many(batch)
        grow = time.perf_counter() - grow_start

        topics = list(store.topic_counts())[:300]
        latest_ms, topic_ms = [], []
        for q in range(QUERIES):
            t = time.perf_counter()
            store.latest(5, offset=q % 50)
            latest_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            find_topic(store, rng.choice(topics), 5)
            topic_ms.append((time.perf_counter() - t) * 1000)
        rss_before_reopen = peak_rss_mb()
        db.close()
        # Opening a 50,000-article database, as the bot does at start-up: a fresh process.
        probe = subprocess.run(
            [sys.executable, "-c", _REOPEN, str(Path(tmp) / "bench.json"), topics[0]],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        (
            reopen,
            reopen_rss,
            held_mb,
            reopen_cpu,
            reopen_imports,
            first_topic,
            second_topic,
            second_latest,
        ) = (float(x) for x in probe.stdout.split())

    results = {
        "articles_per_s": INGEST / elapsed,
        "first_thousand_ms": first * 1000,
        "last_thousand_ms": last * 1000,
        "flatness": last / first,
        "latest_p50_ms": percentile(latest_ms, 50),
        "latest_p99_ms": percentile(latest_ms, 99),
        "topic_p50_ms": percentile(topic_ms, 50),
        "topic_p99_ms": percentile(topic_ms, 99),
        "peak_rss_mb": rss_before_reopen,
        "reopen_rss_mb": reopen_rss,
        "reopen_s": reopen,
        "reopen_cpu_s": reopen_cpu,
        "reopen_imports_s": reopen_imports,
        "first_topic_after_open_ms": first_topic * 1000,
        "second_topic_after_open_ms": second_topic * 1000,
        "second_latest_after_open_ms": second_latest * 1000,
        "bytes_per_article": held_mb * 2**20 / STORED,
        "ours_ms": median(ours_sub) * 1000,
        "lexrank_ms": median(peer_sub) * 1000,
        "ours_mean_ms": sum(ours_sub) / len(ours_sub) * 1000,
        "reading_ms": median(reading_sub) * 1000,
        "reading_mean_ms": sum(reading_sub) / len(reading_sub) * 1000,
        "slower_share": slower / len(ours_sub),
        "lexrank_mean_ms": sum(peer_sub) / len(peer_sub) * 1000,
    }
    print(
        f"ingest: {added} added of {INGEST} in {elapsed:.1f} s = {results['articles_per_s']:.0f} articles/s"
    )
    print(
        f"per-article cost: first thousand {results['first_thousand_ms']:.2f} ms, last thousand "
        f"{results['last_thousand_ms']:.2f} ms, ratio {results['flatness']:.2f} (target <= 1.3)"
    )
    print(
        f"grew store to {STORED} articles in {grow:.1f} s; a fresh process opens it and "
        f"answers its first /latest in {reopen:.2f} s (target < 1 s; CPU {reopen_cpu:.2f} s; "
        f"importing the store took {reopen_imports:.2f} s before that) with peak RSS "
        f"{reopen_rss:.0f} MB, and then holds {held_mb:.0f} MB for it = "
        f"{results['bytes_per_article']:.0f} bytes per stored article (target <= 4096)"
    )
    print(
        f"after that open: first /topic {first_topic * 1000:.0f} ms (loads the gazetteer and "
        f"the topic query index), second /topic {second_topic * 1000:.1f} ms, next /latest "
        f"{second_latest * 1000:.1f} ms"
    )
    print(
        f"queries at {STORED} articles: latest p50 {results['latest_p50_ms']:.2f} ms p99 "
        f"{results['latest_p99_ms']:.2f} ms; topic p50 {results['topic_p50_ms']:.2f} ms p99 "
        f"{results['topic_p99_ms']:.2f} ms (target p99 < 10 ms)"
    )
    print(
        f"peak memory (RSS): {rss_before_reopen:.0f} MB while ingesting and querying (target < 600 MB)"
    )
    print(
        f"analysis per article, same {len(ours_sub)} articles in the same run: peer sumy LexRank "
        f"alone median {results['lexrank_ms']:.2f} ms, mean {results['lexrank_mean_ms']:.2f} ms | "
        f"ours, summary+quotes+topics: median {results['reading_ms']:.2f} ms, mean "
        f"{results['reading_mean_ms']:.2f} ms, slower than LexRank on "
        f"{results['slower_share']:.0%} of articles | ours, all of analyze() (plus language and "
        f"SimHash, on the neighbouring articles): median {results['ours_ms']:.2f} ms, mean "
        f"{results['ours_mean_ms']:.2f} ms"
    )
    return results


if __name__ == "__main__":
    main()
