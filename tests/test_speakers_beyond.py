"""English speakers on news beyond US politics (issue 10): British house styles, sport,
interviews, business wires. One rule family per test, on short invented sentences."""

from __future__ import annotations

from briefings.reading.quotes import extract_quotes


def quotes(*paragraphs: str) -> list[tuple[str, str]]:
    return [(q.text, q.speaker) for q in extract_quotes("t", "", list(paragraphs))]


def test_single_marks_quote_speech_in_an_article_with_no_double_quotes() -> None:
    found = quotes(
        "Tom Roe admitted his side lost belief after the break.",
        "‘We didn’t create much and the players’ heads went down,’ Roe said. ‘It’s tough.",
        "‘We need to be more patient in the ‘90s style of the game.’",
        "Ann Lee praised her team.",
        "‘The performance was outstanding from start to finish,’ she said.",
    )
    assert [
        ("We didn’t create much and the players’ heads went down,", "Tom Roe"),
        ("It’s tough.", "Tom Roe"),
        ("We need to be more patient in the ‘90s style of the game.", "Tom Roe"),
        ("The performance was outstanding from start to finish,", "Ann Lee"),
    ] == found


def test_single_marks_stay_apostrophes_where_the_article_quotes_with_double_marks() -> None:
    found = quotes(
        "The ‘Save Our Park’ group met on Monday in the town hall.",
        "“We will keep fighting for the park,” said Ann Lee, its chair.",
    )
    assert [("We will keep fighting for the park,", "Ann Lee")] == found


def test_a_short_reply_with_its_own_cue_is_a_quote() -> None:
    found = quotes(
        "Jo Roe was asked whether she was worried about the vote.",
        "“No, not really,” Roe said. “We have done the work and the voters know it.”",
        "“We know there is no problem with the supply,” said Ben Ortiz. “Something odd happened.”",
    )
    assert [
        ("No, not really,", "Jo Roe"),
        ("We have done the work and the voters know it.", "Jo Roe"),
        ("We know there is no problem with the supply,", "Ben Ortiz"),
        ("Something odd happened.", "Ben Ortiz"),
    ] == found


def test_a_word_or_two_quoted_inside_a_sentence_stays_a_scare_quote() -> None:
    found = quotes(
        "Jo Roe called the plan “unfair.” Critics said it was “a gift to the big developers.”",
    )
    assert ["a gift to the big developers."] == [text for text, _ in found]


def test_a_surname_that_is_also_a_title_names_the_person_the_article_gave_in_full() -> None:
    found = quotes(
        "Ann Lee spoke to the host, Gayle King, on Tuesday morning.",
        "“What drew you to this candidate in the first place?” King asked Lee.",
        "“He has done the work for many years,” Lee said.",
        "“I keep hearing that from voters here,” King said.",
    )
    assert ["Gayle King", "Ann Lee", "Gayle King"] == [speaker for _, speaker in found]


def test_an_indefinite_description_after_the_verb_is_the_speaker_not_its_name_word() -> None:
    found = quotes(
        "Ben Ortiz left the party last year.",
        "“The governor misjudged the mood of the state,” said a GOP operative.",
        "“The rest of the members are furious about it,” said one Labour councillor.",
        "“Nobody expected the vote this early in the term,” said another aide.",
    )
    assert ["a GOP operative", "one Labour councillor", "another aide"] == [s for _, s in found]


def test_a_nationality_noun_stands_for_the_person_last_named() -> None:
    found = quotes(
        "Pablo Ruiz gambled with his line-up and lost at home on Tuesday.",
        "The Spaniard added: “I take full responsibility for the changes I made.”",
    )
    assert [("I take full responsibility for the changes I made.", "Pablo Ruiz")] == found


def test_a_two_word_title_before_a_name_is_not_part_of_it() -> None:
    found = quotes(
        "Chief Executive Satya Roe said the firm would cut its emissions by half.",
        "“Technology built without these principles can do more harm than good,” he said.",
    )
    assert [
        ("Technology built without these principles can do more harm than good,", "Satya Roe")
    ] == (found)


def test_the_words_after_an_organisation_and_a_link_name_no_pronoun_antecedent() -> None:
    found = quotes(
        "Ann Lee said she had been unwell for months.",
        "The Association for Suicide Prevention offers help by phone.",
        "“I just did not want to be alone any more,” she said.",
    )
    assert [("I just did not want to be alone any more,", "Ann Lee")] == found


def test_a_palace_is_no_person_a_pronoun_stands_for() -> None:
    found = quotes(
        "Ann Lee said the family had been cold to her from the start.",
        "Buckingham Palace had feared the interview for weeks.",
        "“That would be very damaging to them,” she said.",
    )
    assert [("That would be very damaging to them,", "Ann Lee")] == found


def test_a_person_known_by_one_name_and_echoed_by_a_pronoun_is_who_the_pronoun_means() -> None:
    found = quotes(
        "The host spoke with Prince Tom and Ayla, his wife, on Sunday.",
        "The Association for Rural Care and Helpers Worldwide offer advice by phone.",
        "Ayla said she had felt alone for months in the palace.",
        "“I could not call anyone from the house,” she said.",
    )
    assert [("I could not call anyone from the house,", "Ayla")] == found


def test_a_word_capitalised_only_where_it_opens_a_sentence_is_no_lone_name() -> None:
    found = quotes(
        "Ben Ortiz has been mayor since 2010.",
        "Allies say he does not see any need to fight.",
        "“It was the biggest fairy tale I have ever seen,” he said.",
    )
    assert [("It was the biggest fairy tale I have ever seen,", "Ben Ortiz")] == found


def test_a_subject_inverted_after_a_comma_speaks_the_quote_its_participle_leads_to() -> None:
    found = quotes(
        "Hundreds of nurses are leaving the service each month, says a report highlighting "
        "the “steady loss of skilled and trusted staff” in the region.",
    )
    assert [("steady loss of skilled and trusted staff", "a report")] == found


def test_a_clause_after_said_is_no_inverted_subject() -> None:
    found = quotes(
        "Ben Ortiz, the party’s field director, said the campaign would “do daily checks to find "
        "every voter who has already voted.”",
    )
    assert [("do daily checks to find every voter who has already voted.", "Ben Ortiz")] == found


def test_a_pronoun_right_after_an_unnamed_spokesperson_reported_speech_is_that_spokesperson() -> (
    None
):
    found = quotes(
        "Jo Roe, the union leader, said the staff would strike in March.",
        "But a spokesperson for the Hospital Employers’ Association said its members had raised pay.",
        "“We have worked with the unions for many years on these contracts,” he said.",
    )
    assert [
        (
            "We have worked with the unions for many years on these contracts,",
            "a spokesperson for the Hospital Employers’ Association",
        )
    ] == found


def test_straight_single_marks_quote_speech_before_a_capital_and_skip_apostrophes() -> None:
    found = quotes(
        "One saver told the paper he 'wouldn't dream' of investing with the firm's owners again.",
        "'It made me very uneasy,' the investor said. 'I hoped it would do all the things the "
        "firm promised but it's fallen far short.'",
    )
    assert [
        ("It made me very uneasy,", "the investor"),
        (
            "I hoped it would do all the things the firm promised but it's fallen far short.",
            "the investor",
        ),
    ] == found


def test_a_headline_in_single_marks_does_not_make_the_body_a_single_mark_text() -> None:
    found = extract_quotes(
        "'Roe is slipping' as the race tightens",
        "",
        ["“Roe is slipping,” said Ben Ortiz, a strategist in the state capital."],
    )
    assert [("Roe is slipping,", "Ben Ortiz")] == [(q.text, q.speaker) for q in found]


def test_a_person_of_a_body_described_by_a_noun_is_the_person() -> None:
    found = quotes(
        "The horse won at York last year.",
        "Mark Roe of owners Castle Hill Stud said: “It is a real shame, but this can happen "
        "with horses.”",
    )
    assert [("It is a real shame, but this can happen with horses.", "Mark Roe")] == found
