"""What every part of the Attributor reads: the article, its cues and words, the people it
names and who spoke last. The parts (cues before, after and away from a quote, sentence
subjects, what a cue names, who spoke before) are bases of the Attributor; each declares here
what they share and in its own class only what it adds, so the declarations are not repeated."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefings.reading.cues import Cues
    from briefings.reading.document import Document
    from briefings.reading.lexicon import Lexicon
    from briefings.reading.marks import Span
    from briefings.reading.names import PersonIndex


class AttributionState:
    """The state the Attributor's bases share (set by `Attributor.__init__`)."""

    doc: Document
    paragraphs: list[str]
    cues: Cues
    lex: Lexicon
    people: PersonIndex
    last_speaker: str
    last_person: str
    last_group: str
    # Who spoke after a cue, who was a sentence's subject or was named, and where (sorted
    # keys for bisecting), and the gender the article gives each person: read by the speaker
    # memory and the pronoun ranker.
    _cued_speakers: list[tuple[Span, str]]
    _subjects: list[tuple[int, int, str]]
    _subject_keys: list[tuple[int, int]]
    _mentions: list[tuple[int, int, str]]
    _mention_keys: list[tuple[int, int]]
    _genders: dict[str, str]
