"""The command line, run as a user runs it: a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEV, ROOT, SAMPLE, needs_shared
from tests.fakes.http_server import serve

COMMANDS = ["ingest", "analyze", "latest", "topic", "topics", "prune"]


def run(
    *args: str, db: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("NEWSBRIEF_DB", None)
    if db is not None:
        env["NEWSBRIEF_DB"] = str(db)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_on_every_command(command: str) -> None:
    result = run(*([command] if command else []), "--help")
    assert 0 == result.returncode
    assert "usage: newsbrief" in result.stdout


@needs_shared
def test_analyze_json_prints_one_object_with_the_documented_fields() -> None:
    result = run("analyze", str(SAMPLE), "--json")
    assert 0 == result.returncode, result.stderr
    data = json.loads(result.stdout)
    assert {
        "title",
        "dek",
        "section",
        "published",
        "source",
        "url",
        "language",
        "summary",
        "quotes",
        "topics",
    } == set(data)
    assert 13 == len(data["quotes"])  # 11 gold quotes and 2 optional quoted phrases
    assert {"text", "speaker", "key"} == set(data["quotes"][0])
    assert not data["quotes"][0]["text"].startswith(("“", '"'))
    assert "Asia" == data["section"] and "en" == data["language"]


@needs_shared
def test_ingest_then_latest_topic_and_topics(db_path: Path) -> None:
    result = run("ingest", str(SAMPLE), str(DEV), db=db_path)
    assert 0 == result.returncode, result.stderr
    assert "added 17, duplicates 0, failed 0" in result.stdout
    assert "skipped 2 files that are not articles" in result.stderr
    again = run("ingest", str(SAMPLE), db=db_path)
    assert 0 == again.returncode and "added 0, duplicates 1, failed 0" in again.stdout

    latest = json.loads(run("latest", "-n", "3", "--json", db=db_path).stdout)
    assert 3 == len(latest) and all("id" in a for a in latest)

    topic = run("topic", "karabagh", "--json", db=db_path)
    assert 0 == topic.returncode
    assert [
        "US points to “significant progress” in “constructive” contacts between Armenia and Azerbaijan"
    ] == [a["title"] for a in json.loads(topic.stdout)]
    counts = json.loads(run("topics", "--json", db=db_path).stdout)
    assert counts["united states"] >= 2


def test_bad_inputs_fail_one_line_each_and_the_rest_goes_on(tmp_path: Path, db_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n")
    good = tmp_path / "good.txt"
    good.write_text(
        "Title: Harbour reopens\n\nThe harbour reopened on Monday after a week of storms, the port "
        "authority said. “Ships are moving again,” said harbour master Ole Nansen."
    )
    result = run(
        "ingest",
        str(empty),
        str(binary),
        str(pdf),
        str(tmp_path / "missing.txt"),
        str(good),
        db=db_path,
    )
    assert 0 == result.returncode
    assert "added 1, duplicates 0, failed 4" in result.stdout
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    assert 4 == len(failed)
    assert any("empty file" in line for line in failed)
    assert any("binary file" in line for line in failed)
    assert any("PDF" in line for line in failed)
    assert any("no such file" in line for line in failed)
    assert "Traceback" not in result.stderr


def test_ingest_exits_1_when_everything_failed(tmp_path: Path, db_path: Path) -> None:
    result = run("ingest", str(tmp_path / "nope.txt"), db=db_path)
    assert 1 == result.returncode
    assert "added 0, duplicates 0, failed 1" in result.stdout


def test_a_path_the_system_refuses_is_one_short_failure_line(tmp_path: Path, db_path: Path) -> None:
    too_long = str(tmp_path / ("a" * 3000 + ".txt"))  # over NAME_MAX, under the argument cap
    good = tmp_path / "good.txt"
    good.write_text(
        "Title: Ferry service resumes\n\nThe ferry between the two islands runs again after a "
        "month of repairs, the harbour office said on Monday. Crews replaced the ramp.\n"
    )
    result = run("ingest", too_long, str(good), db=db_path)
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    assert 1 == len(failed)
    assert failed[0].endswith(": File name too long") and len(failed[0]) < 300
    assert "Traceback" not in result.stderr
    assert "added 1," in result.stdout


def test_http_errors_and_non_articles_from_urls_are_one_line(db_path: Path) -> None:
    with serve() as site:
        site.add("/gone", "nope", status=404)
        site.add("/front", "<html><body><nav>Home</nav><p>Short.</p></body></html>")
        result = run(
            "ingest", "--allow-private", site.base + "/gone", site.base + "/front", db=db_path
        )
    assert 1 == result.returncode
    assert "HTTP 404" in result.stderr
    assert "not an article" in result.stderr
    assert "Traceback" not in result.stderr


def test_private_addresses_are_refused_unless_allowed(db_path: Path) -> None:
    with serve() as site:
        url = site.add("/a", "x")
        result = run("ingest", url, db=db_path)
    assert 1 == result.returncode
    assert "private or local address" in result.stderr


def test_topic_without_match_suggests(db_path: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "Title: Armenia talks\n\nArmenia and Azerbaijan met in Washington on Monday for talks."
    )
    run("ingest", str(good), db=db_path)
    result = run("topic", "armenai", db=db_path)
    assert "armenia" in result.stdout.lower()
    result = run("topic", "zzzzqqq", db=db_path)
    assert 1 == result.returncode and "No articles" in result.stdout


def test_bad_database_path_is_one_clear_line(tmp_path: Path) -> None:
    result = run("latest", "--db", str(tmp_path / "no" / "such" / "db.json"))
    assert 2 == result.returncode
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_latest_reads_a_database_that_has_only_a_journal_so_far(
    tmp_path: Path, db_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Title: Bridge opens\n\nThe new bridge over the river opened on Monday after four years of work, the city said."
    )
    assert 0 == run("ingest", str(article), db=db_path).returncode
    assert not db_path.exists()  # nothing compacted yet: all in the journal
    assert ["Bridge opens"] == [
        a["title"] for a in json.loads(run("latest", "--json", db=db_path).stdout)
    ]


def test_feeds_add_list_export_import_and_remove(tmp_path: Path, db_path: Path) -> None:
    result = run("feeds", "add", "https://a.example/rss", "ftp://nope", db=db_path)
    assert "added https://a.example/rss" in result.stdout and "not an http(s) URL" in result.stderr
    exported = run("feeds", "export", db=db_path).stdout
    assert 'xmlUrl="https://a.example/rss"' in exported
    opml = tmp_path / "feeds.opml"
    opml.write_text(exported.replace("https://a.example/rss", "https://b.example/atom"))
    assert "imported 1 new feeds of 1" in run("feeds", "import", str(opml), db=db_path).stdout
    listing = run("feeds", "list", db=db_path).stdout
    assert "https://a.example/rss" in listing and "https://b.example/atom" in listing
    assert (
        "removed https://a.example/rss"
        in run("feeds", "remove", "https://a.example/rss", db=db_path).stdout
    )
    bad = tmp_path / "bad.opml"
    bad.write_text("<opml><body><outline")
    result = run("feeds", "import", str(bad), db=db_path)
    assert 1 == result.returncode and "not a readable OPML file" in result.stderr


def test_a_second_writer_is_refused_while_the_database_is_in_use(
    tmp_path: Path, db_path: Path
) -> None:
    from store import Database

    with Database(db_path):
        result = run("feeds", "add", "https://a.example/rss", db=db_path)
    assert 2 == result.returncode and "in use by another newsbrief process" in result.stderr
