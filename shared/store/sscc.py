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
        the newest one half used, `sscc_refill_position`), taken in order; the position per box kind
        only moves up. Without a block (never logged in online, or every block used up offline) it
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
        if not ranges:
            return None
        serial = self._position(db, kind_return)
        while True:
            serial += 1
            nxt = next((r for r in ranges if r[1] >= serial), None)
            if nxt is None:
                return None  # every block used up: the fallback below
            serial = max(serial, nxt[0])
            sscc = make_sscc(serial, kind_return=kind_return)
            if db.execute("SELECT 1 FROM boxes WHERE id = ?", (sscc,)).fetchone() is None:
                self._kv_write(db, _key(kind_return), str(serial))
                return serial

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
        """Take the backend's SSCC blocks ([first, last] pairs; malformed ones are ignored). With
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
            merged = sorted(set(held) | set(fresh))
            self._kv_write(db, RANGES_KEY, json.dumps([list(r) for r in merged]))
            if replace:  # the epoch's blocks were never given before: start at their beginning
                for kind_return in (False, True):
                    self._kv_write(db, _key(kind_return), str(merged[0][0] - 1))

    def sscc_refill_position(self) -> int | None:
        """The highest serial given out when the newest block is half used (time to ask the backend for
        the next one), else None."""
        with self._tx() as db:
            ranges = self._ranges(db)
            if not ranges:
                return None
            used = max(self._position(db, False), self._position(db, True))
            first, last = ranges[-1]
            return used if used >= (first + last) // 2 else None
