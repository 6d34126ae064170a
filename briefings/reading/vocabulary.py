"""Subjects: the curated vocabulary of topics that are not names (``data/subjects.toml``),
found in an article by its own language's trigger words and phrases."""

from __future__ import annotations

import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from itertools import repeat

from briefings.reading.gazetteer import fold

AFFIX = 4  # shortest prefix or suffix trigger; also the length of the index keys
# A subject needs three uses of its trigger words, or one of a trigger phrase ("record label"
# says more than "label"), or one in the title or the dek. (Two uses let passing mentions in:
# measured on the multilingual tuning files, three kept every must topic and raised top-10
# precision from 0.88 to 0.90.)
MIN_HITS = 3
MAX_WEIGHT = 6.0  # a subject is what an article is about, not more than its main names
ENGLISH = "en"
_AFFIXED_CACHE = 20_000  # words remembered per language (about 2 MB at most)
_UNSEEN: tuple[str, int] = ("", 0)  # (a word not looked up yet)
MAX_ELIDED = 4  # "l'", "d'", "qu'", "dell'", "nell'": the elided words of fr/it/pt
MIN_STEM = 3  # letters a word keeps when an inflection is taken off
# Shortest trigger an inflected word may stand for: short ones are too often another word's
# stem (French "cours", a class, is no plural of "cour", a court).
MIN_INFLECTED = 5


@dataclass(slots=True)
class Triggers:
    """One language's triggers, indexed for a single pass over the text's tokens."""

    words: dict[str, tuple[str, int]] = field(default_factory=dict)  # -> subject, strength
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    prefixes: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # by first 4
    suffixes: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # by last 4
    # The language's inflections ("bombardements" -> "bombardement") and, where it writes
    # compounds as one word, the shortest trigger that may head one ("Weltwirtschaft").
    plurals: tuple[tuple[str, str], ...] = ()
    plural_endings: tuple[str, ...] = ()  # (the endings of ``plurals``, for one C check)
    compound_head: int = 0
    # Word -> what it triggers alone (a word's own entry, else its affix subject): most words
    # of an article were seen in earlier ones, and the affix lists are long. Cleared when full,
    # so memory stays bounded on any stream.
    known: dict[str, tuple[str, int] | None] = field(default_factory=dict, repr=False)

    def add(self, trigger: str, subject: str, strength: int = 1) -> None:
        if trigger.endswith("*") or trigger.startswith("*"):
            affix = fold(trigger.strip("*")).replace(" ", "")
            if len(affix) < AFFIX:
                raise ValueError(f"subjects.toml: {trigger!r} is too short for a word part")
            if trigger.endswith("*"):
                self.prefixes.setdefault(affix[:AFFIX], []).append((affix, subject))
            else:
                self.suffixes.setdefault(affix[-AFFIX:], []).append((affix, subject))
            return
        words = tuple(split_elisions(fold(trigger).split()))
        if len(words) == 1:
            self.words[words[0]] = (subject, strength)
        elif words:
            self.phrases.setdefault(words[0], []).append((words, subject))
            # The tokeniser drops an elided article before a capital ("coup d'État" reads
            # "coup", "État"): the phrase is also known without it.
            bare = tuple(w for w in words if not w.endswith("'"))
            if len(bare) > 1 and bare != words:
                self.phrases.setdefault(bare[0], []).append((bare, subject))

    def scan(self, words: list[str]) -> Iterable[tuple[str, int]]:
        """The subject of every trigger used in a list of folded words, with the strength of
        the use: a phrase counts as ``MIN_HITS``, a word as one."""
        if not self.phrases.keys().isdisjoint(words):
            return self._scan_phrases(words)
        # Most texts start no trigger phrase: each word's subject is looked up in C, and only
        # the words never seen before are learnt in Python.
        found = list(map(self.known.get, words, repeat(_UNSEEN)))
        if _UNSEEN in found:
            for j, hit in enumerate(found):
                if hit is _UNSEEN:
                    found[j] = self._learn(words[j])
        return [hit for hit in found if hit]

    def _scan_phrases(self, words: list[str]) -> Iterable[tuple[str, int]]:
        phrases, known = self.phrases, self.known.get  # (hot loop: one lookup per word)
        i = 0
        while i < len(words):
            word = words[i]
            step = 1
            for phrase, subject in phrases.get(word, ()):
                if tuple(words[i : i + len(phrase)]) == phrase:
                    yield subject, MIN_HITS
                    step = len(phrase)
                    break
            else:
                found = known(word, _UNSEEN)
                if found is _UNSEEN:
                    found = self._learn(word)
                if found:
                    yield found
            i += step

    def _learn(self, word: str) -> tuple[str, int] | None:
        if len(self.known) >= _AFFIXED_CACHE:
            self.known.clear()
        found = self.words.get(word)
        if not found:
            affixed = self._find_affix(word)
            found = (affixed, 1) if affixed else None
        self.known[word] = found
        return found

    def _find_affix(self, word: str) -> str | None:
        # Every new word of an article comes here (a few dozen per article read on first
        # sight): the inflection and compound rules are called only when they can apply.
        for prefix, subject in self.prefixes.get(word[:AFFIX], ()):
            if word.startswith(prefix):
                return subject
        for suffix, subject in self.suffixes.get(word[-AFFIX:], ()):
            if word.endswith(suffix):
                return subject
        inflected = self._inflected(word) if word.endswith(self.plural_endings) else None
        return inflected or (self._compound(word) if self.compound_head else None)

    def _inflected(self, word: str) -> str | None:
        """The subject of the trigger this word inflects: "guerre" -> "guerra" -> war."""
        for ending, base in self.plurals:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
                trigger = word[: len(word) - len(ending)] + base
                found = self.words.get(trigger) if len(trigger) >= MIN_INFLECTED else None
                if found:
                    return found[0]
        return None

    def _compound(self, word: str) -> str | None:
        """The subject of the trigger that heads a compound: "Weltwirtschaft" -> economy."""
        if not self.compound_head:
            return None
        words = self.words
        for start in range(MIN_STEM, len(word) - self.compound_head + 1):
            found = words.get(word[start:])  # (the whole word's plural was tried before)
            if found:
                return found[0]
        return None


@dataclass(slots=True)
class Vocabulary:
    """Every subject, its IPTC top level, and its triggers per language."""

    iptc: dict[str, str]
    triggers: dict[str, Triggers]
    aliases: dict[str, str]  # folded trigger (any language) -> subject: for readers' queries
    implied: dict[str, str]  # folded topic -> the subject it implies (a league -> its sport)

    def lookup(self, query: str) -> str | None:
        """The subject a reader's query names ("wirtschaft", "inflation"), if any."""
        key = fold(query)
        return key if key in self.iptc else self.aliases.get(key)


@cache
def vocabulary() -> Vocabulary:
    data = tomllib.loads(
        resources.files("briefings").joinpath("data/subjects.toml").read_text("utf-8")
    )
    iptc: dict[str, str] = {}
    triggers: defaultdict[str, Triggers] = defaultdict(Triggers)
    aliases: dict[str, str] = {}
    implied: dict[str, str] = {}
    for subject, entry in data.items():
        iptc[subject] = entry["iptc"]
        for topic in entry.get("implied_by", []):
            implied[fold(topic)] = subject
        for language, words in entry.items():
            if language in ("iptc", "implied_by", "named"):
                continue
            # An organisation written in lower case ("carabinieri") is named by one mention.
            strength = MIN_HITS if entry.get("named") else 1
            for trigger in [subject, *words] if language == ENGLISH else words:
                triggers[language].add(trigger, subject, strength)
                if "*" not in trigger:
                    aliases.setdefault(fold(trigger), subject)
    rules = tomllib.loads(
        resources.files("briefings").joinpath("data/inflections.toml").read_text("utf-8")
    )
    compounds = rules["compounds"]
    for language, found in triggers.items():
        found.plurals = tuple((end, base) for end, base in rules["plurals"].get(language, []))
        found.plural_endings = tuple(end for end, _ in found.plurals)
        if language in compounds["languages"]:
            found.compound_head = int(compounds["min_head"])
    return Vocabulary(iptc, dict(triggers), aliases, implied)


def split_elisions(words: list[str]) -> list[str]:
    """Folded words with an elided article or preposition cut off as a word of its own:
    "l'economie" -> "l'", "economie"; "dell'economia" -> "dell'", "economia"."""
    if "'" not in "".join(words):  # (one scan in C, not one per word)
        return words
    out: list[str] = []
    for word in words:
        head, mark, tail = word.partition("'")
        if mark and tail and len(head) <= MAX_ELIDED:
            out += [head + mark, tail]
        else:
            out.append(word)
    return out


def find_subjects(parts: list[tuple[list[str], float]], language: str) -> dict[str, float]:
    """Subject -> weight for an article's parts (the folded words of the title, the dek and
    each paragraph, with their weights), read with the triggers of its language: English when
    the language is unknown, none for a language the vocabulary does not cover."""
    triggers = vocabulary().triggers.get(language or ENGLISH)
    if triggers is None:
        return {}
    hits: Counter[str] = Counter()
    weights: defaultdict[str, float] = defaultdict(float)
    headline: set[str] = set()
    for index, (words, weight) in enumerate(parts):
        for subject, strength in triggers.scan(split_elisions(words)):
            hits[subject] += strength
            weights[subject] += weight
            if index < 2:
                headline.add(subject)
    return {
        subject: min(weight, MAX_WEIGHT)
        for subject, weight in weights.items()
        if hits[subject] >= MIN_HITS or subject in headline
    }


# --- What /topics lists ----------------------------------------------------------------------


def is_listable(topic: str, evidence: str = "") -> bool:
    """Whether a stored topic is one a reader would subscribe to: a subject of the vocabulary,
    a gazetteer name, or another name; never a free phrase ("made significant progress",
    "dans les") such as older versions stored. ``evidence`` is text of an article that carries
    the topic (title, dek, summary, quotes): a phrase it writes only in lower case is no name.
    """
    key = fold(topic)
    if not key:
        return False
    vocab = vocabulary()
    if key in vocab.iptc or key in vocab.implied or key in _gazetteer_topics():
        return True
    words = key.split()
    stops = _all_function_words()
    if all(w in stops for w in words):
        return False  # "dans les", "nous"
    if words[-1] in stops or (words[0] in stops and words[0] not in _PARTICLES):
        return False  # "disse que", "en cambio"; a name may start "al", "de", "van"
    return not _written_lower(words, evidence)


@cache
def _gazetteer_topics() -> frozenset[str]:
    """Every topic the gazetteer tags and every phrase it knows ("georgia (us state)")."""
    from briefings.reading.gazetteer import gazetteer

    phrases = gazetteer().phrases
    return frozenset(phrases) | {fold(e.topic) for entries in phrases.values() for e in entries}


# English words no name ends or starts with; short on purpose: "Theresa May", "Will Smith".
_ENGLISH_EDGES = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been it its this "
    "that these those said says has have had not".split()
)


@cache
def _all_function_words() -> frozenset[str]:
    from briefings.reading.stopwords import any_stop_words

    return any_stop_words() | _ENGLISH_EDGES


# Name particles that may lead a name ("al-Najjar", "de Pedro", "van Gogh").
_PARTICLES = frozenset("al el de da del della di van von der den du dos das la le bin ibn".split())


@lru_cache(maxsize=64)
def _evidence_tokens(evidence: str) -> tuple[list[str], list[str]]:
    """An article's stored text as tokens and their folded forms (its topics share it)."""
    from briefings.reading.gazetteer import normal_token, tokens

    raw = tokens(evidence.replace("-", " "))
    return raw, [normal_token(t) for t in raw]


def _written_lower(words: list[str], evidence: str) -> bool:
    """Whether the evidence uses these words only in lower case (and uses them at all)."""
    if not evidence or words[0] not in evidence.lower():
        return False  # (an accented name the fold changed is left listed: names have them)
    raw, norm = _evidence_tokens(evidence)
    n = len(words)
    seen = False
    for i in range(len(norm) - n + 1):
        if norm[i : i + n] == words:
            seen = True
            if any(t[:1].isupper() for t in raw[i : i + n]):
                return False
    return seen
