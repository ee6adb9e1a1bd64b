"""Named, ordered schema migrations of the backend database, and the PostgreSQL site partitions.

Each is applied once, in its own transaction, and recorded in `schema_migrations`; a database
that records a migration this build does not know (a newer version wrote it) is refused. A schema
change edits the Table in `db.py` AND appends a migration here that makes the same change on an
existing database, so fresh and migrated databases agree (docs/ARCHITECTURE.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    ForeignKeyConstraint,
    Index,
    MetaData,
    Table,
    UniqueConstraint,
    insert,
    inspect,
    select,
)

from shared.domain import Clock, utc_iso

from .database import Database
from .db import (
    changes,
    count_tasks,
    counters,
    discrepancies,
    evidence,
    metadata,
    next_counter,
    orders,
    payment_intents,
    route_departures,
    schema_migrations,
    sscc_blocks,
    tokens,
    users,
)

# ---- PostgreSQL: tables partitioned by site ------------------------------------------------------
# The tables that grow with the network's traffic, and the site column each is partitioned on. On
# PostgreSQL they are created PARTITION BY HASH of that column, every primary and unique key widened
# to include it (a partitioned table can only enforce uniqueness within a partition); the SQL the
# services run is unchanged. The site column goes last in a widened unique key, (label, pvz_id), so a
# lookup by the natural key alone (a unit by its label, a device's op by its seq) is an index look-up
# in each partition, not a scan of them all (migration 017). The same column is the distribution
# column for Citus (SCALING.md).
PARTITIONED_BY_SITE = {"orders": "pvz_id", "units": "pvz_id", "op_results": "site_id", "outbox": "site_id"}
PARTITIONS = 8


def _partitioned_copy(table: Table, key: str, into: MetaData) -> Table:
    cols = []
    for c in table.columns:
        in_pk = c.primary_key or c.name == key
        cols.append(
            Column(
                c.name,
                c.type,
                primary_key=in_pk,
                nullable=False if in_pk else c.nullable,
                server_default=c.server_default.arg if c.server_default is not None else None,  # type: ignore[attr-defined]
                autoincrement=bool(c.autoincrement is True),
            )
        )
    extra: list[Any] = []
    for con in table.constraints:
        if isinstance(con, UniqueConstraint):
            names = [c.name for c in con.columns]
            extra.append(UniqueConstraint(*names, *([key] if key not in names else []), name=con.name))
        elif isinstance(con, ForeignKeyConstraint) and all(
            fk.column.table.name not in PARTITIONED_BY_SITE for fk in con.elements
        ):
            extra.append(
                ForeignKeyConstraint([c.name for c in con.columns], [fk.column for fk in con.elements])
            )
        # a key into another partitioned table (units.order_id -> orders.id) would have to carry
        # that table's partition key too: the services keep that link, as they do on SQLite
    copy = Table(table.name, into, *cols, *extra, postgresql_partition_by=f"HASH ({key})")
    for index in table.indexes:
        names = [c.name for c in index.columns]
        if index.unique:
            names = names + ([key] if key not in names else [])
        Index(index.name, *[copy.c[n] for n in names], unique=bool(index.unique))
    return copy


def _create_partitioned(conn: Connection) -> None:
    pg = MetaData()
    for name, key in PARTITIONED_BY_SITE.items():
        copy = _partitioned_copy(metadata.tables[name], key, pg)
        copy.create(conn)
        for i in range(PARTITIONS):
            conn.exec_driver_sql(
                f"CREATE TABLE {name}_p{i} PARTITION OF {name} "
                f"FOR VALUES WITH (MODULUS {PARTITIONS}, REMAINDER {i})"
            )


# ---- migrations -------------------------------------------------------------------------------------

Migration = Callable[[Connection], None]


# 001 creates the tables as this module defines them for 1.0. A later schema change edits the Table
# above AND appends a migration that makes the same change on an existing database (ALTER TABLE, or
# `table.create(conn, checkfirst=True)` for a new table), so fresh and migrated databases agree.
def _m001_initial(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        plain = [t for t in metadata.sorted_tables if t.name not in PARTITIONED_BY_SITE]
        metadata.create_all(conn, tables=plain)
        _create_partitioned(conn)
    else:
        metadata.create_all(conn)
    conn.execute(insert(counters), [{"name": "unit_serial", "value": 0}, {"name": "sscc_serial", "value": 0}])


def _m002_catalog_search(conn: Connection) -> None:
    from .search import search_backend_for

    search_backend_for(conn).create(conn)


def _m003_changes_ids_never_reused(conn: Connection) -> None:
    """Rebuild a 1.0 `changes` table with AUTOINCREMENT (SQLite cannot ALTER it in), keeping its rows
    and ids; the sequence starts at the highest id kept, so later ids stay above every cursor that
    could have been handed out from these rows."""
    if conn.dialect.name != "sqlite":
        return  # identity columns and sequences never reuse a value
    sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type='table' AND name='changes'").scalar()
    if sql is None or "AUTOINCREMENT" in str(sql).upper():
        return
    conn.exec_driver_sql("ALTER TABLE changes RENAME TO changes_v1")
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_changes_site_id")
    changes.create(conn)
    conn.exec_driver_sql(
        "INSERT INTO changes (id, site_id, entity, entity_id, op, data) "
        "SELECT id, site_id, entity, entity_id, op, data FROM changes_v1 ORDER BY id"
    )
    conn.exec_driver_sql("DROP TABLE changes_v1")


def _m004_device_registry(conn: Connection) -> None:
    """Devices get a status, their own SSCC block, a registration time and the device they succeed."""
    have = {c["name"] for c in inspect(conn).get_columns("devices")}
    if "status" not in have:
        conn.exec_driver_sql("ALTER TABLE devices ADD COLUMN status VARCHAR(10) NOT NULL DEFAULT 'active'")
    for name, sql_type in (
        ("sscc_block", "INTEGER"),
        ("registered_at", "VARCHAR(30)"),
        ("epoch_of", "VARCHAR(100)"),
    ):
        if name not in have:
            conn.exec_driver_sql(f"ALTER TABLE devices ADD COLUMN {name} {sql_type}")
    conn.exec_driver_sql("CREATE UNIQUE INDEX IF NOT EXISTS uq_devices_sscc_block ON devices (sscc_block)")


def _m005_refresh_rotation(conn: Connection) -> None:
    """Tokens get a family (the login they descend from) and a rotation record for the overlap."""
    have = {c["name"] for c in inspect(conn).get_columns("tokens")}
    for name, sql_type in (
        ("family_id", "VARCHAR(26)"),
        ("rotated_at", "VARCHAR(30)"),
        ("successor", "TEXT"),
    ):
        if name not in have:
            conn.exec_driver_sql(f"ALTER TABLE tokens ADD COLUMN {name} {sql_type}")
    conn.execute(tokens.update().where(tokens.c.family_id.is_(None)).values(family_id=tokens.c.pair_id))
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_tokens_family_id ON tokens (family_id)")


def _m006_catalog_search_words(conn: Connection) -> None:
    """Catalog search v2 (word forms, typos, prefixes, suggestions): its tables replace 1.0's
    `product_fts` and are filled from the products already there."""
    from .search import search_backend_for

    search_backend_for(conn).rebuild(conn)


def _m007_outbox_site(conn: Connection) -> None:
    """Outbox events name the site they are about (an order's PVZ): the partition key on PostgreSQL."""
    have = {c["name"] for c in inspect(conn).get_columns("outbox")}
    if "site_id" not in have:
        conn.exec_driver_sql("ALTER TABLE outbox ADD COLUMN site_id VARCHAR(40) NOT NULL DEFAULT '*'")


def _m008_pickup_customer_payment(conn: Connection) -> None:
    """Orders get a short number, the customer's display name and masked phone, and a payment
    method; users a phone; pay-on-pickup gets its payment intents. Existing orders are numbered in
    creation order and take their customer's name."""
    from .services.customers import display_name, mask_phone

    have_users = {c["name"] for c in inspect(conn).get_columns("users")}
    if "phone" not in have_users:
        conn.exec_driver_sql("ALTER TABLE users ADD COLUMN phone VARCHAR(20)")
    have = {c["name"] for c in inspect(conn).get_columns("orders")}
    for name, sql_type in (
        ("number", "INTEGER"),
        ("customer_name", "VARCHAR(100) NOT NULL DEFAULT ''"),
        ("customer_phone", "VARCHAR(30) NOT NULL DEFAULT ''"),
        ("payment", "VARCHAR(20) NOT NULL DEFAULT 'prepaid'"),
        ("payment_status", "VARCHAR(10) NOT NULL DEFAULT ''"),
    ):
        if name not in have:
            conn.exec_driver_sql(f"ALTER TABLE orders ADD COLUMN {name} {sql_type}")
    payment_intents.create(conn, checkfirst=True)
    if conn.execute(select(counters.c.name).where(counters.c.name == "order_number")).first() is None:
        conn.execute(insert(counters).values(name="order_number", value=100_000))
    people = {
        r.id: (display_name(r.display_name or ""), mask_phone(r.phone or ""))
        for r in conn.execute(select(users.c.id, users.c.display_name, users.c.phone))
    }
    todo = conn.execute(
        select(orders.c.id, orders.c.customer_id)
        .where(orders.c.number.is_(None))
        .order_by(orders.c.created_at)
    ).all()
    if todo:
        first = next_counter(conn, "order_number", len(todo))
        for i, row in enumerate(todo):
            name, phone = people.get(row.customer_id, ("", ""))
            conn.execute(
                orders.update()
                .where(orders.c.id == row.id)
                .values(number=first + i, customer_name=name, customer_phone=phone)
            )


def _m009_evidence(conn: Connection) -> None:
    """Photo evidence: which site holds which photo (the files live in the data dir)."""
    evidence.create(conn, checkfirst=True)


def _m010_route_departures(conn: Connection) -> None:
    """Route cut-offs: the warehouse's daily departures per PVZ; pick tasks carry theirs."""
    route_departures.create(conn, checkfirst=True)
    have = {c["name"] for c in inspect(conn).get_columns("pick_tasks")}
    for name, sql_type in (("route_name", "VARCHAR(100)"), ("departs_at", "VARCHAR(30)")):
        if name not in have:
            conn.exec_driver_sql(f"ALTER TABLE pick_tasks ADD COLUMN {name} {sql_type}")


def _m011_short_picks(conn: Connection) -> None:
    """Short picks heal: count tasks for the locations found short; the cart size per warehouse."""
    count_tasks.create(conn, checkfirst=True)
    have = {c["name"] for c in inspect(conn).get_columns("sites")}
    if "cart_size" not in have:
        conn.exec_driver_sql("ALTER TABLE sites ADD COLUMN cart_size INTEGER NOT NULL DEFAULT 6")


def _m012_fitting_marking(conn: Connection) -> None:
    """Products get a category (clothes and shoes may be tried on), PVZs their fitting rooms and the
    time in one, units the marking code withdrawn when they were issued."""
    for table, name, sql_type in (
        ("products", "category", "VARCHAR(20) NOT NULL DEFAULT ''"),
        ("sites", "fitting_rooms", "INTEGER NOT NULL DEFAULT 2"),
        ("sites", "fitting_minutes", "INTEGER NOT NULL DEFAULT 15"),
        ("units", "marking_code", "VARCHAR(200)"),
    ):
        if name not in {c["name"] for c in inspect(conn).get_columns(table)}:
            conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {name} {sql_type}")


def _m013_journal_chain(conn: Connection) -> None:
    """The journal's hash chain: each device's last op hash, each op result's prev_hash and hash."""
    for table, name in (("devices", "last_hash"), ("op_results", "prev_hash"), ("op_results", "hash")):
        if name not in {c["name"] for c in inspect(conn).get_columns(table)}:
            conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {name} VARCHAR(64)")


def _m014_handover_seals(conn: Connection) -> None:
    """Two-sided handover: a box handed to a courier keeps its handover, the badge and its seal;
    what the receiving side found different is a discrepancy both sites see."""
    have = {c["name"] for c in inspect(conn).get_columns("boxes")}
    for name, sql_type in (
        ("handover_id", "VARCHAR(60)"),
        ("courier_badge", "VARCHAR(11)"),
        ("seal", "VARCHAR(13)"),
    ):
        if name not in have:
            conn.exec_driver_sql(f"ALTER TABLE boxes ADD COLUMN {name} {sql_type}")
    discrepancies.create(conn, checkfirst=True)


def _m015_sscc_blocks(conn: Connection) -> None:
    """SSCC blocks of 10,000 serials handed out on demand (more than 999 devices per backend)."""
    sscc_blocks.create(conn, checkfirst=True)
    if conn.execute(select(counters.c.name).where(counters.c.name == "sscc_block")).first() is None:
        conn.execute(insert(counters).values(name="sscc_block", value=0))


def _m016_chain_keys(conn: Connection) -> None:
    """The keyed chain: the seq after which a device's ops carry the keyed link (NULL: not yet)."""
    if "chain_from" not in {c["name"] for c in inspect(conn).get_columns("devices")}:
        conn.exec_driver_sql("ALTER TABLE devices ADD COLUMN chain_from INTEGER")


def _m017_natural_keys_first(conn: Connection) -> None:
    """PostgreSQL: rebuild the partitioned tables' widened unique keys with the site column last.
    Created as (pvz_id, label), (site_id, device_id, seq), (site_id, event_id), they could not serve
    a lookup by label, by a device's seqs or by event id, which then read every row of every
    partition (a terminal's scan of a unit label; a push's replay check). Nothing to do on SQLite,
    whose keys were never widened, nor on a database 001 created with the site column last."""
    if conn.dialect.name != "postgresql":
        return
    for table, key in PARTITIONED_BY_SITE.items():
        found = conn.exec_driver_sql(
            "SELECT c.conname, array_agg(a.attname ORDER BY k.n) FROM pg_constraint c "
            "CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, n) "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum "
            "WHERE c.conrelid = %(t)s::regclass AND c.contype = 'u' GROUP BY c.conname",
            {"t": table},
        ).all()
        for name, columns in found:
            cols = list(columns)
            if len(cols) < 2 or cols[0] != key:
                continue
            natural = [*cols[1:], key]
            conn.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            # an unnamed key keeps PostgreSQL's default name, as 001 now creates it
            named = name if not name.startswith(f"{table}_{key}_") else f"{table}_{'_'.join(natural)}_key"
            conn.exec_driver_sql(
                f'ALTER TABLE {table} ADD CONSTRAINT "{named}" UNIQUE ({", ".join(natural)})'
            )


MIGRATIONS: list[tuple[str, Migration]] = [
    ("001_initial", _m001_initial),
    ("002_catalog_search", _m002_catalog_search),
    ("003_changes_ids_never_reused", _m003_changes_ids_never_reused),
    ("004_device_registry", _m004_device_registry),
    ("005_refresh_rotation", _m005_refresh_rotation),
    ("006_catalog_search_words", _m006_catalog_search_words),
    ("007_outbox_site", _m007_outbox_site),
    ("008_pickup_customer_payment", _m008_pickup_customer_payment),
    ("009_evidence", _m009_evidence),
    ("010_route_departures", _m010_route_departures),
    ("011_short_picks", _m011_short_picks),
    ("012_fitting_marking", _m012_fitting_marking),
    ("013_journal_chain", _m013_journal_chain),
    ("014_handover_seals", _m014_handover_seals),
    ("015_sscc_blocks", _m015_sscc_blocks),
    ("016_chain_keys", _m016_chain_keys),
    ("017_natural_keys_first", _m017_natural_keys_first),
]


class NewerSchemaError(ValueError):
    """The database has migrations this code does not know: running on it could lose data."""


def migrate(db: Database, clock: Clock) -> list[str]:
    """Apply the migrations not yet recorded, each in its own transaction; return their names.

    `applied_at` is `clock`'s time (the backend's injected clock, as for every other timestamp)."""
    applied: list[str] = []
    with db.write() as conn:
        schema_migrations.create(conn, checkfirst=True)
        recorded = {r[0] for r in conn.execute(select(schema_migrations.c.name))}
    unknown = sorted(recorded - {name for name, _ in MIGRATIONS})
    if unknown:
        raise NewerSchemaError(
            f"the database was written by a newer wb-backend (it has migration {unknown[-1]}, which this "
            "version does not know): run that version again, or restore a backup made by this one"
        )
    for name, fn in MIGRATIONS:
        with db.write() as conn:
            done = conn.execute(
                select(schema_migrations.c.name).where(schema_migrations.c.name == name)
            ).first()
            if done:
                continue
            fn(conn)
            conn.execute(insert(schema_migrations).values(name=name, applied_at=utc_iso(clock.now())))
            applied.append(name)
    return applied
