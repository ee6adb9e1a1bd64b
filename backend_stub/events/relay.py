"""The relay: reads the outbox feed after its stored cursor and turns OrderPaid into pick tasks
(deduped on the event id); the cursor moves in the same transaction as the tasks it made, so a
crash at any point loses nothing and repeats nothing.

One process relays at a time (`leader.py`); with `WB_BROKER_URL` the events go through NATS
JetStream instead of straight from the table (`broker.py`), handled by the same `_handle`."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from ..context import AppContext
from ..db import Fast, FastRow, locations, orders, pick_tasks, relay_offsets, sites, units
from ..services.changes import publish, publish_order, publish_unit_rows
from ..services.departures import departure_for
from .outbox import read_after

CONSUMER = "pick-tasks"
BATCH = 4  # events per transaction: keeps the write lock short (a few ms) for webhooks and pushes
log = logging.getLogger("wb.backend.relay")


_TASK_UNITS = Fast(
    select(units.c.id, units.c.label, units.c.sku, units.c.status, units.c.location_id, units.c.order_id)
    .where(units.c.order_id == bindparam("b_order"))
    .order_by(units.c.location_id, units.c.label)
)
_ORDER_PVZ = Fast(select(orders.c.pvz_id).where(orders.c.id == bindparam("b_order")))
_TASK_BY_EVENT = Fast(select(pick_tasks.c.id).where(pick_tasks.c.event_id == bindparam("b_event")))
_ADD_TASK = Fast(
    insert(pick_tasks).values(
        {
            c: bindparam("b_" + c)
            for c in (
                "id",
                "site_id",
                "order_id",
                "event_id",
                "status",
                "created_at",
                "route_name",
                "departs_at",
            )
        }
    )
)
_SET_ORDER_WAREHOUSE = Fast(
    update(orders).where(orders.c.id == bindparam("b_order")).values(warehouse_id=bindparam("b_wh"))
)
_ORDER_UNITS = Fast(select(units).where(units.c.order_id == bindparam("b_order")))
_PLACE_UNIT = Fast(
    update(units)
    .where(units.c.id == bindparam("b_unit"))
    .values(warehouse_id=bindparam("b_wh"), location_id=bindparam("b_loc"))
)


def task_data(conn: Connection, task: Any) -> dict[str, Any]:
    unit_rows = _TASK_UNITS.all(conn, {"b_order": task.order_id})
    pvz = _ORDER_PVZ.first(conn, {"b_order": task.order_id}).pvz_id  # type: ignore[union-attr]
    return {
        "id": task.id,
        "site_id": task.site_id,
        "order_id": task.order_id,
        "pvz_id": pvz,
        "event_id": task.event_id,
        "status": task.status,
        "created_at": task.created_at,
        # the route its boxes leave on and when (shared/domain/cutoffs.py); None without a schedule
        "route_name": getattr(task, "route_name", None),
        "departs_at": getattr(task, "departs_at", None),
        "units": [
            {"id": u.id, "label": u.label, "sku": u.sku, "status": u.status, "location_id": u.location_id}
            for u in unit_rows
        ],
    }


class Relay:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self.leading = False
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._locations: dict[str, list[str]] = {}

    def _warehouse(self, conn: Connection) -> str | None:
        row = conn.execute(
            select(sites.c.id).where(sites.c.kind == "warehouse").order_by(sites.c.id).limit(1)
        ).first()
        return row.id if row else None

    def _location_for(self, conn: Connection, warehouse_id: str, sku: str) -> str | None:
        ids = self._locations.get(warehouse_id)
        if not ids:  # locations are only ever added: cache per warehouse once there are some
            ids = [
                r.id
                for r in conn.execute(
                    select(locations.c.id).where(locations.c.site_id == warehouse_id).order_by(locations.c.id)
                )
            ]
            self._locations[warehouse_id] = ids
        if not ids:
            return None
        return str(ids[int(hashlib.sha256(sku.encode()).hexdigest(), 16) % len(ids)])

    def run_once(self) -> int:
        """Relay one batch; return how many events were consumed (0 when caught up or blocked)."""
        ctx = self._ctx
        with ctx.db.write() as conn:
            cursor = conn.execute(
                select(relay_offsets.c.cursor).where(relay_offsets.c.consumer == CONSUMER)
            ).scalar_one_or_none()
            if cursor is None:
                conn.execute(insert(relay_offsets).values(consumer=CONSUMER, cursor=0))
                cursor = 0
            events = read_after(conn, int(cursor), BATCH)
            done = 0
            for event in events:
                if not self._handle(conn, event):
                    break  # cannot place it yet (no warehouse): stop here and retry later
                cursor = int(event["cursor"])
                done += 1
            if done:
                conn.execute(
                    update(relay_offsets).where(relay_offsets.c.consumer == CONSUMER).values(cursor=cursor)
                )
        return done

    @property
    def ctx(self) -> AppContext:
        return self._ctx

    def handle_event(self, event: dict[str, Any]) -> bool:
        """One event from the broker, in its own transaction; False: not yet (no warehouse)."""
        with self._ctx.db.write() as conn:
            if not self._handle(conn, event):
                return False
            cursor = conn.execute(
                select(relay_offsets.c.cursor).where(relay_offsets.c.consumer == CONSUMER)
            ).scalar_one_or_none()
            if cursor is None:
                conn.execute(insert(relay_offsets).values(consumer=CONSUMER, cursor=int(event["cursor"])))
            elif int(cursor) < int(event["cursor"]):  # a redelivery never moves it back
                conn.execute(
                    update(relay_offsets)
                    .where(relay_offsets.c.consumer == CONSUMER)
                    .values(cursor=int(event["cursor"]))
                )
        return True

    def run_until_idle(self) -> int:
        total = 0
        while n := self.run_once():
            total += n
        return total

    def _handle(self, conn: Connection, event: dict[str, Any]) -> bool:
        ctx = self._ctx
        if event["type"] in ("OrderPaid", "OrderPlaced"):  # OrderPlaced: a pay-on-pickup order
            if _TASK_BY_EVENT.first(conn, {"b_event": event["id"]}) is not None:
                return True  # already made (dedupe on the event id)
            warehouse = self._warehouse(conn)
            if warehouse is None:
                log.warning("no warehouse site yet: OrderPaid %s waits", event["id"])
                return False
            order_id = event["payload"]["order_id"]
            now = ctx.now_iso()
            pvz = _ORDER_PVZ.first(conn, {"b_order": order_id})
            route = departure_for(conn, warehouse, pvz.pvz_id, now) if pvz is not None else None
            task = {
                "id": ctx.ids.new(),
                "site_id": warehouse,
                "order_id": order_id,
                "event_id": event["id"],
                "status": "OPEN",
                "created_at": now,
                "route_name": route[0] if route else None,
                "departs_at": route[1] if route else None,
            }
            _ADD_TASK.run(conn, {"b_" + k: v for k, v in task.items()}).close()
            _SET_ORDER_WAREHOUSE.run(conn, {"b_order": order_id, "b_wh": warehouse}).close()
            placed = []
            for u in _ORDER_UNITS.all(conn, {"b_order": order_id}):
                loc = self._location_for(conn, warehouse, u.sku)
                placed.append({**u._mapping, "warehouse_id": warehouse, "location_id": loc})
            _PLACE_UNIT.many(
                conn, [{"b_unit": u["id"], "b_wh": warehouse, "b_loc": u["location_id"]} for u in placed]
            )
            publish_unit_rows(conn, placed)
            publish_order(conn, order_id)
            publish(conn, [warehouse], "task", task["id"], task_data(conn, FastRow(task)))
        elif event["type"] in ("OrderCancelled", "OrderRefunded"):
            order_id = event["payload"]["order_id"]
            for old in conn.execute(select(pick_tasks).where(pick_tasks.c.order_id == order_id)).all():
                conn.execute(update(pick_tasks).where(pick_tasks.c.id == old.id).values(status="CANCELLED"))
                fresh = conn.execute(select(pick_tasks).where(pick_tasks.c.id == old.id)).one()
                publish(conn, [old.site_id], "task", old.id, task_data(conn, fresh))
        return True

    def notify(self) -> None:
        """Wake the background loop (safe from any thread)."""
        if self._loop is not None and self._wake is not None:
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(self._wake.set)

    async def run_forever(self, interval_s: float) -> None:
        """Relay while this process leads; try to lead every `interval_s` while another does."""
        from .broker import NatsBridge
        from .leader import announce, leader_lock

        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        settings = self._ctx.settings
        lock = leader_lock(self._ctx.db, settings.data_dir)
        bridge: NatsBridge | None = None
        try:
            while True:
                try:
                    leading = await asyncio.to_thread(lock.acquire)
                except Exception:
                    log.warning("relay: cannot reach the database to lead", exc_info=True)
                    leading = False
                if leading and not self.leading:
                    log.info("relay: this process (%d) leads", os.getpid())
                    await asyncio.to_thread(announce, settings.data_dir)
                self.leading = leading
                if not leading and bridge is not None:
                    await bridge.close()
                    bridge = None
                if leading:
                    try:
                        if settings.broker_url:
                            if bridge is None:
                                bridge = NatsBridge(self, settings.broker_url)
                                await bridge.connect()
                            await bridge.pump()
                        else:
                            await asyncio.to_thread(self.run_until_idle)
                    except Exception:
                        log.exception("relay pass failed; retrying")
                        if bridge is not None:
                            await bridge.close()
                            bridge = None
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=interval_s)
                self._wake.clear()
        finally:
            if bridge is not None:
                await bridge.close()
            await asyncio.to_thread(lock.release)
            self.leading = False
