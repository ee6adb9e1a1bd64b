"""Token storage, offline unlock, idle lock and offline pickup checks (no network)."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import keyring.backends.fail
import keyring.backends.null
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from shared.auth import (
    AuthClient,
    AuthError,
    LoginRequired,
    Session,
    TokenStore,
    UnlockError,
    check_pickup,
    is_secure_backend,
)
from shared.domain import ManualClock, Role, SiteKind
from shared.domain.pickup_token import PickupClaim, short_code_hash, sign_pickup_token
from shared.store import CachedUser, LocalStore
from tests.support.keyring import FAST_HASH, MemoryKeyring

PVZ = "PVZ-1"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))


@pytest.fixture
def store(tmp_path: Path, clock: ManualClock) -> LocalStore:
    return LocalStore.open(tmp_path / "s.sqlite3", "dev-1", clock)


def offline_client() -> AuthClient:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no network")

    return AuthClient(httpx.Client(base_url="http://backend.test", transport=httpx.MockTransport(handler)))


def test_insecure_keyrings_are_detected_and_tokens_stay_in_memory(tmp_path: Path) -> None:
    for backend in (keyring.backends.null.Keyring(), keyring.backends.fail.Keyring()):
        tokens = TokenStore(backend)
        assert not tokens.secure and tokens.warning and "войти снова" in tokens.warning
        tokens.save("dev:ann", "r-token")
        assert tokens.load("dev:ann") == "r-token"  # memory only
        assert TokenStore(backend).load("dev:ann") is None  # a restart forgets it
    assert not list(tmp_path.iterdir())  # and nothing was written to a file


def test_a_secure_keyring_keeps_the_token_across_restarts() -> None:
    ring = MemoryKeyring()
    assert is_secure_backend(ring)
    TokenStore(ring).save("dev:ann", "r-token")
    assert TokenStore(ring).load("dev:ann") == "r-token"
    TokenStore(ring).clear("dev:ann")
    assert TokenStore(ring).load("dev:ann") is None


def test_offline_unlock_needs_an_earlier_login_and_the_same_password(
    store: LocalStore, clock: ManualClock
) -> None:
    session = Session(
        store,
        offline_client(),
        TokenStore(MemoryKeyring()),
        clock,
        device_id="dev-1",
        site_kind=SiteKind.PVZ,
        hasher=FAST_HASH,
    )
    with pytest.raises(UnlockError) as never:
        session.sign_in("ann", "secret-1")
    assert never.value.code == "unknown_user"
    store.remember_user(
        CachedUser("u-ann", "ann", Role.CLERK, PVZ, SiteKind.PVZ, "Анна", FAST_HASH.hash("secret-1"), None)
    )
    with pytest.raises(UnlockError) as wrong:
        session.sign_in("ann", "secret-2")
    assert wrong.value.code == "wrong_password" and session.locked
    actor = session.sign_in("ANN ", "secret-1")  # the network is down: falls back to offline unlock
    assert actor.user_id == "u-ann" and actor.site_id == PVZ and not session.online and not session.locked
    with pytest.raises(LoginRequired):
        session.refresh()  # no refresh token on this device yet


def test_session_locks_after_idle_time_and_unlocks_with_the_password(
    store: LocalStore, clock: ManualClock
) -> None:
    store.remember_user(
        CachedUser("u-ann", "ann", Role.CLERK, PVZ, SiteKind.PVZ, "Анна", FAST_HASH.hash("pw"), None)
    )
    session = Session(
        store,
        offline_client(),
        TokenStore(MemoryKeyring()),
        clock,
        device_id="d",
        site_kind=SiteKind.PVZ,
        idle_lock_s=300,
        hasher=FAST_HASH,
    )
    session.unlock_offline("ann", "pw")
    clock.advance(200)
    session.touch()
    clock.advance(299)
    assert not session.locked
    clock.advance(1)
    assert session.locked
    with pytest.raises(UnlockError):
        session.unlock("wrong")
    assert session.locked
    assert session.unlock("pw").username == "ann" and not session.locked


def test_login_errors_are_clear() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        body = request.read()
        if b"many" in body:
            return httpx.Response(
                429,
                headers={"Retry-After": "30"},
                json={"error": {"code": "too_many_attempts", "message": "x"}},
            )
        return httpx.Response(401, json={"error": {"code": "invalid_credentials", "message": "x"}})

    client = AuthClient(httpx.Client(base_url="http://b.test", transport=httpx.MockTransport(handler)))
    with pytest.raises(AuthError) as bad:
        client.login("ann", "nope")
    assert bad.value.code == "invalid_credentials" and "неверное" in bad.value.message
    with pytest.raises(AuthError) as slow:
        client.login("many", "nope")
    assert slow.value.code == "too_many_attempts" and slow.value.retry_after == 30
    with pytest.raises(AuthError) as net:
        offline_client().login("ann", "pw")
    assert net.value.code == "network"


def test_offline_pickup_checks_give_one_message_per_failure(store: LocalStore, clock: ManualClock) -> None:
    key, other = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    pub = key.public_key().public_bytes_raw()
    salt = "00" * 16
    store.apply_pull_page(
        [
            {
                "entity": "pickup_key",
                "id": "current",
                "op": "upsert",
                "data": {"public_key": base64.b64encode(pub).decode()},
            },
            {
                "entity": "revocation",
                "id": "tok-revoked",
                "op": "upsert",
                "data": {"token_id": "tok-revoked"},
            },
            {"entity": "order", "id": "O1", "op": "upsert", "data": {"customer_id": "C1", "pvz_id": PVZ}},
            {
                "entity": "short_code",
                "id": "O1",
                "op": "upsert",
                "data": {"order_id": "O1", "hash": short_code_hash("12345678", salt), "salt": salt},
            },
        ],
        "1",
    )
    now = clock.now()

    def token(
        token_id: str = "tok-1",
        pvz: str = PVZ,
        expires: timedelta = timedelta(hours=1),
        signer: Ed25519PrivateKey = key,
    ) -> str:
        return sign_pickup_token(PickupClaim("O1", pvz, "C1", token_id, now + expires), signer)

    ok = check_pickup(store, token(), PVZ, now)
    assert ok.ok and ok.order_id == "O1" and ok.customer_id == "C1"
    results = {
        "bad_signature": check_pickup(store, token(signer=other), PVZ, now),
        "expired": check_pickup(store, token(expires=timedelta(seconds=-1)), PVZ, now),
        "wrong_pvz": check_pickup(store, token(pvz="PVZ-2"), PVZ, now),
        "revoked": check_pickup(store, token("tok-revoked"), PVZ, now),
        "malformed": check_pickup(store, "WBP1.garbage", PVZ, now),
    }
    for code, res in results.items():
        assert not res.ok and res.code == code
    assert len({r.message for r in results.values()}) == len(results)  # each its own message
    assert check_pickup(store, "1234 5678", PVZ, now).order_id == "O1"
    assert check_pickup(store, "87654321", PVZ, now).code == "unknown_code"
    empty = LocalStore.open(store.path.with_name("other.sqlite3"), "d2", clock)
    assert check_pickup(empty, token(), PVZ, now).code == "no_key"


def test_offline_guessing_is_limited_and_an_online_login_is_still_possible(
    store: LocalStore, clock: ManualClock
) -> None:
    from shared.auth.session import MAX_OFFLINE_FAILURES, verify_cached

    store.remember_user(
        CachedUser("u-ann", "ann", Role.CLERK, PVZ, SiteKind.PVZ, "Анна", FAST_HASH.hash("secret-1"), None)
    )
    for i in range(MAX_OFFLINE_FAILURES):
        with pytest.raises(UnlockError) as wrong:
            verify_cached(store, "ANN" if i % 2 else "ann", f"guess-{i}", clock, FAST_HASH)
        assert wrong.value.code == "wrong_password"
    with pytest.raises(UnlockError) as locked:
        verify_cached(store, "ann", "secret-1", clock, FAST_HASH)  # even the right password waits
    assert locked.value.code == "locked_out" and "5" in locked.value.message
    reopened = LocalStore.open(store.path, store.device_id, clock)  # a restart does not reset it
    with pytest.raises(UnlockError):
        verify_cached(reopened, "ann", "secret-1", clock, FAST_HASH)
    clock.advance(5 * 60 + 1)
    assert verify_cached(reopened, "ann", "secret-1", clock, FAST_HASH).user_id == "u-ann"
    with pytest.raises(UnlockError) as again:
        verify_cached(reopened, "ann", "wrong", clock, FAST_HASH)
    assert again.value.code == "wrong_password"  # the count started afresh after the success
