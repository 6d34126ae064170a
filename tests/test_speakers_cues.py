"""Cues English news writes away from the quote, one rule family per test, on short invented
sentences."""

from __future__ import annotations

from briefings.reading.quotes import extract_quotes


def speakers(*paragraphs: str) -> list[str]:
    return [q.speaker for q in extract_quotes("t", "", list(paragraphs))]


def test_a_cue_closing_the_sentence_a_quote_stands_inside_names_its_speaker() -> None:
    found = speakers(
        "Tom Roe spoke first at the meeting on Monday.",
        "“The plan looks very good on paper” for the city, said Ann Lee, a planner.",
        "Roe “never once read the whole plan himself” before the vote, Ben Ortiz said.",
        "“We will build the bridge next spring” if the money comes, Ortiz said on Monday.",
    )
    assert ["Ann Lee", "Ben Ortiz", "Ben Ortiz"] == found


def test_a_closing_verb_that_opens_a_clause_of_its_own_is_no_cue() -> None:
    found = speakers(
        "Tom Roe said the plan was “a gift to the big developers” in town, Ben Ortiz said the "
        "council was split.",
    )
    assert ["Tom Roe"] == found


def test_a_name_with_the_place_it_comes_from_is_the_person_not_the_place() -> None:
    found = speakers(
        "“We have the votes to pass it,” former Gov. Jeb Roe of Florida said on Monday.",
        "Bishop Ann Lee of the Diocese of Leeds told reporters, “The church stays open.”",
    )
    assert ["Jeb Roe", "Ann Lee"] == found


def test_a_cue_between_two_sentences_quoted_belongs_to_the_second() -> None:
    found = speakers(
        "Tom Roe spoke at the harbour on Monday.",
        "Bishop Ann Lee of the Diocese of Leeds told reporters, “The church stays open.” He "
        "added, “We will pray for the town.”",
    )
    assert ["Ann Lee", "Tom Roe"] == found


def test_a_sentence_opener_before_a_place_is_no_name() -> None:
    found = speakers(
        "“We will win the vote next week,” said Ann Lee.",
        "Beyond Leeds, other members were not pleased. “The vote was a disgrace for the town.”",
    )
    assert ["Ann Lee", "Ann Lee"] == found


def test_a_role_before_the_name_in_a_closing_cue_is_no_part_of_it() -> None:
    found = speakers(
        "Tom Roe spoke first at the meeting on Monday. “Boots on the ground” would help, "
        "Republican candidate Ben Ortiz said after the vote.",
    )
    assert ["Ben Ortiz"] == found


def test_a_reporting_verb_after_a_possessive_or_an_article_is_a_noun_not_a_cue() -> None:
    found = speakers(
        "Tom Roe spoke at the harbour on Monday.",
        "Ann Lee called Roe's remarks “a new low for the whole council” on Tuesday.",
    )
    assert ["Ann Lee"] == found


def test_a_name_alone_under_a_quote_after_a_dash_signs_it() -> None:
    found = speakers(
        "Tom Roe spoke at the harbour on Monday.",
        "“Big firms pay zero taxes in this state.”",
        "- Ortiz.",
    )
    assert ["Ortiz"] == found


def test_a_quote_whose_last_sentence_names_a_person_and_a_body_is_signed_by_them() -> None:
    found = speakers(
        "Tom Roe spoke at the harbour on Monday.",
        "“I worry that the budget will fail again. Jo Ortiz, Center for Policy Research.”",
        "“The council will fail if it waits. Ohio Rep. Ann Lee.”",
        "“I believe the best person for it is Sen. Carl Moe.”",
    )
    assert ["Jo Ortiz", "Ann Lee", "Ann Lee"] == found


def test_pressed_and_remembered_report_speech() -> None:
    found = speakers(
        "Tom Roe spoke at the harbour on Monday.",
        "“Would you sell the port to them?” Ann Lee pressed.",
        "“We never sold anything to anyone,” remembered Ben Ortiz, a former clerk.",
    )
    assert ["Ann Lee", "Ben Ortiz"] == found


def test_a_sentence_after_a_quote_introduced_by_its_cue_is_no_cue_of_it() -> None:
    found = speakers(
        "Tom Roe spoke at the harbour on Monday.",
        "In the cable, Ann Lee reported, “The port is not safe at night.” The cable noted that "
        "ten guards were missing.",
    )
    assert ["Ann Lee"] == found


def test_a_participle_or_a_progressive_after_a_quote_names_no_speaker() -> None:
    found = speakers(
        "Ann Lee said the club would close, but said, “It is time we change how we meet,” "
        "promising the Friends of Abe would return.",
        "Tom Roe says he goes “back to the harbour tomorrow.” He’s predicting a long fight.",
    )
    assert ["Ann Lee", "Tom Roe"] == found


def test_here_opening_a_sentence_is_no_speaker() -> None:
    found = speakers(
        "Here in Leeds, Ann Lee stepped up her attacks, saying, “The council has failed us all.”",
    )
    assert ["Ann Lee"] == found


def test_the_next_sentence_is_no_cue_of_a_quote_its_own_sentence_reports() -> None:
    found = speakers(
        "Ann Lee asserted that “the port is not safe at night.” Harbour master Tom Roe said on "
        "Monday he would add guards.",
    )
    assert ["Ann Lee"] == found


def test_a_clause_before_a_name_after_a_quote_is_no_role_of_it() -> None:
    found = speakers(
        "Even as Ann Lee claimed that “the guards were paid far too little for years,” one of the "
        "lawyers for Tom Roe said the two cases were different.",
    )
    assert ["Ann Lee"] == found


def test_the_reporting_verb_of_a_long_sentence_handing_over_with_that_names_its_subject() -> None:
    found = speakers(
        "The row spread to the council, where Mayor Ann Lee told reporters that she had spoken to "
        "the harbour master on Monday and that “the port will open again next week.”",
    )
    assert ["Ann Lee"] == found


def test_a_participle_clause_after_the_subject_is_no_apposition() -> None:
    found = speakers(
        "Tom Roe, asked about the fees charged by Ann Lee, had said, “We never paid them.”",
    )
    assert ["Tom Roe"] == found


def test_a_name_one_verb_and_the_reporting_verb_is_the_speaker() -> None:
    found = speakers(
        "When asked whom she backed, Ms. Ann Lee smiled and said, “I am waiting for Tom Roe.”",
    )
    assert ["Ann Lee"] == found


def test_another_source_opening_a_description_is_no_name() -> None:
    found = speakers(
        "Another source familiar with her thinking said, “I think she will try to be friendly.”",
    )
    assert ["source familiar with her thinking"] == found


def test_a_name_inverted_after_the_verb_before_a_colon_is_the_speaker() -> None:
    found = speakers(
        "Tom Roe spoke at the harbour on Monday.",
        "In other words, explained BBC moderator Ann Lee: “What does that have to do with it?”",
        "Ben Ortiz said of Roe: “He never paid the fees he owed to the port.”",
    )
    assert ["Ann Lee", "Ben Ortiz"] == found


def test_a_clause_opening_after_a_quote_is_no_cue_of_it() -> None:
    found = speakers(
        "Tom Roe says he was “kind of riding the fence on it” until Ann Lee said she backed Ortiz.",
    )
    assert ["Tom Roe"] == found


def test_a_cue_handing_over_to_the_next_quote_holds_a_titles_full_stop() -> None:
    found = speakers(
        "Ann Alawee and Abdullah Zahed fled the war in March.",
        "“We are refugees from the war,” Ms. Alawee said. “We are not terrorists, not one of us.” "
        "Mr. Zahed said: “The attack today was the work of terrorists.”",
    )
    assert ["Ann Alawee", "Ann Alawee", "Abdullah Zahed"] == found


def test_a_person_right_before_a_participle_that_reports_is_its_subject() -> None:
    found = speakers(
        "Tom Roe spoke in Leeds on Monday.",
        "At a rally in Leeds, Ohio, on Saturday, fans booed a protester, with Ann Lee reportedly "
        "yelling: “Get him out of this hall right now!”",
        "Ann Lee replied to the question on Facebook writing, “Yes, I will come back next year.”",
    )
    assert ["Ann Lee", "Ann Lee"] == found


def test_a_person_whose_verb_chain_ends_in_the_reporting_verb_is_the_speaker() -> None:
    found = speakers(
        "Tom Roe spoke in Leeds on Monday.",
        "But much of the debate was so quiet that Ann Lee was prompted to say, “I cannot believe "
        "how civil it has been up here.”",
        "Tom Roe backed Ann Lee over Ben Ortiz and said, “Ben Ortiz has never done a thing for us.”",
    )
    assert ["Ann Lee", "Tom Roe"] == found


def test_according_to_opening_the_next_sentence_is_no_cue_of_the_quote_before() -> None:
    found = speakers(
        "Ann Lee said that she knew of the plane's limits and that she did not “use it all that "
        "much these days.” According to Tom Roe, the plane has flown 300 hours.",
    )
    assert ["Ann Lee"] == found


def test_a_pull_quote_left_open_is_signed_by_the_line_that_closes_it() -> None:
    found = speakers(
        "Tom Roe spoke in Leeds on Monday.",
        "“I worry that we may see the town sing the virtues of balanced budgets again.",
        "Ann Lee, Center for Policy Research.”",
        "“The reality is, if the mayor loses the vote, that could create real problems here.",
        "S.C. Rep. Ben Ortiz.”",
        "“We will see what the town does next, and then we will vote on it.",
        "“The council meets again in the spring, when the budget is ready.”",
    )
    assert ["Ann Lee", "Ben Ortiz", "Ben Ortiz", "Ben Ortiz"] == found


def test_a_cue_that_names_its_source_with_according_to_gives_the_source() -> None:
    found = speakers(
        "Judge Ann Lee heard the case on Monday.",
        "“When does it stop, and who pays for it?” the judge said, according to the Post.",
        "“We will appeal the whole ruling,” Tom Roe said in a statement according to The Blaze.",
        "“I will be there in the spring,” he told aides later, according to Ben Ortiz.",
    )
    assert ["the Post", "Blaze", "Tom Roe"] == found


def test_a_quote_after_a_colon_that_closes_a_cue_has_no_cue_after_it() -> None:
    found = speakers(
        "Ann Lee, the state director, reached out to the firm, writing in an email: “We want to "
        "use this right away.” Tom Roe, the firm's owner, said the campaign has yet to follow up.",
    )
    assert ["Ann Lee"] == found
