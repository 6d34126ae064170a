"""Who said a quote: cues after it ("…,” Blinken said", "said Hill") or before it ("Blinken
said: “…”", "he stressed that “…”"), pronouns, descriptors and inheritance, resolved to the
fullest name the article gives."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefings.reading.cues import Cues, cues_for, group_aliases
from briefings.reading.names import PersonIndex, capitalised_runs, person_name, strip_titles
from briefings.reading.sentences import split_sentences

if TYPE_CHECKING:
    from briefings.reading.document import Document
    from briefings.reading.marks import Span


_APPOSED_NAME = re.compile(
    r",\s+(?P<name>[A-Z][^,]{2,60}),"
)  # "The company…, Dick Clark Productions,"
_NAME_AT_END = re.compile(
    r"[A-Z][\w’'&.-]*(?:\s+(?:of|the|for|and|&|[A-Z][\w’'&.-]*))*(?<!\bthe)(?<!\bof)$"
)


class Attributor:
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
        self._quoted_paragraphs: set[int] = set()
        self._subjects = self._subject_persons()
        self._mentions = self._person_mentions()
        self._groups_named = self._group_subjects()
        self._groups = group_aliases(self.cues, self.paragraphs)

    # -- the public step -------------------------------------------------------------------
    def speaker_for(self, span: Span, previous: Span | None) -> str:
        para = self.paragraphs[span.paragraph]
        prev_same = previous if previous and previous.paragraph == span.paragraph else None
        prev_speaker = self._span_speakers[-1][1] if self._span_speakers and prev_same else ""
        raw = self._after_cue(span, para)
        if raw is None:
            raw = self._before_cue(span, para, prev_same, prev_speaker)
        if raw is not None:
            speaker = self._resolve(raw, span)
        elif prev_same is not None and prev_speaker:
            speaker = prev_speaker  # "“A,” he said. “B.”"
        elif span.continues or self._paragraph_had_quote(span.paragraph - 1):
            speaker = self.last_speaker  # a multi-paragraph quote, or a quote-only paragraph
        else:
            speaker = self.last_speaker
        self._remember(speaker)
        self._span_speakers.append((span, speaker))
        self._quoted_paragraphs.add(span.paragraph)
        return speaker

    # -- cues -------------------------------------------------------------------------------
    def _after_cue(self, span: Span, para: str) -> str | None:
        if not span.closed:
            return None
        after = para[span.close_end :]
        nxt = self.cues.next_opener.search(after)
        if nxt:
            after = after[: nxt.start()]
        after = after[:260]
        match = self.cues.after_subject_verb.match(after)
        if match and self._plausible_subject(match.group("who")):
            return match.group("who")
        for pattern in (self.cues.after_appositive, self.cues.after_role_name):
            match = pattern.match(after)
            if match:
                return match.group("who")
        match = self.cues.after_verb_subject.match(after)
        if match:
            return self._speaker_in_phrase(match.group("who"))
        match = self.cues.according.match(after.lstrip(" ,"))
        if match:
            return self._speaker_in_phrase(match.group("who"))
        return None

    def _before_cue(
        self, span: Span, para: str, prev_same: Span | None, prev_speaker: str
    ) -> str | None:
        start = prev_same.close_end if prev_same else 0
        before = para[start : max(start, span.open_at)]
        if not before.strip() and span.paragraph > 0:
            previous = self.paragraphs[span.paragraph - 1].rstrip()
            if previous.endswith(":") and not self._paragraph_had_quote(span.paragraph - 1):
                before = previous  # "Boudreau said:" closing the paragraph before
        sentence = _last_sentence(before, self.lex.abbreviations)
        verbs = list(self.cues.verb_anywhere.finditer(sentence))
        if not verbs:
            according = self.cues.according.search(sentence)
            if according:
                return self._speaker_in_phrase(according.group("who"))
            issued = list(self.cues.issued.finditer(sentence))
            if issued:
                # "NASA's Office of the Inspector General released two reports that depicted “…”"
                return self._issuer_name(issued[-1].group("who"))
            if sentence.rstrip().endswith(":"):
                # "Opposition leader Tom Berg disagreed: “…”": a colon hands over to the quote.
                return self._speaker_in_phrase(sentence.rstrip(" :"), last=False)
            return None
        verb = verbs[-1]
        if len(sentence[verb.end() :].split()) > 12:
            return None
        head = self.cues.trailing_adv.sub("", sentence[: verb.start()].rstrip())
        running_on = verb.group(0).endswith(self.lex.progressive_endings)
        if running_on and prev_speaker:
            return prev_speaker
        last_word = head.split()[-1] if head.split() else ""
        if last_word.strip(",").lower() in self.cues.pronouns:
            return last_word.strip(",")
        if last_word.lower() in self.lex.person_relatives:
            return self._speaker_in_phrase(head[: -len(last_word)].rstrip(" ,"), last=True)
        if last_word[:1].isupper() and not head.endswith(","):
            runs = capitalised_runs(head)
            if runs and runs[-1].end >= len(head) - 1:
                return runs[-1].text
        determiner = self.cues.determiner_tail.search(head)
        if determiner and not head.endswith(","):
            return determiner.group(0)
        if running_on and not head.strip():
            return None
        return self._sentence_subject(self._sentence_before(span)) or (prev_speaker or None)

    # -- resolving a raw speaker phrase ------------------------------------------------------
    def _resolve(self, raw: str, span: Span) -> str:
        raw = raw.strip().strip(",").strip()
        raw = self.cues.leading_conjunction.sub("", raw)
        low = raw.lower()
        pronoun = self.lex.pronouns.get(low)
        if pronoun and pronoun.number == "singular" and pronoun.gender != "neuter":
            return self._last_person_before(span) or self.last_speaker or raw
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
        if self.cues.person_roles.match(raw):
            return self._last_person_before(span) or raw
        signers = self.cues.signed_by.search(raw)
        if signers and self.cues.documents.match(self.cues.document_by.sub("", raw)):
            group = self._group_for("the " + signers.group("noun"), span)
            if group:
                return group  # "the letter signed by seven physicians": the physicians' group
        if self.cues.documents.match(raw) or self.cues.documents.match(
            self.cues.document_by.sub("", raw)
        ):
            return self.last_group or self._issuer_before(span) or raw
        if raw[:1].isupper():
            team = re.search(r"\s+and\s+(?:his|her|their)\s+\w+$", raw)
            if team:
                return self._resolve(raw[: team.start()], span) + team.group(0)
            person = person_name(raw)
            if person:
                return self.people.expand(person)
            bare = re.sub(r"[’']s$", "", raw)  # "Swift’s" -> "Swift"; "NASA’s Office" stays
            words = strip_titles(bare.split()) or bare.split()
            return self.people.expand(" ".join(words))
        return raw

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
        if first.lower() in {"the", "a", "an", "his", "her", "its", "their"}:
            return len(who.split()) <= 9
        return first in {"he", "she", "they", "we", "it", "He", "She", "They", "We", "It", "I"} or (
            first[:1].isupper()
        )

    def _speaker_in_phrase(self, phrase: str, last: bool = False) -> str | None:
        """The person a phrase names ("another witness, former adviser Fiona Hill"), else the
        phrase up to its first comma ("a Customs and Border Protection spokesperson")."""
        phrase = re.split(r",\s*(?:who|which|that)\b", phrase)[0]
        runs = capitalised_runs(phrase)
        people = [person_name(r.text) for r in runs]
        named = [p for p in people if p]
        if named:
            return named[-1] if last else named[0]
        if runs:
            pick = runs[-1] if last else runs[0]
            if pick.start <= 2 or last:
                return pick.text
        descriptor = phrase.split(",")[0].strip()
        if descriptor and len(descriptor.split()) <= 9:
            return descriptor
        return None

    def _sentence_subject(self, sentence: str) -> str | None:
        text = sentence.strip()
        intro = re.match(r"^[^,]{1,40},\s+", text)
        if (
            intro
            and not self.cues.verb_anywhere.search(intro.group(0))
            and len(intro.group(0).split()) <= 5
            and intro.group(0).split()[0].lower() in self.lex.intro
        ):
            text = text[intro.end() :]
        match = self.cues.subject_end.match(text)
        if not match:
            return None
        np = match.group("np").strip()
        if (
            np.split()[0].lower() in self.cues.pronouns
            or np[:1].isupper()
            or np.split()[0] in self.lex.determiners
        ):
            return np
        return None

    def _subject_persons(self) -> list[tuple[int, int, str]]:
        """Each sentence whose subject is a person: (paragraph, offset, full name)."""
        found: list[tuple[int, int, str]] = []
        for sent in self.doc.sentences:
            index, offset, sentence = sent.paragraph, sent.start, sent.text
            subject = self._sentence_subject(sentence)
            if subject:
                name = self._person_in_subject(subject)
                if name:
                    found.append((index, max(offset, 0), name))
            # "Early says there is…": a person right before a reporting verb.
            para = self.paragraphs[index]
            for run in self.doc.paragraphs[index].names:
                if not sent.start <= run.start < sent.end:
                    continue
                tail = para[run.end : min(run.end + 40, sent.end)]
                if self.cues.verb_next.match(tail):
                    name = self.people.expand(person_name(run.text) or run.text)
                    if self.people.is_person(name):
                        found.append((index, run.start, name))
        return found

    def _group_subjects(self) -> list[tuple[int, int, str]]:
        """Sentences whose subject is an organisation or group: "Big Machine have denied…",
        "The company that runs the AMAs, Dick Clark Productions, denies…"."""
        found: list[tuple[int, int, str]] = []
        for sent in self.doc.sentences:
            index, offset, sentence = sent.paragraph, sent.start, sent.text
            subject = self._sentence_subject(sentence)
            first = subject.split()[0].lower() if subject else ""
            if (
                not subject
                or first in self.cues.pronouns
                or first in self.lex.possessives
                or subject[:1] in '“"«„'
            ):
                continue
            if self._person_in_subject(subject):
                continue
            apposition = (
                _APPOSED_NAME.match(sentence, len(subject))
                if sentence.startswith(subject)
                else None
            )
            runs = capitalised_runs(subject)
            if apposition:
                name = apposition.group("name")
            elif runs and runs[0].start <= 4 and runs[0].text.lower() not in self.lex.not_names:
                name = runs[0].text
            else:
                continue
            if re.split(r"[’']", name.split()[0])[0].lower() in self.cues.pronouns:
                continue  # "I've", "We're": a quote's voice, not a group
            found.append((index, offset, name))
        return found

    def _last_group_before(self, span: Span) -> str:
        earlier = [g for g in self._groups_named if (g[0], g[1]) < (span.paragraph, span.start)]
        if earlier and span.paragraph - earlier[-1][0] <= 3:
            return earlier[-1][2]
        return ""

    def _person_mentions(self) -> list[tuple[int, int, str]]:
        """Every place a person is named, for pronouns when no sentence has them as subject."""
        found: list[tuple[int, int, str]] = []
        for run in self.doc.names:
            name = self.people.expand(person_name(run.text) or run.text)
            if self.people.is_person(name):
                found.append((run.paragraph, run.start, name))
        return found

    def _person_in_subject(self, subject: str) -> str:
        """The person a sentence subject names: "Wild defenseman Ryan Suter" -> Ryan Suter."""
        runs = [r for r in capitalised_runs(subject) if r.start <= 40]
        for run in runs:
            name = person_name(subject[: run.end]) or person_name(run.text) or run.text
            name = self.people.expand(name)
            if self.people.is_person(name):
                return name
        return ""

    def _last_person_before(self, span: Span) -> str:
        """The most recent person who spoke or was the subject of a sentence."""
        candidates = [
            (p, o, name) for p, o, name in self._subjects if (p, o) < (span.paragraph, span.start)
        ]
        spoken = [
            (s.paragraph, s.start, who)
            for s, who in self._span_speakers
            if self.people.is_person(who)
        ]
        best = max([*candidates, *spoken], default=None)
        if best:
            return best[2]
        mentioned = [m for m in self._mentions if (m[0], m[1]) < (span.paragraph, span.start)]
        return mentioned[-1][2] if mentioned else self.last_person

    def _remember(self, speaker: str) -> None:
        if not speaker:
            return
        self.last_speaker = speaker
        if self.people.is_person(speaker):
            self.last_person = speaker
        elif speaker.lower() not in self.cues.pronouns:
            self.last_group = speaker

    def _sentence_before(self, span: Span) -> str:
        """The sentence that holds the quote's opening mark."""
        found = self.doc.sentence_at(span.paragraph, span.open_at)
        return found.text if found else self.paragraphs[span.paragraph]

    def _paragraph_had_quote(self, index: int) -> bool:
        return index in self._quoted_paragraphs


def _last_sentence(text: str, abbreviations: frozenset[str]) -> str:
    """The last sentence of a stretch of text, complete or not (the words before a quote)."""
    sentences = split_sentences(text + " x", abbreviations) if text.strip() else []
    if not sentences:
        return ""
    last = sentences[-1]
    return last[:-2] if last.endswith(" x") else last
