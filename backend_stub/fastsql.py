"""The hot path's SQL: Core statements compiled once per dialect and run on the DBAPI cursor
(`Fast`), their rows (`FastRow`), many rows in one set-based statement (`Bulk`), and savepoints
without SQLAlchemy's bookkeeping (`Savepoint`). Re-exported by db.py, where the tables are."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, insert, update
from sqlalchemy.dialects import postgresql


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

    def __init__(self, stmt: Any, binary: tuple[str, ...] = ()) -> None:
        self.stmt = stmt
        self._binary = binary  # binds sent in binary on psycopg (a list: no text escaping per item)
        # per dialect: the SQL, the positional order of its binds, and the values of literals in the
        # statement (x == "access", a LIMIT's OFFSET 0), which compile to binds with their values
        self._compiled: dict[str, tuple[str, tuple[str, ...] | None, dict[str, Any]]] = {}

    def _sql(self, conn: Connection) -> tuple[str, tuple[str, ...] | None, dict[str, Any]]:
        hit = self._compiled.get(conn.dialect.name)
        if hit is None:
            compiled = self.stmt.compile(dialect=conn.dialect)
            order = tuple(compiled.positiontup or ()) if compiled.positional else None
            defaults = {k: v for k, v in compiled.params.items() if v is not None}
            sql = compiled.string
            if conn.dialect.name == "postgresql":
                for name in self._binary:
                    sql = sql.replace(f"%({name})s", f"%({name})b")
            hit = (sql, order, defaults)
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

    def rows(self, conn: Connection, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        """The rows as the driver's plain tuples, in the statement's column order: for pages of
        thousands of rows, where a FastRow (a dict and attribute look-ups in Python) per row shows."""
        cur = self.run(conn, params)
        rows: list[tuple[Any, ...]] = cur.fetchall()
        cur.close()
        return rows

    def rowcount(self, conn: Connection, params: dict[str, Any] | None = None) -> int:
        cur = self.run(conn, params)
        count = int(cur.rowcount)
        cur.close()
        return count


class Bulk:
    """Many rows of one INSERT, UPDATE (by key) or DELETE (by key) as one statement on PostgreSQL.

    Each column's values go as one array and the rows come out of `unnest(...)`, so a 50-row write
    is one statement for the server to plan and run, not 50 (psycopg's executemany pipelines the 50
    but the server still runs each). Rows are inserted in the order given, so a serial id (the
    change feed's) follows that order. Elsewhere (SQLite, in-process) it is the same statement
    through executemany. `params` maps each column to its key in the row dicts ("b_<column>" if not
    given); an UPDATE's keys must be distinct. An UPDATE may name a `scope` column that every row
    shares (a partition key: units.pvz_id), given to `run` as `scope_value`, so PostgreSQL touches
    that one partition only.
    """

    def __init__(
        self,
        kind: str,
        table: Table,
        columns: list[str],
        key: list[str] | None = None,
        params: dict[str, str] | None = None,
        scope: str | None = None,
    ) -> None:
        key = key or []
        self._scoped = scope is not None
        self._params = {c: (params or {}).get(c, "b_" + c) for c in [*key, *columns]}
        self._order = [*key, *columns]
        p = self._params
        pg = postgresql.dialect()  # type: ignore[no-untyped-call]
        arrays = ", ".join(f"%b::{table.c[c].type.compile(dialect=pg)}[]" for c in self._order)
        names = ", ".join(self._order)
        if kind == "insert":
            self._pg = f"INSERT INTO {table.name} ({names}) SELECT * FROM unnest({arrays})"
            stmt: Any = insert(table).values({c: bindparam(p[c]) for c in columns})
        elif kind == "update":
            sets = ", ".join(f"{c} = v.{c}" for c in columns)
            match = " AND ".join(f"{table.name}.{c} = v.{c}" for c in key)
            if scope is not None:
                match += f" AND {table.name}.{scope} = %b"
            self._pg = f"UPDATE {table.name} SET {sets} FROM unnest({arrays}) AS v({names}) WHERE {match}"
            where = [table.c[c] == bindparam(p[c]) for c in key]
            if scope is not None:
                where.append(table.c[scope] == bindparam("b_scope"))
            stmt = update(table).where(*where).values({c: bindparam(p[c]) for c in columns})
        elif kind == "delete":
            match = " AND ".join(f"{table.name}.{c} = v.{c}" for c in columns)
            self._pg = f"DELETE FROM {table.name} USING unnest({arrays}) AS v({names}) WHERE {match}"
            stmt = delete(table).where(*[table.c[c] == bindparam(p[c]) for c in columns])
        else:
            raise ValueError(kind)
        self._fallback = Fast(stmt)

    def run(self, conn: Connection, rows: list[dict[str, Any]], scope_value: str | None = None) -> None:
        if not rows:
            return
        if self._scoped != (scope_value is not None):
            raise ValueError("a scoped Bulk update needs its scope_value, and only it")
        if conn.dialect.name != "postgresql" or len(rows) == 1:
            self._fallback.many(
                conn, rows if scope_value is None else [{**r, "b_scope": scope_value} for r in rows]
            )
            return
        arrays = tuple([r[self._params[c]] for r in rows] for c in self._order)
        cur = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        cur.execute(self._pg, arrays if scope_value is None else (*arrays, scope_value))
        cur.close()


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
