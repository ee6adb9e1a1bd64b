"""A push result is applied only to the op it answers: same op_id *and* the op's wire seq.

The server answers each op with its `(op_id, seq)`. A result whose seq differs from the pending op's
seq as it went on the wire (local seq minus the device epoch's `seq_base`) answers some other push of
that op id - a stale or confused answer - and must be ignored: the op stays pending and is pushed
again, nothing is marked applied, and no conflict is recorded.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from shared.domain import ManualClock, OpType, Role, SiteKind
from shared.store import Actor, LocalStore

ACTOR = Actor("u1", "clerk", Role.CLERK, "PVZ-1", SiteKind.PVZ)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    s = LocalStore.open(tmp_path / "s.sqlite3", "dev-1", ManualClock(datetime(2026, 3, 1, 9, tzinfo=UTC)))
    yield s
    s.close()


def shift(store: LocalStore, n: int) -> str:
    return store.record(OpType.SHIFT_OPEN, {"shift_id": f"shift-{n}"}, ACTOR).op.op_id


def pending_ids(store: LocalStore) -> list[str]:
    return [op.op_id for op in store.pending_ops()]


@pytest.mark.parametrize("status", ["applied", "rejected"])
def test_a_result_with_another_seq_is_ignored(store: LocalStore, status: str) -> None:
    ids = [shift(store, n) for n in range(3)]
    [_, second, _] = store.pending_ops()
    assert store.wire(second)["seq"] == 2
    res = {"op_id": second.op_id, "seq": 3, "status": status, "reason": {"code": "conflict", "message": "x"}}
    out = store.apply_push_results([res])
    assert (out.applied, out.rejected, out.unknown) == (0, 0, 1)
    assert pending_ids(store) == ids  # still pending: it will be pushed again
    assert store.conflicts() == [] and not out.changes.conflicts
    # the right answer for the same op is taken
    out = store.apply_push_results([{**res, "seq": 2}])
    assert (out.applied, out.rejected, out.unknown) == ((1, 0, 0) if status == "applied" else (0, 1, 0))
    assert pending_ids(store) == [ids[0], ids[2]]


def test_after_a_new_device_epoch_the_wire_seq_is_what_must_match(store: LocalStore) -> None:
    done = shift(store, 0)
    assert store.apply_push_results([{"op_id": done, "seq": 1, "status": "applied"}]).applied == 1
    kept = [shift(store, n) for n in (1, 2)]  # local seqs 2 and 3
    assert store.start_epoch("dev-1b", None) == 2
    first, second = store.pending_ops()
    assert (first.seq, second.seq) == (2, 3)
    assert (store.wire(first)["seq"], store.wire(second)["seq"]) == (1, 2)
    # an answer carrying the op's local seq (not what was sent under this epoch) is not this push's
    out = store.apply_push_results(
        [
            {"op_id": first.op_id, "seq": 2, "status": "applied"},
            {"op_id": second.op_id, "seq": 3, "status": "applied"},
        ]
    )
    assert (out.applied, out.unknown) == (0, 2)
    assert pending_ids(store) == kept
    out = store.apply_push_results(
        [
            {"op_id": first.op_id, "seq": 1, "status": "applied"},
            {"op_id": second.op_id, "seq": 2, "status": "applied"},
        ]
    )
    assert (out.applied, out.unknown) == (2, 0)
    assert pending_ids(store) == []
