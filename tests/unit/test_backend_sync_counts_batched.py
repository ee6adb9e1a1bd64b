"""A terminal's run of count.record takes the batched push path (a few statements for the whole run)
and leaves exactly what the one-op-at-a-time handler leaves: the same answers, records, count tasks
done and location feed, for any mix of good and bad counts and any batching, on SQLite and
PostgreSQL."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select

from backend_stub.db import changes, count_tasks, locations, op_results, records
from backend_stub.services.sync import batched as batched_path
from backend_stub.services.sync.shorts import publish_location
from tests.support.inprocess import InProcessBackend
from tests.support.world import World

_numbers = itertools.count()

# location slots: 0-2 WH-T-1's by id, 3 WH-T-1's by label, 4 WH-T-2's, 5 unknown
SLOTS = 6


def _locations(w: World, other: str) -> list[tuple[str, str]]:
    """(the ref an op names, the location id) per slot."""
    with w._ctx.db.read() as conn:
        own = conn.execute(
            select(locations.c.id, locations.c.label)
            .where(locations.c.site_id == w.warehouse)
            .order_by(locations.c.id)
        ).all()
        theirs = conn.execute(
            select(locations.c.id).where(locations.c.site_id == other).limit(1)
        ).scalar_one()
    return [
        *((row.id, row.id) for row in own[:3]),
        (own[3].label, own[3].id),
        (theirs, theirs),
        ("WH-T-1:ZZ-99-99", "WH-T-1:ZZ-99-99"),
    ]


def _open_tasks(w: World, location_ids: list[str]) -> None:
    """An open count task at each location (as a short pick leaves one), published as the feed has it."""
    ctx = w._ctx
    with ctx.db.write() as conn:
        for location_id in location_ids:
            conn.execute(
                insert(count_tasks).values(
                    id=ctx.ids.new(),
                    site_id=w.warehouse,
                    location_id=location_id,
                    reason="short_pick",
                    sku=w.skus[0],
                    unit_id=None,
                    status="OPEN",
                    created_at=ctx.now_iso(),
                )
            )
            publish_location(conn, location_id)


def _ops(
    w: World, device: Any, plan: list[tuple[int, int]], refs: list[tuple[str, str]]
) -> list[dict[str, Any]]:
    ops = []
    for slot, flaw in plan:
        payload: dict[str, Any] = {"location_id": refs[slot][0], "counted": {w.skus[0]: slot}}
        if flaw == 1:  # a malformed payload
            payload.pop("counted")
        op = device.make_op("count.record", payload)
        if flaw == 2:  # an actor who is not staff of this warehouse
            op["actor"] = w.clerk1.user_id
        ops.append(op)
    return ops


def _outcome(w: World, ops: list[dict[str, Any]], refs: list[tuple[str, str]]) -> dict[str, Any]:
    op_index = {o["op_id"]: n for n, o in enumerate(ops)}
    where = sorted({loc for _, loc in refs})
    with w._ctx.db.read() as conn:
        results = [
            (op_index[r.op_id], r.status, r.reason_code)
            for r in conn.execute(
                select(op_results).where(op_results.c.op_id.in_(list(op_index))).order_by(op_results.c.seq)
            )
        ]
        notes = [
            (op_index[r.op_id], r.kind, r.site_id, r.ref, r.data)
            for r in conn.execute(
                select(records).where(records.c.op_id.in_(list(op_index))).order_by(records.c.id)
            )
        ]
        tasks = sorted(
            (r.location_id, r.status, r.done_at is not None)
            for r in conn.execute(select(count_tasks).where(count_tasks.c.location_id.in_(where)))
        )
        feed = []
        for r in conn.execute(
            select(changes)
            .where(changes.c.entity == "location", changes.c.entity_id.in_(where))
            .order_by(changes.c.id)
        ):
            data = json.loads(r.data)
            task = data.get("count_task")
            feed.append((r.site_id, r.entity_id, r.op, None if task is None else task["reason"]))
    return {"results": results, "records": notes, "tasks": tasks, "feed": feed}


def test_batched_counts_match_one_count_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend_database: str | None
) -> None:
    with (
        InProcessBackend(tmp_path / "b", database_url=backend_database) as backend,
        World.standard(backend, products=2) as w,
    ):
        other = w.add_site("WH-T-2", "warehouse", "Склад 2", locations=2)
        step = st.tuples(st.integers(0, SLOTS - 1), st.sampled_from([0, 0, 0, 0, 0, 0, 1, 2]))

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        @given(
            plan=st.lists(step, min_size=1, max_size=30),
            cuts=st.lists(st.integers(1, 12), min_size=1),
            tasks_at=st.sets(st.integers(0, 3)),
        )
        def check(plan: list[tuple[int, int]], cuts: list[int], tasks_at: set[int]) -> None:
            outcomes = []
            applied_in_runs: list[int] = []
            for batched in (True, False):
                with monkeypatch.context() as m:
                    if not batched:
                        m.setattr(batched_path, "_COUNT_TYPES", frozenset())
                    else:  # the batched twin really takes the batched path
                        real = batched_path.apply_counts

                        def spy(*args: Any, real: Any = real) -> int:
                            applied_in_runs.append(real(*args))
                            return applied_in_runs[-1]

                        m.setattr(batched_path, "apply_counts", spy)
                    refs = _locations(w, other)
                    with w._ctx.db.write() as conn:  # every twin starts with no task and an empty past
                        conn.execute(count_tasks.delete())
                    _open_tasks(w, sorted({refs[i][1] for i in tasks_at}))
                    dev = w.device(w.picker, f"twin-{next(_numbers)}")
                    ops = _ops(w, dev, plan, refs)
                    start, i = 0, 0
                    while start < len(ops):
                        size = cuts[i % len(cuts)]
                        answers = dev.push(ops[start : start + size])
                        assert [a["op_id"] for a in answers] == [
                            o["op_id"] for o in ops[start : start + size]
                        ]
                        start, i = start + size, i + 1
                    outcomes.append(_outcome(w, ops, refs))
            assert outcomes[0]["results"] == outcomes[1]["results"]
            assert outcomes[0]["records"] == outcomes[1]["records"]
            assert outcomes[0]["tasks"] == outcomes[1]["tasks"]
            # the feed keeps each location's newest row: what a terminal pulls
            assert sorted(outcomes[0]["feed"]) == sorted(outcomes[1]["feed"])
            # and it is what a count means: every good count is applied, a task at a counted place is done
            good = [n for n, (slot, flaw) in enumerate(plan) if flaw == 0 and slot < 4]
            assert [n for n, status, _ in outcomes[0]["results"] if status == "applied"] == good
            assert sum(applied_in_runs) == len(good)  # every applied count went the batched way

        check()
