"""The change feed never reuses an id, so no device's cursor can step over a newer state.

Two devices of one PVZ move the same unit in turn: each pull must show the other's last move. Before
the fix a change that replaced the feed's newest row took that row's id again, and a device whose
cursor had already passed it never saw the new cell.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.inprocess import InProcessBackend
from tests.support.world import Device, World

_names = itertools.count()


def _mirror(dev: Device, mirror: dict[tuple[str, str], dict[str, Any]]) -> None:
    for change in dev.pull():
        key = (change["entity"], change["id"])
        if change["op"] == "delete":
            mirror.pop(key, None)
        else:
            mirror[key] = change["data"]


def _ready_unit_world(backend: InProcessBackend) -> tuple[World, dict[str, Any]]:
    w = World.standard(backend, products=3)
    order = w.place_order(w.customer, w.pvz1, [w.skus[0], w.skus[1]])
    w.pay(order)
    box = w.ship(order)
    w.accept(order, box)
    return w, order


def test_a_move_that_replaces_the_newest_feed_row_still_reaches_the_other_device(tmp_path: Path) -> None:
    with InProcessBackend(tmp_path / "b") as backend:
        w, order = _ready_unit_world(backend)
        with w:
            unit = order["units"][0]["id"]
            one, two = w.device(w.clerk1, "pvz-pc-1"), w.device(w.clerk1, "pvz-pc-2")
            seen1: dict[tuple[str, str], dict[str, Any]] = {}
            _mirror(one, seen1)
            _mirror(two, {})
            one.op("unit.move", {"unit_id": unit, "cell_id": f"{w.pvz1}:0001"})
            _mirror(one, seen1)
            assert seen1[("unit", unit)]["cell_id"] == f"{w.pvz1}:0001"
            two.op("unit.move", {"unit_id": unit, "cell_id": f"{w.pvz1}:0002"})
            _mirror(one, seen1)
            assert seen1[("unit", unit)]["cell_id"] == f"{w.pvz1}:0002"


def test_feed_ids_only_grow(tmp_path: Path) -> None:
    with InProcessBackend(tmp_path / "b") as backend:
        w, order = _ready_unit_world(backend)
        with w:
            unit = order["units"][0]["id"]
            dev = w.device(w.clerk1, "pvz-pc-1")
            seen: list[int] = []
            for n in range(1, 6):
                dev.op("unit.move", {"unit_id": unit, "cell_id": f"{w.pvz1}:{n:04d}"})
                with backend.ctx.db.read() as conn:
                    (top,) = conn.exec_driver_sql("SELECT max(id) FROM changes").one()
                seen.append(int(top))
            assert seen == sorted(set(seen)), seen


def test_devices_converge_under_any_interleaving_of_pushes_and_pulls(tmp_path: Path) -> None:
    with InProcessBackend(tmp_path / "b") as backend:
        w, order = _ready_unit_world(backend)
        with w:
            units = [u["id"] for u in order["units"]]
            cells = [f"{w.pvz1}:{n:04d}" for n in range(1, 5)]
            step = st.tuples(
                st.integers(min_value=0, max_value=2),  # which device
                st.sampled_from(["move", "pull"]),
                st.sampled_from(units),
                st.sampled_from(cells),
            )

            @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
            @given(plan=st.lists(step, min_size=1, max_size=14))
            def check(plan: list[tuple[int, str, str, str]]) -> None:
                run = next(_names)
                devices = [w.device(w.clerk1, f"conv-{run}-{i}") for i in range(3)]
                mirrors: list[dict[tuple[str, str], dict[str, Any]]] = [{} for _ in devices]
                for dev, mirror in zip(devices, mirrors, strict=True):
                    _mirror(dev, mirror)
                for who, action, unit, cell in plan:
                    if action == "move":
                        devices[who].op("unit.move", {"unit_id": unit, "cell_id": cell})
                    else:
                        _mirror(devices[who], mirrors[who])
                server = {u["id"]: u["cell_id"] for u in w.get_order(w.admin, order["id"])["units"]}
                for dev, mirror in zip(devices, mirrors, strict=True):
                    _mirror(dev, mirror)
                    assert {u: mirror[("unit", u)]["cell_id"] for u in units} == server

            check()


def test_a_1_0_feed_is_rebuilt_with_its_rows_and_ids_never_reused_after(tmp_path: Path) -> None:
    from sqlalchemy import create_engine

    from backend_stub.migrations import _m003_changes_ids_never_reused

    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE changes (id INTEGER NOT NULL PRIMARY KEY, site_id VARCHAR(40) NOT NULL, "
            "entity VARCHAR(20) NOT NULL, entity_id VARCHAR(100) NOT NULL, op VARCHAR(10) NOT NULL, "
            "data TEXT NOT NULL, CONSTRAINT uq_changes_entity UNIQUE (site_id, entity, entity_id))"
        )
        conn.exec_driver_sql("CREATE INDEX ix_changes_site_id ON changes (site_id, id)")
        conn.exec_driver_sql(
            "INSERT INTO changes VALUES (1,'S','unit','a','upsert','{}'), (7,'S','unit','b','upsert','{}')"
        )
    with engine.begin() as conn:
        _m003_changes_ids_never_reused(conn)
        _m003_changes_ids_never_reused(conn)  # a second run is a no-op
    with engine.begin() as conn:
        assert conn.exec_driver_sql("SELECT id, entity_id FROM changes ORDER BY id").all() == [
            (1, "a"),
            (7, "b"),
        ]
        conn.exec_driver_sql("DELETE FROM changes WHERE id = 7")
        conn.exec_driver_sql(
            "INSERT INTO changes (site_id, entity, entity_id, op, data) VALUES ('S','unit','b','upsert','{}')"
        )
        assert conn.exec_driver_sql("SELECT max(id) FROM changes").scalar() == 8
    engine.dispose()


def test_pull_pages_keep_the_declared_shape_and_totals_follow_every_change(tmp_path: Path) -> None:
    from backend_stub.api.sync import PullOut

    with InProcessBackend(tmp_path / "b") as backend:
        w, _order = _ready_unit_world(backend)
        with w:
            dev = w.device(w.clerk1, "pvz-pc-shape")
            client = dev.client()

            def page(cursor: str, limit: int = 1000) -> dict[str, Any]:
                r = client.get("/api/v1/sync/pull", params={"cursor": cursor, "limit": limit})
                assert r.status_code == 200 and r.headers["content-type"] == "application/json"
                body: dict[str, Any] = r.json()
                assert set(body) == set(PullOut.model_fields)  # exactly the documented answer
                PullOut.model_validate(body)
                return body

            first = page("", limit=1)
            assert first["has_more"] and first["counts"] is None and first["remaining"] > 0
            done = page("")
            units = done["counts"]["unit"]
            idle = page(done["next_cursor"])  # nothing new: the same totals, no rows
            assert idle["changes"] == [] and idle["counts"] == done["counts"]
            assert idle["next_cursor"] == done["next_cursor"]
            # a new order's units at this PVZ: the next pull has them and its totals count them
            more = w.place_order(w.customer, w.pvz1, [w.skus[2]])
            w.pay(more)
            w.accept(more, w.ship(more))
            after = page(done["next_cursor"])
            assert {c["id"] for c in after["changes"] if c["entity"] == "unit"} >= {
                u["id"] for u in more["units"]
            }
            assert after["counts"]["unit"] == units + len(more["units"])


def test_two_backends_in_one_process_each_count_their_own_feed(tmp_path: Path) -> None:
    # the same site on two databases whose feeds end at the same ids: one holds one unit (published
    # twice), the other two; each pull's totals are its own database's
    from backend_stub.services.admin import create_site
    from backend_stub.services.auth import Principal
    from backend_stub.services.changes import publish
    from backend_stub.services.sync.pull import pull
    from shared.domain import Role, SiteKind

    clerk = Principal("u1", "clerk", Role.CLERK, "PVZ-X", SiteKind.PVZ, "t1", "p1", None)
    with InProcessBackend(tmp_path / "a") as one, InProcessBackend(tmp_path / "b") as two:
        for backend, units in ((one, ["U1", "U1"]), (two, ["U1", "U2"])):
            create_site(backend.ctx, "PVZ-X", SiteKind.PVZ, "X")
            with backend.ctx.db.write() as conn:
                for unit in units:
                    publish(conn, ["PVZ-X"], "unit", unit, {"id": unit})
        first, second = pull(one.ctx, clerk, None, 500), pull(two.ctx, clerk, None, 500)
        assert first["next_cursor"] == second["next_cursor"]  # the same newest change ids
        assert first["counts"]["unit"] == 1 and second["counts"]["unit"] == 2
        # answered again (from what each backend keeps between pulls): still each its own
        assert pull(one.ctx, clerk, None, 500)["counts"]["unit"] == 1
        assert pull(two.ctx, clerk, None, 500)["counts"]["unit"] == 2


def test_pulled_data_reads_back_as_written_with_quotes_and_cyrillic(tmp_path: Path) -> None:
    # the answer carries each change's stored JSON text as is: names with quotes, backslashes and
    # Cyrillic, nested values and nulls reach the device exactly as the backend published them
    from backend_stub.services.changes import publish

    odd_id = 'U-"1"\\Ж'
    data = {"id": odd_id, "label": 'Кроссовки «Бег» "Pro"\n', "nested": {"a": [1, None, 2.5]}, "x": None}
    with InProcessBackend(tmp_path / "b") as backend:
        w, _order = _ready_unit_world(backend)
        with w:
            with backend.ctx.db.write() as conn:
                publish(conn, [w.pvz1], "unit", odd_id, data)
            changes = w.device(w.clerk1, "pvz-pc-odd").pull()
            assert [c for c in changes if c["id"] == odd_id] == [
                {"entity": "unit", "id": odd_id, "op": "upsert", "data": data}
            ]
