"""Cues away from the quote, and what is no cue of it. A cue may close the sentence a quote
stands inside, after words that are not the quote's: "“Boots on the ground” would be
appropriate, Ben Carson said after the attacks." and "“It seems unlikely” that Roe can win,
said Jo Doe, a strategist." (news puts the cue at the end of the sentence it reports, however
far the quote ends before it); a quote may be signed ("… cuts. Jo Roe, Center for Policy
Research."); a name may carry its place ("Gov. Jo Roe of Florida"). No cue of a quote: one
handing over to the next quoted sentence, the next sentence when the quote's own sentence
reported it, a clause before a name, a verb used as a noun ("Roe's remarks")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefings.reading.attribution_state import AttributionState
from briefings.reading.labels import closing_line, closing_signature
from briefings.reading.names import person_name, personal
from briefings.reading.sentences import split_sentences

if TYPE_CHECKING:
    from briefings.reading.marks import Span

_COMMA = re.compile(r",\s+")
_MAX_AFTER_VERB = 8  # words after "X said" that are still its adverbials ("on Monday in Ohio")


class ClosingCues(AttributionState):
    """Cues away from the quote and the limits of cues (a base of the Attributor)."""

    def _closing_cue(self, span: Span, para: str) -> str | None:
        """The speaker a cue closing the quote's sentence names, after a comma: ", X said."
        or ", said X, …"; None when the sentence ends without one."""
        if not span.closed:
            return None
        sentence = self.doc.sentence_at(span.paragraph, max(span.close_end - 1, 0))
        if sentence is None or sentence.end <= span.close_end:
            return None
        tail = para[span.close_end : sentence.end]
        for comma in _COMMA.finditer(tail):
            rest = tail[comma.end() :]
            inverted = self.cues.closing_inverted.match(rest)
            if inverted:
                return self._speaker_in_phrase(self._to_sentence_end(inverted.group("who")))
            found = self.cues.after_subject_verb.match(rest)
            if found and self._closes(found, rest):
                return found.group("who")
            # ", Republican candidate Ben Roe said": a role before the name
            found = self.cues.after_role_name.match(rest)
            if found and self._after_article(rest[: found.start("who")]):
                named = self._named_before_article(rest[: found.start("who")])
                if named:
                    return named  # "wird Geschäftsführer X in einer Mitteilung des Y zitiert"
            if (
                found
                and self._named(found.group("who"))
                and not self._lone_noun(found.group("who"))  # "wird Roth in der Mitteilung zitiert"
                and not self._after_article(rest[: found.start("who")])
                and self._closes(found, rest)
            ):
                return found.group("who")
        return None

    def _closes(self, found: re.Match[str], rest: str) -> bool:
        """ "X said." or "X said on Monday in Ohio." ends the sentence: the verb is the
        cue, not the start of a clause of its own ("X said the plan…")."""
        verb = found.group("verb")
        if verb.endswith(self.lex.progressive_endings) or not self._plausible_subject(
            found.group("who")
        ):
            return False
        after = rest[found.end() :].strip(" .;!?")
        if not after or after.startswith(","):
            return True
        words = after.split()
        clause = {*self.lex.speech_openers, *self.lex.auxiliaries, *self.lex.subject_verbs}
        return len(words) <= _MAX_AFTER_VERB and not any(w.lower() in clause for w in words)

    def _signed(self, span: Span, para: str) -> str | None:
        """A signature closing the quote: "“… cuts. Jo Roe, Center for Policy Research.”" or
        "“… her here. S.C. Rep. Jo Roe.”" (a title or a body with the name)."""
        signed = closing_signature(span.text(self.paragraphs), self.lex)
        if not signed and not span.closed and span.paragraph + 1 < len(self.paragraphs):
            # a pull quote left open, closed by the line that signs it: "“… cuts. / Jo Roe,
            # Center for Policy Research.”"
            signed = closing_line(self.paragraphs[span.paragraph + 1], self.lex)
        return signed or None

    def _introduced(self, span: Span, para: str) -> bool:
        """A quote that ends its sentence after a cue handing over to it ("Roe reported, “A.”",
        "Roe asserted that “A.”"): what follows is a new sentence, not its cue."""
        if span.text(self.paragraphs).rstrip()[-1:] not in {".", "?", "!"}:
            return False
        before = para[max(0, span.open_at - 60) : span.open_at].rstrip()
        words = before.rstrip(",:").split()
        if words and words[-1] in self.lex.speech_openers:
            return True  # "Roe asserted that “A.” Doe said…"
        if before[-1:] not in {",", ":"}:
            return False
        if before[-1:] == ":" and self.cues.verb_anywhere.search(re.split(r"[.!?]\s", before)[-1]):
            return True  # "Roe reached out, writing in an email: “A.” Doe said the …"
        return bool(words) and bool(self.cues.verb_anywhere.fullmatch(words[-1]))

    def _clause_before(self, prefix: str) -> bool:
        """Words before a name in a cue after a quote that make a clause, not a role: "in the
        way the", "one of the former prosecutors for" (a role is "former Gov.", "company CEO")."""
        if self.lex.pro_drop:
            return False  # where subjects follow verbs freely, a name after them may be one
        words = [w for w in prefix.split() if w not in self.lex.conjunctions]  # "as Roe said"
        if words and words[0] in self.lex.intro:
            return True  # "…” until Haley said": a clause of its own
        return any(
            w in self.lex.embedding and (i == 0 or words[i - 1][:1].islower())
            for i, w in enumerate(words)
        )  # not "Fight for $15 organizing director Jo Roe": a body's name

    def _hands_to_next(self, span: Span, between: str, following: str) -> bool:
        """ "“A.” He added, “B.”": a quote that ends its sentence, then a cue that hands over
        with a comma or a colon to a new sentence quoted after it: the cue is the next
        quote's, not this one's."""
        ended = span.text(self.paragraphs).rstrip()[-1:] in {".", "?", "!"}
        if not (ended and between.rstrip()[-1:] in {",", ":"} and following[:1].isupper()):
            return False
        # one sentence between: "Mr. Roe said:" (a title's full stop ends none)
        return len(split_sentences(between.strip(), self.lex.abbreviations)) <= 1

    def _noun_use(self, sentence: str, verb: re.Match[str]) -> bool:
        """A verb form used as a noun after a possessive or an article: "Roe's remarks", "a
        retort", "the release" report nobody's speech."""
        before = sentence[max(0, verb.start() - 30) : verb.start()].split()[-1:]
        if not before:
            return False
        word = before[0].lower()
        return (
            word in self.lex.determiners
            # "that" is also a relative: "a report that said"
            or (word in self.lex.possessives and word not in self.lex.relatives)
            or word.endswith(("'s", "’s", "s'", "s’"))
        )

    def _placed_person(self, raw: str) -> str:
        """The person of "Gov. Jeb Roe of Florida" or "Bishop Ann Lee of the Diocese of X":
        the name before the first place joiner, when it is a person's."""
        if not self.lex.place_joiners:
            return ""
        joiner: re.Pattern[str] = self.lex.compiled(
            "place_joiner", lambda lex: re.compile(rf"\s+{lex.alternation(lex.place_joiners)}\s+")
        )
        head = joiner.split(raw, maxsplit=1)
        place = head[1].split()[:3] if len(head) > 1 else []
        # "of Florida", "of the Diocese", "of owners Castle Stud": a capital within three words
        if not any(w[:1].isupper() for w in place):
            return ""
        person = person_name(head[0], self.lex)
        return person if person and personal(person, self.lex) else ""

    if TYPE_CHECKING:  # provided by the Attributor and its SubjectReader

        def _speaker_in_phrase(self, phrase: str, last: bool = False) -> str | None: ...

        def _to_sentence_end(self, text: str) -> str: ...

        def _plausible_subject(self, who: str) -> bool: ...

        def _named(self, run: str) -> bool: ...

        def _lone_noun(self, phrase: str) -> bool: ...

        def _after_article(self, before: str) -> bool: ...

        def _named_before_article(self, before: str) -> str | None: ...
