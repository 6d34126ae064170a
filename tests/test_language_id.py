"""The language guess with the remembered byte walk is py3langid's own, text for text."""

from __future__ import annotations

import random

import py3langid
import pytest

from briefings.reading import langid_walk
from briefings.reading.language import detect_language

TEXTS = [
    "The council voted on Tuesday to close the old bridge for repairs next spring.",
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke im Frühjahr zu sperren.",
    "Le conseil municipal a voté mardi la fermeture du vieux pont pour des travaux.",
    "El ayuntamiento votó el martes cerrar el puente viejo para hacer reparaciones.",
    "Il consiglio comunale ha votato martedì la chiusura del vecchio ponte per lavori.",
    "A câmara municipal votou na terça-feira o fecho da ponte velha para obras.",
    "Городской совет во вторник проголосовал за закрытие старого моста на ремонт.",
    "市議会は火曜日、古い橋を修理のため閉鎖することを決めた。",
    "Το δημοτικό συμβούλιο αποφάσισε την Τρίτη να κλείσει την παλιά γέφυρα.",
    "THE COUNCIL VOTED ON TUESDAY TO CLOSE THE OLD BRIDGE FOR REPAIRS.",
    "Café au lait  with   double spaces, tabs\tand a new line\nat the end ",
    "12345 67890 2024-11-30 3.14",
    "",
    " ",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_guess_is_py3langids_own(text: str) -> None:
    expected = str(py3langid.classify(text)[0])
    assert expected == langid_walk.classify(text)
    assert expected == langid_walk.classify(text)  # again, from the remembered walks


def test_detect_language_gives_py3langids_code_on_mixed_invented_text() -> None:
    rng = random.Random(7)
    words = " ".join(TEXTS).split()
    for _ in range(50):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(4, 60)))
        assert str(py3langid.classify(text[:800])[0]) == detect_language(text)


def test_remembered_walks_stay_bounded() -> None:
    rng = random.Random(3)
    letters = "abcdefghijklmnopqrstuvwxyzäöüéè"
    for _ in range(60):
        text = " ".join(
            "".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(400)
        )
        langid_walk.classify(text)
    assert len(langid_walk._walks) <= langid_walk._WALKS
