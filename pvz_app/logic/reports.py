"""Printable reports as plain data: a title, header lines and a table. Screens render and print them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from shared.domain import Operation, OpType


@dataclass(frozen=True)
class Report:
    title: str
    lines: tuple[str, ...] = ()  # "Box: 1460...", "Clerk: Anna"
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    totals: tuple[tuple[str, str], ...] = field(default=())

    def as_text(self) -> str:
        out = [self.title, "=" * len(self.title), *self.lines, ""]
        if self.columns:
            widths = [
                max(len(str(c)), *(len(str(r[i])) for r in self.rows)) if self.rows else len(str(c))
                for i, c in enumerate(self.columns)
            ]
            out.append("  ".join(str(c).ljust(w) for c, w in zip(self.columns, widths, strict=True)))
            out.extend("  ".join(str(v).ljust(w) for v, w in zip(r, widths, strict=True)) for r in self.rows)
            out.append("")
        out.extend(f"{k}: {v}" for k, v in self.totals)
        return "\n".join(out).rstrip() + "\n"


def shift_counts(ops: Iterable[Operation]) -> dict[str, int]:
    """What a shift did, from its journalled operations: accepted, issued, refused, returned,
    discrepancies (shortages, damage, surplus)."""
    c: Counter[str] = Counter()
    for op in ops:
        p: Any = op.payload
        if op.type is OpType.ACCEPT_UNIT or op.type is OpType.FOUND_UNIT:
            c["accepted"] += 1
        elif op.type is OpType.COMPLETE_PICKUP:
            c["issued"] += len(p["issued"])
            c["refused"] += len(p["refused"])
        elif op.type is OpType.RETURN_PACK:
            c["returned"] += 1
        elif op.type is OpType.MARK_MISSING:
            c["missing"] += 1
        elif op.type is OpType.MARK_DAMAGED:
            c["damaged"] += 1
        elif op.type is OpType.RECORD_SURPLUS:
            c["surplus"] += 1
    keys = ("accepted", "issued", "refused", "returned", "missing", "damaged", "surplus")
    result = {k: c[k] for k in keys}
    result["discrepancies"] = c["missing"] + c["damaged"] + c["surplus"]
    return result


def table(rows: Sequence[Sequence[Any]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple("" if v is None else str(v) for v in r) for r in rows)
