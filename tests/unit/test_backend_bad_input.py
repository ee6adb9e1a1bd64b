"""Garbage cursors and oversized bodies get a clear 4xx in the common error shape, never a 500."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from backend_stub.limits import DEFAULT_LIMIT, WEBHOOK_LIMIT
from shared.domain import ManualClock
from tests.support.inprocess import InProcessBackend
from tests.support.world import World


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    clock = ManualClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    with InProcessBackend(tmp_path / "b", clock=clock) as backend, World.standard(backend) as world:
        yield world


def _cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _error(resp: object, status: int, code: str) -> None:
    assert resp.status_code == status, resp.text  # type: ignore[attr-defined]
    body = resp.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and body["error"]["code"] == code, body


BAD_LIST_CURSORS = ["[Infinity]", "[-Infinity]", "[NaN]", "[1e400]", "[" + "9" * 40 + "]", "[true]", '["1"]']
BAD_SEARCH_CURSORS = [
    "[1, Infinity, 5, 100]",
    "[1, NaN, 5, 100]",
    "[1, -1.5, Infinity, 100]",
    "[1, -1.5, 5, -Infinity]",
    "[2, 0, 1e300, 100]",
    "[1, 0, 5, " + "9" * 40 + "]",
]


@pytest.mark.parametrize("raw", BAD_LIST_CURSORS)
def test_a_non_finite_or_huge_catalog_cursor_is_a_400(w: World, raw: str) -> None:
    answer = w.client(w.customer).get("/api/v1/catalog/products", params={"cursor": _cursor(raw)})
    _error(answer, 400, "invalid_cursor")


@pytest.mark.parametrize("raw", BAD_SEARCH_CURSORS + BAD_LIST_CURSORS)
def test_a_non_finite_or_huge_search_cursor_is_a_400(w: World, raw: str) -> None:
    answer = w.client(w.customer).get(
        "/api/v1/catalog/products", params={"q": "товар", "cursor": _cursor(raw)}
    )
    _error(answer, 400, "invalid_cursor")


def test_real_cursors_still_page_through_everything(w: World) -> None:
    client = w.client(w.customer)
    for params in ({}, {"q": "товар"}):
        seen: list[str] = []
        cursor = None
        while True:
            page = client.get("/api/v1/catalog/products", params={**params, "limit": 7, "cursor": cursor})
            assert page.status_code == 200, page.text
            seen += [p["sku"] for p in page.json()["items"]]
            cursor = page.json()["next_cursor"]
            if cursor is None:
                break
        assert sorted(seen) == sorted(w.skus)


def test_an_oversized_webhook_is_413_and_changes_nothing(w: World) -> None:
    order = w.place_order(w.customer, w.pvz1, [w.skus[0]])
    data = json.loads(w.webhook_body(order))
    data["padding"] = "x" * WEBHOOK_LIMIT
    body = json.dumps(data).encode()
    _error(w.post_webhook(body), 413, "too_large")
    # the same without a Content-Length (chunked): counted while read, refused all the same
    chunked = w.anonymous.post(
        "/api/v1/payments/webhook",
        content=iter([body[i : i + 4096] for i in range(0, len(body), 4096)]),
        headers={"Content-Type": "application/json", "X-Payment-Signature": w.sign(body)},
    )
    _error(chunked, 413, "too_large")
    assert w.get_order(w.admin, order["id"])["status"] == "CREATED"
    # a normal one still goes through
    assert w.pay(order) == {"status": "processed"}


def test_no_other_endpoint_reads_an_unbounded_body(w: World) -> None:
    huge = "x" * (DEFAULT_LIMIT + 1)
    _error(w.anonymous.post("/api/v1/auth/login", json={"username": "a", "password": huge}), 413, "too_large")
    _error(w.anonymous.post("/api/v1/auth/refresh", json={"refresh_token": huge}), 413, "too_large")
    order = {"pvz_id": w.pvz1, "items": [{"sku": w.skus[0], "quantity": 1}], "note": huge}
    _error(w.client(w.customer).post("/api/v1/orders", json=order), 413, "too_large")
    # the sync push has a larger allowance, but a limit all the same
    dev = w.device(w.clerk1)
    op = dev.make_op("shift.open", {"shift_id": "S1", "padding": "x" * (17 * 1024 * 1024)})
    push = w.client(w.clerk1).post("/api/v1/sync/push", json={"device_id": dev.device_id, "ops": [op]})
    _error(push, 413, "too_large")
    # ordinary requests are untouched
    assert (
        w.client(w.customer)
        .post("/api/v1/orders", json={"pvz_id": w.pvz1, "items": [{"sku": w.skus[1], "quantity": 1}]})
        .status_code
        == 201
    )


def test_a_405_names_the_allowed_methods_and_api_docs_can_be_switched_off(tmp_path: Path) -> None:
    with InProcessBackend(tmp_path / "on") as on:
        c = on.client()
        r = c.post("/health")
        assert r.status_code == 405 and r.headers["allow"] == "GET"
        assert r.json()["error"]["code"] == "method_not_allowed"
        assert c.get("/docs").status_code == 200 and c.get("/openapi.json").status_code == 200
    with InProcessBackend(tmp_path / "off", api_docs=False) as off:
        c = off.client()
        assert c.get("/docs").status_code == 404 and c.get("/openapi.json").status_code == 404
        assert c.get("/health").json() == {"status": "ok"}
