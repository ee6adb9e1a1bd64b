from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from ..errors import ApiError
from .deps import Ctx

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str


@router.get("/health", response_model=Health, responses={503: {"description": "database unavailable"}})
def health(ctx: Ctx) -> Health:
    try:
        ok = ctx.db.ping()
    except Exception as exc:  # the database does not answer
        raise ApiError(503, "unavailable", "database unavailable") from exc
    if not ok:
        raise ApiError(503, "unavailable", "database unavailable")
    return Health(status="ok")
