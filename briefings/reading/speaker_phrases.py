"""A raw speaker phrase resolved to a speaker: a pronoun to the person or group it stands for,
a role to its holder ("the minister"), a collective noun to its group ("the doctors"), a
document to its issuer ("the statement"), a description to the person it names, a name to the
fullest form the article gives."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefings.reading.attribution_state import AttributionState
from briefings.reading.coreference import coordinated_people
from briefings.reading.names import (
    body_before,
    capitalised_runs,
    drop_openers,
    person_name,
    personal,
    split_at_articles,
    strip_titles,
)
from briefings.reading.roles import (
    appositive_name,
    holder_after,
    holder_of,
    role_holders,
    unnamed_role,
)

_ROLE_WORD = re.compile(r"[^\W\d_][\w-]*")

if TYPE_CHECKING:
    from briefings.reading.lexicon import Lexicon
    from briefings.reading.marks import Span
    from briefings.reading.names import Name
    from briefings.reading.roles import Holder

_ELIDED = re.compile(r"^(\w{1,2}['’])(?=\w)")  # "l'entreprise" -> "l' entreprise"


class SpeakerPhrases(AttributionState):
    """Resolves what a cue names to a speaker (a base of the Attributor)."""

    _groups: dict[tuple[int, int], tuple[str, str]]
    _holders: list[Holder] | None

    def _resolve(self, raw: str, span: Span) -> str:
        raw = raw.strip().strip(",").strip()
        raw = self.cues.leading_conjunction.sub("", raw)
        low = raw.lower()
        pronoun = self.lex.pronouns.get(low)
        if pronoun and pronoun.number == "singular" and pronoun.gender != "neuter":
            return (
                self._unnamed_speaker_before(span)
                or self._ranked_antecedent(span, pronoun.gender)
                or self._last_person_before(span, pronoun.gender)
                or self.last_speaker
                or raw
            )
        if pronoun and pronoun.number == "plural":
            subject = self._sentence_subject(self._sentence_before(span))
            if subject and subject.lower() not in self.cues.pronouns and subject[:1] not in '“"«„':
                return self._resolve(subject, span)
            group = self._last_group_before(span)
            pair = coordinated_people(
                self.doc, span.paragraph, span.open_at, self._sentence_subject, self._known_person
            )
            if pair and (not group or pair[:2] > self._last_group_at(span)):
                return pair[2]  # "Foner and Alba suggest … In the US, they write, “…”"
            return group or self.last_group or self.last_speaker or raw
        if pronoun:  # "it": the body last named
            return self.last_group or self.last_speaker or raw
        group = self._group_for(raw, span)
        if group:
            return group
        if raw[:1].isupper() and " " not in raw and self.lex.is_title(raw):
            named = self.people.expand(raw)
            if named.split()[-1] == raw and self.people.is_person(named):
                return named  # "King said" where the article named Gayle King: her surname
        if self.cues.person_roles.match(raw) or (len(raw.split()) == 1 and self.lex.is_title(raw)):
            # "the minister", or a bare title ("Chef", "Ministerin"): the person the paragraph
            # is about, else the one the article gave that role, else the person last named;
            # but "la vecina" after "una vecina del barrio" is that unnamed person
            if self._unnamed_role(raw, span):
                return raw
            in_paragraph = self._person_in_paragraph(span)
            holder = self._role_holder(raw, span) if in_paragraph else ""
            if holder and holder != in_paragraph and self._holds_other_role(in_paragraph, raw):
                # "sagt der Wissenschaftler" after "Kommunikationswissenschaftler X" in a
                # paragraph about "Spitzenkandidat Y": the one the article gave that role
                return holder
            return (
                in_paragraph
                or self._role_holder(raw, span)
                or self._last_actor(span)
                or self._person_named_next(span)
                or self._role_holder(raw, span, after=True)
                or raw
            )
        author = self._author_in_cue(raw)
        if author:
            return author
        signers = self.cues.signed_by.search(raw)
        if signers and self.cues.documents.match(self.cues.document_by.sub("", raw)):
            group = self._group_for("the " + signers.group("noun"), span)
            if group:
                return group  # "the letter signed by seven physicians": the physicians' group
        if (
            self.cues.documents.match(raw)
            or self.cues.documents.match(self.cues.document_by.sub("", raw))
            or raw.lower() in self.lex.documents  # "heißt es im Urteil": the article in "im"
            or self._body_description(raw)
        ):
            # "explica la ONG": in Romance order, the body a sentence named as its subject
            # shortly before (English group subjects are too noisy: "Just", "Facing")
            # "hieß es in der Aussendung" after "in einer Aussendung des Bundeskriminalamtes":
            # the body the text named as that document's author
            author = self._document_author(raw, span)
            if author:
                return author
            named = self._last_group_before(span) if self.lex.inverted_any_verb else ""
            named = drop_openers(named, self.lex.not_names, frozenset())  # "El Comité …"
            last = self.last_group if self._may_stand_for(raw, self.last_group) else ""
            return (
                named or last or self._issuer_before(span) or self._body_named_before(span) or raw
            )
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
        placed = self._placed_person(raw)
        if placed:
            return self.people.expand(placed)  # "Gov. Jeb Roe of Florida" -> Jeb Roe
        if raw[:1].isupper():
            tail = self.cues.team_tail
            team = tail.search(raw) if tail else None
            if team:
                return self._resolve(raw[: team.start()], span) + team.group(0)
            person = person_name(raw, self.lex)
            if person:
                return self.people.expand(person)
            bare = re.sub(r"[’']s$", "", raw)  # "Swift’s" -> "Swift"; "NASA’s Office" stays
            words = strip_titles(bare.split()) or bare.split()
            return self.people.expand(" ".join(words))
        return raw

    def _unnamed_speaker_before(self, span: Span) -> str:
        """An unnamed person who reported speech in the sentence right before the quote's
        ("A spokesperson for the group said … / “…,” he said."): the description, not someone
        named earlier."""
        here = self.doc.sentence_at(span.paragraph, span.open_at)
        if here is None or here.index == 0:
            return ""
        if self.paragraphs[span.paragraph][here.start : span.open_at].strip():
            return ""  # the quote's own sentence holds words before it: its own subject
        words = self.doc.sentences[here.index - 1].text.split()
        if words and words[0].lower().strip(",") in self.lex.intro:
            words = words[1:]  # "But a spokesperson …"
        indefinite = set(self.lex.determiners) - set(self.lex.definite)
        if not words or words[0].lower() not in indefinite:
            return ""
        for i, word in enumerate(words[1:16], start=1):
            if self.cues.verb_anywhere.fullmatch(word.strip(",")):
                subject = words[:i]
                break
        else:
            return ""
        if not any(w.lower().strip(",") in self.lex.person_roles for w in subject):
            return ""
        phrase = " ".join(subject).split(",")[0]
        if any(self._known_person(r.text) for r in capitalised_runs(phrase)):
            return ""  # "a spokesman for Jo Roe": the person named is no unnamed one
        return phrase

    def _last_actor(self, span: Span) -> str:
        """The person who last spoke or was a sentence's subject: a role word stands for
        someone the article has shown acting, not a bare mention ("in via Prato Mavora … la
        figlia della coppia" is no one named)."""
        best = self._last_actor_before(span)
        return best[2] if best else self.last_person

    def _unnamed_role(self, raw: str, span: Span) -> bool:
        if self._holders is None:
            self._holders = role_holders(self.doc, self._known_person)
        return unnamed_role(self.doc, raw, span.paragraph, span.start, self._holders)

    def _body_description(self, raw: str) -> bool:
        """Where adjectives follow their noun, a body noun and one or two adjectives: "le
        groupe californien", "l'entreprise américaine" (not "le groupe de travail")."""
        if not self.lex.adjectives_after_noun:
            return False
        words = _ELIDED.sub(r"\1 ", raw).split()
        return (
            3 <= len(words) <= 4
            and bool(self.cues.documents.match(" ".join(words[:2])))
            # a body, not a text ("un message déposé devant l'église" is the message's)
            and (words[1].lower() in self.lex.group_nouns or words[1].lower() in self.lex.org_words)
            and all(w.isalpha() and w.islower() and w not in self.lex.not_names for w in words[2:])
        )

    def _may_stand_for(self, raw: str, group: str) -> bool:
        """Whether the body that spoke last may be what a body noun names: a name ("la ONG"
        -> "Médicos Sin Fronteras"), a description with the same noun, or any body for a
        document ("the statement"); not another description ("la police" is not "la
        compagnie de transport londonienne")."""
        words = _ELIDED.sub(r"\1 ", raw).lower().split()
        noun = words[1] if len(words) > 1 else ""
        if not group or group[:1].isupper() or noun not in self.lex.org_words:
            return bool(group)
        return noun in _ELIDED.sub(r"\1 ", group).lower().split()

    def _body_named_before(self, span: Span) -> str:
        """The last name the text introduced with a group noun ("le groupe Nestlé France")
        in the quote's paragraph or the three before it."""
        for run in reversed(self.doc.names):
            if (run.paragraph, run.start) >= (span.paragraph, span.start):
                continue
            if span.paragraph - run.paragraph > 3:
                break
            if body_before(self.paragraphs[run.paragraph][: run.start], self.lex):
                return run.text
        return ""

    def _holds_other_role(self, person: str, raw: str) -> bool:
        """Whether the article ties ``person`` to roles, none of them the role of ``raw``."""
        if self._holders is None:
            self._holders = role_holders(self.doc, self._known_person)
        theirs = {h.role for h in self._holders if h.name == person}
        return bool(theirs) and not any(
            w.lower().endswith(tuple(theirs)) for w in _ROLE_WORD.findall(raw)
        )

    def _role_holder(self, raw: str, span: Span, after: bool = False) -> str:
        if self._holders is None:
            self._holders = role_holders(self.doc, self._known_person)
        find = holder_after if after else holder_of
        return find(raw, span.paragraph, span.start, self._holders, self.lex)

    def _group_for(self, raw: str, span: Span) -> str:
        """ "the doctors" -> the group an apposition named ("The doctors, members of … Doctors
        for Camp Closure"); other collective nouns -> the last group so named."""
        definite = self.cues.definite_noun
        match = definite.fullmatch(raw) if definite else None
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

    def _author_in_cue(self, raw: str) -> str:
        """The body a cue names as its document's author: "in einem Schreiben des
        Betriebsrats" -> "Betriebsrats", "a statement from the Red Cross" -> "Red Cross"."""
        of = self.lex.alternation((*self.lex.apposition, *self.lex.determiners))
        inside = re.match(
            rf"(?:(?:{of})\s+)?(?:[\w-]+\s+)?(?:{self.lex.alternation(self.lex.issued_documents)})"
            rf"\s+(?:{of})\s+(?:(?:{of})\s+)?",
            raw,
            re.I,
        )
        runs = [r for r in capitalised_runs(raw[inside.end() :]) if r.start == 0] if inside else []
        return runs[0].text if runs else ""

    def _document_author(self, raw: str, span: Span) -> str:
        """The name after the same issued document and an "of" word ("the statement of the
        Red Cross") in the quote's paragraph or the two before it, else ""."""
        noun = raw.split()[-1].lower() if raw.split() else ""
        if noun not in self.lex.issued_documents:
            return ""
        of = self.lex.alternation((*self.lex.apposition, *self.lex.determiners))
        pattern = re.compile(
            rf"(?<![\w-]){re.escape(noun)}\s+(?:{of})\s+(?:(?:{of})\s+)?(\w[\w&.-]*)", re.I
        )
        first = max(0, span.paragraph - 2)
        for index in range(span.paragraph, first - 1, -1):
            text = self.paragraphs[index]
            found = list(pattern.finditer(text[: span.start] if index == span.paragraph else text))
            if found and found[-1].group(1)[:1].isupper():
                at = found[-1].start(1)
                runs = [r for r in capitalised_runs(text[at : at + 80]) if r.start == 0]
                return runs[0].text if runs else found[-1].group(1)
        return ""

    def _issuer_before(self, span: Span) -> str:
        """Who "issued a statement" shortly before: the statement speaks for them."""
        before = self.paragraphs[span.paragraph][: span.start]
        if span.paragraph:
            before = self.paragraphs[span.paragraph - 1] + "\n" + before
        found = list(self.cues.issued.finditer(before))
        return issuer_name(found[-1].group("who"), self.lex) if found else ""

    def _speaker_in_phrase(self, phrase: str, last: bool = False) -> str | None:
        """The person a phrase names ("another witness, former adviser Fiona Hill"), else the
        phrase up to its first comma ("a Customs and Border Protection spokesperson")."""
        phrase = self.cues.relative_split.split(phrase)[0]
        appos = appositive_name(phrase, self.lex)
        if appos:
            return appos  # "l'avocate de Jean Roy, Anne Lis": the name in apposition
        phrase = self._description_head(phrase)
        # Sentence-opening function words ("Il", "Dass") are capitalised but name no one.
        runs = tuple(
            part
            for r in capitalised_runs(phrase)
            for part in split_at_articles(r, self.lex)
            if self._named(part.text)
        )
        first = runs[0].text.split()[0] if runs and runs[0].start <= 2 else ""
        owner = self.people.expand(first[:-1]) if first.endswith("s") and len(first) > 3 else ""
        people = [
            p if p and personal(p, self.lex) else None
            for p in (person_name(r.text, self.lex) for r in runs)
        ]
        named = [p for p in people if p]
        if owner and self.people.is_person(owner) and (not named or named[0].startswith(first)):
            return owner  # "Roths Fazit:" (not "Kuhns Anwalt Peter Hahn"): whose words they are
        if named and not last and runs and runs[0].start <= 2 and not people[0]:
            # "sagte Weber im Alten Rathaus": the surname opening the phrase is its subject
            first = self.people.expand(runs[0].text)
            if self.people.is_person(first):
                return first
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
            if (pick.start <= 2 or last) and not noun and not self._attributive(phrase, pick):
                return pick.text
        descriptor = phrase.split(",")[0].strip()
        words = descriptor.split()
        cut = next(
            (i for i, w in enumerate(words) if i and w.lower() in self.lex.description_cut), 0
        )
        if cut:
            # "sagte Werneke gegenüber dem „Spiegel“": the words before the adverbial
            words = words[:cut]
            descriptor = " ".join(words)
        verb_at = next(
            (i for i, w in enumerate(words) if i >= 2 and w.lower() in self._clause_words), 0
        )
        if verb_at and any(
            w.lower() in self.lex.person_roles or w.lower() in self.lex.collective
            for w in words[:verb_at]
        ):
            # "Un autre riverain se montre plus nuancé :": a person's description ends at
            # its verb (not "Cette donation est pour elle :", whose holder is "elle")
            words = words[:verb_at]
            descriptor = " ".join(words)
        if len(words) > 2 and words[-1] in self.lex.particles:
            # "teilte die Polizei mit": the verb's particle closes the sentence
            words = words[:-1]
            descriptor = " ".join(words)
        if len(words) > 9:
            # "el ministerio de Exteriores de Egipto en una nota esta mañana": the noun
            # phrase, up to the adverbial that follows it
            cut = next((i for i, w in enumerate(words) if i > 1 and w in self.lex.intro), 0)
            descriptor = " ".join(words[:cut])
        if descriptor and len(descriptor.split()) <= 9 and self._describes(descriptor):
            return descriptor
        return None

    def _attributive(self, phrase: str, run: Name) -> bool:
        """A name after an opening determiner that qualifies the noun after it ("a GOP
        operative", "one Labour councillor"): the description is the speaker, not the name."""
        before = phrase[: run.start].split()
        if len(before) != 1 or before[0].lower() not in self.lex.descriptor_openers:
            return False
        following = phrase[run.end :].split()[:1]
        noun = following[0].strip(",;") if following else ""
        return (
            noun.isalpha()
            and noun.islower()
            and noun not in self.lex.not_names
            and noun not in self.lex.auxiliaries
            and not self.cues.verb_anywhere.fullmatch(noun)
        )

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
            or low in self.lex.descriptor_openers  # "one GOP operative", "another aide"
            or (first[0].isupper() and low not in self.lex.not_names)
        )

    if TYPE_CHECKING:  # provided by the Attributor and its other bases

        @property
        def _clause_words(self) -> frozenset[str]: ...

        def _known_person(self, run: str) -> str: ...

        def _last_group_at(self, span: Span) -> tuple[int, int]: ...

        def _last_group_before(self, span: Span) -> str: ...

        def _last_person_before(self, span: Span, gender: str = "") -> str: ...

        def _last_actor_before(
            self, span: Span, gender: str = "", speech_only: bool = False
        ) -> tuple[int, int, str] | None: ...

        def _named(self, run: str) -> bool: ...

        def _opener(self, word: str) -> bool: ...

        def _person_in_paragraph(self, span: Span) -> str: ...

        def _person_named_next(self, span: Span) -> str: ...

        def _placed_person(self, raw: str) -> str: ...

        def _ranked_antecedent(self, span: Span, gender: str) -> str: ...

        def _sentence_before(self, span: Span) -> str: ...

        def _sentence_subject(self, sentence: str) -> str | None: ...


def issuer_name(who: str, lex: Lexicon) -> str:
    """Who an "issued a statement" cue names: the name its phrase ends on."""
    who = re.split(r"[,.;:]\s", who.strip())[-1]
    # "The importance grew as NASA’s Office of the Inspector General": the name at the end
    name = _name_at_end(lex).search(who)
    if name and name.start() > 0:
        who = name.group(0)
    opening = {w.capitalize() for w in lex.determiners}  # "The Office" -> "the Office"
    return who[0].lower() + who[1:] if who.split()[0] in opening else who


def _name_at_end(lex: Lexicon) -> re.Pattern[str]:
    """Capitalised words and the lower-case words inside a name ("Office of the Inspector
    General"), ending on a capitalised word, not on an article or a place joiner."""

    def build(lex: Lexicon) -> re.Pattern[str]:
        word = r"[A-Z][\w’'&.-]*"
        inner = lex.alternation(lex.inner_words)
        ends = "".join(
            rf"(?<!\b{re.escape(w)})" for w in sorted(lex.determiners | set(lex.place_joiners))
        )
        return re.compile(rf"{word}(?:\s+(?:{inner}|{word}))*{ends}$")

    pattern: re.Pattern[str] = lex.compiled("name_at_end", build)
    return pattern
