"""The login throttle stays bounded under a spray of usernames without ever releasing the account
that is actually being guessed at."""

from __future__ import annotations

import pytest

from backend_stub.errors import ApiError
from backend_stub.services.auth import LoginThrottle
from shared.domain import ManualClock

ADDRESS = "203.0.113.7"


def _blocked(throttle: LoginThrottle, username: str, address: str = ADDRESS) -> bool:
    try:
        throttle.check(username, address)
    except ApiError as exc:
        assert exc.status == 429 and exc.code == "too_many_attempts"
        return True
    return False


def test_a_username_spray_beyond_the_bound_keeps_the_attacked_account_throttled() -> None:
    clock = ManualClock()
    throttle = LoginThrottle(clock, max_failures=5, window_s=900, max_keys=50)
    for _ in range(5):
        throttle.failed("clerk1", ADDRESS)
    assert _blocked(throttle, "clerk1")
    # the attacker sprays far more made-up names than the throttle keeps, still guessing at clerk1
    for i in range(500):
        throttle.failed(f"nobody-{i}", ADDRESS)
        if i % 20 == 0:
            assert _blocked(throttle, "clerk1"), f"clerk1 released after {i} sprayed names"
        assert len(throttle) <= 50
    assert _blocked(throttle, "clerk1")
    # the oldest sprayed names were the ones dropped
    assert not _blocked(throttle, "nobody-0")


def test_checking_does_not_grow_the_table_and_the_window_still_passes() -> None:
    clock = ManualClock()
    throttle = LoginThrottle(clock, max_failures=2, window_s=60, max_keys=10)
    for i in range(100):
        throttle.check(f"just-looking-{i}", ADDRESS)
    assert len(throttle) == 0
    throttle.failed("clerk1", ADDRESS)
    throttle.failed("clerk1", ADDRESS)
    assert _blocked(throttle, "clerk1")
    assert not _blocked(throttle, "clerk1", "198.51.100.1")
    clock.advance(61)
    assert not _blocked(throttle, "clerk1")
    throttle.failed("clerk1", ADDRESS)
    throttle.succeeded("clerk1", ADDRESS)
    assert len(throttle) == 0


@pytest.mark.parametrize("max_keys", [1, 3])
def test_a_tiny_bound_still_works(max_keys: int) -> None:
    throttle = LoginThrottle(ManualClock(), max_failures=1, window_s=60, max_keys=max_keys)
    throttle.failed("a", ADDRESS)
    throttle.failed("b", ADDRESS)
    assert len(throttle) == min(2, max_keys)
    assert _blocked(throttle, "b")


def test_the_default_bound_holds_past_a_hundred_thousand_names() -> None:
    clock = ManualClock()
    throttle = LoginThrottle(clock, max_failures=5, window_s=900)
    for _ in range(5):
        throttle.failed("clerk1", ADDRESS)
    for i in range(150_000):
        throttle.failed(f"spray-{i}", ADDRESS)
        if i % 1000 == 0:  # the attacker keeps guessing at clerk1 between sprayed names
            assert _blocked(throttle, "clerk1"), f"clerk1 released after {i} sprayed names"
            throttle.failed("clerk1", ADDRESS)
    assert len(throttle) == 100_000
    assert _blocked(throttle, "clerk1")
