from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from ..errors import ERROR_RESPONSES
from ..services import payments as svc
from ..services.pickup_payments import waiters
from .deps import Ctx

router = APIRouter(prefix="/api/v1/payments", tags=["payments"], responses=ERROR_RESPONSES)


class WebhookOut(BaseModel):
    status: str


_BODY_SCHEMA = {
    "type": "object",
    "required": ["event_id", "type", "tx_id", "order_id", "amount_kopecks", "currency", "created_at"],
    "properties": {
        "event_id": {"type": "string"},
        "type": {"type": "string", "enum": list(svc.EVENT_TYPES)},
        "tx_id": {"type": "string"},
        "order_id": {"type": "string"},
        "amount_kopecks": {"type": "integer", "minimum": 0},
        "currency": {"type": "string", "enum": ["RUB"]},
        "created_at": {"type": "string", "format": "date-time"},
        "intent_id": {"type": "string", "description": "a payment at pickup: the intent paid"},
    },
}


@router.post(
    "/webhook",
    response_model=WebhookOut,
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {"schema": _BODY_SCHEMA}}},
        "parameters": [
            {
                "name": svc.SIGNATURE_HEADER,
                "in": "header",
                "required": True,
                "schema": {"type": "string"},
                "description": "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, '<t>.' + raw body)>[,v1=...]",
            }
        ],
    },
)
async def webhook(request: Request, ctx: Ctx) -> WebhookOut:
    """Payment provider callback. 200 'processed' after the commit, 200 'duplicate' for a replay.

    A body over 64 KiB is answered 413 before it is read (backend_stub.limits.WEBHOOK_LIMIT)."""
    body = await request.body()
    secret = ctx.keys.webhook_secret()
    svc.verify_signature(
        secret,
        request.headers.get(svc.SIGNATURE_HEADER),
        body,
        ctx.clock.now().timestamp(),
        ctx.settings.webhook_tolerance_s,
    )
    event = svc.parse_event(body)
    status = await run_in_threadpool(svc.process, ctx, event)
    if status == "processed" and event.intent_id is not None:
        waiters(ctx).notify(event.intent_id)
    if status == "processed":
        relay = getattr(request.app.state, "relay", None)
        if relay is not None:
            relay.notify()
    return WebhookOut(status=status)
