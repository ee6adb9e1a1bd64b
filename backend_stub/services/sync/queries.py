"""IN-list queries with prebuilt statements: the rows whose column is one of many values, in chunks
(the batched path's unit and cell loads, push's replay lookups)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, bindparam, select

from ...db import Fast, FastRow, cells, op_results, orders, units


def _in_statement(what: str, n: int) -> Any:
    values: list[Any] = [bindparam(f"b_{i}") for i in range(n)]
    if what == "units.id":
        return select(units).where(units.c.id.in_(values))
    if what == "units.label":
        return select(units).where(units.c.label.in_(values))
    if what == "cells.id":
        return select(cells.c.id, cells.c.label, cells.c.site_id).where(cells.c.id.in_(values))
    if what == "cells.label":
        return select(cells.c.id, cells.c.label, cells.c.site_id).where(cells.c.label.in_(values))
    if what == "units.order_id":
        return select(units.c.order_id, units.c.status).where(units.c.order_id.in_(values))
    if what == "orders.id":
        return select(orders).where(orders.c.id.in_(values))
    if what == "op_results.op_id":
        return select(op_results).where(op_results.c.op_id.in_(values))
    if what == "op_results.seq":  # of one device
        return select(op_results).where(
            op_results.c.device_id == bindparam("b_device"), op_results.c.seq.in_(values)
        )
    raise ValueError(what)


@lru_cache(maxsize=128)
def _in_list(what: str, n: int) -> Fast:
    """The rows whose column is one of n values (n a power of two; callers pad with repeats)."""
    return Fast(_in_statement(what, n))


def rows_in(conn: Connection, what: str, refs: Sequence[object], **params: Any) -> list[FastRow]:
    """Rows matching any of refs, in queries of at most 512 values."""
    rows: list[FastRow] = []
    for start in range(0, len(refs), 512):
        chunk = list(refs[start : start + 512])
        size = 1 << (len(chunk) - 1).bit_length()
        padded = chunk + [chunk[-1]] * (size - len(chunk))
        binds = {f"b_{i}": r for i, r in enumerate(padded)}
        rows.extend(_in_list(what, size).all(conn, {**params, **binds}))
    return rows
