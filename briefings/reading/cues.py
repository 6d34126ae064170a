"""The shapes of attribution cues, built from a language's lexicon: a cue after a quote
("…,” Blinken said", "said Hill"), before it ("Blinken said: “…”"), "according to", role words
and documents that speak for someone. One compiled ``Cues`` per language, cached on its lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefings.reading.lexicon import Lexicon, english

_UPPER_START = r"[A-ZÀ-Ý]"
_NAME_WORD = r"[A-ZÀ-Ý][\w’'.\-]*"
_STOP = r"[^,.;:!?“”\"]"  # a character that does not end a phrase


@dataclass(frozen=True, slots=True)
class Cues:
    """Compiled cue patterns and word sets of one language."""

    lex: Lexicon
    verb: str  # regex source: any reporting verb
    adv: str  # regex source: words between a speaker and the verb
    pronouns: frozenset[str]
    after_subject_verb: re.Pattern[str]
    after_appositive: re.Pattern[str]
    after_role_name: re.Pattern[str]
    after_apposed_name: re.Pattern[str]
    after_verb_subject: re.Pattern[str]
    placed_tail: re.Pattern[str]  # "… Bishop Ann Lee of the Diocese of Leeds" ending a text
    # ", said Jo Roe, a strategist." closing a sentence the quote stands inside
    closing_inverted: re.Pattern[str]
    according: re.Pattern[str]
    according_opening: re.Pattern[str] | None  # "Para Ingrid Roe la solución …": opens it
    according_after: re.Pattern[str] | None  # "Weber zufolge ist …": the name comes first
    back_reference: re.Pattern[str] | None  # "«…». Con esa frase, X respondió": refers back
    verb_anywhere: re.Pattern[str]
    trailing_adv: re.Pattern[str]
    person_roles: re.Pattern[str]
    documents: re.Pattern[str]
    issued: re.Pattern[str]
    apposition: re.Pattern[str]
    signed_by: re.Pattern[str]
    document_by: re.Pattern[str]
    verb_next: re.Pattern[str]
    verb_after_apposition: re.Pattern[str]  # "X, a senator from Ohio, said"
    verb_before: re.Pattern[str]  # "…, said X": the verb right before a name
    determiner_tail: re.Pattern[str]
    leading_conjunction: re.Pattern[str]
    relative_split: re.Pattern[str]
    subject_end: re.Pattern[str]
    next_opener: re.Pattern[str]  # where the next quote opens: a cue stops there
    # "», plaide l'avocate": any lower-case word opening the words after a quote, when the
    # language inverts freely; "», concède-t-elle": a verb joined to its subject pronoun.
    inverted_any: re.Pattern[str] | None
    inverted_pronoun: re.Pattern[str] | None
    bare_verb: re.Pattern[str]  # "…», precisó." a verb with nothing after it
    # "Dies müsse so geschehen, erklärte die Forscherin.": a sentence closed by its verb and
    # its speaker (the sentence after a quote that has no cue of its own)
    closing_cue: re.Pattern[str]
    # "à l'AFP", "au Monde", "aux journalistes" after a verb: the one told, before the subject
    recipient: re.Pattern[str] | None
    # "…, mais disait-il : « … »": a verb joined to its subject pronoun ends the words before
    inverted_pronoun_before: re.Pattern[str] | None
    # "Jo Roe and his wife": the companions after a speaker's name, ending a phrase
    team_tail: re.Pattern[str] | None
    # "the doctors": a definite article and a noun, the whole phrase
    definite_noun: re.Pattern[str] | None


def cues_for(lex: Lexicon | None = None) -> Cues:
    """The cues of a language (English by default), compiled once."""
    lex = lex or english()
    built: Cues = lex.compiled("cues", _build)
    return built


def _build(lex: Lexicon) -> Cues:
    alt = lex.alternation
    # A separable particle closes its clause ("räumte ein.", "fügte hinzu:"): not the article
    # of "sagte ein Sprecher"
    particle = rf"(?:\s+{alt(lex.particles)}(?![\w-])(?=\s*(?:[,.;:!?“”\"«»„]|$)))?"
    verb = alt(lex.verbs) + (particle if lex.particles else "")
    adv = alt(tuple(lex.between), escape=False)
    subjects = tuple(w for w, p in lex.pronouns.items() if p.subject)
    # As written mid-sentence or opening one: "he", "He".
    pronoun = alt(tuple(w for s in subjects for w in {s, s.capitalize()}))
    dets = alt(tuple(w for d in lex.descriptor_openers for w in (d, d.capitalize())))
    descriptor = rf"(?:{dets}\s+{_STOP}{{1,80}}?)"
    connectors = alt(lex.connectors)
    name = rf"(?:{_NAME_WORD}(?:\s+(?:{connectors}\s+)?{_NAME_WORD}){{0,4}})"
    # "Gov. Jeb Roe of Florida": a name and the place or body it comes from; "Mark Roe of
    # owners Castle Stud", "Jo Roe of law firm X": a noun or two may say what the body is
    placed = (
        rf"(?:\s+{alt(lex.place_joiners)}\s+(?:{alt(tuple(lex.determiners))}\s+)?"
        rf"(?:[^\W\d_A-ZÀ-Þ][\w-]*\s+){{0,2}}{_NAME_WORD}"
        rf"(?:\s+{_NAME_WORD}){{0,3}})"
        if lex.place_joiners
        else "(?!)"
    )
    who = rf"(?:{pronoun}|{descriptor}|{name}{placed}?)"
    lead = r"^[\s,.;!?—–\-’”\"»']*"
    symmetric = [o for o, c in lex.quote_pairs.items() if o in c]
    openers = [re.escape(o) for o in lex.quote_pairs if o not in symmetric] + [
        rf"(?<!\w){re.escape(o)}(?=\w)" for o in symmetric
    ]
    role_nouns = alt(lex.person_roles)
    compound = r"[\w-]*" if lex.compound_roles else ""  # "die Außenministerin", "der CDU-Politiker"
    role_dets = alt(lex.role_openers)
    documents = alt(lex.documents)
    doc_dets = alt(lex.document_openers)
    inner = alt(lex.inner_words)
    articles = alt(tuple(lex.determiners))
    appos = alt(lex.apposition)
    links = alt(lex.inversion_links) if lex.inversion_links else ""
    companions = rf"\s+{alt(lex.team_links)}\s+\w+" if lex.team_links else ""
    team = rf"(?:{companions})?" if companions else ""
    definite = alt(tuple(w for d in lex.definite for w in (d, d.capitalize())))
    # "the Office released": a definite article or a capital opens who issued a document
    issuer_open = rf"(?:{definite} |{_UPPER_START})" if lex.definite else _UPPER_START
    age = rf"\d+{alt(lex.age_suffixes)}|" if lex.age_suffixes else ""
    modifiers = rf"(?:{alt(lex.document_modifiers)}\s+)?" if lex.document_modifiers else ""
    after_adv = rf"(?:(?:{adv})\s+)*" if lex.inverted_any_verb else ""
    return Cues(
        team_tail=re.compile(rf"{companions}$") if companions else None,
        definite_noun=re.compile(rf"{definite}\s+(\w+)") if lex.definite else None,
        lex=lex,
        inverted_any=(
            re.compile(
                rf"^[\s,]*(?P<verb>(?:{adv}\s+)*[^\W\d_A-ZÀ-Ý][\w’'-]*)\s+"
                rf"(?P<who>[^.;:!?“”\"]{{1,200}})"
            )
            if lex.inverted_any_verb
            else None
        ),
        inverted_pronoun=(
            re.compile(rf"{lead}(?:{adv}{links})?\w+{links}(?P<who>{pronoun})\b") if links else None
        ),
        closing_cue=re.compile(
            rf",\s+(?:{adv}\s+)*(?:{verb})\s+(?P<who>[^,.;:!?“”\"«»„]{{1,80}})[.!]?\s*$"
        ),
        inverted_pronoun_before=(
            re.compile(rf"\b[^\W\d_][\w’'-]*?{links}(?P<who>{pronoun})\s*[:,]?\s*$")
            if links
            else None
        ),
        recipient=(
            re.compile(
                rf"^\s*{alt(lex.recipients)}(?:\s+|(?<=['’]))(?:{articles}(?:\s+|(?<=['’])))?"
                rf"(?:{name}|[^\W\d_][\w-]*)\s+"
            )
            if lex.recipients
            else None
        ),
        bare_verb=re.compile(rf"^[\s,]*(?:{adv}\s+)*[^\W\d_A-ZÀ-Ý][\w’'-]*\s*(?:[.;]|$)"),
        verb=verb,
        adv=adv,
        pronouns=frozenset(subjects),
        after_subject_verb=re.compile(rf"{lead}(?P<who>{who})\s+(?:{adv}\s+)*(?P<verb>{verb})\b"),
        # "…,” Strauss Zelnick, CEO of Take-Two, adds." and "…,” company CEO Andy Vesey said."
        # "…,” the economist Jo Roe, a former adviser, wrote."
        after_appositive=re.compile(
            rf"{lead}(?P<who>{name}|{descriptor}),\s+[^“”\"]{{1,200}}?,\s+(?:{adv}\s+)*"
            rf"(?P<verb>{verb})\b"
        ),
        # "…,” Smith's campaign manager, Jo Roe, said."
        after_apposed_name=re.compile(
            rf"{lead}[^“”\",.;:!?]{{1,80}}?,\s+(?P<who>{name}),\s+(?:{adv}\s+)*(?P<verb>{verb})\b"
        ),
        after_role_name=re.compile(
            rf"{lead}(?:[A-Za-z]{_STOP}{{0,80}}?\s)?(?P<who>{name}{placed}?{team})\s+"
            rf"(?:{adv}\s+)*(?P<verb>{verb})\b"
        ),
        # where subjects follow verbs, an adverb may stand between them: "«…», dijo ayer X",
        # "“…”, disse ainda X"
        after_verb_subject=re.compile(
            rf"{lead}(?P<verb>{verb})\s+{after_adv}(?P<who>[^.;:!?“”\"]{{1,200}})"
        ),
        placed_tail=re.compile(rf"(?<!\S)(?P<who>{name}{placed}+)$"),
        closing_inverted=re.compile(
            rf"^(?:{adv}\s+)*(?P<verb>{alt(lex.inverting)})\s+(?P<who>[^.;:!?“”\"]{{1,200}})"
        ),
        according=re.compile(rf"(?i:\b{alt(lex.according)})\s+(?P<who>[^.;:!?“”\"]{{1,120}})"),
        according_opening=(
            re.compile(
                rf"^\W*(?i:{alt(lex.according_opening)})\s+(?:(?P<who>{name})|"
                rf"(?P<body>{dets}\s*(?P<noun>[^\W\d_][\w-]*)[^,.;:!?“”\"«»]{{0,60}}),)"
            )
            if lex.according_opening
            else None
        ),
        according_after=(
            re.compile(rf"(?P<who>{name})\s+(?i:{alt(lex.according_after)})\b")
            if lex.according_after
            else None
        ),
        back_reference=(
            re.compile(
                rf"^[\s.,;:—–\-]*(?i:{alt(lex.back_references)})\b(?P<who>[^.;:!?“”\"«»]{{1,200}})"
            )
            if lex.back_references
            else None
        ),
        verb_anywhere=re.compile(rf"\b{verb}\b"),
        trailing_adv=re.compile(rf"(?:\s+{adv})+\s*$"),
        person_roles=re.compile(
            rf"^{role_dets}\s+(?:{age}(?:[a-z\-]+\s+)?{role_nouns})$"
            + (
                rf"|^{role_dets}(?:\s+|(?<=['’]))(?:\w+\s+)?{compound}{role_nouns}\b"
                if lex.role_heads_phrase
                else ""
            ),
            re.I,
        ),
        documents=re.compile(rf"^{doc_dets}\s+{modifiers}{documents}$", re.I),
        issued=re.compile(
            rf"(?P<who>{issuer_open}[\w’' -]{{1,60}}?)\s+"
            rf"(?:{alt(lex.issue_adverbs)} )?{alt(lex.issue_verbs)}\s+"
            rf"{alt(lex.issue_determiners)}\s+(?:[\w-]+\s+){{0,3}}?"
            rf"{alt(lex.issued_documents)}s?"
        ),
        apposition=re.compile(
            rf"\b(?i:{articles}) (?P<noun>[a-z]+), (?:[a-z]+ ){{0,4}}?{appos} (?:{articles} )?"
            rf"(?:[a-z]+ ){{0,3}}(?P<name>[A-Z][\w’'&-]*(?: {inner} [A-Z][\w’'&-]*"
            r"| [A-Z][\w’'&-]*)+)"
        ),
        signed_by=re.compile(rf"\b{alt(lex.signed)} by (?:[\w-]+\s+)?(?P<noun>[a-z]+)$"),
        document_by=re.compile(rf"\s+{alt(lex.document_by)}\b.*$"),
        verb_next=re.compile(rf"\s+(?:{adv}\s+)*{verb}\b"),
        verb_after_apposition=re.compile(rf",\s+[^,;“”\"]{{1,140}}?,\s+(?:{adv}\s+)*{verb}\b"),
        # after a comma or a quote: "…, said Jo Roe", not "He said Roe has …"
        verb_before=re.compile(rf"[,”\"'’]\s*{alt(lex.inverting)}\s+$"),
        determiner_tail=re.compile(rf"\b(?i:{alt(lex.determiners)})\s+[^,.;:]{{1,60}}$"),
        leading_conjunction=re.compile(rf"^{alt(lex.conjunctions)}\s+"),
        relative_split=re.compile(rf",\s*{alt(lex.relatives)}\b"),
        next_opener=re.compile("|".join(openers)),
        subject_end=re.compile(
            rf"^(?P<np>.{{1,90}}?)(?:,|\s+(?:{adv}|{alt(lex.subject_verbs)}|{verb})\b)"
        ),
    )


def group_aliases(cues: Cues, paragraphs: list[str]) -> dict[tuple[int, int], tuple[str, str]]:
    """Where the article says who a collective noun is: position -> (noun, name)."""
    found: dict[tuple[int, int], tuple[str, str]] = {}
    for index, para in enumerate(paragraphs):
        for match in cues.apposition.finditer(para):
            found[(index, match.start())] = (match.group("noun"), match.group("name"))
    return found
