"""Pull: the change feed since a cursor, scoped to the device's site, in pages."""

from __future__ import annotations

import threading
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, union_all

from ...context import AppContext
from ...db import Fast, changes
from ...errors import ApiError
from ..auth import Principal
from ..changes import ALL_SITES
from .opcontext import SYNC_ROLES

_SCOPE = changes.c.site_id.in_([bindparam("b_site"), bindparam("b_all")])


def _page_of(site: str) -> Any:
    """One feed's next rows: an index range on (site_id, id), in id order."""
    return (
        select(changes.c.id, changes.c.entity, changes.c.entity_id, changes.c.op, changes.c.data)
        .where(changes.c.site_id == bindparam(site), changes.c.id > bindparam("b_after"))
        .order_by(changes.c.id)
        .limit(bindparam("b_limit"))
    )


# The site's feed and the every-site feed merged: each read along its own index range, so a pull
# reads its own rows only. `site_id IN (site, '*') AND id > cursor ORDER BY id` read the id index
# and skipped every other site's rows since the cursor (1.2 ms a pull at 1,000 devices, the costliest
# statement in PostgreSQL). The answer's columns only, read as plain tuples (Fast.rows): a first pull
# reads 5,000 rows a page.
_MERGED = union_all(select(_page_of("b_site").subquery()), select(_page_of("b_all").subquery())).subquery()
_PAGE = Fast(select(_MERGED).order_by(_MERGED.c.id).limit(bindparam("b_limit")))
_REMAINING = Fast(
    select(func.count().label("n")).select_from(changes).where(_SCOPE, changes.c.id > bindparam("b_after"))
)
_COUNTS = Fast(
    select(changes.c.entity, func.count().label("n"))
    .where(_SCOPE, changes.c.op == "upsert")
    .group_by(changes.c.entity)
)
# the newest row of the site's feed and of the every-site feed: two index look-ups (site_id, id)
_HIGH = Fast(
    select(
        select(func.max(changes.c.id))
        .where(changes.c.site_id == bindparam("b_site"))
        .scalar_subquery()
        .label("own"),
        select(func.max(changes.c.id))
        .where(changes.c.site_id == bindparam("b_all"))
        .scalar_subquery()
        .label("all"),
    )
)


class _Counts:
    """A site's per-entity totals (`counts`, what a client checks its local totals against), kept
    while its feed's high-water mark stays: every change to the feed inserts a row with a new, higher
    id (services/changes.py: publish replaces an entity's row), so an unchanged pair of newest ids
    means unchanged totals. Most pulls find nothing new; they are answered without the GROUP BY."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_site: dict[str, tuple[tuple[Any, Any], dict[str, int]]] = {}

    def get(self, conn: Connection, site: str, high: tuple[Any, Any]) -> dict[str, int]:
        with self._lock:
            hit = self._by_site.get(site)
        if hit is not None and hit[0] == high:
            return dict(hit[1])
        counts = {r.entity: int(r.n) for r in _COUNTS.all(conn, {"b_site": site, "b_all": ALL_SITES})}
        if _high(conn, site) == high:  # the same state throughout (PostgreSQL reads each statement anew)
            with self._lock:
                self._by_site[site] = (high, dict(counts))
        return counts


def _counts_of(ctx: AppContext) -> _Counts:
    """This backend's totals cache: two backends in one process (tests, one reopened after a restore)
    may reach the same newest ids for a site with different totals."""
    found = ctx.extras.get("pull_counts")
    if found is None:
        found = ctx.extras.setdefault("pull_counts", _Counts())  # the first of two racing threads wins
    assert isinstance(found, _Counts)
    return found


def _high(conn: Connection, site: str) -> tuple[Any, Any]:
    row = _HIGH.first(conn, {"b_site": site, "b_all": ALL_SITES})
    assert row is not None
    return (row.own, row.all)


def pull(ctx: AppContext, caller: Principal, cursor: str | None, limit: int) -> dict[str, Any]:
    """The PullOut answer, except that `changes` holds the page's rows as they are stored: tuples
    (feed id, entity, entity id, op, data as JSON text); `pull_json` makes the answer's bytes."""
    if caller.role not in SYNC_ROLES or caller.site_id is None:
        raise ApiError(403, "forbidden", "sync is for staff of a pickup point or a warehouse")
    after = 0
    if cursor:
        if not (cursor.isascii() and cursor.isdigit() and len(cursor) <= 18):
            raise ApiError(400, "invalid_cursor", "the cursor is not one this server gave out")
        after = int(cursor)
    site = caller.site_id
    scope = {"b_site": site, "b_all": ALL_SITES}
    with ctx.db.read() as conn:
        high = _high(conn, site)
        newest = max((h for h in high if h is not None), default=0)
        rows = [] if newest <= after else _PAGE.rows(conn, {**scope, "b_after": after, "b_limit": limit + 1})
        page, has_more = rows[:limit], len(rows) > limit
        next_cursor = str(page[-1][0]) if page else str(after)
        remaining = 0
        counts: dict[str, int] | None = None
        if has_more:
            found = _REMAINING.first(conn, {**scope, "b_after": page[-1][0]})
            remaining = int(found.n) if found is not None else 0
        else:
            counts = _counts_of(ctx).get(conn, site, high)
    return {
        "changes": page,
        "next_cursor": next_cursor,
        "has_more": has_more,
        "remaining": int(remaining),
        "counts": counts,
    }


def pull_json(out: dict[str, Any], encode: Callable[[Any], str]) -> bytes:
    """`pull`'s answer as the PullOut JSON, each change's data spliced in as stored: the feed's data
    is JSON text written by services/changes.py (publish, publish_many) and admin.add_products with
    the backend's own encoder (context.dumps), always an object. Decoding 275k of them on a first pull
    only to encode them again cost ~1.5 s. `encode` (the API's encoder) writes the other fields."""
    e = encode_basestring  # a JSON string, non-ASCII kept as is: what `encode` writes for a str
    changes = ",".join(
        [
            f'{{"entity":{e(en)},"id":{e(eid)},"op":{e(op)},"data":{data}}}'
            for _, en, eid, op, data in out["changes"]
        ]
    )
    rest = encode({k: v for k, v in out.items() if k != "changes"})  # '{"next_cursor":...}'
    return f'{{"changes":[{changes}],{rest[1:]}'.encode()
