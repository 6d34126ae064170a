"""Who a pronoun or a cue-less quote stands for: sentence subjects after opening phrases, role
words before a name, appositions, on short invented sentences."""

from __future__ import annotations

from briefings.reading.quotes import extract_quotes


def speakers(*paragraphs: str) -> list[str]:
    return [q.speaker for q in extract_quotes("t", "", list(paragraphs))]


def test_a_participle_phrase_before_the_subject_is_not_the_subject() -> None:
    assert ["Ann Lee"] == speakers(
        "Tom Roe and Ms. Ann Lee spoke in the morning.",
        "Speaking in the harbour town, Lee, without naming him, attacked the plan.",
        "“You cannot build a bridge with promises alone,” she said.",
    )


def test_an_adverbial_phrase_before_the_subject_is_not_the_subject() -> None:
    assert ["Ann Lee"] == speakers(
        "Ms. Ann Lee and Tom Roe met at the port.",
        "Just a few weeks ago, Roe voiced doubts about the plan.",
        "Barely a day later, Lee voiced hers.",
        "“The port will not wait for the council to make up its mind,” she said.",
    )


def test_a_role_word_between_a_team_and_a_name_keeps_the_person_as_subject() -> None:
    assert ["Tom Roe"] == speakers(
        "Ann Lee scored twice. Harbour defenseman Tom Roe, who joked about it, smiled.",
        "“She always finds a way to score in the end,” he said.",
    )


def test_a_title_left_on_a_name_run_still_finds_the_known_person() -> None:
    assert ["Ann Lee"] == speakers(
        "Tom Roe spoke first. Ann Lee spoke next. The port staff listened.",
        "That, Port Chief of Staff Ann Lee explained, is by design.",
        "“We planned it this way from the very start,” she said.",
    )


def test_a_guessed_speaker_is_no_new_mention_for_a_pronoun() -> None:
    # The phrase in the second paragraph has no cue: its guessed speaker (Ann Lee) must not
    # count as the last person mentioned when "he" comes.
    assert ["Pat Oro", "Tom Roe"] == speakers(
        "“We will open the port in the spring,” said Pat Oro.",
        "The tide, Mr. Tom Roe said, was rising fast.",
        "The slogan - “open the port for all” - was everywhere.",
        "“I see the boats from my window every single night,” he said.",
    )[::2]


def test_an_apposition_that_is_a_source_or_a_workplace_does_not_replace_the_person() -> None:
    assert ["Tom Roe", "Ann Lee"] == speakers(
        "Tom Roe, via the Harbour Times, said that the port “cannot pay for the new bridge alone.”",
        "Senior author Dr. Ann Lee, a professor at the Port School of Public Health, "
        "commented: “The data are clear on this point.”",
    )


def test_the_subject_of_a_sentence_is_never_a_clause() -> None:
    found = speakers(
        "Amid the noise, The Harbour’s Ann Lee gave a reason for the plan, saying it must "
        "“bring the boats back to this port.”",
    )
    assert ["Ann Lee"] == found


def test_a_person_after_a_verb_of_reported_speech_is_remembered_for_a_pronoun() -> None:
    assert ["Pat Oro"] == speakers(
        "Tom Roe opened the meeting.",
        "The council must act before the winter, said Pat Oro, a harbour pilot.",
        "“The boats cannot wait for the money much longer,” he said.",
    )


def test_a_person_before_an_apposition_and_a_reporting_verb_is_remembered() -> None:
    assert ["Pat Oro"] == speakers(
        "Tom Roe opened the meeting.",
        "Later, Pat Oro, a harbour pilot who has worked here for years, warned the council.",
        "“The boats cannot wait for the money much longer,” he said.",
    )


def test_a_name_after_said_is_not_the_speaker_when_it_starts_reported_speech() -> None:
    assert ["Tom Roe"] == speakers(
        "Tom Roe spoke at the harbour. He said Pat Oro had found the money.",
        "“We will see whether the money comes this time,” he said.",
    )


def test_a_cue_after_a_quote_reads_a_role_before_an_apposed_name() -> None:
    assert ["Pat Oro", "Pat Oro"] == speakers(
        "“We will win the vote in the spring,” the pilot Pat Oro, a harbour veteran, wrote.",
        "“The money is there for the new bridge,” Roe's campaign manager, Pat Oro, said.",
    )


def test_a_clause_is_never_a_speaker() -> None:
    found = speakers(
        "Ann Lee spoke at the harbour on Monday about the new bridge and the money for it.",
        "The plan, she argued, was ready, and that it is “the best plan this town has seen.”",
    )
    assert all(len(s.split()) <= 4 and " is" not in s for s in found)


def test_a_common_given_name_outweighs_one_pronoun_echo_for_gender() -> None:
    # "He" after a sentence about Ann Lee is not Ann Lee's gender: the given name says more.
    assert ["Tom Roe", "Ann Lee"] == speakers(
        "Tom Roe said Ann Lee should be ready. He went to the rally.",
        "“It will be a hard fight for all of us in the end,” he said.",
        "Ann Lee answered him. “I am ready for the fight and I always was,” she said.",
    )


def test_a_known_person_before_an_aside_is_the_speaker_not_the_place_in_the_aside() -> None:
    assert ["Ann Lee"] == speakers(
        "Ann Lee toured the state on Monday.",
        "Lee, during a meeting in Port Roe, Harbour State, said she was “going to bring the "
        "boats back to every port in the state.”",
    )


def test_a_place_after_an_opening_phrase_is_part_of_the_phrase() -> None:
    assert ["Tom Roe"] == speakers(
        "Tom Roe and Ann Lee spoke on Monday.",
        "Speaking at the harbour in Dayton, Ohio, Roe went after Lee.",
        "“She has never built a single bridge in her life,” he said.",
    )


def test_a_quote_in_a_sentence_without_a_reporting_verb_is_the_acting_persons() -> None:
    found = [
        q.speaker
        for q in extract_quotes(
            "t",
            "",
            [
                "Ben Ortiz spoke first on Monday in Leeds.",
                "It has become such a force that Ann Lee during a visit thanked its members “for "
                "their support of my whole campaign.”",
                "Tom Roe blocked the plan, while Ann Lee, the former mayor, proposed we “wake up and "
                "smell the coffee for once.”",
                "Ann Lee, who now runs Harbour Lake Holdings, labeled Ben Ortiz “unfit to run the "
                "town for another year.”",
                "Ann Lee says the town wants a leader, but instead Tom Roe is giving them “lectures "
                "and more lectures every single week.”",
            ],
        )
    ]
    assert ["Ann Lee", "Ann Lee", "Ann Lee", "Ann Lee"] == found


def test_a_description_after_a_verb_is_its_object_not_the_speaker() -> None:
    found = [
        q.speaker
        for q in extract_quotes(
            "t",
            "",
            [
                "Tom Roe spoke first on Monday in Leeds.",
                "Ann Lee delivered a snappy retort: “No one is tearing this plan up today.”",
            ],
        )
    ]
    assert ["Ann Lee"] == found
