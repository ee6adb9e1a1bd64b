"""Photo evidence: `PUT /api/v1/evidence/{sha256}` (a device uploads), `GET` (site staff, admins)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel

from ..errors import ERROR_RESPONSES
from ..services import evidence as svc
from .deps import Caller, Ctx

router = APIRouter(prefix="/api/v1/evidence", tags=["evidence"], responses=ERROR_RESPONSES)

_IMAGE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "the photo's bytes: JPEG or PNG (told by magic bytes), at most 8 MiB",
        "content": {
            "image/jpeg": {"schema": {"type": "string", "format": "binary"}},
            "image/png": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


class EvidenceOut(BaseModel):
    sha256: str
    site_id: str
    mime: str
    size: int
    created: bool


@router.put(
    "/{sha256}",
    response_model=EvidenceOut,
    openapi_extra=_IMAGE_BODY,
    responses={201: {"model": EvidenceOut, "description": "stored"}},
)
async def put_evidence(sha256: str, request: Request, ctx: Ctx, caller: Caller) -> Response:
    """Store a photo under its SHA-256 for the device's site: 201 the first time, 200 for a repeat.
    400 `invalid_hash`/`hash_mismatch`/`empty`, 413 `too_large`, 415 `unsupported_media`, 403
    `wrong_device`/`wrong_site`/`forbidden` (see docs/PROTOCOL.md)."""
    body = await request.body()
    stored = await run_in_threadpool(svc.put, ctx, caller, sha256, body)
    return JSONResponse(stored.to_json(), status_code=201 if stored.created else 200)


@router.get(
    "/{sha256}",
    response_class=FileResponse,
    responses={200: {"content": {"image/jpeg": {}, "image/png": {}}, "description": "the photo"}},
)
def get_evidence(sha256: str, ctx: Ctx, caller: Caller) -> FileResponse:
    """The photo's bytes, for the staff of a site that holds it and for admins (others 404)."""
    path, mime = svc.locate(ctx, caller, sha256)
    return FileResponse(path, media_type=mime, headers={"Cache-Control": "private, max-age=86400"})
