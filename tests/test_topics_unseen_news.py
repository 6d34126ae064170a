"""Topics on news nobody tuned on: subjects news reports as stories of their own (a coup, trade
unions, antisemitism, self-driving cars, art) in every language, German roles and noun phrases
that are no person, a capitalised function word that is a surname, and runs that open on a
noun or an honorific."""

from __future__ import annotations

import pytest

from briefings.reading.names import persons_in
from briefings.reading.topics import extract_topics


def topics(language: str, title: str, *paragraphs: str, dek: str = "") -> list[str]:
    return list(extract_topics(title, dek, list(paragraphs), persons_in(*paragraphs), language))


# --- subjects ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "text", "subject"),
    [
        ("fr", "Crise au Sahel", "Les putschistes ont fait un coup d'État lundi.", "coup"),
        ("es", "Juicio por el golpe", "El tribunal juzga a los militares.", "coup"),
        ("de", "Putsch in der Hauptstadt", "Die Armee hat die Macht übernommen.", "coup"),
        ("fr", "Les syndicats à l'Elysée", "Ils ont rencontré le ministre.", "trade unions"),
        (
            "it",
            "Sciopero",
            "Il sindacato e i sindacalisti hanno parlato. Sindacati uniti.",
            "trade unions",
        ),
        ("it", "Striscione antisemita", "Il messaggio è apparso sul ponte.", "antisemitism"),
        ("de", "Antisemitische Vorfälle an der Uni", "Die Polizei ermittelt.", "antisemitism"),
        ("pt", "Uber lança carros autônomos", "O serviço começa hoje.", "self-driving cars"),
        (
            "es",
            "Coches autónomos en la ciudad",
            "La empresa prueba el servicio.",
            "self-driving cars",
        ),
        ("de", "Ein Galerist feiert", "Die Kunst, die Künstler und die Malerei.", "art"),
        ("fr", "La fin des trottinettes", "La ville interdit le service.", "e-scooters"),
        ("de", "Islamismus im Blick", "Die Debatte geht weiter.", "islamism"),
        ("en", "Berlin confronts its colonial past", "The city renames streets.", "colonialism"),
    ],
)
def test_a_subject_named_in_the_headline_is_a_topic(
    language: str, title: str, text: str, subject: str
) -> None:
    assert subject in topics(language, title, text)


def test_a_phrase_with_an_elided_article_matches_before_a_capital() -> None:
    # The tokeniser drops "d'" before a capital: "coup d'État" reads "coup État".
    assert "coup" in topics("fr", "Niamey", "Un coup d'État a eu lieu. La ville est calme.")


def test_a_subject_mentioned_once_in_the_body_is_no_topic() -> None:
    assert "trade unions" not in topics("es", "La reunión", "Habló un sindicalista ayer.")


def test_english_union_alone_names_no_trade_unions() -> None:
    # "Union" is also the European one: English needs "trade union", "labor union".
    found = topics("en", "Union talks", "The European Union met. The union of states grew.")
    assert "trade unions" not in found


def test_italian_words_for_a_bag_snatching_are_theft() -> None:
    assert "theft" in topics("it", "Scippano un'anziana", "È stata derubata ieri mattina.")


def test_a_german_housing_search_is_housing() -> None:
    assert "housing" in topics("de", "Verzweifelt auf Wohnungssuche", "Die Uni beginnt bald.")


# --- people --------------------------------------------------------------------------------


def test_a_german_party_role_before_a_surname_is_no_topic() -> None:
    found = topics(
        "de",
        "Talkshow",
        "Der CDU-Politiker Armin Laschet sprach lange.",
        "Das sagte CDU-Politiker Laschet am Abend.",
    )
    assert "armin laschet" in found
    assert "cdu politiker laschet" not in found


def test_a_capitalised_german_function_word_after_a_given_name_is_a_surname() -> None:
    # "lang" ("long") is in the German function-word lists; capitalised after "Ricarda" it is
    # the surname, as the role before it shows.
    found = topics(
        "de",
        "Talkshow",
        "Mit ihr diskutierte die Grünen-Politikerin Ricarda Lang.",
        "Das sei falsch, so Lang weiter.",
    )
    assert "ricarda lang" in found
    assert not any(t.startswith("grunen") for t in found)


def test_a_german_adjective_and_noun_are_no_person() -> None:
    found = topics(
        "de",
        "Bahn",
        "Mehrere Bahn-Konkurrenten klagen. Die Konkurrenten fürchten Nachteile.",
        "Eigenwirtschaftliche Bahnen fahren ohne Geld. Private Bahnen fahren auch.",
    )
    assert "mehrere bahn konkurrenten" not in found
    assert "eigenwirtschaftliche bahnen" not in found


def test_a_german_noun_before_an_organisation_is_cut_off() -> None:
    found = topics(
        "de",
        "Räumung",
        "Die Räumung eines besetzten Gebäudes der Berliner Humboldt-Universität (HU) lief.",
    )
    assert "berliner humboldt universitat" in found
    assert not any(t.startswith("gebaudes") for t in found)


def test_a_place_in_a_german_run_without_a_given_name_is_still_a_place() -> None:
    # "an der Uni Freiburg" reads like a name, but "Uni" is no given name: Freiburg stays a
    # place ("Ian Hamilton" is a person, and Hamilton no place).
    found = topics(
        "de",
        "Wohnungen",
        "Sie zieht nach Freiburg. Sie hat sich an der Uni Freiburg eingeschrieben.",
    )
    assert "freiburg" in found


def test_a_surname_ending_a_sentence_is_counted() -> None:
    found = topics("fr", "Crise", "Le président a démissionné après son successeur Manuel Merino.")
    assert "manuel merino" in found


def test_an_elided_article_before_a_lower_case_word_opens_no_name() -> None:
    found = topics(
        "it",
        "Vertice",
        "Giorgia Meloni è arrivata in Florida.",
        "L'incontro di Meloni con il presidente è durato due ore.",
    )
    assert "giorgia meloni" in found
    assert not any(t.startswith("l'incontro") or t.startswith("incontro") for t in found)


def test_an_honorific_inside_a_run_ends_what_came_before() -> None:
    found = topics(
        "fr",
        "Pérou",
        "Le député Francisco Sagasti a été élu.",
        "Il a déclaré devant le Parlement M. Sagasti, qui sera investi mardi.",
    )
    assert "francisco sagasti" in found
    assert not any(t.startswith("parlement m") for t in found)


def test_a_german_role_heading_a_name_marks_an_organisation() -> None:
    found = topics("de", "Bahn", "Das sagt Fabian Stenger, der Deutschland-Chef von Flixbus.")
    assert "flixbus" in found


def test_an_acronym_ending_a_german_run_is_no_surname() -> None:
    found = topics("de", "Bahn", "Sie machen Kunden alternative Angebote zu ICEs und ICs.")
    assert "angebote zu ices" not in found


# --- one topic per name --------------------------------------------------------------------


def test_a_cut_or_titled_form_of_a_name_is_the_fuller_name() -> None:
    found = topics(
        "es",
        "Bruselas",
        "La presidenta Ursula von der Leyen escribe una carta. Von der Leyen insiste.",
        "Así lo dice Von der Leyen. La señora Sophie Binet y la Sra. Binet hablaron.",
    )
    assert "ursula von der leyen" in found
    assert "der leyen" not in found
    assert "sra binet" not in found and "sra. binet" not in found


def test_a_roman_numeral_in_a_headline_is_no_organisation() -> None:
    found = topics("es", "Juicio por el caso golpe II entra en la recta final", "El juicio sigue.")
    assert "ii" not in found
