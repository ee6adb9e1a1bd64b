"""The device registry: which site a device belongs to, its SSCC block, and its epochs.

A device belongs to the site of the first login that named it (or of an admin's registration); a
login for another site's device is refused, and only tokens issued for a device may push for it
(services/sync/push.py). Each device gets its own SSCC blocks here, so no two devices draw the same
serials: a block of SSCC_BLOCK_SIZE serial references at registration, and the next one when it asks
(`refill_sscc`, its current block half used). Blocks come from a counter that only grows, so a block is
never handed out twice, to another device or to the same device's next epoch. Devices registered
before migration 015 keep their 3-digit block of 1,000,000 serials (`sscc_block`); new blocks skip
the ranges those cover.
A device that lost its journal starts a new epoch: a new device id, registered at the same site, that
the current token moves to, so its ops get fresh seqs instead of reusing the old id's.
Each device id has a chain key (keys.KeyStore.chain_key) that a login of its own site's staff hands
over (`chain_for`); `chain_from` is fixed at the first such login of a client that reports where
its journal stands, and never moves: ops above it carry the keyed link (docs/PROTOCOL.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from ..context import AppContext
from ..db import devices, next_counter, sites, sscc_blocks, tokens
from ..errors import ApiError

LEGACY_BLOCK_SIZE = 1_000_000  # before migration 015: a 3-digit block and a 6-digit counter
SSCC_BLOCK_SIZE = 10_000  # serial references per block (shared/store/sscc.py: next_sscc)
SSCC_BLOCKS = 10**9 // SSCC_BLOCK_SIZE  # an SSCC-18's serial reference has 9 digits (docs/BARCODES.md)
ACTIVE, RETIRED = "active", "retired"
# how many ops a device may say it journalled before its key (an upgrade, a restored server): more
# stay unkeyed only up to this many past the server's last seq of it
CHAIN_FROM_SLACK = 50_000


@dataclass(frozen=True, slots=True)
class Device:
    device_id: str
    site_id: str
    status: str
    sscc_block: int | None  # a legacy 3-digit block (registered before migration 015), else None
    last_seq: int
    registered_at: str | None
    epoch_of: str | None
    sscc_ranges: tuple[tuple[int, int], ...] = ()  # [first, last] serial references it may use
    chain_from: int | None = None  # ops above this seq are keyed; None: no key handed over yet

    def to_json(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "site_id": self.site_id,
            "status": self.status,
            "sscc_block": self.sscc_block,
            "sscc_ranges": [list(r) for r in self.sscc_ranges],
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
        _ranges(conn, r.device_id, r.sscc_block),
        None if r.chain_from is None else int(r.chain_from),
    )


def _ranges(conn: Connection, device_id: str, legacy: int | None) -> tuple[tuple[int, int], ...]:
    out = [] if legacy is None else [(legacy * LEGACY_BLOCK_SIZE, (legacy + 1) * LEGACY_BLOCK_SIZE - 1)]
    blocks = conn.execute(
        select(sscc_blocks.c.block).where(sscc_blocks.c.device_id == device_id).order_by(sscc_blocks.c.block)
    )
    out.extend((int(b) * SSCC_BLOCK_SIZE, (int(b) + 1) * SSCC_BLOCK_SIZE - 1) for (b,) in blocks)
    return tuple(out)


def _assign_block(ctx: AppContext, conn: Connection, device_id: str) -> None:
    """Give the device the next block never given before (the counter only grows), skipping block 0
    and the ranges of legacy 3-digit blocks."""
    legacy = {
        int(b) for (b,) in conn.execute(select(devices.c.sscc_block).where(devices.c.sscc_block.isnot(None)))
    }
    per_legacy = LEGACY_BLOCK_SIZE // SSCC_BLOCK_SIZE
    while True:
        block = next_counter(conn, "sscc_block")
        if block >= SSCC_BLOCKS:
            raise ApiError(409, "no_sscc_block", "every SSCC serial reference of this backend is assigned")
        if block == 0 or block // per_legacy in legacy:
            continue  # normally one step: the counter moves past a legacy range once, for good
        conn.execute(insert(sscc_blocks).values(block=block, device_id=device_id, assigned_at=ctx.now_iso()))
        return


def refill_sscc(ctx: AppContext, device_id: str, site_id: str, position: int | None) -> Device:
    """A device's next SSCC block, when it has used half of its newest one (`position`: the highest
    serial reference it gave out); otherwise (a repeated request) its blocks as they are."""
    with ctx.db.write() as conn:
        dev = _row(conn, device_id)
        if dev is None or dev.site_id != site_id:
            raise ApiError(403, "wrong_device", "this device is registered at another site")
        if dev.status == RETIRED:
            raise ApiError(403, "device_retired", "this device was retired by an administrator")
        newest = dev.sscc_ranges[-1] if dev.sscc_ranges else None
        # half used: the position is in the newest block's upper half (a position elsewhere, as a
        # 3-digit block's above a newer, lower block, is no reason for another block)
        if newest is None or (position is not None and (newest[0] + newest[1]) // 2 <= position <= newest[1]):
            _assign_block(ctx, conn, device_id)
            dev = _row(conn, device_id)
    assert dev is not None
    return dev


def _insert(
    ctx: AppContext,
    conn: Connection,
    device_id: str,
    site_id: str,
    epoch_of: str | None = None,
    chain_from: int | None = None,
) -> Device:
    now = ctx.now_iso()
    conn.execute(
        insert(devices).values(
            device_id=device_id,
            site_id=site_id,
            last_seq=0,
            updated_at=now,
            status=ACTIVE,
            sscc_block=None,
            registered_at=now,
            epoch_of=epoch_of,
            chain_from=chain_from,
        )
    )
    _assign_block(ctx, conn, device_id)
    found = _row(conn, device_id)
    assert found is not None
    return found


def _chain_start(last_seq: int, reported: int) -> int:
    return max(last_seq, min(reported, last_seq + CHAIN_FROM_SLACK))


def claim_on_login(
    ctx: AppContext, conn: Connection, device_id: str, site_id: str | None, journal_seq: int | None = None
) -> Device | None:
    """At a login naming a device: bind a new device to the user's site, refuse another site's.

    Users without a site (admins, customers) bind nothing; an admin may log in on any device.
    `journal_seq` (a client that keys its chain says where its journal stands: its last seq, or the
    `chain_from` it already holds) fixes the device's `chain_from` the first time, never later."""
    dev = _row(conn, device_id)
    if site_id is None:
        return dev
    if dev is None:
        start = None if journal_seq is None else _chain_start(0, journal_seq)
        return _insert(ctx, conn, device_id, site_id, chain_from=start)
    if dev.site_id != site_id:
        raise ApiError(403, "wrong_device", "this device is registered at another site")
    if dev.status == RETIRED:
        raise ApiError(403, "device_retired", "this device was retired by an administrator")
    if not dev.sscc_ranges:  # registered by a push before the registry existed
        _assign_block(ctx, conn, device_id)
        dev = _row(conn, device_id)
    if dev is not None and dev.chain_from is None and journal_seq is not None:
        start = _chain_start(dev.last_seq, journal_seq)
        conn.execute(update(devices).where(devices.c.device_id == device_id).values(chain_from=start))
        dev = _row(conn, device_id)
    return dev


def chain_for(ctx: AppContext, dev: Device | None, site_id: str | None) -> dict[str, Any] | None:
    """The chain key handed to a device at its own site's login or new epoch: {"key": hex,
    "from_seq": n}; None for another site's user, a retired device or one not keying yet."""
    if dev is None or site_id is None or dev.site_id != site_id or dev.status != ACTIVE:
        return None
    if dev.chain_from is None:
        return None
    return {"key": ctx.keys.chain_key(dev.device_id).hex(), "from_seq": dev.chain_from}


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
    """Retire a device: its tokens are revoked, it can no longer log in or push; its blocks stay taken."""
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
        # a device that keys its chain keys the new epoch from its first op (with the new id's key)
        start = None if dev.chain_from is None else 0
        fresh = _insert(ctx, conn, new_id, site_id, epoch_of=base, chain_from=start)
        conn.execute(update(devices).where(devices.c.device_id == device_id).values(status=RETIRED))
        conn.execute(update(tokens).where(tokens.c.pair_id == pair_id).values(device_id=new_id))
    return fresh
