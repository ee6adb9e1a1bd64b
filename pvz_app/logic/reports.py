"""What a shift did, counted from its journal (the shift report prints it via shared.printing.report)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from shared.domain import Operation, OpType


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
