"""Two-sided handover on the server: what the sender handed to the courier (badge, seal per box) is
kept on the boxes; when the receiver closes a box it compares the seal it found, and every
difference is a discrepancy row published to both sites (shared/domain/handover.py has the rules).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, select, update

from shared.domain import handover as rules

from ..db import boxes, discrepancies
from .changes import publish

ENTITY = "discrepancy"


def discrepancy_data(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "handover_id": row.handover_id,
        "box_id": row.box_id,
        "kind": row.kind,
        "direction": row.direction,
        "from_site_id": row.from_site_id,
        "to_site_id": row.to_site_id,
        "courier_badge": row.courier_badge,
        "seal_sent": row.seal_sent,
        "seal_received": row.seal_received,
        "photos": json.loads(row.photos or "[]"),
        "found_at": row.found_at,
        "resolved_at": row.resolved_at,
    }


def record_sent(
    conn: Connection, box_ids: Iterable[str], handover_id: str, payload: Mapping[str, Any]
) -> None:
    """Keep the courier's badge and each box's seal (when the sender gave them) on the boxes."""
    seals = payload.get("seals") or {}
    badge = payload.get("courier_badge")
    for box_id in box_ids:
        conn.execute(
            update(boxes)
            .where(boxes.c.id == box_id)
            .values(handover_id=handover_id, courier_badge=badge, seal=seals.get(box_id))
        )


def record_received(conn: Connection, box: Any, payload: Mapping[str, Any], *, sent: bool, now: str) -> None:
    """The receiver closed ``box`` (its receipt time already written): compare, keep and publish
    what differs for it, resolve its own "not received", and mark the handover's boxes the
    receiver has not closed yet as not received."""
    direction = "forward" if box.kind == "forward" else "return"
    seal = payload.get("seal") if "seal" in payload else None
    kinds = rules.box_discrepancies(
        sent=sent,
        seal_sent=box.seal,
        seal_received=None if seal is None else str(seal),
        broken=bool(payload.get("seal_broken")),
    )
    photos = [str(p) for p in payload.get("photos") or []]
    for kind in kinds:
        _found(conn, box, kind, direction, now, seal_received=seal or None, photos=photos)
    _resolve(conn, f"{box.id}:{rules.NOT_RECEIVED}", now)
    if not sent or box.handover_id is None:
        return
    closed_col = boxes.c.accepted_at if direction == "forward" else boxes.c.received_at
    mates = conn.execute(
        select(boxes, closed_col.label("closed_there")).where(boxes.c.handover_id == box.handover_id)
    ).all()
    closed = {m.id: m.closed_there is not None for m in mates}
    for box_id in rules.not_received(closed):
        mate = next(m for m in mates if m.id == box_id)
        _found(conn, mate, rules.NOT_RECEIVED, direction, now, seal_received=None, photos=[])


def _found(
    conn: Connection,
    box: Any,
    kind: str,
    direction: str,
    now: str,
    *,
    seal_received: str | None,
    photos: list[str],
) -> None:
    key = f"{box.id}:{kind}"
    values = {
        "handover_id": box.handover_id,
        "box_id": box.id,
        "kind": kind,
        "direction": direction,
        "from_site_id": box.origin_site_id,
        "to_site_id": box.destination_site_id,
        "courier_badge": box.courier_badge,
        "seal_sent": box.seal,
        "seal_received": seal_received,
        "photos": json.dumps(photos),
        "found_at": now,
        "resolved_at": None,
    }
    existing = conn.execute(select(discrepancies.c.id).where(discrepancies.c.id == key)).first()
    if existing is not None:
        if kind == rules.NOT_RECEIVED:
            return  # already known missing: keep when it was first found
        conn.execute(update(discrepancies).where(discrepancies.c.id == key).values(**values))
    else:
        conn.execute(discrepancies.insert().values(id=key, **values))
    _publish(conn, key)


def _resolve(conn: Connection, key: str, now: str) -> None:
    row = conn.execute(select(discrepancies).where(discrepancies.c.id == key)).first()
    if row is None or row.resolved_at is not None:
        return
    conn.execute(update(discrepancies).where(discrepancies.c.id == key).values(resolved_at=now))
    _publish(conn, key)


def _publish(conn: Connection, key: str) -> None:
    row = conn.execute(select(discrepancies).where(discrepancies.c.id == key)).one()
    publish(conn, (row.from_site_id, row.to_site_id), ENTITY, row.id, discrepancy_data(row))


def list_discrepancies(
    conn: Connection, site_id: str | None, *, open_only: bool = True, limit: int = 500
) -> list[dict[str, Any]]:
    """Discrepancies seen by a site (as sender or receiver), or by every site (None), newest first."""
    q = select(discrepancies)
    if site_id is not None:
        q = q.where((discrepancies.c.from_site_id == site_id) | (discrepancies.c.to_site_id == site_id))
    if open_only:
        q = q.where(discrepancies.c.resolved_at.is_(None))
    q = q.order_by(discrepancies.c.found_at.desc(), discrepancies.c.id).limit(limit)
    return [discrepancy_data(r) for r in conn.execute(q)]
