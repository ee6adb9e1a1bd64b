"""`GET /api/v1/admin/disputes/{kind}/{code}`: a dispute pack (ZIP) built from the server's journal."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from shared.domain import Role

from ..errors import ERROR_RESPONSES
from ..services import disputes as svc
from ..services.auth import Principal
from .deps import Ctx, require_roles

router = APIRouter(prefix="/api/v1/admin/disputes", tags=["disputes"], responses=ERROR_RESPONSES)

Admin = Annotated[Principal, Depends(require_roles(Role.ADMIN))]


@router.get(
    "/{kind}/{code}",
    response_class=FileResponse,
    responses={200: {"content": {"application/zip": {}}, "description": "the dispute pack"}},
)
def dispute_pack(kind: str, code: str, ctx: Ctx, admin: Admin) -> FileResponse:
    """The dispute pack of a unit (label or id), an order (id or number) or a box (SSCC): a ZIP with
    the act as PDF and HTML, the timeline, every device's raw ops about it with their chain hashes,
    the photos they name and the CCTV times (docs/ADMIN.md, "Dispute packs"). Admins only; an admin
    bound to a site only for subjects that touch it (others 404 `unknown_subject`)."""
    folder = Path(tempfile.mkdtemp(prefix="wb-dispute-"))
    try:
        target = folder / "pack.zip"
        svc.write_pack(ctx, kind, code, target, site_scope=admin.site_id, built_by=admin.username)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in code)[:60]
    return FileResponse(
        target,
        media_type="application/zip",
        filename=f"dispute-{kind}-{safe}.zip",
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )
