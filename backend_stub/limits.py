"""Request body size limits: no endpoint reads an unbounded body.

`BodyLimit` is a pure ASGI middleware: a declared Content-Length over the route's limit is answered
413 at once, without reading; a body without one (chunked) is read up to the limit and answered 413
as soon as it passes it. Nothing is handed to an endpoint until its whole body is known to fit.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

KIB = 1024
DEFAULT_LIMIT = 64 * KIB  # login, refresh, orders: a few hundred bytes in practice
WEBHOOK_LIMIT = 64 * KIB  # one payment event is well under 1 KiB
PUSH_LIMIT = 16 * KIB * KIB  # 500 journalled ops with room to spare
EVIDENCE_LIMIT = 8 * KIB * KIB  # one photo (shared.domain.evidence.MAX_PHOTO_BYTES)
EVIDENCE_PREFIX = "/api/v1/evidence/"
LIMITS: Mapping[str, int] = {
    "/api/v1/payments/webhook": WEBHOOK_LIMIT,
    "/api/v1/sync/push": PUSH_LIMIT,
}


def limit_for(path: str) -> int:
    if path.startswith(EVIDENCE_PREFIX):
        return EVIDENCE_LIMIT
    return LIMITS.get(path.rstrip("/") or "/", DEFAULT_LIMIT)


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps(
        {"error": {"code": "too_large", "message": f"the request body is over {limit // KIB} KiB"}}
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", ()):
        if key == b"content-length":
            text = bytes(value).strip()
            return int(text) if text.isdigit() and len(text) <= 18 else -1
    return None


class BodyLimit:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return
        limit = limit_for(str(scope.get("path", "")))
        declared = _content_length(scope)
        if declared is not None and (declared < 0 or declared > limit):
            await _too_large(send, limit)
            return
        # read the body here, counting, so an endpoint never sees more than the limit
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message.get("type") != "http.request":
                break  # the client went away: let the app see that
            size += len(message.get("body", b""))
            if size > limit:
                await _too_large(send, limit)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            if messages:
                return messages.pop(0)
            return await receive()

        await self.app(scope, replay, send)
