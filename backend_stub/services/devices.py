"""The device registry: which site a device belongs to, its SSCC block, and its epochs.

A device belongs to the site of the first login that named it (or of an admin's registration); a
login for another site's device is refused, and only tokens issued for a device may push for it
(services/sync/push.py). Each device gets its own SSCC block here, so no two devices draw the same range.
A device that lost its journal starts a new epoch: a new device id, registered at the same site, that
the current token moves to, so its ops get fresh seqs instead of reusing the old id's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from ..context import AppContext
from ..db import devices, sites, tokens
from ..errors import ApiError

SSCC_BLOCKS = 1000  # the 3-digit block of an SSCC's serial reference (shared/store: next_sscc)
ACTIVE, RETIRED = "active", "retired"


@dataclass(frozen=True, slots=True)
class Device:
    device_id: str
    site_id: str
    status: str
    sscc_block: int | None
    last_seq: int
    registered_at: str | None
    epoch_of: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "site_id": self.site_id,
            "status": self.status,
            "sscc_block": self.sscc_block,
            "last_seq": self.last_seq,
            "registered_at": self.registered_at,
            "epoch_of": self.epoch_of,
        }


def _row(conn: Connection, device_id: str) -> Device | None:
    r = conn.execute(select(devices).where(devices.c.device_id == device_id)).first()
    if r is None:
        return None
    return Device(
        r.device_id,
        r.site_id,
        r.status or ACTIVE,
        r.sscc_block,
        int(r.last_seq),
        r.registered_at,
        r.epoch_of,
    )


def _free_block(conn: Connection) -> int:
    used = {
        int(b) for (b,) in conn.execute(select(devices.c.sscc_block).where(devices.c.sscc_block.isnot(None)))
    }
    for block in range(1, SSCC_BLOCKS):
        if block not in used:
            return block
    raise ApiError(409, "no_sscc_block", "every SSCC block is assigned: retire devices no longer in use")


def _insert(
    ctx: AppContext, conn: Connection, device_id: str, site_id: str, epoch_of: str | None = None
) -> Device:
    now = ctx.now_iso()
    block = _free_block(conn)
    conn.execute(
        insert(devices).values(
            device_id=device_id,
            site_id=site_id,
            last_seq=0,
            updated_at=now,
            status=ACTIVE,
            sscc_block=block,
            registered_at=now,
            epoch_of=epoch_of,
        )
    )
    return Device(device_id, site_id, ACTIVE, block, 0, now, epoch_of)


def claim_on_login(ctx: AppContext, conn: Connection, device_id: str, site_id: str | None) -> Device | None:
    """At a login naming a device: bind a new device to the user's site, refuse another site's.

    Users without a site (admins, customers) bind nothing; an admin may log in on any device."""
    dev = _row(conn, device_id)
    if site_id is None:
        return dev
    if dev is None:
        return _insert(ctx, conn, device_id, site_id)
    if dev.site_id != site_id:
        raise ApiError(403, "wrong_device", "this device is registered at another site")
    if dev.status == RETIRED:
        raise ApiError(403, "device_retired", "this device was retired by an administrator")
    if dev.sscc_block is None:  # registered by a push before the registry existed
        block = _free_block(conn)
        conn.execute(update(devices).where(devices.c.device_id == device_id).values(sscc_block=block))
        dev = _row(conn, device_id)
    return dev


def register(ctx: AppContext, device_id: str, site_id: str) -> Device:
    """An admin registers a device at a site ahead of its first login (idempotent for that site)."""
    device_id = device_id.strip()
    if not device_id or len(device_id) > 100:
        raise ApiError(400, "invalid_request", "a device id is 1 to 100 characters")
    with ctx.db.write() as conn:
        if conn.execute(select(sites.c.kind).where(sites.c.id == site_id)).first() is None:
            raise ApiError(400, "unknown_site", f"no site {site_id}")
        dev = _row(conn, device_id)
        if dev is not None:
            if dev.site_id != site_id:
                raise ApiError(409, "conflict", f"device {device_id} is registered at {dev.site_id}")
            return dev
        return _insert(ctx, conn, device_id, site_id)


def retire(ctx: AppContext, device_id: str) -> Device:
    """Retire a device: its tokens are revoked, it can no longer log in or push; its block stays taken."""
    with ctx.db.write() as conn:
        dev = _row(conn, device_id)
        if dev is None:
            raise ApiError(404, "unknown_device", f"no device {device_id}")
        now = ctx.now_iso()
        conn.execute(
            update(devices).where(devices.c.device_id == device_id).values(status=RETIRED, updated_at=now)
        )
        conn.execute(
            update(tokens)
            .where(tokens.c.device_id == device_id, tokens.c.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        found = _row(conn, device_id)
    assert found is not None
    return found


def list_devices(ctx: AppContext, site_id: str | None = None) -> list[Device]:
    with ctx.db.read() as conn:
        q = select(devices.c.device_id).order_by(devices.c.site_id, devices.c.device_id)
        if site_id:
            q = q.where(devices.c.site_id == site_id)
        ids = [r.device_id for r in conn.execute(q)]
        return [d for d in (_row(conn, i) for i in ids) if d is not None]


def new_epoch(ctx: AppContext, device_id: str, site_id: str, pair_id: str) -> Device:
    """A new device id for a device whose journal restarted; the caller's token pair moves to it."""
    with ctx.db.write() as conn:
        dev = _row(conn, device_id)
        if dev is None or dev.site_id != site_id:
            raise ApiError(403, "wrong_device", "this device is registered at another site")
        base = dev.epoch_of or device_id
        n = conn.execute(
            select(func.count()).select_from(devices).where(devices.c.epoch_of == base)
        ).scalar_one()
        new_id = f"{base}~{int(n) + 2}"
        while _row(conn, new_id) is not None:
            n += 1
            new_id = f"{base}~{int(n) + 2}"
        fresh = _insert(ctx, conn, new_id, site_id, epoch_of=base)
        conn.execute(update(devices).where(devices.c.device_id == device_id).values(status=RETIRED))
        conn.execute(update(tokens).where(tokens.c.pair_id == pair_id).values(device_id=new_id))
    return fresh
