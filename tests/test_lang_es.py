"""Spanish quotes and speakers (es.toml): marks, attribution orders, titles, pronouns."""

from __future__ import annotations

from briefings.reading.lexicon import lexicon
from tests.lang_helpers import said

LEAD = "La ministra de Trabajo, Marta Ruiz Soler, visitó el lunes una fábrica de Sevilla."


def test_angle_quotes_with_inverted_verb_after_them() -> None:
    got = said("es", LEAD, "«Vamos a subir los salarios este mismo año», afirmó Marta Ruiz Soler.")
    assert got == [("Vamos a subir los salarios este mismo año", "Marta Ruiz Soler")]


def test_curly_quotes_with_speaker_before_the_verb() -> None:
    got = said("es", LEAD, "Pedro Gil Mora dijo: “No habrá ningún recorte en la sanidad pública”.")
    assert got[0] == ("No habrá ningún recorte en la sanidad pública", "Pedro Gil Mora")


def test_segun_names_the_speaker() -> None:
    got = said("es", LEAD, "Según Pedro Gil Mora, la reforma «llega demasiado tarde para todos».")
    assert got == [("llega demasiado tarde para todos", "Pedro Gil Mora")]


def test_a_title_resolves_to_the_name_the_article_gives() -> None:
    got = said("es", LEAD, "«El empleo crece en todas las regiones», aseguró la ministra.")
    assert got == [("El empleo crece en todas las regiones", "Marta Ruiz Soler")]


def test_a_pronoun_speaker_is_the_person_spoken_of() -> None:
    got = said("es", LEAD, "Ella dijo: «Nadie se quedará atrás en esta reforma».")
    assert got == [("Nadie se quedará atrás en esta reforma", "Marta Ruiz Soler")]


def test_a_subjectless_verb_speaks_for_the_last_person() -> None:
    got = said("es", LEAD, "«Los datos nos dan la razón a todos», precisó.")
    assert got == [("Los datos nos dan la razón a todos", "Marta Ruiz Soler")]


def test_a_sentence_opening_word_is_never_a_speaker() -> None:
    got = said("es", LEAD, "Además insistió en que «la reforma no tiene vuelta atrás».")
    assert got == [("la reforma no tiene vuelta atrás", "Marta Ruiz Soler")]


def test_spanish_abbreviations_do_not_end_sentences() -> None:
    assert {"sr", "sra", "dr", "s.a"} <= lexicon("es").abbreviations


def test_dialogue_dash_with_the_narrator_between_dashes() -> None:
    got = said(
        "es",
        LEAD,
        "—No vamos a ceder ante nadie en esto —dijo la ministra—. Es la hora del empleo.",
    )
    assert got == [
        ("No vamos a ceder ante nadie en esto", "Marta Ruiz Soler"),
        ("Es la hora del empleo.", "Marta Ruiz Soler"),
    ]


def test_a_role_phrase_with_its_complement_is_the_person_named() -> None:
    got = said("es", LEAD, "«Habrá más inspecciones este año», señaló la ministra de Trabajo.")
    assert got == [("Habrá más inspecciones este año", "Marta Ruiz Soler")]


def test_a_four_word_partial_quote_inside_a_sentence_counts() -> None:
    got = said(
        "es", LEAD, "Pedro Gil Mora dijo que la reforma «llega demasiado tarde ya» al campo."
    )
    assert got == [("llega demasiado tarde ya", "Pedro Gil Mora")]


def test_a_curly_quote_may_close_with_a_straight_one() -> None:
    got = said("es", LEAD, '“No vamos a subir los impuestos este año", dijo Pedro Gil Mora.')
    assert got == [("No vamos a subir los impuestos este año", "Pedro Gil Mora")]


def test_a_subjectless_verb_skips_a_movement_named_after_the_speaker() -> None:
    got = said(
        "es",
        "Ana Ruiz Gil, candidata del movimiento Nueva Vía Verde, defendió el plan de vivienda. "
        "«Vamos a ganar estas elecciones sin ninguna duda», precisó.",
    )
    assert got == [("Vamos a ganar estas elecciones sin ninguna duda", "Ana Ruiz Gil")]


def test_a_demonstrative_opens_a_subject_after_the_verb() -> None:
    got = said("es", LEAD, "«Hubo doce heridos leves en la ciudad», informó este ministerio.")
    assert got == [("Hubo doce heridos leves en la ciudad", "este ministerio")]


def test_a_demonstrative_description_before_an_imperfect_verb() -> None:
    got = said(
        "es",
        LEAD,
        "Esta misma fuente apuntaba que el acuerdo «está muy cerca de cerrarse ya».",
    )
    assert got == [("está muy cerca de cerrarse ya", "Esta misma fuente")]


def test_an_organisation_noun_speaks_for_the_body_named_before() -> None:
    got = said(
        "es",
        "El Comité Nacional de Rescate ha denunciado el ataque contra su hospital.",
        "«Estamos muy preocupados por todos los heridos», explica la ONG en un comunicado.",
    )
    assert got == [("Estamos muy preocupados por todos los heridos", "Comité Nacional de Rescate")]


def test_the_sentence_after_a_quote_that_refers_back_names_the_speaker() -> None:
    got = said(
        "es",
        "«No pienso dimitir ahora por nada del mundo». Con esa frase, Pedro Gil Mora "
        "respondió a sus críticos del partido.",
    )
    assert got == [("No pienso dimitir ahora por nada del mundo", "Pedro Gil Mora")]


def test_para_opening_a_sentence_names_the_speaker() -> None:
    got = said(
        "es", LEAD, "Para Pedro Gil Mora la salida está en «un acuerdo con todos los partidos»."
    )
    assert got == [("un acuerdo con todos los partidos", "Pedro Gil Mora")]


def test_a_coordinated_verb_shares_the_sentence_subject() -> None:
    got = said(
        "es",
        "Marta Ruiz Soler propone una ley nueva y recalcó que la norma «llegará al Congreso en "
        "mayo».",
    )
    assert got == [("llegará al Congreso en mayo", "Marta Ruiz Soler")]


def test_a_relative_verb_speaks_for_its_antecedent() -> None:
    got = said(
        "es",
        LEAD,
        "El hospital cerró ayer, según los médicos, que pidieron «ayuda urgente para todos los "
        "heridos».",
    )
    assert got == [("ayuda urgente para todos los heridos", "los médicos")]


def test_segun_with_a_possessive_is_the_last_speaker() -> None:
    got = said(
        "es",
        LEAD,
        "«Los salarios subirán en todo el país», dijo Pedro Gil Mora. Según su análisis, el "
        "plan «llega demasiado tarde para el campo».",
    )
    assert got == [
        ("Los salarios subirán en todo el país", "Pedro Gil Mora"),
        ("llega demasiado tarde para el campo", "Pedro Gil Mora"),
    ]


def test_a_second_quote_of_the_same_sentence_keeps_its_speaker() -> None:
    got = said(
        "es",
        LEAD,
        "Marta Ruiz Soler dijo a Pedro Gil Mora que el plan es «una gran noticia para todos», a "
        "lo que se añaden "
        "«las ayudas para los jóvenes».",
    )
    assert got == [
        ("una gran noticia para todos", "Marta Ruiz Soler"),
        ("las ayudas para los jóvenes", "Marta Ruiz Soler"),
    ]


def test_ella_is_the_woman_a_common_given_name_tells() -> None:
    got = said(
        "es",
        "Pedro Gil Mora se reunió ayer con Rosa Pardo Ruiz en el ayuntamiento.",
        "Ella dijo después: «Habrá dinero para todos los barrios».",
    )
    assert got == [("Habrá dinero para todos los barrios", "Rosa Pardo Ruiz")]


def test_a_name_ending_on_an_initial_keeps_it() -> None:
    got = said(
        "es",
        "El detenido, Yassin E., de 24 años, compareció ayer ante el juez.",
        "«Yo no sabía nada de ese dinero», declaró Yassin E. ante el tribunal.",
    )
    assert got == [("Yo no sabía nada de ese dinero", "Yassin E.")]


def test_an_adverb_between_the_inverted_verb_and_its_subject() -> None:
    got = said("es", LEAD, "«Tenemos muchas dudas sobre ese récord», dijo ayer Pedro Gil Mora.")
    assert got == [("Tenemos muchas dudas sobre ese récord", "Pedro Gil Mora")]
    got = said("es", LEAD, "«Tenemos muchas dudas sobre ese récord», opina en cambio Pedro Gil.")
    assert got == [("Tenemos muchas dudas sobre ese récord", "Pedro Gil")]


def test_a_role_brought_in_unnamed_stays_a_description() -> None:
    got = said(
        "es",
        "David Campo, portavoz de la asociación, habló el lunes con la prensa.",
        "Una vecina del barrio asegura: «No hay ningún control de coches ni de personas».",
        "«Les dan igual los vecinos y los visitantes», insiste la vecina.",
    )
    assert got == [
        ("No hay ningún control de coches ni de personas", "Una vecina del barrio"),
        ("Les dan igual los vecinos y los visitantes", "la vecina"),
    ]


def test_a_name_closing_a_described_apposition_is_the_sentence_subject() -> None:
    got = said(
        "es",
        "La presidenta de la Comisión, Ana Lis Roca, escribió una carta a los socios.",
        "El primer ministro polaco, el liberal de centroderecha Jan Nowak, anunció el cierre. "
        "«Nuestro deber es proteger la frontera», dijo el jefe de Gobierno polaco.",
    )
    assert got == [("Nuestro deber es proteger la frontera", "Jan Nowak")]


def test_a_predicative_adjective_after_the_inverted_verb() -> None:
    got = said(
        "es",
        "El robo ocurrió anoche en la calle Mayor de Toledo.",
        "«Agradecemos a estos señores su comprensión», comenta irónica la hija de la pareja.",
    )
    assert got == [("Agradecemos a estos señores su comprensión", "la hija de la pareja")]


def test_a_run_opening_on_an_organisation_word_is_no_person() -> None:
    got = said(
        "es",
        "Francisco Navarro, glaciólogo de la Universidad Politécnica de Madrid, explica que "
        "las registradas «son temperaturas muy altas, aunque puntuales».",
    )
    assert got == [("son temperaturas muy altas, aunque puntuales", "Francisco Navarro")]


def test_a_name_later_in_the_subjects_sentence_is_not_the_next_speaker() -> None:
    got = said(
        "es",
        "El alcalde Tomás Ferrer Luna dijo que el concejal Rubén Ortiz Gil prepara un plan.",
        "«El plan estará listo antes del verano», aseguró.",
    )
    assert got == [("El plan estará listo antes del verano", "Tomás Ferrer Luna")]


def test_a_scare_quotes_source_is_not_the_next_speaker() -> None:
    got = said(
        "es",
        "Asimismo, Tomás Ferrer Luna criticó al abogado Rubén Ortiz Gil, quien pidió «frenar» "
        "la obra.",
        "«No voy a pedir disculpas por defender el proyecto», agregó.",
    )
    assert got == [("No voy a pedir disculpas por defender el proyecto", "Tomás Ferrer Luna")]


def test_julio_opens_a_name_and_a_club_is_no_person() -> None:
    got = said(
        "es",
        "El entrenador del Real Oviedo, Julio Pérez Soto, habló tras el partido.",
        "«Fue un partido muy complicado para nosotros», expresó.",
    )
    assert got == [("Fue un partido muy complicado para nosotros", "Julio Pérez Soto")]


def test_a_portfolio_in_a_role_is_no_person() -> None:
    got = said(
        "es",
        "El ministro de la Presidencia, Relaciones con las Cortes y Memoria Democrática, Tomás "
        "Ferrer Luna, ha dicho que el plan avanza.",
        "«España es el primer país en recibir los fondos», ha afeado el ministro.",
    )
    assert got == [("España es el primer país en recibir los fondos", "Tomás Ferrer Luna")]


def test_a_body_after_de_before_a_subjectless_verb_is_not_its_subject() -> None:
    got = said(
        "es",
        "El vicepresidente Tomás Ferrer Luna ha jurado hoy su cargo.",
        "Tras el acto con los nuevos consejeros de la Junta ha destacado que es «un equipo muy "
        "preparado y entregado».",
    )
    assert got == [("un equipo muy preparado y entregado", "Tomás Ferrer Luna")]


def test_an_inverted_verb_closing_the_sentence_names_its_speaker() -> None:
    got = said(
        "es",
        "El alcalde Tomás Ferrer Luna visitó la obra.",
        "La ministra Ana Ruiz Gil llegó después.",
        "«Es una vergüenza para todo el barrio» lo que pasó ayer, dijo Tomás Ferrer Luna en la "
        "radio.",
    )
    assert got == [("Es una vergüenza para todo el barrio", "Tomás Ferrer Luna")]


def test_a_name_in_an_adverbial_before_a_subjectless_verb_is_not_its_subject() -> None:
    got = said(
        "es",
        "El ministro de Cultura, Tomás Ferrer Luna, habló ayer con la prensa.",
        "Además, en diálogo con Radio Nacional dijo que «el presidente elegirá a la mejor opción».",
    )
    assert got == [("el presidente elegirá a la mejor opción", "Tomás Ferrer Luna")]


def test_a_name_between_the_verb_and_the_quote_is_what_was_spoken_of() -> None:
    got = said(
        "es",
        "El ministro de Cultura, Tomás Ferrer Luna, habló ayer con la prensa.",
        "Además dijo que no le sorprendió la renuncia del ministro Rubén Ortiz Gil «pues en "
        "algún momento manifestó su voluntad».",
    )
    assert got == [("pues en algún momento manifestó su voluntad", "Tomás Ferrer Luna")]
