"""The per-site change feed behind sync pull: one row per (site, entity, id), re-numbered on change.

Writing a change deletes the entity's previous row for that site and inserts a new one, so a pull
from any cursor sees each entity once, at its latest state, in the order of last change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select

from ..context import dumps
from ..database import feed_turn
from ..db import Bulk, Fast, boxes, orders, routes, units

ALL_SITES = "*"


def _change_statements() -> tuple[Fast, Fast]:
    from ..db import changes

    drop = delete(changes).where(
        changes.c.site_id == bindparam("b_site"),
        changes.c.entity == bindparam("b_entity"),
        changes.c.entity_id == bindparam("b_id"),
    )
    add = insert(changes).values(
        site_id=bindparam("b_site"),
        entity=bindparam("b_entity"),
        entity_id=bindparam("b_id"),
        op=bindparam("b_op"),
        data=bindparam("b_data"),
    )
    return Fast(drop), Fast(add)


_DROP_CHANGE, _ADD_CHANGE = _change_statements()


def _bulk_change_statements() -> tuple[Bulk, Bulk]:
    from ..db import changes

    names = {"site_id": "b_site", "entity": "b_entity", "entity_id": "b_id", "op": "b_op", "data": "b_data"}
    drop = Bulk("delete", changes, ["site_id", "entity", "entity_id"], params=names)
    add = Bulk("insert", changes, ["site_id", "entity", "entity_id", "op", "data"], params=names)
    return drop, add


# publish_many's: one statement each on PostgreSQL, rows in the order given (the feed ids' order)
_DROP_CHANGES, _ADD_CHANGES = _bulk_change_statements()


def publish(
    conn: Connection,
    sites: Iterable[str | None],
    entity: str,
    entity_id: str,
    data: Mapping[str, Any] | None,
    op: str = "upsert",
) -> None:
    """Make (entity, id) the newest change for each site given (None entries are skipped)."""
    payload = dumps(dict(data) if data is not None else {})
    targets = sorted({s for s in sites if s})
    if not targets:
        return
    feed_turn(conn)
    _DROP_CHANGE.many(conn, [{"b_site": t, "b_entity": entity, "b_id": entity_id} for t in targets])
    _ADD_CHANGE.many(
        conn,
        [
            {"b_site": t, "b_entity": entity, "b_id": entity_id, "b_op": op, "b_data": payload}
            for t in targets
        ],
    )


_UNIT_FIELDS = (
    "id",
    "label",
    "order_id",
    "sku",
    "status",
    "pvz_id",
    "customer_id",
    "warehouse_id",
    "box_id",
    "cell_id",
    "location_id",
    "price_kopecks",
    "updated_at",
)


def unit_data(row: Any) -> dict[str, Any]:
    if isinstance(row, Mapping):
        return {k: row[k] for k in _UNIT_FIELDS}
    return {
        "id": row.id,
        "label": row.label,
        "order_id": row.order_id,
        "sku": row.sku,
        "status": row.status,
        "pvz_id": row.pvz_id,
        "customer_id": row.customer_id,
        "warehouse_id": row.warehouse_id,
        "box_id": row.box_id,
        "cell_id": row.cell_id,
        "location_id": row.location_id,
        "price_kopecks": row.price_kopecks,
        "updated_at": row.updated_at,
    }


def order_data(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "customer_id": row.customer_id,
        "pvz_id": row.pvz_id,
        "warehouse_id": row.warehouse_id,
        "amount_kopecks": row.amount_kopecks,
        "currency": row.currency,
        "status": row.status,
        "number": row.number,
        "customer_name": row.customer_name,
        "customer_phone": row.customer_phone,
        "payment": row.payment,
        "payment_status": row.payment_status,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def box_data(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "kind": row.kind,
        "origin_site_id": row.origin_site_id,
        "destination_site_id": row.destination_site_id,
        "closed": bool(row.closed),
        "route_id": row.route_id,
        "accepted_at": row.accepted_at,
        "handed_over_at": row.handed_over_at,
        "received_at": row.received_at,
    }


def route_data(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "origin_site_id": row.origin_site_id,
        "destination_site_id": row.destination_site_id,
        "closed": bool(row.closed),
        "closed_at": row.closed_at,
    }


def publish_unit_rows(conn: Connection, rows: Iterable[Any]) -> None:
    """Publish units from rows (or mappings) already holding their new values."""
    for row in rows:
        data = unit_data(row)
        publish(conn, (data["pvz_id"], data["warehouse_id"]), "unit", data["id"], data)


def publish_units(conn: Connection, unit_ids: Iterable[str]) -> None:
    ids = list(dict.fromkeys(unit_ids))
    if not ids:
        return
    for row in conn.execute(select(units).where(units.c.id.in_(ids))):
        publish(conn, (row.pvz_id, row.warehouse_id), "unit", row.id, unit_data(row))


_ORDER_BY_ID = Fast(select(orders).where(orders.c.id == bindparam("b_order")))


def publish_order(conn: Connection, order_id: str) -> None:
    row = _ORDER_BY_ID.first(conn, {"b_order": order_id})
    if row is not None:
        publish(conn, (row.pvz_id, row.warehouse_id), "order", row.id, order_data(row))


def publish_box(conn: Connection, box_id: str) -> None:
    row = conn.execute(select(boxes).where(boxes.c.id == box_id)).first()
    if row is not None:
        publish(conn, (row.origin_site_id, row.destination_site_id), "box", row.id, box_data(row))


def publish_route(conn: Connection, route_id: str) -> None:
    row = conn.execute(select(routes).where(routes.c.id == route_id)).first()
    if row is not None:
        publish(conn, (row.origin_site_id, row.destination_site_id), "route", row.id, route_data(row))


class _Attrs:
    def __init__(self, mapping: Mapping[str, Any]) -> None:
        self._m = mapping

    def __getattr__(self, name: str) -> Any:
        return self._m[name]


# one publish: (the sites whose feeds get it, entity, id, data)
FeedItem = tuple[Iterable[str | None], str, str, Mapping[str, Any]]


def publish_many(conn: Connection, items: Iterable[FeedItem]) -> None:
    """Several `publish` upserts in two statements; items are (sites, entity, id, data), oldest first.

    An (entity, id) given twice keeps only its last data and its place as the newest, as if each
    had been published in turn.
    """
    latest: dict[tuple[str, str, str], str] = {}
    for sites, entity, entity_id, data in items:
        payload = dumps(dict(data))
        for site in sorted({s for s in sites if s}):
            key = (site, entity, entity_id)
            latest.pop(key, None)
            latest[key] = payload
    if not latest:
        return
    feed_turn(conn)
    _DROP_CHANGES.run(conn, [{"b_site": s, "b_entity": e, "b_id": i} for s, e, i in latest])
    _ADD_CHANGES.run(
        conn,
        [
            {"b_site": s, "b_entity": e, "b_id": i, "b_op": "upsert", "b_data": payload}
            for (s, e, i), payload in latest.items()
        ],
    )
