"""The backend's HTTP rules, in-process (no network) with a manual clock."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from shared.domain import ManualClock
from shared.domain.pickup_token import PickupTokenRevoked, short_code_matches, verify_pickup_token
from tests.support.inprocess import InProcessBackend
from tests.support.world import World, WorldError


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))


@pytest.fixture
def w(tmp_path: Path, clock: ManualClock, backend_database: str | None) -> Iterator[World]:
    """Every test here runs on SQLite and on PostgreSQL (the same contract on both)."""
    with (
        InProcessBackend(tmp_path / "b", clock=clock, database_url=backend_database) as backend,
        World.standard(backend) as world,
    ):
        yield world


def _err(resp: object) -> str:
    body = resp.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and {"code", "message"} <= set(body["error"])
    return str(body["error"]["code"])


# ---- errors, auth --------------------------------------------------------------------------------
def test_health_and_error_shape(w: World) -> None:
    assert w.anonymous.get("/health").json() == {"status": "ok"}
    assert _err(w.anonymous.get("/no/such/path")) == "not_found"
    bad = w.anonymous.post("/api/v1/auth/login", json={"username": "x"})
    assert bad.status_code == 400 and _err(bad) == "invalid_request"
    assert w.anonymous.get("/api/v1/orders/x").status_code == 401


def test_an_unknown_token_is_refused_before_the_request_is_read(w: World) -> None:
    """Who calls is checked first: an unknown or missing token gets 401 even with a malformed body
    or query, so nobody unauthenticated learns the schema's errors or makes the server parse a
    500-op body."""
    stranger = w.server.client("not-a-token")
    assert _err(stranger.post("/api/v1/sync/push", json={"device_id": 5})) == "invalid_token"
    assert stranger.post("/api/v1/sync/push", json={"device_id": 5}).status_code == 401
    assert stranger.get("/api/v1/sync/pull", params={"limit": 0}).status_code == 401
    assert w.anonymous.post("/api/v1/sync/push", json={"ops": "x"}).status_code == 401


def test_unknown_user_and_wrong_password_look_the_same(w: World) -> None:
    a = w.anonymous.post("/api/v1/auth/login", json={"username": "nobody", "password": "whatever-1"})
    b = w.anonymous.post("/api/v1/auth/login", json={"username": "clerk1", "password": "whatever-1"})
    assert a.status_code == b.status_code == 401
    assert a.json() == b.json()


def test_failed_logins_are_throttled_until_the_window_passes(w: World, clock: ManualClock) -> None:
    for _ in range(5):
        assert (
            w.anonymous.post(
                "/api/v1/auth/login", json={"username": "clerk1", "password": "nope-nope"}
            ).status_code
            == 401
        )
    blocked = w.anonymous.post(
        "/api/v1/auth/login", json={"username": "clerk1", "password": w.clerk1.password}
    )
    assert blocked.status_code == 429 and _err(blocked) == "too_many_attempts"
    # another user from the same address is not blocked
    assert (
        w.anonymous.post(
            "/api/v1/auth/login", json={"username": "clerk2", "password": w.clerk2.password}
        ).status_code
        == 200
    )
    clock.advance(15 * 60 + 1)
    assert (
        w.anonymous.post(
            "/api/v1/auth/login", json={"username": "clerk1", "password": w.clerk1.password}
        ).status_code
        == 200
    )


def test_access_expires_refresh_rotates_logout_revokes_both(w: World, clock: ManualClock) -> None:
    tokens = w.anonymous.post(
        "/api/v1/auth/login", json={"username": "clerk1", "password": w.clerk1.password}
    ).json()
    assert tokens["user"] == {
        "id": w.clerk1.user_id,
        "username": "clerk1",
        "role": "clerk",
        "site_id": w.pvz1,
    }
    me = w.server.client(tokens["access_token"])
    assert me.get("/api/v1/auth/me").status_code == 200
    clock.advance(15 * 60 + 1)
    assert me.get("/api/v1/auth/me").status_code == 401
    fresh = w.anonymous.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}).json()
    # the used refresh token is spent: within the overlap window a repeat (a lost answer) gets the
    # same successor, never a second one (tests/e2e/test_refresh_overlap.py has the rest)
    again = w.anonymous.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}).json()
    assert (again["access_token"], again["refresh_token"]) == (fresh["access_token"], fresh["refresh_token"])
    c = w.server.client(fresh["access_token"])
    assert c.get("/api/v1/auth/me").status_code == 200
    assert c.post("/api/v1/auth/logout").status_code == 200
    assert c.get("/api/v1/auth/me").status_code == 401
    assert (
        w.anonymous.post("/api/v1/auth/refresh", json={"refresh_token": fresh["refresh_token"]}).status_code
        == 401
    )


# ---- catalog -------------------------------------------------------------------------------------
def test_catalog_search_cyrillic_prefix_yo_and_pages(w: World) -> None:
    from backend_stub.services.admin import NewProduct, add_products

    with w._ctx.db.write() as conn:
        add_products(
            conn,
            [
                NewProduct("K-1", "Кроссовки беговые", "Nordwalk", 499000, "4600000000017"),
                NewProduct("K-2", "Кроссовки зимние", "Ёлка", 599000, "4600000000024"),
                NewProduct("K-3", "Крем для рук", "Ёлка", 19900, "4600000000031"),
                NewProduct("K-4", "Зелёный чай", "Байкал", 29900, "4600000000048"),
            ],
        )
    c = w.client(w.customer)
    names = [p["name"] for p in c.get("/api/v1/catalog/products", params={"q": "кроссовки"}).json()["items"]]
    assert sorted(names) == ["Кроссовки беговые", "Кроссовки зимние"]
    prefix = {p["sku"] for p in c.get("/api/v1/catalog/products", params={"q": "кр*"}).json()["items"]}
    assert prefix == {"K-1", "K-2", "K-3"}
    assert [p["sku"] for p in c.get("/api/v1/catalog/products", params={"q": "зеленый"}).json()["items"]] == [
        "K-4"
    ]
    assert {p["sku"] for p in c.get("/api/v1/catalog/products", params={"q": "елка"}).json()["items"]} == {
        "K-2",
        "K-3",
    }
    # name outranks brand: 'кроссовки ёлка' has one hit matching both
    both = c.get("/api/v1/catalog/products", params={"q": "кроссовки ёлка"}).json()["items"]
    assert [p["sku"] for p in both] == ["K-2"]
    # FTS syntax in user input is inert
    assert c.get("/api/v1/catalog/products", params={"q": 'NEAR("a" OR) *'}).status_code == 200
    # cursor pages cover every product exactly once
    seen, cursor = [], None
    while True:
        params = {"q": "товар*", "limit": 7} | ({"cursor": cursor} if cursor else {})
        page = c.get("/api/v1/catalog/products", params=params).json()
        seen += [p["sku"] for p in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(w.skus)
    assert c.get("/api/v1/catalog/products/K-3").json()["brand"] == "Ёлка"
    assert c.get("/api/v1/catalog/barcodes/4600000000031").json()["sku"] == "K-3"
    assert c.get("/api/v1/catalog/barcodes/4600000000099").status_code == 404
    assert (
        _err(c.get("/api/v1/catalog/products", params={"q": "x", "cursor": "garbage!"})) == "invalid_cursor"
    )


# ---- orders and visibility -----------------------------------------------------------------------
def test_order_is_visible_to_its_customer_its_pvz_and_admins_only(w: World) -> None:
    order = w.place_order(w.customer, w.pvz1, [w.skus[0], w.skus[0], w.skus[1]])
    assert order["status"] == "CREATED" and len(order["units"]) == 3
    assert order["amount_kopecks"] == 2 * 10_100 + 10_200
    assert all(u["label"].startswith("U") and len(u["label"]) == 13 for u in order["units"])
    for who in (w.customer, w.clerk1, w.admin):
        assert w.client(who).get(f"/api/v1/orders/{order['id']}").status_code == 200
    for who in (w.customer2, w.clerk2, w.picker):
        r = w.client(who).get(f"/api/v1/orders/{order['id']}")
        assert r.status_code == 404 and _err(r) == "not_found"
    # only customers place orders; unknown pvz and sku are refused
    assert (
        w.client(w.clerk1)
        .post("/api/v1/orders", json={"pvz_id": w.pvz1, "items": [{"sku": w.skus[0], "quantity": 1}]})
        .status_code
        == 403
    )
    assert (
        _err(
            w.client(w.customer).post(
                "/api/v1/orders", json={"pvz_id": "WH-T-1", "items": [{"sku": w.skus[0], "quantity": 1}]}
            )
        )
        == "unknown_pvz"
    )
    assert (
        _err(
            w.client(w.customer).post(
                "/api/v1/orders", json={"pvz_id": w.pvz1, "items": [{"sku": "nope", "quantity": 1}]}
            )
        )
        == "unknown_sku"
    )


def test_cancel_before_shipping_only(w: World) -> None:
    order = w.place_order(w.customer, w.pvz1, [w.skus[0]])
    assert w.client(w.customer2).post(f"/api/v1/orders/{order['id']}/cancel").status_code == 404
    assert w.client(w.customer).post(f"/api/v1/orders/{order['id']}/cancel").json()["status"] == "CANCELLED"
    shipped = w.place_order(w.customer, w.pvz1, [w.skus[1]])
    w.pay(shipped)
    w.ship(shipped)
    r = w.client(w.customer).post(f"/api/v1/orders/{shipped['id']}/cancel")
    assert r.status_code == 409 and _err(r) == "not_cancellable"
    assert w.get_order(w.customer, shipped["id"])["status"] == "IN_TRANSIT"


# ---- webhook -------------------------------------------------------------------------------------
def test_webhook_signature_rules(w: World, clock: ManualClock) -> None:
    order = w.place_order(w.customer, w.pvz1, [w.skus[0]])
    body = w.webhook_body(order)
    now = int(clock.now().timestamp())
    assert _err(w.post_webhook(body, signature=None)) == "missing_signature"
    assert _err(w.post_webhook(body, signature=w.sign(body, secret=b"x" * 32))) == "bad_signature"
    assert _err(w.post_webhook(body, signature=w.sign(body, t=now - 301))) == "stale_signature"
    assert _err(w.post_webhook(body, signature=w.sign(body, t=now + 301))) == "stale_signature"
    assert _err(w.post_webhook(body, signature="t=abc,v1=00")) == "bad_signature"
    assert w.get_order(w.admin, order["id"])["status"] == "CREATED"
    # several v1 values (a secret being rotated): any one may match; 300 s old still passes
    good = w.sign(body, t=now - 300).split("v1=")[1]
    header = f"t={now - 300},v1={'0' * 64},v1={good}"
    assert w.post_webhook(body, signature=header).json() == {"status": "processed"}
    assert w.get_order(w.admin, order["id"])["status"] == "PAID"


def test_webhook_answers_and_nothing_changes_but_the_first(w: World) -> None:
    order = w.place_order(w.customer, w.pvz1, [w.skus[0]])
    assert w.post_webhook(b"{not json").status_code == 400
    assert w.post_webhook(json.dumps({"event_id": "e"}).encode()).status_code == 400
    ghost = dict(order, id="01NOSUCHORDER0000000000000")
    assert _err(w.post_webhook(w.webhook_body(ghost))) == "unknown_order"
    assert _err(w.post_webhook(w.webhook_body(order, amount=1))) == "amount_mismatch"
    assert w.post_webhook(w.webhook_body(order, currency="USD")).status_code == 409
    assert w.get_order(w.admin, order["id"])["status"] == "CREATED"
    body = w.webhook_body(order, event_id="evt-1", tx_id="tx-1")
    assert w.post_webhook(body).json() == {"status": "processed"}
    assert w.post_webhook(body).json() == {"status": "duplicate"}
    same_tx = w.webhook_body(order, event_id="evt-2", tx_id="tx-1")
    assert w.post_webhook(same_tx).json() == {"status": "duplicate"}
    feed = w.client(w.admin).get("/api/v1/events").json()["items"]
    assert [e["type"] for e in feed].count("OrderPaid") == 1
    # a second, different payment for a paid order is a conflict, not a second OrderPaid
    assert w.post_webhook(w.webhook_body(order)).status_code == 409


def test_events_feed_and_relay_dedupe(w: World) -> None:
    order = w.place_order(w.customer, w.pvz1, [w.skus[0], w.skus[1]])
    w.pay(order)
    assert w.client(w.clerk1).get("/api/v1/events").status_code == 403
    task = w.wait_for_task(order["id"])
    feed = w.client(w.picker).get("/api/v1/events").json()
    paid = [e for e in feed["items"] if e["type"] == "OrderPaid"]
    assert len(paid) == 1 and paid[0]["aggregate_id"] == order["id"]
    assert sorted(paid[0]["payload"]["unit_ids"]) == sorted(u["id"] for u in order["units"])
    after = w.client(w.picker).get("/api/v1/events", params={"after": feed["next_cursor"]}).json()
    assert after["items"] == []
    assert task["pvz_id"] == w.pvz1 and all(u["location_id"] for u in task["units"])
    # the relay consumes each event once: running it again makes no second task
    w.server.run_relay()  # type: ignore[union-attr]
    tasks = w.client(w.picker).get("/api/v1/warehouse/tasks").json()["items"]
    assert [t["order_id"] for t in tasks].count(order["id"]) == 1
    assert w.client(w.clerk1).get("/api/v1/warehouse/tasks").status_code == 403


# ---- sync ----------------------------------------------------------------------------------------
def test_push_is_exactly_once_by_seq_and_by_op_id(w: World) -> None:
    dev = w.device(w.clerk1)
    ops = [
        dev.make_op("shift.open", {"shift_id": "S1"}),
        dev.make_op("unit.move", {"unit_id": "nope", "cell_id": "x"}),
    ]
    first = dev.push(ops)
    assert [r["status"] for r in first] == ["applied", "rejected"]
    assert first[1]["reason"]["code"] == "unknown_unit"
    again = dev.push(ops)
    assert [r["replayed"] for r in again] == [True, True]
    assert [(r["status"], r["reason"]) for r in again] == [(r["status"], r["reason"]) for r in first]
    # a gap: nothing in the request is applied
    dev.seq += 1
    gap_ops = [dev.make_op("shift.close", {"shift_id": "S1"})]
    r = dev.push_raw([*gap_ops])
    assert r.status_code == 409 and r.json()["error"]["expected_seq"] == 3
    dev.seq = 2
    ok = dev.push([dev.make_op("shift.close", {"shift_id": "S1"})])
    assert ok[0]["status"] == "applied" and ok[0]["seq"] == 3


def test_every_transition_is_checked_with_role_and_site(w: World) -> None:
    order = w.place_order(w.customer, w.pvz1, [w.skus[0]])
    unit = order["units"][0]["id"]
    # a PVZ device cannot do warehouse ops; a warehouse device cannot do PVZ ops
    r = w.device(w.clerk1).op(
        "pick.unit", {"task_id": "t", "unit_id": unit, "location_id": "x"}, must_apply=False
    )
    assert r["reason"]["code"] == "wrong_site"
    w.pay(order)
    task = w.wait_for_task(order["id"])
    pick = w.device(w.picker)
    loc = task["units"][0]["location_id"]
    assert (
        pick.op("pick.unit", {"task_id": task["id"], "unit_id": unit, "location_id": loc})["status"]
        == "applied"
    )
    again = pick.op(
        "pick.unit", {"task_id": task["id"], "unit_id": unit, "location_id": loc}, must_apply=False
    )
    assert again["reason"]["code"] == "illegal_transition" and "PICKED" in again["reason"]["message"]
    # clerk2 cannot touch a unit of PVZ-T-1 (and does not learn more than wrong_site)
    r = w.device(w.clerk2).op("unit.missing", {"unit_id": unit, "reason": "x"}, must_apply=False)
    assert r["reason"]["code"] in ("wrong_site", "unknown_unit")
    # a customer cannot push at all
    assert (
        w.client(w.customer).post("/api/v1/sync/push", json={"device_id": "d", "ops": []}).status_code == 403
    )


def test_pack_rejects_wrong_destination_and_route_close_checks_contents(w: World) -> None:
    a = w.place_order(w.customer, w.pvz1, [w.skus[0]])
    b = w.place_order(w.customer, w.pvz2, [w.skus[1]])
    for o in (a, b):
        w.pay(o)
        w.pick(o)
    dev = w.device(w.picker)
    box = w.new_sscc()
    dev.op("pack.open", {"box_id": box, "pvz_id": w.pvz1})
    r = dev.op("pack.unit", {"box_id": box, "unit_id": b["units"][0]["id"]}, must_apply=False)
    assert r["reason"]["code"] == "wrong_destination"
    dev.op("pack.unit", {"box_id": box, "unit_id": a["units"][0]["id"]})
    dev.op("pack.close", {"box_id": box})
    dev.op("route.add_box", {"route_id": "R-1", "box_id": box, "pvz_id": w.pvz1})
    wrong = dev.op("route.close", {"route_id": "R-1", "unit_ids": [b["units"][0]["id"]]}, must_apply=False)
    assert wrong["reason"]["code"] == "conflict"
    assert w.get_order(w.admin, a["id"])["status"] == "IN_FULFILMENT"
    dev.op("route.close", {"route_id": "R-1", "unit_ids": [a["units"][0]["id"]]})
    assert w.get_order(w.admin, a["id"])["status"] == "IN_TRANSIT"


def test_pull_is_scoped_paged_and_carries_offline_pickup_data(w: World, clock: ManualClock) -> None:
    mine = w.place_order(w.customer, w.pvz1, [w.skus[0]])
    theirs = w.place_order(w.customer2, w.pvz2, [w.skus[1]])
    for o in (mine, theirs):
        w.pay(o)
    box = w.ship(mine)
    w.accept(mine, box)
    dev = w.device(w.clerk1)
    changes, pages = [], 0
    while True:
        page = w.client(w.clerk1).get("/api/v1/sync/pull", params={"cursor": dev.cursor, "limit": 10}).json()
        pages += 1
        changes += page["changes"]
        dev.cursor = page["next_cursor"]
        if not page["has_more"]:
            counts = page["counts"]
            break
        assert page["remaining"] > 0 and page["counts"] is None
    assert pages > 2
    by = {}
    for c in changes:
        by.setdefault(c["entity"], {})[c["id"]] = c["data"]
    assert set(by["unit"]) == {u["id"] for u in mine["units"]}
    assert theirs["id"] not in by["order"]
    assert by["unit"][mine["units"][0]["id"]]["status"] == "ACCEPTED"
    assert counts["unit"] == len(by["unit"]) and counts["product"] == len(w.skus)
    assert {"site", "cell", "product", "order", "unit", "box", "pickup_key", "short_code"} <= set(by)
    # verify the customer's QR and short code offline with only what was pulled
    code = w.pickup_code(mine)
    key = base64.b64decode(by["pickup_key"]["current"]["public_key"])
    claim = verify_pickup_token(code["qr"], key, w.pvz1, clock.now(), revoked_ids=set())
    assert claim.order_id == mine["id"]
    sc = by["short_code"][mine["id"]]
    assert short_code_matches(code["short_code"], sc["hash"], sc["salt"])
    # after issue, the token is revoked and the revocation arrives by pull
    w.issue(mine)
    revoked = {c["data"]["token_id"] for c in dev.pull() if c["entity"] == "revocation"}
    with pytest.raises(PickupTokenRevoked):
        verify_pickup_token(code["qr"], key, w.pvz1, clock.now(), revoked)
    # an incremental pull from the last cursor is empty
    assert dev.pull() == []


def test_pickup_code_needs_payment_and_the_customer(w: World) -> None:
    order = w.place_order(w.customer, w.pvz1, [w.skus[0]])
    assert _err(w.client(w.customer).get(f"/api/v1/orders/{order['id']}/pickup-code")) == "not_paid"
    w.pay(order)
    assert w.client(w.customer2).get(f"/api/v1/orders/{order['id']}/pickup-code").status_code == 404
    assert w.client(w.clerk1).get(f"/api/v1/orders/{order['id']}/pickup-code").status_code == 403
    a, b = w.pickup_code(order), w.pickup_code(order)
    assert a["short_code"] == b["short_code"] and len(a["short_code"]) == 8 and a["qr"] != b["qr"]


def test_world_reports_a_rejected_step(w: World) -> None:
    with pytest.raises(WorldError):
        w.device(w.clerk1).op("unit.move", {"unit_id": "missing", "cell_id": "x"})


def test_search_pages_cover_every_match_once_across_tiers(w: World) -> None:
    c = w.client(w.customer)  # 'товар' is exact in 20 names and a word form of none
    seen, cursor = [], None
    while True:
        params = {"q": "товар", "limit": 3} | ({"cursor": cursor} if cursor else {})
        page = c.get("/api/v1/catalog/products", params=params).json()
        seen += [p["sku"] for p in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == len(w.skus)


def test_token_bound_to_a_device_cannot_push_for_another(w: World) -> None:
    token = w.anonymous.post(
        "/api/v1/auth/login", json={"username": "clerk1", "password": w.clerk1.password, "device_id": "pc-1"}
    ).json()["access_token"]
    c = w.server.client(token)
    op = w.device(w.clerk1, "pc-2").make_op("shift.open", {"shift_id": "S"})
    r = c.post("/api/v1/sync/push", json={"device_id": "pc-2", "ops": [op]})
    assert r.status_code == 403 and _err(r) == "wrong_device"
    # a device registered at PVZ-T-1 cannot be used by a clerk of PVZ-T-2: refused at login
    w.device(w.clerk1, "pc-shared").op("shift.open", {"shift_id": "S1"})
    r = w.anonymous.post(
        "/api/v1/auth/login",
        json={"username": "clerk2", "password": w.clerk2.password, "device_id": "pc-shared"},
    )
    assert r.status_code == 403 and _err(r) == "wrong_device"


def test_cancelled_order_cancels_its_task_and_a_late_pick_is_a_conflict(w: World) -> None:
    order = w.place_order(w.customer, w.pvz1, [w.skus[0]])
    w.pay(order)
    task = w.wait_for_task(order["id"])
    w.client(w.customer).post(f"/api/v1/orders/{order['id']}/cancel").raise_for_status()
    w.server.run_relay()  # type: ignore[union-attr]
    tasks = {t["id"]: t for t in w.client(w.picker).get("/api/v1/warehouse/tasks").json()["items"]}
    assert tasks[task["id"]]["status"] == "CANCELLED"
    unit = task["units"][0]
    r = w.device(w.picker).op(
        "pick.unit",
        {"task_id": task["id"], "unit_id": unit["id"], "location_id": unit["location_id"]},
        must_apply=False,
    )
    assert r["status"] == "rejected" and r["reason"]["code"] == "conflict"


def test_refund_cancels_before_shipping_and_revokes_pickup_codes(w: World) -> None:
    order = w.place_order(w.customer, w.pvz1, [w.skus[0], w.skus[1]])
    w.pay(order)
    w.pickup_code(order)
    refund = w.webhook_body(order, type_="payment.refunded")
    assert w.post_webhook(refund).json() == {"status": "processed"}
    assert w.get_order(w.customer, order["id"])["status"] == "CANCELLED"
    revoked = [c for c in w.device(w.clerk1).pull() if c["entity"] == "revocation"]
    assert len(revoked) == 1 and revoked[0]["data"]["order_id"] == order["id"]
    failed = w.place_order(w.customer, w.pvz1, [w.skus[2]])
    assert w.post_webhook(w.webhook_body(failed, type_="payment.failed")).json() == {"status": "processed"}
    assert w.get_order(w.customer, failed["id"])["status"] == "CREATED"


def test_one_refund_per_paid_order_and_none_for_an_unpaid_one(w: World) -> None:
    def outbox(kind: str) -> int:
        with w.server.ctx.db.read() as conn:  # type: ignore[union-attr]
            n: int = conn.execute(
                text("SELECT count(*) FROM outbox WHERE type = :t"), {"t": kind}
            ).scalar_one()
        return n

    order = w.place_order(w.customer, w.pvz1, [w.skus[0]])
    w.pay(order)
    assert w.post_webhook(w.webhook_body(order, type_="payment.refunded")).json() == {"status": "processed"}
    again = w.post_webhook(w.webhook_body(order, type_="payment.refunded"))  # another tx, same order
    assert again.status_code == 409 and _err(again) == "conflict"
    unpaid = w.place_order(w.customer, w.pvz1, [w.skus[1]])
    refused = w.post_webhook(w.webhook_body(unpaid, type_="payment.refunded"))
    assert refused.status_code == 409 and _err(refused) == "conflict"
    assert w.get_order(w.customer, unpaid["id"])["status"] == "CREATED"  # nothing changed
    assert outbox("OrderRefunded") == 1


def test_an_unexpected_error_is_a_json_500_without_a_trace(w: World) -> None:
    app = w.server.app  # type: ignore[union-attr]

    def boom() -> None:
        raise RuntimeError("secret internals /path/to/file.py line 12")

    app.add_api_route("/boom", boom)
    r = w.anonymous.get("/boom")
    assert r.status_code == 500
    assert r.json() == {"error": {"code": "internal", "message": "internal server error"}}


def test_a_rejected_op_leaves_no_partial_change(w: World) -> None:
    order = w.place_order(w.customer, w.pvz1, [w.skus[0], w.skus[1]])
    w.pay(order)
    box = w.ship(order)
    first, second = order["units"][0]["id"], order["units"][1]["id"]
    w.device(w.clerk1).op("unit.accept", {"unit_id": first, "box_id": box, "cell_id": f"{w.pvz1}:0003"})
    # 'first' could be issued, but 'second' (still SHIPPED) cannot be refused: the whole op is rejected
    r = w.device(w.clerk1).op(
        "pickup.complete",
        {"order_id": order["id"], "issued": [first], "refused": [{"unit_id": second, "reason": "x"}]},
        must_apply=False,
    )
    assert r["reason"]["code"] == "illegal_transition" and "SHIPPED" in r["reason"]["message"]
    states = {u["id"]: u["status"] for u in w.get_order(w.admin, order["id"])["units"]}
    assert states == {first: "ACCEPTED", second: "SHIPPED"}
    unit_changes = {c["id"]: c["data"]["status"] for c in w.device(w.clerk1).pull() if c["entity"] == "unit"}
    assert unit_changes[first] == "ACCEPTED"


def test_the_same_op_under_a_new_seq_is_answered_from_its_first_result(w: World) -> None:
    dev = w.device(w.clerk1, "renumbered")
    op = dev.make_op("shift.open", {"shift_id": "S1"})
    assert dev.push([op])[0]["replayed"] is False
    again = dict(op, seq=2)  # a client that lost its seq counter re-journals the op
    dev.seq = 2
    r = dev.push([again])[0]
    assert (r["status"], r["replayed"], r["seq"]) == ("applied", True, 1)
    assert dev.op("shift.close", {"shift_id": "S1"})["seq"] == 3
    with w.server.ctx.db.read() as conn:  # type: ignore[union-attr]
        n = conn.exec_driver_sql(
            "SELECT count(*) FROM records WHERE kind = 'shift.open' AND ref = 'S1'"
        ).scalar()
    assert n == 1
