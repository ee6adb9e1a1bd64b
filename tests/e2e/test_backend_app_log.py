"""The application log over a real uvicorn: one JSON line per event an admin acts on (failed logins,
a lockout, a forged webhook, a refused body, a sequence gap, 5xx, backups and restores), in a log
folder outside the data dir, never with a password, token, secret or signature; an optional access
log."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from backend_stub.services.admin import create_site, create_user
from tests.support.backend import BackendServer

PASSWORD = "clerk-pass-1"
WRONG = "Wrong-Guess-Secret-77"
FORGED = "t=1700000000,v1=" + "ab" * 32


def _lines(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_events_land_in_the_log_as_json_without_secrets(tmp_path: Path) -> None:
    logs = tmp_path / "var-log"
    env = {"WB_LOG_DIR": str(logs), "WB_LOG_LEVEL": "warning", "WB_ACCESS_LOG": "true"}
    with BackendServer(tmp_path / "data", env=env) as server:
        ctx = server.context()
        try:
            create_site(ctx, "PVZ-LOG-1", "pvz", "Log PVZ", cells_count=2)
            create_user(ctx, "log-clerk", "clerk", PASSWORD, "PVZ-LOG-1")
        finally:
            ctx.db.dispose()
        client = server.client()
        # a device logs in (its token appears nowhere in the log), then pushes with a gap
        ok = client.post(
            "/api/v1/auth/login",
            json={"username": "log-clerk", "password": PASSWORD, "device_id": "pvz-log-pc"},
        )
        assert ok.status_code == 200, ok.text
        token = ok.json()["access_token"]
        op = {
            "op_id": "01JLOGGAP000000000000000",
            "device_id": "pvz-log-pc",
            "seq": 7,
            "type": "move_unit",
            "payload": {},
            "actor": "log-clerk",
            "created_at": "2026-11-25T09:00:00Z",
        }
        gap = client.post(
            "/api/v1/sync/push",
            json={"device_id": "pvz-log-pc", "ops": [op]},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert gap.status_code == 409 and gap.json()["error"]["code"] == "seq_gap"
        # guesses until the lockout
        statuses = [
            client.post("/api/v1/auth/login", json={"username": "log-clerk", "password": WRONG}).status_code
            for _ in range(8)
        ]
        assert 401 in statuses and 429 in statuses
        # a forged webhook and a body over the limit
        body = b'{"event_id":"e1","type":"payment.succeeded"}'
        forged = client.post(
            "/api/v1/payments/webhook",
            content=body,
            headers={"Content-Type": "application/json", "X-WB-Signature": FORGED},
        )
        assert forged.status_code == 401
        big = client.post(
            "/api/v1/auth/login", content=b"x" * 200_000, headers={"Content-Type": "application/json"}
        )
        assert big.status_code == 413
        client.close()
        # a backup, from the admin CLI, lands in the same log
        server.cli("backup", str(tmp_path / "backups"))
        secret = server.webhook_secret().decode()

    assert not (server.data_dir / "logs").exists()  # the log folder is where WB_LOG_DIR says
    app_log = logs / "wb-backend.log"
    events = [line for line in _lines(app_log) if "event" in line]
    names = [e["event"] for e in events]
    for expected in (
        "login_failed",
        "login_locked",
        "webhook_rejected",
        "request_too_large",
        "sync_seq_gap",
        "backup_made",
    ):
        assert expected in names, (expected, names)
    failed = next(e for e in events if e["event"] == "login_failed")
    assert failed["username"] == "log-clerk" and failed["category"] == "security"
    assert failed["level"] == "warning" and failed["ts"].endswith("+00:00")
    gap_event = next(e for e in events if e["event"] == "sync_seq_gap")
    assert gap_event["device"] == "pvz-log-pc" and gap_event["expected_seq"] == 1
    text = app_log.read_text(encoding="utf-8")
    for never in (PASSWORD, WRONG, token, secret, "ab" * 32):
        assert never not in text
    access = _lines(logs / "access.log")
    assert {"/api/v1/auth/login", "/api/v1/sync/push"} <= {a["route"] for a in access}
    assert all(token not in json.dumps(a) for a in access)
