"""French quotes and speakers (fr.toml): marks, attribution orders, titles, pronouns."""

from __future__ import annotations

from tests.lang_helpers import said

LEAD = "Le maire de la ville, Paul Martin Leroy, a visité lundi le nouveau port de pêche."


def test_guillemets_with_an_inverted_verb_and_name() -> None:
    got = said(
        "fr",
        LEAD,
        "« Nous allons rouvrir le marché dès la semaine prochaine », a déclaré Paul Martin Leroy.",
    )
    assert got == [("Nous allons rouvrir le marché dès la semaine prochaine", "Paul Martin Leroy")]


def test_any_verb_inverts_after_a_quote() -> None:
    got = said(
        "fr", LEAD, "« La mer a tout emporté cet hiver sur la côte », soupire Anne Morel Dubois."
    )
    assert got == [("La mer a tout emporté cet hiver sur la côte", "Anne Morel Dubois")]


def test_verb_joined_to_its_pronoun_speaks_for_the_person() -> None:
    got = said("fr", LEAD, "« Il faudra du temps pour tout reconstruire ici », concède-t-il.")
    assert got == [("Il faudra du temps pour tout reconstruire ici", "Paul Martin Leroy")]


def test_selon_names_the_speaker() -> None:
    got = said("fr", LEAD, "Selon Anne Morel Dubois, le chantier « prendra au moins deux ans ».")
    assert got == [("prendra au moins deux ans", "Anne Morel Dubois")]


def test_a_title_resolves_to_the_name_the_article_gives() -> None:
    got = said("fr", LEAD, "« Le port restera ouvert tout l'été », a assuré le maire.")
    assert got == [("Le port restera ouvert tout l'été", "Paul Martin Leroy")]


def test_speaker_before_the_quote() -> None:
    got = said("fr", LEAD, "Anne Morel Dubois a expliqué : « Les pêcheurs attendent des aides ».")
    assert got == [("Les pêcheurs attendent des aides", "Anne Morel Dubois")]


def test_a_quote_interrupted_by_explique_x_is_two_quotes() -> None:
    got = said(
        "fr",
        LEAD,
        "« Nous allons rouvrir le marché très vite, explique Anne Morel Dubois. Les pêcheurs "
        "attendent depuis des mois. »",
    )
    assert got == [
        ("Nous allons rouvrir le marché très vite", "Anne Morel Dubois"),
        ("Les pêcheurs attendent depuis des mois.", "Anne Morel Dubois"),
    ]
