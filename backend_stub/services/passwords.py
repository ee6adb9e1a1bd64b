"""argon2id password hashing; a dummy hash keeps unknown-user logins as slow as real ones.

The cost comes from settings (WB_ARGON2_TIME_COST, WB_ARGON2_MEMORY_KIB, WB_ARGON2_PARALLELISM;
defaults: RFC 9106's low-memory profile). Verification always uses the cost stored in each hash.
Logins check passwords through `PasswordPool`: a bounded number of threads and a short queue.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError


class Passwords:
    def __init__(self, time_cost: int = 3, memory_kib: int = 65536, parallelism: int = 4) -> None:
        self._hasher = PasswordHasher(
            time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism, type=Type.ID
        )
        self._dummy = self._hasher.hash("an unknown user has no password at all")

    def hash(self, password: str) -> str:
        if not password:
            raise ValueError("empty password")
        return self._hasher.hash(password)

    def verify(self, stored_hash: str | None, password: str) -> bool:
        """True when password matches; with no stored hash, verify against the dummy and return False."""
        try:
            ok = self._hasher.verify(stored_hash or self._dummy, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
        return bool(ok) and stored_hash is not None


class PoolBusy(Exception):
    """The password pool and its queue are full, or a check waited longer than allowed."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"password checks are busy; retry in {retry_after} s")
        self.retry_after = retry_after


class _Job:
    __slots__ = ("abandoned", "started")

    def __init__(self) -> None:
        self.started = False
        self.abandoned = False


class PasswordPool:
    """Password checks on a fixed number of threads, with a short bounded queue in front.

    argon2id costs ~64 MiB and most of a core for ~0.1-0.2 s. Run in the shared request thread pool
    without a cap, a login flood takes the memory of every concurrent check and the threads the other
    endpoints need. Here at most `workers` checks run at once (memory: workers x the hash's memory
    cost), at most `queue` more wait, and none waits longer than `wait_s`: past that `PoolBusy`, which
    the API answers 503 with Retry-After. Waiting costs no thread: `verify` is a coroutine. The
    pool's threads run at a lower CPU priority (`_lower_priority`).
    Works from any event loop (the admission count is a thread-safe counter, not a loop primitive).
    """

    def __init__(self, passwords: Passwords, workers: int = 0, queue: int = 16, wait_s: float = 2.0) -> None:
        self.passwords = passwords
        self.workers = workers or os.cpu_count() or 2
        self.queue = queue
        self.wait_s = wait_s
        self._executor = ThreadPoolExecutor(
            max_workers=self.workers, thread_name_prefix="wb-password", initializer=_lower_priority
        )
        self._lock = threading.Lock()
        self._admitted = 0  # running or waiting; at most workers + queue

    @property
    def admitted(self) -> int:
        return self._admitted

    @property
    def full(self) -> bool:
        """True while no more checks can be admitted (a cheap early answer; `verify` decides)."""
        return self._admitted >= self.workers + self.queue

    @property
    def retry_after(self) -> int:
        return max(1, math.ceil(self.wait_s))

    def _run(self, job: _Job, stored_hash: str | None, password: str) -> bool | None:
        try:
            with self._lock:
                if job.abandoned:
                    return None  # its caller already got 503: no hash for nobody
                job.started = True
            return self.passwords.verify(stored_hash, password)
        finally:
            with self._lock:
                self._admitted -= 1

    async def verify(self, stored_hash: str | None, password: str) -> bool:
        """Passwords.verify on the pool; raise PoolBusy when it cannot start within `wait_s`."""
        with self._lock:
            if self._admitted >= self.workers + self.queue:
                raise PoolBusy(self.retry_after)
            self._admitted += 1
        job = _Job()
        try:
            future = asyncio.wrap_future(self._executor.submit(self._run, job, stored_hash, password))
        except RuntimeError:  # the executor is shut down: the app is stopping
            with self._lock:
                self._admitted -= 1
            raise PoolBusy(self.retry_after) from None
        done, _ = await asyncio.wait({future}, timeout=self.wait_s)
        if not done:
            with self._lock:
                if not job.started:
                    job.abandoned = True  # the thread that picks it up skips it and frees its place
            if job.abandoned:
                future.add_done_callback(_consume)
                raise PoolBusy(self.retry_after)
        ok = await future  # started: it finishes within one hash
        return bool(ok)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


HASH_NICENESS = 10


def _lower_priority() -> None:
    """Run this pool thread, and the lane threads argon2 starts from it, at a lower CPU priority
    (Linux threads have their own nice value, inherited by the threads they create): under a login
    flood the hashes take the CPU that is left, and every other endpoint still answers promptly."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), HASH_NICENESS)


def _consume(future: asyncio.Future[Any]) -> None:
    """Retrieve an abandoned check's outcome so asyncio never reports it as unhandled."""
    if not future.cancelled():
        future.exception()
