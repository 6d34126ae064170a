"""Topics in every language we read: subjects from the vocabulary by their native triggers,
function words never topics, and /topics listing only names and subjects."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.commands import Caller, Commands
from bot.services import Services
from bot.settings import Settings
from briefings.model import Article
from briefings.reading.names import persons_in
from briefings.reading.topics import extract_topics, resolve_query
from briefings.reading.vocabulary import is_listable, vocabulary
from store.articles import ArticleStore
from store.database import Database
from tests.helpers import make_article


def topics(language: str, title: str, *paragraphs: str) -> list[str]:
    return list(extract_topics(title, "", list(paragraphs), persons_in(*paragraphs), language))


# One short invented article per language: its subject is named by native words only.
NATIVE = {
    "en": ("Port closed", "The strike closed the port. Strikers marched. The strike goes on."),
    "es": (
        "Puerto cerrado",
        "La huelga cerró el puerto. Los huelguistas marcharon. Sigue la huelga.",
    ),
    "de": ("Hafen zu", "Der Streik legte den Hafen lahm. Der Warnstreik dauert. Streiks wirken."),
    "fr": ("Port fermé", "La grève a fermé le port. Les grévistes ont défilé. La grève dure."),
    "it": (
        "Porto fermo",
        "Lo sciopero ha chiuso il porto. Gli scioperanti sfilano. Scioperi ovunque.",
    ),
    "pt": ("Porto parado", "A greve fechou o porto. Os grevistas marcharam. A greve segue."),
}


@pytest.mark.parametrize("language", sorted(NATIVE))
def test_a_subject_fires_from_its_native_trigger(language: str) -> None:
    assert "strike" in topics(language, *NATIVE[language])


def test_each_language_has_its_own_word_for_the_economy() -> None:
    body = {
        "es": "La economía creció. La inflación bajó. El desempleo también.",
        "de": "Die Wirtschaft wuchs. Die Inflation sank. Die Konjunktur zieht an.",
        "fr": "L'économie a progressé. L'inflation a baissé. Le chômage aussi.",
        "it": "L'economia è cresciuta. L'inflazione è scesa. La disoccupazione pure.",
        "pt": "A economia cresceu. A inflação caiu. O desemprego também.",
    }
    for language, text in body.items():
        assert "economy" in topics(language, "Cifras", text), language


def test_an_english_trigger_does_not_fire_on_a_homograph_in_another_language() -> None:
    # German "war" is "was"; French "stock" is a store of goods, not the stock market.
    german = topics("de", "Ein ruhiger Tag", "Es war kalt. Der Markt war voll, es war laut.")
    assert "war" in topics("en", "Front", "It was war. The war went on; the war cost lives.")
    assert "war" not in german
    french = topics("fr", "Carburant", "Le stock baisse. Les stocks sont vides. Un stock.")
    assert "stock market" not in french
    english = topics("en", "Markets", "The stock market fell. Stock markets in Asia fell too.")
    assert "stock market" in english


def test_fish_stocks_are_not_the_stock_market() -> None:
    found = topics("en", "Cod in decline", "Fish stocks fell again. The stocks of cod are low.")
    assert "stock market" not in found


@pytest.mark.parametrize(
    ("language", "title", "text", "junk"),
    [
        ("en", "Talks", "However Lisbon agreed. However the talks went on.", "however"),
        ("es", "Debate", "Para Ricardo Lewandowski el caso es claro. Lewandowski votó.", "para"),
        ("de", "Wahl", "Die Drusen protestieren. Die Drusen fordern Rechte. Die Drusen.", "die"),
        ("fr", "Grève", "Nous avons voté, dit Marie Curie. Nous restons. Nous voilà.", "nous"),
        ("it", "Furto", "Per Mario Rossi è un furto. Per fortuna nessuno. Per ora basta.", "per"),
        ("pt", "Eleição", "Em Curitiba a votação seguiu. Em Curitiba chove. Em Curitiba.", "em"),
    ],
)
def test_a_sentence_initial_function_word_is_not_a_topic(
    language: str, title: str, text: str, junk: str
) -> None:
    found = topics(language, title, text)
    assert not [t for t in found if junk in t.split()], found


def test_a_name_after_a_function_word_keeps_the_name() -> None:
    assert "curitiba" in topics("pt", "Eleição", "Em Curitiba a votação seguiu até tarde.")
    assert "ricardo lewandowski" in topics(
        "pt", "Voto", "Para Ricardo Lewandowski o caso é claro. Lewandowski votou."
    )


def test_free_lower_case_phrases_are_not_topics() -> None:
    found = topics(
        "en",
        "Talks resume",
        "The parties made significant progress on difficult issues.",
        "They made significant progress again, and difficult issues remain.",
        "Observers said the difficult issues were made significant progress on.",
    )
    assert not [t for t in found if "significant" in t or "difficult" in t]


def test_a_subject_used_once_in_the_body_needs_a_phrase_or_the_headline() -> None:
    assert "theft" not in topics("en", "A quiet week", "Police said one bike was stolen.")
    assert "theft" in topics("en", "Bike stolen", "Police said one bike went missing.")
    assert "music industry" in topics("en", "Deal", "The singer left her record label.")


def test_a_league_brings_its_sport() -> None:
    assert "ice hockey" in topics("en", "NHL night", "The NHL season opened on Friday.")


def test_a_query_in_any_language_finds_the_subject() -> None:
    assert ["economy"] == resolve_query("Wirtschaft", ["economy", "berlin"])
    assert ["strike"] == resolve_query("huelga", ["strike"])


def test_every_subject_names_an_iptc_top_level() -> None:
    tops = {
        "arts, culture, entertainment and media",
        "conflict, war and peace",
        "crime, law and justice",
        "disaster, accident and emergency incident",
        "economy, business and finance",
        "education",
        "environment",
        "health",
        "human interest",
        "labour",
        "lifestyle and leisure",
        "politics",
        "religion",
        "science and technology",
        "society",
        "sport",
        "weather",
    }
    assert set(vocabulary().iptc.values()) <= tops


def test_free_phrases_are_not_listable_but_names_and_subjects_are() -> None:
    for phrase in ("dans les", "disse que", "credo che", "en cambio", "nous"):
        assert not is_listable(phrase), phrase
    evidence = "The parties have made significant progress on difficult issues, Blinken said."
    assert not is_listable("made significant progress", evidence)
    assert not is_listable("difficult issues", evidence)
    for topic in ("economy", "war", "armenia", "antony blinken", "al azhar", "theresa may"):
        assert is_listable(topic, evidence), topic


def _article_with_old_topics(n: int) -> Article:
    # As an older version stored it: free phrases next to real names.
    article = make_article(
        n,
        place="Vienna",
        body="Officials made significant progress on difficult issues in Vienna on Monday, "
        "and the talks in Vienna went on late into the night with more rounds planned.",
    )
    return replace(
        article,
        topics=["vienna", "made significant progress", "difficult issues", "dans les", "war"],
        summary="Officials made significant progress on difficult issues in Vienna.",
    )


def test_topic_counts_hide_free_phrases_older_articles_carry(tmp_path: Path) -> None:
    db = Database(tmp_path / "db.json")
    store = ArticleStore(db)
    store.add_many([_article_with_old_topics(1)])
    counts = store.topic_counts()
    db.close()
    assert {"vienna", "war"} == set(counts)


async def test_the_topics_command_hides_free_phrases(tmp_path: Path) -> None:
    services = Services.open(Settings(db=str(tmp_path / "db.json")))
    try:
        services.articles.add_many([_article_with_old_topics(2)])
        replies = await Commands(services).handle(Caller(1), "topics", "")
    finally:
        await services.shutdown()
    text = "\n".join(r.text for r in replies)
    assert "vienna" in text.lower()
    assert "significant" not in text and "difficult" not in text and "dans les" not in text


def test_a_capitalised_word_inside_a_romance_sentence_is_a_name() -> None:
    found = topics("it", "Furto", "I ladri sono entrati a Nonantola nella notte di sabato.")
    assert "nonantola" in found
    # German capitalises every noun: a lone noun mentioned once is no name.
    assert "nacht" not in topics("de", "Diebstahl", "Die Diebe kamen in der Nacht nach Hause.")


def test_an_institution_name_runs_on_in_lower_case() -> None:
    found = topics(
        "fr", "Juge", "Le Conseil canadien de la magistrature a reçu une plainte contre le juge."
    )
    assert "conseil canadien de la magistrature" in found
    it = topics("it", "Salute", "La Società italiana di urologia rivolge un appello agli uomini.")
    assert "societa italiana di urologia" in it  # not "... rivolge": a verb ends the name


def test_a_name_after_a_street_word_is_an_address() -> None:
    found = topics("it", "Furto", "I ladri hanno colpito in via Ganaceto verso mezzanotte.")
    assert "ganaceto" not in found


def test_german_noun_phrases_roles_and_dates_are_not_people() -> None:
    found = topics(
        "de",
        "Syrien",
        "Nach dem Sturz von Assad sprach Innenminister Karl Weber mit Journalisten.",
        "Die Eroberung von Damaskus kam Mitte Dezember. Weber sagte, der Sturz sei gut.",
    )
    assert "karl weber" in found  # without the role word
    assert not [t for t in found if t.startswith(("sturz", "eroberung", "mitte"))], found


def test_a_sentence_case_headline_names_its_place() -> None:
    assert "nonantola" in topics("it", "Nonantola, furto al ristorante", "I ladri sono fuggiti.")
    assert "beaucaire" in topics("fr", "Un imam de Beaucaire condamné", "Le tribunal a jugé.")
    assert "savignano" in topics("it", "Officina di Savignano svaligiata", "Danni ingenti.")
    # English headlines are title-cased: their capitals say nothing on their own.
    assert "quiet" not in topics("en", "A Quiet Week In Town", "Nothing happened.")


def test_every_gazetteer_topic_is_listable() -> None:
    # "state" is an Italian function word; the tag is still a name the gazetteer gives.
    assert is_listable("georgia (us state)")
    assert is_listable("nhl") and is_listable("buffalo sabres")


def test_a_body_written_in_lower_case_is_named_by_one_mention() -> None:
    found = topics("it", "Furto in officina", "Sul posto sono intervenuti i carabinieri.")
    assert "carabinieri" in found
    assert "carabinieri" not in topics("en", "Police", "Police said carabinieri were there.")


def test_a_name_ending_in_a_number_is_listable() -> None:
    # Some stopwords-iso lists hold digits; "Paris 8" and "Apollo 11" are still names.
    assert is_listable("paris 8") and is_listable("apollo 11")
