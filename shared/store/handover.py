"""Handover discrepancies as the devices see them: pulled from the server (entity `discrepancy`),
one per box and kind, for the site that sent the box and the site that received it."""

from __future__ import annotations

import json
from dataclasses import dataclass

from .connection import StoreCore


@dataclass(frozen=True, slots=True)
class DiscrepancyView:
    id: str
    box_id: str
    kind: str  # shared/domain/handover.py KINDS
    direction: str  # forward (warehouse -> PVZ) | return (PVZ -> warehouse)
    from_site_id: str
    to_site_id: str
    courier_badge: str
    seal_sent: str
    seal_received: str
    photos: tuple[str, ...]
    found_at: str
    resolved: bool


class HandoverReads(StoreCore):
    def discrepancies(self, direction: str | None = None, *, open_only: bool = True) -> list[DiscrepancyView]:
        """Discrepancies of this site's handovers (either side), newest first."""
        where, params = [], []
        if direction is not None:
            where.append("direction = ?")
            params.append(direction)
        if open_only:
            where.append("resolved_at = ''")
        sql = "SELECT data FROM discrepancies" + (f" WHERE {' AND '.join(where)}" if where else "")
        rows = [json.loads(r[0]) for r in self._q(sql, params)]
        views = [_view(d) for d in rows]
        return sorted(views, key=lambda v: (v.found_at, v.id), reverse=True)


def _view(d: dict[str, object]) -> DiscrepancyView:
    photos = d.get("photos")
    return DiscrepancyView(
        id=str(d.get("id") or ""),
        box_id=str(d.get("box_id") or ""),
        kind=str(d.get("kind") or ""),
        direction=str(d.get("direction") or ""),
        from_site_id=str(d.get("from_site_id") or ""),
        to_site_id=str(d.get("to_site_id") or ""),
        courier_badge=str(d.get("courier_badge") or ""),
        seal_sent=str(d.get("seal_sent") or ""),
        seal_received=str(d.get("seal_received") or ""),
        photos=tuple(str(p) for p in photos) if isinstance(photos, list) else (),
        found_at=str(d.get("found_at") or ""),
        resolved=bool(d.get("resolved_at")),
    )
