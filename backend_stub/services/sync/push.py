"""Push: exactly-once application of a device's journalled operations, in order.

Every unit effect of an operation goes through shared.domain.check_transition with the actor's role
and the device's site kind; each op is applied atomically together with its stored result.

Ops are committed in groups (one transaction each). Inside a group an op either goes through its
handler (handlers.py) in its own savepoint (a rejection rolls back just that op), or a run of new
single-unit ops takes the batched path (batched.py). A repeat (the same op id, or a seq the device
already used for it) is answered from its stored result. The answer is built in one place (_Answers).
"""

from __future__ import annotations

import hmac
from collections import deque
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from shared.domain import InvalidOperation, Operation, SiteKind, parse_iso
from shared.domain.chain import genesis, op_hash

from ...context import AppContext, dumps
from ...db import Bulk, Fast, FastRow, Savepoint, devices, op_results
from ...errors import ApiError
from ..auth import Principal
from ..changes import FeedItem, publish_many
from .batched import RUN_MAX_OPS, apply_batched, fresh_run
from .handlers import apply_handler
from .opcontext import SYNC_ROLES, Actors, OpContext, Reject, admit
from .queries import rows_in

MAX_OPS_PER_PUSH = 500
MAX_PAYLOAD_BYTES = 16 * 1024  # one op's payload, as JSON; a bigger one is rejected, not stored
MAX_CLOCK_AHEAD_S = 24 * 3600  # an op made further in the future than this is refused
GROUP_MAX_OPS = 50  # ops committed together at most (each still atomic with its result row)
GROUP_MAX_SECONDS = 0.02  # and the write lock is held at most about this long
# Op types whose every write is the pushing site's own (its units' cells, its locations' counts, the
# device's results), but for feed rows: a push of these alone takes its site's lock on PostgreSQL and
# runs beside other sites' pushes (database.Database.write). A type that changes a unit's status re-derives
# its order's status, which another site's op on the same order could race: it takes the global lock.
SITE_SCOPED_TYPES = frozenset({"unit.move", "count.record"})

_DEVICE = Fast(
    select(devices.c.last_seq, devices.c.site_id, devices.c.last_hash, devices.c.chain_from).where(
        devices.c.device_id == bindparam("b_device")
    )
)
_RESULT_BY_SEQ = Fast(
    select(op_results).where(
        op_results.c.device_id == bindparam("b_device"), op_results.c.seq == bindparam("b_seq")
    )
)
_RESULT_COLUMNS = [c.name for c in op_results.columns]
_ADD_RESULT = Fast(insert(op_results).values({c: bindparam("b_" + c) for c in _RESULT_COLUMNS}))
_ADD_RESULTS = Bulk("insert", op_results, _RESULT_COLUMNS)
_SET_LAST_SEQ = Fast(
    update(devices)
    .where(devices.c.device_id == bindparam("b_device"))
    .values(last_seq=bindparam("b_seq"), last_hash=bindparam("b_hash"), updated_at=bindparam("b_now"))
)
_SET_LAST_SEQ_ONLY = Fast(
    update(devices)
    .where(devices.c.device_id == bindparam("b_device"))
    .values(last_seq=bindparam("b_seq"), updated_at=bindparam("b_now"))
)

_UNSET = object()


class _Answers:
    """The push's answer, built here only: one result per op in order (new or replayed), and for a new
    op its op_results row and the entry a later repeat in the same request is answered from."""

    def __init__(
        self,
        device_id: str,
        site_id: str,
        stored_by_op: dict[str, Any],
        chain: Mapping[str, tuple[str | None, str | None]],
        encoded: Mapping[str, tuple[Any, str]],
    ) -> None:
        self.device_id = device_id
        self.site_id = site_id
        self.stored_by_op = stored_by_op
        self.chain = chain  # op id -> (prev_hash as sent, the op's hash as computed here)
        self.encoded = encoded  # op id -> (its payload, that payload as JSON), from _precheck
        self.results: list[dict[str, Any]] = []

    def replayed(self, row: Any) -> None:
        reason = {"code": row.reason_code, "message": row.reason_message} if row.reason_code else None
        self.results.append(
            {"op_id": row.op_id, "seq": row.seq, "status": row.status, "reason": reason, "replayed": True}
        )

    def _payload_json(self, op_id: str, payload: Any) -> str:
        hit = self.encoded.get(op_id)
        return hit[1] if hit is not None and hit[0] is payload else dumps(payload)

    def new(
        self, raw: Mapping[str, Any], status: str, code: str | None, message: str | None, applied_at: str
    ) -> dict[str, Any]:
        """Answer a new op; return its op_results row (statement parameters)."""
        op_id, seq = str(raw["op_id"]), int(raw["seq"])
        reason = {"code": code, "message": message} if code else None
        self.results.append(
            {"op_id": op_id, "seq": seq, "status": status, "reason": reason, "replayed": False}
        )
        self.stored_by_op[op_id] = FastRow(
            {"op_id": op_id, "seq": seq, "status": status, "reason_code": code, "reason_message": message}
        )
        prev_hash, own = self.chain.get(op_id, (None, None))
        return {
            "b_op_id": op_id,
            "b_device_id": self.device_id,
            "b_seq": seq,
            "b_type": str(raw.get("type", ""))[:40],
            "b_actor": str(raw.get("actor", ""))[:26],
            "b_site_id": self.site_id,
            "b_status": status,
            "b_reason_code": code,
            "b_reason_message": message,
            "b_payload": self._payload_json(op_id, raw.get("payload")),
            "b_created_at": str(raw.get("created_at", ""))[:30],
            "b_applied_at": applied_at,
            "b_prev_hash": prev_hash,
            "b_hash": own,
        }


def _apply_one(
    ctx: AppContext, conn: Connection, raw: Mapping[str, Any], caller: Principal, actors: Actors
) -> tuple[str, str | None, str | None]:
    """Apply one op inside the caller's transaction; return (status, reason code, reason message)."""
    try:
        op = Operation.from_wire(raw)
    except InvalidOperation as exc:
        code = exc.code if exc.code in ("unknown_type", "invalid_payload") else "invalid_payload"
        return "rejected", code, exc.message
    assert caller.site_id is not None
    role, rejection = admit(conn, op, caller, actors)
    if role is None:
        assert rejection is not None
        return rejection
    octx = OpContext(ctx, conn, op, role, caller.site_id, caller.site_kind)
    savepoint = Savepoint(conn)
    try:
        apply_handler(octx, op.payload)
    except Reject as exc:
        savepoint.rollback()
        return "rejected", exc.code, exc.message
    except (KeyError, TypeError, ValueError) as exc:
        savepoint.rollback()
        return "rejected", "invalid_payload", f"{op.type}: {exc}"
    savepoint.commit()
    return "applied", None, None


def _precheck(
    ctx: AppContext, raw: Mapping[str, Any], encoded: dict[str, tuple[Any, str]]
) -> tuple[str, str] | None:
    """What refuses an op before any handler sees it: a payload over the size limit, a time far in the
    future. Such an op is rejected (it still takes its seq), and an oversized payload is not stored.
    The payload's JSON goes into `encoded`, to be stored as it is (one encoding per op)."""
    payload = raw.get("payload")
    text = dumps(payload)
    encoded[str(raw.get("op_id"))] = (payload, text)
    size = len(text) if text.isascii() else len(text.encode())
    if size > MAX_PAYLOAD_BYTES:
        return "invalid_payload", f"the payload is {size} bytes, the limit is {MAX_PAYLOAD_BYTES}"
    created = raw.get("created_at")
    try:
        when = parse_iso(str(created))
    except (TypeError, ValueError):
        return "invalid_payload", f"created_at {str(created)[:40]!r} is not an ISO-8601 time"
    ahead = (when - ctx.clock.now()).total_seconds()
    if ahead > MAX_CLOCK_AHEAD_S:
        return "invalid_payload", (
            f"created_at is {ahead / 3600:.0f} h ahead of the server's clock: check the device's date and time"
        )
    return None


def check_chain(
    ops: Sequence[Mapping[str, Any]],
    device_id: str,
    last_seq: int,
    last_hash: str | None,
    key: bytes | None = None,
    key_from: int | None = None,
) -> tuple[dict[str, tuple[str | None, str | None]], dict[int, str | None], dict[str, tuple[str, str]]]:
    """Verify the hash chain over the ops that take new seqs (docs/PROTOCOL.md, "The hash chain").

    The chain runs over every op the device sent, applied or rejected: an op's prev_hash must be the
    hash of the op before it (the device's last_hash, else its genesis), and its `hash`, when sent,
    must be the hash of its canonical bytes. One SHA-256 per op. Returns op id -> (prev_hash, own
    hash), seq -> own hash (what devices.last_hash becomes) and op id -> broken_chain rejection.
    An op without prev_hash (an old client) is unchecked, and the next op chains from the genesis.
    With the device's chain `key`, an op whose seq is above `key_from` must carry both, and its hash
    is the keyed link (HMAC-SHA256), which nobody who edits the device's journal can recompute.
    """
    chain: dict[str, tuple[str | None, str | None]] = {}
    by_seq: dict[int, str | None] = {}
    broken: dict[str, tuple[str, str]] = {}
    running = last_hash or genesis(device_id)
    expected = last_seq + 1
    for raw in ops:
        if int(raw["seq"]) != expected:
            continue  # a replay, or a repeat within this request
        op_id = str(raw["op_id"])
        prev = raw.get("prev_hash")
        keyed = key if key_from is not None and expected > key_from else None
        if keyed is not None and (prev is None or raw.get("hash") is None):
            broken[op_id] = (
                "broken_chain",
                f"op {op_id} (seq {expected}) has no chain, but this device keys its chain from seq "
                f"{(key_from or 0) + 1}",
            )
        if prev is None:
            chain[op_id] = (None, None)
            by_seq[expected] = None
            running = genesis(device_id)
            expected += 1
            continue
        own = op_hash(raw, keyed)
        claimed = raw.get("hash")
        if prev != running:
            broken[op_id] = (
                "broken_chain",
                f"op {op_id} (seq {expected}) names prev_hash {str(prev)[:16]}..., but this device's "
                f"previous op hashes to {running[:16]}...: an op is missing, reordered or altered",
            )
        elif claimed is not None and not hmac.compare_digest(str(claimed).encode(), own.encode()):
            broken[op_id] = (
                "broken_chain",
                f"op {op_id} (seq {expected}) does not match its own hash: it was altered after hashing"
                + (" (or hashed without this device's chain key)" if keyed is not None else ""),
            )
        # the chain continues through a rejected op, from the hash the device gave it
        running = str(claimed) if claimed is not None else own
        chain[op_id] = (str(prev), running)
        by_seq[expected] = running
        expected += 1
    return chain, by_seq, broken


def push(
    ctx: AppContext, caller: Principal, device_id: str, ops: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    if caller.role not in SYNC_ROLES or caller.site_id is None or caller.site_kind is SiteKind.CENTRAL:
        raise ApiError(403, "forbidden", "sync is for staff of a pickup point or a warehouse")
    if caller.device_id != device_id:
        # only a token issued at a login on this device may push for it (services/devices.py)
        raise ApiError(403, "wrong_device", "the token was not issued for this device: log in on it")
    if len(ops) > MAX_OPS_PER_PUSH:
        raise ApiError(400, "too_many_ops", f"at most {MAX_OPS_PER_PUSH} ops in one push")
    for raw in ops:
        if raw.get("device_id") != device_id:
            raise ApiError(400, "invalid_request", "every op must carry the request's device_id")
    with ctx.db.read() as conn:
        dev = _DEVICE.first(conn, {"b_device": device_id})
        if dev is not None and dev.site_id != caller.site_id:
            raise ApiError(403, "wrong_device", "this device is registered at another site")
        last_seq = dev.last_seq if dev is not None else 0
        expected = last_seq + 1
        for raw in ops:
            seq = int(raw["seq"])
            if seq > expected:
                raise ApiError(409, "seq_gap", f"expected seq {expected}, got {seq}", expected_seq=expected)
            if seq == expected:
                expected += 1
        # replays first, in one read: ops whose seq the device has already used
        old = [int(raw["seq"]) for raw in ops if int(raw["seq"]) <= last_seq]
        stored_by_seq: dict[int, Any] = {
            r.seq: r for r in rows_in(conn, "op_results.seq", old, b_device=device_id)
        }
        for raw in ops:
            taken = stored_by_seq.get(int(raw["seq"]))
            if taken is not None and taken.op_id != str(raw["op_id"]):
                raise _seq_conflict(int(raw["seq"]), taken.op_id)
        # ops the server knows under another (device, seq): looked up once, here (writers are serialised)
        fresh_ids = [str(raw["op_id"]) for raw in ops if int(raw["seq"]) > last_seq]
        stored_by_op: dict[str, Any] = {r.op_id: r for r in _known_ops(conn, fresh_ids, caller.site_id)}
    key_from = dev.chain_from if dev is not None else None
    chain, hash_by_seq, broken = check_chain(
        ops,
        device_id,
        last_seq,
        dev.last_hash if dev is not None else None,
        ctx.keys.chain_key(device_id) if key_from is not None else None,
        key_from,
    )
    actors = Actors(caller, device_id)
    encoded: dict[str, tuple[Any, str]] = {}
    refused = {str(raw["op_id"]): bad for raw in ops if (bad := _precheck(ctx, raw, encoded)) is not None}
    refused.update(broken)
    answers = _Answers(device_id, caller.site_id, stored_by_op, chain, encoded)
    pending = deque(ops)
    scoped = all(raw.get("type") in SITE_SCOPED_TYPES for raw in ops)
    lock_site = caller.site_id if scoped else None
    final_seq = last_seq  # the device's last seq as the last transaction left it: the answer's
    while pending:
        # a group of ops in one transaction, each op atomic with its result row (savepoint)
        with ctx.db.write(site=lock_site) as conn:
            started = ctx.clock.monotonic()
            done_in_group = 0
            current = _DEVICE.first(conn, {"b_device": device_id})
            if current is not None and current.site_id != caller.site_id:
                raise ApiError(403, "wrong_device", "this device is registered at another site")
            last = current.last_seq if current is not None else 0
            new_device = current is None
            # the batched runs' feed rows, written last (before a handler-path op, which may publish
            # the same unit, and at the group's end): the feed's turn is then held for the feed rows
            # and the commit, not for the group's other statements
            feed: list[FeedItem] = []
            while pending and done_in_group < RUN_MAX_OPS:
                if done_in_group and ctx.clock.monotonic() - started > GROUP_MAX_SECONDS:
                    break
                run = fresh_run(pending, last, stored_by_op, RUN_MAX_OPS - done_in_group, refused)
                done = apply_batched(ctx, conn, run, caller, actors, feed) if run else 0
                if done:
                    applied_at = ctx.now_iso()
                    rows = []
                    for raw in run[:done]:
                        pending.popleft()
                        rows.append(answers.new(raw, "applied", None, None, applied_at))
                    _ADD_RESULTS.run(conn, rows)
                    last += done
                    done_in_group += done
                    continue
                if done_in_group >= GROUP_MAX_OPS:
                    break
                raw = pending.popleft()
                seq, op_id = int(raw["seq"]), str(raw["op_id"])
                stored = stored_by_seq.get(seq) if seq <= last_seq else None
                if stored is None and seq <= last:
                    stored = _RESULT_BY_SEQ.first(conn, {"b_device": device_id, "b_seq": seq})
                if stored is not None and stored.op_id != op_id:  # taken meanwhile by another op
                    raise _seq_conflict(seq, stored.op_id)
                if stored is None:
                    stored = stored_by_op.get(op_id)
                    if stored is not None and seq == last + 1:  # same op under a new seq: it takes the seq
                        _set_last_seq(
                            ctx,
                            conn,
                            device_id,
                            caller.site_id,
                            seq,
                            new_device,
                            hash_by_seq.get(seq, _UNSET),
                        )
                        last, new_device = seq, False
                if stored is not None:
                    answers.replayed(stored)
                    continue
                if seq != last + 1:  # a concurrent push from the same device moved on meanwhile
                    raise ApiError(
                        409, "seq_gap", f"expected seq {last + 1}, got {seq}", expected_seq=last + 1
                    )
                code: str | None
                message: str | None
                if op_id in refused:
                    status, (code, message) = "rejected", refused[op_id]
                    if len(dumps(raw.get("payload")).encode()) > MAX_PAYLOAD_BYTES:
                        raw = dict(raw, payload={"_not_stored": "over the size limit"})
                else:
                    if feed:
                        publish_many(conn, feed)
                        feed.clear()
                    status, code, message = _apply_one(ctx, conn, raw, caller, actors)
                _ADD_RESULT.run(conn, answers.new(raw, status, code, message, ctx.now_iso())).close()
                last = seq
                done_in_group += 1
            if done_in_group or new_device:
                _set_last_seq(
                    ctx,
                    conn,
                    device_id,
                    caller.site_id,
                    last,
                    new_device and last > 0,
                    hash_by_seq.get(last, _UNSET),
                )
            publish_many(conn, feed)
            final_seq = last
    return {"results": answers.results, "last_seq": int(final_seq)}


def _known_ops(conn: Connection, op_ids: list[str], site_id: str) -> list[Any]:
    """Results stored under these op ids. On PostgreSQL an op id is unique within its site's
    partitions ((op_id, site_id)) and every op of a device is its own site's: that site's
    partition is read, not all of them. SQLite's op id is unique across sites: looked up as such."""
    if conn.dialect.name == "postgresql":
        return rows_in(conn, "op_results.op_id@site", op_ids, b_site=site_id)
    return rows_in(conn, "op_results.op_id", op_ids)


def _seq_conflict(seq: int, stored_op_id: str) -> ApiError:
    return ApiError(
        409,
        "seq_conflict",
        f"seq {seq} of this device is already taken by op {stored_op_id}: the device's journal "
        "restarted; start a new device epoch (POST /api/v1/sync/epoch)",
        seq=seq,
        stored_op_id=stored_op_id,
    )


def _set_last_seq(
    ctx: AppContext,
    conn: Connection,
    device_id: str,
    site_id: str,
    seq: int,
    new: bool,
    last_hash: object = _UNSET,
) -> None:
    """Move the device's last seq (and, when this push sent the op of that seq, its chain hash)."""
    own = None if last_hash is _UNSET else last_hash
    if new:
        conn.execute(
            insert(devices).values(
                device_id=device_id, site_id=site_id, last_seq=seq, last_hash=own, updated_at=ctx.now_iso()
            )
        )
    elif last_hash is _UNSET:
        _SET_LAST_SEQ_ONLY.run(conn, {"b_device": device_id, "b_seq": seq, "b_now": ctx.now_iso()}).close()
    else:
        params = {"b_device": device_id, "b_seq": seq, "b_hash": own, "b_now": ctx.now_iso()}
        _SET_LAST_SEQ.run(conn, params).close()
