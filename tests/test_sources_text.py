"""Plain-text article files: the scraped form of the sample and the dev set's header form."""

from __future__ import annotations

from datetime import datetime

from briefings.sources.text import parse_text_article
from tests.conftest import DEV, SAMPLE, load_json, needs_shared

SCRAPED = """World

Ministers meet in “historic” talks

Ministers meet in "historic" talks

The two sides agreed to meet again next month

March 3. (REUTERS) –

The foreign ministers of both countries met on Tuesday for the first time in a decade.

“We have a lot of work ahead of us,” said Maria Lopez, the foreign minister.

Share this article

Source link

Tags"""


def test_scraped_form_reads_section_title_dek_dateline_and_drops_boilerplate() -> None:
    article = parse_text_article(SCRAPED)
    assert "World" == article.section
    assert "Ministers meet in “historic” talks" == article.title
    assert "The two sides agreed to meet again next month" == article.dek
    assert "Reuters" == article.source
    assert "March 3 (Reuters)" == article.dateline
    assert 2 == len(article.paragraphs)
    assert article.paragraphs[-1].startswith("“We have a lot")


def test_header_form_reads_title_source_date_and_strips_a_place_dateline() -> None:
    text = "Title: A title\nSource: https://www.example.com/a?x=1\nDate: 2024-01-02T03:04:05+00:00\n\nLONDON (AP) — The body starts here and goes on.\n\nSecond paragraph."
    article = parse_text_article(text)
    assert "A title" == article.title
    assert "example.com" == article.source
    assert "https://www.example.com/a?x=1" == article.url
    assert datetime.fromisoformat("2024-01-02T03:04:05+00:00") == article.published
    assert "The body starts here and goes on." == article.paragraphs[0]
    assert "LONDON (AP)" == article.dateline


@needs_shared
def test_sample_matches_its_gold_metadata() -> None:
    gold = load_json(SAMPLE.with_suffix(".gold.json"))
    article = parse_text_article(SAMPLE.read_text("utf-8"))
    assert gold["section"] == article.section
    assert gold["title"] == article.title
    assert gold["dek"] == article.dek
    assert gold["dateline"]["agency"] == article.source
    assert article.dateline.startswith(gold["dateline"]["date"])
    body = "\n".join(article.paragraphs)
    assert "Source link" not in body and not body.rstrip().endswith("Tags")
    assert gold["title"].replace("“", '"').replace("”", '"') not in body  # the repeated title
    assert article.paragraphs[0].startswith("The Secretary of State")


@needs_shared
def test_every_dev_file_reads_with_its_gold_title() -> None:
    gold = load_json(DEV / "gold.json")
    for name, expected in gold.items():
        article = parse_text_article((DEV / name).read_text("utf-8"))
        assert expected["title"] == article.title, name
        assert article.paragraphs, name


def test_empty_text_is_a_clear_error() -> None:
    import pytest

    with pytest.raises(ValueError, match="empty"):
        parse_text_article("  \n\n ")


def test_a_colon_dateline_of_places_is_moved_off_the_text_but_a_label_is_not() -> None:
    article = parse_text_article(
        "Title: Moon landers\nSource: https://example.org/a\nDate: unknown\n\n"
        "Washington, DC, United States: Getting to the Moon has been done.\n\nMore text here."
    )
    assert "Washington, DC, United States" == article.dateline
    assert article.paragraphs[0].startswith("Getting to the Moon")
    labelled = parse_text_article(
        "Title: Note\nSource: https://example.org/b\nDate: unknown\n\n"
        "Update: The vote was moved to Friday.\n\nMore text here."
    )
    assert labelled.paragraphs[0].startswith("Update: The vote")
