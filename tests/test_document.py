"""The document model (one parse per article) and the language data it reads."""

from __future__ import annotations

from briefings.analyze import parse, read
from briefings.reading.document import build_document
from briefings.reading.lexicon import available, lexicon


def test_sentences_tokens_and_names_carry_offsets_into_their_paragraph() -> None:
    doc = build_document(
        "t", "", ["Mayor Ana Ruiz spoke on Monday. She said the U.S. plan works.", "Short one."]
    )
    first, second = doc.paragraphs[0].sentences
    text = doc.paragraphs[0].text
    assert ["Mayor Ana Ruiz spoke on Monday.", "She said the U.S. plan works."] == [
        text[s.start : s.end] for s in (first, second)
    ]
    assert "works" == second.tokens[-1].text
    assert "works" == text[second.tokens[-1].start : second.tokens[-1].end]
    assert [0, 1, 2] == [s.index for s in doc.sentences]
    assert ["Mayor Ana Ruiz", "Monday", "She", "U.S", "Short"] == [m.text for m in doc.names]
    assert [0, 0, 0, 0, 1] == [m.paragraph for m in doc.names]
    assert second is doc.sentence_at(0, text.index("plan"))


def test_quote_spans_are_found_once_in_the_document() -> None:
    doc = build_document("t", "", ["“We are ready to sign the deal today,” Ruiz said."])
    [span] = doc.quotes
    assert "We are ready to sign the deal today," == span.text(doc.texts)


def test_the_lexicon_follows_the_language_and_falls_back_to_english() -> None:
    assert "en" == lexicon("").code == lexicon("xx").code == lexicon("en-GB").code
    french = lexicon("fr")
    assert "a déclaré" in french.verbs and "selon" in french.according
    assert french.hyphen_particles == lexicon("en").hyphen_particles  # left out: from English
    assert french.titles != lexicon("en").titles  # French titles of its own
    assert {"de", "en", "es", "fr", "it", "pt"} <= set(available())
    assert "plural" == lexicon("en").pronouns["they"].number
    assert "feminine" == lexicon("en").pronouns["she"].gender


def test_english_data_holds_every_inflection_of_a_reporting_verb() -> None:
    verbs = set(lexicon("en").verbs)
    assert {"agree", "agrees", "agreed", "agreeing", "say", "says", "said", "saying"} <= verbs


def test_read_parses_in_the_detected_language() -> None:
    paragraphs = [
        "El gobierno anunció el martes un nuevo plan de vivienda para las familias de la ciudad.",
        "«Vamos a construir diez mil casas antes del próximo verano», dijo Marta Gómez, ministra.",
    ]
    assert "es" == parse("Plan", "", paragraphs).language
    _summary, quotes, _topics = read("Plan", "", paragraphs)
    assert [("Vamos a construir diez mil casas antes del próximo verano", "Marta Gómez")] == [
        (q.text, q.speaker) for q in quotes
    ]
