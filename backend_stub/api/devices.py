"""The device registry for admins: list, register (with its SSCC block), retire."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from shared.domain import Role

from ..errors import ERROR_RESPONSES
from ..services import devices as svc
from ..services.auth import Principal
from .deps import Ctx, require_roles

router = APIRouter(prefix="/api/v1/admin/devices", tags=["devices"], responses=ERROR_RESPONSES)

Admin = Annotated[Principal, Depends(require_roles(Role.ADMIN))]


class DeviceOut(BaseModel):
    device_id: str
    site_id: str
    status: str
    sscc_block: int | None
    sscc_ranges: list[list[int]] = []
    last_seq: int
    registered_at: str | None
    epoch_of: str | None


class RegisterIn(BaseModel):
    device_id: str = Field(min_length=1, max_length=100)
    site_id: str = Field(min_length=1, max_length=40)


@router.get("", response_model=list[DeviceOut])
def list_devices(
    ctx: Ctx, _admin: Admin, site_id: Annotated[str | None, Query(max_length=40)] = None
) -> list[DeviceOut]:
    """Every registered device (or one site's), with its site, status, SSCC block and last seq."""
    return [DeviceOut.model_validate(d.to_json()) for d in svc.list_devices(ctx, site_id)]


@router.post("", response_model=DeviceOut, status_code=201)
def register(body: RegisterIn, ctx: Ctx, _admin: Admin) -> DeviceOut:
    """Register a device at a site ahead of its first login; it gets its own SSCC block."""
    return DeviceOut.model_validate(svc.register(ctx, body.device_id, body.site_id).to_json())


@router.post("/{device_id}/retire", response_model=DeviceOut)
def retire(device_id: str, ctx: Ctx, _admin: Admin) -> DeviceOut:
    """Retire a device: its tokens are revoked and it can no longer log in or push."""
    return DeviceOut.model_validate(svc.retire(ctx, device_id).to_json())
