"""Sentences a summary must never contain, and the credit a summary sentence drops.

News pages carry page furniture between their paragraphs (video links, "Read more:", editor's
notes, author bios, contributor lines, transcript speaker labels, photo captions); a summary made
of them tells the reader nothing. These rules hold for news in general, not for one source. The
words are data: the ``[summary]`` table of ``briefings/reading/lang/<code>.toml``; the patterns
are compiled once per language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from briefings.reading.lexicon import summary_words

# Case-sensitive: speaker labels of transcripts are capitals ("AZUZ:", "NANCY ROMAN, COUNSELOR:").
_SPEAKER_LABEL = re.compile(r"^[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*(?:,[A-Z .'’\-]+)?:\s")
# Furniture in any language: handles and links.
_MARK_PARTS = (("@", r"(?:^|\s)@\w{2,}"), ("http", r"https?://"), ("www.", r"www\."))
_MARKS = "|".join(part for _, part in _MARK_PARTS)
_MARK_HINTS = tuple(hint for hint, _ in _MARK_PARTS)
_PLACE = r"(?:[A-Z][\w.'’\-]*(?:[ ,]+[A-Z][\w.'’\-]*)*\s+)?"
_OPEN_QUOTE = r"[\"“‘']?"
_BULLET = re.compile(r"[-–—•·*]\s+(?=\w)")


@dataclass(frozen=True, slots=True)
class Rules:
    """One language's summary rules, compiled."""

    furniture: re.Pattern[str]  # at the start of a line
    anywhere: re.Pattern[str]  # anywhere in a line
    # Cheap substrings one of which any ``anywhere`` match contains: the regex, an alternation
    # tried at every position, runs only on the few sentences that have one.
    hints: tuple[str, ...]
    # The ``anywhere`` alternatives grouped by their hint: only the groups whose hint the line
    # holds can match (``_anywhere``; a hint with an apostrophe, a space or a letter beyond
    # ASCII is no such proof: its group, under "", is always searched).
    by_hint: tuple[tuple[str, re.Pattern[str]], ...]
    credit: re.Pattern[str]
    dangling: re.Pattern[str]
    quote_pairs: tuple[tuple[str, str], ...]


def _phrase(text: str) -> str:
    """A phrase as a regex: spaces as any whitespace, an apostrophe as either one, word edges
    where the phrase starts or ends on a letter."""
    body = "".join(
        r"\s+" if c == " " else "['’]" if c in "'’" else re.escape(c)
        for c in " ".join(text.split())
    )
    start = r"\b" if text[:1].isalnum() else ""
    end = r"\b" if text[-1:].isalnum() else ""
    return start + body + end


def _any(phrases: tuple[str, ...]) -> str:
    parts = [_phrase(p) for p in sorted(phrases, key=len, reverse=True)]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _hint(phrase: str) -> str:
    """The longest word of a phrase without an apostrophe, lower-cased."""
    plain = [w for w in phrase.lower().split() if "'" not in w and "’" not in w]
    return max(plain or [phrase.lower()], key=len)


@cache
def rules(language: str = "en") -> Rules:
    """The compiled rules of a language (English for an unknown code)."""
    words = summary_words(language)
    furniture = (
        rf"^{_OPEN_QUOTE}(?:{_any(words['furniture_openers'])}"
        rf"|{_any(words['link_openers'])}[^.!?]{{0,80}}[:›{''.join(words['link_arrows'])}]"
        rf"|{_any(words['labels'])}\s*:"
        rf"|{_any(words['caption_openers'])}\s*[:,])"
    )
    phrases = words["furniture_phrases"]
    # A line ending on a link arrow ("Watch the video »"), where the arrow is not a quote mark.
    arrows = "|".join(re.escape(a) + r"\s*$" for a in words["link_arrows"])
    anywhere = "|".join(filter(None, (_any(phrases), _MARKS, arrows)))
    agencies = "|".join(re.escape(w) for w in sorted(words["wire_credits"], key=len, reverse=True))
    credit = (
        rf"^{_PLACE}\((?:{agencies or '(?!)'})\)\s*(?:--|—|–|-|:)?\s*"
        rf"|^{_PLACE}\([^()]{{2,30}}\)\s*(?:--|—|–)\s*"
    )
    dangling = rf"^{_OPEN_QUOTE}{_any(words['dangling_openers'])}"
    if words["clause_pronouns"]:
        # "Speaking on Friday, he said": a short opening clause, then the pronoun.
        pronouns = _any(words["clause_pronouns"])
        dangling += rf"|^[^,;“”\"]{{1,40}},\s+{pronouns}\s"
    return Rules(
        furniture=re.compile(furniture, re.I),
        anywhere=re.compile(anywhere, re.I),
        by_hint=_by_hint(phrases, words["link_arrows"]),
        hints=tuple(
            dict.fromkeys([_hint(p) for p in phrases] + [*_MARK_HINTS, *words["link_arrows"]])
        ),
        credit=re.compile(credit),
        dangling=re.compile(dangling, re.I),
        quote_pairs=tuple((p[0], p[-1]) for p in words["quote_pairs"] if len(p) == 2),
    )


def _by_hint(
    phrases: tuple[str, ...], arrows: tuple[str, ...]
) -> tuple[tuple[str, re.Pattern[str]], ...]:
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        hint = _hint(phrase)
        safe = hint.isascii() and not any(c in hint for c in " '")
        groups.setdefault(hint if safe else "", []).append(_phrase(phrase))
    for hint, part in _MARK_PARTS:
        groups.setdefault(hint, []).append(part)
    for arrow in arrows:
        groups.setdefault(arrow, []).append(re.escape(arrow) + r"\s*$")
    return tuple((hint, re.compile("|".join(group), re.I)) for hint, group in groups.items())


# The characters outside ASCII that match an ASCII letter when case is ignored (the regex
# engine folds "ſ" to "s", "K" (Kelvin) to "k", "İ" and "ı" to "i"; ``str.lower`` does not),
# found by matching every code point against every letter and digit.
_FOLD_TO_ASCII = frozenset("İıſ\u212a")


def _anywhere(text: str, lowered: str, found: Rules) -> bool:
    """Whether ``found.anywhere`` matches the line, searched only in the groups of the hints
    the line holds (a fraction of the alternation, which is tried at every position). Where
    the line has a character that case folding matches to an ASCII letter, a phrase may match
    without its hint in the lower-cased line: then the whole pattern."""
    if not _FOLD_TO_ASCII.isdisjoint(text):
        return bool(found.anywhere.search(text))
    return any(pattern.search(text) for hint, pattern in found.by_hint if hint in lowered)


def is_furniture(sentence: str, language: str = "en") -> bool:
    """Page furniture: a caption, a credit or contributor line, a link, an editor's note, a bio."""
    text = sentence.strip()
    found = rules(language)
    if found.furniture.match(text):
        return True
    if _SPEAKER_LABEL.match(text):
        return True
    lowered = text.lower()
    if any(map(lowered.__contains__, found.hints)) and _anywhere(text, lowered, found):
        return True
    # A line that does not end like a sentence and is short: a heading, a caption, a list item
    # (closing marks and the space French sets before them do not count).
    ends = text.rstrip("\"'”’)]“»« \u00a0\u202f")[-1:] in (".", "!", "?", "…")
    return not ends and len(text.split()) < 15


# Memoised (pure): features, the choice and the joined summary ask about the same sentences.
@lru_cache(maxsize=2048)
def is_dangling(sentence: str, language: str = "en") -> bool:
    """Opens on a word that points back ("He", "But", "This"): needs the sentence before it."""
    # Checked after the wire credit: "(CNN) -- He said" opens the summary on "He said".
    return bool(rules(language).dangling.match(strip_credit(sentence, language)))


@lru_cache(maxsize=2048)
def strip_credit(sentence: str, language: str = "en") -> str:
    """The sentence without a leading wire credit (`(CNN) --`, `MEXICO CITY (CNN) --`) or list
    bullet (`- `, `• `: a dek or a highlight set as a list item)."""
    bullet = _BULLET.match(sentence)
    if bullet and bullet.end() < len(sentence):
        sentence = sentence[bullet.end() :]
    match = rules(language).credit.match(sentence)
    if not match or match.end() >= len(sentence):
        return sentence
    rest = sentence[match.end() :]
    return rest if rest[:1].isupper() or rest[:1] in "“\"‘'«„" or rest[:1].isdigit() else sentence


def closed(sentence: str) -> str:
    """The sentence ending on a full stop when it ends on a word (a dek, a subtitle): the next
    sentence of the summary must not read as its continuation."""
    text = sentence.rstrip()
    core = text.rstrip("\"'”’)]»“«")
    return text + "." if core[-1:].isalnum() else text


def cut_quote(sentence: str, language: str = "en") -> bool:
    """A quote the sentence split cut: its marks do not balance."""
    for opening, closing in rules(language).quote_pairs:
        if opening == closing:
            if sentence.count(opening) % 2 == 1:
                return True
        elif sentence.count(opening) != sentence.count(closing):
            return True
    return False
