"""Waiting for a condition instead of a fixed sleep or a fixed number of tries.

`wait_until(cond, timeout, what)` polls until `cond()` is true and fails naming `what` after
`timeout` seconds; `sync_until_settled(engine, store)` syncs until one round succeeds with nothing
left pending (however many rounds a healed network or a restarted server needs).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from shared.store import LocalStore
from shared.sync import SyncEngine

POLL_S = 0.005


def wait_until(cond: Callable[[], Any], timeout: float, what: str, *, poll: float = POLL_S) -> Any:
    """Return `cond()`'s first true value; AssertionError naming `what` if none within `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = cond()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout} s waiting until {what}")
        time.sleep(poll)


def sync_until_settled(engine: SyncEngine, store: LocalStore, *, timeout: float = 120.0) -> int:
    """Sync until a sync succeeds and nothing is pending; return how many syncs it took."""
    deadline = time.monotonic() + timeout
    syncs = 0
    while True:
        syncs += 1
        report = engine.sync_once()
        if report.ok and store.pending_count() == 0:
            return syncs
        if time.monotonic() >= deadline:
            raise AssertionError(
                f"not settled after {syncs} syncs in {timeout} s: pending={store.pending_count()}, "
                f"last error={engine.status.last_error!r}"
            )
        if not report.ok:
            time.sleep(0.05)  # a failed sync already retried inside; do not spin on a dead link
