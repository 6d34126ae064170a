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

    @property
    def words(self) -> list[str]:
        """The texts of ``tokens``, without building offsets the caller does not need (the
        summary reads every sentence's words; only a few sentences ever need offsets)."""
        if self._tokens is not None:
            return [t.text for t in self._tokens]
        return _WORD.findall(self.text)


class Paragraph:
    """A body paragraph: its text, sentences and name runs (each found on first use)."""

    __slots__ = ("_doc", "_names", "_sentences", "index", "text")

    def __init__(self, index: int, text: str, doc: Document) -> None:
        self.index = index
        self.text = text
        self._doc = doc
        self._sentences: list[Sentence] = []
        self._names: list[Mention] | None = None

    @property
    def sentences(self) -> list[Sentence]:
        self._doc.sentences  # noqa: B018 -- splits (and numbers) every paragraph once
        return self._sentences

    @property
    def names(self) -> list[Mention]:
        if self._names is None:
            self._names = [_mention(self.index, run) for run in capitalised_runs(self.text)]
        return self._names


class Document:
    """An article parsed once: see the module docstring for what each reader may use.
    Sentences and names are found on first use, so a reader that needs none (an article with
    no quotes) costs nothing."""

    __slots__ = (
        "_names",
        "_sentences",
        "dek",
        "language",
        "lexicon",
        "paragraphs",
        "quotes",
        "title",
    )

    def __init__(
        self, title: str, dek: str, language: str, lexicon: Lexicon, paragraphs: list[str]
    ) -> None:
        self.title = title
        self.dek = dek
        self.language = language
        self.lexicon = lexicon
        self.paragraphs = [Paragraph(index, text, self) for index, text in enumerate(paragraphs)]
        self.quotes = find_spans(paragraphs, lexicon)
        self._sentences: list[Sentence] | None = None
        self._names: list[Mention] | None = None

    @property
    def texts(self) -> list[str]:
        return [p.text for p in self.paragraphs]

    @property
    def sentences(self) -> list[Sentence]:
        """Every sentence in article order; ``Sentence.index`` is its place in this list."""
        if self._sentences is None:
            flat: list[Sentence] = []
            abbreviations = self.lexicon.abbreviations
            for p in self.paragraphs:
                p._sentences = [
                    Sentence(p.index, len(flat) + n, start, end, p.text[start:end])
                    for n, (start, end) in enumerate(sentence_bounds(p.text, abbreviations))
                ]
                flat.extend(p._sentences)
            self._sentences = flat
        return self._sentences

    @property
    def names(self) -> list[Mention]:
        """Every capitalised run, in article order."""
        if self._names is None:
            self._names = [m for p in self.paragraphs for m in p.names]
        return self._names

    def sentence_at(self, paragraph: int, offset: int) -> Sentence | None:
        """The sentence of ``paragraph`` that holds character ``offset`` (or the space after
        it); None when the paragraph has none."""
        sentences = self.paragraphs[paragraph].sentences
        if not sentences:
            return None
        at = bisect_right([s.start for s in sentences], offset) - 1
        return sentences[max(at, 0)]


def build_document(title: str, dek: str, paragraphs: list[str], language: str = "") -> Document:
    """Parse an article's body once. ``language`` chooses the lexicon (English when unknown)."""
    lex = lexicon(language)
    return Document(title, dek, language or lex.code, lex, paragraphs)


def _mention(paragraph: int, run: Name) -> Mention:
    return Mention(paragraph, run.text, run.start, run.end)
