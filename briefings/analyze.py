"""From a raw article to an analysed one: summary, quotes with speakers, topics, language."""

from __future__ import annotations

from datetime import UTC, datetime

from briefings.dedup import canonical_url, simhash
from briefings.model import Article, Quote, RawArticle
from briefings.reading.document import Document, build_document
from briefings.reading.language import detect_language, reading_language
from briefings.reading.names import PersonIndex, person_name
from briefings.reading.quotes import quotes_of
from briefings.reading.sentences import split_sentences
from briefings.reading.summary import summarize
from briefings.reading.topics import extract_topics

MAX_TEXT = 100_000  # characters analysed; the rest of a giant page adds nothing to a brief
MAX_PARAGRAPH = 3_000  # longer paragraphs are cut at sentence ends to keep every step linear


def read(
    title: str, dek: str, paragraphs: list[str], language: str = ""
) -> tuple[str, list[Quote], dict[str, float]]:
    """The reading of an article's text: its summary, its quotes, its weighted topics. The text
    is parsed once (``build_document``) in its language (detected when not given)."""
    return read_document(parse(title, dek, paragraphs, language))


def parse(title: str, dek: str, paragraphs: list[str], language: str = "") -> Document:
    """The article parsed once, with the words of its language (detected when not given)."""
    language = language or reading_language("\n\n".join(paragraphs[:3]))
    return build_document(title, dek, paragraphs, language)


def read_document(doc: Document) -> tuple[str, list[Quote], dict[str, float]]:
    """Every reader over one parsed article: summary, quotes with speakers, topics."""
    title, dek, paragraphs = doc.title, doc.dek, doc.texts
    quotes = quotes_of(doc)
    people = PersonIndex([name for q in quotes if (name := person_name(q.speaker))])
    weights = extract_topics(title, dek, paragraphs, people.full)
    return summarize(title, paragraphs), quotes, weights


def analyze(raw: RawArticle, now: datetime | None = None) -> Article:
    """Analyse one article: its reading, plus language and the fingerprint for duplicates.
    Pure and deterministic apart from ``now`` (the ingest time)."""
    paragraphs = bounded_paragraphs(raw.paragraphs)
    text = "\n\n".join(paragraphs)
    language = raw.language or detect_language(text)
    summary, quotes, weights = read_document(parse(raw.title, raw.dek, paragraphs, language))
    return Article(
        title=raw.title.strip() or "(untitled)",
        summary=summary,
        quotes=quotes,
        topics=list(weights),
        topic_weights=weights,
        dek=raw.dek,
        section=raw.section,
        published=raw.published,
        source=raw.source,
        url=raw.url,
        canonical_url=canonical_url(raw.url),
        author=raw.author,
        language=language,
        guid=raw.guid,
        feed_url=raw.feed_url,
        dateline=raw.dateline,
        fingerprint=simhash(text),
        ingested=now or datetime.now(UTC),
    )


def bounded_paragraphs(paragraphs: list[str]) -> list[str]:
    """Paragraphs capped in number and length, so analysis time is bounded for any input."""
    out: list[str] = []
    total = 0
    for para in paragraphs:
        # Only what can still fit is split into sentences: a 1 MB paragraph costs 100 kB of work.
        para = " ".join(para[: MAX_TEXT - total + MAX_PARAGRAPH].split())
        pieces = [para] if len(para) <= MAX_PARAGRAPH else _chunks(para)
        for piece in pieces:
            if total + len(piece) > MAX_TEXT:
                return out
            out.append(piece)
            total += len(piece)
    return out


def _chunks(para: str) -> list[str]:
    chunks: list[str] = []
    current = ""
    for sentence in split_sentences(para):
        if current and len(current) + len(sentence) + 1 > MAX_PARAGRAPH:
            chunks.append(current)
            current = ""
        current = f"{current} {sentence}".strip()
    if current:
        chunks.append(current)
    return chunks
