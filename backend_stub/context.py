"""What one running backend holds: settings, database, clock, keys, id factory, throttle, relay.

Built by `create_app` (or `open_context` for the CLI and tests); passed explicitly, never global.
Below the services: it imports none that needs an AppContext, so they import it without a circle.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any

from shared.domain import Clock, IdFactory, SystemClock, utc_iso

from .database import Database
from .keys import KeyStore
from .migrations import migrate
from .services.passwords import Passwords
from .settings import Settings


@dataclass
class AppContext:
    settings: Settings
    db: Database
    clock: Clock
    keys: KeyStore
    ids: IdFactory
    passwords: Passwords
    extras: dict[str, Any] = field(default_factory=dict)

    def now_iso(self) -> str:
        return utc_iso(self.clock.now())


class LockedIdFactory(IdFactory):
    """IdFactory is not thread-safe; request handlers run in a thread pool."""

    def __init__(self, clock: Clock) -> None:
        super().__init__(clock)
        self._lock = threading.Lock()

    def new(self) -> str:
        with self._lock:
            return super().new()


def open_context(settings: Settings, clock: Clock | None = None, *, create: bool = True) -> AppContext:
    """Open (creating and migrating when `create`) the data dir's database and keys.

    Publishing the pickup public key to the change feed is the caller's step (`create_app` and
    `wb-backend init` do it), so this module stays below the services that import it."""
    clock = clock or SystemClock()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.db_url)
    keys = KeyStore(settings)
    if create:
        keys.ensure()
        migrate(db, clock)
    passwords = Passwords(settings.argon2_time_cost, settings.argon2_memory_kib, settings.argon2_parallelism)
    return AppContext(
        settings=settings, db=db, clock=clock, keys=keys, ids=LockedIdFactory(clock), passwords=passwords
    )


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(data: Any) -> str:
    return _ENCODER.encode(data)  # json.dumps with these options, without building an encoder per call
