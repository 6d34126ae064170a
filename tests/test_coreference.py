"""Pronoun speakers resolved to the right antecedent, one rule family per test, on short
invented sentences."""

from __future__ import annotations

from briefings.reading.quotes import extract_quotes


def speakers(*paragraphs: str) -> list[str]:
    return [q.speaker for q in extract_quotes("t", "", list(paragraphs))]


def test_the_holder_of_a_view_opening_the_sentence_is_the_next_pronouns_antecedent() -> None:
    found = speakers(
        "Mayor Tom Berg said the budget would pass.",
        "To city analyst Ann Kowal, Berg's plan is a risk the town cannot take.",
        "“The numbers do not add up for the next five years,” she said.",
    )
    assert ["Ann Kowal"] == found


def test_a_group_named_after_a_person_opening_the_sentence_is_no_view_holder() -> None:
    found = speakers(
        "Tom Berg spoke to the council on Monday.",
        "For Berg supporters, Ken Doyle is the real rival this spring.",
        "“We will win this district by a wide margin,” he said.",
    )
    assert ["Ken Doyle"] == found


def test_a_source_named_by_a_given_name_alone_is_who_a_pronoun_stands_for() -> None:
    found = speakers(
        "Spokesman Carl Weston declined to comment on the report.",
        "Bob said he arrived at the base in December and stayed for a year.",
        "“We did what we could with the people we had,” he said.",
    )
    assert ["Bob"] == found


def test_a_role_in_a_groups_possessive_leaves_the_person_a_person() -> None:
    found = speakers(
        "Ben Ortiz spoke at the dinner in May.",
        "The group’s executive director, Betty Hale, said the night was booked a year ahead.",
        "“It was an overwhelming success for all of us,” she said.",
    )
    assert ["Betty Hale"] == found


def test_a_possessor_before_a_verb_is_not_the_subject_a_pronoun_takes() -> None:
    found = speakers(
        "Tim Acker said he tends to think about issues for a long time.",
        "Asked about the race, he spoke of rival Ken Doyle’s continued appeal to voters.",
        "“I think it is funny to watch from the outside,” he said.",
    )
    assert ["Tim Acker"] == found


def test_they_after_two_people_joined_as_a_subject_stands_for_both() -> None:
    found = speakers(
        "The book is by Nancy Foner and Richard Alba, two professors in New York.",
        "Professors Foner and Alba suggest the rules of the city matter more than faith.",
        "In the United States, they write, “to be religious is to be in sync with the norm.”",
    )
    assert ["Nancy Foner and Richard Alba"] == found


def test_a_person_in_apposition_to_a_described_subject_is_the_next_pronouns_antecedent() -> None:
    found = speakers(
        "Tom Berg won the vote by ten points on Tuesday.",
        "Another pollster, Dan Woods of Clemson University, said his survey showed the same.",
        "“Even after the debate, the numbers held steady,” he said.",
    )
    assert ["Dan Woods"] == found


def test_a_place_phrase_opening_on_outside_is_not_the_subject() -> None:
    found = speakers(
        "Tom Berg runs the plant in Ohio.",
        "Outside Acme's plant on Main Street, a worker named Luis Ortega has only praise.",
        "“The atmosphere is relaxed, a healthy place to work,” he said.",
    )
    assert ["Luis Ortega"] == found


def test_a_name_with_a_middle_initial_is_a_person_a_pronoun_can_stand_for() -> None:
    found = speakers(
        "Ben Ortiz did not answer calls on Saturday.",
        "However, Jill A. Martin, a lawyer for the firm, said in March the claims were empty.",
        "She added that “the school was a well run company for every student.”",
    )
    assert ["Jill A. Martin"] == found


def test_a_common_given_name_outweighs_a_generic_gendered_role_before_it() -> None:
    found = speakers(
        "Tom Berg said the group was formed without his help.",
        "Campaign spokesman Hope Hatch confirmed that the group was independent.",
        "“They are not part of the campaign in any way,” she said.",
    )
    assert ["Hope Hatch"] == found


def test_who_after_a_person_and_a_place_stands_for_the_person() -> None:
    found = speakers(
        "The inquiry gave fodder to rivals such as Sen. Tom Berg of Florida, who said in the "
        "debate that she was “unfit to be the commander in chief” of the army.",
    )
    assert ["Tom Berg"] == found


def test_a_verb_inside_a_relative_clause_on_a_person_is_that_persons() -> None:
    found = speakers(
        "Glen Hart spoke in Ohio on Monday.",
        "Hart, who has in the past described Ann Roe as “a danger to the whole party and more,” "
        "did not repeat it.",
    )
    assert ["Glen Hart"] == found


def test_a_role_after_a_person_named_attributively_belongs_to_the_name_after_it() -> None:
    found = speakers(
        "Tom Berg lost two more states to Hillary Clinton on Tuesday.",
        "On Monday night, Clinton campaign manager Robby Mook released a memo on the race.",
        "He writes that Clinton has “built a nearly insurmountable lead among delegates.”",
    )
    assert ["Robby Mook"] == found


def test_a_one_word_opening_phrase_is_not_the_subject() -> None:
    found = speakers(
        "Tom Berg has led the state party for a decade.",
        "However, Carl Weston won the vote in the north in May.",
        "“We will see a long night in every county,” he said.",
    )
    assert ["Carl Weston"] == found


def test_a_noun_after_of_is_no_subject_of_the_verb_after_it() -> None:
    found = speakers(
        "John Bolt said he would advise the governor on threats.",
        "He expected that one of the biggest challenges for the governor would be “dealing with "
        "the wide variety of problems left behind.”",
    )
    assert ["John Bolt"] == found


def test_a_time_phrase_opening_on_a_number_word_is_not_the_subject() -> None:
    found = speakers(
        "Al Sharp left no doubt that he would endorse someone this year.",
        "Eight years ago, he backed Ben Obi over Ann Roe and said, “She has never done a thing "
        "for us.”",
    )
    assert ["Al Sharp"] == found
