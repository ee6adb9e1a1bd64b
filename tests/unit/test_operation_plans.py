"""Each operation is declared once (shared/domain/operations.py): a Plan that the app's local effects,
the server's handler and the server's batched path all run, or a composite op with hand-written code
on both sides. An operation type missing from either side fails here, before any screen uses it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from backend_stub.db import records, units
from backend_stub.services import sync as server
from backend_stub.services.sync import batched
from shared.domain import SPECS, OpType, Role, SiteKind, UnitStatus
from shared.store import Actor, LocalStore
from shared.store import effects as local
from tests.support.inprocess import InProcessBackend
from tests.support.world import World

REFS = {"cell", "box", "location"}


def test_every_operation_type_has_a_spec() -> None:
    assert set(SPECS) == set(OpType)


def test_every_operation_has_exactly_one_local_effect_and_one_server_handler() -> None:
    for op_type, spec in SPECS.items():
        assert (spec.plan is None) != (spec.composite is None), f"{op_type}: a plan or a composite, not both"
        if spec.plan is not None:
            assert op_type not in local.COMPOSITE, f"{op_type} has a plan: no hand-written local effect"
            assert op_type not in server.COMPOSITE, f"{op_type} has a plan: no hand-written server handler"
        else:
            assert op_type in local.COMPOSITE, f"{op_type} is composite but has no local effect"
            assert op_type in server.COMPOSITE, f"{op_type} is composite but has no server handler"
    assert set(local.COMPOSITE) == set(server.COMPOSITE)


def test_plans_only_name_references_they_resolve() -> None:
    for op_type, spec in SPECS.items():
        plan = spec.plan
        if plan is None:
            continue
        resolved = {"cell": plan.cell, "box": plan.box, "location": plan.location}
        for column, ref in plan.sets.items():
            assert ref is None or (ref in REFS and resolved[ref] is not None), f"{op_type}: {column} <- {ref}"
        named = [plan.unit, plan.cell, plan.location, plan.task, plan.box.field if plan.box else None]
        for field in [f for f in named if f is not None] + list(plan.note or ()):
            assert field in spec.fields, f"{op_type}: the plan names {field}, not a payload field"
        if plan.sets or plan.target or plan.target_by or plan.requires or plan.task:
            assert plan.unit is not None, f"{op_type}: a unit effect without a unit"
        if plan.target_by is not None:
            assert plan.target_by[0] in spec.fields


def test_the_batched_path_takes_its_kinds_from_the_plans() -> None:
    assert {
        OpType.MOVE_UNIT,
        OpType.MARK_MISSING,
        OpType.MARK_DAMAGED,
        OpType.FOUND_UNIT,
        OpType.FITTING_START,  # requires ACCEPTED, notes the room
    } == batched._HANDLED_IN_BATCH


def test_a_plan_only_operation_works_on_both_sides(tmp_path: Path) -> None:
    """unit.damaged has no hand-written code anywhere: its plan alone makes the unit DAMAGED (out of
    its cell) in the app's store, and on the server, with the reason noted."""
    assert SPECS[OpType.MARK_DAMAGED].plan is not None
    with InProcessBackend(tmp_path / "b") as backend, World.standard(backend, products=3) as w:
        order = w.place_order(w.customer, w.pvz1, w.skus[:1])
        w.pay(order)
        w.ship(order)
        unit_id = order["units"][0]["id"]
        dev = w.device(w.clerk1)
        store = LocalStore.open(tmp_path / "pvz.sqlite3", dev.device_id, backend.clock)
        try:
            store.apply_pull_page(dev.pull(), dev.cursor)
            store.finish_pull()
            before = store.unit(unit_id)
            assert before is not None and before.status is UnitStatus.SHIPPED
            actor = Actor(w.clerk1.user_id, w.clerk1.username, Role.CLERK, w.pvz1, SiteKind.PVZ)
            rec = store.record(OpType.MARK_DAMAGED, {"unit_id": unit_id, "reason": "crushed"}, actor)
            assert unit_id in rec.changes.units
            after = store.unit(unit_id)
            assert after is not None and after.status is UnitStatus.DAMAGED and after.cell_id is None
            [result] = dev.push([store.wire(rec.op)])
            assert result["status"] == "applied", result
            assert store.apply_push_results([result]).applied == 1
        finally:
            store.close()
        with backend.ctx.db.read() as conn:
            row = conn.execute(select(units.c.status, units.c.cell_id).where(units.c.id == unit_id)).one()
            note = conn.execute(
                select(records.c.data).where(records.c.kind == "unit.damaged", records.c.ref == unit_id)
            ).one()
        assert (row.status, row.cell_id) == ("DAMAGED", None)
        assert '"crushed"' in note.data
