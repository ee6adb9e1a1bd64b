from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from .. import logs
from ..errors import ERROR_RESPONSES, ApiError, ErrorBody, error_response
from ..services import auth as svc
from ..services.auth import LoginThrottle
from ..services.passwords import PasswordPool
from .deps import Caller, Ctx, get_throttle

router = APIRouter(prefix="/api/v1/auth", tags=["auth"], responses=ERROR_RESPONSES)


class LoginIn(BaseModel):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)
    device_id: str | None = Field(default=None, min_length=1, max_length=100)
    # the site the device is set up for: a user of another site is refused (403 wrong_site)
    site_id: str | None = Field(default=None, min_length=1, max_length=40)
    # a client that keys its hash chain: its journal's last seq, or the chain_from it already holds
    # (docs/PROTOCOL.md, "The hash chain"); absent: the device is not handed a chain key
    journal_seq: int | None = Field(default=None, ge=0, le=2**53)


class RefreshIn(BaseModel):
    refresh_token: str = Field(min_length=1, max_length=200)


class UserOut(BaseModel):
    id: str
    username: str
    role: str
    site_id: str | None


class DeviceOut(BaseModel):
    id: str
    site_id: str
    sscc_block: int | None
    # the serial references [first, last] of its SSCC blocks, oldest first (services/devices.py)
    sscc_ranges: list[list[int]] = []


class ChainOut(BaseModel):
    key: str  # the device's chain key, 64 hex characters
    from_seq: int  # ops with a seq above it carry the keyed link


class TokensOut(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int
    user: UserOut
    device: DeviceOut | None = None
    chain: ChainOut | None = None


class StatusOut(BaseModel):
    status: str


def get_password_pool(request: Request) -> PasswordPool:
    pool: PasswordPool = request.app.state.password_pool
    return pool


def _with_retry_after(exc: ApiError) -> JSONResponse:
    """The error as every endpoint answers it, plus the Retry-After header its 429/503 promises."""
    response = error_response(exc.status, exc.code, exc.message, **exc.extra)
    retry = exc.extra.get("retry_after")
    if retry is not None:
        response.headers["Retry-After"] = str(retry)
    return response


@router.post(
    "/login",
    response_model=TokensOut,
    responses={503: {"model": ErrorBody, "description": "busy: password checks are at capacity"}},
)
async def login(
    body: LoginIn,
    request: Request,
    ctx: Ctx,
    throttle: Annotated[LoginThrottle, Depends(get_throttle)],
    pool: Annotated[PasswordPool, Depends(get_password_pool)],
) -> TokensOut | JSONResponse:
    address = request.client.host if request.client else "?"
    try:
        answer = await svc.login(
            ctx,
            throttle,
            pool,
            body.username,
            body.password,
            body.device_id,
            address,
            body.site_id,
            body.journal_seq,
        )
    except ApiError as exc:
        logs.login_refused(body.username, address, exc.status, exc.code)
        return _with_retry_after(exc)
    return TokensOut.model_validate(answer)


@router.post("/refresh", response_model=TokensOut)
def refresh(body: RefreshIn, ctx: Ctx) -> TokensOut:
    return TokensOut.model_validate(svc.refresh(ctx, body.refresh_token))


@router.post("/logout", response_model=StatusOut)
def logout(ctx: Ctx, caller: Caller) -> StatusOut:
    svc.logout(ctx, caller)
    return StatusOut(status="logged_out")


@router.get("/me", response_model=UserOut)
def me(caller: Caller) -> UserOut:
    return UserOut.model_validate(caller.user_json())
