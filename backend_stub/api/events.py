from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from shared.domain import Role

from ..errors import ERROR_RESPONSES, ApiError
from ..events.outbox import read_after, read_for_warehouse
from ..events.relay import CONSUMER
from ..services.auth import Principal
from .deps import Ctx, require_roles

router = APIRouter(prefix="/api/v1", tags=["events"], responses=ERROR_RESPONSES)


class EventOut(BaseModel):
    id: str
    type: str
    aggregate_id: str
    payload: dict[str, Any]
    cursor: str
    created_at: str


class EventPage(BaseModel):
    items: list[EventOut]
    next_cursor: str | None


MAX_CURSOR = 2**63 - 1  # outbox ids are 64-bit; a larger number would overflow the database bind
Staff = Annotated[Principal, Depends(require_roles(Role.ADMIN, Role.WAREHOUSE))]


@router.get("/events", response_model=EventPage)
def events(
    ctx: Ctx,
    caller: Staff,
    after: Annotated[str | None, Query(max_length=20)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> EventPage:
    """The outbox as a feed, oldest first. Pass the last item's cursor (or next_cursor) as `after`.

    Admins read every event. Warehouse staff read only the events routed to their warehouse (the
    orders the relay gave it pick tasks for), without customer or payment details."""
    start = 0
    if after:
        if not (after.isascii() and after.isdigit()) or int(after) > MAX_CURSOR:
            raise ApiError(400, "invalid_cursor", "the cursor is not one this server gave out")
        start = int(after)
    with ctx.db.read() as conn:
        if caller.role is Role.ADMIN:
            items = read_after(conn, start, limit)
        elif caller.site_id is not None:
            items = read_for_warehouse(conn, caller.site_id, CONSUMER, start, limit)
        else:
            raise ApiError(403, "forbidden", "this account is not bound to a warehouse")
    return EventPage(
        items=[EventOut.model_validate(i) for i in items],
        next_cursor=items[-1]["cursor"] if items else (after or None),
    )
