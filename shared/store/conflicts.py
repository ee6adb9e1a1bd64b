"""Push results and conflicts: the server's answer per op marks it applied or rejected; a rejected
op becomes a conflict the user resolves (retry as a new op, or discard with a reason)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from shared.domain import (
    OpType,
    parse_iso,
    utc_iso,
    validate_payload,
)

from .connection import parse_dt
from .epochs import Epochs
from .errors import refused
from .models import (
    Actor,
    ChangeSet,
    Conflict,
    PushOutcome,
    Recorded,
)


class Conflicts(Epochs):
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
            resolved_at=parse_dt(row["resolved_at"]),
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
            raise refused("reason_required", op_id=op_id)
        with self._tx() as db:
            row = db.execute(
                "SELECT c.resolution, o.type, o.payload FROM conflicts c JOIN ops o ON o.op_id = c.op_id "
                "WHERE c.op_id = ?",
                (op_id,),
            ).fetchone()
            if row is None:
                raise refused("unknown_conflict", op_id=op_id)
            if row["resolution"] is not None:
                raise refused("already_resolved", op_id=op_id)
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
