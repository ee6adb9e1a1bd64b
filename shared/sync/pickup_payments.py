"""The PVZ's side of payment at pickup: ask the backend for a payment intent for the kept units, and
wait for its outcome with a long poll (the server answers as soon as the provider's webhook lands).

Plain Python with an injected httpx client and token source, like the sync engine; one token
refresh on 401. A failure raises a PvzError-like ``PaymentError`` with a ``code``: ``payment_offline``
for no connection (the screen says pay-on-pickup orders cannot be issued offline), else the server's.
"""

from __future__ import annotations

from typing import Any

import httpx

from shared.domain import InvalidOperation

from .engine import TokenSource
from .errors import ErrorKind, LoginRequired, classify_exception, classify_response


class PaymentError(InvalidOperation):
    """A payment at pickup the server refused or could not be asked for."""


class PickupPaymentsClient:
    def __init__(self, client: httpx.Client, tokens: TokenSource) -> None:
        self.client = client
        self.tokens = tokens

    def create_intent(self, order_id: str, unit_ids: list[str]) -> dict[str, Any]:
        return self._call("POST", f"/api/v1/orders/{order_id}/payment-intent", json={"unit_ids": unit_ids})

    def wait_intent(self, order_id: str, intent_id: str, wait_s: float) -> dict[str, Any]:
        return self._call(
            "GET",
            f"/api/v1/orders/{order_id}/payment-intent/{intent_id}",
            params={"wait": f"{wait_s:g}"},
            timeout=wait_s + 10.0,
        )

    def _call(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        for attempt in (0, 1):
            token = self.tokens.access_token()
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            try:
                response = self.client.request(method, path, headers=headers, **kw)
            except httpx.HTTPError as exc:
                raise PaymentError("payment_offline", classify_exception(exc).message) from exc
            error = classify_response(response)
            if error is None:
                data: dict[str, Any] = response.json()
                return data
            if error.kind is ErrorKind.AUTH and attempt == 0:
                try:
                    self.tokens.refresh()
                except LoginRequired as exc:
                    raise PaymentError("login_required", str(exc)) from exc
                except httpx.HTTPError as exc:
                    raise PaymentError("payment_offline", classify_exception(exc).message) from exc
                continue
            if error.kind in (ErrorKind.NETWORK, ErrorKind.SERVER):
                raise PaymentError("payment_offline", error.message)
            raise PaymentError(error.code or "payment_refused", error.message)
        raise PaymentError("login_required", "the server refused the session")  # pragma: no cover
