"""The transactional outbox: events written in the same transaction as the change they announce."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, insert, select

from ..context import AppContext, dumps
from ..db import outbox


def append(
    ctx: AppContext, conn: Connection, type_: str, aggregate_id: str, payload: Mapping[str, Any]
) -> str:
    event_id = ctx.ids.new()
    conn.execute(
        insert(outbox).values(
            event_id=event_id,
            type=type_,
            aggregate_id=aggregate_id,
            payload=dumps(dict(payload)),
            created_at=ctx.now_iso(),
        )
    )
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
