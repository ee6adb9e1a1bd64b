"""Read models of the pickup point: sites, cells and their load, where to put a customer's unit, and
the offline pickup material (public keys, revocations, short codes)."""

from __future__ import annotations

import sqlite3

from .models import (
    CellLoad,
    CellView,
    SiteView,
    UnitView,
)
from .read_units import UnitReads


class PvzReads(UnitReads):
    def site(self, site_id: str) -> SiteView | None:
        r = self._one("SELECT * FROM sites WHERE id = ?", (site_id,))
        return (
            None
            if r is None
            else SiteView(
                r["id"],
                r["kind"],
                r["name"],
                r["address"],
                int(r["storage_days"]),
                int(r["fitting_rooms"]),
                int(r["fitting_minutes"]),
            )
        )

    @staticmethod
    def _cell_view(r: sqlite3.Row) -> CellView:
        number = int(r["number"])
        label = f"C-{r['site_id']}-{number:04d}" if r["site_id"] else r["id"]
        return CellView(r["id"], r["site_id"], number, int(r["capacity"]), label)

    def cell(self, cell_id: str) -> CellView | None:
        r = self._one("SELECT * FROM cells WHERE id = ?", (cell_id,))
        return None if r is None else self._cell_view(r)

    def cell_by_number(self, site_id: str, number: int) -> CellView | None:
        r = self._one("SELECT * FROM cells WHERE site_id = ? AND number = ?", (site_id, number))
        return None if r is None else self._cell_view(r)

    def cells(self, site_id: str | None = None) -> list[CellView]:
        rows = self._q(
            "SELECT * FROM cells WHERE ? IS NULL OR site_id = ? ORDER BY site_id, number", (site_id, site_id)
        )
        return [self._cell_view(r) for r in rows]

    def cell_contents(self, cell_id: str) -> list[UnitView]:
        return self._units("u.cell_id = ?", (cell_id,), "u.customer_id, u.label")

    def cell_load(self, site_id: str | None = None) -> list[CellLoad]:
        """Every cell with the units and customers in it now."""
        rows = self._q(
            """SELECT c.*, count(u.id) AS n, count(DISTINCT u.customer_id) AS k FROM cells c
               LEFT JOIN units u ON u.cell_id = c.id AND u.status IN ('ACCEPTED', 'REFUSED', 'DAMAGED')
               WHERE ? IS NULL OR c.site_id = ? GROUP BY c.id ORDER BY c.site_id, c.number""",
            (site_id, site_id),
        )
        return [CellLoad(self._cell_view(r), int(r["n"]), int(r["k"])) for r in rows]

    def suggest_cell(self, customer_id: str, site_id: str) -> CellView | None:
        """Where to put a customer's unit: the cell already holding their units, else the emptiest cell."""
        r = self._one(
            """SELECT c.* FROM units u JOIN cells c ON c.id = u.cell_id
               WHERE u.customer_id = ? AND u.status = 'ACCEPTED' AND c.site_id = ?
               GROUP BY c.id ORDER BY count(*) DESC, c.number LIMIT 1""",
            (customer_id, site_id),
        )
        if r is not None:
            return self._cell_view(r)
        free = [load for load in self.cell_load(site_id) if load.units < load.cell.capacity]
        if not free:
            return None
        return min(free, key=lambda load: (load.units, load.cell.number)).cell

    def pickup_keys(self) -> list[str]:
        """The backend's pickup public keys (base64 Ed25519), as pulled."""
        return [r[0] for r in self._q("SELECT public_key FROM pickup_keys ORDER BY id")]

    def revocations(self) -> set[str]:
        return {r[0] for r in self._q("SELECT id FROM revocations")}

    def short_code_salts(self) -> list[str]:
        """The distinct salts the short-code hashes were made with (one per PVZ)."""
        return [r[0] for r in self._q("SELECT DISTINCT salt FROM short_codes WHERE salt != ''")]

    def order_for_short_code_hash(self, digest: str) -> str | None:
        r = self._one("SELECT order_id FROM short_codes WHERE hash = ?", (digest,))
        return None if r is None else str(r[0])
