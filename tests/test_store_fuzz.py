"""Fuzzing the journal: random operations, failed writes at random bytes, kills mid-append
and damaged bytes. Every acknowledged op survives, or the open refuses with a clear
``DatabaseError``; nothing in between."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import Database, DatabaseError
from store.database import Delete, Op, Put
from store.files import encode
from tests.test_hostile_store import FailingDisk

TABLES = ["a", "b"]
text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
put = st.builds(
    Put,
    st.sampled_from(TABLES),
    st.integers(1, 6),
    st.fixed_dictionaries({"v": text, "n": st.integers(-5, 5)}),
    st.none() | st.fixed_dictionaries({"s": text}),  # a body, kept on disk
)
delete = st.builds(Delete, st.sampled_from(TABLES), st.integers(1, 6))
commit = st.tuples(st.just("commit"), st.lists(put | delete, min_size=1, max_size=4))
failing_commit = st.tuples(
    st.just("fail"), st.lists(put, min_size=1, max_size=4), st.integers(0, 200)
)
compact = st.tuples(st.just("compact"))
failing_compact = st.tuples(st.just("fail_compact"), st.integers(0, 200))
actions = st.lists(
    commit | failing_commit | compact | failing_compact | st.just(("reopen",)), max_size=12
)
endings = st.one_of(
    st.tuples(st.just("clean")),
    st.tuples(st.just("kill"), st.lists(put, min_size=1, max_size=3), st.floats(0, 1)),
    st.tuples(st.just("damage"), st.sampled_from(["journal", "snapshot"]), st.floats(0, 1)),
)

State = dict[str, dict[int, Any]]


def apply(state: State, ops: list[Op]) -> None:
    for op in ops:
        if isinstance(op, Put):
            state.setdefault(op.table, {})[op.doc_id] = {**op.doc, "body": op.body or {}}
        else:
            state.get(op.table, {}).pop(op.doc_id, None)


def contents(db: Database) -> State:
    """Each document with its body read back from disk."""
    return {
        t: {
            i: {**{k: v for k, v in doc.items() if k != "b"}, "body": db.body(doc)}
            for i, doc in db.documents(t)
        }
        for t in TABLES
        if dict(db.documents(t))
    }


def clean(state: State) -> State:
    return {t: docs for t, docs in state.items() if docs and t in TABLES}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actions=actions, ending=endings)
def test_acknowledged_ops_survive_failures_kills_and_damage_or_the_open_refuses(
    actions: list[tuple[Any, ...]], ending: tuple[Any, ...]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "db.json"
        disk = FailingDisk()
        db = Database(path, fsync=False, opener=disk)
        acked: State = {}
        for action in actions:
            kind = action[0]
            if kind == "commit":
                db.commit(action[1])
                apply(acked, action[1])
            elif kind == "fail":
                disk.room = action[2]
                try:
                    db.commit(action[1])
                except DatabaseError:
                    pass
                else:  # the whole payload fitted in the room given: acknowledged
                    apply(acked, action[1])
                disk.room = None
            elif kind == "compact":
                db.compact()
            elif kind == "fail_compact":
                disk.room = action[1]
                with contextlib.suppress(DatabaseError):
                    db.compact()
                disk.room = None
            else:
                db.close()
                db = Database(path, fsync=False, opener=disk)
            assert clean(acked) == contents(db)  # a failed commit is not kept in memory either
        db.close()

        journal = path.with_name(path.name + ".journal")
        if ending[0] == "kill":  # a commit cut at a random byte: never acknowledged
            cut = [Put(op.table, op.doc_id, op.doc) for op in ending[1]]
            payload = "".join(encode(op) for op in cut).encode()
            with open(journal, "ab") as handle:
                handle.write(payload[: int(len(payload) * ending[2])])
        elif ending[0] == "damage":
            target = journal if ending[1] == "journal" else path
            data = bytearray(target.read_bytes() if target.exists() else b"")
            if data:
                at = min(int(len(data) * ending[2]), len(data) - 1)
                data[at] = 0
                target.write_bytes(bytes(data))
        try:
            reopened = Database(path, readonly=True)
        except DatabaseError as exc:
            assert ending[0] == "damage", exc
            assert "\n" not in str(exc) and str(path) in str(exc)
            return
        with reopened:
            found = contents(reopened)
        if ending[0] == "kill":
            # A prefix of the cut commit may be kept (its whole lines); nothing else changes.
            lines: list[Op] = list(cut)
            candidates = []
            for k in range(len(lines) + 1):
                expected = {t: dict(d) for t, d in acked.items()}
                apply(expected, lines[:k])
                candidates.append(clean(expected))
            assert found in candidates
        else:
            assert clean(acked) == found
