"""Which earlier person a gendered pronoun speaker ("…,” he said") stands for, chosen by a small
learned ranker: every person named, a sentence's subject or a quote's speaker in the pronoun's
paragraph and the few before it is a candidate, described by a few cheap features of the
pronoun's context (how far back, whether they spoke last or were the last subject, whether the
sentence naming them reports speech, gender, whether they are named only inside quotes). The last person who spoke or was a subject
in the pronoun's sentence or the one before takes it outright; else the candidate with the best
linear score wins. The weights are learned from annotated news (``scripts/train_coreference.py`` writes
``briefings/data/antecedent_weights.json``); hard constraints stay rules: a person of the other
gender and a mention inside the quote itself are never candidates."""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from briefings.reading.attribution_state import AttributionState
from briefings.reading.coreference import clause_subjects

if TYPE_CHECKING:
    from briefings.reading.marks import Span

WEIGHTS_FILE = Path(__file__).resolve().parent.parent / "data" / "antecedent_weights.json"
PARAGRAPHS_BACK = 3  # candidates come from the pronoun's paragraph and this many before it
_NEVER = 30  # sentences back counted for a candidate who never spoke nor was a subject
_LOOK_BACK = 60  # occurrences looked at per pronoun: bounded work on a long article

# What the weights score. Fewer than the round before: ten features whose weight changed sign
# across leave-one-publisher-out folds, or that describe the article rather than the pronoun's
# context (how often and how fully it names someone, whom it names first), were dropped; the
# twelve left score as well under 5-fold and better with one publisher left out (0.830 vs
# 0.826 of the tuned pronouns), see scripts/train_coreference.py.
FEATURES = (
    "second",  # named second most recently
    "log_rank",  # log(1 + recency rank)
    "same_paragraph",
    "previous_paragraph",
    "last_speaker",  # the speaker of the last quote with a cue
    "last_subject",  # the most recent sentence subject that is a person
    "reporting_subject",  # the subject of a sentence that reports speech ("X said that …")
    "last_reporting_subject",
    "gender_agrees",  # the article genders them as the pronoun does
    "gender_unknown",
    "last_in_quote",  # their latest mention is inside someone's quote
    "only_in_quotes",
)
# Read by the hard rule of ``settled``, not weighted: each candidate's row holds them after
# the FEATURES.
RULE_FEATURES = (
    "last_actor",  # the latest who spoke or was a subject
    "log_sentences_since_acting",  # log(1 + sentences since they last spoke or were a subject)
)
_LAST_ACTOR = len(FEATURES)
_SINCE_ACTING = len(FEATURES) + 1
_JUST_BEFORE = math.log1p(1)  # acted in the pronoun's sentence or the one before it


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place a person is named before a pronoun: (paragraph, offset) and how."""

    paragraph: int
    offset: int
    name: str
    kind: str  # "mention", "subject" or "speaker"


@dataclass(slots=True)
class _Candidate:
    name: str
    latest: Occurrence
    kinds: set[str] = field(default_factory=set)
    reporting: bool = False
    in_quote_only: bool = True
    acted: Occurrence | None = None


@cache
def weights(path: Path = WEIGHTS_FILE) -> tuple[float, ...]:
    """The ranker's weights; a file for other features is an error, not a silent misfit."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path}: features differ from antecedents.FEATURES; retrain")
    return tuple(float(w) for w in data["weights"])


def score(features: list[float], w: tuple[float, ...]) -> float:
    """The weighted sum of a candidate's FEATURES (its rule columns after them left out)."""
    return sum(f * x for f, x in zip(features[: len(w)], w, strict=True))


def settled(candidates: list[list[float]]) -> int | None:
    """The candidate a rule settles before any weight: the last person who spoke or was a
    subject, when that was in the pronoun's sentence or the one before it ("Roe, however, is
    counting on it. “…,” she says"): a name met in passing since does not take the pronoun.
    Measured on the tuned 700 (5-fold): 0.829 of the pronouns right with it, 0.823 with the
    weights alone."""
    for i, features in enumerate(candidates):
        if features[_LAST_ACTOR] and features[_SINCE_ACTING] <= _JUST_BEFORE + 1e-9:
            return i
    return None


def choose(candidates: list[list[float]], w: tuple[float, ...]) -> int:
    """The index of the antecedent among the candidates' feature rows (at least one)."""
    found = settled(candidates)
    if found is not None:
        return found
    return max(range(len(candidates)), key=lambda i: score(candidates[i], w))


class PronounAntecedents(AttributionState):
    """Ranks the people a gendered pronoun speaker may stand for (a base of the Attributor)."""

    def _ranked_antecedent(self, span: Span, gender: str) -> str:
        """The best-scoring candidate for a pronoun of ``gender`` speaking ``span``; "" when
        the window names no one who fits."""
        found = self._antecedent_candidates(span, gender)
        return found[choose([f for _, f in found], weights())][0] if found else ""

    def _antecedent_candidates(self, span: Span, gender: str) -> list[tuple[str, list[float]]]:
        """(name, features) of each person who may be the antecedent, most recent first."""
        occurrences = self._occurrences_before(span)
        if not occurrences:
            return []
        here = self.doc.sentence_at(span.paragraph, span.open_at)
        here_index = here.index if here else len(self.doc.sentences)
        by_name: dict[str, _Candidate] = {}
        last_of: dict[str, str] = {}  # kind -> the name that occurred last in that role
        last_reporting = ""
        mains: dict[int, str] = {}  # sentence -> the person who is its subject
        for occ in occurrences:  # oldest first: later ones overwrite
            found = self._genders.get(occ.name, "")
            if gender and found and found != gender:
                continue  # a hard constraint: "she" is no man the article genders
            if occ.kind == "subject":
                occ = self._embedded(occ, mains)
            cand = by_name.get(occ.name)
            if cand is None:
                cand = by_name[occ.name] = _Candidate(occ.name, occ)
            cand.latest = occ
            if occ.kind != "mention":
                cand.acted = occ
                last_of["actor"] = occ.name
            cand.kinds.add(occ.kind)
            last_of[occ.kind] = occ.name
            quoted = occ.kind == "mention" and self._inside_quote(occ)
            cand.in_quote_only = cand.in_quote_only and quoted
            if occ.kind == "subject" and self._reports_speech(occ):
                cand.reporting = True
                last_reporting = occ.name
        ranked = sorted(
            by_name.values(), key=lambda c: (c.latest.paragraph, c.latest.offset), reverse=True
        )
        out: list[tuple[str, list[float]]] = []
        for rank, cand in enumerate(ranked):
            latest = cand.latest
            gap = span.paragraph - latest.paragraph
            known = self._genders.get(cand.name, "")
            features = [
                float(rank == 1),
                math.log1p(rank),
                float(gap == 0),
                float(gap == 1),
                float(last_of.get("speaker") == cand.name),
                float(last_of.get("subject") == cand.name),
                float(cand.reporting),
                float(last_reporting == cand.name),
                float(bool(known) and known == gender),
                float(not known),
                float(latest.kind == "mention" and self._inside_quote(latest)),
                float(cand.in_quote_only),
                # the rule columns
                float(last_of.get("actor") == cand.name),
                math.log1p(self._sentences_back(cand.acted, here_index)),
            ]
            out.append((cand.name, features))
        return out

    def _embedded(self, occ: Occurrence, mains: dict[int, str]) -> Occurrence:
        """A person who reports speech inside a sentence whose own subject is another person
        ("Roe said Doe had told him …", "Roe refrained, unlike Doe and Poe, who say …",
        "Roe said he agreed only because Doe asked"): the pronoun that follows still stands
        for the sentence's subject, so the inner reporter counts as a mention only. Not an
        apposed name ("The head of X, Jo Doe, said"), one after its verb ("…, said Doe"), one
        closing the sentence ("…, the best candidate Doe argues."), nor when the sentence's
        subject is inside a quote."""
        sentence = self.doc.sentence_at(occ.paragraph, occ.offset)
        if sentence is None:
            return occ
        if occ.offset <= sentence.start + 1:  # the sentence's own subject (a holder: +1)
            if not self._inside_quote(occ):
                mains.setdefault(sentence.index, occ.name)
            return occ
        main = mains.get(sentence.index)
        if main is None or main == occ.name:
            return occ
        text = self.paragraphs[occ.paragraph]
        before = text[max(sentence.start, occ.offset - 40) : occ.offset]
        if before.rstrip().endswith(",") or self.cues.verb_before.search(before):
            return occ
        if sentence.end - occ.offset < len(occ.name) + 25:
            return occ
        return Occurrence(occ.paragraph, occ.offset, occ.name, "mention")

    def _sentences_back(self, occ: Occurrence | None, here: int) -> int:
        if occ is None:
            return _NEVER
        sentence = self.doc.sentence_at(occ.paragraph, occ.offset)
        return max(here - sentence.index, 0) if sentence else _NEVER

    def _occurrences_before(self, span: Span) -> list[Occurrence]:
        """Mentions, subjects and cued speakers from PARAGRAPHS_BACK paragraphs before the
        span up to its opening mark, oldest first (never inside the quote itself)."""
        low = (span.paragraph - PARAGRAPHS_BACK, 0)
        high = (span.paragraph, span.open_at)
        out: list[Occurrence] = []
        if self._clauses is None:  # once per article, on the first pronoun
            self._clauses = clause_subjects(self.doc, self._known_person)
            self._clause_keys = [(p, o) for p, o, _ in self._clauses]
        for keys, rows, kind in (
            (self._mention_keys, self._mentions, "mention"),
            (self._subject_keys, self._subjects, "subject"),
            (self._clause_keys, self._clauses, "subject"),
        ):
            at = bisect_left(keys, high)
            start = max(bisect_left(keys, low), at - _LOOK_BACK)
            out.extend(Occurrence(p, o, name, kind) for p, o, name in rows[start:at])
        for s, who in self._cued_speakers[-_LOOK_BACK:]:
            if low <= (s.paragraph, s.start) < high and self.people.is_person(who):
                out.append(Occurrence(s.paragraph, s.start, who, "speaker"))
        out.sort(key=lambda o: (o.paragraph, o.offset))
        return out

    def _inside_quote(self, occ: Occurrence) -> bool:
        return any(q.open_at <= occ.offset < q.close_end for q in self._quotes_in(occ.paragraph))

    def _reports_speech(self, occ: Occurrence) -> bool:
        """Whether the sentence whose subject ``occ`` is holds a reporting verb outside its
        quotes ("Roe said that …", "Roe told reporters"): a source, not only an actor."""
        sentence = self.doc.sentence_at(occ.paragraph, occ.offset)
        if sentence is None:
            return False
        if self._reporting is None:
            self._reporting = {}  # per sentence: each pronoun looks at the same few again
        if sentence.index not in self._reporting:
            self._reporting[sentence.index] = self._holds_reporting_verb(sentence.index)
        return self._reporting[sentence.index]

    def _holds_reporting_verb(self, index: int) -> bool:
        sentence = self.doc.sentences[index]
        text = sentence.text
        for q in reversed(self._quotes_in(sentence.paragraph)):
            a, b = q.open_at - sentence.start, q.close_end - sentence.start
            if b > 0 and a < len(text):
                text = text[: max(a, 0)] + " " + text[max(b, 0) :]
        return bool(self.cues.verb_anywhere.search(text))

    _reporting: dict[int, bool] | None = None
    _clauses: list[tuple[int, int, str]] | None = None  # clause subjects, read on first use
    _clause_keys: list[tuple[int, int]]

    if TYPE_CHECKING:  # provided by the Attributor and its other bases

        def _quotes_in(self, paragraph: int) -> list[Span]: ...

        def _known_person(self, run: str) -> str: ...
