"""The batched push path (runs of unit.move / unit.missing / unit.damaged / unit.found checked in
memory and written together) gives exactly what the one-op-at-a-time path gives: the same answers,
unit states, records, order status and change feed, for any mix of good and bad ops and any batching.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select

from backend_stub.db import cells, changes, next_counter, op_results, orders, records, units
from backend_stub.services.changes import publish_order
from backend_stub.services.sync import batched as batched_path
from shared.barcodes.formats import make_unit_label
from tests.support.inprocess import InProcessBackend
from tests.support.world import World

_numbers = itertools.count()

# unit refs: 0-2 at PVZ-T-1, 3 at PVZ-T-2, 4 unknown
UNIT_SLOTS = 5
KINDS = ("unit.move", "unit.missing", "unit.damaged", "unit.found")
# cells: 1-3 by id at PVZ-T-1, 4 by label at PVZ-T-1, 5 at PVZ-T-2, 6 unknown
CELL_SLOTS = 6


def _order_with_units(w: World) -> tuple[str, list[dict[str, Any]]]:
    """An order of three ACCEPTED units at PVZ-T-1 (marking them all missing or damaged completes
    it) and a unit of another order at PVZ-T-2, written directly."""
    ctx = w._ctx
    now = ctx.now_iso()
    order_id, other_id = ctx.ids.new(), ctx.ids.new()
    rows = []
    with ctx.db.write() as conn:
        serial = next_counter(conn, "unit_serial", 4)
        for oid, pvz, n in ((order_id, w.pvz1, 3), (other_id, w.pvz2, 1)):
            conn.execute(
                insert(orders).values(
                    id=oid,
                    customer_id=w.customer.user_id,
                    pvz_id=pvz,
                    warehouse_id=None,
                    amount_kopecks=100 * n,
                    currency="RUB",
                    status="READY",
                    short_code_gen=0,
                    created_at=now,
                    updated_at=now,
                )
            )
        for i in range(4):
            pvz = w.pvz1 if i < 3 else w.pvz2
            rows.append(
                {
                    "id": ctx.ids.new(),
                    "label": make_unit_label(70_000_000 + serial + i),
                    "order_id": order_id if i < 3 else other_id,
                    "sku": w.skus[0],
                    "price_kopecks": 100,
                    "status": "ACCEPTED",
                    "pvz_id": pvz,
                    "customer_id": w.customer.user_id,
                    "warehouse_id": None,
                    "box_id": None,
                    "cell_id": f"{pvz}:0001",
                    "location_id": None,
                    "updated_at": now,
                }
            )
        conn.execute(insert(units), rows)
        for oid in (order_id, other_id):  # as the order's life publishes it: devices hold its status
            publish_order(conn, oid)
    return order_id, rows


def _cell_refs(w: World) -> list[str]:
    with w._ctx.db.read() as conn:
        label = conn.execute(select(cells.c.label).where(cells.c.id == f"{w.pvz1}:0004")).scalar_one()
    return [f"{w.pvz1}:0001", f"{w.pvz1}:0002", f"{w.pvz1}:0003", label, f"{w.pvz2}:0001", "PVZ-T-1:9999"]


def _ops(
    w: World, device: Any, plan: list[tuple[int, int, bool, int, int]], unit_rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    cell_refs = _cell_refs(w)
    ops = []
    for kind, slot, by_label, cell, flaw in plan:
        if slot < 4:
            ref = unit_rows[slot]["label"] if by_label else unit_rows[slot]["id"]
        else:
            ref = "01ZZZZZZZZZZZZZZZZZZZZZZZZ"
        name = KINDS[kind]
        payload: dict[str, Any] = {"unit_id": ref}
        if name in ("unit.move", "unit.found"):
            payload["cell_id"] = cell_refs[cell]
        else:
            payload["reason"] = "test"
        if flaw == 1:  # a malformed payload
            payload.pop("unit_id")
        op = device.make_op(name, payload)
        if flaw == 2:  # an actor who is not staff of this pickup point
            op["actor"] = w.clerk2.user_id
        ops.append(op)
    return ops


def _outcome(
    w: World, ops: list[dict[str, Any]], order_id: str, unit_rows: list[dict[str, Any]]
) -> dict[str, Any]:
    """Everything the pushes left, with ids and times taken out so twins compare equal."""
    ids = {u["id"]: f"u{i}" for i, u in enumerate(unit_rows)} | {order_id: "order"}
    op_index = {o["op_id"]: n for n, o in enumerate(ops)}
    with w._ctx.db.read() as conn:
        results = [
            (op_index[r.op_id], r.status, r.reason_code)
            for r in conn.execute(
                select(op_results).where(op_results.c.op_id.in_(list(op_index))).order_by(op_results.c.seq)
            )
        ]
        unit_states = [
            (ids[r.id], r.status, r.cell_id)
            for r in conn.execute(
                select(units).where(units.c.id.in_([u["id"] for u in unit_rows])).order_by(units.c.label)
            )
        ]
        order_status = conn.execute(select(orders.c.status).where(orders.c.id == order_id)).scalar_one()
        notes = [
            (op_index[r.op_id], r.kind, ids.get(r.ref), r.data)
            for r in conn.execute(
                select(records).where(records.c.op_id.in_(list(op_index))).order_by(records.c.id)
            )
        ]
        feed = []
        for r in conn.execute(
            select(changes).where(changes.c.entity_id.in_(list(ids))).order_by(changes.c.id)
        ):
            data = json.loads(r.data)
            for key in ("id", "label", "order_id", "updated_at", "created_at"):
                data.pop(key, None)
            feed.append((r.site_id, r.entity, ids[r.entity_id], r.op, data))
    return {
        "results": results,
        "units": unit_states,
        "order": order_status,
        "records": notes,
        "feed": sorted(feed, key=repr),
    }


def test_batched_push_matches_one_op_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend_database: str | None
) -> None:
    with (
        InProcessBackend(tmp_path / "b", database_url=backend_database) as backend,
        World.standard(backend, products=2) as w,
    ):
        step = st.tuples(
            st.integers(0, len(KINDS) - 1),
            st.integers(0, UNIT_SLOTS - 1),
            st.booleans(),
            st.integers(0, CELL_SLOTS - 1),
            st.sampled_from([0, 0, 0, 0, 0, 0, 1, 2]),
        )

        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
        @given(plan=st.lists(step, min_size=1, max_size=30), cuts=st.lists(st.integers(1, 12), min_size=1))
        def check(plan: list[tuple[int, int, bool, int, int]], cuts: list[int]) -> None:
            outcomes = []
            for batched in (True, False):
                with monkeypatch.context() as m:
                    if not batched:
                        m.setattr(batched_path, "_BATCHED_TYPES", frozenset())
                    order_id, unit_rows = _order_with_units(w)
                    dev = w.device(w.clerk1, f"twin-{next(_numbers)}")
                    ops = _ops(w, dev, plan, unit_rows)
                    start, i = 0, 0
                    while start < len(ops):
                        size = cuts[i % len(cuts)]
                        answers = dev.push(ops[start : start + size])
                        assert [a["op_id"] for a in answers] == [
                            o["op_id"] for o in ops[start : start + size]
                        ]
                        assert not any(a["replayed"] for a in answers)
                        start, i = start + size, i + 1
                    outcomes.append(_outcome(w, ops, order_id, unit_rows))
            assert outcomes[0] == outcomes[1]

        check()


def test_an_order_status_that_ends_where_it_began_inside_one_run_is_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example an outside mutation run found: move u0, move u0, missing u0, missing u1, missing
    u2, found u0, two ops a push. One op at a time publishes the order twice (COMPLETED, then READY
    again) where a batched run sees READY before and after and publishes nothing. Devices miss
    nothing either way: the order is READY in the feed from its earlier publication, and a device
    pulling after the push holds READY whichever path ran."""
    with InProcessBackend(tmp_path / "b") as backend, World.standard(backend, products=2) as w:
        held = []
        for batched in (True, False):
            with monkeypatch.context() as m:
                if not batched:
                    m.setattr(batched_path, "_BATCHED_TYPES", frozenset())
                order_id, rows = _order_with_units(w)
                dev = w.device(w.clerk1, f"pinned-{batched}")
                seen = {c["id"]: c["data"] for c in dev.pull()}
                assert seen[order_id]["status"] == "READY"
                u0, u1, u2 = (r["id"] for r in rows[:3])
                cell = f"{w.pvz1}:0002"
                plan = [
                    ("unit.move", {"unit_id": u0, "cell_id": cell}),
                    ("unit.move", {"unit_id": u0, "cell_id": f"{w.pvz1}:0003"}),
                    ("unit.missing", {"unit_id": u0, "reason": "gone"}),
                    ("unit.missing", {"unit_id": u1, "reason": "gone"}),
                    ("unit.missing", {"unit_id": u2, "reason": "gone"}),
                    ("unit.found", {"unit_id": u0, "cell_id": cell}),
                ]
                ops = [dev.make_op(kind, payload) for kind, payload in plan]
                for i in range(0, len(ops), 2):
                    assert all(r["status"] == "applied" for r in dev.push(ops[i : i + 2]))
                seen.update({c["id"]: c["data"] for c in dev.pull()})
                held.append((seen[order_id]["status"], w.get_order(w.admin, order_id)["status"]))
        assert held == [("READY", "READY"), ("READY", "READY")]


def test_a_rejected_op_in_the_middle_of_a_run_leaves_the_rest_applied(
    tmp_path: Path, backend_database: str | None
) -> None:
    with (
        InProcessBackend(tmp_path / "b", database_url=backend_database) as backend,
        World.standard(backend, products=2) as w,
    ):
        _, unit_rows = _order_with_units(w)
        dev = w.device(w.clerk1, "run")
        a, b = unit_rows[0]["id"], unit_rows[1]["id"]
        answers = dev.push(
            [
                dev.make_op("unit.move", {"unit_id": a, "cell_id": f"{w.pvz1}:0002"}),
                dev.make_op("unit.damaged", {"unit_id": a, "reason": "wet"}),
                dev.make_op("unit.move", {"unit_id": a, "cell_id": f"{w.pvz1}:0003"}),  # not ACCEPTED now
                dev.make_op("unit.missing", {"unit_id": b, "reason": "gone"}),
                dev.make_op("unit.found", {"unit_id": b, "cell_id": f"{w.pvz2}:0001"}),  # another site's cell
                dev.make_op("unit.found", {"unit_id": b, "cell_id": f"{w.pvz1}:0005"}),
            ]
        )
        assert [(x["status"], (x["reason"] or {}).get("code")) for x in answers] == [
            ("applied", None),
            ("applied", None),
            ("rejected", "illegal_transition"),
            ("applied", None),
            ("rejected", "unknown_cell"),
            ("applied", None),
        ]
        with w._ctx.db.read() as conn:
            got = {
                r.id: (r.status, r.cell_id) for r in conn.execute(select(units).where(units.c.id.in_([a, b])))
            }
        assert got == {a: ("DAMAGED", None), b: ("ACCEPTED", f"{w.pvz1}:0005")}
        feed = {c["id"]: c["data"] for c in dev.pull() if c["entity"] == "unit"}
        assert (feed[a]["status"], feed[a]["cell_id"]) == ("DAMAGED", None)
        assert (feed[b]["status"], feed[b]["cell_id"]) == ("ACCEPTED", f"{w.pvz1}:0005")


def test_an_order_completes_and_reopens_inside_one_push(tmp_path: Path) -> None:
    with InProcessBackend(tmp_path / "b") as backend, World.standard(backend, products=2) as w:
        order_id, unit_rows = _order_with_units(w)
        dev = w.device(w.clerk1, "order")
        a, b, c = (u["id"] for u in unit_rows[:3])
        answers = dev.push(
            [
                dev.make_op("unit.missing", {"unit_id": a, "reason": "gone"}),
                dev.make_op("unit.damaged", {"unit_id": b, "reason": "wet"}),
                dev.make_op("unit.missing", {"unit_id": c, "reason": "gone"}),
            ]
        )
        assert [x["status"] for x in answers] == ["applied"] * 3
        assert w.get_order(w.customer, order_id)["status"] == "COMPLETED"
        orders_seen = [ch["data"]["status"] for ch in dev.pull() if ch["entity"] == "order"]
        assert orders_seen == ["COMPLETED"]
        answers = dev.push(
            [
                dev.make_op("unit.found", {"unit_id": a, "cell_id": f"{w.pvz1}:0003"}),
                dev.make_op("unit.move", {"unit_id": a, "cell_id": f"{w.pvz1}:0004"}),
            ]
        )
        assert [x["status"] for x in answers] == ["applied"] * 2
        assert w.get_order(w.customer, order_id)["status"] == "READY"
        changes_seen = [(ch["entity"], ch["data"]["status"]) for ch in dev.pull() if ch["entity"] != "cell"]
        assert changes_seen == [("unit", "ACCEPTED"), ("order", "READY")]


def test_postgresql_answers_a_mixed_batch_as_sqlite_does(tmp_path: Path, postgres_url: str) -> None:
    """PostgreSQL's set-based writes (one statement per table for a run) against SQLite's: the same
    batch of good moves, a move of an unknown unit, a move of a unit whose state forbids it and a
    later op of a unit an earlier one moved, then the same ops again (answered from their stored
    results) with a new one, gives the same answers, unit states, records and feed on both."""
    seen = []
    for name, url in (("sqlite", None), ("postgresql", postgres_url)):
        with (
            InProcessBackend(tmp_path / name, database_url=url) as backend,
            World.standard(backend, products=2) as w,
        ):
            order_id, unit_rows = _order_with_units(w)
            u0, u1, u2 = (u["id"] for u in unit_rows[:3])
            dev = w.device(w.clerk1, "mixed")
            cell = [f"{w.pvz1}:000{n}" for n in range(1, 6)]
            first = [
                dev.make_op("unit.move", {"unit_id": u0, "cell_id": cell[1]}),
                dev.make_op("unit.move", {"unit_id": "01ZZZZZZZZZZZZZZZZZZZZZZZZ", "cell_id": cell[1]}),
                dev.make_op("unit.move", {"unit_id": unit_rows[1]["label"], "cell_id": cell[2]}),
                dev.make_op("unit.damaged", {"unit_id": u2, "reason": "wet"}),
                dev.make_op("unit.move", {"unit_id": u2, "cell_id": cell[3]}),  # DAMAGED: refused
                dev.make_op("unit.move", {"unit_id": u0, "cell_id": cell[4]}),  # after the first move
                dev.make_op("unit.move", {"unit_id": unit_rows[3]["id"], "cell_id": cell[0]}),  # PVZ-T-2's
            ]
            again = [*first[:3], dev.make_op("unit.move", {"unit_id": u1, "cell_id": cell[0]})]
            answers = [
                [(a["status"], (a["reason"] or {}).get("code"), a["replayed"]) for a in dev.push(batch)]
                for batch in (first, again)
            ]
            feed = [(c["entity"], c["data"].get("status"), c["data"].get("cell_id")) for c in dev.pull()]
            left = _outcome(w, first + again[3:], order_id, unit_rows)
            left["feed"] = [  # without what differs between the two worlds (the customer, the SKU)
                (*rest, {k: v for k, v in data.items() if k not in ("customer_id", "sku")})
                for *rest, data in left["feed"]
            ]
            seen.append((answers, left, feed))
    assert seen[0][0] == [
        [
            ("applied", None, False),
            ("rejected", "unknown_unit", False),
            ("applied", None, False),
            ("applied", None, False),
            ("rejected", "illegal_transition", False),
            ("applied", None, False),
            ("rejected", "wrong_site", False),
        ],
        [
            ("applied", None, True),
            ("rejected", "unknown_unit", True),
            ("applied", None, True),
            ("applied", None, False),
        ],
    ]
    assert seen[0][1]["units"][:3] == [
        ("u0", "ACCEPTED", "PVZ-T-1:0005"),
        ("u1", "ACCEPTED", "PVZ-T-1:0001"),
        ("u2", "DAMAGED", None),
    ]
    assert seen[1][0] == seen[0][0]
    assert seen[1][1] == seen[0][1]
    assert seen[1][2] == seen[0][2]
