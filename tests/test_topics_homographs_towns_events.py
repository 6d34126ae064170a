"""Topics on unseen news: a place name that folds to a frequent word of another spelling is no
place without evidence, small towns count with a locating cue, events are named by their kind
and place, and subjects by the words news uses for them."""

from __future__ import annotations

import pytest

from briefings.reading.names import persons_in
from briefings.reading.topics import extract_topics


def topics(language: str, title: str, *paragraphs: str) -> list[str]:
    return list(extract_topics(title, "", list(paragraphs), persons_in(*paragraphs), language))


# --- homographs ----------------------------------------------------------------------------


def test_a_place_name_spelled_like_an_accented_word_is_no_place_without_evidence() -> None:
    # "Bensi", an alternate name of Benxi, reads as Italian "bensì" ("but rather") once folded.
    found = topics("it", "Un furto", "Non oro. Bensì campioni di aceto. Bensì bottiglie.")
    assert "benxi" not in found
    # The Italian region "Marche" folds like French "marché": after "nelle" it is the region.
    assert "marche" in topics("it", "Maltempo", "Piove nelle Marche da ieri sera.")


# --- towns ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "town"),
    [
        ("fr", "L'imam de la mosquée de Beaucaire a été entendu.", "beaucaire"),  # locative
        ("fr", "Le maire, élu à Beaucaire (Gard), a démissionné.", "beaucaire"),
        ("it", "NONANTOLA. I ladri sono entrati nel ristorante.", "nonantola"),  # dateline
        ("de", "Das Wasser stieg in Sinzig über die Ufer.", "sinzig"),
    ],
)
def test_a_small_town_counts_where_the_text_locates_it(language: str, text: str, town: str) -> None:
    assert town in topics(language, "Notizie", text)


def test_a_small_town_without_a_locating_cue_is_no_topic() -> None:
    # German capitalises nouns: a town's name alone, at a sentence start, says too little.
    assert "sinzig" not in topics("de", "Hochwasser", "Das Wasser stieg. Sinzig ist still.")


def test_a_town_in_a_country_of_another_language_is_no_town() -> None:
    # Beaucaire is French: in a German article the same word after "in" is left alone.
    assert "beaucaire" not in topics("de", "Bericht", "Er wohnte lange in Beaucaire.")


# --- events --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "event"),
    [
        ("fr", "Un attentat à Lyon a fait trois blessés.", "attack in lyon"),
        ("es", "El atentado en Madrid dejó dos heridos.", "attack in madrid"),
        ("de", "Nach dem Erdbeben in der Türkei kam Hilfe.", "earthquake in turkey"),
        ("it", "L'alluvione nelle Marche ha chiuso le scuole.", "flood in marche"),
        ("pt", "As enchentes em Porto Alegre deixaram mortos.", "flood in porto alegre"),
        ("en", "The bombing in Kabul killed ten people.", "attack in kabul"),
        ("it", "Un incidente a Modena ha causato due feriti.", "accident in modena"),
    ],
)
def test_an_event_is_named_by_its_kind_and_place(language: str, text: str, event: str) -> None:
    assert event in topics(language, "Notizie", text)


@pytest.mark.parametrize(
    ("language", "text", "event"),
    [
        ("fr", "La tempête Ciaran a touché la côte.", "storm ciaran"),
        ("de", "Das Sturmtief Zeynep zog über das Land.", "storm zeynep"),
        ("es", "El huracán Otis llegó a la costa.", "storm otis"),
    ],
)
def test_a_storm_is_named_by_its_own_name(language: str, text: str, event: str) -> None:
    assert event in topics(language, "Meteo", text)


def test_an_event_word_without_a_place_or_name_is_no_event() -> None:
    found = topics("fr", "Procès", "L'attentat a choqué le pays. La tempête a duré.")
    assert not [t for t in found if t.startswith(("attack", "storm "))]
    # A capitalised word after a storm noun that is a function word is no storm's name.
    assert "storm la" not in topics("es", "Clima", "Tras la tormenta La ciudad despertó.")


# --- subjects ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "subject"),
    [
        ("fr", "Pénurie de carburant dans la capitale", "shortage"),
        ("de", "Lieferengpässe bei Medikamenten", "shortage"),
        ("it", "Carenza di medici negli ospedali", "shortage"),
        ("pt", "Centenário do escritor celebrado", "anniversary"),
        ("es", "El aniversario de la revolución", "anniversary"),
        ("fr", "Grève contre la réforme des retraites", "pension reform"),
        ("de", "Die Rentenreform kommt", "pension reform"),
        ("it", "La riforma delle pensioni divide", "pension reform"),
    ],
)
def test_a_subject_news_names_in_its_headline_is_found(
    language: str, title: str, subject: str
) -> None:
    assert subject in topics(language, title, "Il testo segue.")


# --- names ---------------------------------------------------------------------------------


def test_a_sentence_opening_on_according_to_is_no_name() -> None:
    found = topics("de", "Bahn", "Laut Scheuer ist das gut. Laut Scheuer kommt mehr. Laut Scheuer.")
    assert "laut scheuer" not in found


def test_a_german_role_before_a_surname_is_no_topic_of_its_own() -> None:
    text = "Andreas Scheuer sprach. Bundesverkehrsminister Scheuer sagte, die Bahn sei gut."
    found = topics("de", "Bahn", text)
    assert "andreas scheuer" in found
    assert "bundesverkehrsminister scheuer" not in found


def test_a_pension_reform_is_also_about_pensions() -> None:
    assert "pensions" in topics("fr", "La réforme des retraites votée", "Le texte suit.")
