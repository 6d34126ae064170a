"""Kill a writer with SIGKILL at random moments, many times: the database always opens and
holds every article whose commit was acknowledged."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from store import Database
from store.articles import ArticleStore
from tests.conftest import ROOT

KILLS = 25


def test_sigkill_at_random_moments_never_loses_acknowledged_articles(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    acknowledged: set[int] = set()
    rng = random.Random(20261126)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_writer", str(path)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            env=env,
        )
        # Kill at a random moment once it writes: waiting for its first acknowledgement keeps a
        # slow start on a loaded machine from turning every kill into a kill before any write.
        assert writer.stdout is not None
        first = writer.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.5))
        writer.send_signal(signal.SIGKILL)
        rest, _ = writer.communicate()
        out = first + rest
        lines = out.decode().splitlines()
        # A line cut by the kill may be partial; only whole lines were acknowledged.
        if out and not out.endswith(b"\n"):
            lines = lines[:-1]
        for line in lines:
            acknowledged.update(int(x) for x in line.split())
        with Database(path) as db:
            store = ArticleStore(db)
            missing = [i for i in acknowledged if store.get(i) is None]
            assert [] == missing
    assert len(acknowledged) > KILLS  # the writer really wrote between kills
