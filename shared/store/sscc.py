"""The SSCC allocator: box numbers this device gives out, never twice."""

from __future__ import annotations

import hashlib
import json
import sqlite3

from shared.barcodes.formats import make_sscc

from .connection import StoreCore

RANGES_KEY = "device.sscc_ranges"  # [[first, last], ...] serial references the backend gave this device
_LEGACY_BLOCK = 1_000_000  # a 3-digit block's serials (before the backend's blocks of 10,000)


def _key(kind_return: bool) -> str:
    return "sscc.return_serial" if kind_return else "sscc.forward_serial"


class SsccAllocator(StoreCore):
    def next_sscc(self, *, kind_return: bool = False) -> str:
        """A fresh SSCC-18 for a box this device opens (forward or return), never given out twice.

        The 9-digit serial reference comes from the blocks the backend gave this device (kv
        `device.sscc_ranges`: at login, at a new epoch, and the next block when the sync engine sees
        the newest one half used, `sscc_refill_position`), taken in the order they were given: the
        rest of the block holding the position (per box kind), then the next block given, never an
        earlier one. A 3-digit block kept from before blocks of 10,000 comes first though its serials
        are above those of the blocks given after it. Without a block (never logged in online, or every block used up offline) it
        falls back to a 3-digit block (an admin's, else derived from the device id) and a 6-digit
        counter, which can coincide with another device's: the backend then rejects the second box as
        a duplicate at push and the clerk sees it as a conflict.
        """
        with self._tx() as db:
            serial = self._from_ranges(db, kind_return)
            if serial is not None:
                return make_sscc(serial, kind_return=kind_return)
            return self._legacy_sscc(db, kind_return)

    def _position(self, db: sqlite3.Connection, kind_return: bool) -> int:
        found = db.execute("SELECT value FROM kv WHERE key = ?", (_key(kind_return),)).fetchone()
        if found is not None:
            return int(found[0])
        # a device that drew from its 3-digit block before: carry on after what it gave out there
        block = db.execute("SELECT value FROM kv WHERE key = 'device.sscc_block'").fetchone()
        old = "sscc.return_counter" if kind_return else "sscc.forward_counter"
        counter = db.execute("SELECT value FROM kv WHERE key = ?", (old,)).fetchone()
        if block is not None and counter is not None:
            return (int(block[0]) % 1000) * _LEGACY_BLOCK + int(counter[0]) % _LEGACY_BLOCK
        return -1

    def _ranges(self, db: sqlite3.Connection) -> list[tuple[int, int]]:
        row = db.execute("SELECT value FROM kv WHERE key = ?", (RANGES_KEY,)).fetchone()
        return [(int(a), int(b)) for a, b in json.loads(row[0])] if row is not None else []

    def _from_ranges(self, db: sqlite3.Connection, kind_return: bool) -> int | None:
        ranges = self._ranges(db)
        position = self._position(db, kind_return)
        at = next((i for i, (first, last) in enumerate(ranges) if first <= position <= last), None)
        if at is None:  # nothing drawn from these blocks yet (a new device or epoch): the first above
            at = next((i for i, (_, last) in enumerate(ranges) if last > position), len(ranges))
        for i in range(at, len(ranges)):
            first, last = ranges[i]
            # on in the block holding the position; a later block (even one numbered lower) from its start
            serial = max(first, position + 1) if i == at else first
            while serial <= last:
                sscc = make_sscc(serial, kind_return=kind_return)
                if db.execute("SELECT 1 FROM boxes WHERE id = ?", (sscc,)).fetchone() is None:
                    self._kv_write(db, _key(kind_return), str(serial))
                    return serial
                serial += 1
        return None  # every block used up: the fallback below

    def _legacy_sscc(self, db: sqlite3.Connection, kind_return: bool) -> str:
        key = "sscc.return_counter" if kind_return else "sscc.forward_counter"
        row = db.execute("SELECT value FROM kv WHERE key = 'device.sscc_block'").fetchone()
        if row is not None:
            block = int(row[0]) % 1000
        else:
            block = int.from_bytes(hashlib.sha256(self.device_id.encode()).digest()[:4], "big") % 1000
        found = db.execute("SELECT value FROM kv WHERE key = ?", (key,)).fetchone()
        counter = int(found[0]) if found is not None else 0
        while True:
            counter += 1
            sscc = make_sscc(block * _LEGACY_BLOCK + counter % _LEGACY_BLOCK, kind_return=kind_return)
            if db.execute("SELECT 1 FROM boxes WHERE id = ?", (sscc,)).fetchone() is None:
                break
        self._kv_write(db, key, str(counter))
        return sscc

    def add_sscc_ranges(self, ranges: object, *, replace: bool = False) -> None:
        """Take the backend's SSCC blocks ([first, last] pairs, in the order given; malformed ones are
        ignored). Blocks not held yet go after those held, in the backend's order, which is the order
        they are drawn from (a block lost by a server restore stays before those given after it). With
        `replace` (a new device epoch) only these are drawn from from now on, and the position moves to
        the first of them: nothing from before the epoch is given out again."""
        fresh = []
        if isinstance(ranges, list):
            for r in ranges:
                valid = isinstance(r, list | tuple) and len(r) == 2 and all(type(v) is int for v in r)
                if valid and 0 <= r[0] <= r[1] < 10**9:
                    fresh.append((int(r[0]), int(r[1])))
        if not fresh:
            return
        with self._tx() as db:
            held = [] if replace else self._ranges(db)
            merged = held + [r for r in dict.fromkeys(fresh) if r not in held]
            self._kv_write(db, RANGES_KEY, json.dumps([list(r) for r in merged]))
            if replace:  # the epoch's blocks were never given before: start at their beginning
                for kind_return in (False, True):
                    self._kv_write(db, _key(kind_return), str(merged[0][0] - 1))

    def sscc_refill_position(self) -> int | None:
        """The highest serial given out in the newest block when that block is half used (time to ask
        the backend for the next one), else None (a position in an older block, as a kept 3-digit
        block's above the newer blocks, is no reason to ask)."""
        with self._tx() as db:
            ranges = self._ranges(db)
            if not ranges:
                return None
            first, last = ranges[-1]
            held = [p for p in (self._position(db, False), self._position(db, True)) if first <= p <= last]
            used = max(held, default=None)
            return used if used is not None and used >= (first + last) // 2 else None
