"""The subject of a reporting verb before a quote: before it ("Tom Ridge, a former secretary,
said", "Beck, who has in the past described", "the former senator said") or inverted right
after it ("explained Jane Roe: “…”")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefings.reading.attribution_state import AttributionState
from briefings.reading.names import capitalised_runs, person_name, personal


class VerbSubjects(AttributionState):
    """Who a reporting verb before a quote has as its subject (a base of the Attributor)."""

    def _name_after_verb(self, text: str) -> str | None:
        """A person's full name right after the last reporting verb before a quote: the verb's
        inverted subject ("explained Jane Roe: “…”")."""
        runs = capitalised_runs(text)
        if not runs or runs[0].start > 3 or not self._named(runs[0].text):
            return None
        if text[: runs[0].start].strip().lower() in self.lex.not_names:
            return None  # "dijo a Pedro Gil": the one spoken to
        # "…, so Lang weiter, …": a surname the article gives in full elsewhere
        found = person_name(runs[0].text, self.lex) or self._known_person(runs[0].text)
        closing = not text[runs[0].end :].strip(" :,")
        word = runs[0].text.lower()
        if not found and closing and " " not in word and word not in self.lex.org_words:
            return runs[0].text  # "antwortete Weber: „…“": the verb's subject, named by surname
        return found or None

    def _subject_before(self, text: str, antecedent: bool = False) -> str | None:
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
            if opener[:1].islower() and not self._appositive(opener) and not self.lex.pro_drop:
                # "Mr. Trump, asked about Mr. Putin, had said": a participle clause, not an
                # apposition; the subject stands before it
                found = self._subject_before(inner)
                if found:
                    return found
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
            # "Ms. Roe smiled and said": a name, one verb, and the reporting verb
            words = head.split()
            # (not where adjectives follow nouns: "una Autoridad Nacional Palestina reforzada y")
            one_verb = (
                not self.lex.pro_drop
                and len(words) >= 3
                and words[-2].isalpha()
                and words[-2].islower()
            )
            if one_verb and words[-3][:1].isupper() and words[-3].lower() not in self.cues.pronouns:
                found = self._subject_before(" ".join(words[:-2]))
                if found:
                    return found
            return None  # "X propone … y recalcó": the verb shares the sentence's subject
        before_relative = head[: -len(last_word)].rstrip()
        if last_word.lower() in self.lex.relatives and before_relative.endswith(","):
            # "…, según las autoridades, que pidieron «…»": the relative's antecedent
            return self._who_antecedent(before_relative[:-1], last_word) or self._subject_before(
                before_relative[:-1], antecedent=True
            )
        inside = self._relative_clause(head)
        if inside:
            return inside  # "Beck, who has in the past described X as “…”": Beck
        if last_word.strip(",").lower() in self.cues.pronouns:
            return last_word.strip(",")
        if last_word.lower() in self.lex.person_relatives:
            return self._speaker_in_phrase(head[: -len(last_word)].rstrip(" ,"), last=True)
        if self._object_before_participle(head):
            return None
        if last_word[:1].isupper() and not head.endswith(","):
            placed = self.cues.placed_tail.search(head[-200:])
            person = self._placed_person(placed.group("who")) if placed else ""
            if person:
                return person  # "Bishop Ann Lee of the Diocese of Leeds told"
            runs = capitalised_runs(head)
            if (
                runs
                and runs[-1].end >= len(head) - 1
                and self._named(runs[-1].text)
                and not (
                    self.lex.pro_drop
                    and not antecedent
                    and self._prepositional(head[: runs[-1].start])
                )
            ):
                # (where subjects may be left out, "Tras el acto … de la Junta ha destacado"
                # names a place the subjectless verb's sentence passes through)
                return runs[-1].text
        determiner = self.cues.determiner_tail.search(head)
        if determiner and not head.endswith(",") and self._noun_phrase(determiner.group(0)):
            before = head[: determiner.start()].split()[-1:]
            if before and before[0].lower() in self.lex.embedding:
                return None  # "one of the biggest challenges": an object, not the subject
            if before and self._object_of(before[0]):
                return None  # "Roe delivered a snappy retort:": the object of a verb
            return determiner.group(0)
        return None

    def _prepositional(self, before: str) -> bool:
        """Words before a name that end on a genitive particle, with or without its article
        ("de", "de la"), or on a preposition of an adverbial phrase ("Además, en diálogo con
        Radio Nacional dijo"): the name is no subject (but "a Sarabia, que" may be a relative's
        antecedent: not asked)."""
        if any(w.lower() in self.lex.issued_documents for w in before.split()):
            return False  # "No comunicado do PSD acrescenta-se": the text's author speaks
        words = [w.lower() for w in before.split()[-2:]]
        if words and words[-1] in self.lex.determiners:
            words = words[:-1]
        segment = before.rsplit(",", 1)[-1].split()
        adverbial = bool(segment) and segment[0].lower() in self.lex.intro
        return (
            bool(words)
            and (words[-1] in self.lex.connectors or adverbial)
            and words[-1] in self.lex.embedding
            and words[-1] not in self.lex.determiners
        )

    def _object_of(self, word: str) -> bool:
        """A lower-case word before a description that can only be a verb taking it as its
        object: no conjunction, relative, opening word or word handing over to speech."""
        low = word.lower()
        return (
            word.isalpha()
            and word.islower()
            and low not in self.lex.conjunctions
            and low not in self.lex.relatives
            and low not in self.lex.intro
            and low not in self.lex.speech_openers
            and low not in self.lex.not_names
        )

    def _object_before_participle(self, head: str) -> bool:
        """Where every noun is capitalised and the verb ends its clause, an article and a
        noun right before it after an auxiliary are its object, not its subject
        ("Weber hatte das Schreiben kritisiert", "hatte … vor dem Anpfiff des Spiels
        betont"); a role, body or document there is still a subject ("hat die Polizei")."""
        if not self.lex.capitalised_nouns:
            return False
        words = head.split()
        if len(words) < 3 or not words[-1][:1].isupper():
            return False
        article = words[-2].lower()
        if article not in self.lex.determiners and article not in self.lex.contractions:
            return False
        noun = words[-1].lower().strip(",.")
        if (
            self.lex.is_title(noun)
            or noun in self.lex.documents
            or noun in self.lex.collective
            or noun in self.lex.org_words
        ):
            return False
        return any(w.lower() in self.lex.subject_verbs for w in words[:-2])

    def _who_antecedent(self, phrase: str, relative: str) -> str:
        """The known person a personal relative stands for: "such as Sen. Jo Roe of Florida,
        who" -> Jo Roe (not the place the phrase ends on)."""
        if relative.lower() not in self.lex.person_relatives:
            return ""
        found = self._speaker_in_phrase(phrase, last=True)
        return found if found and self._known_person(found) else ""

    def _relative_clause(self, head: str) -> str:
        """A verb inside a relative clause on a person ("Beck, who has in the past
        described"): the person the relative stands for."""
        words = head.split()
        for i in range(len(words) - 1, 0, -1):
            if words[i - 1].endswith(",") and words[i].lower() in self.lex.person_relatives:
                return self._who_antecedent(" ".join(words[:i]).rstrip(","), words[i])
            if words[i].endswith(","):
                return ""  # the relative clause closed before the verb
        return ""

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
        if self.lex.role_heads_phrase and words and words[0] in self.lex.person_roles:
            return len(words) <= 6  # "una vecina del barrio": the role noun heads the phrase
        stop = (
            self.lex.determiners
            | self.lex.embedding
            | set(self.lex.subject_verbs)
            | set(self.lex.speech_openers)
            | set(self.lex.relatives)
        )
        return 0 < len(words) <= 6 and not any(w in stop for w in words)

    if TYPE_CHECKING:  # provided by the Attributor and its other bases

        def _known_person(self, run: str) -> str: ...

        def _named(self, run: str) -> bool: ...

        def _placed_person(self, raw: str) -> str: ...

        def _speaker_in_phrase(self, phrase: str, last: bool = False) -> str | None: ...
