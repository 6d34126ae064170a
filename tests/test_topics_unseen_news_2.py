"""Topics on a second round of unseen news: international bodies under their names in every
language, and subjects local and foreign news report as stories of their own (vandalism,
sexual abuse, referendums, fishing, fashion)."""

from __future__ import annotations

import pytest

from briefings.reading.names import persons_in
from briefings.reading.topics import extract_topics


def topics(language: str, title: str, *paragraphs: str, dek: str = "") -> list[str]:
    return list(extract_topics(title, dek, list(paragraphs), persons_in(*paragraphs), language))


# --- international bodies --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "body"),
    [
        ("fr", "Les ministres de l'Union européenne se réunissent mardi.", "european union"),
        ("es", "La Unión Europea aprobó el plan el lunes.", "european union"),
        ("de", "Die Europäische Union hat das Gesetz beschlossen.", "european union"),
        ("it", "L'Unione europea ha approvato il piano.", "european union"),
        ("pt", "A União Europeia aprovou o plano.", "european union"),
        ("fr", "La Commission européenne propose une nouvelle règle.", "european union"),
        ("es", "La ONU pidió un alto el fuego.", "united nations"),
        ("de", "Die Vereinten Nationen warnen vor einer Hungersnot.", "united nations"),
        ("it", "Le Nazioni Unite chiedono una tregua.", "united nations"),
        ("fr", "L'OTAN renforce son flanc est.", "nato"),
        ("pt", "A Organização Mundial da Saúde emitiu um alerta.", "world health organization"),
        ("es", "El FMI revisó su previsión de crecimiento.", "imf"),
        ("it", "La Banca centrale europea alza i tassi.", "european central bank"),
        ("de", "Das Rote Kreuz schickt Helfer in die Region.", "red cross"),
    ],
)
def test_an_international_body_is_one_topic_in_every_language(
    language: str, text: str, body: str
) -> None:
    assert body in topics(language, "Nachrichten" if language == "de" else "Notizie", text)


def test_the_portuguese_eu_opening_a_sentence_is_no_european_union() -> None:
    # "Eu" is "I" in Portuguese; the union is written "UE" there, "EU" only in capitals.
    found = topics("pt", "Entrevista", "Eu acho que a cidade mudou. Eu moro aqui desde 1990.")
    assert "european union" not in found


def test_eu_in_capitals_is_still_the_european_union() -> None:
    assert "european union" in topics("de", "Gipfel", "Die EU will den Plan am Montag beschließen.")


# --- subjects ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "text", "subject"),
    [
        ("it", "Vandali in centro", "Hanno rotto le panchine di notte.", "vandalism"),
        ("de", "Reifen vor dem Rathaus zerstochen", "Die Polizei sucht Zeugen.", "vandalism"),
        ("fr", "Actes de vandalisme à l'école", "La mairie porte plainte.", "vandalism"),
        ("es", "Detenido por abuso sexual", "El juzgado abrió diligencias.", "sexual abuse"),
        ("fr", "Procès pour viol à Lyon", "L'audience reprend lundi.", "sexual abuse"),
        ("de", "Bürgerentscheid über das Bad", "Die Stadt zählt die Stimmen.", "referendum"),
        ("it", "Referendum sulla legge", "Si vota domenica.", "referendum"),
        ("pt", "Plebiscito na cidade", "A votação será em maio.", "referendum"),
        ("fr", "Les pêcheurs inquiets", "Les quotas baissent encore.", "fishing"),
        ("es", "La flota pesquera vuelve a puerto", "Los barcos llegaron al alba.", "fishing"),
        ("it", "Moda, la settimana di Milano", "Le sfilate aprono lunedì.", "fashion"),
        ("fr", "La mode du survêtement", "Les ventes explosent.", "fashion"),
        ("it", "Ladro arrestato dai vigili", "L'uomo è stato fermato.", "theft"),
        (
            "fr",
            "Vote à l'Assemblée",
            "Le projet de loi contre le séparatisme islamiste a été adopté.",
            "islamism",
        ),
    ],
)
def test_a_subject_of_local_and_foreign_news_is_a_topic(
    language: str, title: str, text: str, subject: str
) -> None:
    assert subject in topics(language, title, text)


def test_a_french_mode_of_doing_is_no_fashion() -> None:
    # "mode de scrutin", "mode de vie": French "mode" is also a way of doing.
    found = topics("fr", "Réforme du mode de scrutin", "Le mode de vie change. Le mode de calcul.")
    assert "fashion" not in found


def test_italian_peaches_are_no_fishing() -> None:
    found = topics("it", "Pesche e albicocche", "Le pesche costano di più. La pesca è matura.")
    assert "fishing" not in found


# --- places --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "country"),
    [
        ("fr", "Le président vénézuélien est arrivé à l'aéroport.", "venezuela"),
        ("es", "El gobierno mexicano respondió el martes.", "mexico"),
        ("it", "Il ministro marocchino ha parlato ieri.", "morocco"),
        ("pt", "O técnico argentino chegou ontem.", "argentina"),
        ("fr", "Les autorités haïtiennes ont réagi.", "haiti"),
        ("es", "Los jugadores colombianos ganaron.", "colombia"),
    ],
)
def test_a_nationality_adjective_derived_from_the_country_names_it(
    language: str, text: str, country: str
) -> None:
    assert country in topics(language, "Actualité", text)


@pytest.mark.parametrize("word", ["soudain", "camerino", "angolino", "malsain"])
def test_a_word_that_merely_starts_like_a_country_names_none(word: str) -> None:
    # "soudain" (suddenly) starts like "Soudan", "camerino" (a dressing room) like "Camerun".
    language = "fr" if word in ("soudain", "malsain") else "it"
    found = topics(language, "Cronaca", f"Il y avait un {word} ici. C'era un {word} là.")
    assert not {"sudan", "cameroon", "angola", "mali"} & set(found)


@pytest.mark.parametrize(
    ("language", "text", "sea"),
    [
        (
            "fr",
            "Le merlu de l'Atlantique revient. Les pêcheurs de la Méditerranée aussi.",
            "atlantic ocean",
        ),
        ("de", "Im Mittelmeer sind wieder Boote gesunken.", "mediterranean"),
        ("es", "Un barco se hundió en el Mar Negro.", "black sea"),
        ("it", "Tempesta sul Mare del Nord.", "north sea"),
    ],
)
def test_a_sea_or_ocean_is_a_place_in_every_language(language: str, text: str, sea: str) -> None:
    assert sea in topics(language, "Notizie", text)


def test_a_roman_century_is_no_paris_arrondissement() -> None:
    found = topics("fr", "Histoire", "À la fin du XXe siècle, la ville a changé. Le XIXe aussi.")
    assert not [t for t in found if t.startswith("paris")]


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        ("it", "L'Italia ha vinto ieri sera.", "italy"),
        ("fr", "L'Allemagne a voté. Qu'Israël réponde.", "germany"),
        ("it", "Dall'Europa arrivano aiuti.", "europe"),
    ],
)
def test_a_place_after_an_elided_article_opening_a_sentence_is_found(
    language: str, text: str, place: str
) -> None:
    assert place in topics(language, "Notizie", text)


def test_an_african_name_with_an_apostrophe_stays_whole() -> None:
    assert "chad" in topics("fr", "Tchad", "N'Djamena a accueilli le sommet.")


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        ("it", "Il furto è avvenuto in via Catania, a Battipaglia.", "catania"),
        ("es", "Vive en la avenida Brasil, en Madrid.", "brazil"),
        ("pt", "O assalto foi na rua Bahia, em Curitiba.", "bahia"),
    ],
)
def test_a_place_naming_a_street_is_an_address(language: str, text: str, place: str) -> None:
    assert place not in topics(language, "Cronaca", text)


def test_a_german_weekday_repeated_is_no_organisation() -> None:
    found = topics(
        "de",
        "Reifen zerstochen",
        "Am Sonntag bemerkte er den Schaden. Bis Sonntag Morgen sah niemand etwas.",
        "Die Polizei sucht Zeugen für Sonntag.",
    )
    assert "sonntag" not in found
