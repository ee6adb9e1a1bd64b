"""Catalog search on PostgreSQL: the same rules and tiers as on SQLite, so both answer alike.

What a query may match as (exact words, last-word prefixes, word forms, typos) is planned by the
same code as on SQLite (`fts5._Plan`) over the same vocabulary, trigram and suggestion tables; only
the postings differ:

- `product_search` holds per product two `tsvector`s: its folded words (name and brand, ё = е,
  lower case) and their Snowball stems. The lexemes are made here, by the Russian/English Snowball
  stemmer PostgreSQL's own `russian` configuration uses, so SQLite and PostgreSQL index the same
  terms and no text-search configuration on the server can fold differently. GIN indexes answer
  `@@` per word; a tier is an AND of per-word ORs, minus the tiers before it, in catalog order.
- Everything is written by `index`/`remove` in the caller's transaction, with the product rows:
  the index never lags the table (index lag 0).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection

from . import Hit, Suggestion
from .fts5 import Fts5Search, _chunks, _Doc, _Plan
from .text import fold

_CREATE = (
    "CREATE TABLE IF NOT EXISTS product_search (product_id BIGINT PRIMARY KEY, name TEXT NOT NULL, "
    "brand TEXT NOT NULL, words TSVECTOR NOT NULL, stems TSVECTOR NOT NULL)",
    "CREATE INDEX IF NOT EXISTS ix_product_search_words ON product_search USING GIN (words)",
    "CREATE INDEX IF NOT EXISTS ix_product_search_stems ON product_search USING GIN (stems)",
    'CREATE TABLE IF NOT EXISTS search_terms (kind TEXT NOT NULL, term TEXT COLLATE "C" NOT NULL, '
    "df INTEGER NOT NULL, PRIMARY KEY (kind, term))",
    "CREATE TABLE IF NOT EXISTS search_trigrams (tri TEXT NOT NULL, len INTEGER NOT NULL, "
    "term TEXT NOT NULL, PRIMARY KEY (tri, len, term))",
    'CREATE TABLE IF NOT EXISTS search_suggest (key TEXT COLLATE "C" NOT NULL, phrase TEXT NOT NULL, '
    "pos INTEGER NOT NULL, kind TEXT NOT NULL, display TEXT NOT NULL, weight INTEGER NOT NULL, "
    "PRIMARY KEY (key, phrase))",
)
_TABLES = ("product_search", "search_terms", "search_trigrams", "search_suggest")


class _Marks:
    """A connection whose exec_driver_sql takes the shared SQL's `?` marks (psycopg wants `%s`)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def exec_driver_sql(self, sql: str, params: Any = None) -> Any:
        sql = sql.replace("?", "%s")
        return (
            self._conn.exec_driver_sql(sql, params) if params is not None else self._conn.exec_driver_sql(sql)
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def _tsquery(terms: set[str]) -> str:
    return " | ".join("'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in sorted(terms))


class PgSearch(Fts5Search):
    # ---- writing ------------------------------------------------------------------------------
    def create(self, conn: Connection) -> None:
        for sql in _CREATE:
            conn.exec_driver_sql(sql)

    def rebuild(self, conn: Connection) -> None:
        for table in _TABLES:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
        self.create(conn)
        last = 0
        while True:
            rows = conn.exec_driver_sql(
                "SELECT id, name, brand FROM products WHERE id > %s ORDER BY id LIMIT 20000", (last,)
            ).all()
            if not rows:
                break
            self._add(conn, [(int(r[0]), str(r[1]), str(r[2])) for r in rows])
            last = int(rows[-1][0])
        self.optimize(conn)

    def optimize(self, conn: Connection) -> None:
        conn.exec_driver_sql("ANALYZE product_search")

    def index(self, conn: Connection, rows: Iterable[tuple[int, str, str]]) -> None:
        batch = list(rows)
        if not batch:
            return
        known: list[int] = []
        for chunk in _chunks([pid for pid, _, _ in batch]):
            known += [
                int(r[0])
                for r in conn.exec_driver_sql(
                    "SELECT product_id FROM product_search WHERE product_id = ANY(%s)", (list(chunk),)
                )
            ]
        if known:
            self.remove(conn, known)
        self._add(conn, batch)

    def _add(self, conn: Connection, batch: list[tuple[int, str, str]]) -> None:
        docs = [(pid, _Doc(fold(name), fold(brand), name, brand)) for pid, name, brand in batch]
        conn.exec_driver_sql(
            "INSERT INTO product_search(product_id, name, brand, words, stems) VALUES "
            "(%s, %s, %s, array_to_tsvector(%s::text[]), array_to_tsvector(%s::text[]))",
            [(pid, d.name, d.brand, sorted(d.words), d.stems) for pid, d in docs],
        )
        self._count(_Marks(conn), [d for _, d in docs], +1)  # type: ignore[arg-type]

    def remove(self, conn: Connection, product_ids: Sequence[int]) -> None:
        docs = []
        for chunk in _chunks(list(product_ids)):
            ids = list(chunk)
            docs += [
                _Doc(str(r[0]), str(r[1]))
                for r in conn.exec_driver_sql(
                    "SELECT name, brand FROM product_search WHERE product_id = ANY(%s)", (ids,)
                )
            ]
            conn.exec_driver_sql("DELETE FROM product_search WHERE product_id = ANY(%s)", (ids,))
        if docs:
            self._count(_Marks(conn), docs, -1)  # type: ignore[arg-type]

    # ---- searching ------------------------------------------------------------------------------
    def search(self, conn: Connection, query: str, limit: int, after: Sequence[float] | None) -> list[Hit]:
        return super().search(_Marks(conn), query, limit, after)  # type: ignore[arg-type]

    def suggest(self, conn: Connection, query: str, limit: int) -> list[Suggestion]:
        return super().suggest(_Marks(conn), query, limit)  # type: ignore[arg-type]

    def _page(
        self, conn: Connection, plan: _Plan, tier: int, n: int, after_id: int, exclude: int
    ) -> list[int]:
        if not plan.adds(tier):
            return []
        this = plan.groups(tier)
        if this is None:
            return []
        params: list[Any] = []

        def condition(groups: list[tuple[set[str], set[str]]]) -> str:
            ands = []
            for ws, ss in groups:
                ors = []
                if ws:
                    ors.append("words @@ ?::tsquery")
                    params.append(_tsquery(ws))
                if ss:
                    ors.append("stems @@ ?::tsquery")
                    params.append(_tsquery(ss))
                ands.append("(" + " OR ".join(ors) + ")")
            return " AND ".join(ands)

        where = condition(this)
        before = plan.groups(tier - 1) if tier > 1 else None
        if before:
            where = f"({where}) AND NOT ({condition(before)})"
        rows = conn.exec_driver_sql(
            f"SELECT product_id FROM product_search WHERE {where} AND product_id > ? AND product_id <> ? "
            "ORDER BY product_id LIMIT ?",
            (*params, after_id, exclude, n),
        ).all()
        return [int(r[0]) for r in rows]


__all__ = ["PgSearch"]
