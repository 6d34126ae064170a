"""One parse of an article, read by every reader (quotes, speakers, names, summary, topics).

``build_document`` splits the paragraphs into sentences and tokens with character offsets,
finds the quoted spans and the capitalised name runs once; the readers take what they need from
the ``Document`` instead of splitting and scanning the text again. Offsets are within a
paragraph: ``doc.paragraphs[p].text[s.start:s.end] == s.text`` for each of its sentences ``s``.

The API is small and stable:

- ``Document.title``, ``.dek``, ``.language`` (ISO 639-1 code), ``.lexicon`` (its words),
  ``.paragraphs: list[Paragraph]``, ``.texts: list[str]`` (the paragraph strings),
  ``.sentences: list[Sentence]`` (flat, in order), ``.quotes: list[Span]`` (quoted spans),
  ``.names: list[Mention]`` (capitalised runs, in order);
- ``Paragraph.index``, ``.text``, ``.sentences``, ``.names``;
- ``Sentence.paragraph``, ``.index`` (in the flat list), ``.start``, ``.end``, ``.text``,
  ``.tokens: list[Token]`` (words with ``text``, ``start``, ``end``);
- ``Document.sentence_at(paragraph, offset)``: the sentence holding a character.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from briefings.reading.lexicon import Lexicon, lexicon
from briefings.reading.marks import Span, find_spans
from briefings.reading.names import Name, capitalised_runs
from briefings.reading.sentences import sentence_bounds

__all__ = [
    "Document",
    "Mention",
    "Paragraph",
    "Sentence",
    "Span",
    "Token",
    "build_document",
]

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Token:
    """A word (letters, digits, inner apostrophes and hyphens) and its offsets in the paragraph."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A capitalised run (a candidate name) and where it stands."""

    paragraph: int
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    """A sentence of one paragraph, with offsets in that paragraph."""

    paragraph: int
    index: int  # position in Document.sentences
    start: int
    end: int
    text: str
    _tokens: list[Token] | None = field(default=None, repr=False)

    @property
    def tokens(self) -> list[Token]:
        """The sentence's words, offsets in the paragraph (tokenised on first use)."""
        if self._tokens is None:
            self._tokens = [
                Token(m.group(0), self.start + m.start(), self.start + m.end())
                for m in _WORD.finditer(self.text)
            ]
        return self._tokens


@dataclass(slots=True)
class Paragraph:
    """A body paragraph: its text, sentences and name runs."""

    index: int
    text: str
    sentences: list[Sentence]
    names: list[Mention]


@dataclass(slots=True)
class Document:
    """An article parsed once: see the module docstring for what each reader may use."""

    title: str
    dek: str
    language: str
    lexicon: Lexicon
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    quotes: list[Span]
    names: list[Mention]

    @property
    def texts(self) -> list[str]:
        return [p.text for p in self.paragraphs]

    def sentence_at(self, paragraph: int, offset: int) -> Sentence | None:
        """The sentence of ``paragraph`` that holds character ``offset`` (or the space after
        it); None when the paragraph has none."""
        sentences = self.paragraphs[paragraph].sentences
        if not sentences:
            return None
        at = bisect_right([s.start for s in sentences], offset) - 1
        return sentences[max(at, 0)]


def build_document(
    title: str, dek: str, paragraphs: list[str], language: str = "", names: bool = True
) -> Document:
    """Parse an article's body once. ``language`` chooses the lexicon (English when unknown);
    ``names=False`` skips the name runs for a caller that only needs sentences."""
    lex = lexicon(language)
    parsed: list[Paragraph] = []
    flat: list[Sentence] = []
    mentions: list[Mention] = []
    for index, text in enumerate(paragraphs):
        sentences = []
        for start, end in sentence_bounds(text, lex.abbreviations):
            sentences.append(Sentence(index, len(flat), start, end, text[start:end]))
            flat.append(sentences[-1])
        runs = [_mention(index, run) for run in capitalised_runs(text)] if names else []
        mentions.extend(runs)
        parsed.append(Paragraph(index, text, sentences, runs))
    return Document(
        title=title,
        dek=dek,
        language=language or lex.code,
        lexicon=lex,
        paragraphs=parsed,
        sentences=flat,
        quotes=find_spans(paragraphs, lex),
        names=mentions,
    )


def _mention(paragraph: int, run: Name) -> Mention:
    return Mention(paragraph, run.text, run.start, run.end)
