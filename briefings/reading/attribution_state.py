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
