"""The device registry: a device is its site's, only its own tokens push for it, each has its own SSCC
block; a seq reused by another op is a conflict, never another op's result."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.inprocess import InProcessBackend
from tests.support.world import World


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    with InProcessBackend(tmp_path / "b") as backend, World.standard(backend) as world:
        yield world


def _login(w: World, username: str, password: str, device_id: str | None) -> Any:
    body: dict[str, Any] = {"username": username, "password": password}
    if device_id:
        body["device_id"] = device_id
    return w.anonymous.post("/api/v1/auth/login", json=body)


def test_a_token_without_a_device_cannot_claim_another_sites_device(w: World) -> None:
    # clerk2 (PVZ-T-2) logs in with no device and tries to push for PVZ-T-1's counter before it ever pushed
    token = _login(w, "clerk2", w.clerk2.password, None).json()["access_token"]
    victim = w.device(w.clerk1, "pvz1-counter")
    op = victim.make_op("shift.open", {"shift_id": "S"})
    r = w.server.client(token).post("/api/v1/sync/push", json={"device_id": "pvz1-counter", "ops": [op]})
    assert r.status_code == 403 and r.json()["error"]["code"] == "wrong_device"
    # the real clerk's offline work still syncs: the device is PVZ-T-1's
    assert victim.push([op])[0]["status"] == "applied"
    devices = w.client(w.admin).get("/api/v1/admin/devices").json()
    assert {d["device_id"]: d["site_id"] for d in devices}["pvz1-counter"] == w.pvz1


def test_the_first_login_binds_the_device_and_gives_it_its_own_sscc_block(w: World) -> None:
    first = _login(w, "clerk1", w.clerk1.password, "pc-a").json()
    second = _login(w, "clerk1", w.clerk1.password, "pc-b").json()
    assert first["device"]["site_id"] == w.pvz1
    assert first["device"]["sscc_ranges"] and second["device"]["sscc_ranges"]
    assert first["device"]["sscc_ranges"] != second["device"]["sscc_ranges"]
    again = _login(w, "clerk1", w.clerk1.password, "pc-a").json()
    assert again["device"]["sscc_ranges"] == first["device"]["sscc_ranges"]
    refused = _login(w, "clerk2", w.clerk2.password, "pc-a")
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "wrong_device"


def test_admins_register_list_and_retire_devices(w: World) -> None:
    admin = w.client(w.admin)
    r = admin.post("/api/v1/admin/devices", json={"device_id": "tsd-9", "site_id": w.warehouse})
    assert r.status_code == 201 and len(r.json()["sscc_ranges"]) == 1
    # registered at the warehouse: a clerk of a PVZ cannot take it over
    assert _login(w, "clerk1", w.clerk1.password, "tsd-9").status_code == 403
    ok = _login(w, "picker", w.picker.password, "tsd-9")
    assert ok.status_code == 200 and ok.json()["device"]["sscc_ranges"] == r.json()["sscc_ranges"]
    token = ok.json()["access_token"]
    assert admin.post("/api/v1/admin/devices/tsd-9/retire").json()["status"] == "retired"
    assert w.server.client(token).get("/api/v1/auth/me").status_code == 401  # its tokens are revoked
    refused = _login(w, "picker", w.picker.password, "tsd-9")
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "device_retired"
    # only admins see or change the registry
    assert w.client(w.clerk1).get("/api/v1/admin/devices").status_code == 403
    assert admin.post("/api/v1/admin/devices", json={"device_id": "x", "site_id": "NOPE"}).status_code == 400


def test_a_seq_reused_by_another_op_is_a_conflict_and_nothing_of_the_request_applies(w: World) -> None:
    dev = w.device(w.clerk1, "pc-lost-journal")
    first = dev.make_op("shift.open", {"shift_id": "S1"})
    assert dev.push([first])[0]["status"] == "applied"
    assert dev.push([first])[0]["replayed"] is True  # a true repeat stays a replay
    # the journal was lost: the device starts again from seq 1 with new ops
    dev.seq = 0
    reused = dev.make_op("shift.open", {"shift_id": "S2"})
    later = dev.make_op("shift.close", {"shift_id": "S2"})
    r = dev.push_raw([reused, later])
    assert r.status_code == 409
    err = r.json()["error"]
    assert err["code"] == "seq_conflict" and err["seq"] == 1 and err["stored_op_id"] == first["op_id"]
    with w.server.ctx.db.read() as conn:  # type: ignore[union-attr]
        n = conn.exec_driver_sql(
            "SELECT count(*) FROM op_results WHERE device_id = 'pc-lost-journal'"
        ).scalar_one()
    assert n == 1


def test_a_new_epoch_gives_the_device_a_fresh_id_and_its_token_moves_with_it(w: World) -> None:
    dev = w.device(w.clerk1, "pc-epoch")
    dev.op("shift.open", {"shift_id": "S1"})
    client = dev.client()
    r = client.post("/api/v1/sync/epoch")
    assert r.status_code == 200
    fresh = r.json()["device_id"]
    assert fresh != "pc-epoch" and fresh.startswith("pc-epoch")
    op = dev.make_op("shift.open", {"shift_id": "S2"})
    op.update(device_id=fresh, seq=1)
    pushed = client.post("/api/v1/sync/push", json={"device_id": fresh, "ops": [op]})
    assert pushed.status_code == 200 and pushed.json()["results"][0]["status"] == "applied"
    # the old id is retired; the old token no longer pushes for it
    old = client.post("/api/v1/sync/push", json={"device_id": "pc-epoch", "ops": []})
    assert old.status_code == 403


def test_the_cli_registers_lists_and_retires_devices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from backend_stub.cli import main

    data = str(tmp_path / "cli")
    assert main(["init", "--data-dir", data]) == 0
    assert main(["create-site", "PVZ-C", "--kind", "pvz", "--name", "C", "--data-dir", data]) == 0
    assert main(["devices", "register", "pc-1", "--site", "PVZ-C", "--data-dir", data]) == 0
    assert main(["devices", "register", "pc-2", "--site", "PVZ-C", "--data-dir", data]) == 0
    assert main(["devices", "retire", "pc-1", "--data-dir", data]) == 0
    capsys.readouterr()
    assert main(["devices", "list", "--data-dir", data]) == 0
    listed = capsys.readouterr().out
    rows = {line.split()[0]: line.split() for line in listed.splitlines()[1:-1]}
    assert rows["pc-1"][2] == "retired" and rows["pc-2"][2] == "active"
    assert rows["pc-1"][4] != rows["pc-2"][4]  # each its own SSCC serials
    assert main(["devices", "retire", "nope", "--data-dir", data]) == 2
    assert "no device nope" in capsys.readouterr().err


def test_an_oversized_payload_or_a_far_future_op_is_rejected_and_the_payload_not_stored(w: World) -> None:
    from datetime import timedelta

    from shared.domain import SystemClock, utc_iso

    dev = w.device(w.clerk1, "pc-limits")
    big = dev.make_op("shift.open", {"shift_id": "S", "note": "x" * 20_000})
    future = dev.make_op("shift.open", {"shift_id": "S2"})
    future["created_at"] = utc_iso(SystemClock().now() + timedelta(days=30))
    fine = dev.make_op("shift.open", {"shift_id": "S3"})
    results = dev.push([big, future, fine])
    assert [(r["status"], (r["reason"] or {}).get("code")) for r in results] == [
        ("rejected", "invalid_payload"),
        ("rejected", "invalid_payload"),
        ("applied", None),
    ]
    assert "limit" in results[0]["reason"]["message"] and "ahead" in results[1]["reason"]["message"]
    with w.server.ctx.db.read() as conn:  # type: ignore[union-attr]
        stored = conn.exec_driver_sql(
            "SELECT length(payload) FROM op_results WHERE op_id = ?", (big["op_id"],)
        ).scalar_one()
    assert stored < 100
    assert dev.push([big])[0]["replayed"] is True  # a repeat gets the stored answer


def test_a_device_set_up_for_one_site_refuses_another_sites_clerk_before_binding(w: World) -> None:
    body = {"username": "clerk2", "password": w.clerk2.password, "device_id": "pc-77", "site_id": w.pvz1}
    r = w.anonymous.post("/api/v1/auth/login", json=body)
    assert r.status_code == 403 and r.json()["error"]["code"] == "wrong_site"
    # nothing was bound: the PC's own clerk still claims it for the site it is set up for
    ok = _login(w, "clerk1", w.clerk1.password, "pc-77")
    assert ok.status_code == 200 and ok.json()["device"]["site_id"] == w.pvz1
    # an admin may sign in on any site's device
    admin = {"username": "admin", "password": w.admin.password, "device_id": "pc-77", "site_id": w.pvz1}
    assert w.anonymous.post("/api/v1/auth/login", json=admin).status_code == 200


def test_the_apps_session_says_in_words_that_the_user_works_elsewhere(w: World, tmp_path: Path) -> None:
    import keyring.backend

    from shared.auth import AuthClient, AuthError, Session, TokenStore
    from shared.domain import SiteKind, SystemClock
    from shared.store import LocalStore

    class Memory(keyring.backend.KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            self.d: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.d.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.d[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.d.pop((service, username), None)

    store = LocalStore.open(tmp_path / "pvz.sqlite3", "pc-88", SystemClock())
    session = Session(
        store,
        AuthClient(w.anonymous),
        TokenStore(Memory()),
        SystemClock(),
        device_id="pc-88",
        site_id=w.pvz1,
        site_kind=SiteKind.PVZ,
    )
    with pytest.raises(AuthError) as refused:
        session.sign_in("clerk2", w.clerk2.password)
    assert refused.value.code == "wrong_site" and "другом пункте" in refused.value.message
    assert session.sign_in("clerk1", w.clerk1.password).site_id == w.pvz1
    store.close()


def _disjoint(ranges: list[list[int]]) -> bool:
    spans = sorted(ranges)
    return all(a[1] < b[0] for a, b in itertools.pairwise(spans))


def test_a_thousand_and_more_devices_each_get_their_own_box_numbers(w: World) -> None:
    from backend_stub.services import devices as registry

    ctx = w.server.ctx  # type: ignore[union-attr]
    held = [registry.register(ctx, f"pc-{n}", w.pvz1).sscc_ranges for n in range(1000)]
    # the 1,001st device logs in as any other (999 blocks were the limit once)
    ok = _login(w, "clerk1", w.clerk1.password, "pc-1001")
    assert ok.status_code == 200, ok.text
    ranges = [list(r) for rs in held for r in rs] + ok.json()["device"]["sscc_ranges"]
    assert len(ranges) == 1001 and _disjoint(ranges)
    assert all(0 < first <= last < 10**9 for first, last in ranges)  # an SSCC's 9-digit serial reference


def test_a_device_gets_its_next_block_when_half_used_and_never_one_given_before(w: World) -> None:
    token = _login(w, "clerk1", w.clerk1.password, "pc-r").json()["access_token"]
    client = w.server.client(token)
    ((first, last),) = client.post("/api/v1/sync/sscc-block", json={}).json()["sscc_ranges"]
    # a device with room left gets nothing more, however often it asks
    assert client.post("/api/v1/sync/sscc-block", json={"position": first + 10}).json()["sscc_ranges"] == [
        [first, last]
    ]
    half = (first + last) // 2
    two = client.post("/api/v1/sync/sscc-block", json={"position": half}).json()["sscc_ranges"]
    assert len(two) == 2 and two[0] == [first, last] and two[1][0] > last
    assert client.post("/api/v1/sync/sscc-block", json={"position": half}).json()["sscc_ranges"] == two
    # another device, and this device's next epoch, get blocks never given before
    other = _login(w, "clerk1", w.clerk1.password, "pc-s").json()["device"]["sscc_ranges"]
    fresh = client.post("/api/v1/sync/epoch").json()
    assert _disjoint(two + other + fresh["sscc_ranges"]) and fresh["sscc_ranges"][0][0] > other[0][1]
    # a device that is not this token's cannot draw blocks
    anonymous = w.server.client(_login(w, "clerk1", w.clerk1.password, None).json()["access_token"])
    assert anonymous.post("/api/v1/sync/sscc-block", json={}).status_code == 403


def test_new_blocks_skip_the_serials_of_devices_that_kept_a_3_digit_block(w: World) -> None:
    ctx = w.server.ctx  # type: ignore[union-attr]
    _login(w, "clerk1", w.clerk1.password, "pc-old")
    with ctx.db.write() as conn:  # registered before migration 015: block 7 is serials 7,000,000-7,999,999
        conn.exec_driver_sql("DELETE FROM sscc_blocks WHERE device_id = 'pc-old'")
        conn.exec_driver_sql("UPDATE devices SET sscc_block = 7 WHERE device_id = 'pc-old'")
        conn.exec_driver_sql("UPDATE counters SET value = 690 WHERE name = 'sscc_block'")
    old = _login(w, "clerk1", w.clerk1.password, "pc-old").json()["device"]
    assert old["sscc_block"] == 7 and old["sscc_ranges"] == [[7_000_000, 7_999_999]]
    new = [_login(w, "clerk1", w.clerk1.password, f"pc-new-{n}").json()["device"] for n in range(20)]
    ranges = [r for d in new for r in d["sscc_ranges"]]
    assert _disjoint(ranges + old["sscc_ranges"]) and len(ranges) == 20


def test_the_apps_sync_asks_for_the_next_block_before_the_device_runs_out(w: World, tmp_path: Path) -> None:
    from shared.domain import SystemClock
    from shared.store import LocalStore
    from shared.sync import SyncEngine
    from tests.support.client import StaticTokens

    answer = _login(w, "clerk1", w.clerk1.password, "pc-app").json()
    clock = SystemClock()
    store = LocalStore.open(tmp_path / "pc.sqlite3", "pc-app", clock)
    store.add_sscc_ranges(answer["device"]["sscc_ranges"])  # as the app's login does
    token = answer["access_token"]
    engine = SyncEngine(store, w.server.client(token), StaticTokens(token), clock)
    ((first, last),) = answer["device"]["sscc_ranges"]
    boxes = {store.next_sscc() for _ in range((last - first) // 2 + 1)}
    assert engine.sync_once().ok
    two = w.client(w.admin).get("/api/v1/admin/devices").json()
    held = next(d["sscc_ranges"] for d in two if d["device_id"] == "pc-app")
    assert len(held) == 2
    boxes |= {store.next_sscc() for _ in range(last - first + 1)}  # through the first block and on
    assert len(boxes) == last - first + 1 + (last - first) // 2 + 1
    assert all(held[0][0] <= int(b[8:17]) <= held[1][1] for b in boxes)


def test_after_a_restore_no_block_given_since_the_backup_is_given_again(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from backend_stub.backup import backup, restore
    from backend_stub.context import open_context
    from backend_stub.services import devices as registry
    from backend_stub.services.admin import create_site
    from backend_stub.settings import Settings
    from shared.domain import ManualClock, SiteKind

    clock = ManualClock(datetime(2031, 2, 3, 4, 5, 6, tzinfo=UTC))
    settings = Settings(data_dir=tmp_path / "data", argon2_time_cost=1, argon2_memory_kib=1024)
    ctx = open_context(settings, clock)
    create_site(ctx, "PVZ-B", SiteKind.PVZ, "B")
    registry.register(ctx, "pc-before", "PVZ-B")
    made = backup(settings, tmp_path / "backups", clock=clock).path
    after = registry.register(ctx, "pc-after", "PVZ-B").sscc_ranges  # the backup does not know it
    ctx.db.dispose()
    restore(settings, made, clock=clock, force=True)
    ctx = open_context(settings, clock)
    try:
        fresh = registry.register(ctx, "pc-new", "PVZ-B").sscc_ranges
    finally:
        ctx.db.dispose()
    assert _disjoint([list(r) for r in after + fresh])


def test_a_device_past_half_its_3_digit_block_gets_one_new_block_however_often_it_asks(w: World) -> None:
    # its new block's serials are below its old block's: the position it reports (in the old block)
    # is not in the new block, so asking again (every sync) draws nothing more
    ctx = w.server.ctx  # type: ignore[union-attr]
    token = _login(w, "clerk1", w.clerk1.password, "pc-old").json()["access_token"]
    with ctx.db.write() as conn:
        conn.exec_driver_sql("DELETE FROM sscc_blocks WHERE device_id = 'pc-old'")
        conn.exec_driver_sql("UPDATE devices SET sscc_block = 7 WHERE device_id = 'pc-old'")
    client = w.server.client(token)
    past_half = 7_600_000
    two = client.post("/api/v1/sync/sscc-block", json={"position": past_half}).json()["sscc_ranges"]
    assert len(two) == 2 and two[0] == [7_000_000, 7_999_999]
    for _ in range(3):
        again = client.post("/api/v1/sync/sscc-block", json={"position": past_half}).json()["sscc_ranges"]
        assert again == two


def test_a_device_that_kept_a_3_digit_block_goes_on_to_its_newer_lower_block(
    w: World, tmp_path: Path
) -> None:
    # registered before migration 015: its block 7 (7,000,000-7,999,999) is all but used up, and the
    # block the backend gives it next is numbered below it
    from shared.domain import SystemClock
    from shared.store import LocalStore
    from shared.sync import SyncEngine
    from tests.support.client import StaticTokens

    ctx = w.server.ctx  # type: ignore[union-attr]
    _login(w, "clerk1", w.clerk1.password, "pc-old")
    with ctx.db.write() as conn:
        conn.exec_driver_sql("DELETE FROM sscc_blocks WHERE device_id = 'pc-old'")
        conn.exec_driver_sql("UPDATE devices SET sscc_block = 7 WHERE device_id = 'pc-old'")
    answer = _login(w, "clerk1", w.clerk1.password, "pc-old").json()
    clock = SystemClock()
    store = LocalStore.open(tmp_path / "pc.sqlite3", "pc-old", clock)
    store.kv_set("device.sscc_block", "7")  # as the app's login does
    store.kv_set("sscc.forward_counter", "999990")  # an older version gave out 999,990 boxes
    store.add_sscc_ranges(answer["device"]["sscc_ranges"])
    token = answer["access_token"]
    client = w.server.client(token)
    asked: list[str] = []
    client.event_hooks["request"].append(lambda r: asked.append(r.url.path))
    engine = SyncEngine(store, client, StaticTokens(token), clock)
    assert engine.sync_once().ok
    held = next(
        d["sscc_ranges"]
        for d in w.client(w.admin).get("/api/v1/admin/devices").json()
        if d["device_id"] == "pc-old"
    )
    assert held[0] == [7_000_000, 7_999_999] and len(held) == 2 and held[1][1] < 7_000_000
    assert asked.count("/api/v1/sync/sscc-block") == 1
    serials = [int(store.next_sscc()[8:17]) for _ in range(30)]
    # the old block to its end, then the new one from its start: no box number twice
    assert serials[:9] == list(range(7_999_991, 8_000_000))
    assert serials[9:] == list(range(held[1][0], held[1][0] + 21))
    returns = [int(store.next_sscc(kind_return=True)[8:17]) for _ in range(3)]
    assert len(set(serials + returns)) == 33
    for _ in range(3):  # the new block is far from half used: no sync asks for another
        assert engine.sync_once().ok
    assert asked.count("/api/v1/sync/sscc-block") == 1
    # a restart reads the same order back and carries on
    again = LocalStore.open(store.path, "pc-old", clock)
    assert int(again.next_sscc()[8:17]) == held[1][0] + 21
