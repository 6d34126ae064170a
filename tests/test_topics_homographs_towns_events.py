"""Topics on unseen news: a place name that folds to a frequent word of another spelling is no
place without evidence, small towns count with a locating cue, events are named by their kind
and place, and subjects by the words news uses for them."""

from __future__ import annotations

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
