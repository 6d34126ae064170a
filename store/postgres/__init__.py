"""PostgreSQL persistence: the same stores as the TinyDB backend, shared by several bot and
worker processes. Selected by a ``postgresql://`` database URL (see ``store.open``)."""

from store.postgres.database import PgDatabase, is_postgres_url

__all__ = ["PgDatabase", "is_postgres_url"]
