"""Language identification: the function-word first pass and py3langid agree; the first pass
decides only when a language's function words clearly lead."""

from __future__ import annotations

import pytest

from briefings.reading.language import detect_language, function_word_language, reading_language
from briefings.sources.text import parse_text_article
from tests.conftest import SHARED, needs_shared

TEXTS = {
    "en": "The mayor said that the new bridge over the river would open in the spring, and "
    "that the city had paid for it with the money from the sale of an old school in the north.",
    "de": "Der Bürgermeister sagte, dass die neue Brücke über den Fluss im Frühling eröffnet "
    "werde und dass die Stadt sie mit dem Geld aus dem Verkauf einer alten Schule im Norden "
    "bezahlt habe.",
    "fr": "Le maire a dit que le nouveau pont sur la rivière ouvrira au printemps et que la "
    "ville l'a payé avec l'argent de la vente d'une vieille école dans le nord de la région.",
    "es": "El alcalde dijo que el nuevo puente sobre el río abrirá en la primavera y que la "
    "ciudad lo pagó con el dinero de la venta de una vieja escuela en el norte de la región.",
    "it": "Il sindaco ha detto che il nuovo ponte sul fiume aprirà in primavera e che la città "
    "lo ha pagato con i soldi della vendita di una vecchia scuola nel nord della regione.",
    "pt": "O prefeito disse que a nova ponte sobre o rio vai abrir na primavera e que a cidade "
    "a pagou com o dinheiro da venda de uma velha escola no norte da região do estado.",
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_function_words_settle_the_language_py3langid_gives(code: str) -> None:
    text = TEXTS[code]
    assert (code, code, code) == (
        function_word_language(text),
        detect_language(text),
        reading_language(text),
    )


def test_too_few_words_settle_nothing() -> None:
    assert function_word_language("Der Bürgermeister sagte, dass die Brücke offen ist.") == ""


def test_a_text_without_function_words_is_left_to_py3langid() -> None:
    text = " ".join(["Anna Berg, Jonas Weber, Petra Lange, Maria Rossi, Luca Verdi."] * 4)
    assert function_word_language(text) == ""


def test_two_languages_close_in_share_are_left_to_py3langid() -> None:
    half = len(TEXTS["fr"].split()) // 2
    mixed = " ".join(TEXTS["fr"].split()[:half] + TEXTS["es"].split()[:half])
    assert function_word_language(mixed) == ""


@needs_shared
def test_first_pass_agrees_with_py3langid_on_the_shared_articles() -> None:
    files = sorted((SHARED / "samples" / "multilingual").glob("*.txt"))
    files += sorted((SHARED / "samples" / "dev").glob("*.txt"))
    settled = 0
    for path in files:
        paragraphs = parse_text_article(path.read_text("utf-8")).paragraphs
        text = "\n\n".join(paragraphs[:3])
        found = function_word_language(text)
        if found:
            settled += 1
            assert (path.name, found) == (path.name, detect_language(text))
    assert settled >= len(files) // 2
