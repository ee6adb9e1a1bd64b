"""Read models both apps use: units (with product, customer and cell), orders, boxes, the catalog."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from shared.domain import (
    BoxKind,
    UnitStatus,
    box_status,
    order_status,
)
from shared.domain.storage import is_overdue

from .connection import StoreCore, parse_dt
from .models import (
    BoxView,
    OrderView,
    ProductView,
    UnitView,
)

_UNIT_SELECT = """
SELECT u.*, p.name AS p_name, p.brand AS p_brand, p.gtin AS p_gtin, p.needs_marking AS p_marking,
       p.price AS p_price, p.category AS p_category, o.customer_name AS o_name, o.customer_phone AS o_phone, c.number AS c_number,
       o.number AS o_number, o.payment AS o_payment, o.payment_status AS o_payment_status,
       s.storage_days AS s_days,
       EXISTS (SELECT 1 FROM op_units t WHERE t.unit_id = u.id) AS pending
FROM units u
LEFT JOIN products p ON p.sku = u.sku
LEFT JOIN orders o ON o.id = u.order_id
LEFT JOIN cells c ON c.id = u.cell_id
LEFT JOIN sites s ON s.id = u.pvz_id
"""


class UnitReads(StoreCore):
    def _unit_view(self, r: sqlite3.Row) -> UnitView:
        return UnitView(
            id=r["id"],
            label=r["label"],
            order_id=r["order_id"],
            sku=r["sku"],
            status=UnitStatus(r["status"]),
            pvz_id=r["pvz_id"],
            customer_id=r["customer_id"],
            box_id=r["box_id"],
            cell_id=r["cell_id"],
            location_id=r["location_id"],
            product_name=r["p_name"] or "",
            brand=r["p_brand"] or "",
            gtin=r["p_gtin"] or "",
            needs_marking=bool(r["p_marking"]),
            price=int(r["p_price"] or 0),
            customer_name=r["o_name"] or "",
            customer_phone=r["o_phone"] or "",
            cell_number=r["c_number"],
            accepted_at=parse_dt(r["accepted_at"]),
            pending=bool(r["pending"]),
            order_number=int(r["o_number"] or 0) or None,
            payment=r["o_payment"] or "prepaid",
            payment_status=r["o_payment_status"] or "",
            storage_days=int(r["s_days"]) if r["s_days"] is not None else 7,
            updated_at=parse_dt(r["updated_at"]),
            category=r["p_category"] or "",
        )

    def _units(self, where: str, params: Sequence[Any] = (), order: str = "u.label") -> list[UnitView]:
        return [self._unit_view(r) for r in self._q(f"{_UNIT_SELECT} WHERE {where} ORDER BY {order}", params)]

    def unit(self, unit_id: str) -> UnitView | None:
        found = self._units("u.id = ?", (unit_id,))
        return found[0] if found else None

    def unit_by_label(self, label: str) -> UnitView | None:
        found = self._units("u.label = ?", (label,))
        return found[0] if found else None

    def units_in_box(self, box_id: str) -> list[UnitView]:
        return self._units("u.box_id = ?", (box_id,))

    def units_for_order(self, order_id: str) -> list[UnitView]:
        return self._units("u.order_id = ?", (order_id,))

    def units_for_customer(self, customer_id: str, *statuses: UnitStatus | str) -> list[UnitView]:
        if statuses:
            marks = ", ".join("?" for _ in statuses)
            return self._units(
                f"u.customer_id = ? AND u.status IN ({marks})", (customer_id, *map(str, statuses))
            )
        return self._units("u.customer_id = ?", (customer_id,))

    def units_by_status(self, *statuses: UnitStatus | str, limit: int | None = None) -> list[UnitView]:
        marks = ", ".join("?" for _ in statuses) or "NULL"
        order = "u.label" + (f" LIMIT {int(limit)}" if limit else "")
        return self._units(f"u.status IN ({marks})", tuple(map(str, statuses)), order)

    def count_by_status(self) -> dict[UnitStatus, int]:
        return {
            UnitStatus(s): int(n) for s, n in self._q("SELECT status, count(*) FROM units GROUP BY status")
        }

    def expired_units(self, now: datetime, site_id: str | None = None) -> list[UnitView]:
        """ACCEPTED units whose storage is over: past the end of the day they arrived plus their
        PVZ's storage days (default 7); the one rule of shared/domain/storage.py."""
        rows = self._q(
            f"""{_UNIT_SELECT}
                WHERE u.status = 'ACCEPTED' AND u.accepted_at IS NOT NULL AND (? IS NULL OR u.pvz_id = ?)
                ORDER BY u.accepted_at""",
            (site_id, site_id),
        )
        views = (self._unit_view(r) for r in rows)
        return [u for u in views if is_overdue(u.accepted_at, u.storage_days, now)]

    def _order_view(self, r: sqlite3.Row) -> OrderView:
        statuses = [s for (s,) in self._q("SELECT status FROM units WHERE order_id = ?", (r["id"],))]
        return OrderView(
            id=r["id"],
            customer_id=r["customer_id"],
            pvz_id=r["pvz_id"],
            amount=int(r["amount"]),
            customer_name=r["customer_name"],
            customer_phone=r["customer_phone"],
            created_at=parse_dt(r["created_at"]),
            status=order_status(statuses).value,
            unit_count=len(statuses),
            number=int(r["number"] or 0) or None,
            payment=r["payment"] or "prepaid",
            payment_status=r["payment_status"] or "",
        )

    def order(self, order_id: str) -> OrderView | None:
        row = self._one("SELECT * FROM orders WHERE id = ?", (order_id,))
        return None if row is None else self._order_view(row)

    def orders_by_phone_suffix(self, digits: str) -> list[OrderView]:
        """Orders whose customer phone ends with ``digits`` (the last 4 or more digits)."""
        digits = "".join(ch for ch in digits if ch.isdigit())
        if len(digits) < 4:
            return []
        rows = self._q("SELECT * FROM orders WHERE phone_tail = ? ORDER BY created_at", (digits[-4:],))
        picked = [
            r for r in rows if "".join(ch for ch in r["customer_phone"] if ch.isdigit()).endswith(digits)
        ]
        return [self._order_view(r) for r in picked]

    def _box_view(self, r: sqlite3.Row) -> BoxView:
        statuses = [s for (s,) in self._q("SELECT status FROM units WHERE box_id = ?", (r["id"],))]
        kind = BoxKind(r["kind"]) if r["kind"] in ("forward", "return") else BoxKind.FORWARD
        return BoxView(
            id=r["id"],
            kind=kind.value,
            origin_site_id=r["origin_site_id"],
            destination_site_id=r["destination_site_id"],
            closed=bool(r["closed"]),
            route_id=r["route_id"],
            acceptance_closed=bool(r["acceptance_closed"]),
            handed_over=bool(r["handed_over"]),
            unit_count=len(statuses),
            local_only=bool(r["local_only"]),
            status=box_status(kind, statuses, bool(r["closed"])).value,
        )

    def box(self, box_id: str) -> BoxView | None:
        row = self._one("SELECT * FROM boxes WHERE id = ?", (box_id,))
        return None if row is None else self._box_view(row)

    def boxes(
        self,
        kind: BoxKind | str | None = None,
        status: str | None = None,
        *,
        destination: str | None = None,
        route_id: str | None = None,
    ) -> list[BoxView]:
        """Boxes, filtered by kind, derived status (BoxStatus value), destination or route."""
        where, params = ["1"], []
        if kind is not None:
            where.append("kind = ?")
            params.append(str(kind))
        if destination is not None:
            where.append("destination_site_id = ?")
            params.append(destination)
        if route_id is not None:
            where.append("route_id = ?")
            params.append(route_id)
        views = [
            self._box_view(r)
            for r in self._q(f"SELECT * FROM boxes WHERE {' AND '.join(where)} ORDER BY id", params)
        ]
        return [b for b in views if status is None or b.status == str(status)]

    def surplus(self, box_id: str) -> list[str]:
        """Labels recorded as surplus in a box, in order."""
        return [r[0] for r in self._q("SELECT label FROM surplus WHERE box_id = ? ORDER BY id", (box_id,))]

    @staticmethod
    def _product(r: sqlite3.Row) -> ProductView:
        return ProductView(
            r["sku"], r["name"], r["brand"], int(r["price"]), r["gtin"], bool(r["needs_marking"])
        )

    def product(self, sku: str) -> ProductView | None:
        r = self._one("SELECT * FROM products WHERE sku = ?", (sku,))
        return None if r is None else self._product(r)

    def product_by_gtin(self, gtin: str) -> ProductView | None:
        r = self._one("SELECT * FROM products WHERE gtin = ? LIMIT 1", (gtin,))
        return None if r is None else self._product(r)

    def catalog_search(self, query: str, limit: int = 50) -> list[ProductView]:
        """Full-text search of the cached catalog: every word must match, the last one as a prefix."""
        words = ["".join(ch for ch in w if ch.isalnum()) for w in query.split()]
        words = [w for w in words if w]
        if not words:
            return []
        match = " AND ".join(f'"{w}"*' for w in words)
        rows = self._q(
            "SELECT p.* FROM products_fts f JOIN products p ON p.rowid = f.rowid WHERE products_fts MATCH ? "
            "ORDER BY rank LIMIT ?",
            (match, limit),
        )
        return [self._product(r) for r in rows]
