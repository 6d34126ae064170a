"""Who each sentence is about: the subject of a sentence ("Hillary Clinton greeted…" ->
Hillary Clinton), the sentences whose subject is a person or a group, and every place a person
is named. The attributor reads these article-wide tables to resolve pronouns, role words and
groups."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise
from typing import TYPE_CHECKING

from briefings.reading.attribution_state import AttributionState
from briefings.reading.names import Name, body_before, capitalised_runs, person_name
from briefings.reading.roles import Holder, holder_of, role_holders

if TYPE_CHECKING:
    from briefings.reading.lexicon import Lexicon

# What may follow a name inverted after its verb ("…, said Jo Roe." / ", said Jo Roe, a
# senator"), unlike the subject of reported speech ("he said Roe has…").
_CLAUSE_END = frozenset({"", ",", ".", ";", ":", "(", "—", "–"})
_PLACE_TAIL = re.compile(r"^([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,2}),\s+(?=[A-Z])")
_CLOSING_NAME = re.compile(r"^[A-Z][^,]{1,60},\s+")
_LABEL = re.compile(r"^\s*\([^()]{1,30}\)")  # a party label after a name: "(D-N.Y.)"
_APPOSED_NAME = re.compile(
    r",\s+(?P<name>[A-Z][^,]{2,60}),"
)  # "The company…, Dick Clark Productions,"


class SubjectReader(AttributionState):
    """Sentence subjects and person mentions of one article (a base of the Attributor)."""

    _starts: dict[int, list[int]]
    _known: dict[str, str]
    _subject_memo: dict[str, str | None]

    def _named(self, run: str) -> bool:
        """A capitalised run that can name someone: not a lone sentence-opening word ("Or")."""
        return any(w.lower().rstrip(".,") not in self.lex.not_names for w in run.split())

    def _sentence_subject(self, sentence: str) -> str | None:
        """The subject of a sentence (memoised: the subject tables read every sentence and
        the cues ask again for the ones around quotes; the people it reads from are fixed
        once the Attributor is built)."""
        if sentence not in self._subject_memo:
            self._subject_memo[sentence] = self._find_sentence_subject(sentence)
        return self._subject_memo[sentence]

    def _find_sentence_subject(self, sentence: str) -> str | None:
        text = sentence.strip()
        # A leading adverbial phrase ("In an interview with the Times on Monday, Trump said")
        # is no subject: its first word says so, however long it runs.
        intro = re.match(r"^[^,]{1,120},\s+", text)
        if (
            intro
            and len(intro.group(0).split()) <= 18
            and self._introduces(intro.group(0).split())
            and not self.cues.verb_anywhere.search(intro.group(0))
        ):
            text = text[intro.end() :]
            # "Speaking in Salem, New Hampshire, Trump went": the place runs on in the phrase
            place = _PLACE_TAIL.match(text)
            if place and not self._known_person(place.group(1)):
                text = text[place.end() :]
            # "En présence du directeur, Paul Roy, le ministre a salué": a name closing the
            # phrase, then a description running to its verb without a comma, is its subject
            closing = _CLOSING_NAME.match(text)
            after_name = text[closing.end() :] if closing else ""
            head = self.cues.subject_end.match(after_name)
            if (
                head
                and after_name.split()[0] in self.lex.determiners
                and after_name[head.end("np") : head.end("np") + 1] != ","
            ):
                text = after_name
        match = self.cues.subject_end.match(text)
        if not match and not text[:1].isupper():
            return None
        np = match.group("np").strip() if match else text[:90]
        if not self._named(np) and np.split()[0].lower() not in self.cues.pronouns:
            return None  # "Or", "In", "That": no subject to name
        first = np.split()[0]
        if first.lower() in self.cues.pronouns:
            return first  # "He went on to say": the pronoun, not the clause
        second = np.split()[1] if len(np.split()) > 1 else ""
        if first.lower() in self.lex.determiners and not second[:1].isupper():
            return np if match and self._description(np) else None
        if np[:1].isupper():
            # "Hillary Clinton greeted 2,000 people": the name, not what follows it.
            runs = capitalised_runs(np)
            if runs and runs[0].start == 0:
                # "The Blaze’s Matt Walsh provided…": the adjacent runs, up to the first
                # lower-case word that is no part of a name
                # ("Attorneys for Clinton appeared", "Ann Roe and her aides tried"), a label
                # skipped ("Jo Roe (D-N.Y.) reacted")
                end = runs[0].end
                for run in runs[1:]:
                    if np[end : run.start].strip().lower() not in self._name_joiners:
                        break
                    end = run.end
                rest = _LABEL.sub("", np[end:]).split()
                lone = np[:end].lower() in self.lex.not_names and " " not in np[:end]
                if lone and rest and match and self._description(np):
                    return np  # "Another source familiar with the talks said": a description
                if rest and rest[0][:1].islower():
                    return self._role_then_person(np, runs, end) or np[:end].rstrip(".")
            return np if match else None
        return None

    def _role_then_person(self, np: str, runs: tuple[Name, ...], end: int) -> str:
        """ "Wild defenseman Ryan Suter": a leading run that is no person (a team, a place),
        one or two lower-case role words, then a person the article names: the subject is
        all of it (its person is the speaker)."""
        later = [r for r in runs if r.start > end]
        if not later:
            return ""
        gap = np[end : later[0].start].split()
        # "Clinton campaign manager Robby Mook": a person named attributively before a role
        # word, then the person who holds it; else a leading person is the subject
        role = bool(gap) and (gap[-1] in self.lex.person_roles or self.lex.is_title(gap[-1]))
        if self._known_person(np[:end]) and not role:
            return ""
        if not 0 < len(gap) <= 2 or not all(w.islower() and w.isalpha() for w in gap):
            return ""
        if any(w in self.lex.determiners or w in self.lex.embedding for w in gap):
            return ""
        if self.cues.verb_anywhere.search(" ".join(gap)):
            return ""
        return np[: later[0].end] if self._known_person(later[0].text) else ""

    @property
    def _name_joiners(self) -> frozenset[str]:
        return frozenset(("", *self.lex.inner_words))

    def _description(self, phrase: str) -> bool:
        """A short description ("the head of the party"), not a clause ("the actor held a
        fake audition and"): no verb of the language's lists, no determiner but after a
        preposition."""
        words = [w.lower().strip(",") for w in phrase.split()]
        if len(words) > 9:
            return False
        verbs = {*self.lex.subject_verbs, *self.lex.speech_openers}
        for before, word in pairwise(words):
            if word in self.lex.relatives:
                return True  # "the company that runs the awards": a head and its relative
            if word in verbs or (word in self.lex.determiners and before not in self.lex.embedding):
                return False
        return True

    def _introduces(self, words: list[str]) -> bool:
        """Words before a comma that open a sentence without being its subject: an
        adverbial ("In an interview with the Times,") or a participle ("Speaking in Harlem,"),
        not a name ("Manning, who…")."""
        first = words[0].lower().rstrip(",")  # "However," opens on "however"
        if first in self.lex.intro:
            return True
        # "Regarding Trump's rhetoric, …" too, when the phrase runs on (not "Manning Roe,")
        if len(words) < 2 or not first.endswith(self.lex.intro_endings):
            return False
        given = first in self.lex.masculine_given or first in self.lex.feminine_given
        running_on = len(words) > 3 and first.endswith(self.lex.progressive_endings)
        return words[1][:1].islower() or (running_on and not given)

    def _subject_persons(self) -> list[tuple[int, int, str]]:
        """Each sentence whose subject is a person: (paragraph, offset, full name)."""
        found: list[tuple[int, int, str]] = []
        holders: list[Holder] | None = None  # who holds which role, read when a role is a subject
        for sent in self.doc.sentences:
            index, offset, sentence = sent.paragraph, sent.start, sent.text
            if self._byline(index):
                continue
            before = len(found)
            subject = self._sentence_subject(sentence)
            # "Le colistier de Donald Trump, JD Vance, a tenu…": the name in apposition to
            # a description is its subject, not a person named inside the description
            name = self._apposed_person(sentence)
            name = name or (self._person_in_subject(subject) if subject else "")
            if not name and subject and self._role_subject(subject):
                # "Die Altkanzlerin forderte Merz auf": the role's holder, not the object
                if holders is None:
                    holders = role_holders(self.doc, self._known_person)
                name = holder_of(subject, index, max(offset, 0), holders, self.lex)
            head = self._role_head(subject) if subject and not name else ""
            if head:
                # "Le ministre a salué …": the person the article gave that role
                if holders is None:
                    holders = role_holders(self.doc, self._known_person)
                name = holder_of(head, index, offset, holders, self.lex)
                # only someone already a sentence's subject: a role word near a name in
                # passing ("l'écrivain a publié, chez Companhia das Letras, …") ties no one
                name = name if any(f[2] == name for f in found) else ""
            if name:
                found.append((index, max(offset, 0), name))
            # "Early says there is…": a person right before a reporting verb.
            para = self.paragraphs[index]
            names = self.doc.paragraphs[index].names
            starts = self._name_starts(index)
            runs = names[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
            for run in runs:
                if run.text.endswith(("’s", "'s")):
                    continue  # "Jo Roe’s continued appeal": a possessor, not the verb's subject
                tail = para[run.end : min(run.end + 40, sent.end)]
                # "Early says", "Roe, a senator from Ohio, said", "…, said Jo Roe"
                # an apposed name closes with a comma: "The head of X, Jo Roe, said"
                apposed = para[max(0, run.start - 2) : run.start] == ", " or bool(
                    self._described_apposition.search(
                        para[max(sent.start, run.start - 60) : run.start]
                    )
                )
                verb = self.cues.verb_next.match(tail.removeprefix(",") if apposed else tail)
                if (
                    (verb and not verb.group(0).endswith(self.lex.progressive_endings))
                    or (
                        self.cues.verb_before.search(
                            para[max(sent.start, run.start - 40) : run.start]
                        )
                        and para[run.start + len(run.text) :][:3].lstrip()[:1] in _CLAUSE_END
                    )
                    or (
                        tail.startswith(",")
                        and self.cues.verb_after_apposition.match(
                            para[run.end : min(run.end + 200, sent.end)]
                        )
                    )
                ):
                    name = self.people.expand(person_name(run.text, self.lex) or run.text)
                    if self.people.is_person(name):
                        found.append((index, run.start, name))
            pronoun = subject is not None and subject.lower() in self.cues.pronouns
            # "Um 0.16 Uhr schickt sie Roe eine Nachricht": the subject is the pronoun
            pronoun = pronoun or bool(self._inverted_pronoun(sentence.split()))
            if len(found) == before and self.lex.subject_after_verb and not pronoun:
                # "Erfreut zeigte sich auch Ministerin Beate Roth.": where the subject may
                # follow its verb, the first person the sentence names is what it is about.
                # (not one after a preposition: "la jetée de Grand Picquey" is a place; not
                # when a pronoun is the subject: "Sie ist Kandidatin der Partei X" is hers)
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

    def _role_head(self, subject: str) -> str:
        """The role noun heading a subject that is a role ("le ministre de l'Agriculture" ->
        "ministre", "le premier adjoint au maire" -> "adjoint"), or ""."""
        if not self.cues.person_roles.match(subject):
            return ""
        head = ""
        for word in re.sub(r"^\w{1,2}['’]", "", subject).lower().split()[1:4]:
            if word not in self.lex.person_roles:
                break
            head = word
        return head

    def _inverted_pronoun(self, words: list[str]) -> str:
        """Where subjects follow verbs, a subject pronoun right after the sentence's first
        lower-case word (its verb) before any name: the sentence's subject."""
        if not self.lex.subject_after_verb:
            return ""
        for before, word in pairwise(words):
            if self._known_person(word.strip(",")):
                return ""  # a person comes first: they may be the subject
            if before.islower() and before.isalpha() and before not in self.lex.not_names:
                return word if word in self.cues.pronouns else ""
        return ""

    def _apposed_person(self, sentence: str) -> str:
        """ "Another pollster, Jo Roe of Clemson University, said": the known person a short
        description opening the sentence names in apposition."""
        head = sentence.split(",", 1)[0]
        start = 0
        if head.split() and head.split()[0].lower() in self.lex.intro and "," in sentence:
            # "Através de um comunicado, o presidente da autarquia, Filipe Sousa, reage": the
            # description after the opening phrase ("En présence du directeur, Paul Roy, le
            # ministre a…": a name right after the phrase is the phrase's, no apposition)
            start = len(head) + 1
            head = sentence[start:].split(",", 1)[0]
            start += len(head) - len(head.lstrip())
            head = head.strip()
        if not 1 < len(head.split()) <= 7 or head.split()[0].lower() not in self.lex.not_names:
            return ""
        if head.split()[0].lower() in self.lex.intro:
            return ""
        apposition = _APPOSED_NAME.match(sentence, start + len(head))
        return self._person_in_subject(apposition.group("name")) if apposition else ""

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
                opener = name.split()[0].lower()
                if opener in self.lex.not_names and opener not in self.lex.determiners:
                    continue  # "In Hamburg brannte ein Haus": a place, no acting body
            elif runs and body_before(subject[: runs[-1].start], self.lex):
                name = runs[-1].text  # "La plateforme de location Airbnb a dégagé…"
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

    @property
    def _described_apposition(self) -> re.Pattern[str]:
        """An apposition opening on a described role before its name: "El primer ministro, el
        liberal de centroderecha Donald Tusk, anunció" (not "X, glaciólogo de la Universidad")."""

        def build(lex: Lexicon) -> re.Pattern[str]:
            dets = lex.alternation(lex.descriptor_openers)
            return re.compile(rf",\s+{dets}\s+(?:[^\W\d_A-ZÀ-Ý][\w’'-]*\s+){{1,4}}$")

        pattern: re.Pattern[str] = self.lex.compiled("described_apposition", build)
        return pattern

    def _person_mentions(self) -> list[tuple[int, int, str]]:
        """Every place a person is named, for pronouns when no sentence has them as subject."""
        found: list[tuple[int, int, str]] = []
        for run in self.doc.names:
            name = self._known_person(run.text)
            if name and not self._byline(run.paragraph):
                found.append((run.paragraph, run.start, name))
        return found

    def _role_subject(self, subject: str) -> bool:
        """Where nouns are capitalised (so no name run catches it), a subject that is an
        article and a role noun: "Die Altkanzlerin", "Der CDU-Chef"."""
        words = subject.split()
        return (
            self.lex.capitalised_nouns
            and 2 <= len(words) <= 3
            and words[0].lower() in self.lex.determiners
            and self.lex.is_title(words[-1])
        )

    def _byline(self, index: int) -> bool:
        """A paragraph that only names the article's author ("Von Uli Petersen"): no one in
        it speaks or acts in the story."""
        text = self.paragraphs[index]
        if not self.lex.bylines or len(text) > 80:
            return False  # (checked per sentence and per name: no split of long paragraphs)
        words = text.split()
        if not 2 < len(words) <= 7 or words[0].lower() not in self.lex.bylines:
            return False
        rest = [w.strip(",") for w in words[1:]]
        return all(w[:1].isupper() or w in self.lex.conjunctions for w in rest)

    def _person_in_subject(self, subject: str) -> str:
        """The person a sentence subject names: "Wild defenseman Ryan Suter" -> Ryan Suter."""
        runs = [r for r in capitalised_runs(subject) if r.start <= 40]
        if len(runs) > 1 and self._role_then_person(subject, tuple(runs), runs[0].end):
            runs = runs[1:]  # "Clinton campaign manager Robby Mook": the role's holder
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
