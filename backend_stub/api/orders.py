from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from sqlalchemy import select

from shared.domain import Role

from ..db import units
from ..errors import ERROR_RESPONSES, ApiError
from ..services import orders as svc
from ..services.auth import Principal
from ..services.pickup import issue_token, short_code_for
from .deps import Caller, Ctx, require_roles

router = APIRouter(prefix="/api/v1/orders", tags=["orders"], responses=ERROR_RESPONSES)


class OrderItemIn(BaseModel):
    sku: str = Field(min_length=1, max_length=40)
    quantity: int = Field(ge=1, le=100)


class OrderIn(BaseModel):
    pvz_id: str = Field(min_length=1, max_length=40)
    items: list[OrderItemIn] = Field(min_length=1, max_length=100)


class UnitOut(BaseModel):
    id: str
    label: str
    sku: str
    status: str
    cell_id: str | None = None


class OrderOut(BaseModel):
    id: str
    status: str
    amount_kopecks: int
    currency: str
    pvz_id: str
    customer_id: str
    created_at: str
    units: list[UnitOut]


class PickupCodeOut(BaseModel):
    qr: str
    short_code: str
    expires_in: int


Customer = Annotated[Principal, Depends(require_roles(Role.CUSTOMER))]


@router.post("", response_model=OrderOut, status_code=201)
def place_order(body: OrderIn, ctx: Ctx, caller: Customer) -> OrderOut:
    return OrderOut.model_validate(
        svc.place_order(ctx, caller, body.pvz_id, [(i.sku, i.quantity) for i in body.items])
    )


@router.get("/{order_id}", response_model=OrderOut)
def get_order(order_id: str, ctx: Ctx, caller: Caller) -> OrderOut:
    return OrderOut.model_validate(svc.get_order(ctx, caller, order_id))


@router.post("/{order_id}/cancel", response_model=OrderOut)
def cancel_order(order_id: str, ctx: Ctx, caller: Caller) -> OrderOut:
    return OrderOut.model_validate(svc.cancel_order(ctx, caller, order_id))


@router.get("/{order_id}/pickup-code", response_model=PickupCodeOut)
def pickup_code(order_id: str, ctx: Ctx, caller: Caller) -> PickupCodeOut:
    """A fresh signed, expiring pickup token for the QR, and the order's 8-digit short code."""
    with ctx.db.write() as conn:
        row = svc.load_visible_order(conn, caller, order_id)
        if caller.role is not Role.CUSTOMER or row.customer_id != caller.user_id:
            raise ApiError(403, "forbidden", "only the order's customer gets its pickup code")
        states = {r.status for r in conn.execute(select(units.c.status).where(units.c.order_id == order_id))}
        if not states - {"CREATED", "CANCELLED"}:
            raise ApiError(409, "not_paid", "the order is not paid")
        if not states & {"PAID", "PICKED", "PACKED", "SHIPPED", "ACCEPTED"}:
            raise ApiError(409, "nothing_to_collect", "the order has nothing left to collect")
        qr = issue_token(ctx, conn, order_id, row.pvz_id, row.customer_id)
    return PickupCodeOut(
        qr=qr, short_code=short_code_for(ctx, order_id), expires_in=ctx.settings.pickup_token_ttl_s
    )
