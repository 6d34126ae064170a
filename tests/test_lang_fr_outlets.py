"""French speaker rules read off pages of outlets no earlier rule was written on (Swiss, Belgian,
Québec, African and sports press): colon introductions after an opening adverbial, the one told
after an inverted pronoun, a role's complement, asides in brackets, a headline's speaker,
hyphenated given names and cleft sentences. Short invented sentences."""

from __future__ import annotations

from briefings.reading.document import build_document
from briefings.reading.quotes import quotes_of
from tests.lang_helpers import said

LEAD = "Le ministre des Transports, Paul Martin Leroy, a visité lundi le nouveau port de pêche."


def test_colon_introduction_skips_its_opening_adverbial() -> None:
    got = said(
        "fr",
        LEAD,
        "Concernant la grève en Bretagne, le ministre ne prévoit pas de changer de cap : "
        "« Nous tiendrons bon jusqu'au bout. »",
    )
    assert got == [("Nous tiendrons bon jusqu'au bout.", "Paul Martin Leroy")]


def test_inverted_pronoun_keeps_the_quote_when_the_one_told_follows() -> None:
    got = said(
        "fr",
        LEAD,
        "« Le port rouvrira au printemps prochain », a-t-il déclaré à Radio Nord Bretagne.",
    )
    assert got == [("Le port rouvrira au printemps prochain", "Paul Martin Leroy")]


def test_the_person_a_role_serves_is_not_its_holder() -> None:
    got = said(
        "fr",
        "Marc Petit a perdu l'élection. Paul Roy, son ancien conseiller, a promis de rester.",
        "L'ancien conseiller de Petit n'a cessé de le clamer : « Nous ne lâcherons rien du tout. »",
    )
    assert got == [("Nous ne lâcherons rien du tout.", "Paul Roy")]


def test_a_name_in_brackets_is_not_the_opening_quote_s_speaker() -> None:
    got = said(
        "fr",
        "« Quel bonheur d'être enfin ici ! » A peine arrivé au port avec les ministres (Anne "
        "Morel, malade, est restée chez elle), Paul Martin Leroy a ouvert la séance.",
    )
    assert got == [("Quel bonheur d'être enfin ici !", "Paul Martin Leroy")]


def test_a_pronoun_with_no_one_before_it_takes_the_headline_s_speaker() -> None:
    doc = build_document(
        "Leroy : « Nous avons manqué d'envie »",
        "",
        ["« Il n'y a même pas de mots pour le dire ce soir », a-t-il expliqué."],
        language="fr",
    )
    got = [(q.text, q.speaker) for q in quotes_of(doc)]
    assert got == [("Il n'y a même pas de mots pour le dire ce soir", "Leroy")]


def test_a_hyphenated_given_name_tells_the_gender() -> None:
    got = said(
        "fr",
        "Kim Oyelaran anime le débat de la soirée. Yves-Marie Dupuis a répondu sur le budget.",
        "« Vous niez les faits depuis le début de la soirée », a-t-elle lancé.",
    )
    assert got == [("Vous niez les faits depuis le début de la soirée", "Kim Oyelaran")]


def test_a_cleft_sentence_s_person_is_its_subject() -> None:
    got = said(
        "fr",
        "Les ministres Paul Roy et Marc Petit ont tenu à réagir mardi.",
        "C'est un Marc Petit visiblement fâché qui s'est présenté devant la presse.",
        "« Le premier devoir d'un ministre est de protéger le port », mentionne-t-il.",
    )
    assert got == [("Le premier devoir d'un ministre est de protéger le port", "Marc Petit")]


def test_a_document_speaks_for_the_body_it_comes_from() -> None:
    got = said(
        "fr",
        "« Une enveloppe de deux millions d'euros est prévue pour le port », rapporte un "
        "communiqué du Bureau régional des pêches parvenu à la rédaction.",
    )
    assert got == [
        ("Une enveloppe de deux millions d'euros est prévue pour le port", "Bureau régional")
    ]


def test_an_aside_between_commas_after_the_verb_is_skipped() -> None:
    got = said(
        "fr",
        "Anne Morel, 54 ans, maire de Plouha, veut finir le chantier du bourg.",
        "« Il faut deux mandats pour faire bouger les choses », affirme, de son côté, Paul "
        "Martin Leroy, 56 ans, maire de Binic.",
    )
    assert got == [("Il faut deux mandats pour faire bouger les choses", "Paul Martin Leroy")]


def test_a_surname_in_capitals_after_a_given_name_is_a_name() -> None:
    got = said(
        "fr",
        "Le ministre Bruno KOFFI a présidé samedi la journée des producteurs de cacao.",
        "« Votre union sera votre force pour les années à venir », a-t-il lancé.",
    )
    assert got == [("Votre union sera votre force pour les années à venir", "Bruno KOFFI")]


def test_a_pronoun_after_someone_brought_in_unnamed_is_that_description() -> None:
    got = said(
        "fr",
        "La juge Anne Morel a ouvert l'audience lundi matin.",
        "Une mère de famille a témoigné devant la cour.",
        "« J'ai tout perdu ce jour-là, absolument tout », confie-t-elle.",
    )
    assert got == [("J'ai tout perdu ce jour-là, absolument tout", "Une mère de famille")]


def test_an_object_pronoun_before_an_inverted_verb_is_not_its_subject() -> None:
    got = said(
        "fr",
        LEAD,
        "« Je veux être un ministre du dialogue et de l'écoute », nous assure-t-il à la sortie.",
    )
    assert got == [("Je veux être un ministre du dialogue et de l'écoute", "Paul Martin Leroy")]


def test_a_name_inside_a_quote_is_not_the_next_pronoun_s_person() -> None:
    got = said(
        "fr",
        "Le journaliste Marc Petit Diallo était l'invité de la radio lundi.",
        "« Le procès est inévitable. Si vraiment Anne Morel n'a rien à se reprocher, elle doit "
        "venir », a-t-il souligné.",
        "« Pour une bonne respiration de la démocratie, il faut tenir ce procès », a-t-il dit.",
    )
    assert [speaker for _, speaker in got] == ["Marc Petit Diallo", "Marc Petit Diallo"]


def test_an_imperative_opening_a_sentence_is_no_speaker() -> None:
    got = said(
        "fr",
        "Le ministre Paul Martin Leroy assume la fermeture des restaurants.",
        "Rappelons que le directeur de la santé publique avait déclaré qu'il était confortable "
        "avec la décision « mais ce n'était pas notre premier scénario ».",
    )
    assert got and got[0][1] != "Rappelons"
