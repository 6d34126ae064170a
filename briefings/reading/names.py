"""Proper names in running text: people (with titles stripped), and a surname index so a later
"Blinken" or "Ambassador Sondland" resolves to the fullest name the article gives."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from briefings.reading.lexicon import Lexicon, english

if TYPE_CHECKING:
    from briefings.reading.document import Document, Mention

_EN = english()
# English word lists, for the readers that are not language-aware yet (topics).
TITLES = _EN.titles
ORG_WORDS = _EN.org_words
NOT_NAMES = _EN.not_names
CONNECTORS_WORDS = list(_EN.connectors)
CONNECTORS = frozenset(CONNECTORS_WORDS)

_TOKEN = re.compile(r"[^\W\d_](?:[\w’'\-]*[^\W_])?\.?|[^\W\d_]\.")
_UPPER = "".join(re.escape(c) for c in map(chr, range(0x10000)) if c.isupper() or c.istitle())
# A token as ``_TOKEN`` cuts it, kept only when it starts with a capital or is a name particle.
_HYPHEN_PARTICLES = frozenset(_EN.hyphen_particles)
# A capital after an elided article or preposition starts a name too: "d'Anne Roy", "l'Italie".
_ELIDED_PARTICLES = frozenset({"d'", "d’"})
_WORDLIKE = r"[\w’'\-]"


def _after_first(words: list[str]) -> str:
    """``words`` as an alternation matched after their first letter was consumed."""
    return "|".join(f"(?<={re.escape(w[0])}){re.escape(w[1:])}" for w in words)


_PARTICLE_FIRSTS = re.escape(
    "".join(sorted({w[0] for w in (*CONNECTORS_WORDS, *_HYPHEN_PARTICLES)}))
)
# The pattern opens on one character class (a capital or a particle's first letter), so the
# regex engine skips every other character in C; what must precede a token (no word
# character, or an elided "d'", "qu'") is looked up behind that character. (The same tokens
# as a pattern opening on those lookbehinds, which was tried at every position of the text:
# checked on the corpus's 32,963 paragraphs and titles and 200,000 random strings.)
_RUN_TOKEN = re.compile(
    rf"[{_UPPER}{_PARTICLE_FIRSTS}]"
    rf"(?:(?<!{_WORDLIKE}.)|(?<=(?<!{_WORDLIKE})[dlnsjcmtDLNSJCMT][’'].)"
    rf"|(?<=(?<!{_WORDLIKE})[qQ]u[’'].))"
    rf"(?:(?<=[{_UPPER}])(?:[\w’'\-]*[^\W_])?\.?"
    rf"|(?:{_after_first(sorted(CONNECTORS_WORDS))})(?!{_WORDLIKE})"
    rf"|(?:{_after_first(sorted(_HYPHEN_PARTICLES))})-[{_UPPER}](?:[\w’'\-]*[^\W_])?)"
)


@dataclass(slots=True, frozen=True)
class Name:
    """A proper-name run found in text, with its character span."""

    text: str
    start: int
    end: int


# Cached: the document, quotes and every topic step read the same paragraphs' runs (called
# directly, without a wrapper: it is asked for thousands of times per second).
@lru_cache(maxsize=4096)
def capitalised_runs(text: str) -> tuple[Name, ...]:
    """Runs of capitalised words (with name particles such as "van", "al") and their spans."""
    runs: list[Name] = []
    current: list[re.Match[str]] = []

    def flush() -> None:
        while current and current[-1].group(0).lower() in CONNECTORS:
            current.pop()
        if current:
            start, end = current[0].start(), current[-1].end()
            runs.append(Name(text[start:end].rstrip("."), start, end))
        current.clear()

    # Only capitalised words and name particles can be in a run: the regex skips the rest, and
    # a skipped word still breaks a run because it is in the gap between two kept words.
    last, last_end = "", 0  # the run's last token and where it ends
    for match in _RUN_TOKEN.finditer(text):
        token = match.group(0)
        if current:
            gap = text[last_end : match.start()]
            if (
                # "Jean d'Ormesson"; "Ernst & Young", "Procter & Gamble": one name
                (gap.strip() and gap.strip() not in _ELIDED_PARTICLES and gap.strip() != "&")
                or "\n" in gap
                or (
                    last.endswith(".")
                    and len(last) > 3
                    and last.lower()[:-1] not in _EN.abbreviations
                )
            ):
                flush()
        # "al-Scharaa" goes on a run ("Achmed al-Scharaa") but starts none.
        if token[0].isupper() or (
            current
            and (
                token.lower() in CONNECTORS
                or (token[:1].islower() and token.split("-")[0] in _HYPHEN_PARTICLES)
            )
        ):
            current.append(match)
            last, last_end = token, match.end()
            if token.endswith(("’s", "'s")):
                flush()  # "Elon Musk’s SpaceX" is two names
        elif current:
            flush()
    flush()
    return tuple(runs)


def drop_openers(name: str, not_names: frozenset[str], keep: frozenset[str]) -> str:
    """A name without the capitalised sentence-opening words of its language before it
    ("Según Pedro Gil" -> "Pedro Gil"); ``keep`` are words that stay (determiners)."""
    words = name.split()
    while len(words) > 2 and words[0].lower() in not_names and words[0].lower() not in keep:
        words.pop(0)
    return " ".join(words)


def strip_titles(words: list[str]) -> list[str]:
    """Drop leading titles and sentence-start words: "Lt. Col. Alexander Vindman" -> 2 words."""
    out = list(words)
    while out and (out[0].lower().rstrip(".") in TITLES or out[0].lower() in NOT_NAMES):
        out.pop(0)
    return out


def _name_words(lex: Lexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Titles, organisation words and never-name words of a language, English's included
    (news in any language writes "CEO" or "President")."""
    found: tuple[frozenset[str], frozenset[str], frozenset[str]] = lex.compiled(
        "name_words",
        lambda lex: (
            TITLES | lex.titles,
            ORG_WORDS | lex.org_words,
            NOT_NAMES | (lex.not_names - set(lex.connectors)),
        ),
    )
    return found


def person_name(run: str, lex: Lexicon | None = None) -> str | None:
    """The person's name in a capitalised run, or None when the run is not a person's name.

    The name is the run's tail after any title, organisation or place words of the language
    (English when ``lex`` is None): "White House Press Secretary Stephanie Grisham" ->
    "Stephanie Grisham", "Der Trierer Politikwissenschaftler Uwe Jun" -> "Uwe Jun".
    """
    # One memo key per run and language: topics ask without a lexicon for the runs persons_in
    # asked about with English's, and each spelling of the call was a miss of its own.
    return _person_name(run, lex or _EN)


@lru_cache(maxsize=65536)
def _person_name(run: str, lex: Lexicon) -> str | None:
    titles, org_words, not_names = _name_words(lex)
    words = run.replace("’s", "").replace("'s", "").split()
    for i, word in enumerate(words[1:-1], 1):
        if word in lex.determiners and words[i - 1] not in lex.connectors:
            # "Detlef Scheele der Deutschen Presse-Agentur": an article the language never
            # puts in a name (a particle elsewhere) splits the run; the name comes first
            return person_name(" ".join(words[:i]), lex) or person_name(
                " ".join(words[i + 1 :]), lex
            )
        if word not in lex.connectors:
            continue
        rest = (w for w in words[i + 1 :])
        cased = next(
            (w for w in rest if w not in lex.connectors and w.lower() not in not_names), ""
        )
        after = cased.lower()
        # "Jan Roe von der SP", "von der Landespolizeidirektion": after a whole name, an
        # acronym or a word with a noun ending is a body, no part of the name
        body = i >= 2 and (
            (cased.isupper() and len(cased) > 1)
            or (len(after) > 6 and after.endswith(lex.noun_endings))
        )
        if after in org_words or lex.is_title(after) or body:
            words = words[:i]  # "Jana Roe von der Firma X": what follows is no name
            break
    while words and (words[-1].lower() in not_names or words[-1] in lex.connectors):
        words.pop()  # "Trump July"; "Nacht von" (Mittwoch)
    cut = 0
    for i, word in enumerate(words):
        bare = word.lower().rstrip(".")
        last = i == len(words) - 1  # a surname may look like a title: "Kevin King"
        # A place word only cuts when two name words follow: "Ukraine Kurt Volker", but not
        # the surname in "Ian Hamilton".
        place = i < len(words) - 2 and _is_place_word(bare)
        acronym = word.isupper() and len(word.rstrip(".")) > 1  # "Browns DL Sheldon Richardson"
        titled = bare in titles or lex.is_title(bare)  # "Innenminister", "Drusenführer"
        # "der" of "von der Leyen" is a particle, of "Ausmaß der Katastrophe" an article
        particle = i > 0 and words[i - 1] in lex.connectors
        # "Jill A. Martin": an initial, not the article "a"; "zu" of "Karl-Theodor zu
        # Guttenberg": a particle of the language is no function word
        initial = len(word) == 2 and word[1] == "." and word[0].isupper()
        function = bare in not_names and not particle and not initial and word not in lex.connectors
        if not last and (titled or bare in org_words or function or acronym or place):
            cut = i + 1
    if (
        lex.org_heads_name
        and cut == 1
        and words[0].lower() in org_words
        and not lex.is_title(words[0].lower())
        and words[1].lower() not in lex.masculine_given | lex.feminine_given
    ):
        # where the organisation word heads the name, a run opening on it is that body's name
        # ("Universidad Politécnica de Madrid", "Asociación Vecinal Pradera-Tercio Terol")
        return None
    words = words[cut:]
    if not 2 <= len(words) <= 4:
        return None
    if any(w.lower().rstrip(".") in org_words for w in words):
        return None
    while words and words[0].isupper() and len(words[0].rstrip(".")) > 1:
        words.pop(0)  # a leading acronym is a label: "Browns DL Sheldon Richardson"
    if not 2 <= len(words) <= 4:
        return None
    if any(w.isupper() and len(w.rstrip(".")) > 1 for w in words):
        return None  # acronyms inside: "NASA", "US"
    if words[-1].endswith("."):
        return None
    name = " ".join(words)
    if _is_place_word(name.lower()):
        return None  # "New York", "San Juan", "Puerto Ricans": a place or its people
    return name


def split_at_articles(run: Name, lex: Lexicon) -> list[Name]:
    """A run cut where an article of the language stands in it other than after a particle:
    "Weber der Deutschen Presse-Agentur" is "Weber" and "Deutschen Presse-Agentur"."""
    parts: list[Name] = []
    start = 0
    for m in re.finditer(r"\S+", run.text):
        word = m.group(0)
        before = run.text[: m.start()].split()[-1:]
        if word in lex.determiners and before and before[0] not in lex.connectors:
            head = run.text[start : m.start()].rstrip()
            if head:
                parts.append(Name(head, run.start + start, run.start + start + len(head)))
            start = m.end() + 1
    if not parts:
        return [run]
    tail = run.text[start:]
    if tail:
        parts.append(Name(tail, run.start + start, run.start + start + len(tail)))
    return parts


def titled_surname(run: str, honorifics: frozenset[str] = _EN.honorifics) -> str:
    """The surname in "Mr. Bush" or "Sen. Cruz": a person the article names by title only."""
    words = run.replace("’s", "").replace("'s", "").split()
    if len(words) != 2 or words[0].lower().rstrip(".") not in honorifics:
        return ""
    surname = words[1]
    if surname.endswith(".") or surname.isupper() or surname.lower() in NOT_NAMES:
        return ""
    return "" if surname.lower() in ORG_WORDS or _is_place_word(surname.lower()) else surname


_APPOSED = re.compile(r"(?<=,\s)([^\W\d_][\w’'\-]*)(?=,\s)")


def apposed_surnames(paragraph: str, lex: Lexicon) -> list[str]:
    """Where role nouns head compounds, a lone surname set off by commas after a description
    headed by a role ("Der Präsident des Zentralrats, Schuster, erklärte"): a person."""
    if not lex.compound_roles or ", " not in paragraph:
        return []
    found = []
    for match in _APPOSED.finditer(paragraph):
        surname = match.group(1)
        if not surname[0].isupper() or surname.lower() in lex.not_names or lex.is_title(surname):
            continue
        head = re.split(r"[.;:!?,]\s", paragraph[max(0, match.start() - 120) : match.start() - 2])[
            -1
        ]
        words = head.split()
        if words and words[0].lower() in lex.determiners and any(lex.is_title(w) for w in words):
            found.append(surname)
    return found


def _role_word(word: str, lex: Lexicon) -> bool:
    """A role noun, or a compound ending in a title ("Bundeskanzlerin", "CDU-Chef"); not a
    compound ending in any role noun ("Autobauer" ends in "Bauer" and heads a company)."""
    low = word.lower().rstrip(".")
    if low in lex.titles or low in lex.person_roles:
        return True
    return any(low.endswith(t) and len(low) >= len(t) + 3 for t in lex.titles if len(t) >= 4)


def role_surname(run: str, lex: Lexicon) -> str:
    """Where role nouns head compounds, the surname after one ("Bundeskanzlerin Merkel",
    "CDU-Chef Merz"): a person the article names by role and surname only."""
    words = run.split()
    if len(words) < 2 or not lex.compound_roles or not _role_word(words[-2], lex):
        return ""
    surname = words[-1]
    if surname.lower() in lex.not_names or lex.is_title(surname) or "-" in surname:
        return ""
    role = words[-2]
    return titled_surname(f"{role} {surname}", frozenset({role.lower().rstrip(".")}))


@lru_cache(maxsize=65536)
def _is_place_word(word: str) -> bool:
    from briefings.reading.gazetteer import fold, gazetteer

    # A smaller city counts only as a name of its own (the topics' rule too): inside a run it
    # is a given name or a surname as often ("Luz", an alternate name of Łódź).
    return any(e.kind != "subject" and not e.standalone for e in gazetteer().lookup(fold(word)))


class PersonIndex:
    """Every full personal name an article gives, to expand a surname to the fullest form."""

    def __init__(
        self, names: list[str], openers: frozenset[str] = frozenset(), closing_names: bool = False
    ) -> None:
        self.full: list[str] = []
        # Where nouns are capitalised, a run may hold nouns before a known name.
        self.closing_names = closing_names
        self._by_part: dict[str, str] = {}
        # Capitalised sentence openers of the article's language ("Já", "Para"): no part of a
        # name they stand before.
        self.openers = openers
        self._expanded: dict[str, str] = {}  # memo: an article names the same people often
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        if not name.split() or name in self.full or any(f.endswith(" " + name) for f in self.full):
            return
        # A longer form of an already known name replaces it ("Silvia Martins" then
        # "Silvia S. Martins" keeps the first full form the article gave).
        self.full.append(name)
        self._expanded.clear()
        parts = name.split()
        # Surname first, then given name, then middle words ("Acosta" in "Melba Acosta Febo").
        for part in (parts[-1], parts[0], *parts[1:-1]):
            if len(part.rstrip(".")) > 1 and part.lower() not in CONNECTORS:
                self._by_part.setdefault(part.lower(), name)

    def expand(self, name: str) -> str:
        """Fullest form of a name: "Blinken" -> "Antony Blinken"; unknown names unchanged."""
        if name not in self._expanded:
            self._expanded[name] = self._expand(name)
        return self._expanded[name]

    def _expand(self, name: str) -> str:
        words = strip_titles(name.split()) or name.split()
        while len(words) > 1 and words[0].lower() in self.openers:
            words = words[1:]
        candidate = " ".join(words)
        longer = [f for f in self.full if f.endswith(" " + candidate)]
        if longer:
            return longer[0]
        if candidate in self.full:
            return candidate
        # "Lehrerin Jana Roe", "Staff Katie Walsh" (a title's tail left on the run): the known
        # full name closing the run
        inner = [f for f in self.full if candidate.endswith(" " + f)]
        if inner:
            return max(inner, key=len)
        if len(words) == 1:
            return self._by_part.get(words[0].lower(), candidate)
        for full in self.full:
            if full.endswith(" " + candidate) or full.startswith(candidate + " "):
                return full
        last = self._by_part.get(words[-1].lower())
        if last and last.split()[0] == words[0]:
            return last
        return candidate

    def is_person(self, name: str) -> bool:
        return name in self.full


def persons_in(*paragraphs: str, lex: Lexicon | None = None) -> list[str]:
    """Full personal names (two to four words) in order of first appearance, by the name words
    of ``lex``'s language (English when None); a name the article treats as an organisation
    ("Big Machine, which…") is left out. Runs never cross a paragraph, so each paragraph's
    (cached) runs are read on their own."""
    return list(_persons_in(paragraphs, lex or _EN))


_GIVEN = _EN.masculine_given | _EN.feminine_given  # (one union, not one per article)
_NUMBER = re.compile(r"\d[\d.,]*")


def _after_numeral(paragraph: str, start: int, lex: Lexicon) -> bool:
    """A run right after a number ("zwei Jahre Bauzeit", "40 Grad Hitze"), where nouns are
    capitalised: a quantity, not a person."""
    if not lex.numerals:
        return False
    before = paragraph[max(0, start - 20) : start].split()[-1:]
    return bool(before) and (
        before[0].lower() in lex.numerals or _NUMBER.fullmatch(before[0]) is not None
    )


def _org_tail(paragraph: str, start: int, lex: Lexicon) -> bool:
    """A run right after an organisation word and a link ("the Association for Suicide
    Prevention", "the Institute of Fiscal Studies"): the rest of the body's name."""
    if not lex.org_links:
        return False
    before = paragraph[max(0, start - 40) : start].split()[-2:]
    return (
        len(before) == 2
        and before[1] in lex.org_links
        and before[0][:1].isupper()
        and before[0].lower().strip(",") in lex.org_words
    )


def lone_echoed_names(doc: Document, verb_next: re.Pattern[str]) -> list[str]:
    """Lone names the article uses as a speaker echoed by a gendered pronoun ("Meghan said
    she …", "Rodri told reporters he …"): a person known by one name, not a body (a body is
    "it"). Not a function, organisation, title or place word."""
    lex = doc.lexicon
    gendered = {
        word
        for word, p in lex.pronouns.items()
        if p.subject and p.number == "singular" and p.gender in ("masculine", "feminine")
    }
    found: list[str] = []
    lowered = ""  # the article's text, read once a candidate needs it
    mid_sentence: set[str] | None = None
    for mention in doc.names:
        word = mention.text
        low = word.lower()
        if " " in word or word in found or word.isupper() or low in lex.not_names:
            continue
        if "'" in word or "’" in word:
            continue  # "Trump's", "He's": a possessor or a contraction
        if low in lex.org_words or lex.is_title(low) or _is_place_word(low):
            continue
        text = doc.paragraphs[mention.paragraph].text
        verb = verb_next.match(text, mention.end)
        sentence = doc.sentence_at(mention.paragraph, mention.start)
        if verb is None or sentence is None:
            continue
        rest = text[verb.end() : sentence.end].split()[:_ECHO_WORDS]
        if not any(w.strip(",.;:").lower() in gendered for w in rest):
            continue
        if not lowered:
            lowered = "\n".join(p.text for p in doc.paragraphs)
        if re.search(rf"(?<![\w'’-]){re.escape(low)}(?![\w'’-])", lowered):
            continue  # "Allies say he …": a word the article also writes in lower case
        if mid_sentence is None:
            mid_sentence = {m.text for m in doc.names if not _opens_sentence(doc, m)}
        # a word capitalised only where it opens a sentence may be any noun
        if word in mid_sentence:
            found.append(word)
    return found


def _opens_sentence(doc: Document, mention: Mention) -> bool:
    sentence = doc.sentence_at(mention.paragraph, mention.start)
    return sentence is not None and not doc.paragraphs[mention.paragraph].text[
        sentence.start : mention.start
    ].strip(" “\"‘'(")


_ECHO_WORDS = 12  # words after the verb in which a pronoun echoes its subject


def _plural_owner_of_body(paragraph: str, end: int, lex: Lexicon) -> bool:
    """A run in the plural possessive before an organisation word ("Colleges Employers’
    Association"): part of the body's name, no person."""
    mark = paragraph[end : end + 2]
    if mark not in ("’ ", "' "):
        return False
    after = paragraph[end + 2 : end + 40].split()[:1]
    return bool(after) and after[0][:1].isupper() and after[0].lower().strip(",.") in lex.org_words


# Quotes and topics both ask for the same article's people: the second asks the cache.
@lru_cache(maxsize=4)
def _persons_in(paragraphs: tuple[str, ...], lex: Lexicon) -> tuple[str, ...]:
    found = [
        name
        for p in paragraphs
        for run in capitalised_runs(p)
        if (name := person_name(run.text, lex))
        and not _after_numeral(p, run.start, lex)
        and not _org_tail(p, run.start, lex)
        and not _plural_owner_of_body(p, run.end, lex)
    ]
    if not found:
        return ()
    whole = "\n\n".join(paragraphs)
    if lex.capitalised_nouns:
        # "Brettschneiders Sicht": a known surname's genitive and a noun name its owner, also
        # a surname the text writes on its own ("Mahrer wolle …", "Mahrers Appartement")
        surnames = {n.split()[-1] + "s" for n in found if len(n.split()) > 1}
        found = [n for n in found if n.split()[0] not in surnames and not _genitive_of(n, whole)]
        if not found:
            return ()
    lowered = f" {whole} "  # a lower-case use: " was " in the text itself (case kept)
    given = _GIVEN if lex is _EN else _GIVEN | lex.masculine_given | lex.feminine_given
    kept: list[str] = []
    for name in dict.fromkeys(found):
        first, _, rest = name.partition(" ")
        # "Was Szlachta", "Although Rubio": a sentence-opening word the article also writes in
        # lower case is no given name (unless it is a common one: "Bill", "Mark").
        low = first.lower()
        if low != first and f" {low} " in lowered and low not in given:
            if len(rest.split()) < 2:
                continue
            name = rest
        if lex.capitalised_nouns:
            name = _without_leading_nouns(name, whole, lex, given)
            if _noun_phrase(name, whole, lex, given):
                continue
        if not treated_as_organisation(whole, name) and not introduced_as_body(whole, name, lex):
            kept.append(name)
    return tuple(dict.fromkeys(kept))


def _genitive_of(name: str, text: str) -> bool:
    """A two-word run opening on a word the text also writes without its final "s" on its
    own ("Mahrers Appartement" where "Mahrer" stands alone): an owner's genitive, no name."""
    words = name.split()
    stem = words[0][:-1]
    if len(words) != 2 or not words[0].endswith("s") or len(stem) < 3:
        return False
    return re.search(rf"(?<![\w-]){re.escape(stem)}(?![\w-])", text) is not None


def _without_leading_nouns(name: str, text: str, lex: Lexicon, given: frozenset[str]) -> str:
    """A run without the nouns before the name: "Händler Karim Saleh" -> "Karim Saleh"."""
    words = name.split()
    nouns = _article_nouns(text, lex)
    while len(words) > 2 and words[0] in nouns and words[0].lower() not in given:
        words.pop(0)
    # "Sturz von Assad" is no "von Assad": a particle after a noun leaves the run as it was
    return name if words[0][:1].islower() else " ".join(words)


def _noun_phrase(name: str, text: str, lex: Lexicon, given: frozenset[str]) -> bool:
    """Where every noun is capitalised ("Schwere Vorwürfe", "Sturz von Assad"), a run that is
    no name: a word of it the article writes after an article ("des Sturzes", "die
    Hoffnung") or with a noun ending, or a particle after a word that is no given name."""
    words = name.split()
    if words[0].lower() in given:
        return False
    nouns = _article_nouns(text, lex)
    if len(words) > 2 and any(w in lex.connectors for w in words[1:-1]):
        # "Sturz von Assad" (a noun the article writes after an article); "Ursula von der
        # Leyen" opens on a given name, "Mohammed bin Salman" on no noun
        first = words[0]
        cut = max(i for i, w in enumerate(words) if w in lex.connectors)
        return (
            first in nouns
            or (len(first) > 6 and first.lower().endswith(lex.noun_endings))
            or len(words) - cut > 2  # "Texte von Claas Relotius": a whole name after it
        )
    return any(w in nouns or (len(w) > 6 and w.lower().endswith(lex.noun_endings)) for w in words)


@lru_cache(maxsize=8)
def _article_nouns(text: str, lex: Lexicon) -> frozenset[str]:
    """Capitalised words the text writes right after a lower-case article ("der Katastrophe")
    in a third of their uses or more: "die" is also a relative pronoun ("Texte, die Roe
    schrieb"), so one such use does not make a surname a noun."""
    articles = lex.determiners | lex.contractions
    determiners = lex.alternation(tuple(articles | {w.capitalize() for w in articles}))
    after = Counter(
        m.group(1) for m in re.finditer(rf"(?<![\w’'])(?-i:{determiners})\s+(\w[\w-]*)", text)
    )
    uses = Counter(re.findall(r"\w[\w-]*", text))
    return frozenset(w for w, n in after.items() if w[:1].isupper() and 3 * n >= uses[w])


# Nouns for a body, not a person: "the group X", "the journal X", "the label that …, X,".
GROUP_NOUNS = "|".join(re.escape(w) for w in _EN.group_nouns)
_CAPS = r"[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){1,3}"
_BODY_VERB = _EN.alternation(_EN.body_verbs)  # "Big Machine have denied"
_RUNNING_ON = _EN.alternation(_EN.progressive_endings)  # (no progressive after the verb)
# Ways a text speaks of a name as of a body, not a person: "Big Machine, which was bought",
# "The group that owns her music, Big Machine,", "Big Machine have denied".
_AS_BODY = (
    re.compile(rf"({_CAPS}),?\s+{_EN.alternation(_EN.body_relatives)}\b"),
    # (not "The group’s executive director, Betty Bradley,": a possessive names its member)
    re.compile(rf"\b(?:{GROUP_NOUNS})\b(?![’']s\b)[^.;:“”\"]{{0,60}},\s+({_CAPS})\s*,"),
    re.compile(rf"(?:^|[.!?]\s+|,\s+)({_CAPS})\s+{_BODY_VERB}\s+(?!\w+{_RUNNING_ON}\b)", re.M),
)


def treated_as_organisation(text: str, name: str) -> bool:
    """Whether the text speaks of a name as of a body, not a person."""
    return any(found == name or found.endswith(" " + name) for found in _bodies(text))


def introduced_as_body(text: str, name: str, lex: Lexicon) -> bool:
    """Whether the text introduces a name with one of its language's group nouns: "le groupe
    Nestlé France", "la plateforme de location Airbnb", "the startup Acme Labs" name a body,
    not a person."""
    # str.find, not a pattern per name: compiling one for each name cost ~9 % of a short read
    at = text.find(name)
    while at >= 0:
        if body_before(text[:at], lex):
            return True
        at = text.find(name, at + len(name))
    return False


def body_before(text: str, lex: Lexicon) -> bool:
    """Whether text ends on a group noun after its determiner and up to five lower-case words
    that follow it ("la plateforme de location de logements"); not "du groupe socialiste"
    (a group a person belongs to: "le président du groupe socialiste Jean Roy")."""
    words = re.sub(r"\b(\w{1,2}['’])(?=\w)", r"\1 ", text[-90:]).split()[-8:]
    if words and words[-1].lower() in lex.embedding:
        return False  # "la société née à San Francisco": a place, not the body's name
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word.lower() in lex.group_nouns and i and words[i - 1].lower() in lex.determiners:
            return True
        if not (word.replace("-", "").isalpha() and word.islower()):
            return False  # punctuation, a number or a capital ends the words before the name
    return False


@lru_cache(maxsize=32)
def _bodies(text: str) -> frozenset[str]:
    return frozenset(
        m.group(1)
        for pattern, needed in zip(_AS_BODY, _BODY_WORDS, strict=True)
        # A pattern whose literal word the text lacks cannot match: skip its scan.
        if not needed or any(word in text for word in needed)
        for m in pattern.finditer(text)
    )


# The literal words each ``_AS_BODY`` pattern needs, one of which the text must hold (the
# patterns are case-sensitive).
_BODY_WORDS: tuple[tuple[str, ...], ...] = (
    _EN.body_relatives,
    tuple(_EN.group_nouns),
    _EN.body_verbs,
)


def personal(name: str, lex: Lexicon) -> bool:
    """A name run that can be a person's in the article's language: capitalised, with no word
    of an organisation, a title or a function word ("de Gaza", "Naciones Unidas", "Asuntos
    Exteriores" are no people)."""
    # "L’université Paris-8": the word after an elided article is what counts
    words = [re.split(r"^\w{1,2}['’]", w.lower().rstrip("."))[-1] for w in name.split()]
    return (
        name[:1].isupper()
        and not any(w in lex.org_words for w in words)
        # a surname may look like a title or a word: Kevin King, Theresa May
        and not any(
            w in lex.titles
            # "der" of "Ursula von der Leyen" is a particle after "von"
            or (
                w in lex.not_names
                and w not in lex.connectors
                and (i == 0 or words[i - 1] not in lex.connectors)
            )
            for i, (w, written) in enumerate(zip(words[:-1], name.split(), strict=False))
            if not (len(written) == 2 and written.endswith(".") and written[0].isupper())
        )
    )
