"""Route cut-offs: the departure rule (shared/domain/cutoffs.py), the backend giving each new pick task
its route and departure (task data in /api/v1/warehouse/tasks and in pull), and the terminal's
at-risk estimate."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from backend_stub.services.departures import set_departures
from shared.domain import ManualClock
from shared.domain.cutoffs import CutoffState, Departure, Pace, by_cutoff, cutoff_state, next_departure
from tests.support.inprocess import InProcessBackend
from tests.support.world import World

T0 = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def test_an_order_goes_on_the_first_departure_it_can_make() -> None:
    schedule = [Departure.parse("Morning", "10:00", 90), Departure.parse("Noon", "12:00", 60)]
    # 09:30 is within the morning route's 90 min lead: the noon one
    assert next_departure(schedule, T0) == ("Noon", T0.replace(hour=12, minute=0))
    assert next_departure(schedule, T0.replace(hour=8, minute=30)) == (
        "Morning",
        T0.replace(hour=10, minute=0),
    )
    # after the last one: tomorrow's first
    late = T0.replace(hour=15)
    assert next_departure(schedule, late) == (
        "Morning",
        (late + timedelta(days=1)).replace(hour=10, minute=0),
    )
    assert next_departure([], T0) is None


def test_will_it_make_the_route() -> None:
    departs = T0 + timedelta(minutes=45)
    pace = Pace(seconds_per_unit=60, pack_and_load_minutes=20)
    assert cutoff_state(None, 3, T0, pace) is CutoffState.NONE
    assert cutoff_state(departs, 10, T0, pace) is CutoffState.ON_TIME  # 10 + 20 min < 45
    assert cutoff_state(departs, 30, T0, pace) is CutoffState.AT_RISK  # 30 + 20 min > 45
    assert cutoff_state(departs, 1, departs, pace) is CutoffState.MISSED
    order = by_cutoff(
        [None, departs, T0, departs], [T0, T0, T0 + timedelta(hours=1), T0 - timedelta(hours=1)]
    )
    assert order == [2, 3, 1, 0]


def test_a_new_pick_task_carries_its_route_and_departure(tmp_path: Path) -> None:
    clock = ManualClock(T0)
    backend = InProcessBackend(tmp_path / "b", clock=clock)
    try:
        with World.standard(backend) as world:
            with backend.ctx.db.write() as conn:
                set_departures(
                    conn,
                    world.warehouse,
                    world.pvz1,
                    [("Тверская утро", "10:00", 90), ("Тверская день", "14:00", 90)],
                )
            order = world.place_order(world.customer, world.pvz1, [world.skus[0]])
            world.pay(order)
            task = world.wait_for_task(order["id"])
            assert task["route_name"] == "Тверская день"
            assert task["departs_at"] == "2026-11-25T14:00:00.000Z"
            # a PVZ with no schedule: no cut-off
            other = world.place_order(world.customer, world.pvz2, [world.skus[1]])
            world.pay(other)
            plain = world.wait_for_task(other["id"])
            assert plain["route_name"] is None and plain["departs_at"] is None
            # the task entity in pull carries the same fields
            pulled = world.device(world.picker).pull()
            mine = next(c for c in pulled if c["entity"] == "task" and c["id"] == task["id"])
            assert mine["data"]["route_name"] == "Тверская день"
            assert mine["data"]["departs_at"] == "2026-11-25T14:00:00.000Z"
    finally:
        backend.close()
