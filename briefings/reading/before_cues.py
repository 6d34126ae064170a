"""Cues before a quote: "Blinken said: “…”", "he stressed that “…”", "Según Pedro Gil, «…»",
"Pour le parquet, «…»", "NASA's Office released reports that depicted “…”"; the words
before a quote read as the last sentence before its opening mark."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefings.reading.attribution_state import AttributionState
from briefings.reading.names import capitalised_runs
from briefings.reading.sentences import split_sentences
from briefings.reading.speaker_phrases import issuer_name

if TYPE_CHECKING:
    from briefings.reading.marks import Span


_CLAUSE_WORDS = 6  # words between a person and the verb of their clause: "was prompted to"


class BeforeCues(AttributionState):
    """The speaker a cue before a quote names (a base of the Attributor)."""

    def _before_cue(
        self, span: Span, para: str, prev_same: Span | None, prev_speaker: str
    ) -> str | None:
        start = prev_same.close_end if prev_same and not self._scare(prev_same, span) else 0
        before = mask_labels(para[start : max(start, span.open_at)])
        if not before.strip() and span.paragraph > 0:
            previous = self.paragraphs[span.paragraph - 1].rstrip()
            if previous.endswith(":") and not self._paragraph_had_quote(span.paragraph - 1):
                before = previous  # "Boudreau said:" closing the paragraph before
        # 'Im "Kurier" hieß es dazu:': a quoted title in the cue is a name, not a quote
        before = _QUOTED_TITLE.sub(_unquote_title, before)
        sentence = last_sentence(before, self.lex.abbreviations)
        joined = self.cues.inverted_pronoun_before
        inverted = joined.search(sentence) if joined else None
        if inverted:
            return inverted.group("who")  # "…, mais disait-il : « … »"
        verbs = [
            v for v in self.cues.verb_anywhere.finditer(sentence) if not self._noun_use(sentence, v)
        ]
        if not verbs:
            according = self.cues.according.search(sentence)
            if according:
                found = self._speaker_in_phrase(self._before_verb(according.group("who")))
                if found and self._possessed(found) and self.last_speaker:
                    return self.last_speaker  # "Según su análisis": the one who spoke
                return found
            after = self.cues.according_after
            postposed = after.search(sentence) if after else None
            if postposed:
                found = self._speaker_in_phrase(postposed.group("who"))
                if found:
                    return found  # "Weber zufolge ist die Lage „…“"
            opening = self.cues.according_opening
            named = opening.match(sentence) if opening else None
            if named and named.group("who") and self._speaker_in_phrase(named.group("who")):
                return named.group("who")  # "Para Ingrid Roe la solución está en «…»"
            if named and named.group("body") and self._body_noun(named.group("noun")):
                return named.group("body")  # "Pour le parquet antiterroriste, «…»"
            issued = list(self.cues.issued.finditer(sentence))
            if issued:
                # "NASA's Office of the Inspector General released two reports that depicted “…”"
                return issuer_name(issued[-1].group("who"), self.lex)
            if sentence.rstrip().endswith(":"):
                # "Opposition leader Tom Berg disagreed: “…”": a colon hands over to the quote;
                # "Partial transcript as follows:" names nobody.
                words = [w.lower().strip(",.") for w in sentence.rstrip(" :").split()]
                if all(w in self.lex.not_speakers or w in self.lex.not_names for w in words):
                    return None
                label = sentence.strip(" :")
                if len(words) == 1 and not self._known_person(label):
                    return None  # "Motif : « … »", "Bilan : « … »": a label, not a speaker
                pronoun = self._inverted_pronoun(sentence.rstrip(" :").split())
                if pronoun:
                    return pronoun  # "Um 0.16 Uhr schickt sie Roe eine Nachricht: „…“"
                if self._addressed(sentence.rstrip(" :")):
                    return None  # "Und direkt an Olaf Scholz gerichtet: „…“": the one told
                return self._speaker_in_phrase(sentence.rstrip(" :"), last=False)
            return None
        verb = verbs[-1]
        named_after = self.lex.inverted_any_verb and self._name_after_verb(sentence[verb.end() :])
        if named_after:
            return named_after  # "come spiega Enrico Corsini, il presidente: «…»"
        rest = sentence[verb.end() :].rstrip()
        if rest[-1:] in {":", ","} and verb.group(0).lower() in self.lex.inverting:
            # "In other words, explained CBS moderator Jo Roe: “…”": the verb's inverted subject
            words = rest.rstrip(" :,").split()
            short = 0 < len(words) <= 5 and words[0][:1].isupper()  # not "said of Roe:"
            found = self._speaker_in_phrase(" ".join(words)) if short else None
            if found and found[:1].isupper() and not any(w in self.lex.embedding for w in words):
                return found
        if len(sentence[verb.end() :].split()) > 12:
            # "Mr. Bush tells voters who wonder why … that he “…”": the quote is what the
            # sentence's subject says when the words before it hand over to it.
            words = sentence.rstrip(" ,").split()
            if len(words) > 1 and words[-1].lower() in self.cues.pronouns:
                return words[-1] if self._hands_over(" ".join(words[:-1])) else None
            if self._hands_over(sentence):
                # "…, where Sen. Jo Roe told reporters that he had … and that “…”": the
                # verb's own subject, else the sentence's
                return self._subject_before(sentence[: verb.start()]) or self._sentence_subject(
                    sentence
                )
            return None
        running_on = verb.group(0).endswith(self.lex.progressive_endings)
        if running_on and prev_speaker:
            return prev_speaker
        inverted_subject = self._inverted_after_comma(sentence, verbs)
        if inverted_subject:
            return inverted_subject  # "X is Y, says a report highlighting the “…”"
        # The subject of the last reporting verb, else of an earlier one: "Frazier said the
        # amendment was a gesture intended to highlight “…”" is Frazier's.
        if not sentence[: verbs[0].start()].strip() and not running_on:
            # "Said Dorothy Poynter, who grew up with Ali, “…”": the verb opens the sentence.
            found = self._speaker_in_phrase(sentence[verbs[0].end() :])
            if found:
                return found
        for candidate in reversed(verbs):
            if candidate.group(0).endswith(self.lex.progressive_endings):
                # "with Roe reportedly yelling: “…”": a person right before the participle is
                # its subject; "people on their way into the polls saying “…”" names no one
                found = self._person_right_before(sentence[: candidate.start()])
                if found:
                    return found
                continue
            if candidate.group(0).lower() in self.lex.quoting:
                quoted = sentence[candidate.end() :].split()[:1]
                if quoted and quoted[0].lower() in self.lex.pronouns:
                    return quoted[0]  # "Die Zeitung zitiert ihn mit den Worten: „…“"
                found = self._speaker_in_phrase(sentence[candidate.end() :].rstrip(" :"))
                if found:
                    return found  # "Der „Spiegel“ zitiert Weber mit den Worten: „…“"
            head = sentence[: candidate.start()]
            if self.lex.inverted_any_verb and self._closes_quote(head):
                # "„A“, sagte der 31-Jährige und wies auf X hin: „B“": the verb reports the
                # quote it follows, and its subject comes after it
                found = self._speaker_in_phrase(sentence[candidate.end() :])
                if found:
                    return found
            found = self._subject_before(head)
            if found:
                return found
        if prev_same and prev_speaker and self._one_sentence(prev_same, span):
            return prev_speaker  # "«A», a lo que se añaden «B»": no new subject in between
        # (a name between the verb and the quote is what was spoken of: "dijo que la
        # renuncia del ministro X «…»" is not X's)
        verb_at = start + max(before.rfind(sentence), 0) + verb.start()
        if self.lex.pro_drop and self._subjectless(sentence[: verb.start()].split()):
            # "Además insistió en que “…”": the subject is the person spoken of
            return self._spoken_of(span, until=verb_at)
        if running_on and not sentence[: verb.start()].strip():
            return None
        found = self._person_in_clause(sentence[: verb.start()])
        if found:
            return found  # "Mr. Roe was prompted to say, “…”": the person the clause is about
        issued = list(self.cues.issued.finditer(sentence))
        if issued:  # "the Office released reports that described “…”"
            return issuer_name(issued[-1].group("who"), self.lex)
        if self.lex.pro_drop:
            # no subject right before the verb: the sentence's, when a person, else it was
            # left out ("Rendido, tentou …, diz")
            subject = self._sentence_subject(self._sentence_before(span))
            if subject and self.people.is_person(self.people.expand(subject)):
                return subject
            return self._spoken_of(span, until=verb_at)
        return self._sentence_subject(self._sentence_before(span)) or (prev_speaker or None)

    def _inverted_after_comma(self, sentence: str, verbs: list[re.Match[str]]) -> str | None:
        """The subject after a verb inverted behind a comma, up to the participle or relative
        that carries on to the quote: "…, says a report highlighting the “…”" is the
        report's."""
        verb = next((v for v in reversed(verbs) if v.group(0).lower() in self.lex.inverting), None)
        if verb is None:
            return None
        if not sentence[: verb.start()].rstrip().endswith(","):
            return None
        words: list[str] = []
        for word in sentence[verb.end() :].split():
            low = word.lower()
            if low.endswith(self.lex.progressive_endings) or low in self.lex.relatives:
                break
            if low in self.lex.auxiliaries:
                return None  # "…, said the campaign would “…”": a clause, its own subject
            words.append(word)
        else:
            return None  # "Jo Roe, an aide, said Doe “…”": no participle carries on to it
        opens = bool(words) and (
            words[0][:1].isupper() or words[0].lower() in self.lex.descriptor_openers
        )
        if not opens or len(words) > 6:
            return None
        return self._speaker_in_phrase(" ".join(words))

    def _person_right_before(self, text: str) -> str:
        """A known person whose name ends the text, adverbs aside ("with Jo Roe reportedly")."""
        head = self.cues.trailing_adv.sub("", text.rstrip())
        runs = capitalised_runs(head)
        if not runs or runs[-1].end < len(head):
            return ""  # "Roe thanked Doe, saying": after a comma, the sentence's subject
        words = re.split(r"[,;:()—–]", head[: runs[-1].start])[-1].split()
        if len(words) > 1 and words[-1].lower() in self.lex.embedding:
            return ""  # "Roe replied on Facebook writing": an object; "…, with Roe yelling" opens
        return self._known_person(runs[-1].text)

    def _person_in_clause(self, text: str) -> str:
        """The known person named last in the clause a verb closes, a few words before it and
        not after a preposition ("Mr. Roe was prompted to", not "the aides of Mr. Roe were")."""
        clause = re.split(r"[,;:()—–]", text)[-1]
        for run in reversed(capitalised_runs(clause)):
            before = clause[: run.start].split()[-1:]
            after = clause[run.end :].split()
            if len(after) > _CLAUSE_WORDS:
                return ""
            if before and before[0].lower() in self.lex.embedding:
                continue
            if not after or after[0].lower() not in self.lex.auxiliaries:
                continue  # "Roe was prompted to say"; not "backed Doe over Roe and said"
            found = self._known_person(run.text)
            if found:
                return found
        return ""

    def _before_verb(self, who: str) -> str:
        """An "according to" phrase up to the verb that follows it where the verb comes
        second ("Nach Angaben der Feuerwehr war …" -> "der Feuerwehr")."""
        if not self.lex.subject_after_verb:
            return who
        words = who.split()
        cut = next((i for i, w in enumerate(words) if i and w.lower() in self._clause_words), 0)
        return " ".join(words[:cut]) if cut else who

    def _addressed(self, phrase: str) -> bool:
        """Where nouns are capitalised, a colon introduction with no reporting verb whose
        only name follows a preposition names whom the words were for, not who said them."""
        if not self.lex.capitalised_nouns:
            return False
        runs = [r for r in capitalised_runs(phrase) if r.start > 0]
        if not runs or len({r.text for r in runs}) > 1:
            return False
        before = phrase[: runs[0].start].split()[-1:]
        return bool(before) and before[0].lower() in self.lex.embedding

    def _closes_quote(self, text: str) -> bool:
        """The text ends on a closing quote mark and a comma ("„A“, sagte")."""
        closers = self.lex.compiled(
            "closing_marks", lambda lex: {c for cs in lex.quote_pairs.values() for c in cs}
        )
        tail = text.rstrip()
        return tail.endswith(",") and tail[:-1].rstrip()[-1:] in closers

    def _scare(self, previous: Span, span: Span) -> bool:
        """A few quoted words earlier in the quote's own sentence, no speech of their own
        ("fragte X die selbsterklärte „Oma Courage“ der Liberalen: „…“"): the sentence runs on."""
        text = previous.text(self.paragraphs).strip()
        between = self.paragraphs[span.paragraph][previous.close_end : span.open_at]
        return (
            len(text.split()) <= 3 and text[-1:] not in ".,;!?" and not re.search(r"[.!?]", between)
        )

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

    def _hands_over(self, text: str) -> bool:
        words = text.rstrip(" ,").split()
        return bool(words) and (
            words[-1].lower() in self.lex.speech_openers or text.rstrip().endswith(":")
        )

    def _sentence_before(self, span: Span) -> str:
        """The sentence that holds the quote's opening mark."""
        found = self.doc.sentence_at(span.paragraph, span.open_at)
        return found.text if found else self.paragraphs[span.paragraph]

    if TYPE_CHECKING:  # provided by the Attributor and its other bases

        def _inverted_pronoun(self, words: list[str]) -> str: ...

        def _known_person(self, run: str) -> str: ...

        @property
        def _clause_words(self) -> frozenset[str]: ...

        def _name_after_verb(self, text: str) -> str | None: ...

        def _noun_use(self, sentence: str, verb: re.Match[str]) -> bool: ...

        def _paragraph_had_quote(self, index: int) -> bool: ...

        def _sentence_subject(self, sentence: str) -> str | None: ...

        def _speaker_in_phrase(self, phrase: str, last: bool = False) -> str | None: ...

        def _spoken_of(self, span: Span, until: int | None = None) -> str | None: ...

        def _subject_before(self, text: str, antecedent: bool = False) -> str | None: ...


def last_sentence(text: str, abbreviations: frozenset[str]) -> str:
    """The last sentence of a stretch of text, complete or not (the words before a quote)."""
    # A capital after the text lets its last full stop end a sentence ("if asked. “…”").
    sentences = split_sentences(text + " X", abbreviations) if text.strip() else []
    if not sentences:
        return ""
    last = sentences[-1]
    return last[:-2] if last.endswith(" X") else last


_LABEL = re.compile(r"\s?\([^()]{1,30}\)")


def mask_labels(text: str) -> str:
    """Short parentheticals blanked, offsets kept: "Rep. Jane Doe (D-Ohio) said" reads as
    "Rep. Jane Doe said"."""
    return _LABEL.sub(lambda m: " " * len(m.group(0)), text)


_QUOTED_TITLE = re.compile(r"[„“\"«»‚‘]([^\W\d_][^„“\"«»”,.!?:;]{0,30}?)[“”\"«»‘’]")


def _unquote_title(match: re.Match[str]) -> str:
    """A quoted name of one to three capitalised words, its marks blanked (offsets kept)."""
    words = match.group(1).split()
    if len(words) <= 3 and all(w[:1].isupper() for w in words):
        return " " + match.group(1) + " "
    return match.group(0)
