"""The summary's rules in every language we read: furniture and dangling openers are never
chosen, quote marks of the language balance, wire credits of its agencies are dropped."""

from __future__ import annotations

import pytest

from briefings.reading.document import build_document
from briefings.reading.summary import summarize, summary_of, usable
from briefings.reading.summary_rules import cut_quote, is_dangling, is_furniture, strip_credit

# Per language: a lead, a second news sentence, page furniture, sentences that open on a word
# pointing back to one the reader has not seen.
CASES = {
    "en": (
        "The city council approved a new tram line on Monday after two years of debate.",
        "The line will link the central station with the university campus and two hospitals.",
        [
            "Read more: Why cities are building trams again",
            "Photo: The first tram on its test run in March.",
            "Editor's note: Jane Roe is a transport planner who has advised three cities.",
        ],
        [
            "He said the works would start in the spring in the northern districts.",
            "However, residents of the old town object to the route through their square.",
            "On Friday, he said the cost would be lower than planned by the city.",
        ],
    ),
    "es": (
        "El ayuntamiento aprobó el lunes una nueva línea de tranvía tras dos años de debate.",
        "La línea unirá la estación central con el campus universitario y dos hospitales.",
        [
            "Lea también: Las ciudades vuelven a construir tranvías",
            "Foto: El primer tranvía durante su viaje de prueba en marzo.",
            "Nota de la redacción: Juana Pérez es urbanista y asesora a tres ciudades.",
        ],
        [
            "Él dijo que las obras empezarán en primavera en los barrios del norte.",
            "Sin embargo, los vecinos del casco antiguo rechazan el trazado por su plaza.",
            "El viernes, él explicó que el coste sería menor de lo previsto por la ciudad.",
        ],
    ),
    "de": (
        "Der Stadtrat hat am Montag nach zwei Jahren Debatte eine neue Straßenbahnlinie beschlossen.",
        "Die Linie soll den Hauptbahnhof mit der Universität und zwei Krankenhäusern verbinden.",
        [
            "Lesen Sie auch: Warum Städte wieder Straßenbahnen bauen",
            "Foto: Die erste Straßenbahn bei ihrer Testfahrt im März.",
            "Anmerkung der Redaktion: Jana Roth ist Verkehrsplanerin und berät drei Städte.",
        ],
        [
            "Er sagte, die Bauarbeiten sollten im Frühjahr in den nördlichen Vierteln beginnen.",
            "Doch die Anwohner der Altstadt lehnen die Strecke über ihren Platz ab.",
        ],
    ),
    "fr": (
        "Le conseil municipal a approuvé lundi une nouvelle ligne de tramway après deux ans de débats.",
        "La ligne reliera la gare centrale au campus universitaire et à deux hôpitaux.",
        [
            "Lire aussi : Pourquoi les villes construisent à nouveau des tramways",
            "Photo : Le premier tramway lors de son essai en mars.",
            "Note de la rédaction : Jeanne Roux est urbaniste et conseille trois villes.",
        ],
        [
            "Il a déclaré que les travaux commenceraient au printemps dans les quartiers du nord.",
            "Mais les habitants de la vieille ville s'opposent au tracé sur leur place.",
            "Vendredi, il a expliqué que le coût serait plus bas que prévu par la ville.",
        ],
    ),
    "it": (
        "Il consiglio comunale ha approvato lunedì una nuova linea del tram dopo due anni di dibattito.",
        "La linea collegherà la stazione centrale con il campus universitario e due ospedali.",
        [
            "Leggi anche: Perché le città tornano a costruire i tram",
            "Foto: Il primo tram durante la corsa di prova a marzo.",
            "Nota della redazione: Giovanna Rossi è urbanista e consiglia tre città.",
        ],
        [
            "Lui ha detto che i lavori inizieranno in primavera nei quartieri a nord.",
            "Ma i residenti del centro storico si oppongono al percorso sulla loro piazza.",
        ],
    ),
    "pt": (
        "A câmara municipal aprovou na segunda-feira uma nova linha de bonde após dois anos de debate.",
        "A linha vai ligar a estação central ao campus universitário e a dois hospitais.",
        [
            "Leia também: Por que as cidades voltam a construir bondes",
            "Foto: O primeiro bonde durante a viagem de teste em março.",
            "Nota da redação: Joana Lima é urbanista e assessora três cidades.",
        ],
        [
            "Ele disse que as obras começarão na primavera nos bairros do norte.",
            "Mas os moradores do centro histórico rejeitam o traçado pela praça deles.",
            "Na sexta-feira, ele explicou que o custo seria menor que o previsto pela cidade.",
        ],
    ),
}
LANGUAGES = sorted(CASES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_furniture_is_recognised_and_never_chosen(language: str) -> None:
    lead, second, furniture, _ = CASES[language]
    for line in furniture:
        assert is_furniture(line, language), line
        # First and last, where the score for position would want it most.
        doc = build_document("", "", [line, lead, second, line], language)
        assert line not in summary_of(doc)
        assert line not in summarize("", [line, lead, second], language=language)
    assert not is_furniture(lead, language)
    assert not is_furniture(second, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_dangling_opener_is_never_chosen_without_its_antecedent(language: str) -> None:
    lead, second, _, dangling = CASES[language]
    for sentence in dangling:
        assert is_dangling(sentence, language), sentence
        doc = build_document("", "", [sentence, lead, second], language)
        summary = summary_of(doc)
        assert summary.startswith(lead[:20])
        assert sentence not in summary
    assert not is_dangling(lead, language)
    assert not is_dangling(second, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_dangling_opener_alone_gives_no_summary(language: str) -> None:
    _, _, _, dangling = CASES[language]
    assert summarize("", dangling, language=language) == ""


def test_the_words_of_one_language_are_not_rules_of_another() -> None:
    # "Il" is a pronoun in French and an article in Italian; "Lire aussi" is furniture only
    # where it is French.
    assert is_dangling("Il a déclaré que le projet avançait bien.", "fr")
    assert not is_dangling("Il sindaco ha firmato il decreto ieri sera.", "it")
    assert is_furniture("Lire aussi : la ville et ses tramways", "fr")
    assert not is_dangling("Er kam spät.", "en")


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("de", "„Wir haben lange genug gewartet“, sagte die Bürgermeisterin am Montag."),
        ("fr", "« Nous avons assez attendu », a déclaré la maire lundi soir à la presse."),
        ("fr", "La maire a déclaré lundi soir : « Nous avons assez attendu. »"),
        ("es", "«Hemos esperado lo suficiente», dijo la alcaldesa el lunes por la noche."),
        ("it", "«Abbiamo aspettato abbastanza», ha detto la sindaca lunedì sera in piazza."),
        ("pt", "“Esperamos o suficiente”, disse a prefeita na segunda-feira à noite."),
    ],
)
def test_a_whole_quote_in_the_languages_marks_may_be_chosen(language: str, sentence: str) -> None:
    assert not cut_quote(sentence, language)
    assert not is_furniture(sentence, language)
    assert usable([sentence], language) == [True]


def test_a_quote_cut_by_the_sentence_split_is_left_out_in_every_style() -> None:
    assert cut_quote("„Wir haben lange genug gewartet.", "de")
    assert cut_quote("« Nous avons assez attendu.", "fr")
    assert cut_quote("“We waited long enough.", "en")


@pytest.mark.parametrize(
    ("language", "sentence", "stripped"),
    [
        ("es", "MADRID (EFE) – El Gobierno aprobó la ley.", "El Gobierno aprobó la ley."),
        (
            "de",
            "(dpa) - Die Regierung hat das Gesetz beschlossen.",
            "Die Regierung hat das Gesetz beschlossen.",
        ),
        (
            "it",
            "ROMA (ANSA) - Il governo ha approvato la legge.",
            "Il governo ha approvato la legge.",
        ),
        ("pt", "LISBOA (Lusa) - O Governo aprovou a lei.", "O Governo aprovou a lei."),
        (
            "fr",
            "PARIS (AFP) - Le gouvernement a adopté la loi.",
            "Le gouvernement a adopté la loi.",
        ),
    ],
)
def test_the_wire_credit_of_the_languages_agencies_is_dropped(
    language: str, sentence: str, stripped: str
) -> None:
    assert strip_credit(sentence, language) == stripped


def test_an_unknown_language_reads_with_the_english_rules() -> None:
    line = "Read more: Why cities are building trams again"
    assert is_furniture(line, "xx") and is_furniture(line)
    assert is_dangling("However, costs rose.", "xx")
