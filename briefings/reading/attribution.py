"""Who said a quote: cues after it ("…,” Blinken said", "said Hill") or before it ("Blinken
said: “…”", "he stressed that “…”"), pronouns, descriptors and inheritance, resolved to the
fullest name the article gives."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from briefings.reading.coreference import person_genders
from briefings.reading.cues import Cues, cues_for, group_aliases
from briefings.reading.labels import signature, transcript_label
from briefings.reading.names import (
    PersonIndex,
    capitalised_runs,
    drop_openers,
    person_name,
    personal,
    strip_titles,
)
from briefings.reading.roles import Holder, appositive_name, holder_of, role_holders
from briefings.reading.sentences import split_sentences
from briefings.reading.subjects import SubjectReader

if TYPE_CHECKING:
    from briefings.reading.document import Document
    from briefings.reading.marks import Span


_NAME_AT_END = re.compile(
    r"[A-Z][\w’'&.-]*(?:\s+(?:of|the|for|and|&|[A-Z][\w’'&.-]*))*(?<!\bthe)(?<!\bof)$"
)


_DASH = re.compile(r"[—―–]")
_LOOK_BACK = 60  # candidates looked at per pronoun: bounded work on a flood of quotes


class Attributor(SubjectReader):
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
        self._paragraph_quotes: dict[int, list[Span]] = {}
        self._subjects = sorted(self._subject_persons())
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
        raw = transcript_label(span.text(self.paragraphs), self.lex) or None
        if raw is None:
            raw = self._after_cue(span, para)
        if raw is None:
            raw = self._before_cue(span, para, prev_same, prev_speaker)
        if raw is None:
            raw = self._back_reference(span, para)
        if raw is None and prev_same is None:
            raw = self._cue_later_in_sentence(span, para)
        if raw is None and span.paragraph + 1 < len(self.paragraphs):
            raw = signature(self.paragraphs[span.paragraph + 1]) or None
        if raw is not None:
            speaker = self._resolve(raw, span)
        elif prev_same is not None and prev_speaker:
            speaker = prev_speaker  # "“A,” he said. “B.”"
        elif span.continues:
            # a multi-paragraph quote: whoever spoke, else the person the text is about
            speaker = self.last_speaker or self._last_person_before(span)
        elif self._paragraph_had_quote(span.paragraph - 1):
            # after a paragraph of quotes: the person this paragraph is about before its
            # quote ("Raab nannte es ein „Privileg“"), else whoever spoke
            speaker = (
                self._person_in_paragraph(span)
                or self._named_in_paragraph(span)
                or self.last_speaker
                or self._last_person_before(span)
            )
        else:
            # "X hält den Ausschuss für gelungen. „…“": the person named last in the paragraph
            speaker = self._person_in_paragraph(span) or self._named_in_paragraph(span)
            speaker = speaker or self._next_subject(span) or self.last_speaker
            speaker = speaker or self._person_after(span) or self._last_person_before(span)
        if not self._well_formed(speaker):
            # a clause or a cut word ("that it is", "refused to", "self-") names no one
            speaker = self._person_in_paragraph(span) or self.last_speaker
        self._remember(speaker)
        self._span_speakers.append((span, speaker))
        if raw is not None or prev_same is not None or span.continues:
            self._cued_speakers.append((span, speaker))
        if _speech(span.text(self.paragraphs)):
            self._quoted_paragraphs.add(span.paragraph)
        return speaker

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

    def _spoken_of(self, span: Span) -> str | None:
        """The person a subjectless verb speaks for: the last one who spoke or was a
        sentence's subject in this paragraph or the one before ("X, candidato de Y Z, dijo
        que… «…», precisó": X, not Y Z named after), else the last one named there, else the
        last person the text is about."""
        actor = self._last_actor_before(span)
        at = bisect_left(self._mention_keys, (span.paragraph, span.open_at))
        mention = next(
            (m for m in reversed(self._mentions[max(0, at - _LOOK_BACK) : at]) if self._agent(m)),
            None,
        )
        for paragraph in (span.paragraph, span.paragraph - 1):
            here = [c for c in (actor, mention) if c and c[0] == paragraph]
            if here:
                return max(here)[2]
        return self._last_person_before(span) or self.last_speaker or None

    def _agent(self, mention: tuple[int, int, str]) -> bool:
        """A person named where they can act: not inside a quote, not after a genitive
        particle or an organisation word ("la obra de X", "del movimiento X Y")."""
        if any(s.open_at <= mention[1] < s.close_end for s in self._quotes_in(mention[0])):
            return False
        para = self.paragraphs[mention[0]]
        before = para[max(0, mention[1] - 40) : mention[1]].split()[-1:]  # the word before
        word = before[0].lower() if before else ""
        particle = word in self.lex.connectors and word not in self.lex.determiners
        return not (particle or word in self.lex.org_words)

    def _person_after(self, span: Span) -> str:
        """ "«…» Pour ce message, l'imam X a été condamné": with no one named before, a quote
        opening its paragraph is the first person its paragraph names after it."""
        if self.paragraphs[span.paragraph][: span.open_at].strip():
            return ""
        at = bisect_left(self._mention_keys, (span.paragraph, span.close_end))
        if at < len(self._mentions) and self._mentions[at][0] == span.paragraph:
            return self._mentions[at][2]
        return ""

    def _person_named_next(self, span: Span) -> str:
        """A role with no one named before it ("«…», a déclaré le chef de l'Etat" opening the
        article): the first person after the quote who is a sentence's subject (a name met
        in passing may be an event: "le Super Bowl")."""
        at = bisect_left(self._subject_keys, (span.paragraph, span.close_end))
        return self._subjects[at][2] if at < len(self._subjects) else ""

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

    def _quotes_in(self, paragraph: int) -> list[Span]:
        if not self._paragraph_quotes:  # grouped once: linear in the number of quotes
            for s in self.doc.quotes:
                self._paragraph_quotes.setdefault(s.paragraph, []).append(s)
            self._paragraph_quotes.setdefault(-1, [])
        return self._paragraph_quotes.get(paragraph, [])

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

    # -- cues -------------------------------------------------------------------------------
    def _after_cue(self, span: Span, para: str) -> str | None:
        if not span.closed:
            return None
        after = _mask_gloss(_mask_labels(para[span.close_end : span.close_end + 260]))
        nxt = self.cues.next_opener.search(after)
        if nxt:
            after = after[: nxt.start()]
        if self.lex.dialogue_dash:
            after = _DASH.split(after, maxsplit=1)[0]  # "—dijo el ministro—. Es…": the aside
        if any(c in ",-–—―" for c in para[span.end : span.close_end]):
            after = re.split(r"\s[-–—―]\s|[.]\s", after, maxsplit=1)[0]  # «A - dice X - B»
        match = self.cues.after_subject_verb.match(after)
        if match and self._plausible_subject(match.group("who")):
            return match.group("who")
        for pattern in (
            self.cues.after_apposed_name,
            self.cues.after_appositive,
            self.cues.after_role_name,
        ):
            match = pattern.match(after)
            if match and "." in after[: match.start("who")]:
                continue  # «…». Rendido, tentou …, diz: a full stop after the quote ended it
            # not "…” to discuss his rival, Jo Roe, saying": a participle runs on
            running_on = match and match.group("verb").endswith(self.lex.progressive_endings)
            if match and not running_on and self._named(match.group("who")):
                return match.group("who")
        match = self.cues.after_verb_subject.match(after)
        told = (
            self.cues.recipient.match(match.group("who")) if match and self.cues.recipient else None
        )
        if match and told and told.end() < len(match.group("who").rstrip()):
            # "», a indiqué à l'AFP un haut fonctionnaire": the one told is no subject
            who = match.group("who")
            whole = self._speaker_in_phrase(self._to_sentence_end(who))
            if not whole or whole in who[: told.end()]:
                found = self._speaker_in_phrase(self._to_sentence_end(who[told.end() :]))
                if found:
                    return found
        first = match.group("who").split()[:1] if match else []
        if first and first[0].strip(",.;").lower() in self.cues.pronouns:
            return first[0].strip(",.;")  # "…“, schrieb sie auf X." / "…», dijo él."
        if match and not (self.lex.pro_drop and self._subjectless(match.group("who").split()[:1])):
            return self._speaker_in_phrase(self._to_sentence_end(after[match.start("who") :]))
        if match or (self.lex.pro_drop and self.cues.bare_verb.match(after)):
            # "«…», precisó." / "«…», dijo en una entrevista": no subject, the person spoken of
            return self._spoken_of(span)
        joiner = self.cues.inverted_pronoun
        joined = joiner.match(after) if joiner else None
        if joined:
            return joined.group("who")
        inverter = self.cues.inverted_any
        comma = (
            inverter is not None
            and (
                after.lstrip().startswith(",")
                or any(c in ",-–—―" for c in para[span.end : span.close_end])  # «A - dice X - B»
                or para[: span.end].rstrip()[-1:] in {",", "?", "!"}
                or not _last_sentence(
                    para[max(0, span.open_at - 300) : span.open_at], self.lex.abbreviations
                ).strip()
            )
        )  # "«A», dice X" and "«A» dice X" when the quote opens its sentence (bounded look-back)
        inverted = inverter.match(after) if comma and inverter else None
        if inverted and inverted.group("verb").split()[-1].lower() not in self.lex.not_names:
            if self._subjectless(inverted.group("who").split()[:1]):
                # "», tiró en alusión a X": a preposition, no subject after the verb
                if self.lex.pro_drop:
                    return self._spoken_of(span)
                return None
            found = self._speaker_in_phrase(self._to_sentence_end(after[inverted.start("who") :]))
            if found:
                return found
        after = after.lstrip(" ,")
        match = self.cues.according.match(after)
        if match:
            return self._speaker_in_phrase(self._to_sentence_end(after[match.start("who") :]))
        return None

    def _cue_later_in_sentence(self, span: Span, para: str) -> str | None:
        """A quote with no cue of its own, followed in its sentence by quotes whose last one
        has the cue: «A» ; «B» contre X, qualifié de «C», a développé le magistrat. No
        reporting verb may stand between them (that would be another attribution)."""
        sentence = self.doc.sentence_at(span.paragraph, span.open_at)
        if sentence is None or not span.closed:
            return None
        later = [s for s in self._quotes_in(span.paragraph) if s.open_at > span.open_at]
        end = span.close_end
        for nxt in later[:4]:  # a few quotes: bounded work
            if self.doc.sentence_at(nxt.paragraph, nxt.open_at) is not sentence:
                return None
            if self.cues.verb_anywhere.search(para[end : nxt.open_at]):
                return None
            raw = self._after_cue(nxt, para)
            if raw is not None:
                return raw
            end = nxt.close_end
        return None

    def _back_reference(self, span: Span, para: str) -> str | None:
        """The person of the sentence after a quote that refers back to it ("«…». Con esa
        frase, X respondió"), in the quote's paragraph or opening the next one."""
        if not span.closed or self.cues.back_reference is None:
            return None
        after = para[span.close_end : span.close_end + 300]
        if not after.strip() and span.paragraph + 1 < len(self.paragraphs):
            after = self.paragraphs[span.paragraph + 1][:300]
        match = self.cues.back_reference.match(after)
        return self._speaker_in_phrase(match.group("who")) if match else None

    def _to_sentence_end(self, text: str) -> str:
        """A phrase up to the end of its sentence, full stops of titles and initials kept:
        "said Sen. J. Roe. Next…" -> "Sen. J. Roe"."""
        sentences = split_sentences(text, self.lex.abbreviations)
        first = sentences[0] if sentences else text
        return re.split(r"[;:!?“”\"]", first)[0].rstrip(" .")

    def _before_cue(
        self, span: Span, para: str, prev_same: Span | None, prev_speaker: str
    ) -> str | None:
        start = prev_same.close_end if prev_same else 0
        before = _mask_labels(para[start : max(start, span.open_at)])
        if not before.strip() and span.paragraph > 0:
            previous = self.paragraphs[span.paragraph - 1].rstrip()
            if previous.endswith(":") and not self._paragraph_had_quote(span.paragraph - 1):
                before = previous  # "Boudreau said:" closing the paragraph before
        sentence = _last_sentence(before, self.lex.abbreviations)
        joined = self.cues.inverted_pronoun_before
        inverted = joined.search(sentence) if joined else None
        if inverted:
            return inverted.group("who")  # "…, mais disait-il : « … »"
        verbs = list(self.cues.verb_anywhere.finditer(sentence))
        if not verbs:
            according = self.cues.according.search(sentence)
            if according:
                found = self._speaker_in_phrase(according.group("who"))
                if found and self._possessed(found) and self.last_speaker:
                    return self.last_speaker  # "Según su análisis": the one who spoke
                return found
            opening = self.cues.according_opening
            named = opening.match(sentence) if opening else None
            if named and named.group("who") and self._speaker_in_phrase(named.group("who")):
                return named.group("who")  # "Para Ingrid Roe la solución está en «…»"
            if named and named.group("body") and self._body_noun(named.group("noun")):
                return named.group("body")  # "Pour le parquet antiterroriste, «…»"
            issued = list(self.cues.issued.finditer(sentence))
            if issued:
                # "NASA's Office of the Inspector General released two reports that depicted “…”"
                return self._issuer_name(issued[-1].group("who"))
            if sentence.rstrip().endswith(":"):
                # "Opposition leader Tom Berg disagreed: “…”": a colon hands over to the quote;
                # "Partial transcript as follows:" names nobody.
                words = [w.lower().strip(",.") for w in sentence.rstrip(" :").split()]
                if all(w in self.lex.not_speakers or w in self.lex.not_names for w in words):
                    return None
                label = sentence.strip(" :")
                if len(words) == 1 and not self._known_person(label):
                    return None  # "Motif : « … »", "Bilan : « … »": a label, not a speaker
                return self._speaker_in_phrase(sentence.rstrip(" :"), last=False)
            return None
        verb = verbs[-1]
        named_after = self.lex.inverted_any_verb and self._name_after_verb(sentence[verb.end() :])
        if named_after:
            return named_after  # "come spiega Enrico Corsini, il presidente: «…»"
        if len(sentence[verb.end() :].split()) > 12:
            # "Mr. Bush tells voters who wonder why … that he “…”": the quote is what the
            # sentence's subject says when the words before it hand over to it.
            words = sentence.rstrip(" ,").split()
            if len(words) > 1 and words[-1].lower() in self.cues.pronouns:
                return words[-1] if self._hands_over(" ".join(words[:-1])) else None
            if self._hands_over(sentence):
                return self._sentence_subject(sentence)
            return None
        running_on = verb.group(0).endswith(self.lex.progressive_endings)
        if running_on and prev_speaker:
            return prev_speaker
        # The subject of the last reporting verb, else of an earlier one: "Frazier said the
        # amendment was a gesture intended to highlight “…”" is Frazier's.
        if not sentence[: verbs[0].start()].strip() and not running_on:
            # "Said Dorothy Poynter, who grew up with Ali, “…”": the verb opens the sentence.
            found = self._speaker_in_phrase(sentence[verbs[0].end() :])
            if found:
                return found
        for candidate in reversed(verbs):
            if candidate.group(0).endswith(self.lex.progressive_endings):
                continue  # "people on their way into the polls saying “…”": not the polls
            found = self._subject_before(sentence[: candidate.start()])
            if found:
                return found
        if prev_same and prev_speaker and self._one_sentence(prev_same, span):
            return prev_speaker  # "«A», a lo que se añaden «B»": no new subject in between
        if self.lex.pro_drop and self._subjectless(sentence[: verb.start()].split()):
            # "Además insistió en que “…”": the subject is the person spoken of
            return self._spoken_of(span)
        if running_on and not sentence[: verb.start()].strip():
            return None
        issued = list(self.cues.issued.finditer(sentence))
        if issued:  # "the Office released reports that described “…”"
            return self._issuer_name(issued[-1].group("who"))
        if self.lex.pro_drop:
            # no subject right before the verb: the sentence's, when a person, else it was
            # left out ("Rendido, tentou …, diz")
            subject = self._sentence_subject(self._sentence_before(span))
            if subject and self.people.is_person(self.people.expand(subject)):
                return subject
            return self._spoken_of(span)
        return self._sentence_subject(self._sentence_before(span)) or (prev_speaker or None)

    def _possessed(self, phrase: str) -> bool:
        """A possessive and a noun that is neither a role nor a document: "su análisis",
        "his view" (the possessor is who speaks)."""
        words = [w.lower() for w in phrase.split()]
        return (
            len(words) == 2
            and words[0] in self.lex.possessives
            and words[0] not in self.lex.determiners
            and words[1] not in self.lex.person_roles
            and words[1] not in self.lex.documents
        )

    def _body_noun(self, noun: str) -> bool:
        """A noun that names who may hold a view: a role, a body, a document, a group ("le
        parquet", "les enquêteurs"), not "la première fois"."""
        low = noun.lower()
        return (
            low in self.lex.person_roles
            or low in self.lex.org_words
            or low in self.lex.documents
            or low in self.lex.collective
            or low in self.lex.group_nouns
        )

    def _one_sentence(self, first: Span, second: Span) -> bool:
        one = self.doc.sentence_at(first.paragraph, first.open_at)
        return one is not None and one is self.doc.sentence_at(second.paragraph, second.open_at)

    def _opener(self, word: str) -> bool:
        """A function word that opens a sentence (not a determiner, which opens a description)."""
        low = word.lower()
        return low in self.lex.not_names and low not in self.lex.determiners and word[:1].isupper()

    def _subjectless(self, words: list[str]) -> bool:
        """Words before a verb that hold no subject: none, or only function words. A
        capitalised honorific is a subject's first word ("», a enchaîné M. Duda", "», gronde
        Me Roy"), though the lower-case word may be a function word ("me")."""
        bare = [w.strip(",.;:") for w in words]
        return all(
            w.lower() in self.lex.not_names
            and w.lower() not in self.lex.determiners
            and w.lower() not in self.lex.possessives  # "informó este ministerio": a subject
            and w.lower() not in self.cues.pronouns
            and not (w[:1].isupper() and w.lower() in self.lex.honorifics)
            for w in bare
            if w
        )

    def _name_after_verb(self, text: str) -> str | None:
        """A person's full name right after the last reporting verb before a quote: the verb's
        inverted subject ("explained Jane Roe: “…”")."""
        runs = capitalised_runs(text)
        if not runs or runs[0].start > 3 or not self._named(runs[0].text):
            return None
        if text[: runs[0].start].strip().lower() in self.lex.not_names:
            return None  # "dijo a Pedro Gil": the one spoken to
        return person_name(runs[0].text, self.lex)

    def _subject_before(self, text: str) -> str | None:
        """The speaker a reporting verb follows: a pronoun, "X, who", a name, or a short
        description ("the former senator"); None when the words before are no subject."""
        head = self.cues.trailing_adv.sub("", text.rstrip())
        relative = any(w.lower().strip(",") in self.lex.relatives for w in head.split())
        if head.endswith(",") and head.count(",") >= 2 and not relative:
            # "Her campaign manager, Robby Mook, suggested" / "Tom Ridge, a former secretary,
            # said": the name, whichever side of the apposition it stands.
            inner, _, last = head[:-1].rpartition(",")
            first = head.split(",")[0].strip()
            runs = capitalised_runs(last)
            last_known = bool(runs) and bool(self._known_person(runs[-1].text))
            if self._known_person(first) and not last_known:
                return first  # "Clinton, during a meeting in Columbus, Ohio, said"
            opener = last.split()[0] if last.split() else ""
            if opener in self.lex.embedding and opener not in self.lex.determiners:
                return self._subject_before(inner)  # "Roe, via the Daily Star, said"
            runs = capitalised_runs(last)
            if runs and runs[-1].end >= len(last.rstrip()) - 1 and self._named(runs[-1].text):
                described = opener.lower() in self.lex.determiners | self.lex.possessives
                if self._known_person(runs[-1].text) and not described:
                    return runs[-1].text
                # "Dr. Jo Roe, a professor at the School of Public Health, said": the person
                # the apposition describes, else the body it names
                found = self._subject_before(inner)
                if found and (found.lower() in self.cues.pronouns or self._known_person(found)):
                    return found
                if personal(runs[-1].text, self.lex):  # not "X, glaciólogo de la Universidad Y,"
                    return runs[-1].text
            if self.lex.pro_drop and opener and not self._appositive(opener):
                return None  # "Rendido, tentou …, diz": a clause, not an apposition
            return self._subject_before(inner)
        last_word = head.split()[-1] if head.split() else ""
        if last_word.lower() in self.lex.conjunctions:
            return None  # "X propone … y recalcó": the verb shares the sentence's subject
        before_relative = head[: -len(last_word)].rstrip()
        if last_word.lower() in self.lex.relatives and before_relative.endswith(","):
            # "…, según las autoridades, que pidieron «…»": the relative's antecedent
            return self._subject_before(before_relative[:-1])
        if last_word.strip(",").lower() in self.cues.pronouns:
            return last_word.strip(",")
        if last_word.lower() in self.lex.person_relatives:
            return self._speaker_in_phrase(head[: -len(last_word)].rstrip(" ,"), last=True)
        if last_word[:1].isupper() and not head.endswith(","):
            runs = capitalised_runs(head)
            if runs and runs[-1].end >= len(head) - 1 and self._named(runs[-1].text):
                return runs[-1].text
        determiner = self.cues.determiner_tail.search(head)
        if determiner and not head.endswith(",") and self._noun_phrase(determiner.group(0)):
            return determiner.group(0)
        return None

    def _appositive(self, word: str) -> bool:
        """A word that can open an apposition ("X, el portavoz, dijo", "X, 45, dijo")."""
        low = word.lower()
        return (
            low in self.lex.determiners
            or low in self.lex.possessives
            or low in self.lex.titles
            or low in self.lex.person_roles
            or not word[:1].islower()
        )

    def _noun_phrase(self, phrase: str) -> bool:
        """A short description headed by a noun ("the Vermont senator"), not a clause ("the
        amendment was a gesture intended to")."""
        words = [w.lower().strip(",") for w in phrase.split()[1:]]
        stop = (
            self.lex.determiners
            | self.lex.embedding
            | set(self.lex.subject_verbs)
            | set(self.lex.speech_openers)
            | set(self.lex.relatives)
        )
        return 0 < len(words) <= 6 and not any(w in stop for w in words)

    # -- resolving a raw speaker phrase ------------------------------------------------------
    def _resolve(self, raw: str, span: Span) -> str:
        raw = raw.strip().strip(",").strip()
        raw = self.cues.leading_conjunction.sub("", raw)
        low = raw.lower()
        pronoun = self.lex.pronouns.get(low)
        if pronoun and pronoun.number == "singular" and pronoun.gender != "neuter":
            return self._last_person_before(span, pronoun.gender) or self.last_speaker or raw
        if pronoun and pronoun.number == "plural":
            subject = self._sentence_subject(self._sentence_before(span))
            if subject and subject.lower() not in self.cues.pronouns and subject[:1] not in '“"«„':
                return self._resolve(subject, span)
            return self._last_group_before(span) or self.last_group or self.last_speaker or raw
        if pronoun:  # "it": the body last named
            return self.last_group or self.last_speaker or raw
        group = self._group_for(raw, span)
        if group:
            return group
        if self.cues.person_roles.match(raw) or (len(raw.split()) == 1 and self.lex.is_title(raw)):
            # "the minister", or a bare title ("Chef", "Ministerin"): the person the paragraph
            # is about, else the one the article gave that role, else the person last named
            return (
                self._person_in_paragraph(span)
                or self._role_holder(raw, span)
                or self._last_person_before(span)
                or self._person_named_next(span)
                or raw
            )
        signers = self.cues.signed_by.search(raw)
        if signers and self.cues.documents.match(self.cues.document_by.sub("", raw)):
            group = self._group_for("the " + signers.group("noun"), span)
            if group:
                return group  # "the letter signed by seven physicians": the physicians' group
        if self.cues.documents.match(raw) or self.cues.documents.match(
            self.cues.document_by.sub("", raw)
        ):
            # "explica la ONG": in Romance order, the body a sentence named as its subject
            # shortly before (English group subjects are too noisy: "Just", "Facing")
            named = self._last_group_before(span) if self.lex.inverted_any_verb else ""
            named = drop_openers(named, self.lex.not_names, frozenset())  # "El Comité …"
            return named or self.last_group or self._issuer_before(span) or raw
        words = raw.split()
        while len(words) > 1 and (
            self._opener(words[0]) or (self.lex.is_title(words[0]) and words[1][:1].isupper())
        ):
            # "Según Pedro Gil", "Innenminister Gerhard Karner": an opener or a title of the
            # language, no part of the name
            words.pop(0)
        titled = [i for i, w in enumerate(words[:-1]) if self.lex.is_title(w)]
        if titled and words[titled[-1] + 1][:1].isupper() and len(words) - titled[-1] > 2:
            words = words[titled[-1] + 1 :]  # "Hessens Arbeitsministerin Heike Hofmann"
        raw = " ".join(words)
        if not raw[:1].isupper():
            # "the economist Jo Roe": the person the description names
            for run in capitalised_runs(raw):
                person = person_name(run.text, self.lex)
                if person and self.people.is_person(self.people.expand(person)):
                    return self.people.expand(person)
        if raw[:1].isupper():
            team = re.search(r"\s+and\s+(?:his|her|their)\s+\w+$", raw)
            if team:
                return self._resolve(raw[: team.start()], span) + team.group(0)
            person = person_name(raw, self.lex)
            if person:
                return self.people.expand(person)
            bare = re.sub(r"[’']s$", "", raw)  # "Swift’s" -> "Swift"; "NASA’s Office" stays
            words = strip_titles(bare.split()) or bare.split()
            return self.people.expand(" ".join(words))
        return raw

    def _role_holder(self, raw: str, span: Span) -> str:
        if self._holders is None:
            self._holders = role_holders(self.doc, self._known_person)
        return holder_of(raw, span.paragraph, span.start, self._holders, self.lex)

    def _group_for(self, raw: str, span: Span) -> str:
        """ "the doctors" -> the group an apposition named ("The doctors, members of … Doctors
        for Camp Closure"); other collective nouns -> the last group so named."""
        match = re.fullmatch(r"(?:the|The)\s+(\w+)", raw)
        if not match:
            return ""
        noun = match.group(1).lower()
        known = [
            (pos, name)
            for pos, (n, name) in self._groups.items()
            if pos < (span.paragraph, span.start)
        ]
        direct = [
            name
            for pos, (n, name) in sorted(self._groups.items())
            if n == noun and pos < (span.paragraph, span.start)
        ]
        if direct:
            return direct[-1]
        if known and noun in self.lex.collective:
            return max(known)[1]
        return ""

    def _issuer_before(self, span: Span) -> str:
        """Who "issued a statement" shortly before: the statement speaks for them."""
        before = self.paragraphs[span.paragraph][: span.start]
        if span.paragraph:
            before = self.paragraphs[span.paragraph - 1] + "\n" + before
        found = list(self.cues.issued.finditer(before))
        return self._issuer_name(found[-1].group("who")) if found else ""

    @staticmethod
    def _issuer_name(who: str) -> str:
        who = re.split(r"[,.;:]\s", who.strip())[-1]
        # "The importance grew as NASA’s Office of the Inspector General": the name at the end
        name = _NAME_AT_END.search(who)
        if name and name.start() > 0:
            who = name.group(0)
        return who[0].lower() + who[1:] if who.split()[0] in {"The", "A", "An"} else who

    def _plausible_subject(self, who: str) -> bool:
        first = who.split()[0]
        low = first.lower()
        if low in self.lex.determiners or low in self.lex.possessives:
            return len(who.split()) <= 9
        # "”. Además insistió": a capitalised sentence opener is no subject.
        return low in self.cues.pronouns or (first[:1].isupper() and self._named(who))

    def _speaker_in_phrase(self, phrase: str, last: bool = False) -> str | None:
        """The person a phrase names ("another witness, former adviser Fiona Hill"), else the
        phrase up to its first comma ("a Customs and Border Protection spokesperson")."""
        phrase = self.cues.relative_split.split(phrase)[0]
        appos = appositive_name(phrase, self.lex)
        if appos:
            return appos  # "l'avocate de Jean Roy, Anne Lis": the name in apposition
        phrase = self._description_head(phrase)
        # Sentence-opening function words ("Il", "Dass") are capitalised but name no one.
        runs = tuple(r for r in capitalised_runs(phrase) if self._named(r.text))
        people = [
            p if p and personal(p, self.lex) else None
            for p in (person_name(r.text, self.lex) for r in runs)
        ]
        named = [p for p in people if p]
        if named:
            return named[-1] if last else named[0]
        # "…, fuhr Schick fort:": a surname the article gives in full elsewhere
        known = [k for r in runs if self.people.is_person(k := self.people.expand(r.text))]
        if known:
            return known[-1] if last else known[0]
        if runs:
            pick = runs[-1] if last else runs[0]
            # where nouns are capitalised, a lone capitalised word is a noun ("etwas Neues")
            noun = self.lex.capitalised_nouns and len(pick.text.split()) == 1
            if (pick.start <= 2 or last) and not noun:
                return pick.text
        descriptor = phrase.split(",")[0].strip()
        words = descriptor.split()
        if len(words) > 9:
            # "el ministerio de Exteriores de Egipto en una nota esta mañana": the noun
            # phrase, up to the adverbial that follows it
            cut = next((i for i, w in enumerate(words) if i > 1 and w in self.lex.intro), 0)
            descriptor = " ".join(words[:cut])
        if descriptor and len(descriptor.split()) <= 9 and self._describes(descriptor):
            return descriptor
        return None

    def _description_head(self, phrase: str) -> str:
        """A description cut before the adverbial that follows it, when no name comes first:
        "le chef de l'Etat dans l'avion … jusqu'à La Nouvelle-Orléans" is the head of state,
        not the city; "le président vendredi, lors d'une conférence avec le Premier ministre
        X" is not X; "le maire, interrogé par X" is the mayor. Names before the cut stay ("la
        ministre Sophie Roy dans un entretien", "le maire, Paul Roy")."""
        words = phrase.split()
        if len(words) < 3 or not self.lex.description_cut or not self._determined(words[0]):
            return phrase
        for i, word in enumerate(words[1:], start=1):
            if i > 1 and word[:1].isupper():
                return phrase  # a name before any adverbial
            if i > 1 and word.lower() in self.lex.description_cut:
                return " ".join(words[:i]).rstrip(",")
            if word.endswith(",") and i + 1 < len(words) and words[i + 1][:1].islower():
                return " ".join(words[: i + 1]).rstrip(",")  # "le maire, interrogé par X"
        return phrase

    def _determined(self, word: str) -> bool:
        """A determiner, or a word after an elided one ("l'accusation", "l’avocate")."""
        low = word.lower().replace("’", "'")
        if low in self.lex.determiners:
            return True
        head, mark, rest = low.partition("'")
        return bool(mark and rest) and head + "'" in self.lex.determiners

    def _describes(self, phrase: str) -> bool:
        """A description of a speaker opens on a determiner, a possessive, a number or a
        capital ("a Customs spokesperson", "his lawyer"), not on a verb or a preposition."""
        first = phrase.split()[0]
        low = first.lower()
        return (
            self._determined(first)
            or low in self.lex.possessives
            or first[0].isdigit()
            or (first[0].isupper() and low not in self.lex.not_names)
        )

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

    def _last_actor_before(self, span: Span, gender: str = "") -> tuple[int, int, str] | None:
        """(paragraph, offset, name) of the most recent person who spoke or was the subject
        of a sentence before the span, of the given gender when the article tells it."""
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

    def _hands_over(self, text: str) -> bool:
        words = text.rstrip(" ,").split()
        return bool(words) and (
            words[-1].lower() in self.lex.speech_openers or text.rstrip().endswith(":")
        )

    def _sentence_before(self, span: Span) -> str:
        """The sentence that holds the quote's opening mark."""
        found = self.doc.sentence_at(span.paragraph, span.open_at)
        return found.text if found else self.paragraphs[span.paragraph]

    def _paragraph_had_quote(self, index: int) -> bool:
        return index in self._quoted_paragraphs


def _speech(text: str) -> bool:
    """Quoted words that can be someone's speech, not a title ("Clarice", "A Hora da
    Estrela") or a scare quote."""
    content = [w for w in text.split() if len(w) > 3]
    capitals = sum(w[:1].isupper() for w in content)
    return not content or capitals < 0.8 * len(content) or text.rstrip()[-1:] in ".,;!?"


def _last_sentence(text: str, abbreviations: frozenset[str]) -> str:
    """The last sentence of a stretch of text, complete or not (the words before a quote)."""
    # A capital after the text lets its last full stop end a sentence ("if asked. “…”").
    sentences = split_sentences(text + " X", abbreviations) if text.strip() else []
    if not sentences:
        return ""
    last = sentences[-1]
    return last[:-2] if last.endswith(" X") else last


_LABEL = re.compile(r"\s?\([^()]{1,30}\)")


def _mask_labels(text: str) -> str:
    """Short parentheticals blanked, offsets kept: "Rep. Jane Doe (D-Ohio) said" reads as
    "Rep. Jane Doe said"."""
    return _LABEL.sub(lambda m: " " * len(m.group(0)), text)


_GLOSS = re.compile(r"^\s*\([^()]{1,200}\)")


def _mask_gloss(text: str) -> str:
    """A parenthesis right after a quote (its translation or a gloss) blanked, offsets kept:
    "« Errare humanum est » (l'erreur est humaine), lance X" reads as "…, lance X"."""
    return _GLOSS.sub(lambda m: " " * len(m.group(0)), text)
