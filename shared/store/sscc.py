"""The SSCC allocator: box numbers this device gives out, never twice."""

from __future__ import annotations

import hashlib

from shared.barcodes.formats import make_sscc

from .connection import StoreCore


class SsccAllocator(StoreCore):
    def next_sscc(self, *, kind_return: bool = False) -> str:
        """A fresh SSCC-18 for a box this device opens (forward or return), never given out twice.

        The 9-digit serial reference is this device's block (3 digits) and a counter (6 digits). The
        block is the one an admin assigned (kv `device.sscc_block`, unique per site fleet), else one
        derived from the device id, which can coincide with another device's block: the backend then
        rejects the second box as a duplicate at push and the clerk sees it as a conflict.
        """
        key = "sscc.return_counter" if kind_return else "sscc.forward_counter"
        with self._tx() as db:
            row = db.execute("SELECT value FROM kv WHERE key = 'device.sscc_block'").fetchone()
            if row is not None:
                block = int(row[0]) % 1000
            else:
                block = int.from_bytes(hashlib.sha256(self.device_id.encode()).digest()[:4], "big") % 1000
            found = db.execute("SELECT value FROM kv WHERE key = ?", (key,)).fetchone()
            counter = int(found[0]) if found is not None else 0
            while True:
                counter += 1
                sscc = make_sscc(block * 1_000_000 + counter % 1_000_000, kind_return=kind_return)
                if db.execute("SELECT 1 FROM boxes WHERE id = ?", (sscc,)).fetchone() is None:
                    break
            self._kv_write(db, key, str(counter))
        return sscc
