"""Pull: the change feed since a cursor, scoped to the device's site, in pages."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select

from ...context import AppContext
from ...db import changes
from ...errors import ApiError
from ..auth import Principal
from ..changes import ALL_SITES
from .opcontext import SYNC_ROLES


def pull(ctx: AppContext, caller: Principal, cursor: str | None, limit: int) -> dict[str, Any]:
    if caller.role not in SYNC_ROLES or caller.site_id is None:
        raise ApiError(403, "forbidden", "sync is for staff of a pickup point or a warehouse")
    after = 0
    if cursor:
        if not (cursor.isascii() and cursor.isdigit() and len(cursor) <= 18):
            raise ApiError(400, "invalid_cursor", "the cursor is not one this server gave out")
        after = int(cursor)
    scope = changes.c.site_id.in_([caller.site_id, ALL_SITES])
    with ctx.db.read() as conn:
        rows = list(
            conn.execute(
                select(changes).where(scope, changes.c.id > after).order_by(changes.c.id).limit(limit + 1)
            )
        )
        page, has_more = rows[:limit], len(rows) > limit
        next_cursor = str(page[-1].id) if page else str(after)
        remaining = 0
        counts: dict[str, int] | None = None
        if has_more:
            remaining = conn.execute(
                select(func.count()).select_from(changes).where(scope, changes.c.id > page[-1].id)
            ).scalar_one()
        else:
            counts = {
                r.entity: int(r.n)
                for r in conn.execute(
                    select(changes.c.entity, func.count().label("n"))
                    .where(scope, changes.c.op == "upsert")
                    .group_by(changes.c.entity)
                )
            }
    return {
        "changes": [
            {"entity": r.entity, "id": r.entity_id, "op": r.op, "data": json.loads(r.data)} for r in page
        ],
        "next_cursor": next_cursor,
        "has_more": has_more,
        "remaining": int(remaining),
        "counts": counts,
    }
