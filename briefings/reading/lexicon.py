"""The words of a language the reading needs, loaded from ``briefings/reading/lang/<code>.toml``.

The code of the readers knows no words of any language: reporting verbs, titles, pronouns, role
nouns, abbreviations and quote-mark conventions come from the data file chosen by the article's
language code. A list a language file leaves out is taken from English, so a new language can
start with its verbs and quote marks and grow.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

FALLBACK = "en"


@dataclass(frozen=True, slots=True)
class Pronoun:
    """What a pronoun says of its antecedent."""

    number: str  # "singular" | "plural"
    gender: str  # "masculine" | "feminine" | "neuter" | "" (either)
    subject: bool  # a subject form ("he"), not only an object form ("him")


@dataclass(frozen=True, eq=False)
class Lexicon:
    """One language's words for reading news; identity-hashed (one cached instance per code)."""

    code: str
    quote_pairs: dict[str, tuple[str, ...]]  # opening mark -> closing marks
    dialogue_dash: bool
    abbreviations: frozenset[str]
    verbs: tuple[str, ...]  # reporting verbs, every form, multi-word allowed
    particles: tuple[str, ...]
    inverting: tuple[str, ...]  # verbs after which a name is the subject: "said Jo Roe"
    quoting: tuple[str, ...]  # verbs whose object is the speaker: "zitiert X mit den Worten"
    progressive_endings: tuple[str, ...]
    between: tuple[str, ...]  # auxiliaries/adverbs between speaker and verb (regex pieces)
    according: tuple[str, ...]
    # "according to" words that count only opening a sentence, before a name: "Para X, …"
    according_opening: tuple[str, ...]
    # "according to" words that follow their noun: "Weber zufolge" (the speaker precedes)
    according_after: tuple[str, ...]
    # Words opening the sentence after a quote that refer back to it: "Con esa frase, X …"
    back_references: tuple[str, ...]
    issue_verbs: tuple[str, ...]
    issue_adverbs: tuple[str, ...]
    issued_documents: tuple[str, ...]
    issue_determiners: tuple[str, ...]
    signed: tuple[str, ...]
    document_by: tuple[str, ...]
    pronouns: dict[str, Pronoun]
    titles: frozenset[str]
    honorifics: frozenset[str]
    masculine_titles: frozenset[str]
    masculine_given: frozenset[str]
    feminine_given: frozenset[str]
    feminine_titles: frozenset[str]
    org_words: frozenset[str]
    not_names: frozenset[str]
    connectors: tuple[str, ...]
    hyphen_particles: tuple[str, ...]  # "al-" of "Bashar al-Assad"
    bylines: tuple[str, ...]  # "Von" of an author line "Von Uli Petersen"
    group_nouns: tuple[str, ...]
    # The word after an age in apposition ("Kenza, 22 ans,"): a lone name so followed is a
    # person's. None in English.
    age_words: tuple[str, ...]
    not_speakers: frozenset[str]
    person_roles: tuple[str, ...]
    documents: tuple[str, ...]
    collective: frozenset[str]
    apposition: tuple[str, ...]
    inner_words: tuple[str, ...]
    place_joiners: tuple[str, ...]  # "Jeb Roe of Florida said": the name ends before it
    determiners: frozenset[str]
    descriptor_openers: tuple[str, ...]
    role_openers: tuple[str, ...]
    document_openers: tuple[str, ...]
    possessives: frozenset[str]
    intro: frozenset[str]
    intro_endings: tuple[str, ...]  # "Speaking in Harlem,", "Barely a week ago,"
    embedding: frozenset[str]
    relatives: tuple[str, ...]
    subject_verbs: tuple[str, ...]
    auxiliaries: frozenset[str]
    person_relatives: frozenset[str]
    conjunctions: tuple[str, ...]
    slogan_cues: tuple[str, ...]
    speech_openers: tuple[str, ...]
    # Romance word order: after a closing quote and a comma any verb may open an inverted
    # attribution ("», plaide l'avocate"), not only the listed ones.
    inverted_any_verb: bool = False
    # A subject-verb cue after a quote needs a comma before it ("„…“, X sagte"): after a quote
    # that closed its sentence, "X verb" opens a new sentence.
    subject_cue_after_comma: bool = False
    # Auxiliaries opening a perfect-tense cue after a quote, its participle last ("„…“, hat
    # X gesagt"); none in English, whose perfect keeps the subject first.
    perfect_auxiliaries: tuple[str, ...] = ()
    # Links joining a verb to a following subject pronoun: "-t-" in "explique-t-il".
    inversion_links: tuple[str, ...] = ()
    # A verb may stand without its subject ("«…», precisó."): the speaker is the person the
    # text is about.
    pro_drop: bool = False
    # A role noun right after its determiner heads the whole phrase: "la ministra de Economía",
    # "l'avocate de la défense" stand for the person last named.
    role_heads_phrase: bool = False
    # Role nouns end compounds ("Außenministerin", "Landeskorrespondent"): matched as endings.
    compound_roles: bool = False
    # Inside a sentence, a quoted phrase of this many words or more is a quote, fewer a scare
    # quote ("called the plan “a gift to the big developers”").
    embedded_min_words: int = 5
    # The subject may follow its verb (German V2 "Dann sprach die Ministerin Anna Roth",
    # Romance "Afirma Pedro Gil"): a sentence without a subject before its verb is about the
    # first person it names.
    subject_after_verb: bool = False
    # Adjectives follow their noun (Romance): "le groupe californien", "l'entreprise
    # américaine" are a body noun and its adjectives, the body the article named before.
    adjectives_after_noun: bool = False
    # Every noun is capitalised (German): a capitalised run is a name only when nothing in
    # the article treats its words as nouns.
    capitalised_nouns: bool = False
    noun_endings: tuple[str, ...] = ()
    contractions: frozenset[str] = frozenset()  # a preposition and an article: "zum", "im"
    numerals: frozenset[str] = frozenset()  # number words: "zwei Jahre Bauzeit" is no one
    # Words that end a speaker's description before a later name: "le chef de l'Etat dans
    # l'avion … La Nouvelle-Orléans" is the head of state. None in English ("a spokesman for
    # Mayor Jo Roe" names Jo Roe).
    description_cut: frozenset[str] = frozenset()
    # Words opening the one a verb's words are told to, before an inverted subject: "», a
    # indiqué à l'AFP un fonctionnaire". None in English ("told" takes its object after).
    recipients: tuple[str, ...] = ()
    # The keys below are read from the language's own file only (empty when it has none): they
    # hold constructions of one language, not lists another language could start from.
    # A speaker and their companions: "Jo Roe and his wife said" ("and his", "and their").
    team_links: tuple[str, ...] = ()
    # Definite articles: "the doctors" may be the group an apposition named.
    definite: tuple[str, ...] = ()
    # Words between a document's determiner and its noun: "the joint statement".
    document_modifiers: tuple[str, ...] = ()
    # An age written as a description: "the 45-year-old" (after a number).
    age_suffixes: tuple[str, ...] = ()
    # A name the text treats as a body: "Big Machine, which …", "Big Machine have denied".
    body_relatives: tuple[str, ...] = ()
    body_verbs: tuple[str, ...] = ()
    # Indefinite articles that bring in someone the article never names ("una vecina", "ein
    # Sprecher"): the same role word later ("la vecina") is that unnamed person, not the last
    # person named. None in English (unchanged: "the spokesman" is the last person named).
    indefinites: tuple[str, ...] = ()
    # The organisation word opens a body's name ("Universidad Politécnica de Madrid"): a run
    # opening on it names no person. Not in English ("Harvard University", "Senate Minority
    # Whip Dick Durbin").
    org_heads_name: bool = False
    # Impersonal subjects ("on" of "explique-t-on à l'Elysée", "peut-on lire dans un
    # communiqué") and the words before the place or text they speak from: the quote is that
    # source's. None in English.
    impersonal: tuple[str, ...] = ()
    # Adverbials between an inverted verb and its subject: "», estime pour sa part Karim".
    asides: tuple[str, ...] = ()
    impersonal_sources: tuple[str, ...] = ()
    # Words that tie a role to the person it serves ("l'ancien Premier ministre de Wade", "la
    # fille d'Anne Roy"): that person is not the one the role names. None in English.
    role_complements: tuple[str, ...] = ()
    # Openers of a cleft sentence ("C'est X qui …"): the person named before the relative is
    # the subject. None in English.
    cleft_openers: tuple[str, ...] = ()
    # Single quote marks (opening, closing) that some house styles use for all speech
    # ("‘We were anxious,’ Roe said." in British tabloids): quote marks only in an article
    # whose text holds none of the language's own pairs.
    single_marks: tuple[tuple[str, str], ...] = ()
    # Words joining an organisation word to the rest of its name: "Association for Suicide
    # Prevention", "Committee on Foreign Affairs" (the words after it name no person).
    org_links: tuple[str, ...] = ()
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def alternation(self, words: tuple[str, ...] | frozenset[str], escape: bool = True) -> str:
        """A regex group matching any of ``words`` (longest first), spaces as any whitespace."""
        items = sorted(words, key=len, reverse=True)
        parts = [(re.escape(w) if escape else w).replace(r"\ ", " ") for w in items]
        return "(?:" + "|".join(p.replace(" ", r"\s+") for p in parts) + ")"

    def is_title(self, word: str) -> bool:
        """A title or role word before a name ("Innenminister", "Sra."); where role nouns end
        compounds, any word ending in one ("ÖVP-Integrationsministerin")."""
        low = word.lower().rstrip(".")
        if low in self.titles:
            return True
        if not self.compound_roles:
            return False
        # A compound ends in a role of four letters or more and is longer than it: not the
        # given name "Alex" (ex) nor "Murat" (rat).
        suffixes = self.compound_suffixes
        if not low.endswith(suffixes):  # (one test in C settles most words: no role ends them)
            return low in self.person_roles
        return low in self.person_roles or any(
            low.endswith(role) and len(low) >= len(role) + 3 for role in suffixes
        )

    @property
    def compound_suffixes(self) -> tuple[str, ...]:
        """Role nouns and titles that may end a compound ("Innenminister", "Drusenführer")."""
        found: tuple[str, ...] = self.compiled(
            "compound_suffixes",
            lambda lex: tuple(w for w in {*lex.person_roles, *lex.titles} if len(w) >= 4),
        )
        return found

    def compiled(self, key: str, build: Any) -> Any:
        """A value derived from this lexicon (a compiled regex), built once per language."""
        if key not in self._cache:
            self._cache[key] = build(self)
        return self._cache[key]


def _words(value: Any) -> list[str]:
    return value.split() if isinstance(value, str) else [str(v) for v in value]


@cache  # (read only: every lexicon and summary table of a language reads its file once)
def language_file(code: str) -> dict[str, Any]:
    """A language's data file as parsed TOML (empty when the language has none)."""
    try:
        text = resources.files("briefings.reading.lang").joinpath(f"{code}.toml").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return {}
    return tomllib.loads(text)


def available() -> list[str]:
    """Codes of the languages that have a data file."""
    folder = resources.files("briefings.reading.lang")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


@cache
def lexicon(code: str = FALLBACK) -> Lexicon:
    """The lexicon for an ISO 639-1 code; unknown or empty codes read as English."""
    code = (code or FALLBACK).lower().split("-")[0].split("_")[0]
    base = language_file(FALLBACK)
    own = language_file(code) if code != FALLBACK else base
    if not own:
        # English's own object, so what is compiled and remembered per lexicon is shared
        # ("sk", "ur", "zh": each built an English copy, and its tables, on first sight).
        return lexicon(FALLBACK)

    def get(section: str, key: str) -> Any:
        value = own.get(section, {}).get(key)
        return base.get(section, {}).get(key) if value is None else value

    def words(section: str, key: str) -> tuple[str, ...]:
        return tuple(w.lower() for w in _words(get(section, key) or []))

    def own_words(section: str, key: str) -> tuple[str, ...]:
        return tuple(w.lower() for w in _words(own.get(section, {}).get(key) or []))

    def _base_words(key: str) -> tuple[str, ...]:
        return tuple(w.lower() for w in _words(base.get("names", {}).get(key) or []))

    pairs = {p["open"]: tuple(p["close"]) for p in get("quotes", "pairs") or []}
    pronouns = {
        word.lower(): Pronoun(
            str(v.get("number", "")), str(v.get("gender", "")), bool(v.get("subject", True))
        )
        for word, v in (own.get("pronouns") or base.get("pronouns") or {}).items()
    }
    return Lexicon(
        code=code,
        quote_pairs=pairs,
        dialogue_dash=bool(get("quotes", "dialogue_dash")),
        abbreviations=frozenset(words("sentences", "abbreviations")),
        verbs=words("speech", "verbs"),
        particles=words("speech", "particles"),
        inverting=words("speech", "inverting"),
        quoting=words("speech", "quoting"),
        progressive_endings=words("speech", "progressive_endings"),
        between=tuple(_words(get("speech", "between") or [])),
        according=words("speech", "according"),
        according_opening=words("speech", "according_opening"),
        according_after=words("speech", "according_after"),
        back_references=words("speech", "back_references"),
        issue_verbs=words("speech", "issue_verbs"),
        issue_adverbs=words("speech", "issue_adverbs"),
        issued_documents=words("speech", "issued_documents"),
        issue_determiners=words("speech", "issue_determiners"),
        signed=words("speech", "signed"),
        document_by=words("speech", "document_by"),
        pronouns=pronouns,
        titles=frozenset(words("names", "titles")),
        honorifics=frozenset(words("names", "honorifics")),
        masculine_titles=frozenset(words("names", "masculine_titles")),
        # Given names travel (a Spanish article names "Donald" too): a language's own list
        # adds to English's.
        masculine_given=frozenset(
            words("names", "masculine_given") + _base_words("masculine_given")
        ),
        feminine_given=frozenset(words("names", "feminine_given") + _base_words("feminine_given")),
        feminine_titles=frozenset(words("names", "feminine_titles")),
        org_words=frozenset(words("names", "org_words")),
        not_names=frozenset(words("names", "not_names")),
        connectors=words("names", "connectors"),
        hyphen_particles=words("names", "hyphen_particles"),
        bylines=words("names", "bylines"),
        group_nouns=words("names", "group_nouns"),
        age_words=words("names", "age_words"),
        not_speakers=frozenset(words("names", "not_speakers")),
        person_roles=words("roles", "person"),
        documents=words("roles", "documents"),
        collective=frozenset(words("roles", "collective")),
        apposition=words("roles", "apposition"),
        inner_words=words("names", "inner_words"),
        place_joiners=words("names", "place_joiners"),
        determiners=frozenset(words("grammar", "determiners")),
        descriptor_openers=words("grammar", "descriptor_openers"),
        role_openers=words("grammar", "role_openers"),
        document_openers=words("grammar", "document_openers"),
        possessives=frozenset(words("grammar", "possessives")),
        intro=frozenset(words("grammar", "intro")),
        intro_endings=words("grammar", "intro_endings"),
        embedding=frozenset(words("grammar", "embedding")),
        relatives=words("grammar", "relatives"),
        subject_verbs=words("grammar", "subject_verbs"),
        auxiliaries=frozenset(words("grammar", "auxiliaries")),
        person_relatives=frozenset(words("grammar", "person_relatives")),
        conjunctions=words("grammar", "conjunctions"),
        slogan_cues=words("grammar", "slogan_cues"),
        speech_openers=words("grammar", "speech_openers"),
        inverted_any_verb=bool(get("speech", "inverted_any_verb")),
        subject_cue_after_comma=bool(get("speech", "subject_cue_after_comma")),
        perfect_auxiliaries=words("speech", "perfect_auxiliaries"),
        inversion_links=words("speech", "inversion_links"),
        pro_drop=bool(get("grammar", "pro_drop")),
        role_heads_phrase=bool(get("roles", "role_heads_phrase")),
        compound_roles=bool(get("roles", "compound_roles")),
        embedded_min_words=int(get("quotes", "embedded_min_words") or 5),
        subject_after_verb=bool(get("grammar", "subject_after_verb")),
        adjectives_after_noun=bool(get("grammar", "adjectives_after_noun")),
        capitalised_nouns=bool(get("grammar", "capitalised_nouns")),
        noun_endings=words("grammar", "noun_endings"),
        numerals=frozenset(words("grammar", "numerals")),
        contractions=frozenset(words("grammar", "contractions")),
        description_cut=frozenset(words("grammar", "description_cut")),
        recipients=words("speech", "recipients"),
        team_links=own_words("names", "team_links"),
        definite=own_words("grammar", "definite"),
        document_modifiers=own_words("roles", "document_modifiers"),
        age_suffixes=own_words("roles", "age_suffixes"),
        body_relatives=own_words("names", "body_relatives"),
        body_verbs=own_words("names", "body_verbs"),
        indefinites=words("grammar", "indefinites"),
        org_heads_name=bool(get("names", "org_heads_name")),
        impersonal=words("speech", "impersonal"),
        asides=words("speech", "asides"),
        impersonal_sources=words("speech", "impersonal_sources"),
        role_complements=words("grammar", "role_complements"),
        cleft_openers=words("grammar", "cleft_openers"),
        single_marks=_single(get("quotes", "single_marks")),
        org_links=words("names", "org_links"),
    )


def _single(value: Any) -> tuple[tuple[str, str], ...]:
    """Pairs written as two-character strings ("‘’", "''")."""
    return tuple((p[0], p[1]) for p in _words(value or []) if len(p) == 2)


def english() -> Lexicon:
    return lexicon(FALLBACK)


@cache
def summary_words(code: str = FALLBACK) -> dict[str, tuple[str, ...]]:
    """The ``[summary]`` table of a language's file, case kept (the summary's rules need some
    words as written); English for a key the file leaves out."""
    code = lexicon(code).code
    base = language_file(FALLBACK).get("summary", {})
    own = language_file(code).get("summary", {})
    return {key: tuple(_words(own.get(key, value))) for key, value in base.items()}
