"""Read models of the warehouse terminal: routes, storage locations and pick tasks."""

from __future__ import annotations

import sqlite3

from .connection import parse_dt
from .models import (
    LocationView,
    RouteView,
    TaskView,
    UnitView,
)
from .read_units import UnitReads


class TerminalReads(UnitReads):
    def _route_view(self, r: sqlite3.Row) -> RouteView:
        boxes = tuple(
            b for (b,) in self._q("SELECT id FROM boxes WHERE route_id = ? ORDER BY id", (r["id"],))
        )
        return RouteView(r["id"], r["origin_site_id"], r["destination_site_id"], boxes, bool(r["closed"]))

    def route(self, route_id: str) -> RouteView | None:
        row = self._one("SELECT * FROM routes WHERE id = ?", (route_id,))
        return None if row is None else self._route_view(row)

    def routes(self, *, open_only: bool = False) -> list[RouteView]:
        where = "WHERE closed = 0" if open_only else ""
        return [self._route_view(r) for r in self._q(f"SELECT * FROM routes {where} ORDER BY id")]

    def location(self, location_id: str) -> LocationView | None:
        r = self._one("SELECT * FROM locations WHERE id = ?", (location_id,))
        return None if r is None else LocationView(r["id"], r["site_id"], r["code"])

    def locations(self, site_id: str | None = None) -> list[LocationView]:
        rows = self._q(
            "SELECT * FROM locations WHERE ? IS NULL OR site_id = ? ORDER BY code", (site_id, site_id)
        )
        return [LocationView(r["id"], r["site_id"], r["code"]) for r in rows]

    def count_due(self, site_id: str | None = None) -> list[tuple[str, str, str, str]]:
        """Locations with an open count task (a short pick there): (id, code, sku, since), oldest
        first. The task comes in the location's pulled data (docs/PROTOCOL.md, "Short picks")."""
        rows = self._q(
            """SELECT id, code, json_extract(data, '$.count_task.sku') AS sku,
                   json_extract(data, '$.count_task.since') AS since FROM locations
               WHERE json_extract(data, '$.count_task') IS NOT NULL AND (? IS NULL OR site_id = ?)
               ORDER BY since, code""",
            (site_id, site_id),
        )
        return [(r["id"], r["code"], r["sku"] or "", r["since"] or "") for r in rows]

    def free_unit(self, sku: str, not_at: str | None) -> UnitView | None:
        """The unit a short pick of ``sku`` would be re-allocated to: CANCELLED, on a shelf other
        than ``not_at``, in no box; the first by location, then id (as the server chooses)."""
        rows = self._units(
            "u.sku = ? AND u.status = 'CANCELLED' AND u.location_id IS NOT NULL AND u.box_id IS NULL "
            "AND u.location_id != ?",
            (sku, not_at or ""),
            "u.location_id, u.id",
        )
        return rows[0] if rows else None

    def cart_size(self, site_id: str, default: int = 6) -> int:
        """Totes on a picking cart at this warehouse (the site's pulled ``cart_size``)."""
        r = self._one("SELECT json_extract(data, '$.cart_size') AS n FROM sites WHERE id = ?", (site_id,))
        try:
            n = int(r["n"]) if r is not None and r["n"] is not None else default
        except (TypeError, ValueError):
            n = default
        return n if n > 0 else default

    def _task_view(self, r: sqlite3.Row) -> TaskView:
        return TaskView(
            r["id"],
            r["site_id"],
            r["order_id"],
            parse_dt(r["created_at"]),
            int(r["total"]),
            int(r["done"]),
            parse_dt(r["departs_at"]),
            r["route_name"] or "",
        )

    # the route and its departure come in the task's pulled data (docs/PROTOCOL.md, entity task)
    _TASKS = """SELECT t.*, json_extract(t.data, '$.departs_at') AS departs_at,
                       json_extract(t.data, '$.route_name') AS route_name, count(tu.unit_id) AS total,
                       count(CASE WHEN u.status IS NOT NULL AND u.status NOT IN ('PAID', 'CREATED') THEN 1 END) AS done
                FROM tasks t LEFT JOIN task_units tu ON tu.task_id = t.id LEFT JOIN units u ON u.id = tu.unit_id"""

    def pick_tasks(self, open_only: bool = True) -> list[TaskView]:
        # earliest departure first (the cut-off list), tasks without a route after, then oldest first
        rows = self._q(
            f"{self._TASKS} GROUP BY t.id ORDER BY departs_at IS NULL, departs_at, t.created_at, t.id"
        )
        views = [self._task_view(r) for r in rows]
        return [t for t in views if t.open] if open_only else views

    def pick_task(self, task_id: str) -> TaskView | None:
        r = self._one(f"{self._TASKS} WHERE t.id = ? GROUP BY t.id", (task_id,))
        return None if r is None or r["id"] is None else self._task_view(r)

    def task_of_unit(self, unit_id: str) -> TaskView | None:
        """The pick task a unit was picked for (its route says which departure its box is for)."""
        r = self._one(
            f"{self._TASKS} WHERE t.id = (SELECT task_id FROM task_units WHERE unit_id = ? LIMIT 1) GROUP BY t.id",
            (unit_id,),
        )
        return None if r is None or r["id"] is None else self._task_view(r)

    def task_units(self, task_id: str) -> list[UnitView]:
        """A task's units in picking order."""
        return self._units(
            "u.id IN (SELECT unit_id FROM task_units WHERE task_id = ?)",
            (task_id, task_id),  # WHERE's placeholder first, then ORDER BY's
            "(SELECT position FROM task_units WHERE task_id = ? AND unit_id = u.id)",
        )
