"""Build a small world on a running backend quickly, then drive it through the public API.

    from tests.support.backend import BackendServer
    from tests.support.world import World

    with BackendServer(tmp_path / "b") as server, World.standard(server) as w:
        order = w.place_order(w.customer, w.pvz1, [w.skus[0], w.skus[1]])
        w.pay(order)                                   # correctly signed webhook
        task = w.wait_for_task(order["id"])            # the relay made a pick task
        box = w.ship(order)                            # pick, pack, close, route: units SHIPPED
        w.accept(order, box)                           # PVZ accepts every unit into a cell
        code = w.pickup_code(order)                    # {"qr", "short_code"} as the customer sees it
        w.issue(order)                                 # pickup.complete: ISSUED

`World` works the same on an `InProcessBackend` (tests/support/inprocess.py: the app in-process with
an injected clock, no network), where the relay runs synchronously whenever a task is awaited.

Sites, users and products are written directly into the server's data dir (fast, safe while it runs);
everything else goes through HTTP like a real client. Every user has the password DEFAULT_PASSWORD
unless given another. A `Device` keeps its own seq and pushes ops like an app's sync engine.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from shared.barcodes.formats import make_gtin13, make_sscc
from shared.domain import IdFactory, SystemClock, utc_iso
from shared.domain.chain import genesis, op_hash

from .backend import BackendServer

if TYPE_CHECKING:
    from .inprocess import InProcessBackend

DEFAULT_PASSWORD = "correct-horse-battery-42"


@dataclass
class Account:
    """A user of the world; `token` is filled by World.login."""

    username: str
    password: str
    user_id: str
    role: str
    site_id: str | None
    token: str | None = None


class WorldError(AssertionError):
    """A step of the world's script got an answer it did not expect."""


def _expect(resp: httpx.Response, status: int = 200) -> Any:
    if resp.status_code != status:
        raise WorldError(f"{resp.request.method} {resp.request.url.path} -> {resp.status_code}: {resp.text}")
    return resp.json()


@dataclass
class Device:
    """An app instance: a device id, a logged-in account, and its own gap-free seq."""

    world: World
    account: Account
    device_id: str
    seq: int = 0
    cursor: str = ""
    ids: IdFactory = field(default_factory=lambda: IdFactory(SystemClock()))
    # chain=True: ops carry prev_hash and hash like the apps' (docs/PROTOCOL.md, "The hash chain");
    # last_hash is the hash of the last op made (None: the next one chains from the genesis)
    chain: bool = False
    last_hash: str | None = None
    key: bytes | None = None  # the device's chain key: ops are linked with it (the keyed chain)

    def make_op(self, op_type: str, payload: dict[str, Any]) -> dict[str, Any]:
        """The next op in wire form (takes the next seq; chained after the last one if chain)."""
        self.seq += 1
        op = {
            "op_id": self.ids.new(),
            "device_id": self.device_id,
            "seq": self.seq,
            "type": op_type,
            "payload": payload,
            "actor": self.account.user_id,
            # the server's clock when it is injected (InProcessBackend), else the real one: the server
            # refuses ops made far ahead of its own time
            "created_at": utc_iso(getattr(self.world.server, "clock", SystemClock()).now()),
        }
        if self.chain:
            op["prev_hash"] = self.last_hash or genesis(self.device_id)
            op["hash"] = self.last_hash = op_hash(op, self.key)
        return op

    def client(self) -> httpx.Client:
        """An httpx client with a token issued at a login on this device (only such tokens may push)."""
        return self.world.device_client(self.account, self.device_id)

    def push_raw(self, ops: list[dict[str, Any]]) -> httpx.Response:
        return self.client().post("/api/v1/sync/push", json={"device_id": self.device_id, "ops": ops})

    def push(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        results: list[dict[str, Any]] = _expect(self.push_raw(ops))["results"]
        return results

    def op(self, op_type: str, payload: dict[str, Any], *, must_apply: bool = True) -> dict[str, Any]:
        """Push one op; by default raise WorldError unless it was applied."""
        result = self.push([self.make_op(op_type, payload)])[0]
        if must_apply and result["status"] != "applied":
            raise WorldError(f"{op_type} {payload} was rejected: {result['reason']}")
        return result

    def pull(self, limit: int = 1000) -> list[dict[str, Any]]:
        """Pull every page since this device's cursor; return the changes."""
        out: list[dict[str, Any]] = []
        while True:
            page = _expect(
                self.client().get("/api/v1/sync/pull", params={"cursor": self.cursor, "limit": limit})
            )
            out.extend(page["changes"])
            self.cursor = page["next_cursor"]
            if not page["has_more"]:
                return out


class World:
    """Sites, users, products and orders on one BackendServer, with shortcuts for each life step."""

    def __init__(self, server: BackendServer | InProcessBackend) -> None:
        self.server = server
        self.anonymous = server.client()
        self._ctx = server.context()
        self._clients: dict[str, httpx.Client] = {}
        self._sscc = int(time.time_ns() // 1000) % 10**8 * 10
        self._sku = 0
        self.devices: dict[str, Device] = {}
        self._device_tokens: dict[tuple[str, str], str] = {}

    # ---- admin writes (direct) ---------------------------------------------------------------------
    def add_site(
        self, site_id: str, kind: str, name: str | None = None, *, cells: int = 20, locations: int = 20
    ) -> str:
        from backend_stub.services.admin import create_site

        create_site(
            self._ctx,
            site_id,
            kind,
            name or site_id,
            cells_count=cells if kind == "pvz" else 0,
            locations_count=locations if kind == "warehouse" else 0,
        )
        return site_id

    def add_user(
        self,
        username: str,
        role: str,
        site_id: str | None = None,
        password: str = DEFAULT_PASSWORD,
        *,
        display_name: str = "",
        phone: str = "",
    ) -> Account:
        from backend_stub.services.admin import create_user

        user_id = create_user(self._ctx, username, role, password, site_id, display_name, phone)
        return Account(username, password, user_id, role, site_id)

    def add_products(
        self,
        n: int,
        *,
        marking_every: int = 0,
        brand: str = "Тестовый бренд",
        name: str = "Товар",
        category: str = "",
    ) -> list[str]:
        """n products '<name> N' with GTINs; every marking_every-th needs a marking code (and
        marking_every=1: all). Returns SKUs."""
        from backend_stub.services.admin import NewProduct, add_products

        items = []
        for _ in range(n):
            self._sku += 1
            sku = f"SKU-T{self._sku:06d}-{self._sscc % 10**6:06d}"
            items.append(
                NewProduct(
                    sku=sku,
                    name=f"{name} {self._sku}",
                    brand=brand,
                    price_kopecks=10_000 + self._sku * 100,
                    gtin=make_gtin13(f"46{self._sscc % 10**6:06d}{self._sku:04d}"),
                    needs_marking=bool(marking_every) and self._sku % marking_every == 0,
                    category=category,
                )
            )
        with self._ctx.db.write() as conn:
            add_products(conn, items)
        return [p.sku for p in items]

    # ---- HTTP ------------------------------------------------------------------------------------------
    def login(self, account: Account, device_id: str | None = None) -> str:
        body: dict[str, Any] = {"username": account.username, "password": account.password}
        if device_id:
            body["device_id"] = device_id
        data = _expect(self.anonymous.post("/api/v1/auth/login", json=body))
        account.token = str(data["access_token"])
        self._clients.pop(account.username, None)
        return account.token

    def device_token(self, account: Account, device_id: str) -> str:
        """A token from a login on device_id (kept; the account's own token is left as it is)."""
        key = (account.username, device_id)
        if key not in self._device_tokens:
            body = {"username": account.username, "password": account.password, "device_id": device_id}
            data = _expect(self.anonymous.post("/api/v1/auth/login", json=body))
            self._device_tokens[key] = str(data["access_token"])
        return self._device_tokens[key]

    def device_client(self, account: Account, device_id: str) -> httpx.Client:
        key = f"{account.username}@{device_id}"
        if key not in self._clients:
            self._clients[key] = self.server.client(self.device_token(account, device_id))
        return self._clients[key]

    def client(self, account: Account) -> httpx.Client:
        """An httpx client authorised as account (logs in on first use)."""
        if account.token is None:
            self.login(account)
        if account.username not in self._clients:
            self._clients[account.username] = self.server.client(account.token)
        return self._clients[account.username]

    def reconnect(self) -> None:
        """New HTTP clients after the server restarted (its port may have changed); tokens stay valid."""
        for c in self._clients.values():
            c.close()
        self._clients.clear()
        self.anonymous.close()
        self.anonymous = self.server.client()

    def device(self, account: Account, device_id: str | None = None) -> Device:
        """The Device with this id (default: one per user); naming another account on an existing
        device switches its user, as at a shift change, and keeps its seq."""
        device_id = device_id or f"dev-{account.username}"
        if device_id not in self.devices:
            self.devices[device_id] = Device(self, account, device_id)
        self.devices[device_id].account = account
        return self.devices[device_id]

    def place_order(
        self, customer: Account, pvz_id: str, skus: list[str], *, payment: str = "prepaid"
    ) -> dict[str, Any]:
        """POST /orders with one unit of each SKU listed (repeat a SKU for more); `payment`
        "on_pickup" sends the order to the warehouse at once, to be paid at the PVZ."""
        counts: dict[str, int] = {}
        for s in skus:
            counts[s] = counts.get(s, 0) + 1
        items = [{"sku": s, "quantity": q} for s, q in counts.items()]
        body = {"pvz_id": pvz_id, "items": items, "payment": payment}
        order: dict[str, Any] = _expect(self.client(customer).post("/api/v1/orders", json=body), 201)
        return order

    def get_order(self, account: Account, order_id: str) -> dict[str, Any]:
        order: dict[str, Any] = _expect(self.client(account).get(f"/api/v1/orders/{order_id}"))
        return order

    # ---- payment webhook -----------------------------------------------------------------------------
    def webhook_body(
        self,
        order: dict[str, Any],
        *,
        event_id: str | None = None,
        tx_id: str | None = None,
        type_: str = "payment.succeeded",
        amount: int | None = None,
        currency: str = "RUB",
        intent: dict[str, Any] | None = None,
    ) -> bytes:
        """The provider's event body; with `intent` (a payment-intent answer) it names that intent
        and carries its amount (a payment at pickup)."""
        ids = IdFactory()
        data = {
            "event_id": event_id or "evt_" + ids.new(),
            "type": type_,
            "tx_id": tx_id or "tx_" + ids.new(),
            "order_id": order["id"],
            "amount_kopecks": order["amount_kopecks"] if amount is None else amount,
            "currency": currency,
            "created_at": utc_iso(SystemClock().now()),
        }
        if intent is not None:
            data["intent_id"] = intent["id"]
            if amount is None:
                data["amount_kopecks"] = intent["amount_kopecks"]
        return json.dumps(data).encode()

    def sign(self, body: bytes, *, t: int | None = None, secret: bytes | None = None) -> str:
        from backend_stub.services.payments import sign

        if t is None:  # the server's clock when it is injected (InProcessBackend), else the real one
            t = int(getattr(self.server, "clock", SystemClock()).now().timestamp())
        return sign(secret or self.server.webhook_secret(), t, body)

    def post_webhook(self, body: bytes, signature: str | None = "auto") -> httpx.Response:
        headers = {"Content-Type": "application/json"}
        if signature == "auto":
            signature = self.sign(body)
        if signature is not None:
            headers["X-Payment-Signature"] = signature
        return self.anonymous.post("/api/v1/payments/webhook", content=body, headers=headers)

    def pay(self, order: dict[str, Any]) -> dict[str, Any]:
        """Send a correctly signed payment.succeeded for the order's amount; return the answer."""
        answer: dict[str, Any] = _expect(self.post_webhook(self.webhook_body(order)))
        return answer

    def pay_intent(self, order: dict[str, Any], intent: dict[str, Any]) -> dict[str, Any]:
        """The provider's signed payment.succeeded for a payment intent made at the PVZ."""
        answer: dict[str, Any] = _expect(self.post_webhook(self.webhook_body(order, intent=intent)))
        return answer

    # ---- warehouse -----------------------------------------------------------------------------------
    def wait_for_task(
        self, order_id: str, picker: Account | None = None, timeout: float = 30.0
    ) -> dict[str, Any]:
        """Poll GET /warehouse/tasks until the relay made the order's pick task."""
        picker = picker or self.picker
        deadline = time.monotonic() + timeout
        while True:
            run_relay = getattr(self.server, "run_relay", None)
            if run_relay is not None:
                run_relay()
            items = _expect(self.client(picker).get("/api/v1/warehouse/tasks"))["items"]
            for task in items:
                if task["order_id"] == order_id:
                    return dict(task)
            if time.monotonic() > deadline:
                raise WorldError(f"no pick task for order {order_id} after {timeout} s")
            time.sleep(0.05)

    def new_sscc(self, *, kind_return: bool = False) -> str:
        self._sscc += 1
        return make_sscc(self._sscc % 10**9, kind_return=kind_return)

    def pick(self, order: dict[str, Any], picker: Account | None = None) -> dict[str, Any]:
        """Pick every unit of the order's task at its location; return the task."""
        dev = self.device(picker or self.picker)
        task = self.wait_for_task(order["id"], dev.account)
        for unit in task["units"]:
            dev.op(
                "pick.unit",
                {"task_id": task["id"], "unit_id": unit["id"], "location_id": unit["location_id"]},
            )
        return task

    def pack(self, order: dict[str, Any], picker: Account | None = None) -> str:
        """Open a forward box for the order's PVZ, pack every unit, close it; return the SSCC."""
        dev = self.device(picker or self.picker)
        box = self.new_sscc()
        dev.op("pack.open", {"box_id": box, "pvz_id": order["pvz_id"]})
        for unit in order["units"]:
            dev.op("pack.unit", {"box_id": box, "unit_id": unit["id"]})
        dev.op("pack.close", {"box_id": box})
        return box

    def dispatch(
        self,
        boxes: list[str],
        pvz_id: str,
        picker: Account | None = None,
        route_id: str | None = None,
        handover: dict[str, Any] | None = None,
    ) -> str:
        """Put closed boxes on a route to pvz_id and close it (units SHIPPED); return the route id.
        ``handover``: the courier's badge and the seals (route.close's courier_badge and seals)."""
        dev = self.device(picker or self.picker)
        route_id = route_id or "R-" + IdFactory().new()
        unit_ids: list[str] = []
        for box in boxes:
            dev.op("route.add_box", {"route_id": route_id, "box_id": box, "pvz_id": pvz_id})
        with self._ctx.db.read() as conn:
            from sqlalchemy import select

            from backend_stub.db import units

            unit_ids = [r.id for r in conn.execute(select(units.c.id).where(units.c.box_id.in_(boxes)))]
        dev.op("route.close", {"route_id": route_id, "unit_ids": unit_ids, **(handover or {})})
        return route_id

    def ship(self, order: dict[str, Any], picker: Account | None = None) -> str:
        """Pick, pack and dispatch one order on its own route; return its box SSCC."""
        self.pick(order, picker)
        box = self.pack(order, picker)
        self.dispatch([box], order["pvz_id"], picker)
        return box

    # ---- PVZ -----------------------------------------------------------------------------------------
    def accept(self, order: dict[str, Any], box: str, clerk: Account | None = None, cell: int = 1) -> str:
        """Accept every unit of the order from box into one cell; return the cell id."""
        clerk = clerk or (self.clerk1 if order["pvz_id"] == self.pvz1 else self.clerk2)
        dev = self.device(clerk)
        cell_id = f"{order['pvz_id']}:{cell:04d}"
        for unit in order["units"]:
            dev.op("unit.accept", {"unit_id": unit["id"], "box_id": box, "cell_id": cell_id})
        return cell_id

    def pickup_code(self, order: dict[str, Any], customer: Account | None = None) -> dict[str, Any]:
        code: dict[str, Any] = _expect(
            self.client(customer or self.customer).get(f"/api/v1/orders/{order['id']}/pickup-code")
        )
        return code

    def issue(
        self, order: dict[str, Any], clerk: Account | None = None, refuse: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        """Complete the pickup: every unit ISSUED except those in refuse (unit ids), REFUSED."""
        clerk = clerk or (self.clerk1 if order["pvz_id"] == self.pvz1 else self.clerk2)
        issued = [u["id"] for u in order["units"] if u["id"] not in refuse]
        refused = [{"unit_id": u, "reason": "did_not_fit"} for u in refuse]
        return self.device(clerk).op(
            "pickup.complete", {"order_id": order["id"], "issued": issued, "refused": refused}
        )

    # ---- a ready-made world --------------------------------------------------------------------------
    pvz1: str
    pvz2: str
    warehouse: str
    clerk1: Account
    clerk2: Account
    picker: Account
    admin: Account
    customer: Account
    customer2: Account
    skus: list[str]

    @classmethod
    def standard(cls, server: BackendServer | InProcessBackend, products: int = 20) -> World:
        """PVZ-T-1 and PVZ-T-2 (20 cells each), WH-T-1 (20 locations), users clerk1 (PVZ-T-1),
        clerk2 (PVZ-T-2), picker (WH-T-1), admin, customer, customer2; `products` products in `skus`."""
        w = cls(server)
        w.pvz1 = w.add_site("PVZ-T-1", "pvz", "ПВЗ Тестовый 1")
        w.pvz2 = w.add_site("PVZ-T-2", "pvz", "ПВЗ Тестовый 2")
        w.warehouse = w.add_site("WH-T-1", "warehouse", "Склад Тестовый")
        w.clerk1 = w.add_user("clerk1", "clerk", w.pvz1)
        w.clerk2 = w.add_user("clerk2", "clerk", w.pvz2)
        w.picker = w.add_user("picker", "warehouse", w.warehouse)
        w.admin = w.add_user("admin", "admin")
        w.customer = w.add_user("customer", "customer", display_name="Анна Смирнова", phone="+79001231234")
        w.customer2 = w.add_user("customer2", "customer", display_name="Олег Петров", phone="+79005556789")
        w.skus = w.add_products(products, marking_every=5)
        return w

    def close(self) -> None:
        for c in self._clients.values():
            c.close()
        self._clients.clear()
        self.anonymous.close()
        self._ctx.db.dispose()

    def __enter__(self) -> World:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


@pytest.fixture
def backend_world(tmp_path: Path) -> Iterator[World]:
    """A running backend (real uvicorn) with World.standard on it; stopped after the test.

    Import it into a test module or conftest: `from tests.support.world import backend_world  # noqa: F401`.
    """
    with BackendServer(tmp_path / "backend") as server, World.standard(server) as w:
        yield w
