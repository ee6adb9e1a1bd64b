"""What the device's journal says about a unit, an order or a box: the raw material of a dispute pack."""

from __future__ import annotations

from collections.abc import Sequence

from shared.domain import Operation

from .journal import Journal


class DisputeReads(Journal):
    def ops_about(
        self, unit_ids: Sequence[str], box_id: str | None = None
    ) -> list[tuple[Operation, str, list[str]]]:
        """This device's ops that touched any of ``unit_ids`` or name ``box_id``, in seq order, each
        with its state and the units it touched."""
        ids = list(dict.fromkeys(unit_ids))
        marks = ", ".join("?" for _ in ids) or "NULL"
        seqs_sql = f"SELECT seq FROM op_units WHERE unit_id IN ({marks})"
        params: list[str] = list(ids)
        if box_id:
            seqs_sql += " UNION SELECT seq FROM ops WHERE json_extract(payload, '$.box_id') = ?"
            params.append(box_id)
        rows = self._q(f"SELECT * FROM ops WHERE seq IN ({seqs_sql}) ORDER BY seq", params)
        touched: dict[int, list[str]] = {}
        if rows:
            seq_marks = ", ".join("?" for _ in rows)
            for seq, unit in self._q(
                f"SELECT seq, unit_id FROM op_units WHERE seq IN ({seq_marks}) ORDER BY unit_id",
                [int(r["seq"]) for r in rows],
            ):
                touched.setdefault(int(seq), []).append(str(unit))
        return [(self._op_from_row(r), str(r["state"]), touched.get(int(r["seq"]), [])) for r in rows]

    def user_names(self) -> dict[str, str]:
        """user id -> how to name them (display name, else username) for those who logged in here."""
        return {
            str(r["user_id"]): str(r["display_name"] or r["username"])
            for r in self._q("SELECT user_id, username, display_name FROM users")
        }
