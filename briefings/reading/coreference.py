"""Which person a pronoun speaker stands for: the gender each named person has in this
article, read from the article itself : a gendered title before the name
("Mr. Rhodes", "Ms. Acosta") and the gendered subject pronoun that follows a sentence about the
person ("Smith said he …", "Smith won. She …"), and a common given name of the language's data ("Hillary"). Also who
else a pronoun may stand for: the holder of a view that opens a sentence ("To analyst Jo Roe,
the plan …"), and a person the article names by a given name alone ("Bob said")."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import cache

from briefings.reading.document import Document
from briefings.reading.lexicon import FALLBACK, Lexicon, language_file
from briefings.reading.names import capitalised_runs

_LOOK_AHEAD = 12  # tokens after the name in which a subject pronoun is taken as its echo


def person_genders(
    doc: Document,
    subjects: list[tuple[int, int, str]],
    person_of: Callable[[str], str],
) -> dict[str, str]:
    """Full name -> "masculine" / "feminine" for the people the article genders clearly.

    ``subjects`` are (paragraph, offset, full name) of sentences whose subject is a person;
    ``person_of`` turns a capitalised run into a known full name ("" when it is none).
    """
    lex = doc.lexicon
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in doc.names:
        words = mention.text.split()
        # "Mr. Rhodes"; where nouns are capitalised the run may hold more before its title:
        # "Die Leiterin Özlem Gezer"
        heads = words[:-1] if lex.capitalised_nouns else words[:1]
        gender = next((g for w in heads if (g := _title_gender(w.lower().rstrip("."), lex))), "")
        if gender and len(words) > 1:
            name = person_of(mention.text)
            if name:
                votes[name][gender] += 2  # a title is firm evidence
        # "la ministra Anna Verdi", "el presidente X": a lower-case title before the name
        text = doc.paragraphs[mention.paragraph].text
        before = text[max(0, mention.start - 30) : mention.start].split()[-1:]
        gender = _title_gender(before[0].rstrip(".,"), lex) if before else ""
        if gender and (before[0][:1].islower() or lex.capitalised_nouns):
            name = person_of(mention.text)
            if name:
                votes[name][gender] += 2
    for name in {person_of(m.text) for m in doc.names} - {""}:
        given = name.split()[0].lower()
        if given not in lex.masculine_given and given not in lex.feminine_given:
            given = given.split("-")[0]  # "Yves-François", "Marie-Claude": the first name tells
        # firmer than one echo, which may belong to someone else in the sentence
        if given in lex.masculine_given:
            votes[name]["masculine"] += 3
        elif given in lex.feminine_given:
            votes[name]["feminine"] += 3
    for paragraph, offset, name in subjects:
        sentence = doc.sentence_at(paragraph, offset)
        if sentence is None:
            continue
        gender = _echo(doc, sentence.index, offset, lex)
        if gender:
            votes[name][gender] += 1
    return {
        name: count.most_common(1)[0][0]
        for name, count in votes.items()
        if len(count) == 1 or count.most_common(2)[0][1] > 2 * count.most_common(2)[1][1]
    }


def _title_gender(word: str, lex: Lexicon) -> str:
    if word in lex.masculine_titles:
        return "masculine"
    if word in lex.feminine_titles:
        return "feminine"
    return ""


def _echo(doc: Document, index: int, offset: int, lex: Lexicon) -> str:
    """The gender of the first subject pronoun shortly after a person is a sentence's subject:
    later in the same sentence, or opening the next one in the same paragraph."""
    sentence = doc.sentences[index]
    after = [t for t in sentence.tokens if t.start > offset][:_LOOK_AHEAD]
    following = doc.sentences[index + 1] if index + 1 < len(doc.sentences) else None
    if following is not None and following.paragraph == sentence.paragraph:
        after += following.tokens[:1]
    for token in after:
        pronoun = lex.pronouns.get(token.text.lower())
        if pronoun and pronoun.subject and pronoun.number == "singular" and pronoun.gender:
            return pronoun.gender if pronoun.gender != "neuter" else ""
    return ""


def viewpoint_holders(doc: Document, person_of: Callable[[str], str]) -> list[tuple[int, int, str]]:
    """(paragraph, offset, full name) of sentences opening on whose view they give: "To
    Florida consultant Jo Wilson, the plan is silly." / "For Ann Roe, it was …". The next
    "she said" is that person's, not the subject's: a view holder is as salient as a subject.
    The offset is one past the sentence's start, so the holder outranks its subject."""
    openers = _words(doc.lexicon.code, "viewpoint_openers")
    if not openers:
        return []
    found: list[tuple[int, int, str]] = []
    for sent in doc.sentences:
        first, _, rest = sent.text.lstrip().partition(" ")
        if first.lower() not in openers or "," not in rest:
            continue
        phrase = rest.split(",", 1)[0]
        if len(phrase.split()) > 10:
            continue
        runs = capitalised_runs(phrase)
        # the name closes the phrase: not "For Trump supporters," (a group named after him)
        if not runs or runs[-1].end != len(phrase.rstrip()):
            continue
        name = person_of(runs[-1].text)
        if name:
            found.append((sent.paragraph, sent.start + 1, name))
    return found


def lone_given_names(doc: Document, verb_next: re.Pattern[str]) -> list[str]:
    """Common given names the article uses alone as a speaker's name ("Bob said he …"), and
    any lone name with an age in apposition ("Kenza, 22 ans,"): a source known only by a
    first name is still a person a pronoun can stand for."""
    lex = doc.lexicon
    given = lex.masculine_given | lex.feminine_given
    aged = (
        re.compile(rf",\s+\d{{1,3}}\s+{lex.alternation(lex.age_words)}\s*,")
        if lex.age_words
        else None
    )
    found: list[str] = []
    for mention in doc.names:
        word = mention.text
        if " " in word or word in found:
            continue
        after = doc.paragraphs[mention.paragraph].text[mention.end : mention.end + 40]
        if word.lower() in given and verb_next.match(after):
            found.append(word)
        elif aged and word.lower() not in lex.not_names and _aged_or_role(after, aged, lex):
            found.append(word)  # "Kenza, 22 ans,", "Sofiane, membre du collectif,": a person
    return found


def _aged_or_role(after: str, aged: re.Pattern[str], lex: Lexicon) -> bool:
    """Words after a lone name that make it a person's: an age ("Kenza, 22 ans,") or a
    person's role in apposition ("Sofiane, membre du collectif", "Karim, étudiant en droit")."""
    if aged.match(after):
        return True
    words = re.sub(r"^(\w{1,2}['’])(?=\w)", r"\1 ", after[1:].strip()).split()[:2]
    if words and words[0].lower() in lex.determiners:
        words = words[1:]  # "Marc, le porte-parole du collectif"
    role = words[0].lower() if words else ""
    # not "Paris, premier parc du monde": a role word that is also a function word
    return after.startswith(",") and role in lex.person_roles and role not in lex.not_names


def coordinated_people(
    doc: Document,
    paragraph: int,
    offset: int,
    subject_of: Callable[[str], str | None],
    person_of: Callable[[str], str],
) -> tuple[int, int, str] | None:
    """(paragraph, offset, "A and B") of the last sentence before a place, in its paragraph or
    the one before, whose subject is two people joined by "and" ("Professors Foner and Alba
    suggest …"): what a following "they write" stands for."""
    joiners = _words(doc.lexicon.code, "coordinators")
    here = doc.sentence_at(paragraph, offset)
    if here is None or not joiners:
        return None
    for sent in reversed(doc.sentences[max(0, here.index - 6) : here.index + 1]):
        if sent.paragraph < paragraph - 1:
            break
        subject = subject_of(sent.text) if sent.start < offset or sent is not here else None
        words = subject.split() if subject else []
        cut = next((i for i, w in enumerate(words) if w.lower() in joiners), 0)
        if not 0 < cut < len(words) - 1:
            continue
        # "Professors Foner and Alba": the surname before the joiner, a title left out
        a = person_of(words[cut - 1]) or person_of(" ".join(words[:cut]))
        b = person_of(" ".join(words[cut + 1 :])) or person_of(words[cut + 1])
        if a and b and a != b:
            return (sent.paragraph, sent.start, f"{a} {words[cut]} {b}")
    return None


@cache
def _words(code: str, key: str) -> frozenset[str]:
    """A word list of the ``[coreference]`` table of a language's file (English's when the
    file leaves it out)."""
    for name in (code, FALLBACK):
        words = _table(name).get(key)
        if isinstance(words, list):
            return frozenset(str(w).lower() for w in words)
    return frozenset()


def _own_list(code: str, key: str) -> list[object]:
    words = _table(code).get(key)
    return words if isinstance(words, list) else []


def _table(code: str) -> dict[str, object]:
    table = language_file(code).get("coreference", {})  # (parsed once, with the lexicon)
    return table if isinstance(table, dict) else {}


_NEGATION = re.compile(r"n['’]t$")


def clause_subjects(doc: Document, person_of: Callable[[str], str]) -> list[tuple[int, int, str]]:
    """(paragraph, offset, full name) of people who open a coordinated clause as its subject:
    a name after a comma or semicolon and a conjunction, then an auxiliary or a past tense of
    the language's ``past_tense_endings`` ("The others moved on, but Roe wasn't having it.",
    "…; and Roe stayed"). The sentence's own subject is found elsewhere; this is the later
    actor a following "he said" stands for. (Not a name after a reporting verb: "Roe said Doe
    was wrong" keeps Roe, so no clause without punctuation and a conjunction counts; nor a
    name after a bare comma: measured, "…, Doe was" is as often an apposition's tail.)"""
    lex = doc.lexicon
    joins = frozenset(c.lower() for c in lex.conjunctions)
    # a language's own past-tense endings only (no fallback to English's "-ed")
    endings = tuple(str(e) for e in _own_list(lex.code, "past_tense_endings"))
    found: list[tuple[int, int, str]] = []
    for mention in doc.names:
        text = doc.paragraphs[mention.paragraph].text
        before = text[max(0, mention.start - 12) : mention.start].rstrip()
        words = before.split()
        if not words or words[-1].lower() not in joins:
            continue
        if len(words) < 2 or not words[-2].endswith((",", ";")):
            continue
        after = text[mention.end : mention.end + 20].split()
        verb = _NEGATION.sub("", after[0].lower()) if after else ""
        if verb in lex.auxiliaries or (endings and verb.endswith(endings) and verb.isalpha()):
            name = person_of(mention.text)
            if name:
                found.append((mention.paragraph, mention.start, name))
    return found
