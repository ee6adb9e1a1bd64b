"""The bounded password pool and the throttle's reservations, without HTTP (the HTTP side is in
tests/e2e/test_backend_login_flood.py)."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from backend_stub.errors import ApiError
from backend_stub.services.auth import LoginThrottle
from backend_stub.services.passwords import PasswordPool, Passwords, PoolBusy
from shared.domain import ManualClock


class SlowPasswords(Passwords):
    """Counts how many checks run at once; each takes `seconds`."""

    def __init__(self, seconds: float) -> None:
        super().__init__(time_cost=1, memory_kib=1024, parallelism=1)
        self.seconds = seconds
        self.running = 0
        self.most = 0
        self.checks = 0
        self._lock = threading.Lock()

    def verify(self, stored_hash: str | None, password: str) -> bool:
        with self._lock:
            self.running += 1
            self.checks += 1
            self.most = max(self.most, self.running)
        time.sleep(self.seconds)
        with self._lock:
            self.running -= 1
        return False


def test_the_pool_runs_at_most_its_workers_and_turns_the_overflow_away() -> None:
    passwords = SlowPasswords(0.2)
    pool = PasswordPool(passwords, workers=2, queue=3, wait_s=5.0)

    async def flood() -> list[str]:
        async def one() -> str:
            try:
                await pool.verify(None, "x")
                return "checked"
            except PoolBusy as exc:
                assert exc.retry_after >= 1
                return "busy"

        return await asyncio.gather(*(one() for _ in range(20)))

    outcomes = asyncio.run(flood())
    pool.shutdown()
    assert passwords.most == 2
    assert outcomes.count("checked") == 5 and outcomes.count("busy") == 15  # 2 running + 3 waiting
    assert passwords.checks == 5 and pool.admitted == 0


def test_a_check_that_cannot_start_within_the_wait_is_dropped_unhashed() -> None:
    passwords = SlowPasswords(0.5)
    pool = PasswordPool(passwords, workers=1, queue=5, wait_s=0.1)

    async def two() -> list[BaseException | bool]:
        return await asyncio.gather(pool.verify(None, "a"), pool.verify(None, "b"), return_exceptions=True)

    first, second = asyncio.run(two())
    assert first is False and isinstance(second, PoolBusy)
    deadline = time.monotonic() + 5
    while pool.admitted and time.monotonic() < deadline:
        time.sleep(0.01)
    pool.shutdown()
    assert passwords.checks == 1 and pool.admitted == 0  # the abandoned one never hashed


def _reserve(throttle: LoginThrottle, user: str, address: str) -> bool:
    try:
        throttle.reserve(user, address)
    except ApiError as exc:
        assert exc.status == 429 and exc.extra["retry_after"] >= 1
        return False
    return True


def test_reservations_hold_the_budget_before_any_failure_is_known() -> None:
    throttle = LoginThrottle(ManualClock(), max_failures=5, window_s=900)
    held = [throttle.reserve("clerk1", "a") for _ in range(5)]
    assert not _reserve(throttle, "clerk1", "a")  # 5 checks under way: the 6th waits for them
    held[0].release()  # that check never ran (the pool was busy): its place comes back
    attempt = throttle.reserve("clerk1", "a")
    attempt.succeeded()
    for h in held[1:]:
        h.failed()
    assert _reserve(throttle, "clerk1", "a")  # 4 failures + 0 under way: one more fits


@pytest.mark.parametrize("user_ceiling", [3])
def test_user_and_address_budgets_sit_beside_the_pair(user_ceiling: int) -> None:
    throttle = LoginThrottle(
        ManualClock(), max_failures=2, window_s=60, user_max_failures=user_ceiling, address_max_failures=4
    )
    for address in ("a", "b", "c"):
        throttle.reserve("clerk1", address).failed()
    assert not _reserve(throttle, "clerk1", "d")  # the user's ceiling, from any address
    assert _reserve(throttle, "clerk2", "d")
    for i in range(3):
        throttle.reserve(f"made-up-{i}", "x").failed()
    throttle.reserve("clerk2", "x").failed()
    assert not _reserve(throttle, "anyone", "x")  # the address's budget, whatever the username
