"""TinyDB persistence: articles, feeds, chats and deliveries. Knows nothing of Telegram."""

from store.database import Database, DatabaseError

__all__ = ["Database", "DatabaseError"]
