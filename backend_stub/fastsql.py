"""The hot path's SQL: Core statements compiled once per dialect and run on the DBAPI cursor
(`Fast`), their rows (`FastRow`), and savepoints without SQLAlchemy's bookkeeping (`Savepoint`).
Re-exported by db.py, where the tables are."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection


class FastRow:
    """A result row as attributes and as a mapping (`row._mapping`), like SQLAlchemy's Row."""

    __slots__ = ("_mapping",)

    def __init__(self, mapping: dict[str, Any]) -> None:
        self._mapping = mapping

    def __getattr__(self, name: str) -> Any:
        try:
            return self._mapping[name]
        except KeyError:
            raise AttributeError(name) from None


class Fast:
    """A Core statement compiled once per dialect and run on the DBAPI cursor.

    For the sync and webhook hot paths, where SQLAlchemy's per-execute overhead is most of the cost.
    The SQL text still comes from the dialect's compiler, so it stays portable. Bind only plain
    values (str, int, None); rows come back as FastRow.
    """

    def __init__(self, stmt: Any) -> None:
        self.stmt = stmt
        # per dialect: the SQL, the positional order of its binds, and the values of literals in the
        # statement (x == "access", a LIMIT's OFFSET 0), which compile to binds with their values
        self._compiled: dict[str, tuple[str, tuple[str, ...] | None, dict[str, Any]]] = {}

    def _sql(self, conn: Connection) -> tuple[str, tuple[str, ...] | None, dict[str, Any]]:
        hit = self._compiled.get(conn.dialect.name)
        if hit is None:
            compiled = self.stmt.compile(dialect=conn.dialect)
            order = tuple(compiled.positiontup or ()) if compiled.positional else None
            defaults = {k: v for k, v in compiled.params.items() if v is not None}
            hit = (compiled.string, order, defaults)
            self._compiled[conn.dialect.name] = hit
        return hit

    @staticmethod
    def _args(order: tuple[str, ...] | None, defaults: dict[str, Any], params: dict[str, Any]) -> Any:
        if defaults:
            params = {**defaults, **params}
        return tuple(map(params.__getitem__, order)) if order is not None else params

    def run(self, conn: Connection, params: dict[str, Any] | None = None) -> Any:
        sql, order, defaults = self._sql(conn)
        cur = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        cur.execute(sql, self._args(order, defaults, params or {}))
        return cur

    def many(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        if rows:
            sql, order, defaults = self._sql(conn)
            cur = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            cur.executemany(sql, [self._args(order, defaults, r) for r in rows])
            cur.close()

    def first(self, conn: Connection, params: dict[str, Any] | None = None) -> FastRow | None:
        cur = self.run(conn, params)
        row = cur.fetchone()
        names = [d[0] for d in cur.description]
        cur.close()
        return None if row is None else FastRow(dict(zip(names, row, strict=True)))

    def all(self, conn: Connection, params: dict[str, Any] | None = None) -> list[FastRow]:
        cur = self.run(conn, params)
        rows = cur.fetchall()
        names = [d[0] for d in cur.description]
        cur.close()
        return [FastRow(dict(zip(names, r, strict=True))) for r in rows]

    def rowcount(self, conn: Connection, params: dict[str, Any] | None = None) -> int:
        cur = self.run(conn, params)
        count = int(cur.rowcount)
        cur.close()
        return count


class Savepoint:
    """SAVEPOINT / RELEASE / ROLLBACK TO on the DBAPI cursor (standard SQL; cheaper than begin_nested)."""

    def __init__(self, conn: Connection, name: str = "wb_op") -> None:
        self._cur = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        self._name = name
        self._cur.execute(f"SAVEPOINT {name}")

    def commit(self) -> None:
        self._cur.execute(f"RELEASE SAVEPOINT {self._name}")
        self._cur.close()

    def rollback(self) -> None:
        self._cur.execute(f"ROLLBACK TO SAVEPOINT {self._name}")
        self._cur.execute(f"RELEASE SAVEPOINT {self._name}")
        self._cur.close()
