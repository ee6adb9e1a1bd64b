"""The transactional outbox: events written in the same transaction as the change they announce."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, and_, bindparam, exists, insert, select
from sqlalchemy.orm import aliased

from ..context import AppContext, dumps
from ..database import feed_turn
from ..db import Fast, outbox, pick_tasks, relay_offsets

_APPEND = Fast(
    insert(outbox).values(
        {
            c: bindparam("b_" + c)
            for c in ("event_id", "type", "aggregate_id", "payload", "created_at", "site_id")
        }
    )
)


def append(
    ctx: AppContext,
    conn: Connection,
    type_: str,
    aggregate_id: str,
    payload: Mapping[str, Any],
    *,
    site_id: str | None = None,
) -> str:
    """Write an event in the caller's transaction. `site_id` (default: the payload's pvz_id, else
    '*') is the site the event is about: the outbox's partition key on PostgreSQL."""
    event_id = ctx.ids.new()
    feed_turn(conn)
    _APPEND.run(
        conn,
        {
            "b_event_id": event_id,
            "b_type": type_,
            "b_aggregate_id": aggregate_id,
            "b_payload": dumps(dict(payload)),
            "b_created_at": ctx.now_iso(),
            "b_site_id": site_id or str(payload.get("pvz_id") or "*"),
        },
    ).close()
    return event_id


def read_after(conn: Connection, after: int, limit: int) -> list[dict[str, Any]]:
    """Every event after `after`, oldest first: for the in-process relay and admins."""
    rows = conn.execute(select(outbox).where(outbox.c.id > after).order_by(outbox.c.id).limit(limit))
    return _items(rows)


# What a warehouse may read of an event's payload: no customer, no amounts, no payment details.
WAREHOUSE_PAYLOAD_KEYS = ("order_id", "pvz_id", "unit_ids")


def read_for_warehouse(
    conn: Connection, warehouse_id: str, consumer: str, after: int, limit: int
) -> list[dict[str, Any]]:
    """The events routed to one warehouse, after `after`, oldest first, payloads trimmed.

    Routed means: the OrderPaid the relay (`consumer`) turned into a pick task at this warehouse, and
    the same order's later events. Only events the relay has already passed are shown, so whether an
    event is visible never changes once a caller's cursor could have moved past it.
    """
    relayed = select(relay_offsets.c.cursor).where(relay_offsets.c.consumer == consumer).scalar_subquery()
    paid = aliased(outbox)
    routed = exists(
        select(pick_tasks.c.id)
        .join(paid, paid.c.event_id == pick_tasks.c.event_id)
        .where(
            and_(
                pick_tasks.c.site_id == warehouse_id,
                pick_tasks.c.order_id == outbox.c.aggregate_id,
                paid.c.id <= outbox.c.id,
            )
        )
    )
    rows = conn.execute(
        select(outbox)
        .where(outbox.c.id > after, outbox.c.id <= relayed, routed)
        .order_by(outbox.c.id)
        .limit(limit)
    )
    items = _items(rows)
    for item in items:
        item["payload"] = {k: item["payload"][k] for k in WAREHOUSE_PAYLOAD_KEYS if k in item["payload"]}
    return items


def _items(rows: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": r.event_id,
            "type": r.type,
            "aggregate_id": r.aggregate_id,
            "payload": json.loads(r.payload),
            "cursor": str(r.id),
            "created_at": r.created_at,
        }
        for r in rows
    ]
