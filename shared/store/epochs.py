"""Device epochs: the seqs an op carries on the wire, a new epoch after the server saw this device's
journal restart, and re-sending what a restored server lost."""

from __future__ import annotations

from typing import Any

from shared.domain import (
    Operation,
)
from shared.domain.chain import genesis, op_hash

from .connection import DEVICE_KEY, EPOCH_OF_KEY
from .journal import SEQ_BASE_KEY, Journal

__all__ = ["SEQ_BASE_KEY", "Epochs"]


class Epochs(Journal):
    def seq_base(self) -> int:
        return int(self.kv_get(SEQ_BASE_KEY) or 0)

    def wire(self, op: Operation) -> dict[str, Any]:
        """The op as pushed: under the current device id, its seq counted from this epoch's start."""
        body = op.to_wire()
        body["device_id"] = self.device_id
        body["seq"] = op.seq - self.seq_base()
        return body

    def start_epoch(self, new_device_id: str, sscc_block: int | None) -> int:
        """Carry on under a new device id (the server's answer to a journal that restarted): pending
        ops are numbered from 1 under it, in their order, and nothing is dropped. Returns how many
        ops are pending."""
        with self._tx() as db:
            first = db.execute("SELECT MIN(seq) FROM ops WHERE state = 'pending'").fetchone()[0]
            top = int(db.execute("SELECT COALESCE(MAX(seq), 0) FROM ops").fetchone()[0])
            base = int(first) - 1 if first is not None else top
            origin = self.kv_get(EPOCH_OF_KEY) or self.kv_get(DEVICE_KEY) or self.device_id
            self._kv_write(db, EPOCH_OF_KEY, origin)
            self._kv_write(db, DEVICE_KEY, new_device_id)
            self._kv_write(db, SEQ_BASE_KEY, str(base))
            if sscc_block is not None:
                self._kv_write(db, "device.sscc_block", str(sscc_block))
            self._rechain(db, new_device_id, base)
            pending = int(db.execute("SELECT count(*) FROM ops WHERE state = 'pending'").fetchone()[0])
        self.device_id = new_device_id
        return pending

    def _rechain(self, db: Any, device_id: str, base: int) -> None:
        """The ops of a new epoch chain afresh from its genesis: their device id and wire seqs
        changed, so each pending op's prev_hash and hash are computed again, in order."""
        prev = genesis(device_id)
        rows = db.execute("SELECT * FROM ops WHERE seq > ? ORDER BY seq", (base,)).fetchall()
        for row in rows:
            op = self._op_from_row(row)
            wire = op.to_wire()
            wire.update(device_id=device_id, seq=op.seq - base, prev_hash=prev)
            own = op_hash(wire)
            db.execute("UPDATE ops SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, own, op.seq))
            prev = own

    def mark_for_resend(self, from_wire_seq: int) -> int:
        """The server lost this device's ops from `from_wire_seq` on (a restored backup): put the
        acknowledged ones back in the queue so they are pushed again. Returns how many, or -1 when
        the journal no longer holds them all (pruned), so they cannot be re-sent."""
        base = self.seq_base()
        start = from_wire_seq + base
        with self._tx() as db:
            first_pending = db.execute("SELECT MIN(seq) FROM ops WHERE state = 'pending'").fetchone()[0]
            end = int(first_pending) if first_pending is not None else self.last_seq() + 1
            have = int(
                db.execute(
                    "SELECT count(*) FROM ops WHERE seq >= ? AND seq < ? AND state = 'applied'", (start, end)
                ).fetchone()[0]
            )
            rejected = int(
                db.execute(
                    "SELECT count(*) FROM ops WHERE seq >= ? AND seq < ? AND state = 'rejected'", (start, end)
                ).fetchone()[0]
            )
            resolved = int(
                db.execute(
                    "SELECT count(*) FROM conflicts c JOIN ops o ON o.op_id = c.op_id "
                    "WHERE o.seq >= ? AND o.seq < ? AND c.resolution IS NOT NULL",
                    (start, end),
                ).fetchone()[0]
            )
            if have + rejected != end - start or resolved:
                return -1  # pruned, or a conflict the clerk already settled: re-sending could double it
            db.execute(
                "UPDATE ops SET state = 'pending', result = NULL, acked_at = NULL "
                "WHERE seq >= ? AND seq < ? AND state = 'applied'",
                (start, end),
            )
            # a rejected op also took its seq on the server: it is sent again for its seq, and its
            # conflict stays listed until the new answer arrives
            db.execute(
                "UPDATE ops SET state = 'pending' WHERE seq >= ? AND seq < ? AND state = 'rejected'",
                (start, end),
            )
            db.execute(
                "DELETE FROM conflicts WHERE op_id IN (SELECT op_id FROM ops WHERE seq >= ? AND seq < ?)",
                (start, end),
            )
        return have + rejected
