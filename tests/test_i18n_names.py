"""Places in every language we read: one topic per place, found by a query in any language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from briefings.analyze import analyze
from briefings.model import RawArticle
from briefings.reading.gazetteer import place_names, tokens
from briefings.reading.names import persons_in
from briefings.reading.topics import extract_topics, resolve_query
from store.articles import ArticleStore
from store.database import Database


def topics(title: str, *paragraphs: str) -> list[str]:
    return list(extract_topics(title, "", list(paragraphs), persons_in(*paragraphs)))


def test_a_german_article_on_die_schweiz_gets_the_topic_switzerland() -> None:
    found = topics("Neue Regeln", "In der Schweiz gelten ab Montag neue Regeln für Banken.")
    assert "switzerland" in found


def test_a_spanish_article_on_ucrania_gets_the_topic_ukraine() -> None:
    found = topics("Nuevas ayudas", "El gobierno de Ucrania pidió más ayuda el lunes.")
    assert "ukraine" in found


def test_demonyms_and_adjectives_name_the_country() -> None:
    assert "switzerland" in topics("Wahl", "Die Schweizer stimmten am Sonntag ab.")
    assert "ukraine" in topics("Hilfe", "Viele ukrainische Familien fanden Arbeit.")
    assert "germany" in topics("Accordo", "Il governo tedesco ha firmato l'accordo.")


def test_an_elided_article_does_not_hide_the_name_after_it() -> None:
    assert "israel" in topics("Nuit", "C’était avant qu’Israël ne bombarde le quartier.")
    assert "italy" in topics("Meteo", "Il sole tornerà su tutta l’Italia domenica.")
    assert ["Senator", "O’Neill", "and", "D'Angelo"] == tokens("Senator O’Neill and D'Angelo")


def test_city_and_region_names_in_other_languages_are_one_topic() -> None:
    assert "munich" in topics("Premiere", "Der Film spielt in München und wurde gelobt.")
    assert "munich" in topics("Premiere", "The film is set in Munich and was praised.")
    assert "europe" in topics("Clima", "Il freddo arriva in Europa da nord.")


def test_a_query_in_each_language_and_in_english_finds_articles_in_all_of_them(
    tmp_path: object,
) -> None:
    texts = {
        "de": ("Wahl", "Die Schweiz wählt am Sonntag ein neues Parlament."),
        "es": ("Elecciones", "Suiza elige el domingo un nuevo parlamento."),
        "fr": ("Élections", "La Suisse élit dimanche un nouveau parlement."),
        "it": ("Elezioni", "La Svizzera elegge domenica un nuovo parlamento."),
        "pt": ("Eleições", "A Suíça elege no domingo um novo parlamento."),
        "en": ("Election", "Switzerland elects a new parliament on Sunday."),
    }
    store = ArticleStore(Database(None))
    now = datetime.now(UTC)
    store.add_many(
        [
            analyze(
                RawArticle(
                    title=title,
                    paragraphs=[body],
                    published=now - timedelta(hours=i),
                    url=f"https://news.example/{lang}",
                )
            )
            for i, (lang, (title, body)) in enumerate(texts.items())
        ]
    )
    for query in ["switzerland", "schweiz", "suiza", "suisse", "svizzera", "suíça", "Suica"]:
        topics_found = store.resolve_topic(query)
        assert ["switzerland"] == topics_found, query
        assert 6 == len(store.by_topics(topics_found, n=10)), query
    assert ["ukraine"] == resolve_query("ucrania", ["ukraine", "kyiv metro"])


def test_a_homograph_common_word_is_not_a_place_without_evidence() -> None:
    # "Lazio" and "Bayern" are football clubs as often as regions; "Como" is Spanish "how".
    homographs = place_names()["homographs"]
    assert {"it"} <= set(homographs["lazio"]) and {"de"} <= set(homographs["bayern"])
    assert "lazio" not in topics("Derby", "La Lazio ha vinto il derby di ieri.")
    assert "lazio" in topics("Meteo", "Piove molto nel Lazio da ieri sera.")
    assert "andalucia" in topics("Lluvia", "Llueve en Andalucía, Juan Ruiz lo confirmó.")
    assert "bavaria" not in topics("Fussball", "Die Spieler des FC Bayern München jubelten.")
    assert "bavaria" in topics("Wetter", "Das Wetter in Bayern bleibt kalt.")
    assert "como" not in topics("Tarde", "Como siempre, el tren llegó tarde.")


def test_the_generated_table_names_a_country_in_all_six_languages() -> None:
    names = set(place_names()["countries"]["CH"])
    assert {"Switzerland", "Schweiz", "Suiza", "Suisse", "Svizzera", "Suíça"} <= names


def test_an_article_older_than_nine_years_is_still_found_only_ranked_lower() -> None:
    store = ArticleStore(Database(None))
    now = datetime.now(UTC)
    old, new = (
        analyze(
            RawArticle(
                title=f"Floods in Portugal, report {n}",
                paragraphs=[f"Portugal counted the damage of the floods, report {n}."],
                published=now - timedelta(days=days),
                url=f"https://news.example/{n}",
            )
        )
        for n, days in ((1, 365 * 12), (2, 2))
    )
    store.add_many([old, new])
    found = store.by_topics(store.resolve_topic("portugal"), n=10)
    assert ["Floods in Portugal, report 2", "Floods in Portugal, report 1"] == [
        a.title for a in found
    ]
