"""Client-side helpers for tests that run the real store and sync engine against a BackendServer."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from shared.domain import Clock, Role, SiteKind, SystemClock
from shared.store import Actor, LocalStore
from shared.sync import Backoff, SyncEngine

from .backend import BackendServer
from .world import Account, World


class StaticTokens:
    """A TokenSource with a fixed access token (for tests that are not about login)."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.refreshes = 0

    def access_token(self) -> str | None:
        return self.token

    def refresh(self) -> str:
        self.refreshes += 1
        return self.token


def actor_for(account: Account, kind: SiteKind = SiteKind.PVZ) -> Actor:
    return Actor(account.user_id, account.username, Role(account.role), account.site_id or "", kind)


@dataclass
class PvzScene:
    """A PVZ with one order of `units` units accepted into cell 1, ready for moves and pickups."""

    world: World
    order: dict[str, Any]
    box: str
    token: str
    actor: Actor
    cells: list[str]


def pvz_scene(server: BackendServer, units: int = 3, device_id: str | None = None) -> PvzScene:
    """A PVZ with an accepted box of `units` units; `token` is clerk1's, bound to `device_id` if given
    (as the app logs in), which is what the backend's per-device metrics are keyed by."""
    w = World.standard(server)
    order = w.place_order(w.customer, w.pvz1, w.skus[:units])
    w.pay(order)
    box = w.ship(order)
    w.accept(order, box)
    token = w.login(w.clerk1, device_id)
    cells = [f"{w.pvz1}:{n:04d}" for n in range(1, 11)]
    return PvzScene(w, order, box, token, actor_for(w.clerk1), cells)


def open_client(
    path: Path,
    url: str,
    token: str,
    device_id: str,
    *,
    clock: Clock | None = None,
    timeout: float = 10.0,
    transport: httpx.BaseTransport | None = None,
    max_attempts: int = 4,
    sleep: Any = None,
) -> tuple[LocalStore, SyncEngine, httpx.Client]:
    clock = clock or SystemClock()
    store = LocalStore.open(path, device_id, clock)
    client = httpx.Client(base_url=url, timeout=timeout, transport=transport)
    kw: dict[str, Any] = {"max_attempts": max_attempts, "backoff": Backoff(0.01, 0.2)}
    if sleep is not None:
        kw["sleep"] = sleep
    engine = SyncEngine(store, client, StaticTokens(token), clock, **kw)
    return store, engine, client


def server_ops(server: BackendServer, device_id: str) -> list[tuple[int, str, str]]:
    """(seq, op_id, status) of every op the server holds for the device, by seq."""
    from sqlalchemy import select

    from backend_stub.db import op_results

    ctx = server.context()
    try:
        with ctx.db.read() as conn:
            rows = conn.execute(
                select(op_results.c.seq, op_results.c.op_id, op_results.c.status)
                .where(op_results.c.device_id == device_id)
                .order_by(op_results.c.seq)
            ).all()
        return [(int(r.seq), str(r.op_id), str(r.status)) for r in rows]
    finally:
        ctx.db.dispose()


def audit(store: LocalStore, server: BackendServer, confirmed: list[str]) -> dict[str, int]:
    """Compare the client's journal and confirmed op ids with what the server holds.

    lost: confirmed (or journalled) ops the server does not hold; duplicated: op ids or seqs held
    more than once, or a seq whose op id differs between client and server; pending: client ops
    still not acknowledged.
    """
    held = server_ops(server, store.device_id)
    by_seq = {seq: op_id for seq, op_id, _ in held}
    journal = store.journal(limit=10**9)
    client_ids = {op.op_id for op, _ in journal}
    server_ids = [op_id for _, op_id, _ in held]
    lost = len([op_id for op_id in set(confirmed) | client_ids if op_id not in set(server_ids)])
    duplicated = (len(server_ids) - len(set(server_ids))) + len([s for s, _, _ in held]) - len(by_seq)
    duplicated += sum(1 for op, _ in journal if op.seq in by_seq and by_seq[op.seq] != op.op_id)
    extra = len([i for i in server_ids if i not in client_ids])
    raw = sqlite3.connect(store.path)
    try:
        replayed = raw.execute(
            "SELECT count(*) FROM ops WHERE state != 'pending' AND json_extract(result, '$.replayed') = 1"
        ).fetchone()[0]
    finally:
        raw.close()
    return {
        "replayed": int(replayed),  # acknowledged by a stored answer: the client had died or lost the reply
        "ops": len(client_ids),
        "confirmed": len(set(confirmed)),
        "server": len(held),
        "lost": lost,
        "duplicated": duplicated + extra,
        "pending": store.pending_count(),
    }
