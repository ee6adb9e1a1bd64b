"""The operation journal: record (validate, apply the local effect, journal: one transaction),
the pending queue the sync engine pushes, and journal housekeeping. Plain sqlite3 (the hot path)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, Protocol

from shared.domain import (
    InvalidOperation,
    Operation,
    OpType,
    parse_iso,
    utc_iso,
    validate_payload,
)
from shared.domain.chain import genesis, op_hash

from .connection import StoreCore
from .effects import apply_effects
from .models import (
    Actor,
    Recorded,
)

SEQ_BASE_KEY = "device.seq_base"  # local seq of the last op before this device epoch began
# the wire seq after which this device epoch's ops carry the keyed link (the server's chain_from);
# unset: the device holds no chain key, its chain is unkeyed (docs/PROTOCOL.md, "The hash chain")
CHAIN_FROM_KEY = "chain.key_from"


class ChainKeys(Protocol):
    """Where a device's chain key is kept, by device id: the OS keyring like the tokens
    (shared.auth.tokens.KeyringChainKeys), never this SQLite file."""

    def load(self, device_id: str) -> bytes | None: ...

    def save(self, device_id: str, key: bytes) -> None: ...

    def clear(self, device_id: str) -> None: ...


class MemoryChainKeys:
    """Chain keys in memory only (a store used without a session)."""

    def __init__(self) -> None:
        self._keys: dict[str, bytes] = {}

    def load(self, device_id: str) -> bytes | None:
        return self._keys.get(device_id)

    def save(self, device_id: str, key: bytes) -> None:
        self._keys[device_id] = key

    def clear(self, device_id: str) -> None:
        self._keys.pop(device_id, None)


class Journal(StoreCore):
    chain_keys: ChainKeys | None = None  # the session sets it (shared.auth.Session): the keyring

    def _chain_key(self, db: sqlite3.Connection, wire_seq: int) -> bytes | None:
        """The key an op of this wire seq is linked with: this epoch's chain key above its chain_from,
        None below it or with no key held (the op is then linked unkeyed)."""
        row = db.execute("SELECT value FROM kv WHERE key = ?", (CHAIN_FROM_KEY,)).fetchone()
        if row is None or row[0] is None or wire_seq <= int(row[0]) or self.chain_keys is None:
            return None
        return self.chain_keys.load(self.device_id)

    def record(self, op_type: OpType | str, payload: Mapping[str, Any], actor: Actor) -> Recorded:
        """Validate, journal and apply one operation in ONE transaction; return it and what changed.

        Raises InvalidOperation (malformed payload, unknown unit/box/cell, wrong site...) or
        IllegalTransition (the domain table says no) and writes nothing; StoreError when the disk or
        database refuses the write (nothing is written then either). Only a returned op is confirmed.
        """
        kind, body = self._checked(op_type, payload)
        with self._tx() as db:
            return self._record_in(db, kind, body, actor)

    def record_many(
        self,
        records: Sequence[tuple[OpType | str, Mapping[str, Any]]],
        actor: Actor,
        *,
        kv: Mapping[str, str | None] | Callable[[list[Recorded]], Mapping[str, str | None]] | None = None,
    ) -> list[Recorded]:
        """Several operations of one user action (and local settings it changes) in ONE transaction.

        Either every op is journalled and applied, in order, with every `kv` value written, or
        nothing is (the first refusal raises as `record` does). A later op sees the effects of the
        earlier ones, so "open a box, pack the first unit" is one confirmed step. `kv` may be a
        function of the recorded ops (a setting that names an op's seq, say).
        """
        checked = [self._checked(op_type, payload) for op_type, payload in records]
        with self._tx() as db:
            done = [self._record_in(db, kind, body, actor) for kind, body in checked]
            values = kv(done) if callable(kv) else (kv or {})
            for key, value in values.items():
                self._kv_write(db, key, value)
            return done

    @staticmethod
    def _checked(op_type: OpType | str, payload: Mapping[str, Any]) -> tuple[OpType, dict[str, Any]]:
        try:
            kind = OpType(op_type)
        except ValueError as exc:
            raise InvalidOperation("unknown_type", f"unknown operation type {op_type!r}") from exc
        try:
            body: dict[str, Any] = json.loads(json.dumps(dict(payload)))  # a private, JSON-clean copy
        except (TypeError, ValueError) as exc:
            raise InvalidOperation("invalid_payload", f"{kind}: payload is not plain data: {exc}") from exc
        validate_payload(kind, body)
        return kind, body

    def _record_in(
        self, db: sqlite3.Connection, op_type: OpType, payload: dict[str, Any], actor: Actor
    ) -> Recorded:
        top = db.execute("SELECT seq, hash FROM ops ORDER BY seq DESC LIMIT 1").fetchone()
        seq = int(top[0]) + 1 if top is not None else 1
        base_row = db.execute("SELECT value FROM kv WHERE key = ?", (SEQ_BASE_KEY,)).fetchone()
        base = int(base_row[0]) if base_row is not None else 0
        # the chain: from the previous op of this device epoch, else from the epoch's genesis (an op
        # journalled before the chain existed has no hash: the chain starts here)
        prev = top[1] if top is not None and top[1] and int(top[0]) > base else genesis(self.device_id)
        op = Operation(
            op_id=self.ids.new(),
            device_id=self.device_id,
            seq=seq,
            type=op_type,
            payload=payload,
            actor=actor.user_id,
            created_at=self.clock.now(),
            prev_hash=prev,
        )
        wire = op.to_wire()
        wire["seq"] = seq - base  # what is hashed is what the server receives (epochs.wire)
        own = op_hash(wire, self._chain_key(db, seq - base))
        op = replace(op, hash=own)
        effect = apply_effects(db, op, actor)
        db.execute(
            """INSERT INTO ops (seq, op_id, type, payload, actor, created_at, prev_hash, hash)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                seq,
                op.op_id,
                op_type.value,
                json.dumps(payload, ensure_ascii=False),
                actor.user_id,
                utc_iso(op.created_at),
                prev,
                own,
            ),
        )
        db.executemany(
            "INSERT OR IGNORE INTO op_units (seq, unit_id) VALUES (?, ?)",
            [(seq, u) for u in effect.touched_units],
        )
        return Recorded(op, effect.changes)

    def _op_from_row(self, row: sqlite3.Row) -> Operation:
        return Operation(
            op_id=row["op_id"],
            device_id=self.device_id,
            seq=int(row["seq"]),
            type=OpType(row["type"]),
            payload=json.loads(row["payload"]),
            actor=row["actor"],
            created_at=parse_iso(row["created_at"]),
            prev_hash=row["prev_hash"],
            hash=row["hash"],
        )

    def pending_ops(self, limit: int = 250) -> list[Operation]:
        """The oldest pending ops, in seq order (what the next push sends)."""
        rows = self._q("SELECT * FROM ops WHERE state = 'pending' ORDER BY seq LIMIT ?", (limit,))
        return [self._op_from_row(r) for r in rows]

    def pending_count(self) -> int:
        return int(self._q("SELECT count(*) FROM ops WHERE state = 'pending'")[0][0])

    def oldest_pending_age(self, now: datetime) -> timedelta | None:
        row = self._one("SELECT created_at FROM ops WHERE state = 'pending' ORDER BY seq LIMIT 1")
        return None if row is None else max(timedelta(0), now - parse_iso(row[0]))

    def op(self, op_id: str) -> tuple[Operation, str] | None:
        """An op of the journal and its state ('pending', 'applied', 'rejected')."""
        row = self._one("SELECT * FROM ops WHERE op_id = ?", (op_id,))
        return None if row is None else (self._op_from_row(row), row["state"])

    def journal(self, *, since_seq: int = 0, limit: int = 1000) -> list[tuple[Operation, str]]:
        rows = self._q("SELECT * FROM ops WHERE seq > ? ORDER BY seq LIMIT ?", (since_seq, limit))
        return [(self._op_from_row(r), r["state"]) for r in rows]

    def ops_by(self, actor: str, types: Sequence[str], since: datetime) -> list[Operation]:
        """A user's ops of these types made on this device since a time, oldest first; rejected ones
        left out (they changed nothing). What a worker's shift figures are counted from."""
        marks = ", ".join("?" for _ in types)
        rows = self._q(
            f"""SELECT * FROM ops WHERE actor = ? AND type IN ({marks}) AND created_at >= ?
                AND state != 'rejected' ORDER BY seq""",
            (actor, *types, utc_iso(since)),
        )
        return [self._op_from_row(r) for r in rows]

    def journal_counts(self) -> dict[str, int]:
        """Ops by state: {'pending': n, 'applied': n, 'rejected': n}."""
        counts = {"pending": 0, "applied": 0, "rejected": 0}
        for state, n in self._q("SELECT state, count(*) FROM ops GROUP BY state"):
            counts[state] = int(n)
        return counts

    def prune_journal(self, acknowledged_before: datetime) -> int:
        """Delete applied ops acknowledged before the given time; return how many.

        Pending ops, rejected ops (they back the conflicts list) and the newest op (it carries the
        device's last seq, so numbering never restarts) are always kept.
        """
        with self._tx() as db:
            cur = db.execute(
                """DELETE FROM ops WHERE state = 'applied' AND acked_at < ?
                   AND seq < (SELECT MAX(seq) FROM ops)""",
                (utc_iso(acknowledged_before),),
            )
            return int(cur.rowcount)

    def last_seq(self) -> int:
        return int(self._q("SELECT COALESCE(MAX(seq), 0) FROM ops")[0][0])
