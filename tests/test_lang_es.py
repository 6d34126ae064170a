"""Spanish quotes and speakers (es.toml): marks, attribution orders, titles, pronouns."""

from __future__ import annotations

from briefings.reading.lexicon import lexicon
from tests.lang_helpers import said

LEAD = "La ministra de Trabajo, Marta Ruiz Soler, visitó el lunes una fábrica de Sevilla."


def test_angle_quotes_with_inverted_verb_after_them() -> None:
    got = said("es", LEAD, "«Vamos a subir los salarios este mismo año», afirmó Marta Ruiz Soler.")
    assert got == [("Vamos a subir los salarios este mismo año", "Marta Ruiz Soler")]


def test_curly_quotes_with_speaker_before_the_verb() -> None:
    got = said("es", LEAD, "Pedro Gil Mora dijo: “No habrá ningún recorte en la sanidad pública”.")
    assert got[0] == ("No habrá ningún recorte en la sanidad pública", "Pedro Gil Mora")


def test_segun_names_the_speaker() -> None:
    got = said("es", LEAD, "Según Pedro Gil Mora, la reforma «llega demasiado tarde para todos».")
    assert got == [("llega demasiado tarde para todos", "Pedro Gil Mora")]


def test_a_title_resolves_to_the_name_the_article_gives() -> None:
    got = said("es", LEAD, "«El empleo crece en todas las regiones», aseguró la ministra.")
    assert got == [("El empleo crece en todas las regiones", "Marta Ruiz Soler")]


def test_a_pronoun_speaker_is_the_person_spoken_of() -> None:
    got = said("es", LEAD, "Ella dijo: «Nadie se quedará atrás en esta reforma».")
    assert got == [("Nadie se quedará atrás en esta reforma", "Marta Ruiz Soler")]


def test_a_subjectless_verb_speaks_for_the_last_person() -> None:
    got = said("es", LEAD, "«Los datos nos dan la razón a todos», precisó.")
    assert got == [("Los datos nos dan la razón a todos", "Marta Ruiz Soler")]


def test_a_sentence_opening_word_is_never_a_speaker() -> None:
    got = said("es", LEAD, "Además insistió en que «la reforma no tiene vuelta atrás».")
    assert got == [("la reforma no tiene vuelta atrás", "Marta Ruiz Soler")]


def test_spanish_abbreviations_do_not_end_sentences() -> None:
    assert {"sr", "sra", "dr", "s.a"} <= lexicon("es").abbreviations


def test_dialogue_dash_with_the_narrator_between_dashes() -> None:
    got = said(
        "es",
        LEAD,
        "—No vamos a ceder ante nadie en esto —dijo la ministra—. Es la hora del empleo.",
    )
    assert got == [
        ("No vamos a ceder ante nadie en esto", "Marta Ruiz Soler"),
        ("Es la hora del empleo.", "Marta Ruiz Soler"),
    ]


def test_a_role_phrase_with_its_complement_is_the_person_named() -> None:
    got = said("es", LEAD, "«Habrá más inspecciones este año», señaló la ministra de Trabajo.")
    assert got == [("Habrá más inspecciones este año", "Marta Ruiz Soler")]
