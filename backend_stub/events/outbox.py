"""The transactional outbox: events written in the same transaction as the change they announce."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select

from ..context import AppContext, dumps
from ..db import Fast, outbox

_APPEND = Fast(
    insert(outbox).values(
        {c: bindparam("b_" + c) for c in ("event_id", "type", "aggregate_id", "payload", "created_at")}
    )
)


def append(
    ctx: AppContext, conn: Connection, type_: str, aggregate_id: str, payload: Mapping[str, Any]
) -> str:
    event_id = ctx.ids.new()
    _APPEND.run(
        conn,
        {
            "b_event_id": event_id,
            "b_type": type_,
            "b_aggregate_id": aggregate_id,
            "b_payload": dumps(dict(payload)),
            "b_created_at": ctx.now_iso(),
        },
    ).close()
    return event_id


def read_after(conn: Connection, after: int, limit: int) -> list[dict[str, Any]]:
    rows = conn.execute(select(outbox).where(outbox.c.id > after).order_by(outbox.c.id).limit(limit))
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
