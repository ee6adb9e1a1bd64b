"""One user action, several operations: journalled together or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared.domain import IllegalTransition, ManualClock, OpType, UnitStatus
from shared.store import LocalStore
from tests.unit.test_store_journal import BOX, CLERK, PICKER, PVZ, ch, clock, store, unit

__all__ = ["clock", "store"]  # fixtures


def test_closing_a_box_with_shortages_is_one_step(store: LocalStore) -> None:
    before = store.last_seq()
    done = store.record_many(
        [
            (OpType.MARK_MISSING, {"unit_id": "U1", "reason": "shortage"}),
            (OpType.MARK_MISSING, {"unit_id": "U2", "reason": "shortage"}),
            (OpType.CLOSE_ACCEPTANCE, {"box_id": BOX}),
        ],
        CLERK,
        kv={"pvz.last_box": BOX},
    )
    assert [r.op.seq for r in done] == [before + 1, before + 2, before + 3]
    assert store.unit("U1").status is UnitStatus.MISSING  # type: ignore[union-attr]
    assert store.kv_get("pvz.last_box") == BOX
    assert store.pending_count() == 3


def test_a_refusal_part_way_writes_nothing_at_all(store: LocalStore) -> None:
    before = store.last_seq()
    with pytest.raises(IllegalTransition):
        store.record_many(
            [
                (OpType.MARK_MISSING, {"unit_id": "U1", "reason": "shortage"}),
                (OpType.MARK_MISSING, {"unit_id": "U1", "reason": "shortage"}),  # MISSING -> MISSING
            ],
            CLERK,
            kv={"pvz.shift": "open"},
        )
    assert store.last_seq() == before
    assert store.pending_count() == 0
    assert store.unit("U1").status is UnitStatus.SHIPPED  # type: ignore[union-attr]
    assert store.kv_get("pvz.shift") is None


def test_a_later_op_sees_the_earlier_ones(tmp_path: Path, clock: ManualClock) -> None:
    s = LocalStore.open(tmp_path / "wh.sqlite3", "wh-dev", clock)
    s.apply_pull_page(
        [
            ch("location", "WH-1:A-01-01-1", site_id="WH-1", code="A-01-01-1"),
            ch("task", "T1", site_id="WH-1", order_id="O1", unit_ids=["U1"]),
            unit("U1", "PICKED", box_id=None),
        ],
        "5",
    )
    s.record_many(
        [
            (OpType.PACK_OPEN, {"box_id": "B1", "pvz_id": PVZ}),
            (OpType.PACK_UNIT, {"box_id": "B1", "unit_id": "U1"}),
        ],
        PICKER,
    )
    assert [u.id for u in s.units_in_box("B1")] == ["U1"]


def test_task_units_keep_picking_order_for_any_task_id(tmp_path: Path, clock: ManualClock) -> None:
    s = LocalStore.open(tmp_path / "wh.sqlite3", "wh-dev", clock)
    task = "T-1'; DROP TABLE units; --"
    s.apply_pull_page(
        [
            ch("task", task, site_id="WH-1", order_id="O1", unit_ids=["U3", "U1", "U2"]),
            *(unit(u, "PAID", box_id=None) for u in ("U1", "U2", "U3")),
        ],
        "5",
    )
    assert [u.id for u in s.task_units(task)] == ["U3", "U1", "U2"]
    assert len(s.units_by_status(UnitStatus.PAID)) == 3


def test_box_numbers_are_valid_never_repeat_and_follow_an_assigned_block(store: LocalStore) -> None:
    from shared.barcodes import ScanKind, parse

    forward = [store.next_sscc() for _ in range(50)]
    returns = [store.next_sscc(kind_return=True) for _ in range(5)]
    assert len(set(forward + returns)) == 55
    assert {parse(c).fields["box_kind"] for c in forward} == {"forward"}
    assert {parse(c).fields["box_kind"] for c in returns} == {"return"}
    assert all(parse(c).kind is ScanKind.BOX for c in forward)
    store.kv_set("device.sscc_block", "42")
    assigned = store.next_sscc()
    assert assigned[8:11] == "042", assigned  # extension, 7-digit company prefix, then the block
    # a box that already exists locally (pulled from the server) is skipped, not reused
    again = LocalStore.open(store.path, store.device_id, store.clock)
    assert again.next_sscc() not in {*forward, assigned}


def test_box_numbers_come_from_the_backends_blocks_in_order_and_never_go_back(store: LocalStore) -> None:
    store.kv_set("device.sscc_block", "42")
    legacy = store.next_sscc()  # a device that drew from its 3-digit block before
    store.add_sscc_ranges([[42_000_000, 42_999_999], [50_000, 59_999]])
    after = store.next_sscc()
    assert int(after[8:17]) == int(legacy[8:17]) + 1  # it carries on after what it gave out
    # a new epoch: only the epoch's fresh block from now on, from its start, each kind on its own
    store.add_sscc_ranges([[70_000, 70_003], [80_000, 89_999]], replace=True)
    forward = [int(store.next_sscc()[8:17]) for _ in range(6)]
    assert forward == [70_000, 70_001, 70_002, 70_003, 80_000, 80_001]
    assert int(store.next_sscc(kind_return=True)[8:17]) == 70_000
    assert store.sscc_refill_position() is None  # the newest block is not half used yet
    for _ in range(4_999):
        store.next_sscc()
    assert store.sscc_refill_position() == 85_000
    store.add_sscc_ranges([[80_000, 89_999], [90_000, 99_999], "junk"])  # a repeat is harmless
    assert store.sscc_refill_position() is None


def test_a_setting_can_name_the_seq_of_the_op_it_goes_with(store: LocalStore) -> None:
    (done,) = store.record_many(
        [(OpType.SHIFT_OPEN, {"shift_id": "S1"})],
        CLERK,
        kv=lambda recorded: {"pvz.shift": f"S1|{recorded[0].op.seq}"},
    )
    assert store.kv_get("pvz.shift") == f"S1|{done.op.seq}"
