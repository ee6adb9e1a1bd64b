"""Device epochs: the seqs an op carries on the wire, a new epoch after the server saw this device's
journal restart, re-sending what a restored server lost, and the chain key the server hands over."""

from __future__ import annotations

from typing import Any

from shared.domain import (
    Operation,
)
from shared.domain.chain import KEY_BYTES, genesis, op_hash

from .connection import DEVICE_KEY, EPOCH_OF_KEY
from .journal import CHAIN_FROM_KEY, SEQ_BASE_KEY, Journal, MemoryChainKeys

__all__ = ["CHAIN_FROM_KEY", "SEQ_BASE_KEY", "Epochs"]


class Epochs(Journal):
    def seq_base(self) -> int:
        return int(self.kv_get(SEQ_BASE_KEY) or 0)

    def wire(self, op: Operation) -> dict[str, Any]:
        """The op as pushed: under the current device id, its seq counted from this epoch's start."""
        body = op.to_wire()
        body["device_id"] = self.device_id
        body["seq"] = op.seq - self.seq_base()
        return body

    def chain_report(self) -> int:
        """What a login tells the server of this journal (its `journal_seq`): the chain_from this
        device epoch already holds, else its last wire seq (the ops up to it stay unkeyed)."""
        held = self.kv_get(CHAIN_FROM_KEY)
        return int(held) if held is not None else self.last_seq() - self.seq_base()

    def accept_chain_key(self, key: bytes, from_seq: int, *, relink: bool = False) -> int:
        """Keep this device epoch's chain key (in ``chain_keys``: the keyring, never this file) and
        the wire seq after which its ops carry the keyed link. ``relink`` (only where the key is held
        in memory alone, so a restart forgot it): pending ops above ``from_seq`` journalled without it
        are linked again with it. Returns how many ops were linked again."""
        if len(key) != KEY_BYTES:
            raise ValueError(f"a chain key is {KEY_BYTES} bytes")
        if self.chain_keys is None:
            self.chain_keys = MemoryChainKeys()
        self.chain_keys.save(self.device_id, key)  # first: an op is never keyed with a key not kept
        with self._tx() as db:
            self._kv_write(db, CHAIN_FROM_KEY, str(from_seq))
            if not relink:
                return 0
            row = db.execute("SELECT value FROM kv WHERE key = ?", (SEQ_BASE_KEY,)).fetchone()
            base = int(row[0]) if row is not None else 0
            start = base + from_seq
            first = db.execute(
                "SELECT prev_hash FROM ops WHERE seq > ? ORDER BY seq LIMIT 1", (start,)
            ).fetchone()
            sent = db.execute(
                "SELECT count(*) FROM ops WHERE seq > ? AND state != 'pending'", (start,)
            ).fetchone()[0]
            if first is None or not first[0] or sent:
                return 0  # nothing journalled above it, or already sent: left as it is
            return self._relink(db, self.device_id, base, start, str(first[0]), key)

    def start_epoch(self, new_device_id: str, sscc_block: int | None, chain_key: bytes | None = None) -> int:
        """Carry on under a new device id (the server's answer to a journal that restarted): pending
        ops are numbered from 1 under it, in their order, and nothing is dropped; with the new id's
        ``chain_key`` they carry the keyed link from the first. Returns how many ops are pending."""
        if chain_key is not None:
            if len(chain_key) != KEY_BYTES:
                raise ValueError(f"a chain key is {KEY_BYTES} bytes")
            if self.chain_keys is None:
                self.chain_keys = MemoryChainKeys()
            self.chain_keys.save(new_device_id, chain_key)
        old_id = self.device_id
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
            self._kv_write(db, CHAIN_FROM_KEY, None if chain_key is None else "0")
            # the ops of a new epoch chain afresh from its genesis: their device id and wire seqs changed
            self._relink(db, new_device_id, base, base, genesis(new_device_id), chain_key)
            pending = int(db.execute("SELECT count(*) FROM ops WHERE state = 'pending'").fetchone()[0])
        self.device_id = new_device_id
        if self.chain_keys is not None and old_id != new_device_id:
            self.chain_keys.clear(old_id)  # the old id is retired: its key links nothing any more
        return pending

    def _relink(self, db: Any, device_id: str, base: int, start: int, prev: str, key: bytes | None) -> int:
        """Compute again, in order, the prev_hash and hash of every op after local seq ``start``
        (the first chaining from ``prev``), under ``device_id`` with wire seqs counted from ``base``."""
        rows = db.execute("SELECT * FROM ops WHERE seq > ? ORDER BY seq", (start,)).fetchall()
        for row in rows:
            op = self._op_from_row(row)
            wire = op.to_wire()
            wire.update(device_id=device_id, seq=op.seq - base, prev_hash=prev)
            own = op_hash(wire, key)
            db.execute("UPDATE ops SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, own, op.seq))
            prev = own
        return len(rows)

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
