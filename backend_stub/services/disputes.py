"""Dispute packs from the server's journal: every device's ops about a unit, an order or a box.

The same ZIP as the PVZ app's (shared/printing/dispute.py lays it out; shared/printing/dispute_pdf.py
renders the act without Qt), but built from ``op_results``: the ops of every device, PVZ and
warehouse, that name the subject's units or box, each with its device, actor, place, state and
chain hashes, and the photos those ops name that the evidence folder holds.

Who may build one: an admin. An admin bound to a site only for subjects that touch their site (a
unit's PVZ or warehouse, a box's origin or destination, or an op made there); anything else is 404
``unknown_subject``, as a subject that does not exist (no hint it exists elsewhere).

Finding the ops: a candidate is an op whose payload text contains one of the subject's ids (one
LIKE each, a scan of the journal: this is an admin's occasional tool); it is kept only when one of
its payload's values (at any depth) equals such an id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, or_, select

from shared.domain import parse_iso
from shared.printing.dispute import DisputePack, PhotoInfo, TimelineEntry, photos_named, place_of, write_zip

from ..context import AppContext
from ..db import boxes, cells, op_results, orders, units, users
from ..errors import ApiError
from . import evidence

KINDS = ("unit", "order", "box")


def unknown(kind: str, code: str) -> ApiError:
    return ApiError(404, "unknown_subject", f"no {kind} {code!r} here")


@dataclass
class Subject:
    kind: str
    code: str
    shown: str
    unit_rows: list[Any] = field(default_factory=list)
    box_id: str | None = None
    order_id: str | None = None
    sites: set[str] = field(default_factory=set)


def _values(node: Any) -> Iterable[str]:
    """Every string value in a JSON payload, at any depth."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from _values(v)
    elif isinstance(node, list):
        for v in node:
            yield from _values(v)


def _units_where(conn: Connection, clause: Any) -> list[Any]:
    return list(conn.execute(select(units).where(clause).order_by(units.c.label)))


def _ops_naming(conn: Connection, keys: set[str]) -> list[tuple[Any, dict[str, Any], set[str]]]:
    """(row, payload, the keys its payload names) for every op naming one of ``keys``, by time."""
    if not keys:
        return []
    like = or_(*(op_results.c.payload.contains(k, autoescape=True) for k in sorted(keys)))
    query = select(op_results).where(like).order_by(op_results.c.created_at, op_results.c.device_id)
    out = []
    for row in conn.execute(query):
        payload = json.loads(row.payload)
        named = keys.intersection(_values(payload))
        if named:
            out.append((row, payload, named))
    return out


def resolve(conn: Connection, kind: str, code: str) -> Subject:
    """The subject by what an admin typed: a unit by label or id, an order by id or number, a box by
    its SSCC; raise 404 ``unknown_subject``."""
    code = code.strip()
    if kind not in KINDS:
        raise ApiError(400, "invalid_kind", f"kind is one of {', '.join(KINDS)}")
    if not code or len(code) > 100:
        raise unknown(kind, code)
    if kind == "unit":
        rows = _units_where(conn, or_(units.c.label == code, units.c.id == code))
        if not rows:
            raise unknown(kind, code)
        s = Subject(kind, rows[0].id, rows[0].label, rows)
    elif kind == "order":
        clause = orders.c.id == code
        if code.isdigit() and len(code) < 12:
            clause = or_(clause, orders.c.number == int(code))
        order = conn.execute(select(orders).where(clause)).first()
        if order is None:
            raise unknown(kind, code)
        shown = f"{order.number} ({order.id})" if order.number is not None else order.id
        s = Subject(kind, order.id, shown, _units_where(conn, units.c.order_id == order.id))
        s.order_id = order.id
        s.sites |= {order.pvz_id} | ({order.warehouse_id} if order.warehouse_id else set())
    else:
        box = conn.execute(select(boxes).where(boxes.c.id == code)).first()
        if box is None:
            raise unknown(kind, code)
        s = Subject(kind, code, code, _units_where(conn, units.c.box_id == code), box_id=code)
        s.sites |= {box.origin_site_id, box.destination_site_id}
        # units that were in the box once (a return received, a unit packed then moved on)
        earlier = {
            str(p["unit_id"]) for _, p, _ in _ops_naming(conn, {code}) if isinstance(p.get("unit_id"), str)
        }
        earlier -= {u.id for u in s.unit_rows}
        if earlier:
            s.unit_rows += _units_where(conn, units.c.id.in_(sorted(earlier)))
    for u in s.unit_rows:
        s.sites |= {u.pvz_id} | ({u.warehouse_id} if u.warehouse_id else set())
    return s


def build_pack(
    ctx: AppContext, kind: str, code: str, *, site_scope: str | None, built_by: str, now: datetime
) -> tuple[DisputePack, dict[str, tuple[Path, str]]]:
    """The pack and the photo files it names. ``site_scope``: the admin's site (None: every site)."""
    with ctx.db.read() as conn:
        subject = resolve(conn, kind, code)
        unit_ids = {u.id for u in subject.unit_rows}
        keys = set(unit_ids) | ({subject.box_id} if subject.box_id else set())
        keys |= {subject.order_id} if subject.order_id else set()
        found = _ops_naming(conn, keys)
        sites = subject.sites | {str(r.site_id) for r, _, _ in found}
        if site_scope is not None and site_scope not in sites:
            raise unknown(kind, code)
        actors = {str(r.actor) for r, _, _ in found}
        names = {
            str(r.id): str(r.display_name or r.username)
            for r in conn.execute(
                select(users.c.id, users.c.username, users.c.display_name).where(users.c.id.in_(actors))
            )
        }
        cell_ids = {u.cell_id for u in subject.unit_rows if u.cell_id}
        cell_numbers = {
            str(r.id): str(r.number)
            for r in conn.execute(select(cells.c.id, cells.c.number).where(cells.c.id.in_(cell_ids)))
        }
    labels = {u.id: u.label for u in subject.unit_rows}
    pack = DisputePack(
        subject_kind=kind,
        subject=subject.shown,
        site_id=site_scope or ", ".join(sorted(subject.sites)),
        source="backend",
        built_at=now,
        built_by=built_by,
    )
    for u in subject.unit_rows:
        cell = cell_numbers.get(u.cell_id or "", u.cell_id or u.location_id or u.box_id or "")
        pack.units.append({"label": u.label, "status": str(u.status), "cell": cell})
    named_photos: list[str] = []
    for row, payload, named in found:
        touched = sorted(labels[k] for k in named if k in labels)
        raw = {
            "op_id": row.op_id,
            "device_id": row.device_id,
            "seq": row.seq,
            "type": row.type,
            "payload": payload,
            "actor": row.actor,
            "created_at": row.created_at,
            "prev_hash": row.prev_hash,
            "hash": row.hash,
            "site_id": row.site_id,
            "status": row.status,
            "reason_code": row.reason_code,
            "reason_message": row.reason_message,
            "applied_at": row.applied_at,
        }
        pack.raw_ops.append(raw)
        detail = str(payload.get("reason") or payload.get("note") or "")
        if row.reason_code:
            detail = (
                detail + " " if detail else ""
            ) + f"{row.reason_code}: {row.reason_message or ''}".strip()
        photos = photos_named(payload)
        named_photos += photos
        pack.entries.append(
            TimelineEntry(
                when=parse_iso(str(row.created_at)),
                action=str(row.type),
                actor_id=str(row.actor),
                actor_name=names.get(str(row.actor), str(row.actor)),
                device_id=str(row.device_id),
                place=place_of(payload),
                units=tuple(touched),
                state=str(row.status),
                detail=detail,
                photos=photos,
                op_id=str(row.op_id),
                seq=int(row.seq),
                op_hash=str(row.hash or ""),
                prev_hash=str(row.prev_hash or ""),
            )
        )
    files = evidence.known(ctx, named_photos)
    for sha, (_path, mime) in files.items():
        pack.photos[sha] = PhotoInfo(sha, mime)
    return pack, files


def write_pack(
    ctx: AppContext, kind: str, code: str, target: Path, *, site_scope: str | None, built_by: str
) -> dict[str, str]:
    """Build the pack and write its ZIP (act.pdf rendered without Qt) to ``target``."""
    from shared.printing.dispute_pdf import render_act_pdf

    pack, files = build_pack(ctx, kind, code, site_scope=site_scope, built_by=built_by, now=ctx.clock.now())

    def photo_bytes(sha: str) -> bytes | None:
        try:
            return files[sha][0].read_bytes() if sha in files else None
        except OSError:
            return None

    pdf = render_act_pdf(pack, photo_bytes)
    return write_zip(pack, target, photo_bytes=photo_bytes, pdf=pdf)
