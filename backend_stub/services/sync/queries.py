"""IN-list queries with prebuilt statements: the rows whose column is one of many values (the batched
path's unit and cell loads, push's replay lookups). On PostgreSQL one `= ANY(array)` statement, the
values one binary array; elsewhere `IN (...)` in chunks padded to a power of two."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, any_, bindparam, select
from sqlalchemy.dialects.postgresql import ARRAY

from ...db import Fast, FastRow, cells, count_tasks, locations, op_results, orders, units


def _in_statement(what: str, n: int | None) -> Any:
    """The select of `what`; its column one of n binds, or (n None) any of the array bind b_refs."""

    def among(col: Any) -> Any:
        if n is None:
            return col == any_(bindparam("b_refs", type_=ARRAY(col.type)))
        return col.in_([bindparam(f"b_{i}") for i in range(n)])

    if what == "units.id":
        return select(units).where(among(units.c.id))
    if what == "units.label":
        return select(units).where(among(units.c.label))
    # "@pvz", "@site": one PVZ's units, one site's op results (b_pvz, b_site), the partition key
    # given, so PostgreSQL reads that site's partition only
    if what == "units.id@pvz":
        return select(units).where(units.c.pvz_id == bindparam("b_pvz"), among(units.c.id))
    if what == "units.label@pvz":
        return select(units).where(units.c.pvz_id == bindparam("b_pvz"), among(units.c.label))
    if what == "cells.id":
        return select(cells.c.id, cells.c.label, cells.c.site_id).where(among(cells.c.id))
    if what == "cells.label":
        return select(cells.c.id, cells.c.label, cells.c.site_id).where(among(cells.c.label))
    if what == "locations.id":
        return select(locations.c.id, locations.c.label, locations.c.site_id).where(among(locations.c.id))
    if what == "locations.label":
        return select(locations.c.id, locations.c.label, locations.c.site_id).where(among(locations.c.label))
    if what == "count_tasks.open@location":  # the open count tasks at these locations
        return select(count_tasks.c.location_id).where(
            count_tasks.c.status == "OPEN", among(count_tasks.c.location_id)
        )
    if what == "units.order_id":
        return select(units.c.order_id, units.c.status).where(among(units.c.order_id))
    if what == "orders.id":
        return select(orders).where(among(orders.c.id))
    if what == "op_results.op_id":
        return select(op_results).where(among(op_results.c.op_id))
    if what == "op_results.op_id@site":
        return select(op_results).where(
            op_results.c.site_id == bindparam("b_site"), among(op_results.c.op_id)
        )
    if what == "op_results.seq":  # of one device
        return select(op_results).where(
            op_results.c.device_id == bindparam("b_device"), among(op_results.c.seq)
        )
    raise ValueError(what)


@lru_cache(maxsize=128)
def _in_list(what: str, n: int | None) -> Fast:
    """The rows whose column is one of n values (n a power of two; callers pad with repeats), or
    (n None, PostgreSQL) any value of the array b_refs."""
    return Fast(_in_statement(what, n), binary=("b_refs",))


def rows_in(conn: Connection, what: str, refs: Sequence[object], **params: Any) -> list[FastRow]:
    """Rows matching any of refs: one query on PostgreSQL, else queries of at most 512 values."""
    if not refs:
        return []
    if conn.dialect.name == "postgresql":
        return _in_list(what, None).all(conn, {**params, "b_refs": list(refs)})
    rows: list[FastRow] = []
    for start in range(0, len(refs), 512):
        chunk = list(refs[start : start + 512])
        size = 1 << (len(chunk) - 1).bit_length()
        padded = chunk + [chunk[-1]] * (size - len(chunk))
        binds = {f"b_{i}": r for i, r in enumerate(padded)}
        rows.extend(_in_list(what, size).all(conn, {**params, **binds}))
    return rows
