"""Direct quotes and who said them.

Finds every quoted span in the body (curly, straight, guillemets, German „ “, ’’ as closer),
follows journalistic multi-paragraph quotes, attributes each to its speaker (after or before the
quote, pronouns, descriptors, organisations, inherited from the paragraph before) and picks the
1-3 key quotes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefings.model import Quote
from briefings.reading import marks
from briefings.reading.attribution import Attributor
from briefings.reading.document import Document, build_document
from briefings.reading.lexicon import Lexicon, lexicon
from briefings.reading.marks import Span
from briefings.reading.names import (
    PersonIndex,
    apposed_surnames,
    drop_openers,
    personal,
    persons_in,
    role_surname,
    titled_surname,
)

MIN_WORDS = 4  # shorter spans are scare quotes: "constructive", "tangible progress"


def find_spans(paragraphs: list[str], language: str = "") -> list[Span]:
    """Every quoted span of the paragraphs, by the quote marks of their language."""
    return marks.find_spans(paragraphs, lexicon(language))


def extract_quotes(title: str, dek: str, paragraphs: list[str], max_key: int = 3) -> list[Quote]:
    """Every direct quote of the body with its speaker, key quotes marked."""
    return quotes_of(build_document(title, dek, paragraphs), max_key)


def quotes_of(doc: Document, max_key: int = 3) -> list[Quote]:
    """Every direct quote of a parsed article with its speaker, key quotes marked."""
    spans = doc.quotes
    if not spans:
        return []  # most feed teasers: no need to learn who is who
    paragraphs = doc.texts
    lex = doc.lexicon
    headline_quotes = {_fold(text) for text in _quoted_in(doc.title + " " + doc.dek, lex)}
    # Which spans are quotes does not depend on who said them: when none is (scare quotes,
    # titles: most articles with quote marks among the short ones), nobody is attributed.
    kept = [_is_quote(s.text(paragraphs), s, paragraphs, headline_quotes, lex) for s in spans]
    if not any(kept):
        return []
    names = [
        _untitled(drop_openers(n, lex.not_names, lex.determiners), lex)
        for n in persons_in(*paragraphs, lex=lex)
    ]
    people = PersonIndex(
        [n for n in names if personal(n, lex)],
        lex.not_names - lex.determiners - set(lex.connectors),
        closing_names=lex.capitalised_nouns,
    )
    for mention in doc.names:  # "Mr. Bush" when the article never gives his full name
        surname = titled_surname(mention.text, lex.honorifics) or role_surname(mention.text, lex)
        if surname:
            people.add(surname)
    for paragraph in paragraphs:
        for surname in apposed_surnames(paragraph, lex):
            people.add(surname)
    attributor = Attributor(doc, people)
    quotes: list[Quote] = []
    initialled: dict[str, str] = {}  # speaker -> as written with its initial (once each)
    for n, span in enumerate(spans):
        text = span.text(paragraphs)
        # (every span is attributed in order: who spoke a scare quote is remembered)
        speaker = attributor.speaker_for(span, spans[n - 1] if n else None)
        if not kept[n]:
            continue
        if speaker not in initialled:
            initialled[speaker] = _with_initial(speaker, paragraphs)
        quotes.append(Quote(text=text, speaker=initialled[speaker]))
    _mark_key(quotes, max_key)
    return quotes


_HEADLINE_SLOGAN_WORDS = 6


def _quoted_in(text: str, lex: Lexicon) -> list[str]:
    spans = marks.find_spans([text], lex, house=False)
    return [s.text([text]) for s in spans] + re.findall(r"‘([^’]{3,})’", text)


def _fold(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text).strip().casefold()


def _cue_before(lex: Lexicon) -> re.Pattern[str]:
    def build(lex: Lexicon) -> re.Pattern[str]:
        return re.compile(rf"(?:{lex.alternation(lex.speech_openers)}|:|,)\s*$", re.I)

    pattern: re.Pattern[str] = lex.compiled("cue_before", build)
    return pattern


def _slogan_before(lex: Lexicon) -> re.Pattern[str]:
    def build(lex: Lexicon) -> re.Pattern[str]:
        return re.compile(rf"\b{lex.alternation(lex.slogan_cues)}[,:]?$", re.I)

    pattern: re.Pattern[str] = lex.compiled("slogan_before", build)
    return pattern


def _is_quote(
    text: str, span: Span, paragraphs: list[str], headline: set[str], lex: Lexicon
) -> bool:
    words = text.split()
    if len(words) < MIN_WORDS and not _short_utterance(words, span, paragraphs, lex):
        return False
    if _fold(text) in headline and len(words) <= _HEADLINE_SLOGAN_WORDS:
        # a name or slogan the headline also quotes ("Meth. We're on it."); a longer quote
        # the headline or dek repeats is still said in the body ("“A …”, conta Kalú")
        return False
    if _title_like(words, lex) and not text.rstrip().endswith((".", "?", "!", ",")):
        return False  # a title of a song, a book or a sign: "We're Not Gonna Take It"
    para = paragraphs[span.paragraph]
    before = para[: span.open_at].rstrip()
    if _title_like(words, lex) and _slogan_before(lex).search(before):
        return False  # signs with sayings such as "Less Money on Testing, More on Students."
    if _pull_quote(text, span, paragraphs):
        return False
    if not before or before.endswith((".", "?", "!", ":", "”", '"', "'", "—", "–")):
        return True
    if len(words) >= lex.embedded_min_words:
        return True  # a phrase quoted inside reported speech is a quote from five words on
    if _cue_before(lex).search(before):
        return True
    prev_word = before.split()[-1].lower().strip(",;()")
    after = para[span.close_end :].lstrip() if span.closed else ""
    runs_on = bool(after) and after[0].isalpha() and after[0].islower()
    if prev_word in lex.embedding and len(words) < 10:
        return False  # a phrase quoted inside reported speech: efforts to "achieve peace"
    return not (runs_on and len(words) < 10)


def _speech_after(lex: Lexicon) -> re.Pattern[str]:
    def build(lex: Lexicon) -> re.Pattern[str]:
        return re.compile(rf"\s*(?:[^\s.!?]+\s+){{0,4}}?{lex.alternation(lex.verbs)}\b", re.I)

    pattern: re.Pattern[str] = lex.compiled("speech_after", build)
    return pattern


def _short_utterance(words: list[str], span: Span, paragraphs: list[str], lex: Lexicon) -> bool:
    """A reply of two or three words is speech when it is a sentence of its own, punctuated
    inside its marks, and a reporting verb follows it or the paragraph quoted the same speaker
    before it ("“No, not really,” Scott said.", "he said. “Something odd happened.”"); a
    word or two quoted inside a sentence stays a scare quote."""
    if len(words) < 2 or not words[0][:1].isupper() or words[-1][-1:] not in ".?!,":
        return False
    para = paragraphs[span.paragraph]
    before = para[: span.open_at].rstrip()
    if before and not before.endswith((".", "?", "!", ":")):
        return False
    after = para[span.close_end : span.close_end + 60] if span.closed else ""
    return bool(_speech_after(lex).match(after)) or bool(before and "." in before[-2:])


def _pull_quote(text: str, span: Span, paragraphs: list[str]) -> bool:
    """A paragraph that is nothing but a short unpunctuated quote repeated from elsewhere in
    the article: a heading or pull quote echoing the real quote ("We write with urgency")."""
    para = paragraphs[span.paragraph]
    alone = not para[: span.open_at].strip() and not para[span.close_end :].strip()
    if not alone or text.rstrip()[-1:] in ".?!,;" or len(text.split()) > 12:
        return False
    # Its own paragraph holds it once; anywhere else makes two (one fold of the article).
    return _folded_article(tuple(paragraphs)).count(f" {_fold(text)} ") >= 2


@lru_cache(maxsize=8)
def _folded_article(paragraphs: tuple[str, ...]) -> str:
    return " " + " | ".join(_fold(p) for p in paragraphs) + " "


def _title_like(words: list[str], lex: Lexicon) -> bool:
    if lex.capitalised_nouns and words[0][:1].islower():
        return False  # „im Rahmen der Erwartungen“: nouns are capitalised, a title's start too
    content = [w for w in words if len(w) > 3]
    capital = sum(1 for w in content if w[:1].isupper())
    return len(content) >= 2 and capital >= 0.8 * len(content)


def _mark_key(quotes: list[Quote], max_key: int) -> None:
    if not quotes:
        return
    wanted = 1 if len(quotes) <= 2 else 2 if len(quotes) <= 5 else max_key
    scored = sorted(
        range(len(quotes)), key=lambda i: _key_score(quotes[i], i, len(quotes)), reverse=True
    )
    for i in scored[:wanted]:
        quotes[i].key = True


def _key_score(quote: Quote, index: int, total: int) -> float:
    """Earlier, whole statements of 10-35 words; weights measured on the dev set (make
    quality), where the gold key quotes cluster early in the article (a bonus for first-person
    quotes was measured too, and cost three hits)."""
    words = len(quote.text.split())
    score = 0.5 * min(words, 35) / 35
    if words > 50:
        score -= 0.3  # a paragraph-long quote is not the line a reader remembers
    if quote.text[:1].isupper():
        score += 0.3  # a whole statement, not the tail of reported speech
    if words < 10:
        score -= 0.5
    score += 0.8 * (1 - index / max(total, 1))
    return score


def _with_initial(speaker: str, paragraphs: list[str]) -> str:
    """A name ending on an initial keeps its full stop as the article writes it: "Yassin E."
    (name runs are cut before a final full stop)."""
    words = speaker.split()
    if len(words) < 2 or len(words[-1]) != 1 or not words[-1].isupper():
        return speaker
    return speaker + "." if any(speaker + "." in p for p in paragraphs) else speaker


def _untitled(name: str, lex: Lexicon) -> str:
    """A name without the titles of its language before it: "Umweltministerin Anne Spiegel"."""
    words = name.split()
    while len(words) > 1 and lex.is_title(words[0]):
        words.pop(0)
    return " ".join(words)
