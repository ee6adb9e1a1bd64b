"""`GET /api/v1/admin/discrepancies`: the handover discrepancies (services/handover.py) for an admin.

Both devices of a handover already see theirs after a sync; this is the network's view: a central
admin reads every site's (or one site's), an admin bound to a site only that site's, as sender or
receiver. Newest first; open ones only unless ``all=true``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from shared.domain import Role

from ..errors import ERROR_RESPONSES, ApiError
from ..services import handover as svc
from ..services.auth import Principal
from .deps import Ctx, require_roles

router = APIRouter(prefix="/api/v1/admin/discrepancies", tags=["handover"], responses=ERROR_RESPONSES)

Admin = Annotated[Principal, Depends(require_roles(Role.ADMIN))]


class DiscrepancyOut(BaseModel):
    id: str
    handover_id: str | None
    box_id: str
    kind: str  # seal_mismatch | seal_broken | not_received | not_sent
    direction: str  # forward (warehouse -> PVZ) | return (PVZ -> warehouse)
    from_site_id: str
    to_site_id: str
    courier_badge: str | None
    seal_sent: str | None
    seal_received: str | None
    photos: list[str]  # SHA-256 of the receiver's photos (GET them from the evidence store)
    found_at: str
    resolved_at: str | None


@router.get("", response_model=list[DiscrepancyOut])
def list_discrepancies(
    ctx: Ctx,
    admin: Admin,
    site_id: Annotated[str | None, Query(max_length=40)] = None,
    include_resolved: Annotated[bool, Query(alias="all", description="resolved ones too")] = False,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> list[DiscrepancyOut]:
    """Handover discrepancies a site saw as sender or receiver (every site's for a central admin
    without ``site_id``), newest first."""
    if admin.site_id is not None:
        if site_id not in (None, admin.site_id):
            raise ApiError(403, "forbidden", "an admin of a site sees only that site's discrepancies")
        site_id = admin.site_id
    with ctx.db.read() as conn:
        rows = svc.list_discrepancies(conn, site_id, open_only=not include_resolved, limit=limit)
    return [DiscrepancyOut.model_validate(r) for r in rows]
