"""The chain key's handover and the keyed chain at push (in process): a device's own site's staff get
its key at login, the same every time; chain_from is fixed once; above it a push needs the keyed
link, below it the plain chain still holds; a retired device gets nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from backend_stub.services.devices import CHAIN_FROM_SLACK
from shared.domain import OpType, Role, SiteKind, SystemClock
from shared.domain.chain import op_hash
from shared.store import Actor, LocalStore
from tests.support.inprocess import InProcessBackend
from tests.support.world import World


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    with InProcessBackend(tmp_path / "b") as backend, World.standard(backend) as world:
        yield world


def _login(w: World, username: str, password: str, device_id: str, journal_seq: int | None) -> httpx.Response:
    body: dict[str, Any] = {"username": username, "password": password, "device_id": device_id}
    if journal_seq is not None:
        body["journal_seq"] = journal_seq
    return w.anonymous.post("/api/v1/auth/login", json=body)


def _chain(w: World, device_id: str, journal_seq: int | None, who: str = "clerk1") -> Any:
    account = {"clerk1": w.clerk1, "clerk2": w.clerk2, "admin": w.admin}[who]
    r = _login(w, account.username, account.password, device_id, journal_seq)
    assert r.status_code == 200, r.text
    return r.json().get("chain")


def test_the_key_is_the_devices_own_and_chain_from_is_fixed_once(w: World) -> None:
    first = _chain(w, "pc-k1", 0)
    assert len(bytes.fromhex(first["key"])) == 32 and first["from_seq"] == 0
    assert _chain(w, "pc-k1", 7) == first  # a later login: the same key, chain_from does not move
    other = _chain(w, "pc-k2", 3)
    assert other["key"] != first["key"] and other["from_seq"] == 3
    assert _chain(w, "pc-k3", None) is None  # an app that does not key its chain is given no key
    assert _chain(w, "pc-k3", 10**9)["from_seq"] == CHAIN_FROM_SLACK  # at most this many stay unkeyed
    assert _chain(w, "pc-k1", 0, who="admin") is None  # not the device's site staff
    retired = w.client(w.admin).post("/api/v1/admin/devices/pc-k1/retire")
    assert retired.status_code == 200
    r = _login(w, "clerk1", w.clerk1.password, "pc-k1", 0)
    assert r.status_code == 403 and r.json()["error"]["code"] == "device_retired"


def test_above_chain_from_only_the_keyed_link_is_accepted(w: World) -> None:
    chain = _chain(w, "pc-k4", 1)  # one op was journalled before the key
    dev = w.device(w.clerk1, "pc-k4")
    dev.chain = True
    before = dev.make_op("shift.open", {"shift_id": "S1"})  # plain chain, seq 1: still valid
    dev.key = bytes.fromhex(chain["key"])
    keyed = dev.make_op("shift.close", {"shift_id": "S1"})
    assert [r["status"] for r in dev.push([before, keyed])] == ["applied", "applied"]

    forged = dev.make_op("shift.open", {"shift_id": "S2"})
    forged["payload"] = {"shift_id": "S3"}
    forged["hash"] = dev.last_hash = op_hash(forged)  # re-hashed as someone without the key can
    bare = dev.make_op("shift.close", {"shift_id": "S3"})
    del bare["prev_hash"], bare["hash"]  # an op with no chain at all
    results = dev.push([forged, bare])
    assert [(r["status"], r["reason"]["code"]) for r in results] == [
        ("rejected", "broken_chain"),
        ("rejected", "broken_chain"),
    ]


def test_ops_journalled_while_a_memory_only_key_was_forgotten_are_linked_again(tmp_path: Path) -> None:
    key = bytes(range(32))
    actor = Actor("u1", "anna", Role.CLERK, "PVZ-1", SiteKind.PVZ)
    store = LocalStore.open(tmp_path / "s.sqlite3", "pc-m", SystemClock())
    store.accept_chain_key(key, 0)
    store.record(OpType.SHIFT_OPEN, {"shift_id": "S1"}, actor)
    store.close()
    # a restart: no keyring kept the key, so the next op is linked without it
    store = LocalStore.open(tmp_path / "s.sqlite3", "pc-m", SystemClock())
    assert store.chain_report() == 0  # the login says where the key took effect
    store.record(OpType.SHIFT_CLOSE, {"shift_id": "S1"}, actor)
    first, second = (store.wire(op) for op in store.pending_ops())
    assert first["hash"] == op_hash(first, key) and second["hash"] == op_hash(second)
    assert store.accept_chain_key(key, 0) == 0  # a kept key: nothing is linked again
    assert store.accept_chain_key(key, 0, relink=True) == 2  # memory only: linked again at login
    first, second = (store.wire(op) for op in store.pending_ops())
    assert second["prev_hash"] == first["hash"] and second["hash"] == op_hash(second, key)
    store.close()


def test_workers_creating_the_chain_master_at_once_all_derive_the_same_key(tmp_path: Path) -> None:
    # a data dir from before the keyed chain: no chain master yet, and several workers (each its own
    # KeyStore, as each process has) hand out a device's key at the same moment
    import os
    import threading

    from backend_stub.keys import CHAIN_MASTER_FILE, KeyStore
    from backend_stub.settings import Settings

    for attempt in range(20):
        settings = Settings(data_dir=tmp_path / f"d{attempt}")
        settings.secrets_dir.mkdir(parents=True)
        stores = [KeyStore(settings) for _ in range(8)]
        start = threading.Barrier(len(stores))
        keys: list[bytes | BaseException] = []

        def hand_out(store: KeyStore, start: threading.Barrier, keys: list[bytes | BaseException]) -> None:
            start.wait()
            try:
                keys.append(store.chain_key("pc-1"))
            except BaseException as exc:  # a failed worker is part of what is checked
                keys.append(exc)

        workers = [threading.Thread(target=hand_out, args=(s, start, keys)) for s in stores]
        for t in workers:
            t.start()
        for t in workers:
            t.join()
        assert len(set(keys)) == 1 and isinstance(keys[0], bytes), keys
        master = settings.secrets_dir / CHAIN_MASTER_FILE
        assert os.stat(master).st_mode & 0o777 == 0o600
        assert KeyStore(settings).chain_key("pc-1") == keys[0]  # a later worker reads the same master
        assert sorted(p.name for p in settings.secrets_dir.iterdir()) == [CHAIN_MASTER_FILE]  # no temp left
