"""Property: however a device's ops are batched, repeated and retried, each is applied exactly once
and every answer for an op is the same answer."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from tests.support.inprocess import InProcessBackend
from tests.support.world import World

_device_numbers = itertools.count()


def test_push_is_exactly_once_under_any_batching_and_retries(
    tmp_path: Path, backend_database: str | None
) -> None:
    with (
        InProcessBackend(tmp_path / "b", database_url=backend_database) as backend,
        World.standard(backend, products=3) as w,
    ):
        order = w.place_order(w.customer, w.pvz1, [w.skus[0], w.skus[1]])
        w.pay(order)
        box = w.ship(order)
        w.accept(order, box)
        units = [u["id"] for u in order["units"]]
        cells = [f"{w.pvz1}:{n:04d}" for n in range(1, 6)]
        op_kind = st.one_of(
            st.tuples(
                st.just("unit.move"), st.sampled_from(units), st.sampled_from([*cells, "PVZ-T-1:9999"])
            ),
            st.tuples(st.just("shift.open"), st.just(""), st.just("")),
        )

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        @given(
            kinds=st.lists(op_kind, min_size=1, max_size=12),
            cuts=st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=12),
            repeats=st.lists(st.booleans(), min_size=1, max_size=12),
        )
        def check(kinds: list[tuple[str, str, str]], cuts: list[int], repeats: list[bool]) -> None:
            dev = w.device(w.clerk1, f"prop-{next(_device_numbers)}")
            ops = [
                dev.make_op(k, {"unit_id": u, "cell_id": c} if k == "unit.move" else {"shift_id": "S"})
                for k, u, c in kinds
            ]
            answers: dict[str, list[tuple[str, object]]] = {}
            start, i = 0, 0
            while start < len(ops):
                size = cuts[i % len(cuts)]
                batch = ops[max(0, start - 1) : start + size]  # overlaps the previous batch by one op
                sends = 2 if repeats[i % len(repeats)] else 1
                for _ in range(sends):
                    for r in dev.push(batch):
                        answers.setdefault(r["op_id"], []).append((r["status"], r["reason"]))
                start += size
                i += 1
            assert set(answers) == {o["op_id"] for o in ops}
            for got in answers.values():
                assert len(set(map(repr, got))) == 1  # the first answer, replayed
            with backend.ctx.db.read() as conn:
                n, last = conn.execute(
                    text("SELECT count(*), max(seq) FROM op_results WHERE device_id = :d"),
                    {"d": dev.device_id},
                ).one()
            assert (n, last) == (len(ops), len(ops))
            moved = [o for o in ops if o["type"] == "unit.move" and answers[o["op_id"]][0][0] == "applied"]
            bad_cell = [o for o in ops if o["payload"].get("cell_id") == "PVZ-T-1:9999"]
            assert all(answers[o["op_id"]][0][0] == "rejected" for o in bad_cell)
            if moved:  # each unit sits in the cell of its last applied move
                final = {u["id"]: u["cell_id"] for u in w.get_order(w.admin, order["id"])["units"]}
                for unit in units:
                    mine = [o for o in moved if o["payload"]["unit_id"] == unit]
                    if mine:
                        assert final[unit] == mine[-1]["payload"]["cell_id"]

        check()
