"""The vocabulary of attribution: reporting verbs (said, told, stressed, according to …),
the shapes of cues after and before a quote, role words and documents that speak for someone,
and the sentence helpers the attributor uses."""

from __future__ import annotations

import re

from briefings.reading.sentences import split_sentences

_REGULAR = """stress explain warn note insist tweet ask answer continue argue claim declare announce
     acknowledge admit agree emphasize emphasise highlight assert recall remark observe comment
     concede confirm caution suggest urge post predict promise reiterate conclude laugh joke
     state shout recount vow maintain muse quip lament complain boast counter respond reveal
     indicate denounce demand proclaim whisper yell exclaim opine repeat estimate add testify
     reply explain point allege insist mention underline stress recount retort scoff chime""".split()
_IRREGULAR = """said says say saying told tells telling wrote writes writing write tell""".split()


def _forms(verb: str) -> list[str]:
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    double = verb in {"add", "admit", "quip", "chime"}
    ed = verb + verb[-1] + "ed" if verb in {"admit", "quip"} else verb + "ed"
    ing = verb + verb[-1] + "ing" if verb in {"admit", "quip"} else verb + "ing"
    del double
    return [verb, verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s"), ed, ing]


_VERB_WORDS = sorted({f for v in _REGULAR for f in _forms(v)} | set(_IRREGULAR), key=len)[::-1]
_ENGLISH_VERB = r"(?:" + "|".join(_VERB_WORDS) + r")(?:\s+out)?"
_FOREIGN_VERB = (
    r"(?:a déclaré|a dit|a affirmé|a ajouté|sagte|erklärte|betonte|dijo|afirmó|señaló|disse)"
)
VERB = rf"(?:{_ENGLISH_VERB}|{_FOREIGN_VERB})"
ADV = (
    r"(?:has|have|had|would|will|also|then|later|previously|further|once|again|recently|simply|"
    r"just|quickly|repeatedly|earlier|reportedly|publicly|privately|flatly|bluntly|once|"
    r"has also|had also|told reporters|told the \w+)"
)
_PRONOUN = r"(?:he|she|they|we|it|He|She|They|We|It|I)"
_NAME = r"(?:[A-ZÀ-Ý][\w’'.\-]*(?:\s+(?:(?:de|van|von|al|bin|da|del|la|le)\s+)?[A-ZÀ-Ý][\w’'.\-]*){0,4})"
_DESCRIPTOR = (
    r"(?:(?:the|a|an|The|A|An|his|her|its|their|His|Her|Its|Their)\s+[^,.;:!?“”\"]{1,80}?)"
)
_WHO = rf"(?:{_PRONOUN}|{_DESCRIPTOR}|{_NAME})"
LEAD = r"^[\s,.;!?—–\-’”\"»]*"
AFTER_SUBJECT_VERB = re.compile(rf"{LEAD}(?P<who>{_WHO})\s+(?:{ADV}\s+)*(?P<verb>{VERB})\b")
# "…,” Strauss Zelnick, CEO of Take-Two, adds." and "…,” company CEO Andy Vesey said." (or
# "Goddard planetary scientist Avi Mandell said").
AFTER_APPOSITIVE = re.compile(
    rf"{LEAD}(?P<who>{_NAME}),\s+[^“”\"]{{1,140}}?,\s+(?:{ADV}\s+)*(?P<verb>{VERB})\b"
)
AFTER_ROLE_NAME = re.compile(
    rf"{LEAD}(?:[A-Za-z][^,.;:!?“”\"]{{0,80}}?\s)?(?P<who>{_NAME}(?:\s+and\s+(?:his|her|their)\s+"
    rf"\w+)?)\s+(?:{ADV}\s+)*(?P<verb>{VERB})\b"
)
AFTER_VERB_SUBJECT = re.compile(rf"{LEAD}(?P<verb>{VERB})\s+(?P<who>[^.;:!?“”\"]{{1,200}})")
ACCORDING = re.compile(r"\baccording to (?P<who>[^.;:!?“”\"]{1,120})")
VERB_ANYWHERE = re.compile(rf"\b{VERB}\b")
TRAILING_ADV = re.compile(rf"(?:\s+{ADV})+\s*$")
POSSESSIVES = frozenset("her his their its our my your this that these those".split())
INTRO_WORDS = frozenset(
    """for in on at after before however meanwhile still but and earlier later last this that
        with under despite according as since while when though although instead also then now
        yet so separately elsewhere nevertheless indeed""".split()
)
PRONOUNS = {"he", "she", "they", "we", "it", "i"}
# "the minister said": a role word stands for the last person named.
PERSON_ROLES = re.compile(
    r"^(?:the|his|her)\s+(?:\d+-year-old|(?:[a-z\-]+\s+)?(?:minister|president|secretary|"
    r"ambassador|coach|senator|governor|mayor|chancellor|premier|envoy|diplomat|leader|"
    r"executive|ceo|chief|chairman|chairwoman|actor|actress|singer|star|player|forward|"
    r"defenseman|goaltender|goalie|captain|manager|winger|quarterback|officer|analyst|"
    r"scientist|researcher|author|lawmaker|congressman|congresswoman|judge|lawyer|"
    r"prosecutor|general|founder|director|professor|doctor|teacher|economist|official|"
    r"spokesman|spokeswoman|spokesperson|veteran|rookie|pitcher|head))$",
    re.I,
)
# "the statement said": a document speaks for the organisation that issued it.
DOCUMENTS = re.compile(
    r"^(?:the|a|its|their)\s+(?:joint\s+)?(?:statement|letter|report|release|communiqué|note|"
    r"study|filing|ministry|company|firm|agency|department|group|organi[sz]ation|government|"
    r"label|team|club|league|office|spokesperson|spokesman|spokeswoman)$",
    re.I,
)


ISSUED = re.compile(
    r"(?P<who>(?:[Tt]he |[A-Z])[\w’' -]{1,60}?)\s+(?:later |also |then )?(?:issued|released|"
    r"published|sent|put out)\s+(?:a|an|its|their|two|three|several|new)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:statement|letter|report|note|study)s?"
)
COLLECTIVE = frozenset(
    """doctors physicians researchers scientists authors officials members activists lawmakers
    experts group organisers organizers protesters workers nurses teachers parents residents
    campaigners volunteers""".split()
)
_APPOSITION = re.compile(
    r"\b[Tt]he (?P<noun>[a-z]+), (?:[a-z]+ ){0,4}?(?:of|from|at|with) (?:a |an |the )?"
    r"(?:[a-z]+ ){0,3}(?P<name>[A-Z][\w’'&-]*(?: (?:for|of|and|&|the) [A-Z][\w’'&-]*| [A-Z][\w’'&-]*)+)"
)


def group_aliases(paragraphs: list[str]) -> dict[tuple[int, int], tuple[str, str]]:
    """Where the article says who a collective noun is: position -> (noun, name)."""
    found: dict[tuple[int, int], tuple[str, str]] = {}
    for index, para in enumerate(paragraphs):
        for match in _APPOSITION.finditer(para):
            found[(index, match.start())] = (match.group("noun"), match.group("name"))
    return found


def last_sentence(text: str) -> str:
    sentences = split_sentences(text + " x") if text.strip() else []
    if not sentences:
        return ""
    last = sentences[-1]
    return last[:-2] if last.endswith(" x") else last


def whole_sentence(para: str, position: int) -> str:
    offset = 0
    for sentence in split_sentences(para):
        found = para.find(sentence, offset)
        if found <= position < found + len(sentence) + 1:
            return sentence
        offset = max(found, offset)
    return para
