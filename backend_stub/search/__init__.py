"""Catalog search behind a small interface. The rules (docs/PROTOCOL.md, "Catalog search"):

- the last word is a prefix (search as you type), earlier words match whole;
- word forms meet through Snowball stems (Russian and English), at index and at query time;
- ё is е everywhere;
- typos: 1 in words of 5-8 letters, 2 in words of 9 or more, none in shorter ones;
- tiers, best first: a code (GTIN, SKU, unit label) naming a product, then exact words, then the
  last word as a prefix, then word forms, then typos; within a tier, catalog order;
- a query that finds nothing as typed is tried once more as typed on the other keyboard layout.

The SQLite implementation (`fts5.py`) and the PostgreSQL one (`pg.py`, tsvector postings under the
same plan) answer alike; the rest of the backend's SQL is portable.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Connection

MAX_PRODUCT_ID = 2**62


@dataclass(frozen=True, slots=True)
class Hit:
    product_id: int
    rank: float
    cursor: tuple[float, ...]  # opaque position: pass it back as `after` for the next page


@dataclass(frozen=True, slots=True)
class Suggestion:
    text: str
    kind: str  # "name" | "brand"


class SearchBackend(Protocol):
    def create(self, conn: Connection) -> None: ...

    def rebuild(self, conn: Connection) -> None:
        """Drop and refill the index from the products table (a migration, or a rules change)."""
        ...

    def index(self, conn: Connection, rows: Iterable[tuple[int, str, str]]) -> None:
        """(id, name, brand) of new or changed products, in the caller's transaction."""
        ...

    def remove(self, conn: Connection, product_ids: Sequence[int]) -> None: ...

    def search(self, conn: Connection, query: str, limit: int, after: Sequence[float] | None) -> list[Hit]:
        """Best first; `after` is the last hit's cursor. ValueError for a cursor it did not make."""
        ...

    def suggest(self, conn: Connection, query: str, limit: int) -> list[Suggestion]: ...


def query_key(query: str) -> int:
    """A 48-bit fingerprint of a query as search reads it, so a cursor is bound to its query."""
    normal = " ".join(query.lower().replace("ё", "е").split())
    return int.from_bytes(hashlib.sha256(normal.encode()).digest()[:6], "big")


def search_backend_for(conn: Connection) -> SearchBackend:
    if conn.dialect.name == "postgresql":
        from .pg import PgSearch

        return PgSearch()
    if conn.dialect.name != "sqlite":  # pragma: no cover - only the two dialects Database accepts
        raise NotImplementedError(f"no catalog search backend for {conn.dialect.name}")
    from .fts5 import Fts5Search

    return Fts5Search()


__all__ = [
    "MAX_PRODUCT_ID",
    "Hit",
    "SearchBackend",
    "Suggestion",
    "query_key",
    "search_backend_for",
]
