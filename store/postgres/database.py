"""A PostgreSQL database: a connection pool, the schema migrated at open, and session advisory
locks for the work only one process may do at a time (polling Telegram, sending briefings)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict
from psycopg_pool import ConnectionPool, PoolTimeout

from store.database import DatabaseError
from store.postgres.schema import migrate

log = logging.getLogger(__name__)
CONNECT_TIMEOUT = 10
# A dead peer (power cut, partition) is noticed by TCP keepalives within about half a minute,
# and its session locks are then released: that bounds how long a takeover can wait.
KEEPALIVES: dict[str, Any] = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
}


def is_postgres_url(value: str) -> bool:
    return value.startswith(("postgresql://", "postgres://"))


def describe(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql://?"
    host = parts.get("host") or "localhost"
    port = parts.get("port") or 5432
    return f"postgresql://{parts.get('user') or ''}{'@' if parts.get('user') else ''}{host}:{port}/{parts.get('dbname') or ''}"


class PgDatabase:
    """The pool every store of one process shares. Thread-safe; blocking (call it from threads)."""

    def __init__(self, url: str, *, readonly: bool = False, max_connections: int = 8) -> None:
        self.url = url
        self.readonly = readonly
        self.name = describe(url)
        try:  # one direct attempt first: a wrong URL fails at once, not after pool retries
            psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT).close()
        except psycopg.Error as exc:
            raise DatabaseError(f"cannot connect to {self.name}: {_first_line(exc)}") from exc
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=max_connections,
            kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT, **KEEPALIVES},
            open=False,
            name="newsbrief",
        )
        try:
            self._pool.open(wait=True, timeout=CONNECT_TIMEOUT)
        except PoolTimeout as exc:
            self._pool.close()
            raise DatabaseError(f"cannot connect to {self.name}") from exc
        with self.connection() as conn:
            applied = migrate(conn)
        if applied:
            log.info("%s: schema migrated (%d step(s))", self.name, applied)

    @contextmanager
    def connection(self) -> Iterator[psycopg.Connection[Any]]:
        try:
            with self._pool.connection() as conn:
                yield conn
        except psycopg.OperationalError as exc:
            raise DatabaseError(f"{self.name}: {_first_line(exc)}") from exc

    @contextmanager
    def transaction(self) -> Iterator[psycopg.Connection[Any]]:
        with self.connection() as conn, conn.transaction():
            yield conn

    def close(self) -> None:
        self._pool.close()

    def __enter__(self) -> PgDatabase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def session_lock(self, key: int) -> SessionLock:
        return SessionLock(self.url, key, self.name)


class SessionLock:
    """A PostgreSQL session advisory lock on a connection of its own. The server releases it
    when the holder's connection ends, so a killed holder frees it at once (or, when the peer
    vanished without closing, once keepalives give up)."""

    def __init__(self, url: str, key: int, name: str) -> None:
        self.url = url
        self.key = key
        self.name = name
        self._conn: psycopg.Connection[Any] | None = None
        self._lock = threading.Lock()

    def try_acquire(self) -> bool:
        """Take the lock if nobody holds it; True when this process holds it now."""
        with self._lock:
            if self._conn is not None and self._alive():
                return True
            self._drop()
            try:
                conn = psycopg.connect(
                    self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT, **KEEPALIVES
                )
            except psycopg.OperationalError as exc:
                log.warning("%s: cannot connect for the lock: %s", self.name, _first_line(exc))
                return False
            row = conn.execute("SELECT pg_try_advisory_lock(%s)", (self.key,)).fetchone()
            if row and row[0]:
                self._conn = conn
                return True
            conn.close()
            return False

    def held(self) -> bool:
        """Whether the lock is still ours (its connection still answers)."""
        with self._lock:
            if self._conn is None:
                return False
            if self._alive():
                return True
            self._drop()
            return False

    def release(self) -> None:
        with self._lock:
            self._drop()

    def _alive(self) -> bool:
        assert self._conn is not None
        try:
            self._conn.execute("SELECT 1")
            return True
        except psycopg.Error:
            return False

    def _drop(self) -> None:
        if self._conn is not None:
            with suppress(psycopg.Error):
                self._conn.close()
            self._conn = None


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
