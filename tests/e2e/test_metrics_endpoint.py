"""`/metrics` on a real backend: token-protected, Prometheus text, figures that follow the tables."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from backend_stub.services.admin import create_site, create_user
from tests.support.backend import BackendServer

SAMPLE = re.compile(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (-?[0-9.e+]+|\+Inf|NaN)$")
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def parse(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Parse the exposition strictly: every line a comment or a well-formed sample."""
    samples: dict[tuple[str, frozenset[tuple[str, str]]], float] = {}
    typed: set[str] = set()
    for line in text.splitlines():
        if line.startswith("# TYPE "):
            typed.add(line.split()[2])
            continue
        if line.startswith("# HELP ") or not line:
            continue
        m = SAMPLE.match(line)
        assert m, f"not a Prometheus sample line: {line!r}"
        name, labels = m.group(1), frozenset(LABEL.findall(m.group(3) or ""))
        family = re.sub(r"_(bucket|sum|count)$", "", name)
        assert name in typed or family in typed, f"{name} has no # TYPE line"
        samples[(name, labels)] = float(m.group(4))
    return samples


def value(samples: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str) -> float:
    key = (name, frozenset(labels.items()))
    assert key in samples, f"no sample {name}{labels}; have {[k for k in samples if k[0] == name]}"
    return samples[key]


@pytest.fixture
def server(tmp_path: Path):  # type: ignore[no-untyped-def]
    with BackendServer(tmp_path / "backend", env={"WB_RELAY_ENABLED": "false"}) as running:
        ctx = running.context()
        try:
            create_site(ctx, "PVZ-MET-1", "pvz", "Metrics PVZ", cells_count=2)
            create_user(ctx, "met-clerk", "clerk", "clerk-pass-1", "PVZ-MET-1")
        finally:
            ctx.db.dispose()
        yield running


def _scrape(server: BackendServer) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    token = (server.data_dir / "secrets" / "metrics_token").read_text().strip()
    answer = httpx.get(server.url + "/metrics", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/plain; version=0.0.4")
    return parse(answer.text)


def test_metrics_need_the_token(server: BackendServer) -> None:
    assert httpx.get(server.url + "/metrics", timeout=30).status_code == 401
    wrong = httpx.get(server.url + "/metrics", headers={"Authorization": "Bearer nope"}, timeout=30)
    assert wrong.status_code == 401
    assert "metrics_token" in wrong.text
    # the CLI prints the same token the server checks
    printed = server.cli("metrics-token").stdout.strip()
    ok = httpx.get(server.url + "/metrics", headers={"Authorization": f"Bearer {printed}"}, timeout=30)
    assert ok.status_code == 200


def test_requests_are_counted_by_route_template_and_status(server: BackendServer) -> None:
    for _ in range(3):
        assert httpx.get(server.url + "/health", timeout=30).status_code == 200
    for order_id in ("01AAAA", "01BBBB"):  # two ids, one route: no series per id
        httpx.get(f"{server.url}/api/v1/orders/{order_id}", timeout=30)
    httpx.get(server.url + "/no/such/path", timeout=30)
    samples = _scrape(server)
    assert value(samples, "wb_http_requests_total", method="GET", route="/health", status="200") >= 3
    assert (
        value(
            samples, "wb_http_requests_total", method="GET", route="/api/v1/orders/{order_id}", status="401"
        )
        == 2
    )
    assert value(samples, "wb_http_requests_total", method="GET", route="other", status="404") == 1
    assert value(samples, "wb_http_request_duration_seconds_count", route="/health") >= 3
    assert value(samples, "wb_http_request_duration_seconds_bucket", route="/health", le="+Inf") >= 3


def test_outbox_backlog_follows_the_relay_cursor(server: BackendServer) -> None:
    from backend_stub.db import relay_offsets
    from backend_stub.events.outbox import append

    ctx = server.context()
    try:
        with ctx.db.write() as conn:
            ids = [append(ctx, conn, "OrderPaid", f"order-{i}", {"order_id": f"order-{i}"}) for i in range(3)]
        assert len(ids) == 3
        samples = _scrape(server)
        assert value(samples, "wb_outbox_events_total") == 3
        assert value(samples, "wb_outbox_backlog", consumer="none") == 3
        with ctx.db.write() as conn:
            first = conn.exec_driver_sql("SELECT MIN(id) FROM outbox").scalar_one()
            conn.execute(relay_offsets.insert().values(consumer="pick-tasks", cursor=first))
        samples = _scrape(server)
        assert value(samples, "wb_outbox_backlog", consumer="pick-tasks") == 2
    finally:
        ctx.db.dispose()


def test_sync_figures_per_device(server: BackendServer) -> None:
    login = httpx.post(
        server.url + "/api/v1/auth/login",
        json={"username": "met-clerk", "password": "clerk-pass-1", "device_id": "pvz-met-1-pc"},
        timeout=30,
    )
    assert login.status_code == 200, login.text
    headers = {
        "Authorization": f"Bearer {login.json()['access_token']}",
        "X-WB-Device": "pvz-met-1-pc",
        "X-WB-Pending-Ops": "5",
    }
    ops = [
        {
            "op_id": f"op-met-{seq}",
            "device_id": "pvz-met-1-pc",
            "seq": seq,
            "type": "unit.accept",
            "payload": {"unit_id": f"no-such-unit-{seq}", "box_id": "146012340000000017", "cell_id": "x"},
            "actor": "someone",
            "created_at": "2026-01-01T10:00:00.000Z",
        }
        for seq in (1, 2)
    ]
    push = httpx.post(
        server.url + "/api/v1/sync/push",
        json={"device_id": "pvz-met-1-pc", "ops": ops},
        headers=headers,
        timeout=30,
    )
    assert push.status_code == 200, push.text
    assert [r["status"] for r in push.json()["results"]] == ["rejected", "rejected"]

    samples = _scrape(server)
    assert value(samples, "wb_device_last_seq", device="pvz-met-1-pc", site="PVZ-MET-1") == 2
    assert value(samples, "wb_sync_ops_total", status="rejected") == 2
    assert value(samples, "wb_device_pending_ops", device="pvz-met-1-pc") == 5
    assert value(samples, "wb_device_last_push_age_seconds", device="pvz-met-1-pc", site="PVZ-MET-1") >= 0

    # the lag is how late the newest op arrived: applied_at minus created_at, as stored
    conn = sqlite3.connect(server.data_dir / "backend.sqlite3")
    try:
        created, applied = conn.execute(
            "SELECT created_at, applied_at FROM op_results WHERE device_id='pvz-met-1-pc' AND seq=2"
        ).fetchone()
    finally:
        conn.close()
    expected = (datetime.fromisoformat(applied) - datetime.fromisoformat(created)).total_seconds()
    lag = value(samples, "wb_device_sync_lag_seconds", device="pvz-met-1-pc", site="PVZ-MET-1")
    assert lag == pytest.approx(expected, abs=0.01)
    assert lag > 0

    # the device reports an empty queue on its next request; the gauge follows
    headers["X-WB-Pending-Ops"] = "0"
    httpx.get(server.url + "/api/v1/sync/pull", headers=headers, timeout=30)
    assert value(_scrape(server), "wb_device_pending_ops", device="pvz-met-1-pc") == 0
