"""Quote marks, attribution patterns and key quotes on small hand-written texts."""

from __future__ import annotations

import subprocess
import sys
import threading

from briefings.analyze import analyze
from briefings.model import RawArticle
from briefings.reading.quotes import extract_quotes
from tests.conftest import ROOT


def quotes(*paragraphs: str, title: str = "", dek: str = "") -> list[tuple[str, str]]:
    return [(q.text, q.speaker) for q in extract_quotes(title, dek, list(paragraphs))]


def test_curly_and_straight_quotes_in_both_orders() -> None:
    assert [
        ("We will rebuild the harbour this year,", "Maria Lopez"),
        ("The money is already in the budget,", "Maria Lopez"),
        ("Nobody asked the fishermen what they need.", "Tom Berg"),
    ] == quotes(
        "Mayor Maria Lopez spoke on Monday. “We will rebuild the harbour this year,” Lopez said.",
        '"The money is already in the budget," said Lopez.',
        "Opposition leader Tom Berg disagreed: “Nobody asked the fishermen what they need.”",
    )


def test_apostrophes_are_not_quote_marks_and_nested_single_quotes_stay() -> None:
    found = quotes(
        "The players’ union and Johnson’s lawyers met. “He told me ‘we are done here’ and left the room,” said union chief Ana Ruiz."
    )
    assert [("He told me ‘we are done here’ and left the room,", "Ana Ruiz")] == found


def test_double_apostrophe_closer_and_unclosed_quote_ending_with_its_paragraph() -> None:
    found = quotes(
        "“This is the end of an era’’ said coach Ben Stone after the final.",
        "Stone added that “the club will need years to recover from this season.",
    )
    assert [
        "This is the end of an era",
        "the club will need years to recover from this season.",
    ] == [t for t, _ in found]
    assert {"Ben Stone"} == {s for _, s in found}


def test_multi_paragraph_quote_keeps_its_speaker() -> None:
    found = quotes(
        "“We saw the water rising for hours before anyone came,” said resident Carla Diaz.",
        "“Then the power went out across the whole street and we waited in the dark.",
        "“Nobody from the council has called us since that night.”",
    )
    assert 3 == len(found) and {"Carla Diaz"} == {s for _, s in found}


def test_pronouns_descriptors_and_organisations() -> None:
    found = quotes(
        "Foreign Minister Lena Okafor met her counterpart on Tuesday.",
        "“The talks were difficult but honest,” she said.",
        "“We expect an agreement before the summer,” the minister added.",
        "The ministry later issued a statement. “No date has been set for the next round,” the statement said.",
    )
    assert ["Lena Okafor", "Lena Okafor", "the ministry"] == [s for _, s in found]


def test_scare_quotes_titles_and_headline_phrases_are_not_quotes() -> None:
    found = quotes(
        "Critics called the plan “reckless” and the band played “We Are The Champions Of The World” loudly.",
        "The campaign “Clean City Now For Everyone” started in May.",
        title="Mayor defends “reckless” plan",
    )
    assert [] == found


def test_a_sign_slogan_and_a_pull_quote_echo_are_not_quotes() -> None:
    found = quotes(
        "Nurses held signs with sayings such as, “More Nurses on Wards, Less Time in Queues.”",
        "“We write with urgency”",
        "“Winter is near, so we write with urgency,” the nurses wrote.",
    )
    assert ["Winter is near, so we write with urgency,"] == [text for text, _ in found]


def test_speaker_with_a_capitalised_affiliation_before_the_role() -> None:
    found = quotes(
        "“Nothing in the samples points to contamination,” Goddard planetary scientist Ana Vela said of the data.",
    )
    assert [("Nothing in the samples points to contamination,", "Ana Vela")] == found


def test_a_report_speaks_for_its_issuer_and_a_signed_letter_for_its_group() -> None:
    found = quotes(
        "Mayor Tom Reed said the budget was fine. “We are on track,” Reed said.",
        "Pressure grew as the City Audit Office released two critical reports that described “serious delays and rising costs in every project”.",
        "The doctors, members of the group Nurses for Safe Wards, wrote to the city.",
        "“This staffing level puts every patient at risk,” says the letter signed by nine doctors.",
    )
    assert ["Tom Reed", "City Audit Office", "Nurses for Safe Wards"] == [s for _, s in found]


def test_french_guillemets_and_german_quotes() -> None:
    french = analyze(
        RawArticle(
            title="Grève à Paris",
            paragraphs=[
                "Les syndicats ont appelé à une nouvelle journée de grève mardi dans les transports publics de la capitale.",
                "« Nous ne reculerons pas tant que le gouvernement refusera de négocier », a déclaré Sophie Martin, secrétaire générale du syndicat.",
            ],
        )
    )
    assert "fr" == french.language
    assert [
        ("Nous ne reculerons pas tant que le gouvernement refusera de négocier", "Sophie Martin")
    ] == [(q.text, q.speaker) for q in french.quotes]
    german = analyze(
        RawArticle(
            title="Streik in Berlin",
            paragraphs=[
                "Die Gewerkschaft hat für Dienstag zu einem weiteren Streik im öffentlichen Nahverkehr der Hauptstadt aufgerufen.",
                "„Wir werden nicht nachgeben, solange die Regierung nicht verhandelt“, sagte Anna Schmidt, die Vorsitzende der Gewerkschaft.",
            ],
        )
    )
    assert "de" == german.language
    assert [
        ("Wir werden nicht nachgeben, solange die Regierung nicht verhandelt", "Anna Schmidt")
    ] == [(q.text, q.speaker) for q in german.quotes]


def test_key_quotes_are_one_to_three_whole_statements() -> None:
    article = analyze(
        RawArticle(
            title="Port strike ends",
            paragraphs=[
                "Dock workers ended a two-week strike on Friday after the port authority agreed to a new contract.",
                "“This agreement gives every worker a fair wage and safer shifts at last,” said union leader Omar Haddad.",
                "Haddad said the deal was “good enough” for now.",
                "“We lost money every day the ships sat idle in the bay,” said shipping agent Lisa Park.",
            ],
        )
    )
    key = [q for q in article.quotes if q.key]
    assert 1 <= len(key) <= 3
    assert all(len(q.text.split()) >= 4 for q in key)
    assert "good enough" not in [q.text for q in article.quotes]


PATHOLOGICAL = """
import sys
from briefings.analyze import analyze
from briefings.model import RawArticle
line = "x" * 100_000
mega = ["He said “hello there my old friend” and then “more words here” to them. " * 40] * 700
a = analyze(RawArticle(title="t", paragraphs=[line]))
b = analyze(RawArticle(title="t", paragraphs=mega))
c = analyze(RawArticle(title="t", paragraphs=["He “A. B” c. " * 80_000]))  # 1 MB, one paragraph
print(len(a.summary) <= 400, len(b.summary) <= 400, len(b.quotes) > 0 and len(c.summary) <= 400)
"""


def test_a_1mb_article_and_a_100k_character_line_finish() -> None:
    # A guard against hangs (catastrophic regex backtracking), not a speed measurement.
    result = subprocess.run(
        [sys.executable, "-c", PATHOLOGICAL], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert "True True True" == result.stdout.strip(), result.stderr


def test_a_64kb_paragraph_flooded_with_quote_marks_is_analysed_in_bounded_time() -> None:
    # Issue 9 item 14: per-quote work is constant (look-backs are bounded), so a flood of quote
    # marks is linear. A hang guard with a generous join timeout, not a speed measurement.
    floods = ["“a b c d e,” he said. ", "“Word.” "]
    results: list[int] = []

    def work() -> None:
        for flood in floods:
            text = (flood * (65_536 // len(flood) + 1))[:65_536]
            results.append(len(analyze(RawArticle(title="t", paragraphs=[text])).quotes))

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout=10 * len(floods))
    assert not worker.is_alive()
    assert len(floods) == len(results) and results[0] > 1000


def test_a_scare_quote_before_a_quote_leaves_the_quote_and_its_speaker() -> None:
    found = quotes(
        "Critics called the plan “reckless” on Monday.",
        "“We will build the new line whatever the critics say,” said Mayor Jo Roe.",
    )
    assert [("We will build the new line whatever the critics say,", "Jo Roe")] == found
