"""German quotes and speakers (de.toml): „ “, » «, Swiss « », attribution orders, titles."""

from __future__ import annotations

from briefings.reading.lexicon import lexicon
from briefings.reading.names import persons_in
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


def test_so_after_a_quote_names_the_speaker() -> None:
    got = said("de", LEAD, "„Wir bauen die zweite Brücke gleich im nächsten Jahr“, so Jonas Weber.")
    assert got == [("Wir bauen die zweite Brücke gleich im nächsten Jahr", "Jonas Weber")]


def test_a_hyphenated_particle_stays_in_the_name() -> None:
    got = said(
        "de",
        "Auf dem Markt sprach auch der Händler Karim Saleh ad-Din mit den Gästen.",
        "„Wir wollen endlich mitreden“, sagt Saleh ad-Din über Omar al-Hassan.",
    )
    assert got == [("Wir wollen endlich mitreden", "Karim Saleh ad-Din")]


def test_a_role_word_is_the_person_given_that_role() -> None:
    got = said(
        "de",
        "Der Anwalt Karim Saleh sprach am Morgen vor dem Gericht.",
        "Danach redete die Lehrerin Jana Hoffmann lange über die Schule.",
        "„Wir brauchen jetzt mehr Geld für alle Kinder“, sagt der Anwalt.",
    )
    assert got == [("Wir brauchen jetzt mehr Geld für alle Kinder", "Karim Saleh")]


def test_a_subject_after_its_verb_is_who_the_pronoun_means() -> None:
    got = said(
        "de",
        "Bürgermeisterin Petra Lange eröffnete am Montag die neue Schule.",
        "Am Abend kam auch Ministerin Jana Hoffmann. „Das ist ein guter Tag für die "
        "Kinder“, schrieb sie.",
    )
    assert got == [("Das ist ein guter Tag für die Kinder", "Jana Hoffmann")]


def test_a_quote_after_a_sentence_about_a_person_is_theirs() -> None:
    got = said(
        "de",
        LEAD,
        "Der Kieler Historiker Jonas Weber lobt das Museum. „Die Ausstellung ist wirklich "
        "sehr gut gelungen.“",
    )
    assert got == [("Die Ausstellung ist wirklich sehr gut gelungen.", "Jonas Weber")]


def test_a_paragraph_after_quotes_speaks_for_its_own_subject() -> None:
    got = said(
        "de",
        LEAD,
        "„Die Brücke spart jeden Tag viel Zeit“, sagte Petra Lange Vogel.",
        "Jonas Weber hält den Bau für einen „großen Fehler für die ganze Stadt“.",
    )
    assert got[1] == ("großen Fehler für die ganze Stadt", "Jonas Weber")


def test_a_lone_capitalised_noun_is_no_speaker() -> None:
    got = said(
        "de",
        LEAD,
        "Die Lehrerin Jana Hoffmann sieht darin, wie die beiden «streiten und sich wieder "
        "vertragen», etwas Schönes: «Das ist eine ganz normale Familie.»",
    )
    assert [speaker for _, speaker in got] == ["Jana Hoffmann", "Jana Hoffmann"]


def test_noun_runs_are_no_people_and_particles_stay() -> None:
    people = persons_in(
        "Das Ausmaß der Katastrophe war groß. Nach dem Sturz von Assad kam Sabine von der "
        "Heide nach Damaskus. Den Sturz hatte niemand erwartet.",
        lex=lexicon("de"),
    )
    assert people == ["Sabine von der Heide"]


def test_a_given_name_tells_whom_a_pronoun_means() -> None:
    got = said(
        "de",
        "Jana Hoffmann eröffnete die Schule. Tobias Kern kam erst am Abend dazu.",
        "„Wir haben sehr lange auf diesen Tag gewartet“, sagte sie.",
    )
    assert got == [("Wir haben sehr lange auf diesen Tag gewartet", "Jana Hoffmann")]


def test_a_complement_after_von_is_no_part_of_the_name() -> None:
    got = said(
        "de",
        LEAD,
        "„Die Brücke ist ein großer Gewinn für alle“, sagte der Ingenieur Jonas Weber von der "
        "Firma Baukunst.",
    )
    assert got == [("Die Brücke ist ein großer Gewinn für alle", "Jonas Weber")]


def test_heisst_es_in_a_document_names_its_author() -> None:
    got = said(
        "de",
        LEAD,
        "„Die Brücke ist ein großer Gewinn für alle“, heißt es in einer Mitteilung der Stadt.",
    )
    assert "Stadt" in got[0][1]


def test_a_pronoun_subject_keeps_its_sentence_from_a_name_after_it() -> None:
    got = said(
        "de",
        "Die Politikerin Jana Hoffmann wechselt nach Brüssel.",
        "Sie ist Spitzenkandidatin der Partei und der kleinen Wählerliste Nordwind Alde.",
        "„Ich freue mich sehr auf die neue Aufgabe“, sagte sie am Dienstag.",
    )
    assert got == [("Ich freue mich sehr auf die neue Aufgabe", "Jana Hoffmann")]


def test_a_cue_name_never_runs_past_the_end_of_its_sentence() -> None:
    got = said(
        "de",
        "Bürgermeister Jonas Weber eröffnet die Brücke.",
        "Der Bau „wird uns allen viel Zeit sparen“, sagte Weber im Alten Rathaus. Er betonte "
        "zudem, dass alles pünktlich fertig sei.",
    )
    assert got == [("wird uns allen viel Zeit sparen", "Jonas Weber")]


def test_a_hyphenated_party_role_is_the_person_just_named() -> None:
    got = said(
        "de",
        LEAD,
        "Das sei viel zu spät erkannt worden, sagte Jonas Weber. „Wir dürfen jetzt keinen "
        "Fehler mehr machen“, sagte der CDU-Politiker.",
    )
    assert got == [("Wir dürfen jetzt keinen Fehler mehr machen", "Jonas Weber")]


def test_a_comma_inside_a_quote_is_no_aside() -> None:
    got = said(
        "de",
        LEAD,
        "„Erst mit viel, viel Druck hat man es gestoppt, mit einem Einsatz am Abend“, sagte "
        "Jonas Weber.",
    )
    assert got == [
        ("Erst mit viel, viel Druck hat man es gestoppt, mit einem Einsatz am Abend", "Jonas Weber")
    ]


def test_so_with_a_surname_names_the_speaker_of_the_quote_that_follows() -> None:
    got = said(
        "de",
        "Die Politikerin Jana Hoffmann sprach am Abend in Köln.",
        "Eine Debatte müsse geführt werden, so Hoffmann weiter, aber nicht unter einem "
        "„Verdacht gegen alle Menschen hier“. Der Hass sei ein Feind. „Denen muss man "
        "sagen: Ihr gehört dazu.“",
    )
    assert [speaker for _, speaker in got] == ["Jana Hoffmann", "Jana Hoffmann"]


def test_an_article_after_a_name_ends_it() -> None:
    got = said(
        "de",
        "Die Arbeitsagentur zieht eine gute Bilanz, sagte Behördenchef Jonas Weber der "
        "Deutschen Presse-Agentur.",
        "„Das läuft alles ganz gut“, sagte Weber.",
    )
    assert got == [("Das läuft alles ganz gut", "Jonas Weber")]


def test_a_scare_quote_does_not_cut_off_the_colon_introduction() -> None:
    got = said(
        "de",
        LEAD,
        "Am Abend fragte Jana Hoffmann die selbsterklärte „Oma Courage“ der Partei: „Ist "
        "die Brücke wirklich viel zu teuer?“",
    )
    assert got == [("Ist die Brücke wirklich viel zu teuer?", "Jana Hoffmann")]


def test_a_quote_without_a_cue_is_the_speaker_of_the_sentence_after_it() -> None:
    got = said(
        "de",
        "Jonas Weber sprach lange. Man müsse reden, sagte die Forscherin Jana Hoffmann.",
        "Es komme auf Gespräche an, „damit alle Seiten ihr Gesicht wahren können“. Dies "
        "müsse noch lange so geschehen, erklärte die Forscherin.",
    )
    assert got == [("damit alle Seiten ihr Gesicht wahren können", "Jana Hoffmann")]


def test_a_partial_quote_of_four_words_counts() -> None:
    got = said(
        "de",
        LEAD,
        "Der Sozialstaat würde „plötzlich in Frage gestellt“ werden, sagte Jonas Weber.",
    )
    assert got == [("plötzlich in Frage gestellt", "Jonas Weber")]


TWO = "Innenministerin Petra Lange und Bürgermeister Jonas Weber besuchten die Feuerwehr."


def test_a_role_word_before_one_name_is_not_the_next_ones() -> None:
    got = said("de", TWO, "Die Ministerin warnte: „Die Lage ist sehr ernst geworden.“")
    assert got == [("Die Lage ist sehr ernst geworden.", "Petra Lange")]


def test_a_separable_particle_closing_the_cue_is_no_part_of_the_speaker() -> None:
    got = said("de", TWO, "„Die Lage ist sehr ernst geworden“, teilte die Polizei mit.")
    assert got == [("Die Lage ist sehr ernst geworden", "die Polizei")]


def test_the_outlet_after_the_speaker_is_not_the_speaker() -> None:
    got = said(
        "de", TWO, "„Die Lage ist sehr ernst geworden“, sagte Weber der Deutschen Presse-Agentur."
    )
    assert got == [("Die Lage ist sehr ernst geworden", "Jonas Weber")]


def test_a_name_with_von_der_in_apposition_to_a_role() -> None:
    got = said(
        "de",
        TWO,
        "„Die Lage ist sehr ernst geworden“, sagte die Präsidentin der EU-Kommission, Ursula "
        "von der Leyen.",
    )
    assert got == [("Die Lage ist sehr ernst geworden", "Ursula von der Leyen")]


def test_an_age_description_is_the_person_spoken_of() -> None:
    got = said(
        "de",
        "Der Feuerwehrmann Tim Roth arbeitet seit dreißig Jahren in Kiel.",
        "„Die Lage ist sehr ernst geworden“, betonte der 58-Jährige.",
    )
    assert got == [("Die Lage ist sehr ernst geworden", "Tim Roth")]


PAIR = "Die Sprecherin Anna Roth und der Trainer Max Kuhn trafen sich am Montag in Kiel."
SAID = "„Wir haben sehr lange auf diesen Tag gewartet“"


def test_das_sagte_after_a_quote_refers_back_to_it() -> None:
    got = said("de", PAIR, SAID + " Das sagte Max Kuhn am Montag.")
    assert got == [("Wir haben sehr lange auf diesen Tag gewartet", "Max Kuhn")]


def test_an_indefinite_spokesman_is_no_one_named_before() -> None:
    got = said("de", PAIR, SAID + ", sagte ein Polizeisprecher.")
    assert got == [("Wir haben sehr lange auf diesen Tag gewartet", "ein Polizeisprecher")]


def test_a_capitalised_noun_before_a_final_participle_is_no_speaker() -> None:
    got = said("de", PAIR, SAID + ", wird Roth in der Mitteilung zitiert.")
    assert got == [("Wir haben sehr lange auf diesen Tag gewartet", "Anna Roth")]


def test_a_genitive_name_before_a_colon_is_the_speaker() -> None:
    got = said("de", PAIR, "Roths Fazit: " + SAID)
    assert got == [("Wir haben sehr lange auf diesen Tag gewartet", "Anna Roth")]


def test_a_genitive_name_before_a_named_lawyer_is_not_the_speaker() -> None:
    got = said("de", PAIR, SAID + ", sagte Kuhns Anwalt Peter Hahn.")
    assert got == [("Wir haben sehr lange auf diesen Tag gewartet", "Peter Hahn")]


def test_zufolge_after_a_name_names_the_speaker() -> None:
    got = said("de", "Weber zufolge ist die Lage „sehr ernst und auch gefährlich“.")
    assert got == [("sehr ernst und auch gefährlich", "Weber")]


def test_a_pensioner_is_the_person_just_described() -> None:
    got = said(
        "de",
        "Die Bewohnerin Maria Schulz lebt seit 40 Jahren hier. „Ich will hier nicht weg“, sagt "
        "die Rentnerin.",
    )
    assert got == [("Ich will hier nicht weg", "Maria Schulz")]


def test_a_new_subject_between_two_quotes_takes_the_second() -> None:
    got = said(
        "de",
        "Maria Schulz lebt seit 40 Jahren hier. „Ich will hier nicht weg.“ Ihr Nachbar Ali Kaya "
        "nickt. „Wir bleiben alle hier.“",
    )
    assert [speaker for _, speaker in got] == ["Maria Schulz", "Ali Kaya"]


def test_a_surname_after_the_verb_before_a_colon_is_the_speaker() -> None:
    got = said(
        "de",
        "Auf die Frage, ob er zurücktrete, antwortete Weber: „Nein, das werde ich ganz sicher "
        "nicht tun.“",
    )
    assert got == [("Nein, das werde ich ganz sicher nicht tun.", "Weber")]


def test_a_title_before_one_name_makes_it_a_person() -> None:
    got = said(
        "de",
        "Papst Franziskus sprach am Montag in Rom. „Wir haben lange auf diesen Tag gewartet“, "
        "sagte er.",
    )
    assert got == [("Wir haben lange auf diesen Tag gewartet", "Franziskus")]


def test_names_with_zu_and_bin_are_whole() -> None:
    people = persons_in(
        "Karl-Theodor zu Guttenberg sprach am Montag. Kronprinz Mohammed bin Salman hörte zu.",
        lex=lexicon("de"),
    )
    assert people == ["Karl-Theodor zu Guttenberg", "Mohammed bin Salman"]


def test_a_church_title_is_no_part_of_the_name() -> None:
    got = said(
        "de", "Kardinal Reinhard Marx sprach am Montag. „Wir haben lange gewartet“, sagte Marx."
    )
    assert got == [("Wir haben lange gewartet", "Reinhard Marx")]


def test_a_person_introduced_in_the_paragraph_before_takes_a_cue_less_quote() -> None:
    got = said(
        "de",
        "Die Ministerin Eva Stein sprach in Kiel.",
        "„Wir können nicht länger warten“, sagte Stein.",
        "Auch der Anwalt Peter Hahn äußerte sich.",
        "„Die Lage ist wirklich sehr ernst.“",
    )
    assert [speaker for _, speaker in got] == ["Eva Stein", "Peter Hahn"]


def test_a_pronoun_after_the_verb_before_a_colon_is_the_speaker() -> None:
    got = said(
        "de",
        "Die Leiterin Jana Hoffmann kennt Jonas Weber gut.",
        "In der Nacht um 0.16 Uhr schickt sie Weber eine Nachricht: „Ich komme jetzt gleich "
        "zu dir.“",
    )
    assert got == [("Ich komme jetzt gleich zu dir.", "Jana Hoffmann")]


def test_a_noun_before_von_and_a_full_name_is_no_person() -> None:
    people = persons_in(
        "Claas Relotius schrieb viel. Das Heft hat über 50 Texte von Claas Relotius gedruckt.",
        lex=lexicon("de"),
    )
    assert people == ["Claas Relotius"]


def test_a_description_after_the_verb_ends_at_its_adverbial() -> None:
    got = said(
        "de",
        "Der Kanzler Jonas Weber besuchte am Morgen die Stadt Hamm.",
        "„Wir stehen fest an der Seite aller Opfer“, schrieb der SPD-Politiker am Sonntag auf "
        "der Plattform X.",
    )
    assert got == [("Wir stehen fest an der Seite aller Opfer", "Jonas Weber")]


def test_the_one_told_after_a_description_is_no_part_of_it() -> None:
    got = said(
        "de",
        LEAD,
        "„Es ist ein bedrückendes Gefühl für uns alle“, sagte eine Mitarbeiterin dem Sender nach "
        "der Versammlung.",
    )
    assert got == [("Es ist ein bedrückendes Gefühl für uns alle", "eine Mitarbeiterin")]


def test_a_second_verb_ends_the_description_and_a_sports_role_is_the_person() -> None:
    got = said(
        "de",
        "Der Torhüter Marvin Roth hielt am Samstag alle Bälle.",
        "„Es ist schön, dass ich wieder im Tor stehe“, sagte der Torhüter und lachte dabei.",
    )
    assert got == [("Es ist schön, dass ich wieder im Tor stehe", "Marvin Roth")]


def test_a_pronominal_adverb_opening_a_sentence_is_no_speaker() -> None:
    got = said(
        "de",
        "Der Trainer Gerd Lohse lobte seine Mannschaft.",
        "Womit Lohses zweite Entscheidung ins Spiel kommt. „Der Mix aus Jung und Alt hilft uns.“",
    )
    assert "Womit" not in got[0][1]


def test_a_colon_after_the_cue_of_the_quote_before_keeps_its_speaker() -> None:
    got = said(
        "de",
        "Der Verteidiger Dominik Heinz spielte stark.",
        "„Dafür werde ich gerade belohnt“, sagte der 31-Jährige und wies auf seinen „Powerfuß“ "
        "hin: „Es gehört zu meinen Qualitäten, solche Bälle zu spielen.“",
    )
    assert [speaker for _, speaker in got] == ["Dominik Heinz", "Dominik Heinz"]


def test_a_noun_after_an_article_before_a_participle_is_its_object() -> None:
    got = said(
        "de",
        "Die Ministerin Karin Lohse reiste nach Bonn.",
        "Lohse hatte das Schreiben kritisiert und ist nach eigener Aussage „bis heute "
        "fassungslos über diesen Brief“, wie sie schrieb.",
    )
    assert got == [("bis heute fassungslos über diesen Brief", "Karin Lohse")]


def test_a_verb_and_name_closing_the_sentence_of_a_quote_name_the_speaker() -> None:
    got = said(
        "de",
        "Die Debatte im Bundestag dauerte lange.",
        "Die Gespräche müssten „in der Sache redlich und im Ton maßvoll“ erfolgen, mahnte Roth.",
    )
    assert got == [("in der Sache redlich und im Ton maßvoll", "Roth")]


def test_a_role_and_a_surname_name_a_person_the_role_refers_to() -> None:
    got = said(
        "de",
        "Die ehemalige Bundeskanzlerin Lohmeier hat den Parteichef kritisiert. (Foto / / Timo "
        "Krall)",
        "„Dieser Vorschlag war gut und wichtig für alle“, betonte die Altkanzlerin.",
    )
    assert got == [("Dieser Vorschlag war gut und wichtig für alle", "Lohmeier")]


def test_a_surname_set_off_by_commas_after_a_role_is_a_person() -> None:
    got = said(
        "de",
        "Die Ministerin Eva Stein sprach in Kiel.",
        "Der Präsident des Verbands, Schuster, erklärte nach der Abstimmung, es sei klar. Er "
        "finde es aber enttäuschend, „dass die Kräfte nicht in der Lage waren, sich zu einigen“.",
    )
    assert got == [("dass die Kräfte nicht in der Lage waren, sich zu einigen", "Schuster")]


def test_an_author_line_names_no_one_in_the_story() -> None:
    got = said(
        "de",
        "Für Trainer Horst Lohse war der Sieg der Schlusspunkt seiner Karriere.",
        "Von Uli Peters",
        "„Noch einmal alle Kräfte bündeln für den Sieg“ - mit diesem Motto ging die Mannschaft "
        "ins Spiel.",
    )
    assert got == [("Noch einmal alle Kräfte bündeln für den Sieg", "Horst Lohse")]


def test_a_role_subject_is_its_holder_not_the_person_it_acts_on() -> None:
    got = said(
        "de",
        "Die ehemalige Bundeskanzlerin Lohmeier hat den Parteichef Merz kritisiert.",
        "Die Altkanzlerin forderte Merz auf, zu seiner Position zurückzukehren. Es sei "
        "„erforderlich, dass alle Parteien gemeinsam handeln“.",
    )
    assert got == [("erforderlich, dass alle Parteien gemeinsam handeln", "Lohmeier")]


def test_a_name_after_a_preposition_in_a_colon_introduction_is_the_one_told() -> None:
    got = said(
        "de",
        "Der Abgeordnete Jan Roth stand am Rednerpult.",
        "Roth wütet und schimpft. Die Regierung sei eine „Koalition des Abstiegs“. Und direkt an "
        "Olaf Berg gerichtet: „Sie haben viel versprochen und nichts geliefert.“",
    )
    assert got[-1] == ("Sie haben viel versprochen und nichts geliefert.", "Jan Roth")


def test_a_name_after_an_article_is_no_speaker_of_a_passive_cue() -> None:
    got = said(
        "de",
        "Zum Streik aufgerufen sind demnach ausschließlich die Fahrerinnen und Fahrer.",
        "„Wir gehen wieder von einer sehr hohen Beteiligung aus“, wird Geschäftsführer Martin "
        "Uekmann in einer Mitteilung des Bielefelder Verkehrsunternehmens zitiert.",
    )
    assert got == [("Wir gehen wieder von einer sehr hohen Beteiligung aus", "Martin Uekmann")]


def test_heisst_es_im_urteil_credits_the_court() -> None:
    got = said(
        "de",
        "Das Landgericht Hamburg hat den Mann verurteilt.",
        "„Der Angeklagte handelte aus niedrigen Beweggründen“, heißt es im Urteil.",
    )
    assert got == [("Der Angeklagte handelte aus niedrigen Beweggründen", "Landgericht Hamburg")]


def test_the_police_speak_for_themselves_after_a_place_opening_the_article() -> None:
    got = said(
        "de",
        "In Hamburg brannte ein Haus.",
        "„Verletzt wurde nach ersten Erkenntnissen niemand“, teilte die Polizei mit.",
    )
    assert got == [("Verletzt wurde nach ersten Erkenntnissen niemand", "die Polizei")]


def test_an_according_phrase_ends_at_the_verb_after_it() -> None:
    got = said(
        "de",
        "In Köln brannte eine Lagerhalle.",
        "Nach Angaben der Feuerwehr war „das Feuer schnell unter Kontrolle gebracht worden“.",
    )
    assert got == [("das Feuer schnell unter Kontrolle gebracht worden", "der Feuerwehr")]


def test_a_company_after_a_noun_ending_in_a_role_is_no_person() -> None:
    got = said(
        "de",
        "Der Autobauer Volkswagen will sparen.",
        "„Wir müssen die Kosten deutlich senken“, teilte der Konzern mit.",
    )
    assert got == [("Wir müssen die Kosten deutlich senken", "Autobauer Volkswagen")]


def test_a_lone_surname_after_the_verb_ends_at_the_adverbial() -> None:
    got = said(
        "de",
        "In Berlin wird gestreikt.",
        "„Wir streiken so lange wie nötig“, sagte Werneke gegenüber dem „Spiegel“.",
    )
    assert got == [("Wir streiken so lange wie nötig", "Werneke")]


def test_a_run_after_a_number_is_a_quantity_not_a_person() -> None:
    people = persons_in(
        "Der Planer Jonas Weber sprach. Man plane zwei Jahre Bauzeit und 40 Grad Hitze.",
        lex=lexicon("de"),
    )
    assert people == ["Jonas Weber"]


def test_the_one_a_paper_quotes_with_words_is_the_speaker() -> None:
    got = said(
        "de",
        "Die Stadt Kassel plant einen neuen Park. Der Planer Jonas Weber ist zufrieden.",
        "Die Zeitung zitiert ihn mit den Worten: „Der Park ist mein Herzensprojekt.“",
    )
    assert got == [("Der Park ist mein Herzensprojekt.", "Jonas Weber")]


def test_a_plural_reporting_verb_after_a_quote_names_its_speakers() -> None:
    got = said(
        "de",
        "Der Polizist ist tot. „Er erlag seinen schweren Verletzungen“, teilten die Behörden mit.",
        "„Wir trauern um einen mutigen Polizeibeamten.“ Ministerpräsident Winfried Kretschmann "
        "und Innenminister Thomas Strobl sprachen in einer Mitteilung von ihrer Trauer.",
    )
    assert got[-1][1] in {"Winfried Kretschmann", "Thomas Strobl"}


def test_a_surname_in_the_genitive_before_a_noun_is_no_person() -> None:
    people = persons_in(
        "Der Forscher Frank Brenner sprach. Das ist aus Brenners Sicht eher ungewöhnlich.",
        lex=lexicon("de"),
    )
    assert people == ["Frank Brenner"]


def test_glaubt_and_a_surname_closing_a_quotes_sentence_name_the_speaker() -> None:
    got = said(
        "de",
        "Der Präsident Gustavo Petro ist in Bedrängnis, erklärt der Experte Christian Ambrus.",
        "Er habe an die Bevölkerung gedacht, „eine bestimmte Würde aus der Sicht der Bürger“ zu "
        "wahren, glaubt Ambrus.",
    )
    assert got == [("eine bestimmte Würde aus der Sicht der Bürger", "Christian Ambrus")]


def test_a_role_nobody_holds_stays_a_description_not_a_noun_run_after_it() -> None:
    got = said(
        "de",
        "In der Nacht wurde ein Transporter geplündert.",
        "„Wir warten jetzt auf die Ergebnisse der Analysen“, berichtet der Chef-Ermittler am "
        "Montag. Derartige Autos werden für Bargeld eingesetzt.",
    )
    assert got == [("Wir warten jetzt auf die Ergebnisse der Analysen", "der Chef-Ermittler")]


def test_a_press_release_speaks_for_the_body_that_issued_it() -> None:
    got = said(
        "de",
        "Es gab 58 Festnahmen, hieß es in einer Aussendung des Landeskriminalamtes.",
        "„Die Beamten haben in diesen Tagen große Erfolge erzielt“, hieß es in der Aussendung.",
    )
    assert got == [
        ("Die Beamten haben in diesen Tagen große Erfolge erzielt", "Landeskriminalamtes")
    ]


def test_a_genitive_of_a_surname_written_alone_is_no_person() -> None:
    people = persons_in(
        "Weber wolle dazu nichts sagen. Webers Wohnung sei nicht die einzige.",
        lex=lexicon("de"),
    )
    assert "Webers Wohnung" not in people


def test_a_role_word_stands_for_the_one_given_that_role_not_the_paragraphs_subject() -> None:
    got = said(
        "de",
        "Die Plakate wirken, sagt Frank Brenner aus Stuttgart.",
        "Kommunikationswissenschaftler Brenner teilt den Wahlkampf in drei Wellen.",
        "Neben Spitzenkandidat Jonas Weber ist auch Lisa Kron früh präsent. „Das führt dazu, "
        "dass die Menschen schnell genervt sind“, sagt der Wissenschaftler.",
    )
    assert got[-1] == ("Das führt dazu, dass die Menschen schnell genervt sind", "Frank Brenner")


def test_so_der_and_a_rank_given_with_the_name_before_is_that_person() -> None:
    got = said(
        "de",
        "Wir sprachen mit Bezirkskommandant Werner Maier über die Einbrüche.",
        "Im Juli gab es einen Einbruch in Lieserbrücke.",
        "„Die Täter sind sehr schnell wieder verschwunden“, so der Bezirkskommandant.",
    )
    assert got == [("Die Täter sind sehr schnell wieder verschwunden", "Werner Maier")]


def test_a_quote_after_reported_speech_is_its_speakers_not_the_next_sentences() -> None:
    got = said(
        "de",
        "Die Partei stritt lange über den Kredit.",
        "Es gebe gültige Verträge, mahnte etwa Rebecca Wyler von der SP. «Dass sich der Rat "
        "einschaltet, will niemand hier.» Stadtpräsidentin Corine Mauch appellierte ebenfalls "
        "ans Parlament.",
    )
    assert got == [("Dass sich der Rat einschaltet, will niemand hier.", "Rebecca Wyler")]


def test_a_quote_opening_its_paragraph_may_still_be_cued_by_the_next_sentence() -> None:
    got = said(
        "de",
        "Der Polizist ist tot.",
        "„Wir trauern um einen mutigen Polizeibeamten.“ Ministerpräsident Winfried Kretschmann "
        "sprach in einer Mitteilung von seiner Trauer.",
    )
    assert got == [("Wir trauern um einen mutigen Polizeibeamten.", "Winfried Kretschmann")]


def test_a_body_after_von_der_is_no_part_of_the_name_before_it() -> None:
    got = said(
        "de",
        "Die Polizei ermittelt weiter.",
        "„Die Ermittler sollen in Ruhe arbeiten können“, sagte Johann Baumschlager von der "
        "Landespolizeidirektion NÖ am Freitag.",
    )
    assert got == [("Die Ermittler sollen in Ruhe arbeiten können", "Johann Baumschlager")]
    assert persons_in("Es sprach Ursula von der Leyen.", lex=lexicon("de")) == [
        "Ursula von der Leyen"
    ]


def test_an_ampersand_joins_one_firms_name() -> None:
    got = said(
        "de",
        "Die Firma Muster baut Stellen ab.",
        "Die Beratungsfirma Ernst & Young warnt: „Die Lage wird sich weiter verschärfen.“",
    )
    assert got == [("Die Lage wird sich weiter verschärfen.", "Ernst & Young")]


def test_heisst_es_in_a_letter_of_a_body_credits_that_body() -> None:
    got = said(
        "de",
        "Die Firma Muster baut Stellen ab.",
        "Peter Krause sprach mit Anna Berg. „Die Lage wird sich weiter verschärfen“, heißt es "
        "in einem Schreiben des Betriebsrats.",
    )
    assert got == [("Die Lage wird sich weiter verschärfen", "Betriebsrats")]


def test_a_perfect_tense_cue_after_a_quote_names_the_speaker_between_its_verbs() -> None:
    got = said(
        "de",
        "Die Firma Muster baut Stellen ab.",
        "«Ich hätte gern ein kühles Bier», habe der Finanzminister darauf geantwortet.",
    )
    assert got == [("Ich hätte gern ein kühles Bier", "der Finanzminister")]


def test_a_quoted_nickname_before_the_name_in_apposition_is_no_next_quote() -> None:
    got = said(
        "de",
        "Die Partei tagt in Graz.",
        "„Eineinhalb Jahre haben wir noch bis zur Wahl“, so der „Chef“, Hermann Schuster in "
        "seinem Referat.",
    )
    assert got == [("Eineinhalb Jahre haben wir noch bis zur Wahl", "Hermann Schuster")]


def test_a_quoted_paper_name_before_heisst_es_is_the_source() -> None:
    got = said(
        "de",
        "Peter Krause sprach mit der Presse.",
        "Im „Kurier“ hieß es dazu: „Die Lage wird sich weiter verschärfen.“",
    )
    assert got == [("Die Lage wird sich weiter verschärfen.", "Kurier")]


def test_a_partial_quote_opening_lower_case_is_no_title_though_its_nouns_are_capitalised() -> None:
    got = said(
        "de",
        "Der Konzern legt Zahlen vor.",
        "Im vierten Quartal bewege sich das Geschäft „im Rahmen der Erwartungen“, so Wolfgang "
        "Schäfer.",
    )
    assert got == [("im Rahmen der Erwartungen", "Wolfgang Schäfer")]


def test_a_definite_role_before_a_pronoun_quote_is_the_person_named_in_it() -> None:
    # German lists its indefinite articles: "Die Ministerin" is someone the article named,
    # not someone brought in unnamed
    got = said(
        "de",
        LEAD,
        "Die Ministerin sagte am Montag, die Brücke sei fertig. „Wir sind sehr stolz darauf“, sagte sie.",
    )
    assert got == [("Wir sind sehr stolz darauf", "Petra Lange Vogel")]


def test_an_unnamed_spokesman_before_a_pronoun_quote_is_the_description_up_to_its_verb() -> None:
    got = said(
        "de",
        LEAD,
        "Ein Sprecher der Polizei sagte am Montag, die Brücke sei sicher. „Wir kontrollieren jeden Tag“, sagte er.",
    )
    assert got == [("Wir kontrollieren jeden Tag", "Ein Sprecher der Polizei")]
