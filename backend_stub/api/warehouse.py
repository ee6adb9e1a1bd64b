from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel
from sqlalchemy import select

from shared.domain import Role

from ..db import pick_tasks
from ..errors import ERROR_RESPONSES, ApiError
from ..events.relay import task_data
from ..services.auth import Principal
from .deps import Ctx, require_roles

router = APIRouter(prefix="/api/v1/warehouse", tags=["warehouse"], responses=ERROR_RESPONSES)


class TaskUnitOut(BaseModel):
    id: str
    label: str
    sku: str
    status: str
    location_id: str | None


class TaskOut(BaseModel):
    id: str
    site_id: str
    order_id: str
    pvz_id: str
    event_id: str
    status: str
    created_at: str
    route_name: str | None = None  # the route the order's boxes leave on
    departs_at: str | None = None  # its departure (the task's cut-off), ISO UTC
    units: list[TaskUnitOut]


class TaskList(BaseModel):
    items: list[TaskOut]
    next_cursor: str | None = None  # every task fits one page today; kept for the list shape


Staff = Annotated[Principal, Depends(require_roles(Role.WAREHOUSE, Role.ADMIN))]


@router.get("/tasks", response_model=TaskList)
def tasks(
    ctx: Ctx,
    caller: Staff,
    status: Annotated[str | None, Query(max_length=20)] = None,
    site_id: Annotated[str | None, Query(max_length=40)] = None,
) -> TaskList:
    """Pick tasks of the caller's warehouse (admins name one with site_id), oldest first."""
    site = caller.site_id if caller.role is Role.WAREHOUSE else site_id
    if caller.role is Role.WAREHOUSE and site_id not in (None, caller.site_id):
        raise ApiError(404, "not_found", f"no warehouse {site_id}")
    if site is None:
        raise ApiError(400, "invalid_request", "name the warehouse: site_id")
    stmt = (
        select(pick_tasks)
        .where(pick_tasks.c.site_id == site)
        .order_by(pick_tasks.c.created_at, pick_tasks.c.id)
    )
    if status:
        stmt = stmt.where(pick_tasks.c.status == status)
    with ctx.db.read() as conn:
        items: list[dict[str, Any]] = [task_data(conn, t) for t in conn.execute(stmt.limit(1000)).all()]
    return TaskList(items=[TaskOut.model_validate(i) for i in items])
