"""Property: whatever mix of valid and invalid operations a clerk makes, the journal numbers the
confirmed ones 1..n without gaps and the local unit states follow the one domain table."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shared.domain import (
    IllegalTransition,
    InvalidOperation,
    ManualClock,
    OpType,
    Role,
    SiteKind,
    UnitStatus,
    check_transition,
)
from shared.store import Actor, LocalStore

PVZ = "PVZ-P"
CLERK = Actor("u1", "clerk", Role.CLERK, PVZ, SiteKind.PVZ)
UNITS = [f"U{i}" for i in range(4)]
CELLS = [f"{PVZ}:{n:04d}" for n in (1, 2)] + [f"{PVZ}:0099"]  # 0099 does not exist

ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["accept", "move", "missing", "damaged", "found"]),
        st.sampled_from([*UNITS, "U-unknown"]),
        st.sampled_from(CELLS),
    ),
    max_size=25,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ACTIONS)
def test_journal_and_states_follow_the_domain_table(actions: list[tuple[str, str, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = LocalStore.open(Path(tmp) / "p.sqlite3", "dev", ManualClock(datetime(2026, 3, 1, tzinfo=UTC)))
        store.apply_pull_page(
            [
                {"entity": "cell", "id": c, "op": "upsert", "data": {"site_id": PVZ, "number": int(c[-4:])}}
                for c in CELLS[:2]
            ]
            + [
                {
                    "entity": "unit",
                    "id": u,
                    "op": "upsert",
                    "data": {"status": "SHIPPED", "pvz_id": PVZ, "box_id": "B"},
                }
                for u in UNITS
            ],
            "1",
        )
        model = {u: UnitStatus.SHIPPED for u in UNITS}
        confirmed = 0
        for action, unit, cell in actions:
            op, payload, target = {
                "accept": (
                    OpType.ACCEPT_UNIT,
                    {"unit_id": unit, "box_id": "B", "cell_id": cell},
                    UnitStatus.ACCEPTED,
                ),
                "move": (OpType.MOVE_UNIT, {"unit_id": unit, "cell_id": cell}, None),
                "missing": (OpType.MARK_MISSING, {"unit_id": unit, "reason": "r"}, UnitStatus.MISSING),
                "damaged": (OpType.MARK_DAMAGED, {"unit_id": unit, "reason": "r"}, UnitStatus.DAMAGED),
                "found": (OpType.FOUND_UNIT, {"unit_id": unit, "cell_id": cell}, UnitStatus.ACCEPTED),
            }[action]
            try:
                rec = store.record(op, payload, CLERK)
            except (InvalidOperation, IllegalTransition):
                if unit in model:
                    assert store.unit(unit).status is model[unit]  # type: ignore[union-attr]  # untouched
                continue
            confirmed += 1
            assert rec.op.seq == confirmed
            assert (unit in model and cell != "PVZ-P:0099") or action in ("missing", "damaged")
            if target is not None:
                check_transition(model[unit], target, Role.CLERK, SiteKind.PVZ)  # the table allowed it
                model[unit] = target
            else:
                assert model[unit] in (UnitStatus.ACCEPTED, UnitStatus.REFUSED)
        assert [op.seq for op in store.pending_ops(1000)] == list(range(1, confirmed + 1))
        assert {u: store.unit(u).status for u in UNITS} == model  # type: ignore[union-attr]
        store.close()
