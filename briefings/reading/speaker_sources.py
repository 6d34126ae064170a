"""Speakers a phrase or a pronoun stands for where the article names no one in the usual
places, read off French pages of many outlets but written for every language: someone brought
in unnamed ("L'une des participantes a témoigné"), the person a headline quotes ("Mendy : « … »"),
the body a document comes from ("un communiqué du Bureau …") and a role whose complement is a
person ("l'ancien Premier ministre de Wade" is not Wade). A base of the Attributor."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefings.reading.attribution_state import AttributionState
from briefings.reading.names import capitalised_runs, person_name, personal

if TYPE_CHECKING:
    from briefings.reading.lexicon import Lexicon
    from briefings.reading.marks import Span

_HEADLINE_SPEAKER = re.compile(
    r"^\s*(?P<who>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,3})\s*:\s*[«“\"„]"
)
_ELIDED = re.compile(r"^(\w{1,2}['’])(?=\w)")  # "l'entreprise" -> "l' entreprise"


class SpeakerSources(AttributionState):
    """Who an unnamed description, a headline or a document stands for (a base of the
    Attributor)."""

    def _unnamed_subject_before(self, span: Span) -> str:
        """A pronoun right after a sentence about someone brought in unnamed ("L'une des
        participantes a témoigné. « … », a-t-elle confié"): that description, not the last
        person named."""
        if not self.lex.indefinites:
            return ""
        here = self.doc.sentence_at(span.paragraph, span.open_at)
        if here is None or here.index == 0:
            return ""
        if self.paragraphs[span.paragraph][here.start : span.open_at].strip():
            return ""  # the quote's own sentence has a subject before it
        sentence = self.doc.sentences[here.index - 1].text
        subject = self._sentence_subject(sentence) or ""
        first = subject.split()[0].lower().replace("’", "'") if subject else ""
        if first not in self.lex.indefinites or not sentence.startswith(subject):
            return ""
        # "L'une des participantes au projet a témoigné": the words up to its verb, an
        # auxiliary or a reporting verb ("Ein Sprecher der Polizei sagte am Montag, …")
        words = sentence.split(",")[0].split()
        verb = next(
            (
                i
                for i, w in enumerate(words)
                if i and (w.lower() in self.lex.auxiliaries or self.cues.verb_anywhere.fullmatch(w))
            ),
            0,
        )
        description = " ".join(words[: verb or 8])
        if any(self._known_person(r.text) for r in capitalised_runs(description)):
            return ""
        return description

    def _headline_quoted(self) -> str:
        """The person a headline opens on before a colon and a quote ("Mendy : « Ils nous ont
        … »"), for a pronoun the body gives no one to stand for."""
        found = _HEADLINE_SPEAKER.match(self.doc.title)
        if not found or not all(w[:1].isupper() for w in found.group("who").split()):
            return ""
        who = found.group("who")
        name = person_name(who, self.lex) or who  # (a surname alone: "Mendy")
        if name != who or any(w.lower() in self.lex.not_names for w in who.split()):
            return ""
        if not personal(name, self.lex):
            return ""
        self.people.add(name)  # a person now, for the pronouns that follow
        return name

    def _document_source(self, phrase: str) -> str:
        """The body a document subject names as its own ("rapporte un communiqué du Bureau
        d'information gouvernemental (BIG) du Sénégal" -> "Bureau d'information
        gouvernemental"), up to the next preposition."""
        found = _document_of(self.lex).match(phrase)
        if not found:
            return ""
        words: list[str] = []
        for word in found.group("body").split()[:6]:
            low = word.lower().strip(",.;:")
            if words and (low in self.lex.embedding or low in self.lex.description_cut):
                break
            words.append(word.strip(",.;:"))
            if word[-1:] in ",.;:":
                break
        body = " ".join(words)
        return body if body and not self.people.is_person(self.people.expand(body)) else ""

    def _role_served(self, phrase: str) -> str:
        """A role phrase whose only name is the person the role serves, up to that name: "L'ancien
        Premier ministre de Wade n'a cessé de …" -> "L'ancien Premier ministre de Wade"."""
        if not self.lex.role_complements:
            return ""
        words = phrase.split()
        if len(words) < 3 or not self._determined(words[0]):
            return ""
        for i, word in enumerate(words[1:6], start=1):
            low = word.lower()
            tie = next((t for t in self.lex.role_complements if low.startswith(t)), "")
            rest = word[len(tie) :] if tie.endswith(("'", "’")) else ""
            if not tie or (low != tie and not rest):
                if word[:1].isupper() and not self.lex.is_title(word):
                    return ""  # "le ministre Jean Roy de …": a name before any tie
                continue
            roles = [w for w in words[:i] if self.lex.is_title(_ELIDED.sub("", w))]
            head = [rest] if rest else []
            tail = head + words[i + 1 : i + 4]
            run = next(iter(capitalised_runs(" ".join(tail))), None)
            if not roles or run is None or run.start != 0:
                return ""
            if not self.people.is_person(self.people.expand(run.text)):
                return ""
            return " ".join([*words[:i], word if rest else f"{word} {run.text}"])
        return ""

    if TYPE_CHECKING:  # provided by the Attributor and its other bases

        def _determined(self, word: str) -> bool: ...

        def _known_person(self, run: str) -> str: ...

        def _sentence_subject(self, sentence: str) -> str | None: ...


def _document_of(lex: Lexicon) -> re.Pattern[str]:
    """A document and the body it comes from: "un communiqué du Bureau …"."""

    def build(lex: Lexicon) -> re.Pattern[str]:
        openers = lex.alternation(lex.document_openers)
        nouns = lex.alternation(lex.issued_documents)
        ties = lex.alternation(lex.connectors)
        return re.compile(
            rf"^\s*(?i:{openers}\s+{nouns})\s+(?:{ties}\s*){{1,2}}(?P<body>[A-ZÀ-Ý].*)$"
        )

    pattern: re.Pattern[str] = lex.compiled("document_of", build)
    return pattern
