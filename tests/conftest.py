"""Shared fixtures: where ../shared lies, databases in memory and on disk, local HTTP servers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from store import Database
from store.open import Stores, open_stores

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = SHARED / "samples" / "europapress-armenia-azerbaijan.txt"
DEV = SHARED / "samples" / "dev"
CORPUS = SHARED / "corpus"

needs_shared = pytest.mark.skipif(
    not (SHARED / "samples").is_dir(),
    reason="../shared (gold files and corpus) is not beside this clone; CI always has it",
)


def load_json(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


@pytest.fixture(params=["memory", "file"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """Every store test runs against TinyDB in memory and against a real file."""
    database = Database(tmp_path / "db.json" if request.param == "file" else None)
    yield database
    database.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "newsbrief.json"


@pytest.fixture(params=["tinydb", "postgres"])
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Stores]:
    """The same test against both engines: a TinyDB file, then a fresh PostgreSQL database
    (the test module imports ``pg_url`` from ``tests.pg``)."""
    if request.param == "postgres":
        target: str | Path = request.getfixturevalue("pg_url")
    else:
        target = tmp_path / "db.json"
    opened = open_stores(target)
    yield opened
    opened.close()
