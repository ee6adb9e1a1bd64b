"""The pull mirror: the server's change feed applied page by page (with its cursor, in one
transaction), resync, and the catalog search index rebuilt after a bulk load."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from shared.domain import (
    BoxKind,
    UnitStatus,
)

from .connection import GEN_KEY, StoreCore
from .models import (
    ChangeSet,
    PullApplied,
)

CURSOR_KEY = "sync.cursor"
DETAIL_LIMIT = 500  # pull pages larger than this report ChangeSet(full=True)
FTS_DIRTY_KEY = "catalog.fts_dirty"
RESYNC_KEY = "sync.resync"

# pull entity -> (table, primary key column, extracted columns)
_ENTITY_TABLES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "site": ("sites", "id", ("kind", "name", "address", "storage_days", "fitting_rooms", "fitting_minutes")),
    "cell": ("cells", "id", ("site_id", "number", "capacity")),
    "location": ("locations", "id", ("site_id", "code")),
    "product": ("products", "sku", ("name", "brand", "price", "gtin", "needs_marking", "category")),
    "order": (
        "orders",
        "id",
        (
            "customer_id",
            "pvz_id",
            "amount",
            "customer_name",
            "customer_phone",
            "phone_tail",
            "created_at",
            "number",
            "payment",
            "payment_status",
        ),
    ),
    "unit": ("units", "id", ()),
    "box": ("boxes", "id", ()),
    "route": ("routes", "id", ()),
    "task": ("tasks", "id", ("site_id", "order_id", "created_at")),
    "pickup_key": ("pickup_keys", "id", ("public_key",)),
    "revocation": ("revocations", "id", ()),
    "short_code": ("short_codes", "id", ("order_id", "hash", "salt")),
    "discrepancy": ("discrepancies", "id", ("box_id", "direction", "kind", "resolved_at")),
}
_CHANGE_FIELD = {
    "site": "sites",
    "cell": "cells",
    "location": "locations",
    "product": "products",
    "order": "orders",
    "unit": "units",
    "box": "boxes",
    "route": "routes",
    "task": "tasks",
    "discrepancy": "discrepancies",
}
_DEFAULTS: dict[str, Any] = {
    "storage_days": 7,
    "fitting_rooms": 2,
    "fitting_minutes": 15,
    "capacity": 10,
    "number": 0,
    "price": 0,
    "amount": 0,
    "needs_marking": 0,
    "created_at": None,
    "payment": "prepaid",
}


def _money(value: Any) -> int:
    if isinstance(value, Mapping):
        value = value.get("kopecks", value.get("amount", 0))
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _customer(data: Mapping[str, Any]) -> tuple[str, str]:
    cust = data.get("customer")
    name = data.get("customer_name") or (cust.get("name") if isinstance(cust, Mapping) else "") or ""
    phone = (
        data.get("customer_phone")
        or data.get("phone")
        or (cust.get("phone") if isinstance(cust, Mapping) else "")
        or ""
    )
    return str(name), str(phone)


def _phone_tail(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit())
    return digits[-4:]


class Mirror(StoreCore):
    @property
    def cursor(self) -> str | None:
        """The pull cursor; None before the first page was ever applied."""
        return self.kv_get(CURSOR_KEY)

    @property
    def resync_in_progress(self) -> bool:
        return self.kv_get(RESYNC_KEY) == "1"

    def apply_pull_page(self, changes: Iterable[Mapping[str, Any]], next_cursor: str) -> PullApplied:
        """Apply one pull page and store ``next_cursor``, in one transaction.

        Units, orders and products (the bulk of a first sync) are written with one statement per
        entity kind; a page of more than DETAIL_LIMIT changes reports ``full`` instead of ids.
        """
        result = ChangeSet()
        page = list(changes)
        detailed = len(page) <= DETAIL_LIMIT
        bulk: dict[str, list[tuple[Any, ...]]] = {"unit": [], "order": [], "product": []}
        with self._tx() as db:
            for change in page:
                entity = str(change.get("entity", ""))
                if entity in bulk and change.get("op") != "delete":
                    bulk[entity].append(self._bulk_row(entity, change))
                    if detailed:
                        getattr(result, _CHANGE_FIELD[entity]).add(str(change["id"]))
                else:
                    self._apply_change(db, change, result)
            if bulk["product"]:
                self._bulk_products(db, bulk["product"])
            if bulk["order"]:
                self._bulk_orders(db, bulk["order"])
            if bulk["unit"]:
                self._bulk_units(db, bulk["unit"], result if detailed else None)
            self._kv_write(db, CURSOR_KEY, next_cursor)
        if not detailed:
            result.full = True
        return PullApplied(len(page), result)

    def _bulk_row(self, entity: str, change: Mapping[str, Any]) -> tuple[Any, ...]:
        key = str(change["id"])
        d: Mapping[str, Any] = change.get("data") or {}
        if entity == "unit":
            status = str(d.get("status") or UnitStatus.CREATED.value)
            accepted = d.get("accepted_at")
            if accepted is None and status == UnitStatus.ACCEPTED.value:
                accepted = d.get("updated_at")
            return (
                key,
                str(d.get("label") or ""),
                str(d.get("order_id") or ""),
                str(d.get("sku") or ""),
                str(d.get("pvz_id") or ""),
                str(d.get("customer_id") or ""),
                status,
                d.get("box_id"),
                d.get("cell_id"),
                d.get("location_id"),
                accepted,
                d.get("updated_at"),
                self._gen,
            )
        values = self._columns(entity, d)
        return (key, *values.values(), self._gen)

    def _bulk_products(self, db: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
        """Upsert products. A small batch updates the search index row by row; a big one (a first
        sync) marks the index for one rebuild at the end of the pull (finish_pull)."""
        small = len(rows) <= DETAIL_LIMIT
        skus = json.dumps([r[0] for r in rows])
        if small:
            db.execute(
                "INSERT INTO products_fts (products_fts, rowid, name, brand, sku, gtin) "
                "SELECT 'delete', rowid, name, brand, sku, gtin FROM products "
                "WHERE sku IN (SELECT value FROM json_each(?))",
                (skus,),
            )
        else:
            self._kv_write(db, FTS_DIRTY_KEY, "1")
        db.executemany(
            """INSERT INTO products (sku, name, brand, price, gtin, needs_marking, category, gen)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (sku) DO UPDATE SET name = excluded.name, brand = excluded.brand, price = excluded.price,
                   gtin = excluded.gtin, needs_marking = excluded.needs_marking, category = excluded.category,
                   gen = excluded.gen""",
            rows,
        )
        if small:
            db.execute(
                "INSERT INTO products_fts (rowid, name, brand, sku, gtin) SELECT rowid, name, brand, sku, gtin "
                "FROM products WHERE sku IN (SELECT value FROM json_each(?))",
                (skus,),
            )

    def _bulk_orders(self, db: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
        cols = ("id", *_ENTITY_TABLES["order"][2], "gen")
        updates = ", ".join(f"{c} = excluded.{c}" for c in cols[1:])
        db.executemany(
            f"INSERT INTO orders ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}",
            rows,
        )

    def _bulk_units(self, db: sqlite3.Connection, rows: list[tuple[Any, ...]], out: ChangeSet | None) -> None:
        ids = json.dumps([r[0] for r in rows])
        if out is not None:
            for r in db.execute(
                "SELECT order_id, box_id, cell_id FROM units WHERE id IN (SELECT value FROM json_each(?))",
                (ids,),
            ):
                out.orders.add(r["order_id"])
                if r["box_id"]:
                    out.boxes.add(r["box_id"])
                if r["cell_id"]:
                    out.cells.add(r["cell_id"])
            for r in rows:
                out.orders.add(r[2])
                if r[7]:
                    out.boxes.add(r[7])
                if r[8]:
                    out.cells.add(r[8])
        db.executemany(
            """INSERT INTO units (id, label, order_id, sku, pvz_id, customer_id, srv_status, srv_box_id, srv_cell_id,
                   srv_location_id, srv_accepted_at, updated_at, gen,
                   status, box_id, cell_id, location_id, accepted_at)
               VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?7, ?8, ?9, ?10, ?11)
               ON CONFLICT (id) DO UPDATE SET label = excluded.label, order_id = excluded.order_id,
                   sku = excluded.sku, pvz_id = excluded.pvz_id, customer_id = excluded.customer_id,
                   srv_status = excluded.srv_status, srv_box_id = excluded.srv_box_id,
                   srv_cell_id = excluded.srv_cell_id, srv_location_id = excluded.srv_location_id,
                   srv_accepted_at = excluded.srv_accepted_at, updated_at = excluded.updated_at,
                   gen = excluded.gen""",
            rows,
        )
        # The server's state shows unless a local op on the unit still waits for the server.
        db.execute(
            """UPDATE units SET status = srv_status, box_id = srv_box_id, cell_id = srv_cell_id,
                   location_id = srv_location_id, accepted_at = srv_accepted_at
               WHERE id IN (SELECT value FROM json_each(?))
                 AND (status IS NOT srv_status OR box_id IS NOT srv_box_id OR cell_id IS NOT srv_cell_id
                      OR location_id IS NOT srv_location_id OR accepted_at IS NOT srv_accepted_at)
                 AND NOT EXISTS (SELECT 1 FROM op_units t WHERE t.unit_id = units.id)""",
            (ids,),
        )

    def _apply_change(self, db: sqlite3.Connection, change: Mapping[str, Any], out: ChangeSet) -> None:
        entity = str(change.get("entity", ""))
        spec = _ENTITY_TABLES.get(entity)
        if spec is None:
            return  # an entity this client does not keep: newer server, ignore
        table, pk, _cols = spec
        key = str(change["id"])
        data: Mapping[str, Any] = change.get("data") or {}
        if field_name := _CHANGE_FIELD.get(entity):
            getattr(out, field_name).add(key)
        if entity in ("pickup_key", "revocation", "short_code"):
            out.pickup = True
        if change.get("op") == "delete":
            if entity == "unit":
                row = db.execute(
                    "SELECT order_id, box_id, cell_id FROM units WHERE id = ?", (key,)
                ).fetchone()
                if row is not None:
                    out.orders.add(row["order_id"])
            if entity == "task":
                db.execute("DELETE FROM task_units WHERE task_id = ?", (key,))
            if entity == "product":
                db.execute(
                    "INSERT INTO products_fts (products_fts, rowid, name, brand, sku, gtin) "
                    "SELECT 'delete', rowid, name, brand, sku, gtin FROM products WHERE sku = ?",
                    (key,),
                )
            db.execute(f"DELETE FROM {table} WHERE {pk} = ?", (key,))
            return
        blob = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if entity == "unit":
            self._upsert_unit(db, key, data, blob, out)
        elif entity == "box":
            self._upsert_box(db, key, data, blob)
        elif entity == "route":
            self._upsert_route(db, key, data, blob, out)
        else:
            values = self._columns(entity, data)
            if entity == "task":
                self._task_units(db, key, data)
            cols = [pk, *values.keys(), "data", "gen"]
            marks = ", ".join("?" for _ in cols)
            updates = ", ".join(f"{c} = excluded.{c}" for c in cols[1:])
            db.execute(
                f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks}) ON CONFLICT ({pk}) DO UPDATE SET {updates}",
                (key, *values.values(), blob, self._gen),
            )

    def _columns(self, entity: str, data: Mapping[str, Any]) -> dict[str, Any]:
        cols = _ENTITY_TABLES[entity][2]
        out: dict[str, Any] = {}
        if entity == "order":
            name, phone = _customer(data)
            data = {**data, "customer_name": name, "customer_phone": phone, "phone_tail": _phone_tail(phone)}
        for c in cols:
            v = data.get(c, data.get(f"{c}_kopecks", _DEFAULTS.get(c, "")))
            if c in ("price", "amount"):
                v = _money(v)
            elif c == "needs_marking":
                v = 1 if v else 0
            elif isinstance(v, bool):
                v = int(v)
            elif v is None and c not in ("created_at",):
                v = _DEFAULTS.get(c, "")
            out[c] = v
        if entity == "site":
            out["kind"] = str(out["kind"])
        return out

    @staticmethod
    def _task_units(db: sqlite3.Connection, task_id: str, data: Mapping[str, Any]) -> None:
        unit_ids = data.get("unit_ids")
        if unit_ids is None and isinstance(data.get("units"), list):  # the backend sends unit records
            unit_ids = [u["id"] for u in data["units"] if isinstance(u, Mapping) and "id" in u]
        if unit_ids is None:
            return
        db.execute("DELETE FROM task_units WHERE task_id = ?", (task_id,))
        db.executemany(
            "INSERT INTO task_units (task_id, position, unit_id) VALUES (?, ?, ?)",
            [(task_id, i, str(u)) for i, u in enumerate(unit_ids)],
        )

    def _upsert_unit(
        self, db: sqlite3.Connection, key: str, d: Mapping[str, Any], blob: str, out: ChangeSet
    ) -> None:
        old = db.execute("SELECT order_id, box_id, cell_id FROM units WHERE id = ?", (key,)).fetchone()
        if old is not None:
            out.orders.add(old["order_id"])
            if old["box_id"]:
                out.boxes.add(old["box_id"])
            if old["cell_id"]:
                out.cells.add(old["cell_id"])
        status = str(d.get("status") or UnitStatus.CREATED.value)
        accepted = d.get("accepted_at")
        if accepted is None and status == UnitStatus.ACCEPTED.value:
            accepted = d.get("updated_at")
        vals = (
            key,
            str(d.get("label") or ""),
            str(d.get("order_id") or ""),
            str(d.get("sku") or ""),
            str(d.get("pvz_id") or ""),
            str(d.get("customer_id") or ""),
            status,
            d.get("box_id"),
            d.get("cell_id"),
            d.get("location_id"),
            accepted,
            d.get("updated_at"),
            blob,
            self._gen,
        )
        db.execute(
            """INSERT INTO units (id, label, order_id, sku, pvz_id, customer_id, srv_status, srv_box_id, srv_cell_id,
                   srv_location_id, srv_accepted_at, updated_at, data, gen,
                   status, box_id, cell_id, location_id, accepted_at)
               VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?7, ?8, ?9, ?10, ?11)
               ON CONFLICT (id) DO UPDATE SET label = excluded.label, order_id = excluded.order_id,
                   sku = excluded.sku, pvz_id = excluded.pvz_id, customer_id = excluded.customer_id,
                   srv_status = excluded.srv_status, srv_box_id = excluded.srv_box_id,
                   srv_cell_id = excluded.srv_cell_id, srv_location_id = excluded.srv_location_id,
                   srv_accepted_at = excluded.srv_accepted_at, updated_at = excluded.updated_at,
                   data = excluded.data, gen = excluded.gen""",
            vals,
        )
        # The server's state shows unless a local op on this unit still waits for the server.
        db.execute(
            """UPDATE units SET status = srv_status, box_id = srv_box_id, cell_id = srv_cell_id,
                   location_id = srv_location_id, accepted_at = srv_accepted_at
               WHERE id = ? AND NOT EXISTS (SELECT 1 FROM op_units WHERE unit_id = ?)""",
            (key, key),
        )
        if d.get("box_id"):
            out.boxes.add(str(d["box_id"]))
        if d.get("cell_id"):
            out.cells.add(str(d["cell_id"]))
        if d.get("order_id"):
            out.orders.add(str(d["order_id"]))

    def _upsert_box(self, db: sqlite3.Connection, key: str, d: Mapping[str, Any], blob: str) -> None:
        db.execute(
            """INSERT INTO boxes (id, kind, origin_site_id, destination_site_id, closed, route_id, acceptance_closed,
                   handed_over, local_only, data, gen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
               ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, origin_site_id = excluded.origin_site_id,
                   destination_site_id = excluded.destination_site_id,
                   closed = MAX(boxes.closed, excluded.closed),
                   route_id = COALESCE(excluded.route_id, boxes.route_id),
                   acceptance_closed = MAX(boxes.acceptance_closed, excluded.acceptance_closed),
                   handed_over = MAX(boxes.handed_over, excluded.handed_over),
                   local_only = 0, data = excluded.data, gen = excluded.gen""",
            (
                key,
                str(d.get("kind") or BoxKind.FORWARD.value),
                str(d.get("origin_site_id") or ""),
                str(d.get("destination_site_id") or ""),
                1 if d.get("closed") else 0,
                d.get("route_id"),
                1 if d.get("acceptance_closed") or d.get("accepted_at") else 0,
                1 if d.get("handed_over") or d.get("handed_over_at") else 0,
                blob,
                self._gen,
            ),
        )

    def _upsert_route(
        self, db: sqlite3.Connection, key: str, d: Mapping[str, Any], blob: str, out: ChangeSet
    ) -> None:
        db.execute(
            """INSERT INTO routes (id, origin_site_id, destination_site_id, closed, local_only, data, gen)
               VALUES (?, ?, ?, ?, 0, ?, ?)
               ON CONFLICT (id) DO UPDATE SET origin_site_id = excluded.origin_site_id,
                   destination_site_id = excluded.destination_site_id, closed = MAX(routes.closed, excluded.closed),
                   local_only = 0, data = excluded.data, gen = excluded.gen""",
            (
                key,
                str(d.get("origin_site_id") or ""),
                str(d.get("destination_site_id") or ""),
                1 if d.get("closed") else 0,
                blob,
                self._gen,
            ),
        )
        for box_id in d.get("box_ids") or ():
            db.execute("UPDATE boxes SET route_id = ? WHERE id = ?", (key, str(box_id)))
            out.boxes.add(str(box_id))

    def local_counts(self) -> dict[str, int]:
        """Local totals per pull entity, comparable with the server's ``counts`` (local-only rows excluded)."""
        out: dict[str, int] = {}
        for entity, (table, _pk, _cols) in _ENTITY_TABLES.items():
            local_only = " WHERE local_only = 0" if table in ("boxes", "routes") else ""
            out[entity] = int(self._q(f"SELECT count(*) FROM {table}{local_only}")[0][0])
        return out

    def start_resync(self) -> None:
        """Pull everything again from an empty cursor; rows the server no longer sends go at the end."""
        with self._tx() as db:
            self._gen += 1
            self._kv_write(db, GEN_KEY, str(self._gen))
            self._kv_write(db, RESYNC_KEY, "1")
            self._kv_write(db, CURSOR_KEY, "")

    def finish_pull(self) -> ChangeSet:
        """Call after the last page (has_more false). Ends a resync (drops rows the server did not
        send) and rebuilds the catalog search index after a bulk load."""
        out = ChangeSet()
        if self.resync_in_progress:
            with self._tx() as db:
                for table, _pk, _cols in _ENTITY_TABLES.values():
                    extra = " AND local_only = 0" if table in ("boxes", "routes") else ""
                    if table == "tasks":
                        db.execute(
                            "DELETE FROM task_units WHERE task_id IN (SELECT id FROM tasks WHERE gen < ?)",
                            (self._gen,),
                        )
                    db.execute(f"DELETE FROM {table} WHERE gen < ?{extra}", (self._gen,))
                self._kv_write(db, RESYNC_KEY, None)
                self._kv_write(db, FTS_DIRTY_KEY, "1")
            out.full = True
        if self.kv_get(FTS_DIRTY_KEY) == "1":
            with self._tx() as db:
                db.execute("INSERT INTO products_fts (products_fts) VALUES ('rebuild')")
                self._kv_write(db, FTS_DIRTY_KEY, None)
            out.full = True
        return out
