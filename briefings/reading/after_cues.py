"""Cues after a quote: "…,” Blinken said", "«…», dijo el ministro", "…,” said Hill, a
senator"; a later quote of the same sentence lending its cue to this one; a sentence after
the quote that refers back to it ("«…». Con esa frase, X respondió")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefings.reading.attribution_state import AttributionState
from briefings.reading.before_cues import last_sentence, mask_labels
from briefings.reading.names import capitalised_runs
from briefings.reading.sentences import split_sentences

if TYPE_CHECKING:
    from briefings.reading.marks import Span

_DASH = re.compile(r"[—―–]")


class AfterCues(AttributionState):
    """The speaker a cue after a quote names (a base of the Attributor)."""

    def _after_cue(self, span: Span, para: str) -> str | None:
        if not span.closed:
            return None
        after = _mask_gloss(mask_labels(para[span.close_end : span.close_end + 260]))
        if self.lex.asides:
            # "», estime pour sa part Karim": the aside blanked, offsets kept
            asides = self.lex.compiled(
                "speech_asides",
                lambda lex: re.compile(rf"(?<=\s){lex.alternation(lex.asides)},?(?=\s)", re.I),
            )
            after = asides.sub(lambda m: " " * len(m.group(0)), after)
        # "…“, so der „1er“, Hermann Schützenhöfer": a nickname quoted before the name in
        # apposition is no next quote (its marks blanked, offsets kept)
        after = _NICKNAME.sub(lambda m: " " + m.group(2) + " ", after)
        nxt = self.cues.next_opener.search(after)
        if nxt:
            if self._hands_to_next(span, after[: nxt.start()], after[nxt.end() :]):
                return None
            after = after[: nxt.start()]
        if self.lex.dialogue_dash:
            after = _DASH.split(after, maxsplit=1)[0]  # "—dijo el ministro—. Es…": the aside
        if any(c in ",-–—―" for c in para[span.end : span.close_end]):
            after = re.split(r"\s[-–—―]\s|[.]\s", after, maxsplit=1)[0]  # «A - dice X - B»
        if self._introduced(span, para):
            return None  # "Roe reported, “A.” The cable said…": the cue before it is its own
        outer = self._outer_source(span, after)
        if outer:
            return outer
        perfect = self._perfect_cue(after)
        if perfect:
            return perfect  # "«…», habe der Finanzminister darauf geantwortet"
        match = self.cues.after_subject_verb.match(after)
        # "«A.» Stadtpräsidentin X appellierte …": where a cue follows a comma, a new sentence
        new_sentence = self.lex.subject_cue_after_comma and _closed_sentence(span, para, after)
        before = self._reported_before(span, para) if new_sentence else ""
        if before:
            # "Es gebe Verträge, mahnte X. «A.» Y appellierte …": X goes on speaking
            return before
        progressive = match and match.group("verb").endswith(self.lex.progressive_endings)
        if match and not progressive and self._plausible_subject(match.group("who")):
            return match.group("who")  # not "“…” He’s predicting …": a sentence of its own
        for pattern in (
            self.cues.after_apposed_name,
            self.cues.after_appositive,
            self.cues.after_role_name,
        ):
            match = pattern.match(after)
            if match and "." in after[: match.start("who")]:
                continue  # «…». Rendido, tentou …, diz: a full stop after the quote ended it
            if match and self._crosses_sentence(match.group("who")):
                continue  # "…“, sagte Biden im Weißen Haus. Er betonte": no name runs on
            if match and self._lone_noun(match.group("who")):
                continue  # "…“, wird Roth in der Mitteilung zitiert": a noun, not a name
            if match and self._after_article(after[: match.start("who")]):
                # "…“, wird Geschäftsführer X in einer Mitteilung des Y zitiert": X, not Y
                found = self._named_before_article(after[: match.start("who")])
                if found:
                    return found
                continue
            if (
                match
                and pattern is self.cues.after_role_name
                and self._clause_before(after[: match.start("who")])
            ):
                continue  # "…” in the way the United States responds": no role, a clause
            # not "…” to discuss his rival, Jo Roe, saying": a participle runs on
            running_on = match and match.group("verb").endswith(self.lex.progressive_endings)
            if match and not running_on and self._named(match.group("who")):
                return match.group("who")
        match = self.cues.after_verb_subject.match(after)
        progressive = match and match.group("verb").endswith(self.lex.progressive_endings)
        if progressive and not self.lex.pro_drop:
            match = None  # "…,” promising the Friends will return: no subject after it
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
            who = self._past_predicative(after[match.start("who") :])
            return self._speaker_in_phrase(self._to_sentence_end(who))
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
                or not last_sentence(
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
            who = self._past_predicative(after[inverted.start("who") :])
            found = self._speaker_in_phrase(self._to_sentence_end(who))
            if found:
                return found
        after = after.lstrip(" ,")
        match = self.cues.according.match(after)
        ended = span.text(self.paragraphs).rstrip()[-1:] in {".", "?", "!"}
        if match and ended and after[:1].isupper():
            match = None  # "“…much.” According to F.A.A. records, …": the next sentence's
        if match:
            return self._speaker_in_phrase(self._to_sentence_end(after[match.start("who") :]))
        return None

    def _outer_source(self, span: Span, after: str) -> str | None:
        """ "“…,” Roe said, according to the Post.": the source the article names for the
        whole report (the quote reached the article through it)."""
        ended = span.text(self.paragraphs).rstrip()[-1:] in {".", "?", "!"}
        if ended and after.lstrip(" ,")[:1].isupper():
            return None  # a new sentence
        sentence = self._to_sentence_end(after)
        found = self.cues.according.search(sentence)
        if not found or not self.cues.verb_anywhere.search(sentence[: found.start()]):
            return None
        if any(w.lower() in self.cues.pronouns for w in sentence[: found.start()].split()[:2]):
            return None  # "he told advisers, according to Roe": the pronoun's person, kept
        who = found.group("who").split()
        if who and who[0].lower() in self.lex.determiners:
            who = who[1:]
        if not who or not who[0][:1].isupper():
            return None  # "según un comunicado castrense": a document, the speaker stays
        return self._speaker_in_phrase(self._to_sentence_end(found.group("who")))

    def _impersonal(self, span: Span, para: str) -> str | None:
        """An impersonal subject and the source it speaks from: "«…», explique-t-on à
        l'Elysée", "«…», peut-on lire dans un communiqué du ministère", "Du côté de la
        mairie, on assure que «…»": that place, or the body whose text it is."""
        if not self.lex.impersonal:
            return None
        after_re, before_re = self._impersonal_patterns()
        sentence = self.doc.sentence_at(span.paragraph, span.open_at)
        end = sentence.end if sentence is not None else len(para)
        start = sentence.start if sentence is not None else 0
        found = (
            after_re.match(para[span.close_end : max(span.close_end, end)]) if span.closed else None
        )
        if found is None:
            found = before_re.search(para[max(0, start) : span.open_at])
        if found is None:
            return None
        source = re.split(r"[,;:.«»“”\"]", found.group("src"))[0].strip()
        words = source.split()
        if len(words) > 2 and self.cues.documents.match(" ".join(words[:2])):
            # "un communiqué du ministère de l'Intérieur": the body whose text it is
            rest = re.sub(
                rf"^{self.lex.alternation(self.lex.apposition)}\s+", "", " ".join(words[2:])
            )
            return rest if rest != " ".join(words[2:]) else source
        return source or None

    def _impersonal_patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        def build(lex: object) -> tuple[re.Pattern[str], re.Pattern[str]]:
            alt = self.lex.alternation
            who = alt(self.lex.impersonal)
            links = alt(self.lex.inversion_links) if self.lex.inversion_links else "-"
            sources = alt(self.lex.impersonal_sources)
            src = r"(?:\s+|(?<=['’]))(?P<src>[^.;!?«»“”\"]{2,80})"
            after = re.compile(
                rf"^\s*[,:]?\s*(?:\w+\s+)?[\w’']+{links}{who}\b(?:\s+\w+)?\s+{sources}{src}",
                re.I,
            )
            before = re.compile(rf"(?:^|[,.]\s+)(?:{sources}){src},\s+{who}\s+\w+", re.I)
            return after, before

        built: tuple[re.Pattern[str], re.Pattern[str]] = self.lex.compiled("impersonal_cues", build)
        return built

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
            # "«A» al «B». Lo ha detto X": the later quote's back reference, as speaker_for
            # reads it, before any reading of "Lo ha" as an inverted cue
            raw = self._back_reference(nxt, para) or self._after_cue(nxt, para)
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

    def _past_predicative(self, who: str) -> str:
        """Where subjects follow verbs, the subject after a predicative adjective or adverb:
        "», commenta sarcastica la figlia" -> "la figlia"; "comenta irónica la hija"."""
        words = who.split(maxsplit=2)
        if (
            self.lex.inverted_any_verb
            and len(words) == 3
            and words[0].isalpha()
            and words[0].islower()
            and words[0] not in self.lex.determiners
            and words[0] not in self.lex.possessives
            and words[0] not in self.lex.not_names
            and words[0] not in self.cues.pronouns
            and words[1] in self.lex.determiners
        ):
            return who.split(maxsplit=1)[1]
        return who

    def _after_article(self, before: str) -> bool:
        """Where nouns are capitalised, a run right after an article is a noun phrase ("des
        Bielefelder Verkehrsunternehmens"), not a person's name."""
        last = before.split()[-1:]
        return bool(self.lex.capitalised_nouns and last and last[0] in self.lex.determiners)

    def _named_before_article(self, before: str) -> str | None:
        """The person a cue names before the article a noun phrase opens on."""
        found = self._speaker_in_phrase(before.lstrip(" ,"))
        return found if found and self._known_person(found) else None

    def _lone_noun(self, phrase: str) -> bool:
        """Where every noun is capitalised, one capitalised word no person bears."""
        return (
            self.lex.capitalised_nouns
            and len(phrase.split()) == 1
            and not self._known_person(phrase)
        )

    def _crosses_sentence(self, phrase: str) -> bool:
        """A phrase holding a sentence end ("Weißen Haus. Er"), titles and initials aside."""
        return ". " in phrase and self._to_sentence_end(phrase) != phrase.rstrip(" .")

    def _to_sentence_end(self, text: str) -> str:
        """A phrase up to the end of its sentence, full stops of titles and initials kept:
        "said Sen. J. Roe. Next…" -> "Sen. J. Roe"."""
        sentences = split_sentences(text, self.lex.abbreviations)
        first = sentences[0] if sentences else text
        return re.split(r"[;:!?“”\"]", first)[0].rstrip(" .")

    def _perfect_cue(self, after: str) -> str | None:
        """A cue in the perfect tense with its auxiliary first and its participle closing the
        sentence ("„…“, hat die Ministerin am Montag gesagt."): the words between name the
        speaker."""
        if not self.lex.perfect_auxiliaries:
            return None
        pattern = self.lex.compiled(
            "perfect_cue",
            lambda lex: re.compile(
                rf"^\s*,\s*{lex.alternation(lex.perfect_auxiliaries)}\s+"
                rf"(?P<who>[^,.;:!?“”\"«»„]{{1,80}}?)\s+(?:{self.cues.verb})\s*(?:[.!;]|$)"
            ),
        )
        match = pattern.match(after)
        return self._speaker_in_phrase(match.group("who")) if match else None

    def _reported_before(self, span: Span, para: str) -> str:
        """The speaker of the sentence right before a quote in its paragraph when that
        sentence is reported speech closed by its verb and speaker ("Es gebe Verträge, mahnte
        X."), else "" („A.“ X und Y sprachen in einer Mitteilung … opens its paragraph)."""
        text = para[: span.open_at].rstrip()
        sentences = split_sentences(text, self.lex.abbreviations) if text else []
        if not sentences or any(
            q.close_end > len(text) - len(sentences[-1]) and q.open_at < span.open_at
            for q in self._quotes_in(span.paragraph)
        ):
            return ""  # a quote of that sentence: the quote before hands on its speaker
        match = self.cues.closing_cue.search(sentences[-1])
        if not match:
            return ""
        for run in capitalised_runs(match.group("who")):
            person = self._known_person(run.text)
            if person and self.people.is_person(person):
                return person  # "mahnte etwa Jan Weber von der SP": the person, not the party
        return self._speaker_in_phrase(match.group("who")) or ""

    def _plausible_subject(self, who: str) -> bool:
        first = who.split()[0]
        low = first.lower()
        if low in self.lex.determiners or low in self.lex.possessives:
            return 1 < len(who.split()) <= 9  # "„…“ Das sagte X": a lone "Das" is no subject
        # "”. Además insistió": a capitalised sentence opener is no subject.
        return low in self.cues.pronouns or (first[:1].isupper() and self._named(who))

    if TYPE_CHECKING:  # provided by the Attributor and its other bases

        def _clause_before(self, prefix: str) -> bool: ...

        def _hands_to_next(self, span: Span, between: str, following: str) -> bool: ...

        def _introduced(self, span: Span, para: str) -> bool: ...

        def _known_person(self, run: str) -> str: ...

        def _named(self, run: str) -> bool: ...

        def _quotes_in(self, paragraph: int) -> list[Span]: ...

        def _speaker_in_phrase(self, phrase: str, last: bool = False) -> str | None: ...

        def _spoken_of(self, span: Span, until: int | None = None) -> str | None: ...

        def _subjectless(self, words: list[str]) -> bool: ...


_GLOSS = re.compile(r"^\s*\([^()]{1,200}\)")


def _mask_gloss(text: str) -> str:
    """A parenthesis right after a quote (its translation or a gloss) blanked, offsets kept:
    "« Errare humanum est » (l'erreur est humaine), lance X" reads as "…, lance X"."""
    return _GLOSS.sub(lambda m: " " * len(m.group(0)), text)


_NICKNAME = re.compile(r"([„“\"«»‚‘’”])([^„“\"«»”\s][^„“\"«»”,.]{0,18}?)[“”\"«»‘’](?=,\s+[^\W\d_])")


def _closed_sentence(span: Span, para: str, after: str) -> bool:
    """Whether the quote ended its sentence ("„A.“ X …", "„A“. X …") with no comma after it."""
    rest = after.lstrip()
    inner = para[span.start : span.end].rstrip()
    return not rest.startswith(",") and (inner[-1:] in ".!?" or rest.startswith((".", "!", "?")))
