"""Which person a pronoun speaker stands for: the gender each named person has in this
article, read from the article itself : a gendered title before the name
("Mr. Rhodes", "Ms. Acosta") and the gendered subject pronoun that follows a sentence about the
person ("Smith said he …", "Smith won. She …"), and a common given name of the language's data ("Hillary")."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from briefings.reading.document import Document
from briefings.reading.lexicon import Lexicon

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
