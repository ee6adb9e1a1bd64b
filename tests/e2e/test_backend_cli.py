"""The admin CLI on a real data dir, and a real server using what it made."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import httpx

from tests.support.backend import BackendServer


def test_init_sites_users_and_login(tmp_path: Path) -> None:
    server = BackendServer(tmp_path / "data")
    server.cli("init")
    for name in ("payment_webhook_secret", "pickup_signing_key.pem", "server_key"):
        mode = stat.S_IMODE((server.data_dir / "secrets" / name).stat().st_mode)
        assert mode == 0o600, name
    server.cli("create-site", "PVZ-CLI-1", "--kind", "pvz", "--name", "ПВЗ", "--cells", "3")
    server.cli(
        "create-user",
        "anna",
        "--role",
        "clerk",
        "--site",
        "PVZ-CLI-1",
        "--password-stdin",
        input_text="s3cret-pass\n",
    )
    bad = server.cli(
        "create-user",
        "boris",
        "--role",
        "warehouse",
        "--site",
        "PVZ-CLI-1",
        "--password-stdin",
        input_text="s3cret-pass\n",
        check=False,
    )
    assert bad.returncode == 2 and "warehouse" in bad.stderr
    dup = server.cli("create-site", "PVZ-CLI-1", "--kind", "pvz", "--name", "again", check=False)
    assert dup.returncode == 2 and "exists" in dup.stderr
    with server:
        r = httpx.post(
            server.url + "/api/v1/auth/login", json={"username": "anna", "password": "s3cret-pass"}
        )
        assert r.status_code == 200 and r.json()["user"]["site_id"] == "PVZ-CLI-1"
        cells = httpx.get(
            server.url + "/api/v1/sync/pull", headers={"Authorization": "Bearer " + r.json()["access_token"]}
        ).json()["counts"]["cell"]
        assert cells == 3


def test_placeholder_webhook_secret_is_refused(tmp_path: Path) -> None:
    server = BackendServer(tmp_path / "data", env={"WB_PAYMENT_WEBHOOK_SECRET": "changeme"})
    done = server.cli("init", check=False)
    assert done.returncode != 0 and "WB_PAYMENT_WEBHOOK_SECRET" in (done.stderr + done.stdout)


def test_seed_demo_makes_a_believable_world(tmp_path: Path) -> None:
    server = BackendServer(tmp_path / "data")
    out = server.cli("seed-demo", "--products", "2500").stdout
    password = out.strip().splitlines()[-1].split(": ")[-1]
    again = server.cli("seed-demo", check=False)
    assert again.returncode == 2 and "already seeded" in again.stderr
    db = sqlite3.connect(server.data_dir / "backend.sqlite3")
    statuses = {r[0] for r in db.execute("SELECT status FROM orders")}
    assert {"CREATED", "PAID", "IN_FULFILMENT", "IN_TRANSIT", "READY", "COMPLETED", "CANCELLED"} <= statuses
    unit_states = {r[0] for r in db.execute("SELECT status FROM units")}
    assert {
        "REFUSED",
        "RETURN_PACKED",
        "RETURNED",
        "ISSUED",
        "ACCEPTED",
        "PACKED",
        "PICKED",
        "SHIPPED",
    } <= unit_states
    assert db.execute("SELECT count(*) FROM products WHERE needs_marking").fetchone()[0] > 0
    db.close()
    with server:
        for user in ("demo-clerk", "demo-clerk2", "demo-picker", "demo-admin", "demo-customer"):
            r = httpx.post(server.url + "/api/v1/auth/login", json={"username": user, "password": password})
            assert r.status_code == 200, user
        token = r.json()["access_token"]
        hits = httpx.get(
            server.url + "/api/v1/catalog/products",
            params={"q": "кроссовки"},
            headers={"Authorization": f"Bearer {token}"},
        ).json()["items"]
        assert hits and all("Кроссовки" in p["name"] for p in hits)
