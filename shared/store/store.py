"""LocalStore: the one SQLite file of an app: journal, read models, sync bookkeeping.

Thread-safe: one connection guarded by a lock, so the UI thread and the sync worker can share a
store. Every write runs in one ``BEGIN IMMEDIATE`` transaction and commits with ``synchronous=FULL``
in WAL mode, so an operation that ``record`` returned is on disk.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from shared.barcodes.formats import make_sscc
from shared.domain import (
    BoxKind,
    Clock,
    IdFactory,
    InvalidOperation,
    Operation,
    OpType,
    Role,
    SiteKind,
    UnitStatus,
    box_status,
    order_status,
    parse_iso,
    utc_iso,
    validate_payload,
)

from .effects import apply_effects
from .errors import StoreError, translate
from .migrations import migrate
from .models import (
    Actor,
    BoxView,
    CachedUser,
    CellLoad,
    CellView,
    ChangeSet,
    Conflict,
    LocationView,
    OrderView,
    ProductView,
    PullApplied,
    PushOutcome,
    Recorded,
    RouteView,
    SiteView,
    TaskView,
    UnitView,
)

CURSOR_KEY = "sync.cursor"
DETAIL_LIMIT = 500  # pull pages larger than this report ChangeSet(full=True)
FTS_DIRTY_KEY = "catalog.fts_dirty"
GEN_KEY = "sync.gen"
SEQ_BASE_KEY = "device.seq_base"  # local seq of the last op before this device epoch began
EPOCH_OF_KEY = "device.epoch_of"  # the configured device id an epoch id stands in for
RESYNC_KEY = "sync.resync"
DEVICE_KEY = "device_id"

# pull entity -> (table, primary key column, extracted columns)
_ENTITY_TABLES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "site": ("sites", "id", ("kind", "name", "address", "storage_days")),
    "cell": ("cells", "id", ("site_id", "number", "capacity")),
    "location": ("locations", "id", ("site_id", "code")),
    "product": ("products", "sku", ("name", "brand", "price", "gtin", "needs_marking")),
    "order": (
        "orders",
        "id",
        ("customer_id", "pvz_id", "amount", "customer_name", "customer_phone", "phone_tail", "created_at"),
    ),
    "unit": ("units", "id", ()),
    "box": ("boxes", "id", ()),
    "route": ("routes", "id", ()),
    "task": ("tasks", "id", ("site_id", "order_id", "created_at")),
    "pickup_key": ("pickup_keys", "id", ("public_key",)),
    "revocation": ("revocations", "id", ()),
    "short_code": ("short_codes", "id", ("order_id", "hash", "salt")),
}
_CHANGE_FIELD = {
    "site": "sites",
    "cell": "cells",
    "location": "locations",
    "product": "products",
    "order": "orders",
    "unit": "units",
    "box": "boxes",
    "route": "routes",
    "task": "tasks",
}
_DEFAULTS: dict[str, Any] = {
    "storage_days": 7,
    "capacity": 10,
    "number": 0,
    "price": 0,
    "amount": 0,
    "needs_marking": 0,
    "created_at": None,
}

_UNIT_SELECT = """
SELECT u.*, p.name AS p_name, p.brand AS p_brand, p.gtin AS p_gtin, p.needs_marking AS p_marking,
       p.price AS p_price, o.customer_name AS o_name, o.customer_phone AS o_phone, c.number AS c_number,
       EXISTS (SELECT 1 FROM op_units t WHERE t.unit_id = u.id) AS pending
FROM units u
LEFT JOIN products p ON p.sku = u.sku
LEFT JOIN orders o ON o.id = u.order_id
LEFT JOIN cells c ON c.id = u.cell_id
"""


def _money(value: Any) -> int:
    if isinstance(value, Mapping):
        value = value.get("kopecks", value.get("amount", 0))
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _customer(data: Mapping[str, Any]) -> tuple[str, str]:
    cust = data.get("customer")
    name = data.get("customer_name") or (cust.get("name") if isinstance(cust, Mapping) else "") or ""
    phone = (
        data.get("customer_phone")
        or data.get("phone")
        or (cust.get("phone") if isinstance(cust, Mapping) else "")
        or ""
    )
    return str(name), str(phone)


def _phone_tail(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit())
    return digits[-4:]


def _dt(text: str | None) -> datetime | None:
    return parse_iso(text) if text else None


class LocalStore:
    """The app's local database. Open with ``LocalStore.open(path, device_id, clock)``."""

    def __init__(
        self, db: sqlite3.Connection, path: Path, device_id: str, clock: Clock, ids: IdFactory
    ) -> None:
        self._db = db
        self._lock = threading.RLock()
        self.path = path
        self.device_id = device_id
        self.clock = clock
        self.ids = ids
        self._gen = int(self.kv_get(GEN_KEY) or 0)

    # ------------------------------------------------------------------ opening and closing
    @classmethod
    def open(
        cls,
        path: Path | str,
        device_id: str,
        clock: Clock,
        ids: IdFactory | None = None,
        *,
        busy_timeout_ms: int = 5000,
        read_only: bool = False,
    ) -> LocalStore:
        """Open (creating and migrating if needed) the store at ``path``.

        Raises StoreError (ReadOnlyError, LockedError, DiskFullError, CorruptError) with a message
        for the user. ``read_only`` opens through a ``mode=ro`` URI (reading a store still works when
        its folder cannot be written; every write then raises ReadOnlyError).
        """
        path = Path(path)
        try:
            if read_only:
                db = sqlite3.connect(
                    f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
                )
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        except OSError as exc:
            raise StoreError("Не удалось создать папку данных приложения.", detail=str(exc)) from exc
        except sqlite3.Error as exc:
            raise translate(exc) from exc
        db.row_factory = sqlite3.Row
        try:
            db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            if not read_only:
                mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise StoreError("База данных не переключилась в режим WAL.", detail=str(mode))
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                migrate(db, utc_iso(clock.now()))
            store = cls(db, path, device_id, clock, ids or IdFactory(clock))
            if not read_only:
                store._claim_device(device_id)
        except sqlite3.Error as exc:
            db.close()
            raise translate(exc) from exc
        except BaseException:
            db.close()
            raise
        return store

    def _claim_device(self, device_id: str) -> None:
        known = self.kv_get(DEVICE_KEY)
        if known is not None and known != device_id and self.kv_get(EPOCH_OF_KEY) == device_id:
            self.device_id = known  # this store carries on under the epoch id the server gave it
            return
        if known is None:
            self.kv_set(DEVICE_KEY, device_id)
        elif known != device_id:
            has_ops = self._db.execute("SELECT 1 FROM ops LIMIT 1").fetchone() is not None
            if has_ops:
                raise StoreError(
                    "Эта база данных принадлежит другому устройству: журнал операций нельзя продолжить.",
                    detail=f"stored {known}, given {device_id}",
                )
            self.kv_set(DEVICE_KEY, device_id)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ plumbing
    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; sqlite errors become StoreError, anything raised rolls back."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise translate(exc) from exc
            try:
                yield self._db
            except sqlite3.Error as exc:
                self._rollback()
                raise translate(exc) from exc
            except BaseException:
                self._rollback()
                raise
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise translate(exc) from exc

    def _rollback(self) -> None:
        try:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise translate(exc) from exc

    def _one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        rows = self._q(sql, params)
        return rows[0] if rows else None

    # ------------------------------------------------------------------ settings
    def kv_get(self, key: str, default: str | None = None) -> str | None:
        row = self._one("SELECT value FROM kv WHERE key = ?", (key,))
        return str(row[0]) if row is not None else default

    def kv_set(self, key: str, value: str | None) -> None:
        """Set (or, with None, delete) a local setting."""
        with self._tx() as db:
            self._kv_write(db, key, value)

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

    @staticmethod
    def _kv_write(db: sqlite3.Connection, key: str, value: str | None) -> None:
        if value is None:
            db.execute("DELETE FROM kv WHERE key = ?", (key,))
        else:
            db.execute(
                "INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def migrations(self) -> list[str]:
        """Names of the migrations applied to this file, in order."""
        return [r[0] for r in self._q("SELECT name FROM _migrations ORDER BY rowid")]

    # ------------------------------------------------------------------ the journal
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
        seq = int(db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM ops").fetchone()[0])
        op = Operation(
            op_id=self.ids.new(),
            device_id=self.device_id,
            seq=seq,
            type=op_type,
            payload=payload,
            actor=actor.user_id,
            created_at=self.clock.now(),
        )
        effect = apply_effects(db, op, actor)
        db.execute(
            "INSERT INTO ops (seq, op_id, type, payload, actor, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                seq,
                op.op_id,
                op_type.value,
                json.dumps(payload, ensure_ascii=False),
                actor.user_id,
                utc_iso(op.created_at),
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

    # ------------------------------------------------------------------ device epochs (wire seqs)
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
            pending = int(db.execute("SELECT count(*) FROM ops WHERE state = 'pending'").fetchone()[0])
        self.device_id = new_device_id
        return pending

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

    def last_seq(self) -> int:
        return int(self._q("SELECT COALESCE(MAX(seq), 0) FROM ops")[0][0])

    def apply_push_results(self, results: Iterable[Mapping[str, Any]]) -> PushOutcome:
        """Mark each op the server answered for as applied or rejected, in one transaction.

        A rejected op goes to the conflicts table with the server's reason; units it touched that no
        other pending op touches fall back to the last state the server sent. Results for ops that
        are not pending (a replayed answer, say) are ignored.
        """
        applied = rejected = unknown = 0
        base = self.seq_base()
        changes = ChangeSet(journal=True)
        now = utc_iso(self.clock.now())
        with self._tx() as db:
            for res in results:
                row = db.execute(
                    "SELECT seq, state FROM ops WHERE op_id = ?", (str(res.get("op_id")),)
                ).fetchone()
                if row is None or row["state"] != "pending":
                    unknown += 1
                    continue
                if "seq" in res and res["seq"] is not None and int(res["seq"]) != int(row["seq"]) - base:
                    unknown += 1
                    continue
                seq = int(row["seq"])
                status = res.get("status")
                if status == "applied":
                    db.execute(
                        "UPDATE ops SET state = 'applied', result = ?, acked_at = ? WHERE seq = ?",
                        (json.dumps(dict(res), ensure_ascii=False), now, seq),
                    )
                    db.execute("DELETE FROM op_units WHERE seq = ?", (seq,))
                    applied += 1
                elif status == "rejected":
                    reason = res.get("reason") or {}
                    db.execute(
                        "UPDATE ops SET state = 'rejected', result = ?, acked_at = ? WHERE seq = ?",
                        (json.dumps(dict(res), ensure_ascii=False), now, seq),
                    )
                    db.execute(
                        "INSERT OR REPLACE INTO conflicts (op_id, reason_code, reason_message, rejected_at) "
                        "VALUES (?, ?, ?, ?)",
                        (
                            str(res["op_id"]),
                            str(reason.get("code", "rejected")),
                            str(reason.get("message", "")),
                            now,
                        ),
                    )
                    touched = [r[0] for r in db.execute("SELECT unit_id FROM op_units WHERE seq = ?", (seq,))]
                    db.execute("DELETE FROM op_units WHERE seq = ?", (seq,))
                    for unit_id in touched:
                        if self._revert_unit(db, unit_id):
                            changes.units.add(unit_id)
                    changes.conflicts = True
                    rejected += 1
                else:
                    unknown += 1
        return PushOutcome(applied, rejected, unknown, changes)

    @staticmethod
    def _revert_unit(db: sqlite3.Connection, unit_id: str) -> bool:
        if db.execute("SELECT 1 FROM op_units WHERE unit_id = ?", (unit_id,)).fetchone() is not None:
            return False
        cur = db.execute(
            "UPDATE units SET status = srv_status, box_id = srv_box_id, cell_id = srv_cell_id, "
            "location_id = srv_location_id, accepted_at = srv_accepted_at WHERE id = ? AND srv_status IS NOT NULL",
            (unit_id,),
        )
        return cur.rowcount > 0

    # ------------------------------------------------------------------ conflicts
    def _conflict(self, row: sqlite3.Row) -> Conflict:
        return Conflict(
            op_id=row["op_id"],
            seq=int(row["seq"]),
            op_type=row["type"],
            payload=json.loads(row["payload"]),
            actor=row["actor"],
            created_at=parse_iso(row["created_at"]),
            reason_code=row["reason_code"],
            reason_message=row["reason_message"],
            rejected_at=parse_iso(row["rejected_at"]),
            resolution=row["resolution"],
            resolution_reason=row["resolution_reason"],
            resolved_by=row["resolved_by"],
            resolved_at=_dt(row["resolved_at"]),
            retry_op_id=row["retry_op_id"],
        )

    def conflicts(self, *, include_resolved: bool = False) -> list[Conflict]:
        """Rejected ops, oldest first; open ones only unless asked."""
        where = "" if include_resolved else "WHERE c.resolution IS NULL"
        rows = self._q(
            f"SELECT c.*, o.seq, o.type, o.payload, o.actor, o.created_at FROM conflicts c "
            f"JOIN ops o ON o.op_id = c.op_id {where} ORDER BY o.seq"
        )
        return [self._conflict(r) for r in rows]

    def conflicts_count(self) -> int:
        return int(self._q("SELECT count(*) FROM conflicts WHERE resolution IS NULL")[0][0])

    def resolve_conflict(
        self,
        op_id: str,
        action: str,
        reason: str,
        actor: Actor,
        payload: Mapping[str, Any] | None = None,
    ) -> Recorded | None:
        """Resolve an open conflict.

        ``retry`` journals a NEW op (new op id, next seq) of the same type with ``payload`` (the
        fixed one) or the original payload, checked like any other op; ``discard`` records the
        reason. Both record who resolved it. Returns the new op for a retry.
        """
        if action not in ("retry", "discard"):
            raise ValueError("action is 'retry' or 'discard'")
        if action == "discard" and not reason.strip():
            raise InvalidOperation("reason_required", "укажите причину, по которой операция отменяется")
        with self._tx() as db:
            row = db.execute(
                "SELECT c.resolution, o.type, o.payload FROM conflicts c JOIN ops o ON o.op_id = c.op_id "
                "WHERE c.op_id = ?",
                (op_id,),
            ).fetchone()
            if row is None:
                raise InvalidOperation("unknown_conflict", f"конфликт {op_id} не найден")
            if row["resolution"] is not None:
                raise InvalidOperation("already_resolved", "конфликт уже разрешён")
            recorded: Recorded | None = None
            if action == "retry":
                body = json.loads(json.dumps(payload)) if payload is not None else json.loads(row["payload"])
                validate_payload(OpType(row["type"]), body)
                recorded = self._record_in(db, OpType(row["type"]), body, actor)
                recorded.changes.conflicts = True
            db.execute(
                "UPDATE conflicts SET resolution = ?, resolution_reason = ?, resolved_by = ?, resolved_at = ?, "
                "retry_op_id = ? WHERE op_id = ?",
                (
                    action,
                    reason,
                    actor.user_id,
                    utc_iso(self.clock.now()),
                    recorded.op.op_id if recorded else None,
                    op_id,
                ),
            )
            return recorded

    # ------------------------------------------------------------------ pull
    @property
    def cursor(self) -> str | None:
        """The pull cursor; None before the first page was ever applied."""
        return self.kv_get(CURSOR_KEY)

    @property
    def resync_in_progress(self) -> bool:
        return self.kv_get(RESYNC_KEY) == "1"

    def apply_pull_page(self, changes: Iterable[Mapping[str, Any]], next_cursor: str) -> PullApplied:
        """Apply one pull page and store ``next_cursor``, in one transaction.

        Units, orders and products (the bulk of a first sync) are written with one statement per
        entity kind; a page of more than DETAIL_LIMIT changes reports ``full`` instead of ids.
        """
        result = ChangeSet()
        page = list(changes)
        detailed = len(page) <= DETAIL_LIMIT
        bulk: dict[str, list[tuple[Any, ...]]] = {"unit": [], "order": [], "product": []}
        with self._tx() as db:
            for change in page:
                entity = str(change.get("entity", ""))
                if entity in bulk and change.get("op") != "delete":
                    bulk[entity].append(self._bulk_row(entity, change))
                    if detailed:
                        getattr(result, _CHANGE_FIELD[entity]).add(str(change["id"]))
                else:
                    self._apply_change(db, change, result)
            if bulk["product"]:
                self._bulk_products(db, bulk["product"])
            if bulk["order"]:
                self._bulk_orders(db, bulk["order"])
            if bulk["unit"]:
                self._bulk_units(db, bulk["unit"], result if detailed else None)
            self._kv_write(db, CURSOR_KEY, next_cursor)
        if not detailed:
            result.full = True
        return PullApplied(len(page), result)

    def _bulk_row(self, entity: str, change: Mapping[str, Any]) -> tuple[Any, ...]:
        key = str(change["id"])
        d: Mapping[str, Any] = change.get("data") or {}
        if entity == "unit":
            status = str(d.get("status") or UnitStatus.CREATED.value)
            accepted = d.get("accepted_at")
            if accepted is None and status == UnitStatus.ACCEPTED.value:
                accepted = d.get("updated_at")
            return (
                key,
                str(d.get("label") or ""),
                str(d.get("order_id") or ""),
                str(d.get("sku") or ""),
                str(d.get("pvz_id") or ""),
                str(d.get("customer_id") or ""),
                status,
                d.get("box_id"),
                d.get("cell_id"),
                d.get("location_id"),
                accepted,
                d.get("updated_at"),
                self._gen,
            )
        values = self._columns(entity, d)
        return (key, *values.values(), self._gen)

    def _bulk_products(self, db: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
        """Upsert products. A small batch updates the search index row by row; a big one (a first
        sync) marks the index for one rebuild at the end of the pull (finish_pull)."""
        small = len(rows) <= DETAIL_LIMIT
        skus = json.dumps([r[0] for r in rows])
        if small:
            db.execute(
                "INSERT INTO products_fts (products_fts, rowid, name, brand, sku, gtin) "
                "SELECT 'delete', rowid, name, brand, sku, gtin FROM products "
                "WHERE sku IN (SELECT value FROM json_each(?))",
                (skus,),
            )
        else:
            self._kv_write(db, FTS_DIRTY_KEY, "1")
        db.executemany(
            """INSERT INTO products (sku, name, brand, price, gtin, needs_marking, gen) VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (sku) DO UPDATE SET name = excluded.name, brand = excluded.brand, price = excluded.price,
                   gtin = excluded.gtin, needs_marking = excluded.needs_marking, gen = excluded.gen""",
            rows,
        )
        if small:
            db.execute(
                "INSERT INTO products_fts (rowid, name, brand, sku, gtin) SELECT rowid, name, brand, sku, gtin "
                "FROM products WHERE sku IN (SELECT value FROM json_each(?))",
                (skus,),
            )

    def _bulk_orders(self, db: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
        cols = ("id", *_ENTITY_TABLES["order"][2], "gen")
        updates = ", ".join(f"{c} = excluded.{c}" for c in cols[1:])
        db.executemany(
            f"INSERT INTO orders ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}",
            rows,
        )

    def _bulk_units(self, db: sqlite3.Connection, rows: list[tuple[Any, ...]], out: ChangeSet | None) -> None:
        ids = json.dumps([r[0] for r in rows])
        if out is not None:
            for r in db.execute(
                "SELECT order_id, box_id, cell_id FROM units WHERE id IN (SELECT value FROM json_each(?))",
                (ids,),
            ):
                out.orders.add(r["order_id"])
                if r["box_id"]:
                    out.boxes.add(r["box_id"])
                if r["cell_id"]:
                    out.cells.add(r["cell_id"])
            for r in rows:
                out.orders.add(r[2])
                if r[7]:
                    out.boxes.add(r[7])
                if r[8]:
                    out.cells.add(r[8])
        db.executemany(
            """INSERT INTO units (id, label, order_id, sku, pvz_id, customer_id, srv_status, srv_box_id, srv_cell_id,
                   srv_location_id, srv_accepted_at, updated_at, gen,
                   status, box_id, cell_id, location_id, accepted_at)
               VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?7, ?8, ?9, ?10, ?11)
               ON CONFLICT (id) DO UPDATE SET label = excluded.label, order_id = excluded.order_id,
                   sku = excluded.sku, pvz_id = excluded.pvz_id, customer_id = excluded.customer_id,
                   srv_status = excluded.srv_status, srv_box_id = excluded.srv_box_id,
                   srv_cell_id = excluded.srv_cell_id, srv_location_id = excluded.srv_location_id,
                   srv_accepted_at = excluded.srv_accepted_at, updated_at = excluded.updated_at,
                   gen = excluded.gen""",
            rows,
        )
        # The server's state shows unless a local op on the unit still waits for the server.
        db.execute(
            """UPDATE units SET status = srv_status, box_id = srv_box_id, cell_id = srv_cell_id,
                   location_id = srv_location_id, accepted_at = srv_accepted_at
               WHERE id IN (SELECT value FROM json_each(?))
                 AND (status IS NOT srv_status OR box_id IS NOT srv_box_id OR cell_id IS NOT srv_cell_id
                      OR location_id IS NOT srv_location_id OR accepted_at IS NOT srv_accepted_at)
                 AND NOT EXISTS (SELECT 1 FROM op_units t WHERE t.unit_id = units.id)""",
            (ids,),
        )

    def _apply_change(self, db: sqlite3.Connection, change: Mapping[str, Any], out: ChangeSet) -> None:
        entity = str(change.get("entity", ""))
        spec = _ENTITY_TABLES.get(entity)
        if spec is None:
            return  # an entity this client does not keep: newer server, ignore
        table, pk, _cols = spec
        key = str(change["id"])
        data: Mapping[str, Any] = change.get("data") or {}
        if field_name := _CHANGE_FIELD.get(entity):
            getattr(out, field_name).add(key)
        if entity in ("pickup_key", "revocation", "short_code"):
            out.pickup = True
        if change.get("op") == "delete":
            if entity == "unit":
                row = db.execute(
                    "SELECT order_id, box_id, cell_id FROM units WHERE id = ?", (key,)
                ).fetchone()
                if row is not None:
                    out.orders.add(row["order_id"])
            if entity == "task":
                db.execute("DELETE FROM task_units WHERE task_id = ?", (key,))
            if entity == "product":
                db.execute(
                    "INSERT INTO products_fts (products_fts, rowid, name, brand, sku, gtin) "
                    "SELECT 'delete', rowid, name, brand, sku, gtin FROM products WHERE sku = ?",
                    (key,),
                )
            db.execute(f"DELETE FROM {table} WHERE {pk} = ?", (key,))
            return
        blob = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if entity == "unit":
            self._upsert_unit(db, key, data, blob, out)
        elif entity == "box":
            self._upsert_box(db, key, data, blob)
        elif entity == "route":
            self._upsert_route(db, key, data, blob, out)
        else:
            values = self._columns(entity, data)
            if entity == "task":
                self._task_units(db, key, data)
            cols = [pk, *values.keys(), "data", "gen"]
            marks = ", ".join("?" for _ in cols)
            updates = ", ".join(f"{c} = excluded.{c}" for c in cols[1:])
            db.execute(
                f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks}) ON CONFLICT ({pk}) DO UPDATE SET {updates}",
                (key, *values.values(), blob, self._gen),
            )

    def _columns(self, entity: str, data: Mapping[str, Any]) -> dict[str, Any]:
        cols = _ENTITY_TABLES[entity][2]
        out: dict[str, Any] = {}
        if entity == "order":
            name, phone = _customer(data)
            data = {**data, "customer_name": name, "customer_phone": phone, "phone_tail": _phone_tail(phone)}
        for c in cols:
            v = data.get(c, data.get(f"{c}_kopecks", _DEFAULTS.get(c, "")))
            if c in ("price", "amount"):
                v = _money(v)
            elif c == "needs_marking":
                v = 1 if v else 0
            elif isinstance(v, bool):
                v = int(v)
            elif v is None and c not in ("created_at",):
                v = _DEFAULTS.get(c, "")
            out[c] = v
        if entity == "site":
            out["kind"] = str(out["kind"])
        return out

    @staticmethod
    def _task_units(db: sqlite3.Connection, task_id: str, data: Mapping[str, Any]) -> None:
        unit_ids = data.get("unit_ids")
        if unit_ids is None and isinstance(data.get("units"), list):  # the backend sends unit records
            unit_ids = [u["id"] for u in data["units"] if isinstance(u, Mapping) and "id" in u]
        if unit_ids is None:
            return
        db.execute("DELETE FROM task_units WHERE task_id = ?", (task_id,))
        db.executemany(
            "INSERT INTO task_units (task_id, position, unit_id) VALUES (?, ?, ?)",
            [(task_id, i, str(u)) for i, u in enumerate(unit_ids)],
        )

    def _upsert_unit(
        self, db: sqlite3.Connection, key: str, d: Mapping[str, Any], blob: str, out: ChangeSet
    ) -> None:
        old = db.execute("SELECT order_id, box_id, cell_id FROM units WHERE id = ?", (key,)).fetchone()
        if old is not None:
            out.orders.add(old["order_id"])
            if old["box_id"]:
                out.boxes.add(old["box_id"])
            if old["cell_id"]:
                out.cells.add(old["cell_id"])
        status = str(d.get("status") or UnitStatus.CREATED.value)
        accepted = d.get("accepted_at")
        if accepted is None and status == UnitStatus.ACCEPTED.value:
            accepted = d.get("updated_at")
        vals = (
            key,
            str(d.get("label") or ""),
            str(d.get("order_id") or ""),
            str(d.get("sku") or ""),
            str(d.get("pvz_id") or ""),
            str(d.get("customer_id") or ""),
            status,
            d.get("box_id"),
            d.get("cell_id"),
            d.get("location_id"),
            accepted,
            d.get("updated_at"),
            blob,
            self._gen,
        )
        db.execute(
            """INSERT INTO units (id, label, order_id, sku, pvz_id, customer_id, srv_status, srv_box_id, srv_cell_id,
                   srv_location_id, srv_accepted_at, updated_at, data, gen,
                   status, box_id, cell_id, location_id, accepted_at)
               VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?7, ?8, ?9, ?10, ?11)
               ON CONFLICT (id) DO UPDATE SET label = excluded.label, order_id = excluded.order_id,
                   sku = excluded.sku, pvz_id = excluded.pvz_id, customer_id = excluded.customer_id,
                   srv_status = excluded.srv_status, srv_box_id = excluded.srv_box_id,
                   srv_cell_id = excluded.srv_cell_id, srv_location_id = excluded.srv_location_id,
                   srv_accepted_at = excluded.srv_accepted_at, updated_at = excluded.updated_at,
                   data = excluded.data, gen = excluded.gen""",
            vals,
        )
        # The server's state shows unless a local op on this unit still waits for the server.
        db.execute(
            """UPDATE units SET status = srv_status, box_id = srv_box_id, cell_id = srv_cell_id,
                   location_id = srv_location_id, accepted_at = srv_accepted_at
               WHERE id = ? AND NOT EXISTS (SELECT 1 FROM op_units WHERE unit_id = ?)""",
            (key, key),
        )
        if d.get("box_id"):
            out.boxes.add(str(d["box_id"]))
        if d.get("cell_id"):
            out.cells.add(str(d["cell_id"]))
        if d.get("order_id"):
            out.orders.add(str(d["order_id"]))

    def _upsert_box(self, db: sqlite3.Connection, key: str, d: Mapping[str, Any], blob: str) -> None:
        db.execute(
            """INSERT INTO boxes (id, kind, origin_site_id, destination_site_id, closed, route_id, acceptance_closed,
                   handed_over, local_only, data, gen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
               ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, origin_site_id = excluded.origin_site_id,
                   destination_site_id = excluded.destination_site_id,
                   closed = MAX(boxes.closed, excluded.closed),
                   route_id = COALESCE(excluded.route_id, boxes.route_id),
                   acceptance_closed = MAX(boxes.acceptance_closed, excluded.acceptance_closed),
                   handed_over = MAX(boxes.handed_over, excluded.handed_over),
                   local_only = 0, data = excluded.data, gen = excluded.gen""",
            (
                key,
                str(d.get("kind") or BoxKind.FORWARD.value),
                str(d.get("origin_site_id") or ""),
                str(d.get("destination_site_id") or ""),
                1 if d.get("closed") else 0,
                d.get("route_id"),
                1 if d.get("acceptance_closed") or d.get("accepted_at") else 0,
                1 if d.get("handed_over") or d.get("handed_over_at") else 0,
                blob,
                self._gen,
            ),
        )

    def _upsert_route(
        self, db: sqlite3.Connection, key: str, d: Mapping[str, Any], blob: str, out: ChangeSet
    ) -> None:
        db.execute(
            """INSERT INTO routes (id, origin_site_id, destination_site_id, closed, local_only, data, gen)
               VALUES (?, ?, ?, ?, 0, ?, ?)
               ON CONFLICT (id) DO UPDATE SET origin_site_id = excluded.origin_site_id,
                   destination_site_id = excluded.destination_site_id, closed = MAX(routes.closed, excluded.closed),
                   local_only = 0, data = excluded.data, gen = excluded.gen""",
            (
                key,
                str(d.get("origin_site_id") or ""),
                str(d.get("destination_site_id") or ""),
                1 if d.get("closed") else 0,
                blob,
                self._gen,
            ),
        )
        for box_id in d.get("box_ids") or ():
            db.execute("UPDATE boxes SET route_id = ? WHERE id = ?", (key, str(box_id)))
            out.boxes.add(str(box_id))

    def local_counts(self) -> dict[str, int]:
        """Local totals per pull entity, comparable with the server's ``counts`` (local-only rows excluded)."""
        out: dict[str, int] = {}
        for entity, (table, _pk, _cols) in _ENTITY_TABLES.items():
            local_only = " WHERE local_only = 0" if table in ("boxes", "routes") else ""
            out[entity] = int(self._q(f"SELECT count(*) FROM {table}{local_only}")[0][0])
        return out

    def start_resync(self) -> None:
        """Pull everything again from an empty cursor; rows the server no longer sends go at the end."""
        with self._tx() as db:
            self._gen += 1
            self._kv_write(db, GEN_KEY, str(self._gen))
            self._kv_write(db, RESYNC_KEY, "1")
            self._kv_write(db, CURSOR_KEY, "")

    def finish_pull(self) -> ChangeSet:
        """Call after the last page (has_more false). Ends a resync (drops rows the server did not
        send) and rebuilds the catalog search index after a bulk load."""
        out = ChangeSet()
        if self.resync_in_progress:
            with self._tx() as db:
                for table, _pk, _cols in _ENTITY_TABLES.values():
                    extra = " AND local_only = 0" if table in ("boxes", "routes") else ""
                    if table == "tasks":
                        db.execute(
                            "DELETE FROM task_units WHERE task_id IN (SELECT id FROM tasks WHERE gen < ?)",
                            (self._gen,),
                        )
                    db.execute(f"DELETE FROM {table} WHERE gen < ?{extra}", (self._gen,))
                self._kv_write(db, RESYNC_KEY, None)
                self._kv_write(db, FTS_DIRTY_KEY, "1")
            out.full = True
        if self.kv_get(FTS_DIRTY_KEY) == "1":
            with self._tx() as db:
                db.execute("INSERT INTO products_fts (products_fts) VALUES ('rebuild')")
                self._kv_write(db, FTS_DIRTY_KEY, None)
            out.full = True
        return out

    # ------------------------------------------------------------------ read models: units
    def _unit_view(self, r: sqlite3.Row) -> UnitView:
        return UnitView(
            id=r["id"],
            label=r["label"],
            order_id=r["order_id"],
            sku=r["sku"],
            status=UnitStatus(r["status"]),
            pvz_id=r["pvz_id"],
            customer_id=r["customer_id"],
            box_id=r["box_id"],
            cell_id=r["cell_id"],
            location_id=r["location_id"],
            product_name=r["p_name"] or "",
            brand=r["p_brand"] or "",
            gtin=r["p_gtin"] or "",
            needs_marking=bool(r["p_marking"]),
            price=int(r["p_price"] or 0),
            customer_name=r["o_name"] or "",
            customer_phone=r["o_phone"] or "",
            cell_number=r["c_number"],
            accepted_at=_dt(r["accepted_at"]),
            pending=bool(r["pending"]),
        )

    def _units(self, where: str, params: Sequence[Any] = (), order: str = "u.label") -> list[UnitView]:
        return [self._unit_view(r) for r in self._q(f"{_UNIT_SELECT} WHERE {where} ORDER BY {order}", params)]

    def unit(self, unit_id: str) -> UnitView | None:
        found = self._units("u.id = ?", (unit_id,))
        return found[0] if found else None

    def unit_by_label(self, label: str) -> UnitView | None:
        found = self._units("u.label = ?", (label,))
        return found[0] if found else None

    def units_in_box(self, box_id: str) -> list[UnitView]:
        return self._units("u.box_id = ?", (box_id,))

    def units_for_order(self, order_id: str) -> list[UnitView]:
        return self._units("u.order_id = ?", (order_id,))

    def units_for_customer(self, customer_id: str, *statuses: UnitStatus | str) -> list[UnitView]:
        if statuses:
            marks = ", ".join("?" for _ in statuses)
            return self._units(
                f"u.customer_id = ? AND u.status IN ({marks})", (customer_id, *map(str, statuses))
            )
        return self._units("u.customer_id = ?", (customer_id,))

    def units_by_status(self, *statuses: UnitStatus | str, limit: int | None = None) -> list[UnitView]:
        marks = ", ".join("?" for _ in statuses) or "NULL"
        order = "u.label" + (f" LIMIT {int(limit)}" if limit else "")
        return self._units(f"u.status IN ({marks})", tuple(map(str, statuses)), order)

    def count_by_status(self) -> dict[UnitStatus, int]:
        return {
            UnitStatus(s): int(n) for s, n in self._q("SELECT status, count(*) FROM units GROUP BY status")
        }

    def expired_units(self, now: datetime, site_id: str | None = None) -> list[UnitView]:
        """ACCEPTED units kept longer than their PVZ's storage days (default 7)."""
        rows = self._q(
            f"""{_UNIT_SELECT} LEFT JOIN sites s ON s.id = u.pvz_id
                WHERE u.status = 'ACCEPTED' AND u.accepted_at IS NOT NULL AND (? IS NULL OR u.pvz_id = ?)
                ORDER BY u.accepted_at""",
            (site_id, site_id),
        )
        days = {r["id"]: int(r["storage_days"]) for r in self._q("SELECT id, storage_days FROM sites")}
        out = []
        for r in rows:
            keep = timedelta(days=days.get(r["pvz_id"], 7))
            if parse_iso(r["accepted_at"]) + keep <= now:
                out.append(self._unit_view(r))
        return out

    # ------------------------------------------------------------------ orders and customers
    def _order_view(self, r: sqlite3.Row) -> OrderView:
        statuses = [s for (s,) in self._q("SELECT status FROM units WHERE order_id = ?", (r["id"],))]
        return OrderView(
            id=r["id"],
            customer_id=r["customer_id"],
            pvz_id=r["pvz_id"],
            amount=int(r["amount"]),
            customer_name=r["customer_name"],
            customer_phone=r["customer_phone"],
            created_at=_dt(r["created_at"]),
            status=order_status(statuses).value,
            unit_count=len(statuses),
        )

    def order(self, order_id: str) -> OrderView | None:
        row = self._one("SELECT * FROM orders WHERE id = ?", (order_id,))
        return None if row is None else self._order_view(row)

    def orders_for_customer(self, customer_id: str) -> list[OrderView]:
        rows = self._q("SELECT * FROM orders WHERE customer_id = ? ORDER BY created_at", (customer_id,))
        return [self._order_view(r) for r in rows]

    def orders_by_phone_suffix(self, digits: str) -> list[OrderView]:
        """Orders whose customer phone ends with ``digits`` (the last 4 or more digits)."""
        digits = "".join(ch for ch in digits if ch.isdigit())
        if len(digits) < 4:
            return []
        rows = self._q("SELECT * FROM orders WHERE phone_tail = ? ORDER BY created_at", (digits[-4:],))
        picked = [
            r for r in rows if "".join(ch for ch in r["customer_phone"] if ch.isdigit()).endswith(digits)
        ]
        return [self._order_view(r) for r in picked]

    # ------------------------------------------------------------------ boxes and routes
    def _box_view(self, r: sqlite3.Row) -> BoxView:
        statuses = [s for (s,) in self._q("SELECT status FROM units WHERE box_id = ?", (r["id"],))]
        kind = BoxKind(r["kind"]) if r["kind"] in ("forward", "return") else BoxKind.FORWARD
        return BoxView(
            id=r["id"],
            kind=kind.value,
            origin_site_id=r["origin_site_id"],
            destination_site_id=r["destination_site_id"],
            closed=bool(r["closed"]),
            route_id=r["route_id"],
            acceptance_closed=bool(r["acceptance_closed"]),
            handed_over=bool(r["handed_over"]),
            unit_count=len(statuses),
            local_only=bool(r["local_only"]),
            status=box_status(kind, statuses, bool(r["closed"])).value,
        )

    def box(self, box_id: str) -> BoxView | None:
        row = self._one("SELECT * FROM boxes WHERE id = ?", (box_id,))
        return None if row is None else self._box_view(row)

    def boxes(
        self,
        kind: BoxKind | str | None = None,
        status: str | None = None,
        *,
        destination: str | None = None,
        route_id: str | None = None,
    ) -> list[BoxView]:
        """Boxes, filtered by kind, derived status (BoxStatus value), destination or route."""
        where, params = ["1"], []
        if kind is not None:
            where.append("kind = ?")
            params.append(str(kind))
        if destination is not None:
            where.append("destination_site_id = ?")
            params.append(destination)
        if route_id is not None:
            where.append("route_id = ?")
            params.append(route_id)
        views = [
            self._box_view(r)
            for r in self._q(f"SELECT * FROM boxes WHERE {' AND '.join(where)} ORDER BY id", params)
        ]
        return [b for b in views if status is None or b.status == str(status)]

    def surplus(self, box_id: str) -> list[str]:
        """Labels recorded as surplus in a box, in order."""
        return [r[0] for r in self._q("SELECT label FROM surplus WHERE box_id = ? ORDER BY id", (box_id,))]

    def _route_view(self, r: sqlite3.Row) -> RouteView:
        boxes = tuple(
            b for (b,) in self._q("SELECT id FROM boxes WHERE route_id = ? ORDER BY id", (r["id"],))
        )
        return RouteView(r["id"], r["origin_site_id"], r["destination_site_id"], boxes, bool(r["closed"]))

    def route(self, route_id: str) -> RouteView | None:
        row = self._one("SELECT * FROM routes WHERE id = ?", (route_id,))
        return None if row is None else self._route_view(row)

    def routes(self, *, open_only: bool = False) -> list[RouteView]:
        where = "WHERE closed = 0" if open_only else ""
        return [self._route_view(r) for r in self._q(f"SELECT * FROM routes {where} ORDER BY id")]

    # ------------------------------------------------------------------ sites, cells, locations
    def site(self, site_id: str) -> SiteView | None:
        r = self._one("SELECT * FROM sites WHERE id = ?", (site_id,))
        return (
            None
            if r is None
            else SiteView(r["id"], r["kind"], r["name"], r["address"], int(r["storage_days"]))
        )

    @staticmethod
    def _cell_view(r: sqlite3.Row) -> CellView:
        number = int(r["number"])
        label = f"C-{r['site_id']}-{number:04d}" if r["site_id"] else r["id"]
        return CellView(r["id"], r["site_id"], number, int(r["capacity"]), label)

    def cell(self, cell_id: str) -> CellView | None:
        r = self._one("SELECT * FROM cells WHERE id = ?", (cell_id,))
        return None if r is None else self._cell_view(r)

    def cell_by_number(self, site_id: str, number: int) -> CellView | None:
        r = self._one("SELECT * FROM cells WHERE site_id = ? AND number = ?", (site_id, number))
        return None if r is None else self._cell_view(r)

    def cells(self, site_id: str | None = None) -> list[CellView]:
        rows = self._q(
            "SELECT * FROM cells WHERE ? IS NULL OR site_id = ? ORDER BY site_id, number", (site_id, site_id)
        )
        return [self._cell_view(r) for r in rows]

    def cell_contents(self, cell_id: str) -> list[UnitView]:
        return self._units("u.cell_id = ?", (cell_id,), "u.customer_id, u.label")

    def cell_load(self, site_id: str | None = None) -> list[CellLoad]:
        """Every cell with the units and customers in it now."""
        rows = self._q(
            """SELECT c.*, count(u.id) AS n, count(DISTINCT u.customer_id) AS k FROM cells c
               LEFT JOIN units u ON u.cell_id = c.id AND u.status IN ('ACCEPTED', 'REFUSED', 'DAMAGED')
               WHERE ? IS NULL OR c.site_id = ? GROUP BY c.id ORDER BY c.site_id, c.number""",
            (site_id, site_id),
        )
        return [CellLoad(self._cell_view(r), int(r["n"]), int(r["k"])) for r in rows]

    def suggest_cell(self, customer_id: str, site_id: str) -> CellView | None:
        """Where to put a customer's unit: the cell already holding their units, else the emptiest cell."""
        r = self._one(
            """SELECT c.* FROM units u JOIN cells c ON c.id = u.cell_id
               WHERE u.customer_id = ? AND u.status = 'ACCEPTED' AND c.site_id = ?
               GROUP BY c.id ORDER BY count(*) DESC, c.number LIMIT 1""",
            (customer_id, site_id),
        )
        if r is not None:
            return self._cell_view(r)
        free = [load for load in self.cell_load(site_id) if load.units < load.cell.capacity]
        if not free:
            return None
        return min(free, key=lambda load: (load.units, load.cell.number)).cell

    def location(self, location_id: str) -> LocationView | None:
        r = self._one("SELECT * FROM locations WHERE id = ?", (location_id,))
        return None if r is None else LocationView(r["id"], r["site_id"], r["code"])

    def locations(self, site_id: str | None = None) -> list[LocationView]:
        rows = self._q(
            "SELECT * FROM locations WHERE ? IS NULL OR site_id = ? ORDER BY code", (site_id, site_id)
        )
        return [LocationView(r["id"], r["site_id"], r["code"]) for r in rows]

    # ------------------------------------------------------------------ pick tasks
    def _task_view(self, r: sqlite3.Row) -> TaskView:
        return TaskView(
            r["id"], r["site_id"], r["order_id"], _dt(r["created_at"]), int(r["total"]), int(r["done"])
        )

    _TASKS = """SELECT t.*, count(tu.unit_id) AS total,
                       count(CASE WHEN u.status IS NOT NULL AND u.status NOT IN ('PAID', 'CREATED') THEN 1 END) AS done
                FROM tasks t LEFT JOIN task_units tu ON tu.task_id = t.id LEFT JOIN units u ON u.id = tu.unit_id"""

    def pick_tasks(self, open_only: bool = True) -> list[TaskView]:
        rows = self._q(f"{self._TASKS} GROUP BY t.id ORDER BY t.created_at, t.id")
        views = [self._task_view(r) for r in rows]
        return [t for t in views if t.open] if open_only else views

    def pick_task(self, task_id: str) -> TaskView | None:
        r = self._one(f"{self._TASKS} WHERE t.id = ? GROUP BY t.id", (task_id,))
        return None if r is None or r["id"] is None else self._task_view(r)

    def task_units(self, task_id: str) -> list[UnitView]:
        """A task's units in picking order."""
        return self._units(
            "u.id IN (SELECT unit_id FROM task_units WHERE task_id = ?)",
            (task_id, task_id),  # WHERE's placeholder first, then ORDER BY's
            "(SELECT position FROM task_units WHERE task_id = ? AND unit_id = u.id)",
        )

    # ------------------------------------------------------------------ catalog
    @staticmethod
    def _product(r: sqlite3.Row) -> ProductView:
        return ProductView(
            r["sku"], r["name"], r["brand"], int(r["price"]), r["gtin"], bool(r["needs_marking"])
        )

    def product(self, sku: str) -> ProductView | None:
        r = self._one("SELECT * FROM products WHERE sku = ?", (sku,))
        return None if r is None else self._product(r)

    def product_by_gtin(self, gtin: str) -> ProductView | None:
        r = self._one("SELECT * FROM products WHERE gtin = ? LIMIT 1", (gtin,))
        return None if r is None else self._product(r)

    def catalog_search(self, query: str, limit: int = 50) -> list[ProductView]:
        """Full-text search of the cached catalog: every word must match, the last one as a prefix."""
        words = ["".join(ch for ch in w if ch.isalnum()) for w in query.split()]
        words = [w for w in words if w]
        if not words:
            return []
        match = " AND ".join(f'"{w}"*' for w in words)
        rows = self._q(
            "SELECT p.* FROM products_fts f JOIN products p ON p.rowid = f.rowid WHERE products_fts MATCH ? "
            "ORDER BY rank LIMIT ?",
            (match, limit),
        )
        return [self._product(r) for r in rows]

    def product_count(self) -> int:
        return int(self._q("SELECT count(*) FROM products")[0][0])

    # ------------------------------------------------------------------ offline pickup material
    def pickup_keys(self) -> list[str]:
        """The backend's pickup public keys (base64 Ed25519), as pulled."""
        return [r[0] for r in self._q("SELECT public_key FROM pickup_keys ORDER BY id")]

    def is_revoked(self, token_id: str) -> bool:
        return self._one("SELECT 1 FROM revocations WHERE id = ?", (token_id,)) is not None

    def revocations(self) -> set[str]:
        return {r[0] for r in self._q("SELECT id FROM revocations")}

    def short_code_hashes(self) -> dict[str, str]:
        """hash -> order id, for orders with units at this PVZ."""
        return {r[0]: r[1] for r in self._q("SELECT hash, order_id FROM short_codes")}

    def short_code_salts(self) -> list[str]:
        """The distinct salts the short-code hashes were made with (one per PVZ)."""
        return [r[0] for r in self._q("SELECT DISTINCT salt FROM short_codes WHERE salt != ''")]

    def order_for_short_code_hash(self, digest: str) -> str | None:
        r = self._one("SELECT order_id FROM short_codes WHERE hash = ?", (digest,))
        return None if r is None else str(r[0])

    # ------------------------------------------------------------------ users who logged in here
    def remember_user(self, user: CachedUser) -> None:
        """Save or update a user after an online login, with their argon2id verifier."""
        with self._tx() as db:
            db.execute("DELETE FROM users WHERE username = ? AND user_id != ?", (user.username, user.user_id))
            db.execute(
                """INSERT INTO users (user_id, username, role, site_id, site_kind, display_name, verifier, last_login)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET username = excluded.username,
                   role = excluded.role, site_id = excluded.site_id, site_kind = excluded.site_kind,
                   display_name = excluded.display_name, verifier = excluded.verifier, last_login = excluded.last_login""",
                (
                    user.user_id,
                    user.username,
                    user.role.value,
                    user.site_id,
                    user.site_kind.value,
                    user.display_name,
                    user.verifier,
                    utc_iso(user.last_login) if user.last_login else None,
                ),
            )

    def cached_user(self, username: str) -> CachedUser | None:
        r = self._one("SELECT * FROM users WHERE username = ?", (username,))
        if r is None:
            return None
        return CachedUser(
            r["user_id"],
            r["username"],
            Role(r["role"]),
            r["site_id"],
            SiteKind(r["site_kind"]),
            r["display_name"],
            r["verifier"],
            _dt(r["last_login"]),
        )

    def cached_users(self) -> list[str]:
        return [r[0] for r in self._q("SELECT username FROM users ORDER BY username")]

    def forget_user(self, username: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM users WHERE username = ?", (username,))
