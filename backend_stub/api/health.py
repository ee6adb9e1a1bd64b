from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel
from sqlalchemy import select

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
def health(ctx: Ctx, site: Annotated[str | None, Query(max_length=40)] = None) -> Health:
    try:
        ok = ctx.db.ping()
    except Exception as exc:  # the database does not answer
        raise ApiError(503, "unavailable", "database unavailable") from exc
    if not ok:
        raise ApiError(503, "unavailable", "database unavailable")
    if site is None:
        return Health(status="ok")
    with ctx.db.read() as conn:
        row = conn.execute(select(sites.c.id, sites.c.kind, sites.c.name).where(sites.c.id == site)).first()
    return Health(status="ok", site=SiteInfo(id=row.id, kind=row.kind, name=row.name) if row else None)
