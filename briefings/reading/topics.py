"""Topics: tag an article with countries, places, people, organisations and subjects, weighted
by how much it is about each. Each kind is collected by its own module (``topic_places``,
``topic_people``, ``topic_organisations``, ``topic_subjects``, with ``towns`` and ``events``),
all reading the same cached tokens and name runs of each part; queries live in ``topic_index``
(re-exported here)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from briefings.reading.capitals import common_nouns, trimmed_person
from briefings.reading.events import find_events
from briefings.reading.names import CONNECTORS, persons_in
from briefings.reading.topic_index import TopicIndex, resolve_query, suggest
from briefings.reading.topic_organisations import count_organisations
from briefings.reading.topic_people import count_people, named_person
from briefings.reading.topic_places import not_a_place, place_mentions, resolve_ambiguous
from briefings.reading.topic_subjects import add_subjects
from briefings.reading.towns import TOWN_LANGUAGES, town_mentions

__all__ = ["TopicIndex", "extract_topics", "resolve_query", "suggest"]

MAX_TOPICS = 30
# Where a mention stands decides how much it says about the article.
TITLE_WEIGHT, DEK_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT = 3.0, 2.0, 1.5, 1.0


def extract_topics(
    title: str,
    dek: str,
    paragraphs: list[str],
    persons: Iterable[str] = (),
    language: str = "",
) -> dict[str, float]:
    """Topic -> weight (higher: more about it), at most ``MAX_TOPICS``, heaviest first: names
    (places, people, organisations) and subjects of the vocabulary, never a free phrase.
    ``language`` (ISO 639-1, "" when unknown) picks the function words and subject triggers."""
    weights: defaultdict[str, float] = defaultdict(float)
    parts = [(title, TITLE_WEIGHT), (dek, DEK_WEIGHT)]
    parts += [(p, LEAD_WEIGHT if i < 2 else BODY_WEIGHT) for i, p in enumerate(paragraphs)]
    nouns = common_nouns(paragraphs, language)
    people = [trimmed_person(p, language, nouns) for p in persons_in(*paragraphs) if not_a_place(p)]
    # A place word in a person's name is no place ("Ian Hamilton"; "Em Curitiba" is no one),
    # unless the "person" opens on no given name ("an der Uni Freiburg", in German).
    names = {w for p in people if p and named_person(p, language) for w in p.split()}
    for text, weight in parts:
        for topic in place_mentions(text, names, language):
            weights[topic] += weight
    resolve_ambiguous(weights)
    towns = town_mentions(parts, language, weights, names) if language in TOWN_LANGUAGES else {}
    for town, weight in towns.items():
        weights[town] += weight
    count_people(weights, parts, persons, language, nouns)
    count_organisations(weights, parts, language, nouns)
    add_subjects(weights, parts, language)
    for event, weight in find_events(parts, language, towns.keys()).items():
        weights[event] += weight
    _drop_cut_names(weights)
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TOPICS]
    return {topic: round(weight, 2) for topic, weight in ranked}


def _drop_cut_names(weights: defaultdict[str, float]) -> None:
    """A name opening on its particle ("der leyen", from "Von der Leyen" at a sentence start)
    is the tail of a fuller name the article gives ("ursula von der leyen")."""
    for key in [k for k in weights if k.split()[0] in CONNECTORS and " " in k]:
        if any(other != key and other.endswith(" " + key) for other in weights):
            del weights[key]
