"""Catalog full-text search behind a small interface; the SQLite FTS5 implementation is the only
SQLite-specific SQL in the backend."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Connection, text

_TOKEN_RE = re.compile(r"\w+\*?", re.UNICODE)


RANKED_CANDIDATES = 2000  # matches ranked by bm25; matches beyond them follow in catalog order


@dataclass(frozen=True, slots=True)
class Hit:
    product_id: int
    rank: float
    cursor: tuple[float, ...]  # opaque position: pass it back as `after` for the next page


class SearchBackend(Protocol):
    def create(self, conn: Connection) -> None: ...

    def index(self, conn: Connection, rows: Iterable[tuple[int, str, str]]) -> None: ...

    def remove(self, conn: Connection, product_ids: Sequence[int]) -> None: ...

    def search(self, conn: Connection, query: str, limit: int, after: Sequence[float] | None) -> list[Hit]:
        """Best first; `after` is the last hit's cursor. ValueError for a cursor it did not make."""
        ...


def fold(text: str) -> str:
    """What unicode61 does not fold by itself: ё is searched as е (Зелёный == Зеленый)."""
    return text.replace("ё", "е").replace("Ё", "Е")


def to_match_query(query: str) -> str | None:
    """User text -> an FTS5 MATCH expression of quoted terms (AND), keeping a trailing '*' as prefix.

    Anything that is not a word character is dropped, so no user input can form FTS syntax.
    """
    terms = []
    for token in _TOKEN_RE.findall(fold(query)):
        prefix = token.endswith("*")
        word = token.rstrip("*").replace('"', "")
        if not word:
            continue
        terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms) if terms else None


class Fts5Search:
    """FTS5 over name and brand, unicode61 with diacritics removed (ё matches е), bm25 ranking."""

    def create(self, conn: Connection) -> None:
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS product_fts USING fts5("
            "name, brand, tokenize='unicode61 remove_diacritics 2')"
        )

    def index(self, conn: Connection, rows: Iterable[tuple[int, str, str]]) -> None:
        batch = [{"id": pid, "name": fold(name), "brand": fold(brand)} for pid, name, brand in rows]
        if batch:
            conn.execute(text("DELETE FROM product_fts WHERE rowid = :id"), [{"id": r["id"]} for r in batch])
            conn.execute(
                text("INSERT INTO product_fts(rowid, name, brand) VALUES (:id, :name, :brand)"), batch
            )

    def remove(self, conn: Connection, product_ids: Sequence[int]) -> None:
        if product_ids:
            conn.execute(text("DELETE FROM product_fts WHERE rowid = :id"), [{"id": i} for i in product_ids])

    def search(self, conn: Connection, query: str, limit: int, after: Sequence[float] | None) -> list[Hit]:
        """Two tiers keep a page fast however many products match: the first RANKED_CANDIDATES
        matches (by rowid, up to `boundary`) ordered by bm25 (name weighted over brand), then every
        later match in rowid order. Cursor: (tier, rank, rowid, boundary)."""
        match = to_match_query(query)
        if match is None:
            return []
        if after is not None:
            if (
                len(after) != 4
                or after[0] not in (1, 2)
                or not all(isinstance(v, int | float) and math.isfinite(v) for v in after)
                or not all(abs(v) <= NO_BOUNDARY for v in after)
            ):
                raise ValueError("not a search cursor")
            tier, last_rank, last_id, boundary = int(after[0]), float(after[1]), int(after[2]), int(after[3])
        else:
            tier, last_rank, last_id = 1, 0.0, 0
            row = conn.execute(
                text(
                    "SELECT rowid FROM product_fts WHERE product_fts MATCH :m ORDER BY rowid LIMIT 1 OFFSET :k"
                ),
                {"m": match, "k": RANKED_CANDIDATES - 1},
            ).first()
            boundary = int(row[0]) if row else NO_BOUNDARY
        hits: list[Hit] = []
        if tier == 1:
            sql = (
                "SELECT rowid AS id, bm25(product_fts, 2.0, 1.0) AS r FROM product_fts "
                "WHERE product_fts MATCH :m AND rowid <= :b"
            )
            params: dict[str, object] = {"m": match, "b": boundary, "limit": limit}
            if after is not None:
                sql = f"SELECT id, r FROM ({sql}) WHERE r > :ar OR (r = :ar AND id > :aid)"
                params |= {"ar": last_rank, "aid": last_id}
            rows = conn.execute(text(sql + " ORDER BY r, id LIMIT :limit"), params).all()
            hits = [Hit(int(r[0]), float(r[1]), (1, float(r[1]), int(r[0]), boundary)) for r in rows]
            last_id = boundary
        if len(hits) < limit and boundary < NO_BOUNDARY:
            rows = conn.execute(
                text(
                    "SELECT rowid FROM product_fts WHERE product_fts MATCH :m AND rowid > :after "
                    "ORDER BY rowid LIMIT :limit"
                ),
                {"m": match, "after": max(last_id, boundary), "limit": limit - len(hits)},
            ).all()
            hits += [Hit(int(r[0]), 0.0, (2, 0.0, int(r[0]), boundary)) for r in rows]
        return hits


NO_BOUNDARY = 2**62


def search_backend_for(conn: Connection) -> SearchBackend:
    if conn.dialect.name != "sqlite":  # pragma: no cover - PostgreSQL would get a tsvector backend
        raise NotImplementedError(f"no catalog search backend for {conn.dialect.name}")
    return Fts5Search()
