"""German quotes and speakers (de.toml): „ “, » «, Swiss « », attribution orders, titles."""

from __future__ import annotations

from tests.lang_helpers import said

LEAD = "Die Ministerin für Verkehr, Petra Lange Vogel, hat am Montag die neue Brücke eröffnet."


def test_low_high_quotes_with_inverted_verb() -> None:
    got = said("de", LEAD, "„Die Brücke spart jeden Tag viel Zeit“, sagte Petra Lange Vogel.")
    assert got == [("Die Brücke spart jeden Tag viel Zeit", "Petra Lange Vogel")]


def test_chevrons_pointing_inwards() -> None:
    got = said("de", LEAD, "»Wir haben drei Jahre daran gebaut«, sagte Petra Lange Vogel.")
    assert got == [("Wir haben drei Jahre daran gebaut", "Petra Lange Vogel")]


def test_swiss_guillemets() -> None:
    got = said("de", LEAD, "«Der Verkehr fliesst jetzt viel besser», sagte Petra Lange Vogel.")
    assert got == [("Der Verkehr fliesst jetzt viel besser", "Petra Lange Vogel")]


def test_laut_names_the_speaker() -> None:
    got = said("de", LEAD, "Laut Jonas Weber Klein ist die Brücke „viel zu teuer geworden“.")
    assert got == [("viel zu teuer geworden", "Jonas Weber Klein")]


def test_a_sentence_opening_conjunction_is_never_a_speaker() -> None:
    got = said(
        "de",
        LEAD,
        "Dass die Brücke so schnell fertig wurde, freut Jonas Weber Klein: „Ich bin sehr froh darüber“.",
    )
    assert got[0][1] != "Dass"


def test_a_compound_role_noun_is_the_person_named() -> None:
    got = said("de", LEAD, "„Wir sind stolz auf dieses Bauwerk“, sagte die Verkehrsministerin.")
    assert got == [("Wir sind stolz auf dieses Bauwerk", "Petra Lange Vogel")]


def test_a_title_before_the_name_is_no_part_of_it() -> None:
    got = said("de", LEAD, "„Der Bau war pünktlich fertig“, sagte Bürgermeister Jonas Weber Klein.")
    assert got == [("Der Bau war pünktlich fertig", "Jonas Weber Klein")]


def test_a_pronoun_after_the_verb_is_the_person_spoken_of() -> None:
    got = said("de", LEAD, "„Das ist ein guter Tag für die ganze Stadt“, schrieb sie auf X.")
    assert got == [("Das ist ein guter Tag für die ganze Stadt", "Petra Lange Vogel")]


def test_any_verb_opens_the_attribution_after_a_quote() -> None:
    got = said(
        "de", LEAD, "„Die Brücke ist ein echtes Meisterwerk geworden“, lobt Jonas Weber Klein."
    )
    assert got == [("Die Brücke ist ein echtes Meisterwerk geworden", "Jonas Weber Klein")]
