"""What a capital letter says in the languages that capitalise only names (es, fr, it, pt):
a capitalised word inside a sentence is a name, an institution's name runs on in lower case
("Conseil canadien de la magistrature"), a name after a street word is an address."""

from __future__ import annotations

import re

from briefings.reading.gazetteer import fold
from briefings.reading.stopwords import name_words, stop_words

# German capitalises every noun; English headings are often title-cased and its rules are
# tuned on their own.
CAPITALISE_NAMES_ONLY = frozenset(["es", "fr", "it", "pt"])
MAX_INSTITUTION_WORDS = 6  # lower-case words an institution's name may run on for
# Articles and prepositions inside a name: "de la", "della", "do", "des".
_LINKS = frozenset(
    "de la le les du des del della delle dei degli di do da dos das e y et l d dell dall nell "
    "sull all degl".split()
)
_NEXT_WORD = re.compile(r" ([^\W\d_][\w’'\-]*)")


def names_only(language: str) -> bool:
    return language in CAPITALISE_NAMES_ONLY


def previous_word(text: str, start: int) -> str:
    """The word right before ``start`` in the same sentence ("" after punctuation)."""
    before = text[max(0, start - 40) : start].rstrip()
    if not before or not (before[-1].isalnum() or before[-1] == ","):
        return ""
    return before.replace(",", " ").split()[-1]


def mid_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows a lower-case word of its sentence."""
    return previous_word(text, start)[:1].islower()


def after_determiner(text: str, start: int, language: str) -> bool:
    """Whether the capitalised run at ``start`` follows an article ("die Situation")."""
    word = previous_word(text, start)
    return word[:1].islower() and fold(word) in name_words("determiners", language)


def is_address(text: str, start: int, language: str) -> bool:
    """Whether the name at ``start`` follows a street word ("via Ganaceto")."""
    return fold(previous_word(text, start)) in name_words("streets", language)


def institution(text: str, words: list[str], end: int, language: str) -> str | None:
    """The full name of an institution whose capitalised head word ends a run at ``end``
    ("Conseil" + " canadien de la magistrature"), or None when the run is not one."""
    if not words or fold(words[-1]) not in name_words("org_heads", language):
        return None
    stops = stop_words(language)
    tail: list[str] = []
    content = False
    linked = False  # right after "de", "di", "do"
    had_link = False  # after a link, one word (or one capitalised name) ends the name
    pos = end
    while len(tail) < MAX_INSTITUTION_WORDS and (match := _NEXT_WORD.match(text, pos)):
        word = match.group(1)
        head, mark, rest = fold(word).partition("'")
        elided = bool(mark and rest and head in _LINKS)  # "l'impôt", "dell'aceto"
        bare = rest if elided else fold(word)
        if fold(word) in _LINKS:
            linked = had_link = True
        elif word[:1].isupper() and not linked:
            break  # a name after the institution's: "Consorzio tutela Enrico Corsini"
        elif bare in stops or len(bare) <= 2:
            break
        elif had_link and not linked and not elided:
            break  # "Società italiana di urologia rivolge": a verb after the name
        else:
            content = content or bare[:1].islower()
            had_link = had_link or elided
            linked = False
        tail.append(word)
        pos = match.end()
    while tail and fold(tail[-1]) in _LINKS:
        tail.pop()
    return " ".join([*words, *tail]) if content and tail else None
