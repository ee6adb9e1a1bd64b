from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from .. import logs
from ..errors import ERROR_RESPONSES
from ..services import sync as svc
from .deps import Caller, Ctx

router = APIRouter(prefix="/api/v1/sync", tags=["sync"], responses=ERROR_RESPONSES)


class OpIn(BaseModel):
    op_id: str = Field(min_length=1, max_length=100)
    device_id: str = Field(min_length=1, max_length=100)
    seq: int = Field(ge=1, le=2**53)
    type: str = Field(max_length=40)
    payload: dict[str, Any]
    actor: str = Field(max_length=100)
    created_at: str = Field(max_length=40)
    # the hash chain (docs/PROTOCOL.md, "The hash chain"): absent for an old client, then unchecked
    prev_hash: str | None = Field(default=None, max_length=64)
    hash: str | None = Field(default=None, max_length=64)


class PushIn(BaseModel):
    device_id: str = Field(min_length=1, max_length=100)
    ops: list[OpIn] = Field(max_length=svc.MAX_OPS_PER_PUSH)


class Reason(BaseModel):
    code: str
    message: str


class OpResult(BaseModel):
    op_id: str
    seq: int
    status: str
    reason: Reason | None
    replayed: bool


class PushOut(BaseModel):
    results: list[OpResult]
    last_seq: int


class Change(BaseModel):
    entity: str
    id: str
    op: str
    data: dict[str, Any]


class PullOut(BaseModel):
    changes: list[Change]
    next_cursor: str
    has_more: bool
    remaining: int
    counts: dict[str, int] | None


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@router.post("/push", response_model=PushOut)
def push(body: PushIn, ctx: Ctx, caller: Caller) -> Response:
    """Apply journalled operations exactly once; one result per op, in order (see docs/PROTOCOL.md)."""
    ops = [o.model_dump() for o in body.ops]
    # The service builds exactly the PushOut shape (tests check it against the schema); encoding it
    # here skips validating and converting a few hundred result objects on every push.
    out = svc.push(ctx, caller, body.device_id, ops)
    logs.push_rejections(caller, body.device_id, out)
    return Response(_encode(out).encode(), media_type="application/json")


@router.get("/pull", response_model=PullOut)
def pull(
    ctx: Ctx,
    caller: Caller,
    cursor: Annotated[str | None, Query(max_length=20)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
) -> Response:
    """Changes for the caller's site since `cursor`, oldest first."""
    # the PullOut shape (tests check it against the schema), the changes' stored data spliced in as is
    out = svc.pull(ctx, caller, cursor, limit)
    return Response(svc.pull_json(out, _encode), media_type="application/json")


class ChainOut(BaseModel):
    key: str
    from_seq: int


class EpochOut(BaseModel):
    device_id: str
    sscc_block: int | None
    sscc_ranges: list[list[int]] = []
    chain: ChainOut | None = None  # the new id's chain key, when the device keys its chain


@router.post("/epoch", response_model=EpochOut)
def epoch(ctx: Ctx, caller: Caller) -> EpochOut:
    """Start a new device epoch: a device whose journal restarted (its seqs would be reused) gets a new
    device id at the same site, with its own SSCC block; the caller's token moves to it."""
    from ..errors import ApiError
    from ..services import devices

    if caller.device_id is None or caller.site_id is None:
        raise ApiError(403, "wrong_device", "the token was not issued for a device")
    fresh = devices.new_epoch(ctx, caller.device_id, caller.site_id, caller.pair_id)
    chain = devices.chain_for(ctx, fresh, caller.site_id)
    return EpochOut(
        device_id=fresh.device_id,
        sscc_block=fresh.sscc_block,
        sscc_ranges=[list(r) for r in fresh.sscc_ranges],
        chain=None if chain is None else ChainOut.model_validate(chain),
    )


class SsccIn(BaseModel):
    # the highest serial reference the device gave out (both box kinds), None if none yet
    position: int | None = Field(default=None, ge=0, lt=10**9)


class SsccOut(BaseModel):
    sscc_ranges: list[list[int]]


@router.post("/sscc-block", response_model=SsccOut)
def sscc_block(body: SsccIn, ctx: Ctx, caller: Caller) -> SsccOut:
    """The device's SSCC blocks, with a new one when its newest block is half used (`position`):
    a device asks when it runs low, ahead of running out (docs/PROTOCOL.md)."""
    from ..errors import ApiError
    from ..services import devices

    if caller.device_id is None or caller.site_id is None:
        raise ApiError(403, "wrong_device", "the token was not issued for a device")
    dev = devices.refill_sscc(ctx, caller.device_id, caller.site_id, body.position)
    return SsccOut(sscc_ranges=[list(r) for r in dev.sscc_ranges])
