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
