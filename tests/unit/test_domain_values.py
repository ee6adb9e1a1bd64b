"""Ids, money, clocks and operations."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from shared.domain import IdFactory, InvalidOperation, ManualClock, Operation, OpType, UnitStatus
from shared.domain.ids import is_valid_id


def test_ids_sort_by_time_and_stay_unique_within_a_millisecond() -> None:
    clock = ManualClock()
    ids = IdFactory(clock)
    first = [ids.new() for _ in range(1000)]
    clock.advance(0.002)
    later = ids.new()
    assert len(set(first)) == 1000
    assert first == sorted(first)
    assert later > first[-1]
    assert all(is_valid_id(i) for i in first)


def test_operation_round_trips_and_names_its_effects() -> None:
    op = Operation(
        op_id="01J0000000000000000000000A",
        device_id="dev-1",
        seq=1,
        type=OpType.COMPLETE_PICKUP,
        payload={"order_id": "o1", "issued": ["u1"], "refused": [{"unit_id": "u2", "reason": "size"}]},
        actor="user-1",
        created_at=datetime(2026, 11, 25, 10, 0, tzinfo=UTC),
    )
    back = Operation.from_wire(op.to_wire())
    assert back == op
    assert back.effects() == [("u1", UnitStatus.ISSUED), ("u2", UnitStatus.REFUSED)]


@pytest.mark.parametrize(
    ("op_type", "payload", "fragment"),
    [
        (OpType.ACCEPT_UNIT, {"unit_id": "u1", "box_id": "b"}, "cell_id"),
        (OpType.ACCEPT_UNIT, {"unit_id": 5, "box_id": "b", "cell_id": "c"}, "wrong type"),
        (OpType.PICK_SKIP, {"task_id": "t", "unit_id": "u", "reason": "lunch"}, "not_found or damaged"),
        (OpType.COMPLETE_PICKUP, {"order_id": "o", "issued": ["u1", "u1"], "refused": []}, "twice"),
    ],
)
def test_bad_payloads_are_refused_with_a_reason(op_type: OpType, payload: dict, fragment: str) -> None:
    wire = {
        "op_id": "x",
        "device_id": "d",
        "seq": 1,
        "type": str(op_type),
        "payload": payload,
        "actor": "a",
        "created_at": "2026-11-25T10:00:00Z",
    }
    with pytest.raises(InvalidOperation) as err:
        Operation.from_wire(wire)
    assert fragment in err.value.message


def test_manual_clock_moves_only_when_told() -> None:
    clock = ManualClock(datetime(2026, 1, 1, tzinfo=UTC))
    before = clock.now()
    assert clock.now() == before
    clock.advance(60)
    assert (clock.now() - before).total_seconds() == 60
