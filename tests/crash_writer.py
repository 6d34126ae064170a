"""Writer for the crash test: adds articles forever and prints each id once its commit returned
(that is the acknowledgement). Compacts often so kills land inside snapshot rewrites too."""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime

from briefings.model import Article, Quote
from store import Database
from store import database as database_module
from store.articles import ArticleStore


def main() -> None:
    database_module.MIN_COMPACT_BYTES = 30_000
    db = Database(sys.argv[1])
    store = ArticleStore(db)
    rng = random.Random()
    while True:
        batch = []
        for _ in range(rng.randint(1, 5)):
            token = rng.getrandbits(48)
            batch.append(
                Article(
                    title=f"Story {token}",
                    summary="A summary " * 20,
                    quotes=[Quote("We said something worth quoting here.", "A Person", True)],
                    topics=["crash test", f"t{token % 7}"],
                    url=f"https://example.com/{token}",
                    fingerprint=rng.getrandbits(64),
                    published=datetime.now(UTC),
                )
            )
        outcomes = store.add_many(batch)
        print(" ".join(str(o.id) for o in outcomes if o.status == "added"), flush=True)


if __name__ == "__main__":
    main()
