"""Topics a reader searches for in every language: a country named only by its currency, wire
agencies and homographs that are no place, and subjects (health, food, pay, elections) found by
their native words and reached by an English query."""

from __future__ import annotations

import pytest

from briefings.reading.names import persons_in
from briefings.reading.topics import extract_topics, resolve_query


def topics(language: str, title: str, *paragraphs: str) -> list[str]:
    return list(extract_topics(title, "", list(paragraphs), persons_in(*paragraphs), language))


# --- places --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "country"),
    [
        ("fr", "Le gouvernement a payé 1,3 milliard de gourdes aux importateurs.", "haiti"),
        ("es", "La empresa invirtió 40 millones de yuanes en la planta.", "china"),
        ("pt", "O ingresso custa 50 reais na bilheteria.", "brazil"),
        ("en", "The loan was worth 300 million zlotys, the ministry said.", "poland"),
    ],
)
def test_an_amount_in_a_countrys_own_currency_tags_the_country(
    language: str, text: str, country: str
) -> None:
    assert country in topics(language, "Dettes", text)


def test_a_currency_word_without_an_amount_is_no_country() -> None:
    found = topics("fr", "Randonnée", "Il a rempli sa gourde. Les gourdes sont en plastique.")
    assert "haiti" not in found


def test_a_currency_shared_by_several_countries_tags_none() -> None:
    found = topics("es", "Precios", "El kilo cuesta 300 pesos y el litro 2 dólares.")
    assert not {"mexico", "argentina", "colombia", "united states"} & set(found)


def test_a_wire_agency_tags_no_place() -> None:
    found = topics("es", "Entrevista", "Lo dijo en una entrevista recogida por Europa Press.")
    assert "europe" not in found
    assert "europa" not in found


def test_europa_is_europe_outside_english_and_the_moon_in_english() -> None:
    assert "europe" in topics("de", "Gipfel", "Die Staaten in Europa beraten in Brüssel.")
    assert "europa" not in topics("it", "Vertice", "I paesi dell'Europa si riuniscono.")
    assert "europa" in topics("en", "Probe", "The probe will fly past Europa in 2030.")


def test_a_function_word_of_the_language_is_no_place() -> None:
    # Italian "male" ("badly") is also Malé, the capital of the Maldives.
    found = topics("it", "Il raccolto", "È andata male. Male, dicono i contadini della valle.")
    assert "maldives" not in found
    assert "maldives" in topics("en", "Islands", "Tourists landed in Male on Monday.")
    # ... while a name written in capitals stays one ("usa" is also Spanish for "uses").
    assert "united states" in topics("es", "Viaje", "El ministro viajó a USA el martes.")


def test_an_italian_city_of_150k_is_a_place_in_capitals_and_in_english() -> None:
    found = topics("it", "Furto", "La banda ha agito.", "MODENA. I ladri sono entrati.")
    assert "modena" in found
    assert "modena" in topics("en", "Food", "Tourists in Modena ate well.")


# --- subjects --------------------------------------------------------------------------------

# Per subject, one invented sentence per language that names it with native words only.
NATIVE_SUBJECTS = {
    "prostate": {
        "en": "Doctors urged men over 50 to have their prostate checked.",
        "es": "Los médicos piden a los hombres revisar la próstata.",
        "de": "Ärzte raten Männern, die Prostata untersuchen zu lassen.",
        "fr": "Les médecins conseillent aux hommes de surveiller leur prostate.",
        "it": "I medici invitano gli uomini a controllare la prostata.",
        "pt": "Os médicos pedem aos homens que examinem a próstata.",
    },
    "mosquitoes": {
        "en": "Mosquitoes spread the virus in the city.",
        "es": "Los mosquitos propagan el virus en la ciudad.",
        "de": "Mücken verbreiten das Virus in der Stadt.",
        "fr": "Les moustiques propagent le virus en ville.",
        "it": "Le zanzare diffondono il virus in città.",
        "pt": "Os mosquitos espalham o vírus na cidade.",
    },
    "vinegar": {
        "en": "Thieves stole bottles of balsamic vinegar.",
        "es": "Los ladrones robaron botellas de vinagre.",
        "de": "Diebe stahlen Flaschen mit Essig.",
        "fr": "Des voleurs ont dérobé des bouteilles de vinaigre.",
        "it": "I ladri hanno rubato bottiglie di aceto balsamico.",
        "pt": "Ladrões roubaram garrafas de vinagre.",
    },
    "wages": {
        "en": "Nurses asked for higher wages.",
        "es": "Las enfermeras piden salarios más altos.",
        "de": "Die Pflegekräfte fordern höhere Löhne.",
        "fr": "Les infirmières réclament des salaires plus élevés.",
        "it": "Le infermiere chiedono stipendi più alti.",
        "pt": "As enfermeiras pedem salários mais altos.",
    },
    "abstention": {
        "en": "Abstention was the highest in decades.",
        "es": "La abstención fue la más alta en décadas.",
        "de": "Die Zahl der Nichtwähler war so hoch wie nie.",
        "fr": "L'abstention a atteint un record.",
        "it": "L'astensione ha raggiunto un record.",
        "pt": "A abstenção foi a maior em décadas.",
    },
    "exercise and fitness": {
        "en": "Doctors recommend physical activity at home.",
        "es": "Los médicos recomiendan actividad física en casa.",
        "de": "Ärzte empfehlen körperliche Aktivität zu Hause.",
        "fr": "Les médecins recommandent une activité physique à la maison.",
        "it": "I medici raccomandano attività fisica in casa.",
        "pt": "Os médicos recomendam atividade física em casa.",
    },
    "presidential election": {
        "en": "The presidential election is in May.",
        "es": "Las elecciones presidenciales son en mayo.",
        "de": "Die Präsidentschaftswahl findet im Mai statt.",
        "fr": "L'élection présidentielle aura lieu en mai.",
        "it": "Le elezioni presidenziali sono a maggio.",
        "pt": "A eleição presidencial será em maio.",
    },
}


@pytest.mark.parametrize(
    ("subject", "language"),
    [(subject, lang) for subject, texts in NATIVE_SUBJECTS.items() for lang in sorted(texts)],
)
def test_a_subject_named_in_the_headline_is_found_in_every_language(
    subject: str, language: str
) -> None:
    # The sentence is the headline: one use there is enough.
    assert subject in topics(language, NATIVE_SUBJECTS[subject][language], "Nothing else.")


def test_a_subject_used_once_in_the_body_is_not_a_topic() -> None:
    found = topics("it", "Il furto", "Nel magazzino c'era anche una bottiglia di aceto.")
    assert "vinegar" not in found


def test_a_native_word_does_not_fire_in_another_language() -> None:
    # "vino" is Italian and Spanish for wine, not a Portuguese or French word.
    found = topics("fr", "Le vino", "Vino, vino, vino: le nom du groupe de musique.")
    assert "wine" not in found


@pytest.mark.parametrize(
    ("query", "subject"),
    [
        ("mosquito", "mosquitoes"),
        ("mosquitoes", "mosquitoes"),
        ("vinegar", "vinegar"),
        ("prostate", "prostate"),
        ("prostata", "prostate"),
        ("wages", "wages"),
        ("salários", "wages"),
    ],
)
def test_an_english_or_native_query_finds_the_subject(query: str, subject: str) -> None:
    assert [subject] == resolve_query(query, [subject, "modena"])


def test_an_english_country_query_finds_a_country_named_by_its_currency() -> None:
    found = topics("fr", "Dettes", "L'État a réglé 2 milliards de gourdes.")
    assert resolve_query("haiti", found) == ["haiti"]


# --- inflections and compounds ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "subject"),
    [
        # plurals the trigger lists do not spell out, by each language's regular endings
        ("it", "Cortei in centro. Altri cortei domani. Cortei ovunque.", "protests"),
        ("de", "Die Urteile fielen. Zwei Urteile stehen aus. Urteile gelten.", "court"),
        ("pt", "Passeatas no centro. Mais passeatas amanhã. Passeatas pacíficas.", "protests"),
        ("es", "Las sentencias llegan. Dos sentencias más. Sentencias firmes.", "court"),
        ("fr", "Deux scrutins en mai. Les scrutins locaux. Scrutins serrés.", "elections"),
    ],
)
def test_a_trigger_fires_on_its_regular_plural(language: str, text: str, subject: str) -> None:
    assert subject in topics(language, "Cronaca", text)


def test_a_short_trigger_does_not_fire_on_a_word_that_only_looks_like_its_plural() -> None:
    # French "cours" (a class) is no plural of "cour" (a court).
    found = topics("fr", "Rentrée", "Les cours reprennent. Des cours du soir. Cours en ligne.")
    assert "court" not in found


def test_a_german_compound_is_about_its_head() -> None:
    text = "Die Weltwirtschaft wächst. Die Weltwirtschaft lahmt. Weltwirtschaft heute."
    assert "economy" in topics("de", "Bericht", text)


def test_a_german_word_that_merely_ends_like_a_short_trigger_is_not_its_compound() -> None:
    # "Konkurrenten" (competitors) ends in "renten" (pensions).
    text = "Die Konkurrenten lachen. Konkurrenten überall. Neue Konkurrenten."
    assert "pensions" not in topics("de", "Markt", text)
