"""Who said a quote: cues after it ("…,” Blinken said", "said Hill") or before it ("Blinken
said: “…”", "he stressed that “…”"), pronouns, descriptors and inheritance, resolved to the
fullest name the article gives. The Attributor holds the article's state and the order in which
it tries each source of a speaker; its bases read the cues (after_cues, before_cues,
verb_subjects, closing_cues), resolve what a cue names (speaker_phrases) and remember who spoke
or was named (speaker_memory, subjects)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefings.reading.after_cues import AfterCues
from briefings.reading.antecedents import PronounAntecedents
from briefings.reading.before_cues import BeforeCues
from briefings.reading.closing_cues import ClosingCues
from briefings.reading.coreference import lone_given_names, person_genders, viewpoint_holders
from briefings.reading.cues import Cues, cues_for, group_aliases
from briefings.reading.labels import signature, transcript_label
from briefings.reading.names import lone_echoed_names
from briefings.reading.speaker_memory import SpeakerMemory
from briefings.reading.speaker_phrases import SpeakerPhrases
from briefings.reading.subjects import SubjectReader
from briefings.reading.verb_subjects import VerbSubjects

if TYPE_CHECKING:
    from briefings.reading.document import Document
    from briefings.reading.marks import Span
    from briefings.reading.names import PersonIndex
    from briefings.reading.roles import Holder


class Attributor(
    AfterCues,
    BeforeCues,
    VerbSubjects,
    SpeakerPhrases,
    SpeakerMemory,
    PronounAntecedents,
    ClosingCues,
    SubjectReader,
):
    """Resolves the speaker of each quote in article order, remembering who spoke last."""

    def __init__(self, doc: Document, people: PersonIndex) -> None:
        self.doc = doc
        self.paragraphs = doc.texts
        self.cues: Cues = cues_for(doc.lexicon)
        self.lex = doc.lexicon
        self.people = people
        self.last_speaker = ""
        self.last_person = ""
        self.last_group = ""
        self._span_speakers: list[tuple[Span, str]] = []
        # Quotes whose speaker the text gives (a cue, a label, the quote before): a pronoun may
        # take them; a speaker guessed for a cue-less quote is no new mention of anyone.
        self._cued_speakers: list[tuple[Span, str]] = []
        self._quoted_paragraphs: set[int] = set()
        self._starts: dict[int, list[int]] = {}
        self._known: dict[str, str] = {}
        self._subject_memo: dict[str, str | None] = {}
        self._paragraph_quotes: dict[int, list[Span]] = {}
        for name in lone_given_names(doc, self.cues.verb_next):
            people.add(name)  # "Bob said": a source the article names by a given name only
        for name in lone_echoed_names(doc, self.cues.verb_next):
            people.add(name)  # "Meghan said she …": a person known by one name
        self._subjects = sorted(
            self._subject_persons() + viewpoint_holders(doc, self._known_person)
        )
        self._subject_keys = [(p, o) for p, o, _ in self._subjects]
        self._mentions = self._person_mentions()
        self._mention_keys = [(p, o) for p, o, _ in self._mentions]
        self._genders = person_genders(doc, self._subjects, self._known_person)
        self._groups_named = self._group_subjects()
        self._groups = group_aliases(self.cues, self.paragraphs)
        self._holders: list[Holder] | None = None  # who holds which role, read when asked

    # -- the public step -------------------------------------------------------------------
    def speaker_for(self, span: Span, previous: Span | None) -> str:
        para = self.paragraphs[span.paragraph]
        prev_same = previous if previous and previous.paragraph == span.paragraph else None
        prev_speaker = self._span_speakers[-1][1] if self._span_speakers and prev_same else ""
        in_sentence = ""
        raw = transcript_label(span.text(self.paragraphs), self.lex) or None
        if raw is None:
            raw = self._signed(span, para)
        if raw is None:
            # "«…». Lo ha denunciato X": the words referring back name the speaker, before any
            # reading of "Lo ha" as an inverted cue
            raw = self._back_reference(span, para)
        if raw is None:
            raw = self._after_cue(span, para)
        if raw is None:
            raw = self._impersonal(span, para)
        if raw is None:
            raw = self._closing_cue(span, para)
        if raw is None:
            raw = self._before_cue(span, para, prev_same, prev_speaker)
        if raw is None and prev_same is None:
            raw = self._cue_later_in_sentence(span, para)
        if raw is None and span.paragraph + 1 < len(self.paragraphs):
            raw = signature(self.paragraphs[span.paragraph + 1]) or None
        if raw is not None:
            speaker = self._resolve(raw, span)
        elif prev_same is not None and prev_speaker:
            # "“A,” he said. “B.”"; but "„A.“ Ihr Nachbar Ali Kaya nickt. „B.“" is his
            speaker = self._subject_between(prev_same, span) or prev_speaker
        elif span.continues:
            # a multi-paragraph quote: whoever spoke, else the person the text is about
            speaker = self.last_speaker or self._last_person_before(span)
        elif self._paragraph_had_quote(span.paragraph - 1):
            # after a paragraph of quotes: the person this paragraph is about before its
            # quote ("Raab nannte es ein „Privileg“"), else whoever spoke
            in_sentence = self._person_in_sentence(span)
            speaker = (
                in_sentence
                or self._person_in_paragraph(span)
                or self._named_in_paragraph(span)
                or self.last_speaker
                or self._last_person_before(span)
            )
        else:
            # "X hält den Ausschuss für gelungen. „…“": the person named last in the paragraph
            in_sentence = self._person_in_sentence(span)
            speaker = in_sentence or self._person_in_paragraph(span)
            speaker = (
                speaker
                or self._named_in_paragraph(span)
                or self._next_subject(span)
                or self._following_cue(span)
            )
            speaker = speaker or self._new_subject_before(span) or self.last_speaker
            speaker = speaker or self._person_after(span) or self._last_person_before(span)
        if not self._well_formed(speaker):
            # a clause or a cut word ("that it is", "refused to", "self-") names no one
            speaker = self._person_in_paragraph(span) or self.last_speaker
        speaker = self._without_stray_marks(speaker)
        if not speaker:
            # "Giorgetti: estendere il green pass": a headline giving the words to a name
            speaker = self._headline_speaker()
        if not in_sentence:
            # (a person read off a sentence that reports no speech is no one who spoke: a
            # later "he said" looks past them, as it did before; measured, pronouns keep)
            self._remember(speaker)
        self._span_speakers.append((span, speaker))
        if raw is not None or prev_same is not None or span.continues:
            self._cued_speakers.append((span, speaker))
        if _speech(span.text(self.paragraphs)):
            self._quoted_paragraphs.add(span.paragraph)
        return speaker

    def _headline_speaker(self) -> str:
        """The person a headline of the form "[Topic,] Name: words" gives its words to, when
        the article names them (in full, or by that name alone in the headline)."""
        head = self.doc.title.split(":", 1)[0] if ":" in self.doc.title else ""
        name = head.rsplit(",", 1)[-1].strip()
        words = name.split()
        if not 0 < len(words) <= 3 or not all(w[:1].isupper() for w in words):
            return ""
        if words[0].lower() in self.lex.not_names:
            return ""
        expanded = self.people.expand(name)
        return expanded if self.people.is_person(expanded) or len(words) == 1 else ""

    def _well_formed(self, speaker: str) -> bool:
        """A speaker is a name, a pronoun or a short description headed by a noun: no
        auxiliary or reporting verb inside, no cut word, no preposition at either end."""
        # lower-case words only: "United States", "Reports" are names
        words = [w.strip(",.;:") for w in speaker.split()]
        words = [w if w.islower() else "" for w in words]
        if not words:
            return True
        if (
            speaker.endswith("-")
            or words[0] in self._clause_words
            or words[-1] in self.lex.embedding
        ):
            return False
        if words[0] in self.lex.embedding and words[0] not in self.lex.determiners:
            return False  # "of the university's top executives"
        return not any(w in self._clause_words for w in words[1:])

    def _without_stray_marks(self, speaker: str) -> str:
        """A description without the marks a parenthesis or a sentence left on it ("one
        party activist.)"); names keep theirs ("James B. Comey Jr.", "N.H.")."""
        words = speaker.split()
        if len(words) < 2 or words[0] not in self.lex.descriptor_openers or "(" in speaker:
            return speaker
        return speaker.rstrip(".,;:)")

    @property
    def _clause_words(self) -> frozenset[str]:
        found: frozenset[str] = self.lex.compiled(
            "clause_words",
            lambda lex: frozenset(
                (
                    *lex.auxiliaries,
                    *lex.subject_verbs,
                    *lex.speech_openers,
                    *(w for w in lex.between if " " not in w and w.isalpha()),
                )
            ),
        )
        return found

    def _quotes_in(self, paragraph: int) -> list[Span]:
        if not self._paragraph_quotes:  # grouped once: linear in the number of quotes
            for s in self.doc.quotes:
                self._paragraph_quotes.setdefault(s.paragraph, []).append(s)
            self._paragraph_quotes.setdefault(-1, [])
        return self._paragraph_quotes.get(paragraph, [])

    def _paragraph_had_quote(self, index: int) -> bool:
        return index in self._quoted_paragraphs


def _speech(text: str) -> bool:
    """Quoted words that can be someone's speech, not a title ("Clarice", "A Hora da
    Estrela") or a scare quote."""
    content = [w for w in text.split() if len(w) > 3]
    capitals = sum(w[:1].isupper() for w in content)
    return not content or capitals < 0.8 * len(content) or text.rstrip()[-1:] in ".,;!?"
