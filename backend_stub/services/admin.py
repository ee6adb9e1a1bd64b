"""Administrative writes shared by the CLI, the seed and the test world: sites, users, products."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from shared.barcodes.formats import (
    SITE_ID_RE,
    cell_id,
    location_id,
    make_cell_label,
    make_location_label,
)
from shared.domain import Role, SiteKind

from ..context import AppContext, dumps
from ..db import cells, changes, locations, products, sites, users
from ..search import search_backend_for
from .changes import ALL_SITES, publish
from .customers import normalise_phone


class AdminError(ValueError):
    """A refused administrative change (bad id, duplicate, unknown site)."""


@dataclass(frozen=True)
class NewProduct:
    sku: str
    name: str
    brand: str
    price_kopecks: int
    gtin: str
    needs_marking: bool = False
    category: str = ""  # "clothes" and "shoes" may be tried on at a PVZ


def location_codes(n: int) -> list[str]:
    """n warehouse location codes in walking order: A-01-01-1, A-01-01-2, ..."""
    codes = []
    for i in range(n):
        level = i % 4 + 1
        shelf = i // 4 % 10 + 1
        aisle = i // 40 % 99 + 1
        zone = "ABCDEFGH"[i // 3960 % 8]
        codes.append(f"{zone}-{aisle:02d}-{shelf:02d}-{level}")
    return codes


def site_data(row: object) -> dict[str, object]:
    return {
        "id": row.id,  # type: ignore[attr-defined]
        "kind": row.kind,  # type: ignore[attr-defined]
        "name": row.name,  # type: ignore[attr-defined]
        "address": row.address,  # type: ignore[attr-defined]
        "storage_days": row.storage_days,  # type: ignore[attr-defined]
        "cart_size": getattr(row, "cart_size", 6),  # totes on a picking cart (warehouses)
        "fitting_rooms": getattr(row, "fitting_rooms", 2),  # a PVZ's fitting rooms ...
        "fitting_minutes": getattr(row, "fitting_minutes", 15),  # ... and a customer's time in one
        "short_code_salt": row.short_code_salt,  # type: ignore[attr-defined]
    }


def create_site(
    ctx: AppContext,
    site_id: str,
    kind: SiteKind | str,
    name: str,
    *,
    cells_count: int = 0,
    locations_count: int = 0,
    address: str = "",
    storage_days: int = 7,
) -> None:
    kind = SiteKind(kind)
    if kind is SiteKind.CENTRAL:
        raise AdminError("a site is a pvz or a warehouse")
    if not SITE_ID_RE.match(site_id):
        raise AdminError(f"bad site id {site_id!r}: capital letters, digits and dashes, like PVZ-DEMO-1")
    now = ctx.now_iso()
    with ctx.db.write() as conn:
        if conn.execute(select(sites.c.id).where(sites.c.id == site_id)).first():
            raise AdminError(f"site {site_id} exists already")
        conn.execute(
            insert(sites).values(
                id=site_id,
                kind=str(kind),
                name=name,
                address=address,
                storage_days=storage_days,
                short_code_salt=secrets.token_hex(16),
                created_at=now,
            )
        )
        row = conn.execute(select(sites).where(sites.c.id == site_id)).one()
        publish(conn, [site_id], "site", site_id, site_data(row))
        if kind is SiteKind.PVZ and cells_count:
            rows = [
                {
                    "id": cell_id(site_id, n),
                    "site_id": site_id,
                    "number": n,
                    "label": make_cell_label(site_id, n),
                    "capacity": 10,
                }
                for n in range(1, cells_count + 1)
            ]
            conn.execute(insert(cells), rows)
            for r in rows:
                publish(conn, [site_id], "cell", str(r["id"]), r)
        if kind is SiteKind.WAREHOUSE and locations_count:
            rows = [
                {
                    "id": location_id(site_id, code),
                    "site_id": site_id,
                    "code": code,
                    "label": make_location_label(site_id, code),
                }
                for code in location_codes(locations_count)
            ]
            conn.execute(insert(locations), rows)
            for r in rows:
                publish(conn, [site_id], "location", str(r["id"]), r)


def set_cart_size(ctx: AppContext, site_id: str, size: int) -> None:
    """A warehouse's picking cart holds `size` totes (1..12); terminals get it with the site by pull."""
    if not 1 <= size <= 12:
        raise AdminError("a cart holds 1 to 12 totes")
    with ctx.db.write() as conn:
        row = conn.execute(select(sites).where(sites.c.id == site_id)).first()
        if row is None or row.kind != "warehouse":
            raise AdminError(f"no warehouse {site_id}")
        conn.execute(update(sites).where(sites.c.id == site_id).values(cart_size=size))
        row = conn.execute(select(sites).where(sites.c.id == site_id)).one()
        publish(conn, [site_id], "site", site_id, site_data(row))


def create_user(
    ctx: AppContext,
    username: str,
    role: Role | str,
    password: str,
    site_id: str | None = None,
    display_name: str = "",
    phone: str = "",
) -> str:
    """Create a user; staff (clerk, warehouse) need a site of the matching kind. Returns the user id.
    A customer's `phone` is kept in full here; orders carry it masked."""
    role = Role(role)
    if role is Role.SYSTEM:
        raise AdminError("system is not a user role")
    username = username.strip()
    if not username or len(username) > 100:
        raise AdminError("a username is 1..100 characters")
    if len(password) < 8:
        raise AdminError("a password is at least 8 characters")
    need = {Role.CLERK: SiteKind.PVZ, Role.WAREHOUSE: SiteKind.WAREHOUSE}.get(role)
    pw_hash = ctx.passwords.hash(password)
    with ctx.db.write() as conn:
        if site_id is not None:
            site = conn.execute(select(sites.c.kind).where(sites.c.id == site_id)).first()
            if site is None:
                raise AdminError(f"unknown site {site_id}")
            if need is not None and site.kind != need:
                raise AdminError(f"a {role} works at a {need}, and {site_id} is a {site.kind}")
        elif need is not None:
            raise AdminError(f"a {role} needs --site")
        if conn.execute(select(users.c.id).where(users.c.username == username)).first():
            raise AdminError(f"user {username} exists already")
        user_id = ctx.ids.new()
        conn.execute(
            insert(users).values(
                id=user_id,
                username=username,
                password_hash=pw_hash,
                role=str(role),
                site_id=site_id,
                display_name=display_name or username,
                phone=normalise_phone(phone) or None,
                active=True,
                created_at=ctx.now_iso(),
            )
        )
    return user_id


def product_data(p: NewProduct) -> dict[str, object]:
    return {
        "sku": p.sku,
        "name": p.name,
        "brand": p.brand,
        "price_kopecks": p.price_kopecks,
        "gtin": p.gtin,
        "needs_marking": p.needs_marking,
        "category": p.category,
    }


def add_products(conn: Connection, items: Sequence[NewProduct], *, publish_changes: bool = True) -> None:
    """Insert products and index them for search in the caller's transaction."""
    if not items:
        return
    conn.execute(insert(products), [product_data(p) for p in items])
    skus = [p.sku for p in items]
    ids: dict[str, int] = {}
    for start in range(0, len(skus), 900):
        chunk = skus[start : start + 900]
        ids.update(
            {
                r.sku: int(r.id)
                for r in conn.execute(select(products.c.id, products.c.sku).where(products.c.sku.in_(chunk)))
            }
        )
    search_backend_for(conn).index(conn, [(ids[p.sku], p.name, p.brand) for p in items])
    if publish_changes:  # new products have no earlier change rows: insert them in bulk
        conn.execute(
            insert(changes),
            [
                {
                    "site_id": ALL_SITES,
                    "entity": "product",
                    "entity_id": p.sku,
                    "op": "upsert",
                    "data": dumps(product_data(p)),
                }
                for p in items
            ],
        )
