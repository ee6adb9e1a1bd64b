"""The PVZ's pure rules (no Qt): cell suggestion, the pickup session, inventory, shift counts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pvz_app.logic.cells import CellSlot, place, suggest_cell
from pvz_app.logic.conflicts import allowed_actions
from pvz_app.logic.inventory import CellCount, diff
from pvz_app.logic.issuing import PickupError, PickupUnit, session_for
from pvz_app.logic.reports import shift_counts
from shared.domain import Operation, OpType, UnitStatus


def slots(*loads: int, capacity: int = 3) -> list[CellSlot]:
    return [CellSlot(f"P:{i + 1:04d}", i + 1, capacity, n) for i, n in enumerate(loads)]


def test_a_customer_s_units_go_together() -> None:
    cells = slots(0, 2, 1)
    assert suggest_cell(cells, {"P:0003": 1}).cell_id == "P:0003"


def test_a_full_cell_is_never_suggested_even_for_the_same_customer() -> None:
    cells = slots(0, 3, 0)
    assert suggest_cell(cells, {"P:0002": 3}).cell_id == "P:0001"


def test_a_new_customer_gets_an_empty_cell_before_sharing() -> None:
    assert suggest_cell(slots(1, 0, 0), {}).cell_id == "P:0002"
    assert suggest_cell(slots(2, 1, 2), {}).cell_id == "P:0002"  # no empty cell: the most room


def test_no_room_anywhere() -> None:
    assert suggest_cell(slots(3, 3), {}) is None


@given(st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=30), st.integers(0, 40))
def test_filling_never_exceeds_capacity(loads: list[int], units: int) -> None:
    cells = slots(*loads, capacity=5)
    for _ in range(units):
        cell = suggest_cell(cells, {})
        if cell is None:
            assert all(c.units >= c.capacity for c in cells)
            break
        assert cell.units < cell.capacity
        cells = place(cells, cell.cell_id)
    assert all(c.units <= max(c.capacity, loads[i]) for i, c in enumerate(cells))


def unit(
    uid: str, status: UnitStatus = UnitStatus.ACCEPTED, pvz: str = "P", marking: bool = False
) -> PickupUnit:
    return PickupUnit(uid, f"L{uid}", status, pvz, 1, "thing", "4601234000017", marking)


def test_pickup_session_issues_and_refuses_in_one_payload() -> None:
    s = session_for(
        "O1", "C1", "P", [unit("a"), unit("b"), unit("c", UnitStatus.SHIPPED), unit("d", pvz="Q")]
    )
    assert [u.id for u in s.ready] == ["a", "b"]
    with pytest.raises(PickupError) as wrong:
        s.fetch(None, "Lzzz")
    assert wrong.value.code == "wrong_unit"
    with pytest.raises(PickupError) as transit:
        s.fetch("c", "Lc")
    assert transit.value.code == "not_ready:in_transit"
    with pytest.raises(PickupError):
        s.fetch("d", "Ld")
    s.fetch("a", "La")
    s.fetch("b", "Lb")
    with pytest.raises(PickupError):
        s.fetch("b", "Lb")
    s.refuse("b", "did_not_fit")
    assert s.payload() == {
        "order_id": "O1",
        "issued": ["a"],
        "refused": [{"unit_id": "b", "reason": "did_not_fit"}],
    }
    s.take("b")
    assert s.payload()["issued"] == ["a", "b"]


def test_marking_must_match_the_product_gtin() -> None:
    s = session_for("O1", "C1", "P", [unit("a", marking=True), unit("b")])
    s.fetch("a", "La")
    assert not s.can_complete
    with pytest.raises(PickupError):
        s.fetch("b", "Lb")  # the DataMatrix first
    with pytest.raises(PickupError) as mismatch:
        s.mark("4600000000000", "code")
    assert mismatch.value.code == "gtin_mismatch"
    s.mark("04601234000017", "code")  # GTIN-14 of the same product
    assert s.can_complete


def test_nothing_fetched_cannot_complete() -> None:
    s = session_for("O1", "C1", "P", [unit("a")])
    assert not s.can_complete
    with pytest.raises(PickupError):
        s.payload()


def test_inventory_count() -> None:
    c = CellCount("P:0001", {"a": "La", "b": "Lb"})
    assert c.scan("a", "La")
    assert not c.scan("a", "La")
    c.scan("x", "Lx")
    assert (c.found, c.missing, c.unexpected) == (["a"], ["b"], ["x"])
    assert diff(["a", "b"], ["b", "c"]) == (["a"], ["c"])


def test_shift_counts_from_the_journal() -> None:
    when = datetime(2026, 1, 1, tzinfo=UTC)

    def op(t: OpType, payload: dict[str, object]) -> Operation:
        return Operation("id", "dev", 1, t, payload, "u", when)

    ops = [
        op(OpType.ACCEPT_UNIT, {"unit_id": "a", "box_id": "b", "cell_id": "c"}),
        op(OpType.COMPLETE_PICKUP, {"order_id": "o", "issued": ["a", "b"], "refused": [{"unit_id": "c"}]}),
        op(OpType.MARK_MISSING, {"unit_id": "d", "reason": "shortage"}),
        op(OpType.RECORD_SURPLUS, {"box_id": "b", "label": "x"}),
    ]
    counts = shift_counts(ops)
    assert counts["accepted"] == 1 and counts["issued"] == 2 and counts["refused"] == 1
    assert counts["discrepancies"] == 2


def test_conflict_actions() -> None:
    assert allowed_actions("illegal_transition") == ("discard",)
    assert allowed_actions("unknown_unit") == ("retry", "discard")
