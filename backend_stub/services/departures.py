"""Route departures: a warehouse's daily departures to each PVZ, and the one a new pick task's boxes
leave on (its cut-off). The rule is shared/domain/cutoffs.py; this module keeps the schedule."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, bindparam, delete, insert, select

from shared.domain import parse_iso, utc_iso
from shared.domain.cutoffs import Departure, next_departure

from ..db import Fast, route_departures

_SCHEDULE = Fast(
    select(route_departures.c.name, route_departures.c.departs, route_departures.c.lead_minutes).where(
        route_departures.c.warehouse_id == bindparam("b_wh"), route_departures.c.pvz_id == bindparam("b_pvz")
    )
)


def set_departures(
    conn: Connection, warehouse_id: str, pvz_id: str, departures: Iterable[tuple[str, str, int]]
) -> None:
    """Replace the daily departures from ``warehouse_id`` to ``pvz_id``: (route name, 'HH:MM' UTC,
    lead minutes). Tasks made before keep the departure they were given."""
    rows = []
    for name, hhmm, lead in departures:
        Departure.parse(name, hhmm, lead)  # refuses what is not a time of day
        rows.append(
            {
                "warehouse_id": warehouse_id,
                "pvz_id": pvz_id,
                "name": name,
                "departs": hhmm,
                "lead_minutes": lead,
            }
        )
    conn.execute(
        delete(route_departures).where(
            route_departures.c.warehouse_id == warehouse_id, route_departures.c.pvz_id == pvz_id
        )
    )
    if rows:
        conn.execute(insert(route_departures), rows)


def schedule(conn: Connection, warehouse_id: str, pvz_id: str) -> list[Departure]:
    return [
        Departure.parse(r.name, r.departs, int(r.lead_minutes))
        for r in _SCHEDULE.all(conn, {"b_wh": warehouse_id, "b_pvz": pvz_id})
    ]


def departure_for(
    conn: Connection, warehouse_id: str, pvz_id: str, paid_at: str | datetime
) -> tuple[str, str] | None:
    """(route name, departure as ISO UTC) for an order paid at ``paid_at``, or None (no schedule)."""
    when = parse_iso(paid_at) if isinstance(paid_at, str) else paid_at
    found = next_departure(schedule(conn, warehouse_id, pvz_id), when)
    return None if found is None else (found[0], utc_iso(found[1]))
