"""1,000 chats (900 private, 100 groups) subscribed to the same minute, served by a local Bot
API server that enforces Telegram's limits with 429s. Prints delivered, lost, duplicates, 429s
received, achieved messages/s and the ratio to the 30/s limit.

Run: make bench (or python -m tests.benchmarks.delivery_bench).
"""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from store import Database
from store.chats import Chat, ChatStore
from tests.benchmarks.common import require_shared
from tests.botrun import running_bot

PRIVATE, GROUPS = 900, 100
LEAD_SECONDS = 25  # the bot starts and schedules every job before the minute comes


def main() -> dict[str, float]:
    require_shared()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "bench.json"
        at = (datetime.now(UTC) + timedelta(seconds=LEAD_SECONDS)).strftime("%H:%M:%S")
        private = list(range(10_000, 10_000 + PRIVATE))
        groups = [-(1_000_000 + i) for i in range(GROUPS)]
        with Database(db) as database:
            chats = ChatStore(database)
            for chat_id in private + groups:
                kind = "group" if chat_id < 0 else "private"
                chats.save(Chat(chat_id=chat_id, type=kind, topics=["armenia"], times=[at]))
        started = time.monotonic()
        with running_bot(
            folder, "--log-level", "INFO", db=db, tg_options={"enforce_limits": True}
        ) as bot:
            everyone = set(private + groups)

            def done() -> bool:
                got = {int(c.params["chat_id"]) for c in bot.tg.sent()}
                return everyone <= got

            bot.tg.wait_for(done, timeout=LEAD_SECONDS + 240)
            time.sleep(3)  # anything sent twice would arrive now
            sends = bot.tg.sent()
            rejected = [c for c in bot.tg.calls if c.method == "sendMessage" and not c.ok]
            logs = bot.logs()
    per_chat: dict[int, int] = {}
    for call in sends:
        chat_id = int(call.params["chat_id"])
        per_chat[chat_id] = per_chat.get(chat_id, 0) + 1
    times = sorted(c.at for c in sends)
    rate = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0
    results = {
        "chats": float(PRIVATE + GROUPS),
        "messages": float(len(sends)),
        "delivered_chats": float(len(per_chat)),
        "lost": float(PRIVATE + GROUPS - len(per_chat)),
        "duplicates": float(sum(1 for n in per_chat.values() if n > 1)),
        "429s": float(sum(1 for c in rejected if c.error.startswith("Too Many Requests"))),
        "messages_per_s": rate,
        "ratio_to_limit": rate / 30.0,
        "run_seconds": times[-1] - times[0] if times else 0.0,
    }
    run_line = next((line for line in logs.splitlines() if "briefing run" in line), "")
    print(
        f"delivery: {int(results['delivered_chats'])}/{PRIVATE + GROUPS} chats "
        f"({PRIVATE} private, {GROUPS} groups) got their briefing; lost {int(results['lost'])}, "
        f"duplicates {int(results['duplicates'])}, 429s received {int(results['429s'])}"
    )
    print(
        f"achieved {rate:.1f} messages/s over {results['run_seconds']:.1f} s = "
        f"{results['ratio_to_limit']:.2f} of Telegram's 30/s (target >= 27/s); "
        f"whole benchmark {time.monotonic() - started:.0f} s"
    )
    print(f"bot's log: {run_line.split(': ', 1)[-1]}")
    return results


if __name__ == "__main__":
    main()
