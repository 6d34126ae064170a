"""Italian quotes and speakers (it.toml): marks, attribution orders, titles, pronouns."""

from __future__ import annotations

from briefings.reading.document import build_document
from briefings.reading.quotes import quotes_of
from tests.lang_helpers import said

LEAD = "Il sindaco di Cremona, Luca Bianchi Ferri, ha inaugurato ieri la nuova biblioteca."


def test_guillemets_with_ha_detto_after_them() -> None:
    got = said(
        "it", LEAD, "«Questa sala sarà aperta a tutti i ragazzi», ha detto Luca Bianchi Ferri."
    )
    assert got == [("Questa sala sarà aperta a tutti i ragazzi", "Luca Bianchi Ferri")]


def test_secondo_names_the_speaker() -> None:
    got = said(
        "it", LEAD, "Secondo Marta Conti Galli, il progetto «è costato troppo per la città»."
    )
    assert got == [("è costato troppo per la città", "Marta Conti Galli")]


def test_a_title_after_the_quote_resolves_to_the_name() -> None:
    got = said("it", LEAD, "«I lavori sono finiti in anticipo» riferisce il sindaco.")
    assert got == [("I lavori sono finiti in anticipo", "Luca Bianchi Ferri")]


def test_colon_after_a_description_with_the_name_after_the_verb() -> None:
    got = said(
        "it",
        LEAD,
        "Un lavoro lungo, come spiega Marta Conti Galli: «Abbiamo iniziato tre anni fa».",
    )
    assert got == [("Abbiamo iniziato tre anni fa", "Marta Conti Galli")]


def test_a_subjectless_verb_speaks_for_the_person_spoken_of() -> None:
    got = said("it", LEAD, "«Ringrazio tutti quelli che hanno lavorato qui», ha aggiunto.")
    assert got == [("Ringrazio tutti quelli che hanno lavorato qui", "Luca Bianchi Ferri")]


def test_a_quote_interrupted_by_its_attribution_is_two_quotes() -> None:
    got = said(
        "it",
        LEAD,
        "«Abbiamo lavorato tre anni per questa sala - racconta Marta Conti Galli - e oggi "
        "finalmente apriamo le porte a tutti».",
    )
    assert got == [
        ("Abbiamo lavorato tre anni per questa sala", "Marta Conti Galli"),
        ("e oggi finalmente apriamo le porte a tutti", "Marta Conti Galli"),
    ]


def test_a_curly_quote_may_close_with_a_guillemet() -> None:
    got = said("it", LEAD, "“Venite tutti alla festa di domani!». È l’invito del comune.")
    assert got[0][0] == "Venite tutti alla festa di domani!"


def test_an_interrupted_quote_with_a_role_in_the_aside_is_the_named_manager() -> None:
    got = said(
        "it",
        "Il gestore del bar, Marco Neri Sala, ha denunciato il furto ai carabinieri.",
        "«Sono entrati di notte dalla finestra - racconta il gestore - e hanno preso tutto».",
    )
    assert got == [
        ("Sono entrati di notte dalla finestra", "Marco Neri Sala"),
        ("e hanno preso tutto", "Marco Neri Sala"),
    ]


def test_the_sentence_after_a_quote_that_refers_back_names_the_speaker() -> None:
    got = said(
        "it",
        LEAD,
        "«Non lascerò mai questa città». Con queste parole Marta Conti Galli ha chiuso l’incontro.",
    )
    assert got == [("Non lascerò mai questa città", "Marta Conti Galli")]


def test_per_opening_a_sentence_names_the_speaker() -> None:
    got = said("it", LEAD, "Per Marta Conti Galli il progetto «è costato troppo alla città».")
    assert got == [("è costato troppo alla città", "Marta Conti Galli")]


def test_a_subjectless_verb_skips_a_party_named_after_the_speaker() -> None:
    got = said(
        "it",
        "Marta Conti Galli, candidata del movimento Nuova Onda Viva, ha presentato il "
        "programma. «Vinceremo queste elezioni comunali», ha precisato.",
    )
    assert got == [("Vinceremo queste elezioni comunali", "Marta Conti Galli")]


def test_lei_is_the_woman_a_lower_case_title_names() -> None:
    got = said(
        "it",
        "Il sindaco Luca Bianchi Ferri ha incontrato ieri la ministra Anna Verdi.",
        "Lei ha detto: «Il governo aiuterà tutta la città».",
    )
    assert got == [("Il governo aiuterà tutta la città", "Anna Verdi")]


def test_a_quote_opening_a_paragraph_is_of_the_person_the_next_sentence_is_about() -> None:
    got = said(
        "it",
        "«Non me lo aspettavo proprio per niente». Maria Rossi Neri, quarant’anni, ha vinto "
        "ieri il primo premio del concorso.",
    )
    assert got == [("Non me lo aspettavo proprio per niente", "Maria Rossi Neri")]


def test_an_adverb_between_the_inverted_verb_and_its_subject() -> None:
    got = said("it", LEAD, "«Il progetto è costato troppo alla città», ha detto ieri Paolo Conti.")
    assert got == [("Il progetto è costato troppo alla città", "Paolo Conti")]


def test_a_role_brought_in_unnamed_stays_a_description() -> None:
    got = said(
        "it",
        LEAD,
        "Un testimone racconta che la sala «era piena di ragazzi fino a tarda sera».",
        "«Non avevo mai visto tanta gente qui», ha detto il testimone.",
    )
    assert [s for _, s in got] == ["Un testimone", "il testimone"]


def test_lo_ha_and_a_reporting_verb_after_a_quote_refer_back_to_it() -> None:
    got = said(
        "it",
        LEAD,
        "«Nella notte ci hanno rubato il trattore nuovo». Lo ha denunciato ieri sui social "
        "Daniela Silvestri, chiedendo aiuto.",
    )
    assert got == [("Nella notte ci hanno rubato il trattore nuovo", "Daniela Silvestri")]


def test_a_predicative_adjective_after_the_inverted_verb_and_an_unnamed_role() -> None:
    got = said(
        "it",
        "Il furto è avvenuto ieri notte in via Prato Mavora, verso Castelvetro.",
        "«Ringraziamo questi signori per la comprensione» commenta sarcastica la figlia della "
        "coppia, segnalando un altro furto.",
    )
    assert got == [("Ringraziamo questi signori per la comprensione", "la figlia della coppia")]


def test_lo_ha_detto_names_the_person_after_a_long_role() -> None:
    got = said(
        "it",
        "Roma, 29 mag. “Non abbiamo nessun titolo per riferire i contenuti”. Lo ha detto il "
        "sottosegretario alla presidenza del Consiglio Alfredo Neri in conferenza stampa a "
        "Palazzo Chigi.",
    )
    assert got == [("Non abbiamo nessun titolo per riferire i contenuti", "Alfredo Neri")]


def test_cosi_after_a_quote_names_its_speaker() -> None:
    got = said(
        "it",
        "La premier Giulia Sala ha parlato ieri sera a Cernobbio.",
        "“Ci riconosciamo nelle parole della premier e nel suo lavoro”. Così il ministro degli "
        "Esteri Marco Bellini all’arrivo al forum.",
    )
    assert got == [("Ci riconosciamo nelle parole della premier e nel suo lavoro", "Marco Bellini")]


def test_a_role_opening_the_article_is_the_person_later_given_it() -> None:
    got = said(
        "it",
        "Il ministro degli Esteri: “Ci riconosciamo in quanto detto dalla premier”",
        "Al forum di Cernobbio è arrivato ieri anche il ministro degli Esteri Marco Bellini.",
    )
    assert got == [("Ci riconosciamo in quanto detto dalla premier", "Marco Bellini")]


def test_a_quote_before_another_takes_the_later_back_reference() -> None:
    got = said(
        "it",
        "“Io ho solo commentato un’intervista al giornale” al “Consiglio supremo di difesa "
        "della presidenza”. Lo ha detto il vicepremier Marco Bellini ad Andria.",
    )
    assert [s for _, s in got] == ["Marco Bellini", "Marco Bellini"]


def test_a_headline_name_speaks_a_quote_nothing_else_attributes() -> None:
    doc = build_document(
        "Caso Almasri, Bellini: indagine non è un atto dovuto",
        "",
        ["“Non si è trattato di un atto dovuto e lo ripeto”. Poi la conferenza è finita."],
        language="it",
    )
    assert [(q.text, q.speaker) for q in quotes_of(doc)] == [
        ("Non si è trattato di un atto dovuto e lo ripeto", "Bellini")
    ]
