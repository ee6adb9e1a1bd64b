from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field
from sqlalchemy import select

from shared.domain import Role

from ..db import units
from ..errors import ERROR_RESPONSES, ApiError
from ..services import orders as svc
from ..services import pickup_payments as pay
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
    payment: Literal["prepaid", "on_pickup"] = "prepaid"


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
    number: int | None = None
    customer_name: str = ""
    customer_phone: str = ""
    payment: str = "prepaid"
    payment_status: str = ""
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
        svc.place_order(ctx, caller, body.pvz_id, [(i.sku, i.quantity) for i in body.items], body.payment)
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


class PaymentIntentIn(BaseModel):
    unit_ids: list[str] = Field(min_length=1, max_length=200)


class PaymentIntentOut(BaseModel):
    id: str
    order_id: str
    unit_ids: list[str]
    amount_kopecks: int
    currency: str
    status: str
    qr: str
    created_at: str
    paid_at: str | None = None


Clerk = Annotated[Principal, Depends(require_roles(Role.CLERK, Role.ADMIN))]


@router.post("/{order_id}/payment-intent", response_model=PaymentIntentOut, status_code=201)
def create_payment_intent(order_id: str, body: PaymentIntentIn, ctx: Ctx, caller: Clerk) -> PaymentIntentOut:
    """A pay-on-pickup order's payment for exactly the kept units, with its СБП QR payload."""
    return PaymentIntentOut.model_validate(pay.create_intent(ctx, caller, order_id, body.unit_ids))


@router.get("/{order_id}/payment-intent/{intent_id}", response_model=PaymentIntentOut)
async def read_payment_intent(
    order_id: str, intent_id: str, ctx: Ctx, caller: Clerk, wait: float = Query(0, ge=0, le=25)
) -> PaymentIntentOut:
    """The intent; with `wait` (seconds) a long poll: answered as soon as it leaves PENDING (the
    webhook wakes it), or after `wait` with PENDING still."""
    deadline = time.monotonic() + wait
    waiters = pay.waiters(ctx)
    entry = waiters.register(intent_id)
    try:
        while True:
            data = await run_in_threadpool(pay.read_intent, ctx, caller, order_id, intent_id)
            left = deadline - time.monotonic()
            if data["status"] != pay.PENDING or left <= 0:
                return PaymentIntentOut.model_validate(data)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(entry[1].wait(), timeout=min(left, pay.IntentWaiters.RECHECK_S))
            entry[1].clear()
    finally:
        waiters.unregister(intent_id, entry)
