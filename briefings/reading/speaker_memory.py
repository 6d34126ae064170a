"""Who spoke or was named around a quote: the last person who spoke or was a sentence's
subject (of a pronoun's gender), the last group, the person a paragraph names before a quote
or the sentence after it. A pronoun, a role and a quote with no cue resolve by it."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from briefings.reading.attribution_state import AttributionState
from briefings.reading.names import capitalised_runs

if TYPE_CHECKING:
    from briefings.reading.marks import Span

_SPEECH_WORDS = 4  # a shorter span is a scare quote (quotes.MIN_WORDS)
_LOOK_BACK = 60  # candidates looked at per pronoun: bounded work on a flood of quotes


class SpeakerMemory(AttributionState):
    """Who spoke, was a subject or was named before and around each quote (a base of the
    Attributor)."""

    _span_speakers: list[tuple[Span, str]]
    _groups_named: list[tuple[int, int, str]]

    def _spoken_of(self, span: Span, until: int | None = None) -> str | None:
        """The person a subjectless verb speaks for: the last one who spoke or was a
        sentence's subject in this paragraph or the one before ("X, candidato de Y Z, dijo
        que… «…», precisó": X, not Y Z named after), else the last one named there, else the
        last person the text is about. ``until``: where the verb stands in the quote's
        paragraph (a name after it is its object)."""
        actor = self._last_actor_before(span, speech_only=True)
        limit = span.open_at if until is None else min(until, span.open_at)
        at = bisect_left(self._mention_keys, (span.paragraph, limit))
        mention = next(
            (m for m in reversed(self._mentions[max(0, at - _LOOK_BACK) : at]) if self._agent(m)),
            None,
        )
        for paragraph in (span.paragraph, span.paragraph - 1):
            here = [c for c in (actor, mention) if c and c[0] == paragraph]
            if actor and mention and len(here) == 2 and self._one_sentence_of(actor, mention):
                # "X dijo que el presidente Y evalúa…", "X afirmou que … com Y": a name later
                # in the subject's own sentence is what they spoke of, not who speaks next
                return actor[2]
            if here:
                return max(here)[2]
        return self._last_person_before(span) or self.last_speaker or None

    def _one_sentence_of(self, actor: tuple[int, int, str], mention: tuple[int, int, str]) -> bool:
        """The actor named first and the mention later in one sentence of one paragraph, not
        right after a comma (where a subject may stand: "Neste centenário de X, Moser
        conversou")."""
        if actor[0] != mention[0] or actor[1] >= mention[1]:
            return False
        if self.paragraphs[mention[0]][: mention[1]].rstrip().endswith(","):
            return False
        first = self.doc.sentence_at(actor[0], actor[1])
        return first is not None and first is self.doc.sentence_at(mention[0], mention[1])

    def _agent(self, mention: tuple[int, int, str]) -> bool:
        """A person named where they can act: not inside a quote, not after a genitive
        particle or an organisation word ("la obra de X", "del movimiento X Y")."""
        if any(s.open_at <= mention[1] < s.close_end for s in self._quotes_in(mention[0])):
            return False
        para = self.paragraphs[mention[0]]
        before = para[max(0, mention[1] - 40) : mention[1]].split()[-1:]  # the word before
        word = before[0].lower() if before else ""
        particle = word in self.lex.connectors and word not in self.lex.determiners
        # where nouns are capitalised: "an Olaf Scholz gerichtet" is whom it was for
        told = self.lex.capitalised_nouns and word in self.lex.embedding
        return not (particle or told or word in self.lex.org_words)

    def _person_after(self, span: Span) -> str:
        """ "«…» Pour ce message, l'imam X a été condamné": with no one named before, a quote
        opening its paragraph is the first person its paragraph names after it."""
        if self.paragraphs[span.paragraph][: span.open_at].strip():
            return ""
        at = bisect_left(self._mention_keys, (span.paragraph, span.close_end))
        if at < len(self._mentions) and self._mentions[at][0] == span.paragraph:
            return self._mentions[at][2]
        return ""

    def _new_subject_before(self, span: Span) -> str:
        """The person last the subject in the paragraph right before a cue-less quote, when
        that paragraph quotes no one and comes after the last quote: "Auch der Anwalt X
        äußerte sich. / „…“" is X's, not the last speaker's."""
        last = self._span_speakers[-1][0] if self._span_speakers else None
        if not self.lex.inverted_any_verb or (last and last.paragraph >= span.paragraph - 1):
            return ""  # (English news carries its last speaker on: measured, it stays so)
        at = bisect_left(self._subject_keys, (span.paragraph, 0))
        if at and self._subjects[at - 1][0] == span.paragraph - 1:
            return self._subjects[at - 1][2]
        return ""

    def _subject_between(self, previous: Span, span: Span) -> str:
        """The person last the subject of a sentence between two quotes of a paragraph."""
        # A sentence may open on the quote before ("„A.“ Ihr Nachbar X nickt."): the place the
        # subject is named counts, not where its sentence starts.
        at = bisect_left(self._subject_keys, (span.paragraph, span.open_at))
        subjects = {
            name: offset
            for paragraph, offset, name in self._subjects[max(0, at - _LOOK_BACK) : at]
            if paragraph == span.paragraph
        }
        at = bisect_left(self._mention_keys, (span.paragraph, span.open_at))
        for mention in reversed(self._mentions[max(0, at - _LOOK_BACK) : at]):
            if mention[0] != span.paragraph or mention[1] < previous.close_end:
                break
            if subjects.get(mention[2], mention[1] + 1) <= mention[1] and self._agent(mention):
                return mention[2]
        return ""

    def _person_named_next(self, span: Span) -> str:
        """A role with no one named before it ("«…», a déclaré le chef de l'Etat" opening the
        article): the first person after the quote who is a sentence's subject (a name met
        in passing may be an event: "le Super Bowl")."""
        at = bisect_left(self._subject_keys, (span.paragraph, span.close_end))
        return self._subjects[at][2] if at < len(self._subjects) else ""

    def _person_in_sentence(self, span: Span) -> str:
        """A quote inside a sentence that reports no one's speech ("Roe thanked its members
        “…”", "Roe, the former governor, proposed we “…”"): the known person last named as
        the one acting before it, not after a preposition, not a possessor, not an object right
        before the quote ("called Doe “…”") or before a preposition ("praised Doe as “…”")."""
        sentence = self.doc.sentence_at(span.paragraph, span.open_at)
        if sentence is None:
            return ""
        para = self.paragraphs[span.paragraph]
        text = para[sentence.start : span.open_at]
        if self.cues.verb_anywhere.search(text):
            return ""  # "Roe says that … Doe is giving them “…”": the reporting verb's subject
        for run in reversed(capitalised_runs(text)):
            if run.text.endswith(("’s", "'s")):
                continue
            before = text[: run.start].split()[-1:]
            after = text[run.end :].lstrip()
            if before and before[0].lower() in self.lex.embedding:
                continue
            if after.startswith(","):
                # "Roe, the former governor, proposed we “…”" (the name opens its clause),
                # not "…, who runs Big Firm Inc, labeled"
                opens = not before or before[0] in self.lex.conjunctions
                if not opens:
                    continue
            elif not after[:1].islower() or after.split()[0] in self.lex.embedding:
                continue
            person = self._known_person(run.text)
            if person:
                return person
        return ""

    def _person_in_paragraph(self, span: Span) -> str:
        """The person last the subject of a sentence before the quote in its own paragraph."""
        at = bisect_left(self._subject_keys, (span.paragraph, span.open_at))
        if at and self._subjects[at - 1][0] == span.paragraph:
            return self._subjects[at - 1][2]
        return ""

    def _next_subject(self, span: Span) -> str:
        """Where subjects follow verbs, a quote opening its paragraph with no cue: the person
        the next sentence is about ("«…». Maria Rossi, 40 anni, è arrivata …")."""
        if not self.lex.inverted_any_verb or not span.closed:
            return ""
        here = self.doc.sentence_at(span.paragraph, max(span.close_end - 1, 0))
        if here is None or here.index + 1 >= len(self.doc.sentences):
            return ""
        nxt = self.doc.sentences[here.index + 1]
        if nxt.paragraph != span.paragraph:
            return ""
        subject = self._sentence_subject(nxt.text)
        return self._person_in_subject(subject) if subject else ""

    def _following_cue(self, span: Span) -> str:
        """A quote ending its sentence with no cue, and the next sentence of its paragraph
        reported speech closed by its verb and speaker ("„…“. Dies müsse so geschehen,
        erklärte die Forscherin."): that speaker."""
        if not span.closed:
            return ""
        here = self.doc.sentence_at(span.paragraph, max(span.close_end - 1, 0))
        if here is None or here.index + 1 >= len(self.doc.sentences):
            return ""
        nxt = self.doc.sentences[here.index + 1]
        if nxt.paragraph != span.paragraph or any(
            nxt.start <= q.open_at < nxt.end for q in self._quotes_in(span.paragraph)
        ):
            return ""
        match = self.cues.closing_cue.search(nxt.text)
        if not match:
            return ""
        raw = self._speaker_in_phrase(match.group("who")) or ""
        return self._resolve(raw, span) if raw else ""

    def _named_in_paragraph(self, span: Span) -> str:
        """Where a subject may follow its verb ("Presentó la idea el candidato X. «…»"), the
        person last named in the quote's paragraph before it, where they can act."""
        if not self.lex.inverted_any_verb:
            return ""
        at = bisect_left(self._mention_keys, (span.paragraph, span.open_at))
        for mention in reversed(self._mentions[max(0, at - _LOOK_BACK) : at]):
            if mention[0] != span.paragraph:
                break
            if self._agent(mention):
                return mention[2]
        return ""

    def _last_group_before(self, span: Span) -> str:
        """The body last named as a sentence's subject, within three paragraphs; not a person
        ("Le maire de Lyon, Paul Roy, a présenté…" names no body for "la préfecture")."""
        earlier = [
            g
            for g in self._groups_named
            if (g[0], g[1]) < (span.paragraph, span.start) and not self.people.is_person(g[2])
        ]
        if earlier and span.paragraph - earlier[-1][0] <= 3:
            return earlier[-1][2]
        return ""

    def _last_group_at(self, span: Span) -> tuple[int, int]:
        earlier = [g for g in self._groups_named if (g[0], g[1]) < (span.paragraph, span.start)]
        return (earlier[-1][0], earlier[-1][1]) if earlier else (-1, -1)

    def _last_person_before(self, span: Span, gender: str = "") -> str:
        """The most recent person who spoke or was the subject of a sentence, of the
        pronoun's gender when the article tells it. Looks back a bounded number of steps, so
        a flood of quotes costs linear time."""
        pos = (span.paragraph, span.start)

        def fits(name: str) -> bool:
            return not gender or self._genders.get(name, gender) == gender

        best = self._last_actor_before(span, gender)
        if best:
            return best[2]
        at = bisect_left(self._mention_keys, pos)
        for m in reversed(self._mentions[max(0, at - _LOOK_BACK) : at]):
            if fits(m[2]):
                return m[2]
        return self.last_person if fits(self.last_person) else ""

    def _last_actor_before(
        self, span: Span, gender: str = "", speech_only: bool = False
    ) -> tuple[int, int, str] | None:
        """(paragraph, offset, name) of the most recent person who spoke or was the subject
        of a sentence before the span, of the given gender when the article tells it; with
        ``speech_only``, a scare quote's source is no one who spoke ("quien indicó que X
        solicitó «controlar» …": not the next subjectless verb's speaker)."""
        pos = (span.paragraph, span.start)

        def fits(name: str) -> bool:
            return not gender or self._genders.get(name, gender) == gender

        best: tuple[int, int, str] | None = None
        at = bisect_left(self._subject_keys, pos)
        for p, o, name in reversed(self._subjects[max(0, at - _LOOK_BACK) : at]):
            if fits(name):
                best = (p, o, name)
                break
        for s, who in reversed(self._cued_speakers[-_LOOK_BACK:]):
            if speech_only and len(s.text(self.paragraphs).split()) < _SPEECH_WORDS:
                continue
            if (s.paragraph, s.start) < pos and self.people.is_person(who) and fits(who):
                if best is None or (s.paragraph, s.start) > best[:2]:
                    best = (s.paragraph, s.start, who)
                break
        return best

    def _remember(self, speaker: str) -> None:
        if not speaker:
            return
        self.last_speaker = speaker
        if self.people.is_person(speaker):
            self.last_person = speaker
        elif speaker.lower() not in self.cues.pronouns:
            self.last_group = speaker

    if TYPE_CHECKING:  # provided by the Attributor and its other bases

        def _known_person(self, run: str) -> str: ...

        def _person_in_subject(self, subject: str) -> str: ...

        def _quotes_in(self, paragraph: int) -> list[Span]: ...

        def _resolve(self, raw: str, span: Span) -> str: ...

        def _sentence_subject(self, sentence: str) -> str | None: ...

        def _speaker_in_phrase(self, phrase: str, last: bool = False) -> str | None: ...
