"""Shared pieces of the benchmarks: corpus articles, peers, timing helpers."""

from __future__ import annotations

import asyncio
import random
import re
import resource
import statistics
from pathlib import Path

from briefings.ingest import IngestOptions, expand_targets, read_target
from briefings.model import RawArticle
from briefings.reading.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def require_shared() -> None:
    if not (SHARED / "corpus").is_dir():
        raise SystemExit("benchmarks need ../shared (corpus and gold files) beside the clone")


def corpus_articles() -> list[RawArticle]:
    """Every article the shared corpus, samples and dev set hold (read where they lie)."""
    targets, _ = expand_targets(
        [
            str(SHARED / "samples"),
            str(SHARED / "corpus" / "pages"),
            str(SHARED / "corpus" / "feeds"),
        ]
    )

    async def read_all() -> list[RawArticle]:
        out: list[RawArticle] = []
        for target in targets:
            async for item in read_target(target, None, IngestOptions(fetch_pages=False)):
                if isinstance(item, RawArticle) and item.paragraphs:
                    out.append(item)
        return out

    return asyncio.run(read_all())


_WORD = re.compile(r"\b[a-z]{4,}\b")


def variant(raw: RawArticle, i: int, vocabulary: list[str]) -> RawArticle:
    """A distinct article from a corpus one: every third long lower-case word swapped, so
    duplicate detection rightly sees a different text, while quotes and names stay."""
    rng = random.Random(i)
    counter = iter(range(1_000_000))

    def swap(match: re.Match[str]) -> str:
        return rng.choice(vocabulary) if next(counter) % 3 == 0 else match.group(0)

    return RawArticle(
        title=f"{raw.title} #{i}",
        paragraphs=[_WORD.sub(swap, p) for p in raw.paragraphs],
        dek=raw.dek,
        section=raw.section,
        published=raw.published,
        source=raw.source,
        url=f"https://bench.example/{i}",
        language=raw.language,
        guid=f"bench-{i}",
    )


def vocabulary(raws: list[RawArticle]) -> list[str]:
    words = {w for r in raws for p in r.paragraphs for w in _WORD.findall(p)}
    return sorted(words)


def lexrank_peer():  # type: ignore[no-untyped-def]
    """sumy's LexRank, fed our sentence splitter (its default tokenizer needs NLTK data)."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    class Tokenizer:
        language = "english"

        def to_sentences(self, text: str) -> list[str]:
            return [s for p in text.split("\n\n") for s in split_sentences(p)]

        def to_words(self, sentence: str) -> list[str]:
            return re.findall(r"\w+", sentence)

    summarizer = LexRankSummarizer(Stemmer("english"))
    tokenizer = Tokenizer()

    def summarize(paragraphs: list[str], count: int = 3) -> list[str]:
        document = PlaintextParser.from_string("\n\n".join(paragraphs), tokenizer).document
        return [str(s) for s in summarizer(document, count)]

    return summarize


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def median(values: list[float]) -> float:
    return statistics.median(values)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
