"""The life of an order, through the API of a real uvicorn alone (design brief, steps 1 to 7)."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from pathlib import Path

from shared.domain.pickup_token import verify_pickup_token
from tests.support.backend import BackendServer
from tests.support.world import World


def _states(w: World, order_id: str) -> dict[str, str]:
    return {u["id"]: u["status"] for u in w.get_order(w.admin, order_id)["units"]}


def test_order_life_from_storefront_to_return(tmp_path: Path) -> None:
    with BackendServer(tmp_path / "backend") as server, World.standard(server) as w:
        shop = w.client(w.customer)
        # 1. the customer finds products and orders three units to PVZ-T-1
        found = shop.get("/api/v1/catalog/products", params={"q": "товар*", "limit": 3}).json()["items"]
        assert len(found) == 3
        order = w.place_order(w.customer, w.pvz1, [p["sku"] for p in found])
        assert order["status"] == "CREATED" and len(order["units"]) == 3
        units = [u["id"] for u in order["units"]]

        # 2. the payment provider calls the signed webhook
        assert w.pay(order) == {"status": "processed"}
        assert w.get_order(w.customer, order["id"])["status"] == "PAID"

        # 3. the relay made a pick task; 4. the warehouse picks, packs and ships
        task = w.wait_for_task(order["id"])
        assert sorted(u["id"] for u in task["units"]) == sorted(units)
        w.pick(order)
        assert w.get_order(w.admin, order["id"])["status"] == "IN_FULFILMENT"
        box = w.pack(order)
        w.dispatch([box], w.pvz1)
        assert set(_states(w, order["id"]).values()) == {"SHIPPED"}

        # 5. the PVZ learns by pull what box to expect, and accepts every unit into a cell
        clerk = w.device(w.clerk1)
        pulled = clerk.pull()
        boxes = {c["id"]: c["data"] for c in pulled if c["entity"] == "box"}
        assert boxes[box]["destination_site_id"] == w.pvz1
        expected = {c["id"] for c in pulled if c["entity"] == "unit" and c["data"]["box_id"] == box}
        assert expected == set(units)
        w.accept(order, box, cell=7)
        clerk.op("box.accept_close", {"box_id": box})
        ready = w.get_order(w.customer, order["id"])
        assert ready["status"] == "READY" and {u["cell_id"] for u in ready["units"]} == {f"{w.pvz1}:0007"}

        # 6. the customer shows the QR; the PVZ checks it offline with what it pulled
        code = w.pickup_code(order)
        everything = w.client(w.clerk1).get("/api/v1/sync/pull", params={"cursor": ""}).json()["changes"]
        key = next(c["data"]["public_key"] for c in everything if c["entity"] == "pickup_key")
        claim = verify_pickup_token(code["qr"], base64.b64decode(key), w.pvz1, datetime.now(UTC), set())
        assert claim.order_id == order["id"] and claim.customer_id == w.customer.user_id
        refused = units[2]
        w.issue(order, refuse=(refused,))
        states = _states(w, order["id"])
        assert [states[u] for u in units] == ["ISSUED", "ISSUED", "REFUSED"]

        # 7. the refused unit goes back to the warehouse in a return box
        ret = w.new_sscc(kind_return=True)
        clerk.op("return.open", {"box_id": ret})
        clerk.op("return.pack", {"box_id": ret, "unit_id": refused, "reason": "refused"})
        clerk.op("return.close", {"box_id": ret})
        mismatch = clerk.op("return.handover", {"box_ids": [ret], "unit_ids": units[:1]}, must_apply=False)
        assert mismatch["status"] == "rejected" and mismatch["reason"]["code"] == "conflict"
        clerk.op("return.handover", {"box_ids": [ret], "unit_ids": [refused]})
        assert _states(w, order["id"])[refused] == "RETURN_SHIPPED"
        picker = w.device(w.picker)
        returns = {c["id"] for c in picker.pull() if c["entity"] == "box" and c["data"]["kind"] == "return"}
        assert ret in returns
        picker.op("return.receive", {"box_id": ret, "unit_id": refused})
        picker.op("return.receipt_close", {"box_id": ret, "missing": []})
        assert _states(w, order["id"])[refused] == "RETURNED"
        assert w.get_order(w.customer, order["id"])["status"] == "COMPLETED"

        # the other PVZ never saw any of it
        other = {c["id"] for c in w.device(w.clerk2).pull() if c["entity"] in ("unit", "order", "box")}
        assert other.isdisjoint({*units, order["id"], box, ret})
