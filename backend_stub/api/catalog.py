from __future__ import annotations

import base64
import json
import math
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel
from sqlalchemy import select

from ..db import products
from ..errors import ERROR_RESPONSES, ApiError, not_found
from ..search import query_key, search_backend_for
from .deps import Caller, Ctx

MAX_CURSOR_NUMBER = 2**63 - 1
router = APIRouter(prefix="/api/v1/catalog", tags=["catalog"], responses=ERROR_RESPONSES)


class ProductOut(BaseModel):
    sku: str
    name: str
    brand: str
    price_kopecks: int
    gtin: str
    needs_marking: bool
    category: str = ""  # "clothes" and "shoes" may be tried on at a PVZ


class ProductPage(BaseModel):
    items: list[ProductOut]
    next_cursor: str | None


class SuggestionOut(BaseModel):
    text: str
    kind: str  # "name" | "brand"


class SuggestionList(BaseModel):
    items: list[SuggestionOut]


def _product(row: object) -> ProductOut:
    return ProductOut(
        sku=row.sku,  # type: ignore[attr-defined]
        name=row.name,  # type: ignore[attr-defined]
        brand=row.brand,  # type: ignore[attr-defined]
        price_kopecks=row.price_kopecks,  # type: ignore[attr-defined]
        gtin=row.gtin,  # type: ignore[attr-defined]
        needs_marking=bool(row.needs_marking),  # type: ignore[attr-defined]
        category=getattr(row, "category", "") or "",
    )


def _encode_cursor(data: list[float | int]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def _cursor_number(value: object) -> bool:
    """A number this server could have put in a cursor: finite (json.loads accepts Infinity and
    NaN) and small enough for a 64-bit column, so int() and the database never fail on it."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and abs(value) <= MAX_CURSOR_NUMBER


def _decode_cursor(cursor: str) -> list[float | int]:
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(data, list) or not all(_cursor_number(v) for v in data):
            raise ValueError("cursor")
        return data
    except ValueError as exc:
        raise ApiError(400, "invalid_cursor", "the cursor is not one this server gave out") from exc


@router.get("/products", response_model=ProductPage)
def list_products(
    ctx: Ctx,
    caller: Caller,
    q: Annotated[str, Query(max_length=200)] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> ProductPage:
    """Catalog search over name, brand and codes, best match first (the rules are in
    docs/PROTOCOL.md: the last word is a prefix, word forms, ё = е, typos, keyboard layout, GTIN /
    SKU / unit label); without q, every product by id. A cursor only continues the query it came
    from."""
    after = _decode_cursor(cursor) if cursor else None
    with ctx.db.read() as conn:
        if q.strip():
            key = query_key(q)
            if after is not None and (len(after) < 2 or after[0] != key):
                raise ApiError(400, "invalid_cursor", "the cursor belongs to another query")
            try:
                hits = search_backend_for(conn).search(conn, q, limit + 1, after[1:] if after else None)
            except ValueError as exc:
                raise ApiError(400, "invalid_cursor", "the cursor belongs to another query") from exc
            page, more = hits[:limit], len(hits) > limit
            rows = {}
            if page:
                ids = [h.product_id for h in page]
                rows = {r.id: r for r in conn.execute(select(products).where(products.c.id.in_(ids)))}
            items = [_product(rows[h.product_id]) for h in page if h.product_id in rows]
            next_cursor = _encode_cursor([key, *page[-1].cursor]) if more else None
        else:
            if after is not None and len(after) != 1:
                raise ApiError(400, "invalid_cursor", "the cursor belongs to another query")
            stmt = select(products).order_by(products.c.id).limit(limit + 1)
            if after:
                stmt = stmt.where(products.c.id > int(after[0]))
            rows_list = list(conn.execute(stmt))
            page_rows, more = rows_list[:limit], len(rows_list) > limit
            items = [_product(r) for r in page_rows]
            next_cursor = _encode_cursor([page_rows[-1].id]) if more else None
    return ProductPage(items=items, next_cursor=next_cursor)


@router.get("/suggest", response_model=SuggestionList)
def suggest(
    ctx: Ctx,
    caller: Caller,
    q: Annotated[str, Query(max_length=200)] = "",
    limit: Annotated[int, Query(ge=1, le=10)] = 10,
) -> SuggestionList:
    """Completions for a search box: product names and brands that the typed text starts (or has a
    word starting with it), the most common first; ё = е, and the other keyboard layout is tried
    when the text as typed has none."""
    if not q.strip():
        return SuggestionList(items=[])
    with ctx.db.read() as conn:
        found = search_backend_for(conn).suggest(conn, q, limit)
    return SuggestionList(items=[SuggestionOut(text=s.text, kind=s.kind) for s in found])


@router.get("/products/{sku}", response_model=ProductOut)
def get_product(sku: str, ctx: Ctx, caller: Caller) -> ProductOut:
    with ctx.db.read() as conn:
        row = conn.execute(select(products).where(products.c.sku == sku)).first()
    if row is None:
        raise not_found(f"no product {sku}")
    return _product(row)


@router.get("/barcodes/{gtin}", response_model=ProductOut)
def get_by_barcode(gtin: str, ctx: Ctx, caller: Caller) -> ProductOut:
    """The product with this GTIN (EAN-13, EAN-8, UPC-A or GTIN-14; leading zeros are ignored)."""
    if not gtin.isdigit() or not 8 <= len(gtin) <= 14:
        raise ApiError(400, "invalid_gtin", "a GTIN is 8 to 14 digits")
    candidates = {gtin, gtin.lstrip("0"), gtin.zfill(13), gtin.zfill(14), gtin.lstrip("0").zfill(13)}
    with ctx.db.read() as conn:
        row = conn.execute(select(products).where(products.c.gtin.in_(sorted(candidates))).limit(1)).first()
    if row is None:
        raise not_found(f"no product with barcode {gtin}")
    return _product(row)
