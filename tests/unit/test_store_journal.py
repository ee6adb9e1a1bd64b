"""The local store: journal, local effects checked against the domain table, pull, conflicts, reads."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from shared.domain import IllegalTransition, InvalidOperation, ManualClock, OpType, Role, SiteKind, UnitStatus
from shared.store import Actor, LocalStore, StoreError

PVZ = "PVZ-1"
CLERK = Actor("u-clerk", "clerk", Role.CLERK, PVZ, SiteKind.PVZ)
PICKER = Actor("u-pick", "picker", Role.WAREHOUSE, "WH-1", SiteKind.WAREHOUSE)
BOX = "146012340000000017"
EXPECTED = [
    "0001_core_journal",
    "0002_entities",
    "0003_short_code_salt",
    "0004_catalog_fts_maintained_by_store",
    "0005_journal_strict",
    "0006_evidence",
    "0007_order_number_payment",
    "0008_category_fitting",
    "0009_journal_chain",
    "0010_discrepancies",
]


def ch(entity: str, key: str, **data: Any) -> dict[str, Any]:
    return {"entity": entity, "id": key, "op": "upsert", "data": data}


def unit(key: str, status: str = "SHIPPED", **kw: Any) -> dict[str, Any]:
    data = {
        "label": f"L{key}",
        "order_id": kw.pop("order_id", "O1"),
        "sku": "SKU1",
        "status": status,
        "pvz_id": PVZ,
        "customer_id": kw.pop("customer_id", "C1"),
        "box_id": BOX,
        **kw,
    }
    return ch("unit", key, **data)


def seed() -> list[dict[str, Any]]:
    return [
        ch("site", PVZ, kind="pvz", name="Пункт 1", storage_days=7),
        *[ch("cell", f"{PVZ}:{n:04d}", site_id=PVZ, number=n, capacity=3) for n in range(1, 4)],
        ch(
            "product",
            "SKU1",
            name="Кроссовки беговые",
            brand="Бренд",
            price_kopecks=499000,
            gtin="4600000000017",
        ),
        ch(
            "product", "SKU2", name="Куртка зимняя", brand="Север", price_kopecks=899000, gtin="4600000000024"
        ),
        ch(
            "order",
            "O1",
            customer_id="C1",
            pvz_id=PVZ,
            amount_kopecks=499000,
            customer_phone="+7 999 123-45-67",
        ),
        ch("order", "O2", customer_id="C2", pvz_id=PVZ, amount_kopecks=1000),
        ch("box", BOX, kind="forward", origin_site_id="WH-1", destination_site_id=PVZ, closed=True),
        unit("U1"),
        unit("U2"),
        unit("U3", order_id="O2", customer_id="C2"),
    ]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))


@pytest.fixture
def store(tmp_path: Path, clock: ManualClock) -> LocalStore:
    s = LocalStore.open(tmp_path / "app" / "local.sqlite3", "pvz-dev-1", clock)
    s.apply_pull_page(seed(), "10")
    return s


def accept(store: LocalStore, uid: str, cell: int = 1) -> Any:
    return store.record(
        OpType.ACCEPT_UNIT, {"unit_id": uid, "box_id": BOX, "cell_id": f"{PVZ}:{cell:04d}"}, CLERK
    )


def test_open_sets_wal_full_sync_and_records_named_migrations(tmp_path: Path, clock: ManualClock) -> None:
    path = tmp_path / "a" / "b.sqlite3"
    s = LocalStore.open(path, "dev", clock)
    assert s.migrations() == EXPECTED
    s.close()
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()
    again = LocalStore.open(path, "dev", clock)  # reopening runs nothing twice
    assert again.migrations() == EXPECTED
    assert again._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert again._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_record_applies_effect_and_journals_with_gap_free_seq(store: LocalStore) -> None:
    first = accept(store, "U1")
    assert first.op.seq == 1 and first.op.actor == CLERK.user_id and first.op.device_id == "pvz-dev-1"
    assert (
        first.changes.units == {"U1"}
        and f"{PVZ}:0001" in first.changes.cells
        and "O1" in first.changes.orders
    )
    view = store.unit("U1")
    assert view is not None and view.status is UnitStatus.ACCEPTED and view.cell_id == f"{PVZ}:0001"
    assert view.pending and view.product_name == "Кроссовки беговые" and view.cell_number == 1
    with pytest.raises(IllegalTransition):
        accept(store, "U1")  # already accepted: refused, nothing written
    with pytest.raises(InvalidOperation) as bad:
        store.record(OpType.ACCEPT_UNIT, {"unit_id": "U2", "box_id": BOX}, CLERK)
    assert bad.value.code == "invalid_payload"
    with pytest.raises(InvalidOperation) as unknown:
        accept(store, "NOPE")
    assert unknown.value.code == "unknown_unit"
    with pytest.raises(InvalidOperation) as odd:
        store.record(OpType.SHIFT_OPEN, {"shift_id": "s", "extra": object()}, CLERK)
    assert odd.value.code == "invalid_payload"
    second = accept(store, "U2", cell=2)
    assert second.op.seq == 2  # failed attempts took no seq
    assert [op.seq for op in store.pending_ops()] == [1, 2]
    assert store.pending_count() == 2


def test_invalid_operation_writes_nothing_even_after_partial_work(store: LocalStore) -> None:
    accept(store, "U1")
    accept(store, "U3", cell=2)
    # U1 can be issued, U3 belongs to another order: the whole pickup is refused, U1 untouched
    with pytest.raises(InvalidOperation) as err:
        store.record(OpType.COMPLETE_PICKUP, {"order_id": "O1", "issued": ["U1", "U3"], "refused": []}, CLERK)
    assert err.value.code == "wrong_order"
    u1 = store.unit("U1")
    assert u1 is not None and u1.status is UnitStatus.ACCEPTED
    assert store.pending_count() == 2 and store.last_seq() == 2


def test_wrong_role_or_site_is_refused(store: LocalStore) -> None:
    with pytest.raises(InvalidOperation) as err:
        store.record(OpType.ACCEPT_UNIT, {"unit_id": "U1", "box_id": BOX, "cell_id": f"{PVZ}:0001"}, PICKER)
    assert err.value.code == "wrong_site"
    other_pvz = Actor("u2", "c2", Role.CLERK, "PVZ-2", SiteKind.PVZ)
    with pytest.raises(InvalidOperation):
        store.record(
            OpType.ACCEPT_UNIT, {"unit_id": "U1", "box_id": BOX, "cell_id": f"{PVZ}:0001"}, other_pvz
        )
    assert store.pending_count() == 0


def test_pvz_day_accept_pickup_refuse_return(store: LocalStore) -> None:
    accept(store, "U1")
    accept(store, "U2")
    done = store.record(
        OpType.COMPLETE_PICKUP,
        {"order_id": "O1", "issued": ["U1"], "refused": [{"unit_id": "U2", "reason": "size"}]},
        CLERK,
    )
    assert done.changes.units == {"U1", "U2"}
    u1, u2 = store.unit("U1"), store.unit("U2")
    assert u1 is not None and u1.status is UnitStatus.ISSUED and u1.cell_id is None
    assert u2 is not None and u2.status is UnitStatus.REFUSED
    assert store.order("O1") is not None and store.order("O1").status == "COMPLETED"  # type: ignore[union-attr]
    rbox = "246012340000000015"
    store.record(OpType.RETURN_OPEN, {"box_id": rbox}, CLERK)
    with pytest.raises(InvalidOperation):
        store.record(OpType.RETURN_CLOSE, {"box_id": rbox}, CLERK)  # empty box
    store.record(OpType.RETURN_PACK, {"box_id": rbox, "unit_id": "U2", "reason": "refused"}, CLERK)
    store.record(OpType.RETURN_CLOSE, {"box_id": rbox}, CLERK)
    view = store.box(rbox)
    assert (
        view is not None
        and view.closed
        and view.local_only
        and view.unit_count == 1
        and view.kind == "return"
    )
    store.record(OpType.RETURN_HANDOVER, {"box_ids": [rbox], "unit_ids": ["U2"]}, CLERK)
    assert store.unit("U2").status is UnitStatus.RETURN_SHIPPED  # type: ignore[union-attr]
    assert store.box(rbox).handed_over  # type: ignore[union-attr]
    assert [op.seq for op in store.pending_ops()] == list(range(1, 8))


def test_warehouse_pick_pack_route(tmp_path: Path, clock: ManualClock) -> None:
    s = LocalStore.open(tmp_path / "wh.sqlite3", "wh-dev", clock)
    s.apply_pull_page(
        [
            ch("location", "WH-1:A-01-01-1", site_id="WH-1", code="A-01-01-1"),
            ch("task", "T1", site_id="WH-1", order_id="O1", unit_ids=["U1", "U2"]),
            unit("U1", "PAID", box_id=None),
            unit("U2", "PAID", box_id=None),
            unit("U4", "PAID", box_id=None),
        ],
        "5",
    )
    assert [t.id for t in s.pick_tasks()] == ["T1"] and s.pick_task("T1").done == 0  # type: ignore[union-attr]
    pick = s.record(
        OpType.PICK_UNIT, {"task_id": "T1", "unit_id": "U1", "location_id": "WH-1:A-01-01-1"}, PICKER
    )
    assert pick.changes.tasks == {"T1"}
    s.record(OpType.PICK_SKIP, {"task_id": "T1", "unit_id": "U2", "reason": "damaged"}, PICKER)
    assert s.pick_tasks() == [] and s.pick_task("T1").done == 2  # type: ignore[union-attr]
    assert [u.id for u in s.task_units("T1")] == ["U1", "U2"]
    with pytest.raises(InvalidOperation) as err:
        s.record(
            OpType.PICK_UNIT, {"task_id": "T9", "unit_id": "U4", "location_id": "WH-1:A-01-01-1"}, PICKER
        )
    assert err.value.code == "unknown_task"
    with pytest.raises(InvalidOperation) as err:
        s.record(
            OpType.PICK_UNIT, {"task_id": "T1", "unit_id": "U4", "location_id": "WH-1:A-01-01-1"}, PICKER
        )
    assert err.value.code == "not_in_task"
    s.record(OpType.PACK_OPEN, {"box_id": "B9", "pvz_id": PVZ}, PICKER)
    s.record(OpType.PACK_UNIT, {"box_id": "B9", "unit_id": "U1"}, PICKER)
    s.record(OpType.PACK_CLOSE, {"box_id": "B9"}, PICKER)
    with pytest.raises(IllegalTransition):
        s.record(OpType.PACK_UNIT, {"box_id": "B9", "unit_id": "U1"}, PICKER)  # packed already
    s.record(OpType.ROUTE_ADD_BOX, {"route_id": "R1", "box_id": "B9", "pvz_id": PVZ}, PICKER)
    s.record(OpType.ROUTE_CLOSE, {"route_id": "R1", "unit_ids": ["U1"]}, PICKER)
    assert s.unit("U1").status is UnitStatus.SHIPPED  # type: ignore[union-attr]
    assert s.route("R1") == s.routes()[0] and s.route("R1").box_ids == ("B9",) and s.route("R1").closed  # type: ignore[union-attr]
    assert s.box("B9").status == "IN_TRANSIT"  # type: ignore[union-attr]


def test_pull_keeps_local_state_of_units_with_pending_ops(store: LocalStore) -> None:
    accept(store, "U1")
    store.apply_pull_page([unit("U1", "SHIPPED", label="NEW-LABEL")], "11")
    u1 = store.unit("U1")
    assert u1 is not None and u1.status is UnitStatus.ACCEPTED and u1.label == "NEW-LABEL"
    assert store.cursor == "11"
    op = store.pending_ops()[0]
    store.apply_push_results([{"op_id": op.op_id, "seq": op.seq, "status": "applied", "reason": None}])
    assert store.pending_count() == 0 and not store.unit("U1").pending  # type: ignore[union-attr]
    store.apply_pull_page([unit("U1", "ACCEPTED", cell_id=f"{PVZ}:0001")], "12")
    assert store.unit("U1").status is UnitStatus.ACCEPTED  # type: ignore[union-attr]


def test_rejected_op_becomes_a_conflict_and_the_unit_shows_the_server_state(
    store: LocalStore, clock: ManualClock
) -> None:
    rec = accept(store, "U1")
    out = store.apply_push_results(
        [
            {
                "op_id": rec.op.op_id,
                "seq": 1,
                "status": "rejected",
                "reason": {"code": "conflict", "message": "order cancelled"},
                "replayed": False,
            }
        ]
    )
    assert out.rejected == 1 and out.changes.conflicts and "U1" in out.changes.units
    assert store.unit("U1").status is UnitStatus.SHIPPED  # type: ignore[union-attr]
    [conflict] = store.conflicts()
    assert conflict.reason_code == "conflict" and conflict.reason_message == "order cancelled"
    assert store.conflicts_count() == 1 and store.pending_count() == 0
    with pytest.raises(InvalidOperation):
        store.resolve_conflict(rec.op.op_id, "discard", "  ", CLERK)  # a reason is required
    clock.advance(60)
    again = store.resolve_conflict(rec.op.op_id, "retry", "fixed the box", CLERK)
    assert again is not None and again.op.seq == 2 and again.op.op_id != rec.op.op_id
    assert again.op.type is OpType.ACCEPT_UNIT and store.conflicts() == []
    [resolved] = store.conflicts(include_resolved=True)
    assert (
        resolved.resolution == "retry"
        and resolved.retry_op_id == again.op.op_id
        and resolved.resolved_by == CLERK.user_id
    )
    with pytest.raises(InvalidOperation):
        store.resolve_conflict(rec.op.op_id, "discard", "twice", CLERK)


def test_discard_records_the_reason(store: LocalStore) -> None:
    rec = accept(store, "U1")
    store.apply_push_results(
        [{"op_id": rec.op.op_id, "seq": 1, "status": "rejected", "reason": {"code": "x", "message": "y"}}]
    )
    assert store.resolve_conflict(rec.op.op_id, "discard", "unit went to another PVZ", CLERK) is None
    [c] = store.conflicts(include_resolved=True)
    assert c.resolution == "discard" and c.resolution_reason == "unit went to another PVZ"
    assert store.pending_count() == 0


def test_results_for_unknown_or_done_ops_are_ignored(store: LocalStore) -> None:
    rec = accept(store, "U1")
    res = {"op_id": rec.op.op_id, "seq": 1, "status": "applied", "reason": None}
    assert store.apply_push_results([res]).applied == 1
    again = store.apply_push_results([res, {"op_id": "nope", "seq": 9, "status": "applied"}])
    assert again.applied == 0 and again.unknown == 2
    assert store.journal_counts() == {"pending": 0, "applied": 1, "rejected": 0}


def test_resync_drops_rows_the_server_no_longer_sends(store: LocalStore) -> None:
    assert store.local_counts()["unit"] == 3
    store.start_resync()
    assert store.cursor == "" and store.resync_in_progress
    store.apply_pull_page(seed()[:-1], "20")  # U3 is gone on the server
    full = store.finish_pull()
    assert full.full and not store.resync_in_progress
    assert store.unit("U3") is None and store.unit("U1") is not None
    assert store.local_counts()["unit"] == 2


def test_pull_delete_and_unknown_entities(store: LocalStore) -> None:
    out = store.apply_pull_page(
        [
            {"entity": "unit", "id": "U2", "op": "delete", "data": {}},
            ch("gadget", "g1", x=1),
            ch("user", "u", name="x"),
        ],
        "30",
    )
    assert out.applied == 3 and "U2" in out.changes.units
    assert store.unit("U2") is None


def test_read_models(store: LocalStore, clock: ManualClock) -> None:
    accept(store, "U1", cell=1)
    accept(store, "U3", cell=2)
    assert [p.sku for p in store.catalog_search("крос")] == ["SKU1"]
    assert [p.sku for p in store.catalog_search("КУРТКА зим")] == ["SKU2"]
    assert store.catalog_search("  ") == [] and store.catalog_search('"*') == []
    assert store.product_by_gtin("4600000000024").name == "Куртка зимняя"  # type: ignore[union-attr]
    assert store.product("SKU1").price == 499000  # type: ignore[union-attr]
    assert [o.id for o in store.orders_by_phone_suffix("4567")] == ["O1"]
    assert store.orders_by_phone_suffix("45-67") and store.orders_by_phone_suffix("0000") == []
    assert [u.id for u in store.units_for_customer("C1")] == ["U1", "U2"]
    assert [u.id for u in store.units_for_customer("C1", UnitStatus.ACCEPTED)] == ["U1"]
    assert [u.id for u in store.cell_contents(f"{PVZ}:0001")] == ["U1"]
    loads = {load.cell.number: load.units for load in store.cell_load()}
    assert loads == {1: 1, 2: 1, 3: 0}
    assert store.cells()[0].label == "C-PVZ-1-0001"
    assert store.suggest_cell("C1", PVZ).number == 1  # type: ignore[union-attr]  # keep a customer's units together
    assert store.suggest_cell("C9", PVZ).number == 3  # type: ignore[union-attr]  # else the emptiest cell
    assert [u.id for u in store.units_by_status(UnitStatus.SHIPPED)] == ["U2"]
    assert store.count_by_status()[UnitStatus.ACCEPTED] == 2
    # kept to the end of the day they arrived + 7 days (shared/domain/storage.py): overdue the day after
    assert store.expired_units(clock.now() + timedelta(days=7)) == []
    assert {u.id for u in store.expired_units(clock.now() + timedelta(days=8))} == {"U1", "U3"}
    assert store.box(BOX).status == "RECEIVING"  # type: ignore[union-attr]
    assert store.oldest_pending_age(clock.now() + timedelta(seconds=90)) == timedelta(seconds=90)


def test_settings_and_cached_users(store: LocalStore) -> None:
    from shared.store import CachedUser

    store.kv_set("printer", "zebra-1")
    assert store.kv_get("printer") == "zebra-1"
    store.kv_set("printer", None)
    assert store.kv_get("printer", "none") == "none"
    store.remember_user(CachedUser("u1", "Ivan", Role.CLERK, PVZ, SiteKind.PVZ, "Иван", "$argon2id$x", None))
    assert store.cached_user("ivan").user_id == "u1"  # type: ignore[union-attr]


def test_a_store_of_another_device_with_a_journal_is_refused(tmp_path: Path, clock: ManualClock) -> None:
    s = LocalStore.open(tmp_path / "x.sqlite3", "dev-A", clock)
    s.apply_pull_page(seed(), "1")
    accept(s, "U1")
    s.close()
    with pytest.raises(StoreError):
        LocalStore.open(tmp_path / "x.sqlite3", "dev-B", clock)


def test_catalog_index_after_a_bulk_first_sync_and_row_updates(store: LocalStore) -> None:
    big = [
        ch("product", f"B{i:05d}", name=f"Чайник модель {i}", brand="Тефаль", gtin=str(4600000100000 + i))
        for i in range(1200)
    ]
    out = store.apply_pull_page(big, "40")
    assert out.changes.full  # too many to list
    store.finish_pull()  # the index is rebuilt once after a bulk load
    assert len(store.catalog_search("чайн", limit=5000)) == 1200
    assert [p.sku for p in store.catalog_search("модель 1199")] == ["B01199"]
    store.apply_pull_page([ch("product", "B00001", name="Утюг паровой", brand="Тефаль")], "41")
    assert [p.sku for p in store.catalog_search("утюг")] == ["B00001"]
    assert "B00001" not in {p.sku for p in store.catalog_search("чайник", limit=5000)}
    store.apply_pull_page([{"entity": "product", "id": "B00001", "op": "delete", "data": {}}], "42")
    assert store.catalog_search("утюг") == [] and store.product("B00001") is None


def test_pruning_keeps_pending_rejected_and_the_last_seq(store: LocalStore, clock: ManualClock) -> None:
    ops = [accept(store, u).op for u in ("U1", "U2", "U3")]
    store.apply_push_results(
        [
            {"op_id": ops[0].op_id, "seq": 1, "status": "applied"},
            {"op_id": ops[1].op_id, "seq": 2, "status": "rejected", "reason": {"code": "c", "message": "m"}},
            {"op_id": ops[2].op_id, "seq": 3, "status": "applied"},
        ]
    )
    clock.advance(3600)
    assert store.prune_journal(clock.now()) == 1  # only seq 1: seq 2 backs a conflict, seq 3 is the newest
    assert [op.seq for op, _ in store.journal()] == [2, 3]
    assert store.record(OpType.SHIFT_OPEN, {"shift_id": "s"}, CLERK).op.seq == 4
