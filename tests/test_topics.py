"""Topic tagging and query resolution on small hand-written texts."""

from __future__ import annotations

from briefings.reading.names import persons_in, treated_as_organisation
from briefings.reading.topics import extract_topics, resolve_query


def topics(title: str, *paragraphs: str) -> list[str]:
    return list(extract_topics(title, "", list(paragraphs), persons_in(*paragraphs)))


def test_a_city_of_150k_is_a_place_but_a_city_named_like_a_word_is_not() -> None:
    found = topics(
        "Ad agencies react",
        "Two Spokane agencies said the campaign missed. A Mobile phone maker disagreed.",
    )
    assert "spokane" in found
    assert "mobile" not in found
    assert resolve_query("Spokane", found) == ["spokane"]


def test_a_smaller_city_counts_only_as_a_name_of_its_own() -> None:
    found = topics(
        "Agencies",
        "Firms in Spokane and Seattle, Tacoma Pkwy offices and a Winnipeg Jets fan were cited.",
    )
    assert {"spokane", "seattle"} <= set(found)  # Seattle is a big city: counted anywhere
    assert "tacoma" not in found  # "Tacoma Pkwy" is a street
    assert "winnipeg" not in found  # "Winnipeg Jets" is a team


def test_a_place_name_inside_a_persons_name_is_not_a_place() -> None:
    found = topics(
        "Study on cannabis",
        "Ian Hamilton, an expert at the University of York, read the study.",
        "Hamilton said the findings were clear.",
    )
    assert "bermuda" not in found  # Hamilton is Bermuda's capital
    assert "ian hamilton" in found
    assert "university of york" in found


def test_context_names_organisations_mentioned_once() -> None:
    found = topics(
        "Retail results",
        "Shares of peer Lowe’s (LOW) fell 2%. Jefferies analyst Jo Smith was calm.",
        "The study ran in the journal Annals of Medicine.",
        "The doctors, members of the group Friends for Clean Air, D4CA, wrote a letter.",
    )
    assert {"lowe", "jefferies", "annals of medicine", "friends for clean air"} <= set(found)
    assert resolve_query("lowe's", found) == ["lowe"]
    dateline = topics("Storm", "WASHINGTON (AP) — A storm hit the coast.")
    assert "washington" not in dateline  # the capital stands for its country
    assert "united states" in dateline
    state = topics("Storm", "Washington State officials closed roads in Spokane.")
    assert "washington" in state


def test_a_capitalised_run_led_by_a_place_is_a_name_not_a_person() -> None:
    found = topics("Mission", "NASA's upcoming Europa Clipper mission will launch. Europa is icy.")
    assert "europa clipper" in found
    assert "europa" in found


def test_subject_pairs_need_both_word_lists_used_repeatedly() -> None:
    many = topics(
        "Teachers rally",
        "Thousands of teachers rallied for better pay.",
        "The teachers said low pay drives people away, and salaries lag.",
    )
    assert "teacher pay" in many
    once = topics("Teachers rally", "Teachers rallied. Pay was not discussed.")
    assert "teacher pay" not in once


def test_a_company_brings_its_sector() -> None:
    found = topics(
        "Home Depot cuts forecast",
        "Home Depot shares fell after Home Depot cut its guidance.",
    )
    assert "home depot" in found
    assert "retail" in found


def test_verbs_that_look_like_subject_words_do_not_tag() -> None:
    found = topics(
        "Campaign",
        "She did not want to judge the campaign.",
        "The company lowered its forecast for the year.",
    )
    assert "court" not in found
    assert "weather" not in found


def test_a_name_spoken_of_as_a_body_is_not_a_person() -> None:
    text = (
        "The group that owns her music, Big Machine, replied. Her albums came out through "
        "Big Machine, which was sold. Senator Elizabeth Warren spoke."
    )
    assert treated_as_organisation(text, "Big Machine")
    assert not treated_as_organisation(text, "Elizabeth Warren")
    assert persons_in(text) == ["Elizabeth Warren"]
