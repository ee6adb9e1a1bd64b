"""Named, ordered migrations recorded in a table (the sqlite-utils pattern, on plain sqlite3).

A migration runs once, inside the transaction that records its name. Never edit or reorder a
released migration: add a new one at the end.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

Step = Callable[[sqlite3.Connection], None]


@dataclass(frozen=True)
class Migration:
    name: str
    step: Step


def _sql(script: str) -> Step:
    def run(db: sqlite3.Connection) -> None:
        buf = ""
        for line in script.splitlines(keepends=True):
            buf += line
            if sqlite3.complete_statement(buf):
                db.execute(buf)
                buf = ""
        if buf.strip():
            db.execute(buf)

    return run


_CORE = """
CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE ops (
    seq INTEGER PRIMARY KEY,
    op_id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'applied', 'rejected')),
    result TEXT,
    acked_at TEXT
);
CREATE INDEX ops_pending ON ops (seq) WHERE state = 'pending';
CREATE TABLE op_units (seq INTEGER NOT NULL REFERENCES ops (seq), unit_id TEXT NOT NULL,
    PRIMARY KEY (unit_id, seq));
CREATE INDEX op_units_seq ON op_units (seq);
CREATE TABLE conflicts (
    op_id TEXT PRIMARY KEY REFERENCES ops (op_id),
    reason_code TEXT NOT NULL,
    reason_message TEXT NOT NULL,
    rejected_at TEXT NOT NULL,
    resolution TEXT CHECK (resolution IN ('retry', 'discard')),
    resolution_reason TEXT NOT NULL DEFAULT '',
    resolved_by TEXT NOT NULL DEFAULT '',
    resolved_at TEXT,
    retry_op_id TEXT
);
CREATE INDEX conflicts_open ON conflicts (rejected_at) WHERE resolution IS NULL;
CREATE TABLE users (
    user_id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL,
    site_id TEXT NOT NULL,
    site_kind TEXT NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    verifier TEXT NOT NULL,
    last_login TEXT
);
"""

_ENTITIES = """
CREATE TABLE sites (id TEXT PRIMARY KEY, kind TEXT NOT NULL DEFAULT '', name TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '', storage_days INTEGER NOT NULL DEFAULT 7, data TEXT NOT NULL DEFAULT '{}',
    gen INTEGER NOT NULL DEFAULT 0);
CREATE TABLE cells (id TEXT PRIMARY KEY, site_id TEXT NOT NULL DEFAULT '', number INTEGER NOT NULL DEFAULT 0,
    capacity INTEGER NOT NULL DEFAULT 10, data TEXT NOT NULL DEFAULT '{}', gen INTEGER NOT NULL DEFAULT 0);
CREATE INDEX cells_number ON cells (site_id, number);
CREATE TABLE locations (id TEXT PRIMARY KEY, site_id TEXT NOT NULL DEFAULT '', code TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL DEFAULT '{}', gen INTEGER NOT NULL DEFAULT 0);
CREATE TABLE products (sku TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', brand TEXT NOT NULL DEFAULT '',
    price INTEGER NOT NULL DEFAULT 0, gtin TEXT NOT NULL DEFAULT '', needs_marking INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL DEFAULT '{}', gen INTEGER NOT NULL DEFAULT 0);
CREATE INDEX products_gtin ON products (gtin);
CREATE VIRTUAL TABLE products_fts USING fts5 (name, brand, sku, gtin, content='products',
    content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER products_ai AFTER INSERT ON products BEGIN
    INSERT INTO products_fts (rowid, name, brand, sku, gtin) VALUES (new.rowid, new.name, new.brand, new.sku, new.gtin);
END;
CREATE TRIGGER products_ad AFTER DELETE ON products BEGIN
    INSERT INTO products_fts (products_fts, rowid, name, brand, sku, gtin)
    VALUES ('delete', old.rowid, old.name, old.brand, old.sku, old.gtin);
END;
CREATE TRIGGER products_au AFTER UPDATE OF name, brand, sku, gtin ON products BEGIN
    INSERT INTO products_fts (products_fts, rowid, name, brand, sku, gtin)
    VALUES ('delete', old.rowid, old.name, old.brand, old.sku, old.gtin);
    INSERT INTO products_fts (rowid, name, brand, sku, gtin) VALUES (new.rowid, new.name, new.brand, new.sku, new.gtin);
END;
CREATE TABLE orders (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL DEFAULT '', pvz_id TEXT NOT NULL DEFAULT '',
    amount INTEGER NOT NULL DEFAULT 0, customer_name TEXT NOT NULL DEFAULT '',
    customer_phone TEXT NOT NULL DEFAULT '', phone_tail TEXT NOT NULL DEFAULT '', created_at TEXT,
    data TEXT NOT NULL DEFAULT '{}', gen INTEGER NOT NULL DEFAULT 0);
CREATE INDEX orders_customer ON orders (customer_id);
CREATE INDEX orders_phone_tail ON orders (phone_tail);
CREATE TABLE units (id TEXT PRIMARY KEY, label TEXT NOT NULL DEFAULT '', order_id TEXT NOT NULL DEFAULT '',
    sku TEXT NOT NULL DEFAULT '', status TEXT NOT NULL, pvz_id TEXT NOT NULL DEFAULT '',
    customer_id TEXT NOT NULL DEFAULT '', box_id TEXT, cell_id TEXT, location_id TEXT, accepted_at TEXT,
    srv_status TEXT, srv_box_id TEXT, srv_cell_id TEXT, srv_location_id TEXT, srv_accepted_at TEXT,
    updated_at TEXT, data TEXT NOT NULL DEFAULT '{}', gen INTEGER NOT NULL DEFAULT 0);
CREATE INDEX units_label ON units (label);
CREATE INDEX units_order ON units (order_id);
CREATE INDEX units_customer ON units (customer_id);
CREATE INDEX units_box ON units (box_id);
CREATE INDEX units_cell ON units (cell_id);
CREATE INDEX units_status ON units (status);
CREATE TABLE boxes (id TEXT PRIMARY KEY, kind TEXT NOT NULL DEFAULT 'forward',
    origin_site_id TEXT NOT NULL DEFAULT '', destination_site_id TEXT NOT NULL DEFAULT '',
    closed INTEGER NOT NULL DEFAULT 0, route_id TEXT, acceptance_closed INTEGER NOT NULL DEFAULT 0,
    handed_over INTEGER NOT NULL DEFAULT 0, local_only INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL DEFAULT '{}', gen INTEGER NOT NULL DEFAULT 0);
CREATE INDEX boxes_route ON boxes (route_id);
CREATE TABLE surplus (id INTEGER PRIMARY KEY, box_id TEXT NOT NULL, label TEXT NOT NULL, op_id TEXT NOT NULL,
    recorded_at TEXT NOT NULL);
CREATE TABLE routes (id TEXT PRIMARY KEY, origin_site_id TEXT NOT NULL DEFAULT '',
    destination_site_id TEXT NOT NULL DEFAULT '', closed INTEGER NOT NULL DEFAULT 0,
    local_only INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL DEFAULT '{}', gen INTEGER NOT NULL DEFAULT 0);
CREATE TABLE tasks (id TEXT PRIMARY KEY, site_id TEXT NOT NULL DEFAULT '', order_id TEXT NOT NULL DEFAULT '',
    created_at TEXT, data TEXT NOT NULL DEFAULT '{}', gen INTEGER NOT NULL DEFAULT 0);
CREATE TABLE task_units (task_id TEXT NOT NULL, position INTEGER NOT NULL, unit_id TEXT NOT NULL,
    PRIMARY KEY (task_id, position));
CREATE INDEX task_units_unit ON task_units (unit_id);
CREATE TABLE pickup_keys (id TEXT PRIMARY KEY, public_key TEXT NOT NULL, data TEXT NOT NULL DEFAULT '{}',
    gen INTEGER NOT NULL DEFAULT 0);
CREATE TABLE revocations (id TEXT PRIMARY KEY, data TEXT NOT NULL DEFAULT '{}', gen INTEGER NOT NULL DEFAULT 0);
CREATE TABLE short_codes (id TEXT PRIMARY KEY, order_id TEXT NOT NULL DEFAULT '', hash TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL DEFAULT '{}', gen INTEGER NOT NULL DEFAULT 0);
CREATE INDEX short_codes_hash ON short_codes (hash);
"""

# The catalog index is kept by the store itself (row by row for small pages, one rebuild after a
# bulk first sync), which is several times faster than per-row triggers for 200,000 products.
_FTS_BY_STORE = """
DROP TRIGGER products_ai;
DROP TRIGGER products_ad;
DROP TRIGGER products_au;
DROP TABLE products_fts;
CREATE VIRTUAL TABLE products_fts USING fts5 (name, brand, sku, gtin, content='products',
    content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
INSERT INTO products_fts (products_fts) VALUES ('rebuild');
"""

# The journal's tables become STRICT: SQLite then refuses a value of the wrong type (a payload
# written as bytes, a result that is not text, a seq that is not a whole number) instead of storing it
# under type affinity, where it would surface only at the next push or on the conflicts screen.
# ALTER TABLE cannot make a table STRICT; sqlite-utils' Table.transform rebuilds each one (new table,
# copy, drop, rename) with its CHECK, UNIQUE, foreign keys and indexes, inside this migration's
# transaction. Only here: the journal's own reads and writes stay on plain sqlite3.
JOURNAL_TABLES = ("ops", "op_units", "conflicts")


def _journal_strict(db: sqlite3.Connection) -> None:
    import sqlite_utils  # only when a store is created or upgraded, not at every start

    database = sqlite_utils.Database(db)
    if not database.supports_strict:  # SQLite before 3.37: the tables stay as they are
        return
    for name in JOURNAL_TABLES:
        table = database.table(name)
        if not table.strict:
            table.transform(strict=True)


# Photos kept as evidence (shared/store/evidence.py): the file is named by its SHA-256 beside the
# database; this table is its upload queue and what it shows (a unit, box or order).
_EVIDENCE = """
CREATE TABLE evidence (
    sha256 TEXT PRIMARY KEY,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    taken_at TEXT NOT NULL,
    taken_by TEXT NOT NULL DEFAULT '',
    subject_kind TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'uploaded', 'refused')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    uploaded_at TEXT
);
CREATE INDEX evidence_pending ON evidence (taken_at) WHERE state = 'pending';
CREATE INDEX evidence_subject ON evidence (subject);
"""


# The customer at the counter: an order's short number and how it is paid (a pay-on-pickup order
# is issued only once its payment at the counter succeeded: payment_status 'paid').
_ORDER_NUMBER_PAYMENT = """
ALTER TABLE orders ADD COLUMN number INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN payment TEXT NOT NULL DEFAULT 'prepaid';
ALTER TABLE orders ADD COLUMN payment_status TEXT NOT NULL DEFAULT '';
"""


# The counter's try-on and fitting rooms: a product's category (clothes and shoes may be tried on)
# and the site's fitting rooms and their time, pulled from the server.
_CATEGORY_FITTING = """
ALTER TABLE products ADD COLUMN category TEXT NOT NULL DEFAULT '';
ALTER TABLE sites ADD COLUMN fitting_rooms INTEGER NOT NULL DEFAULT 2;
ALTER TABLE sites ADD COLUMN fitting_minutes INTEGER NOT NULL DEFAULT 15;
"""


# The journal's hash chain (shared/domain/chain.py): each op's prev_hash and own hash, computed when
# it is recorded; ops journalled before this migration keep NULL (the chain starts at the first op
# that has one). ALTER TABLE ADD COLUMN works on the STRICT table 0005 made.
_JOURNAL_CHAIN = """
ALTER TABLE ops ADD COLUMN prev_hash TEXT;
ALTER TABLE ops ADD COLUMN hash TEXT;
"""


# Two-sided handover: what the receiving side of a handover found different (pulled, seen by the
# sending and the receiving site; shared/store/handover.py reads it).
_DISCREPANCIES = """
CREATE TABLE discrepancies (id TEXT PRIMARY KEY, box_id TEXT NOT NULL DEFAULT '',
    direction TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '', resolved_at TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL DEFAULT '{}', gen INTEGER NOT NULL DEFAULT 0);
"""


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_core_journal", _sql(_CORE)),
    Migration("0002_entities", _sql(_ENTITIES)),
    Migration(
        "0003_short_code_salt", _sql("ALTER TABLE short_codes ADD COLUMN salt TEXT NOT NULL DEFAULT '';\n")
    ),
    Migration("0004_catalog_fts_maintained_by_store", _sql(_FTS_BY_STORE)),
    Migration("0005_journal_strict", _journal_strict),
    Migration("0006_evidence", _sql(_EVIDENCE)),
    Migration("0007_order_number_payment", _sql(_ORDER_NUMBER_PAYMENT)),
    Migration("0008_category_fitting", _sql(_CATEGORY_FITTING)),
    Migration("0009_journal_chain", _sql(_JOURNAL_CHAIN)),
    Migration("0010_discrepancies", _sql(_DISCREPANCIES)),
)


def applied(db: sqlite3.Connection) -> list[str]:
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY rowid")]


def migrate(
    db: sqlite3.Connection, now_iso: str, migrations: tuple[Migration, ...] = MIGRATIONS
) -> list[str]:
    """Apply every migration not yet recorded, each in its own transaction; return the names run."""
    done = set(applied(db))
    unknown = sorted(done - {m.name for m in migrations})
    if unknown:
        from .errors import StoreError

        raise StoreError("newer_schema", detail=f"unknown migration {unknown[-1]}")
    ran: list[str] = []
    for m in migrations:
        if m.name in done:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("SELECT 1 FROM _migrations WHERE name = ?", (m.name,)).fetchone() is None:
                m.step(db)
                db.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (m.name, now_iso))
                ran.append(m.name)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return ran
