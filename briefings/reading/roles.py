"""The person a role word stands for, where the article says so: "the lawyer and dissident Ayman
Roe" or "Jane Roe, the mayor of X" make a later "the lawyer" or "the mayor" that person, even
when someone else was named in between; and the name in apposition to a description ("the
lawyer for Roe, Jane Doe")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from briefings.reading.document import Document
from briefings.reading.lexicon import Lexicon
from briefings.reading.names import person_name, personal

_WORD = re.compile(r"[^\W\d_][\w-]*")
_BEFORE = 60  # characters before a name in which its role word stands ("le procureur X")
_AFTER = 40  # characters after a name for an apposition ("X, le maire de Y")


@dataclass(frozen=True, slots=True)
class Holder:
    """A role word the article ties to a person, and where."""

    paragraph: int
    offset: int
    role: str
    name: str


def role_holders(doc: Document, person_of: Callable[[str], str]) -> list[Holder]:
    """Every role word standing right before a named person in the same sentence, or right
    after it in an apposition, in article order."""
    lex = doc.lexicon
    found: list[Holder] = []
    # where the name before ends: "Ministerin Petra Lange und Bürgermeister Jonas Weber" gives
    # Jonas Weber no role of hers
    ends: dict[int, int] = {}
    for mention in doc.names:
        name = person_of(mention.text)
        head, _, rest = mention.text.partition(" ")
        if not name and rest and _role(head, lex):
            name = person_of(rest)  # "Kommunikationswissenschaftler Brettschneider"
        if not name:
            continue  # a body or a place inside the role ("le ministre de l'Agriculture, X")
        floor = max(ends.get(mention.paragraph, 0), mention.start - _BEFORE, 0)
        ends[mention.paragraph] = mention.end
        text = doc.paragraphs[mention.paragraph].text
        before = re.split(r"[.!?:;]\s", text[floor : mention.start])[-1]
        # the run itself may open on its title: "Innenminister Gerhard Karner", and a
        # surname alone may follow it: "Bundeskanzlerin Merkel"
        run = _WORD.findall(mention.text)
        if mention.text.endswith(" " + name):
            size = len(name.split())
        else:  # "Kommunikationswissenschaftler Brettschneider": the name words closing it
            size = next((i for i, w in enumerate(reversed(run)) if w not in name.split()), 2)
        words = _WORD.findall(before) + run[: len(run) - size]
        roles = [role for w in words if (role := _role(w, lex))]
        after = text[mention.end : mention.end + _AFTER]
        appos = re.match(
            rf",\s+{lex.alternation(lex.descriptor_openers)}\s*(\w[\w-]*)", after, re.I
        )
        if appos and _role(appos.group(1), lex):
            roles.append(_role(appos.group(1), lex))
        for role in dict.fromkeys(roles):
            found.append(Holder(mention.paragraph, mention.start, role, name))
    return found


def holder_of(raw: str, paragraph: int, offset: int, holders: list[Holder], lex: Lexicon) -> str:
    """The person last tied to the role word of ``raw`` ("le juge en chef") before a place, or
    ""."""
    roles = [role for w in _WORD.findall(_bare(raw)) if (role := _role(w, lex))]
    if not roles:
        return ""
    keys = [(h.paragraph, h.offset) for h in holders]
    for holder in reversed(holders[: bisect_left(keys, (paragraph, offset))]):
        if holder.role == roles[0]:
            return holder.name
    return ""


def holder_after(raw: str, paragraph: int, offset: int, holders: list[Holder], lex: Lexicon) -> str:
    """The person first tied to the role word of ``raw`` after a place, or "": a role heading
    an article before its holder is named ("Il ministro degli Esteri: «…»", then "il ministro
    degli Esteri Antonio Tajani")."""
    roles = [role for w in _WORD.findall(_bare(raw)) if (role := _role(w, lex))]
    if not roles:
        return ""
    keys = [(h.paragraph, h.offset) for h in holders]
    for holder in holders[bisect_left(keys, (paragraph, offset)) :]:
        if holder.role == roles[0]:
            return holder.name
    return ""


def unnamed_role(
    doc: Document, raw: str, paragraph: int, offset: int, holders: list[Holder]
) -> bool:
    """Whether the role word of ``raw`` ("la vecina") stands for someone the article brought in
    with an indefinite article ("una vecina del barrio") after anyone it named in that role."""
    lex = doc.lexicon
    roles = [role for w in _WORD.findall(_bare(raw)) if (role := _role(w, lex))]
    if not lex.indefinites or not roles:
        return False
    brought = re.compile(
        rf"(?<![\w-])(?:{lex.alternation(lex.indefinites)})\s*{re.escape(roles[0])}\b", re.I
    )
    last = None
    for index in range(paragraph, -1, -1):
        text = doc.paragraphs[index].text
        found = list(brought.finditer(text[:offset] if index == paragraph else text))
        if found:
            last = (index, found[-1].start())
            break
    if last is None:
        return False
    keys = [(h.paragraph, h.offset) for h in holders]
    named = [h for h in holders[: bisect_left(keys, (paragraph, offset))] if h.role == roles[0]]
    return not named or (named[-1].paragraph, named[-1].offset) < last


def _bare(raw: str) -> str:
    """A role phrase without its elided opener: "l'avocate" -> "avocate"."""
    return re.sub(r"^\w{1,2}['’]", "", raw.strip())


def _role(word: str, lex: Lexicon) -> str:
    """The role a word names ("anwalt"), by the role noun that ends it where roles end
    compounds ("Drusenführer" and "Anführer" are both "führer"); "" for no role."""
    low = word.lower()
    if not lex.compound_roles:
        return low if low in lex.person_roles else ""
    endings = [r for r in lex.person_roles if low == r or (len(r) >= 4 and low.endswith(r))]
    return max(endings, key=len) if endings else ""


def appositive_name(phrase: str, lex: Lexicon) -> str:
    """The person named last in apposition to a description: "the lawyer for Roe, Jane Doe"."""
    head, _, tail = phrase.rpartition(",")
    first = head.split()[0].lower() if head.split() else ""
    opener = re.sub(r"(?<=['’]).*", "", first).replace("’", "'")
    if opener not in lex.descriptor_openers:
        return ""
    name = person_name(tail.strip(), lex)
    return name if name and name == tail.strip() and personal(name, lex) else ""
