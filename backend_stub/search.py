"""Catalog full-text search behind a small interface; the SQLite FTS5 implementation is the only
SQLite-specific SQL in the backend."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Connection, text

_TOKEN_RE = re.compile(r"\w+\*?", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Hit:
    product_id: int
    rank: float


class SearchBackend(Protocol):
    def create(self, conn: Connection) -> None: ...

    def index(self, conn: Connection, rows: Iterable[tuple[int, str, str]]) -> None: ...

    def remove(self, conn: Connection, product_ids: Sequence[int]) -> None: ...

    def search(
        self, conn: Connection, query: str, limit: int, after: tuple[float, int] | None
    ) -> list[Hit]: ...


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

    def search(self, conn: Connection, query: str, limit: int, after: tuple[float, int] | None) -> list[Hit]:
        match = to_match_query(query)
        if match is None:
            return []
        # rank ascending (bm25: lower is better), then rowid, for a stable order across pages
        inner = (
            "SELECT rowid AS id, bm25(product_fts, 2.0, 1.0) AS r FROM product_fts WHERE product_fts MATCH :m"
        )
        params: dict[str, object] = {"m": match, "limit": limit}
        if after is None:
            sql = inner + " ORDER BY r, id LIMIT :limit"
        else:
            sql = f"SELECT id, r FROM ({inner}) WHERE r > :ar OR (r = :ar AND id > :aid) ORDER BY r, id LIMIT :limit"
            params["ar"], params["aid"] = after
        return [Hit(int(r[0]), float(r[1])) for r in conn.execute(text(sql), params)]


def search_backend_for(conn: Connection) -> SearchBackend:
    if conn.dialect.name != "sqlite":  # pragma: no cover - PostgreSQL would get a tsvector backend
        raise NotImplementedError(f"no catalog search backend for {conn.dialect.name}")
    return Fts5Search()
