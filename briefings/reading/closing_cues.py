"""Cues that close the sentence a quote stands inside, after words that are not the quote's:
"“Boots on the ground” would be appropriate, Ben Carson said after the attacks." and "“It
seems unlikely” that Roe can win, said Jo Doe, a strategist." News puts the cue at the end of
the sentence it reports, however far the quote ends before it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefings.reading.cues import Cues
    from briefings.reading.document import Document
    from briefings.reading.lexicon import Lexicon
    from briefings.reading.marks import Span

_COMMA = re.compile(r",\s+")
_MAX_AFTER_VERB = 8  # words after "X said" that are still its adverbials ("on Monday in Ohio")


class ClosingCues:
    """The cue that ends a quote's sentence (a base of the Attributor)."""

    doc: Document
    cues: Cues
    lex: Lexicon

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
            if found and self._named(found.group("who")) and self._closes(found, rest):
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

    if TYPE_CHECKING:  # provided by the Attributor and its SubjectReader

        def _speaker_in_phrase(self, phrase: str, last: bool = False) -> str | None: ...

        def _to_sentence_end(self, text: str) -> str: ...

        def _plausible_subject(self, who: str) -> bool: ...

        def _named(self, run: str) -> bool: ...
