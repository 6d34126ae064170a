"""Who each sentence is about: the subject of a sentence ("Hillary Clinton greeted…" ->
Hillary Clinton), the sentences whose subject is a person or a group, and every place a person
is named. The attributor reads these article-wide tables to resolve pronouns, role words and
groups."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from briefings.reading.names import PersonIndex, capitalised_runs, person_name

if TYPE_CHECKING:
    from briefings.reading.cues import Cues
    from briefings.reading.document import Document
    from briefings.reading.lexicon import Lexicon

_APPOSED_NAME = re.compile(
    r",\s+(?P<name>[A-Z][^,]{2,60}),"
)  # "The company…, Dick Clark Productions,"


class SubjectReader:
    """Sentence subjects and person mentions of one article (a base of the Attributor)."""

    doc: Document
    paragraphs: list[str]
    cues: Cues
    lex: Lexicon
    people: PersonIndex
    _starts: dict[int, list[int]]
    _known: dict[str, str]

    def _named(self, run: str) -> bool:
        """A capitalised run that can name someone: not a lone sentence-opening word ("Or")."""
        return any(w.lower().rstrip(".,") not in self.lex.not_names for w in run.split())

    def _sentence_subject(self, sentence: str) -> str | None:
        text = sentence.strip()
        # A leading adverbial phrase ("In an interview with the Times on Monday, Trump said")
        # is no subject: its first word says so, however long it runs.
        intro = re.match(r"^[^,]{1,120},\s+", text)
        if (
            intro
            and len(intro.group(0).split()) <= 18
            and intro.group(0).split()[0].lower() in self.lex.intro
            and not self.cues.verb_anywhere.search(intro.group(0))
        ):
            text = text[intro.end() :]
        match = self.cues.subject_end.match(text)
        if not match:
            return None
        np = match.group("np").strip()
        if not self._named(np) and np.split()[0].lower() not in self.cues.pronouns:
            return None  # "Or", "In", "That": no subject to name
        first = np.split()[0]
        if first.lower() in self.cues.pronouns:
            return first  # "He went on to say": the pronoun, not the clause
        if np[:1].isupper():
            # "Hillary Clinton greeted 2,000 people": the name, not what follows it.
            runs = capitalised_runs(np)
            if runs and runs[0].start == 0:
                rest = np[runs[0].end :].split()
                if rest and rest[0][:1].islower() and rest[0] not in self.lex.inner_words:
                    return runs[0].text
            return np
        if first in self.lex.determiners:
            return np
        return None

    def _subject_persons(self) -> list[tuple[int, int, str]]:
        """Each sentence whose subject is a person: (paragraph, offset, full name)."""
        found: list[tuple[int, int, str]] = []
        for sent in self.doc.sentences:
            index, offset, sentence = sent.paragraph, sent.start, sent.text
            before = len(found)
            subject = self._sentence_subject(sentence)
            if subject:
                name = self._person_in_subject(subject)
                if name:
                    found.append((index, max(offset, 0), name))
            # "Early says there is…": a person right before a reporting verb.
            para = self.paragraphs[index]
            names = self.doc.paragraphs[index].names
            starts = self._name_starts(index)
            runs = names[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
            for run in runs:
                tail = para[run.end : min(run.end + 40, sent.end)]
                if self.cues.verb_next.match(tail):
                    name = self.people.expand(person_name(run.text, self.lex) or run.text)
                    if self.people.is_person(name):
                        found.append((index, run.start, name))
            if len(found) == before and self.lex.subject_after_verb:
                # "Erfreut zeigte sich auch Ministerin Beate Roth.": where the subject may
                # follow its verb, the first person the sentence names is what it is about.
                # (not one after a preposition: "la jetée de Grand Picquey" is a place)
                first = next(
                    (
                        n
                        for r in runs
                        if (n := self._known_person(r.text))
                        and not self._after_preposition(para, r.start)
                        and not self._quoted(index, r.start)
                    ),
                    "",
                )
                if first:
                    found.append((index, max(offset, 0), first))
        return found

    def _quoted(self, paragraph: int, offset: int) -> bool:
        """Whether a place is inside a quote (who a quote names is not who the text is about)."""
        return any(
            q.paragraph == paragraph and q.open_at <= offset < q.close_end for q in self.doc.quotes
        )

    def _after_preposition(self, para: str, start: int) -> bool:
        before = para[max(0, start - 30) : start].split()
        return bool(before) and before[-1].lower() in self.lex.embedding

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

    def _name_starts(self, paragraph: int) -> list[int]:
        if paragraph not in self._starts:
            self._starts[paragraph] = [m.start for m in self.doc.paragraphs[paragraph].names]
        return self._starts[paragraph]

    def _known_person(self, run: str) -> str:
        """The known person a capitalised run names, or "" (memoised: runs repeat)."""
        if run not in self._known:
            name = self.people.expand(person_name(run, self.lex) or run)
            self._known[run] = name if self.people.is_person(name) else ""
        return self._known[run]

    def _person_mentions(self) -> list[tuple[int, int, str]]:
        """Every place a person is named, for pronouns when no sentence has them as subject."""
        found: list[tuple[int, int, str]] = []
        for run in self.doc.names:
            name = self._known_person(run.text)
            if name:
                found.append((run.paragraph, run.start, name))
        return found

    def _person_in_subject(self, subject: str) -> str:
        """The person a sentence subject names: "Wild defenseman Ryan Suter" -> Ryan Suter."""
        runs = [r for r in capitalised_runs(subject) if r.start <= 40]
        for run in runs:
            name = (
                person_name(subject[: run.end], self.lex)
                or person_name(run.text, self.lex)
                or run.text
            )
            name = self.people.expand(name)
            if self.people.is_person(name):
                return name
        return ""
