from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from ..context import AppContext
from ..db import sites
from ..errors import ApiError
from .deps import Ctx

router = APIRouter(tags=["health"])


class SiteInfo(BaseModel):
    id: str
    kind: str
    name: str


class Health(BaseModel):
    status: str
    # with ?site=<id>: that site (its kind and name, nothing else), or null when there is none; the
    # setup wizard checks the site a new PC or terminal is set up for before saving it
    site: SiteInfo | None = None


@router.get(
    "/health",
    response_model=Health,
    response_model_exclude_unset=True,  # plain /health stays {"status": "ok"}
    responses={
        400: {"description": "a malformed query (site id over 40 characters)"},
        503: {"description": "database unavailable"},
    },
)
async def health(ctx: Ctx, site: Annotated[str | None, Query(max_length=40)] = None) -> Any:
    # `async def` with the ping in the thread pool: one hand-over per request, not one per
    # dependency; plain /health answers pre-encoded bytes (no response model to validate)
    if not await run_in_threadpool(_ping, ctx):
        raise ApiError(503, "unavailable", "database unavailable")
    if site is None:
        return Response(content=_OK, media_type="application/json")
    row = await run_in_threadpool(_site, ctx, site)
    return Health(status="ok", site=SiteInfo(id=row.id, kind=row.kind, name=row.name) if row else None)


_OK = b'{"status":"ok"}'


def _site(ctx: AppContext, site: str) -> Any:
    with ctx.db.read() as conn:
        return conn.execute(select(sites.c.id, sites.c.kind, sites.c.name).where(sites.c.id == site)).first()


def _ping(ctx: AppContext) -> bool:
    try:
        return ctx.db.ping()
    except Exception:  # the database does not answer
        return False
