"""`wb-backend backup` while customers keep placing orders, then `restore` onto a fresh data dir.

The writer counts every order the backend acknowledged (HTTP 201 with an order id). A backup taken
under load must hold every order acknowledged before it started, each one whole (all its units),
and pass integrity_check; a backup taken once the writers stop (server still running) must hold
exactly the acknowledged orders. The restored data dir serves them again through the API.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import httpx
import pytest

from backend_stub.services.admin import NewProduct, add_products, create_site, create_user
from tests.support.backend import BackendServer

PVZ = "PVZ-BACKUP-1"
PASSWORD = "customer-pass-1"
WRITERS = 3


def _prepare(server: BackendServer) -> None:
    ctx = server.context()
    try:
        create_site(ctx, PVZ, "pvz", "Backup test PVZ", cells_count=4)
        create_user(ctx, "backup-customer", "customer", PASSWORD)
        with ctx.db.write() as conn:
            add_products(
                conn,
                [
                    NewProduct(f"SKU-BK-{i}", f"Товар {i}", "Бренд", 1000 + i, f"460000000{i:04d}")
                    for i in range(5)
                ],
            )
    finally:
        ctx.db.dispose()


def _token(url: str, device: str | None = None) -> str:
    answer = httpx.post(
        url + "/api/v1/auth/login",
        json={"username": "backup-customer", "password": PASSWORD, "device_id": device},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return str(answer.json()["access_token"])


class Writer:
    """Threads placing orders until stopped; keeps the acknowledged ones (id -> unit count)."""

    def __init__(self, url: str, token: str) -> None:
        self.url = url
        self.token = token
        self.acked: dict[str, int] = {}
        self.failures: list[str] = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(WRITERS)]

    def _run(self, n: int) -> None:
        headers = {"Authorization": f"Bearer {self.token}"}
        with httpx.Client(base_url=self.url, headers=headers, timeout=30) as client:
            i = 0
            while not self.stop.is_set():
                i += 1
                items = [
                    {"sku": f"SKU-BK-{(n + i) % 5}", "quantity": 1 + i % 3},
                    {"sku": "SKU-BK-4", "quantity": 1},
                ]
                try:
                    answer = client.post("/api/v1/orders", json={"pvz_id": PVZ, "items": items})
                except httpx.HTTPError as exc:
                    with self.lock:
                        self.failures.append(repr(exc))
                    continue
                with self.lock:
                    if answer.status_code == 201:
                        body = answer.json()
                        self.acked[body["id"]] = len(body["units"])
                    else:
                        self.failures.append(f"{answer.status_code} {answer.text[:200]}")

    def count(self) -> int:
        with self.lock:
            return len(self.acked)

    def snapshot(self) -> dict[str, int]:
        with self.lock:
            return dict(self.acked)

    def __enter__(self) -> Writer:
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(timeout=60)


def _wait_for(predicate, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    done = threading.Event()
    deadline = threading.Timer(timeout, done.set)
    deadline.start()
    try:
        while not predicate():
            if done.wait(0.05):
                raise AssertionError("the writers made no progress")
    finally:
        deadline.cancel()


def _orders_in(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute(
            "SELECT o.id, COUNT(u.id) FROM orders o LEFT JOIN units u ON u.order_id = o.id GROUP BY o.id"
        ).fetchall()
    finally:
        conn.close()
    return {r[0]: int(r[1]) for r in rows}


def _single_backup(folder: Path) -> Path:
    found = [p for p in folder.iterdir() if p.name.startswith("wb-backup-")]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.timeout(240)
def test_backup_under_write_load_restores_every_acknowledged_order(tmp_path: Path) -> None:
    with BackendServer(tmp_path / "live") as server:
        _prepare(server)
        token = _token(server.url)
        with Writer(server.url, token) as writer:
            _wait_for(lambda: writer.count() >= 30)
            acked_before = writer.snapshot()
            done = server.cli("backup", str(tmp_path / "under-load"))
            assert "integrity ok" in done.stdout
            _wait_for(lambda: writer.count() >= len(acked_before) + 20)  # the load went on meanwhile
        assert writer.failures == []
        acked_all = writer.snapshot()
        server.cli("backup", str(tmp_path / "after-load"))  # server still up, writers done

    under_load = _single_backup(tmp_path / "under-load")
    after_load = _single_backup(tmp_path / "after-load")

    # the snapshot under load: every order acknowledged before it started, each one whole
    in_backup = _orders_in(under_load / "backend.sqlite3")
    missing = set(acked_before) - set(in_backup)
    assert not missing, f"{len(missing)} acknowledged orders missing from the backup"
    assert set(in_backup) <= set(acked_all)
    for order_id, n_units in in_backup.items():
        assert n_units == acked_all[order_id], f"order {order_id} is torn in the backup"

    # the quiet backup holds exactly what was acknowledged
    assert _orders_in(after_load / "backend.sqlite3") == acked_all

    # restore onto a fresh data dir with the CLI, and the backend serves the orders again
    restored = BackendServer(tmp_path / "restored")
    done = restored.cli("restore", str(under_load))
    assert "restored" in done.stdout
    assert _orders_in(tmp_path / "restored" / "backend.sqlite3") == in_backup
    assert (tmp_path / "restored" / "secrets" / "pickup_signing_key.pem").read_bytes() == (
        tmp_path / "live" / "secrets" / "pickup_signing_key.pem"
    ).read_bytes()
    with restored:
        token = _token(restored.url)  # users and password hashes came back too
        headers = {"Authorization": f"Bearer {token}"}
        some = sorted(acked_before)[:: max(1, len(acked_before) // 5)]
        for order_id in some:
            answer = httpx.get(f"{restored.url}/api/v1/orders/{order_id}", headers=headers, timeout=30)
            assert answer.status_code == 200, answer.text
            assert len(answer.json()["units"]) == acked_before[order_id]
