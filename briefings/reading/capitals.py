"""What a capital letter says. In the languages that capitalise only names (es, fr, it, pt) a
capitalised word inside a sentence is a name, an institution's name runs on in lower case
("Conseil canadien de la magistrature"), a name after a street word is an address. In German,
which capitalises every noun, a name-like run is often a noun phrase ("Sturz von Assad")."""

from __future__ import annotations

import re
from functools import lru_cache

from briefings.reading.gazetteer import fold
from briefings.reading.names import CONNECTORS, capitalised_runs
from briefings.reading.stopwords import OF_PARTICLES, month_names, name_words, stop_words, trim

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


def title_names(title: str, language: str) -> list[str]:
    """Names a sentence-case headline gives: a capitalised run inside it ("Elettrauto di
    Savignano"), or its first run when a comma or colon follows ("Nonantola, maxi furto").
    Only in the languages that capitalise names only; English headlines are title-cased."""
    if not names_only(language):
        return []
    found = []
    for run in capitalised_runs(title):
        words = run.text.split()
        opening = run.start == 0 and title[run.end : run.end + 2].strip()[:1] in (",", ":")
        if not opening and not mid_sentence(title, run.start):
            # An opening run's words after "di", "de" stand inside the sentence:
            # "Elettrauto di Savignano svaligiato".
            links = [i for i, w in enumerate(words) if w.lower() in OF_PARTICLES]
            words = words[links[-1] + 1 :] if links and run.start == 0 else []
        words = trim(words, language)
        if words:
            found.append(" ".join(words))
    return found


def after_determiner(text: str, start: int, language: str) -> bool:
    """Whether the capitalised run at ``start`` follows an article ("die Situation")."""
    determiners = name_words("determiners", language)
    if not determiners:
        return False  # (only German lists them: no need to find the word before)
    word = previous_word(text, start)
    return word[:1].islower() and fold(word) in determiners


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


# Pure in its arguments, and the same names recur in every article that speaks of someone.
@lru_cache(maxsize=4096)
def trimmed_person(name: str, language: str, nouns: frozenset[str] = frozenset()) -> str | None:
    """A person's name without a sentence-initial function word ("Para Lewandowski", "Ja
    Rafael Greca"): None when a single word is left, which the fuller name already counts.
    ``nouns``: words the article writes after an article (German "der Sturz"; a name may
    follow one too, "des Maximilian Kolbe", so only a noun with an object is rejected)."""
    words = name.split()
    german = language in NOUN_CAPITALISING
    if german and _surname_like_function_word(words, language, nouns):
        words = [*trim(words[:-1], language), words[-1]]  # "Ricarda Lang", "Sebastian Kurz"
    else:
        words = trim(words, language)
    while words and words[0].lower() in CONNECTORS:
        words.pop(0)  # "de Barroso" once "Além" is gone
    roles = tuple(name_words("role_endings", language))
    while len(words) > 2 and roles and fold(words[0]).endswith(roles):
        words.pop(0)  # "Innenminister Roger Lewentz"
    if len(words) == 2 and roles and fold(words[0]).endswith(roles):
        return None  # "Bundesverkehrsminister Scheuer": a role and a surname, no full name
    if words and fold(words[0]) in nouns and any(w in CONNECTORS for w in words[1:]):
        return None  # "Sturz von Assad", "Zahl der Mitgliedsstaaten": a noun and its object
    if names_only(language) and words:
        if _not_a_given_name(words):
            return None  # "L'incontro di Meloni"
        words = _after_honorific(words, language)  # "Parlement M. Sagasti" -> "Sagasti"
    if len(words) < 2 or not words[0][:1].isupper() or fold(words[-1]) in month_names(language):
        return None  # "Mitte Dezember" is a date; "lamentado Imbroda" a verb and a name
    if german and words[-1][:2].isupper():
        words = words[:-1]  # "Olaf Scholz SPD"; "Angebote zu ICEs": an acronym is no surname
        while words and words[-1].lower() in CONNECTORS:
            words.pop()
        if len(words) < 2:
            return None
    if german and _noun_not_name(words[0], language, nouns):
        return None  # "Prozent Mehrwertsteuer": "19 Prozent" is a noun
    if german and (_looks_like_noun(words[0]) or _looks_like_adjective(words[0])):
        # "Situation von Sweidah", "Entwicklung der Migrationspolitik"; "Eigenwirtschaftliche
        # Bahnen", "Mehrere Bahn-Konkurrenten": a given name is no adjective
        return None
    last = fold(words[-1])
    if german and (_looks_like_noun(words[-1]) or last in nouns or last.split("-")[-1] in nouns):
        # "Praktische Solidarität", "Dutzende Fälle", "Bahn-Konkurrenten": a surname takes
        # no article
        return None
    return " ".join(words)


def _noun_not_name(word: str, language: str, nouns: frozenset[str]) -> bool:
    """A word the article uses as a noun and no given name ("des Maximilian Kolbe" has one)."""
    from briefings.reading.lexicon import lexicon

    lex = lexicon(language)
    key = fold(word)
    return key in nouns and key not in lex.masculine_given and key not in lex.feminine_given


def _surname_like_function_word(words: list[str], language: str, nouns: frozenset[str]) -> bool:
    """Whether a German run ends in a surname that the function-word lists hold ("Ricarda
    Lang", "Sebastian Kurz"): German writes those adjectives and adverbs in lower case, so a
    capitalised one after a given name, which the article never writes after an article, is
    the name's own."""
    if len(words) < 2 or not words[-1][:1].isupper() or words[-1].isupper():
        return False
    from briefings.reading.lexicon import lexicon

    lex = lexicon(language)
    last, before = fold(words[-1]), fold(words[-2])
    given = before in lex.masculine_given or before in lex.feminine_given  # not "Junger Mann"
    return given and last in stop_words(language) and last not in nouns


def _not_a_given_name(words: list[str]) -> bool:
    """Whether the first word of a run, in a language that capitalises only names, is an
    elided article before a lower-case word ("L'incontro di Meloni"; "D'Alema" is a name)."""
    _, mark, rest = words[0].replace("’", "'").partition("'")
    return bool(mark) and rest[:1].islower()


def _after_honorific(words: list[str], language: str) -> list[str]:
    """The words after an honorific inside a run ("Parlement M. Sagasti": the Parliament,
    then Mr Sagasti)."""
    from briefings.reading.lexicon import lexicon

    lex = lexicon(language)
    for i in range(len(words) - 1, 0, -1):
        if words[i].endswith(".") and lex.is_title(words[i].lower().rstrip(".")):
            return words[i + 1 :]
    return words


# Languages that capitalise every noun, where a name-like run is often a noun phrase.
NOUN_CAPITALISING = frozenset(["de"])
# German noun endings no given name has: "Eroberung", "Fähigkeiten", "Gesellschaft".
_NOUN_ENDINGS = tuple(
    "ung ungen heit heiten keit keiten schaft schaften tion tionen ität itäten nis nisse ismus".split()
)


def _looks_like_noun(word: str) -> bool:
    return word.lower().endswith(_NOUN_ENDINGS)


# German adjective and quantifier endings no given name has ("Eigenwirtschaftliche",
# "Europäischen", "Mehrere", "Zahlreiche").
_ADJECTIVE_ENDINGS = tuple(
    "liche lichen licher ische ischen ischer ige igen iger mehrere zahlreiche".split()
)


def _after_number(text: str, start: int) -> bool:
    word = previous_word(text, start)
    return bool(word) and word.replace(".", "").isdigit()


def _looks_like_adjective(word: str) -> bool:
    return word.lower().endswith(_ADJECTIVE_ENDINGS)


def common_nouns(paragraphs: list[str], language: str) -> frozenset[str]:
    """In a language that capitalises nouns, the capitalised words the article writes right
    after an article or determiner somewhere ("nach dem Sturz"): nouns, not given names."""
    if language not in NOUN_CAPITALISING:
        return frozenset()
    determiners = name_words("determiners", language)
    nouns = set()
    for text in paragraphs:
        for run in capitalised_runs(text):
            words = run.text.split()
            if after_determiner(text, run.start, language) or _after_number(text, run.start):
                nouns.add(fold(words[0]))  # "der Sturz", "19 Prozent", "650 Seiten"
            elif len(words) > 1 and fold(words[0]) in determiners:
                nouns.add(fold(words[1]))  # "Die Zahl der Mitgliedsstaaten" opening a sentence
    return frozenset(nouns)
