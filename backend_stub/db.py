"""Storage: SQLAlchemy Core tables (migrations: migrations.py; the engine and its read and write
transactions: database.py).

The SQL is portable; what is dialect-specific sits in database.py (SQLite: WAL pragmas, BEGIN
IMMEDIATE; PostgreSQL: the writers' advisory locks, the pool), migrations.py (site partitions) and
the search backends (`search/fts5.py`, `search/pg.py`).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    select,
)

from .fastsql import Bulk as Bulk
from .fastsql import Fast as Fast
from .fastsql import FastRow as FastRow
from .fastsql import Savepoint as Savepoint

metadata = MetaData()
# Feed ids and cursors: 64-bit on PostgreSQL (a busy network passes 2**31 change rows in weeks);
# INTEGER on SQLite, where only `INTEGER PRIMARY KEY` is the rowid that AUTOINCREMENT needs.
FeedId = BigInteger().with_variant(Integer(), "sqlite")

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", String(30), nullable=False),
)

sites = Table(
    "sites",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("name", String(200), nullable=False),
    Column("address", String(400), nullable=False, default=""),
    Column("storage_days", Integer, nullable=False, default=7),
    # totes on a picking cart (cluster picking, warehouses): reaches the terminal in the site entity
    Column("cart_size", Integer, nullable=False, default=6, server_default="6"),
    Column("short_code_salt", String(64), nullable=False),
    Column("created_at", String(30), nullable=False),
    # a PVZ's fitting rooms and a customer's time in one (migration 012): reach the PVZ by pull
    Column("fitting_rooms", Integer, nullable=False, default=2, server_default="2"),
    Column("fitting_minutes", Integer, nullable=False, default=15, server_default="15"),
)

cells = Table(
    "cells",
    metadata,
    Column("id", String(60), primary_key=True),
    Column("site_id", String(40), ForeignKey("sites.id"), nullable=False, index=True),
    Column("number", Integer, nullable=False),
    Column("label", String(80), nullable=False, unique=True),
    Column("capacity", Integer, nullable=False, default=10),
)

locations = Table(
    "locations",
    metadata,
    Column("id", String(60), primary_key=True),
    Column("site_id", String(40), ForeignKey("sites.id"), nullable=False, index=True),
    Column("code", String(20), nullable=False),
    Column("label", String(80), nullable=False, unique=True),
)

users = Table(
    "users",
    metadata,
    Column("id", String(26), primary_key=True),
    Column("username", String(100), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("site_id", String(40), ForeignKey("sites.id"), nullable=True),
    Column("display_name", String(200), nullable=False, default=""),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", String(30), nullable=False),
    # a customer's phone (migration 008): the PVZ sees it masked, on the order
    Column("phone", String(20), nullable=True),
)

tokens = Table(
    "tokens",
    metadata,
    Column("id", String(26), primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("kind", String(10), nullable=False),  # access | refresh
    Column("pair_id", String(26), nullable=False, index=True),
    Column("user_id", String(26), ForeignKey("users.id"), nullable=False),
    Column("device_id", String(100), nullable=True),
    Column("expires_at", String(30), nullable=False),
    Column("revoked_at", String(30), nullable=True),
    Column("created_at", String(30), nullable=False),
    # refresh rotation (services/auth.py), added by migration 005: the login a pair descends from,
    # when this refresh token was rotated, and its successor pair encrypted with a key derived from
    # this (never stored) refresh token, so that only its holder can get that same pair again
    Column("family_id", String(26), nullable=True),
    Column("rotated_at", String(30), nullable=True),
    Column("successor", Text, nullable=True),
)
Index("ix_tokens_family_id", tokens.c.family_id)

products = Table(
    "products",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sku", String(40), nullable=False, unique=True),
    Column("name", String(400), nullable=False),
    Column("brand", String(200), nullable=False),
    Column("price_kopecks", Integer, nullable=False),
    Column("gtin", String(14), nullable=False, index=True),
    Column("needs_marking", Boolean, nullable=False, default=False),
    # clothes, shoes, ...: clothes and shoes may be tried on in a PVZ's fitting room (migration 012)
    Column("category", String(20), nullable=False, default="", server_default=""),
)

orders = Table(
    "orders",
    metadata,
    Column("id", String(26), primary_key=True),
    Column("customer_id", String(26), ForeignKey("users.id"), nullable=False, index=True),
    Column("pvz_id", String(40), ForeignKey("sites.id"), nullable=False, index=True),
    Column("warehouse_id", String(40), nullable=True),
    Column("amount_kopecks", Integer, nullable=False),
    Column("currency", String(3), nullable=False, default="RUB"),
    Column("status", String(20), nullable=False),  # derived from the units, kept for queries
    Column("short_code_gen", Integer, nullable=False, default=0),
    Column("created_at", String(30), nullable=False),
    Column("updated_at", String(30), nullable=False),
    # the customer at the counter (migration 008): a short order number, the customer's display
    # name (first name and initial) and masked phone as the PVZ shows them, and how it is paid
    Column("number", Integer, nullable=True),  # from the order_number counter: unique by itself
    Column("customer_name", String(100), nullable=False, default="", server_default=""),
    Column("customer_phone", String(30), nullable=False, default="", server_default=""),
    Column("payment", String(20), nullable=False, default="prepaid", server_default="prepaid"),
    # pay-on-pickup: 'due' until a payment intent succeeds, then 'paid' ('' for prepaid orders)
    Column("payment_status", String(10), nullable=False, default="", server_default=""),
)

units = Table(
    "units",
    metadata,
    Column("id", String(26), primary_key=True),
    Column("label", String(20), nullable=False, unique=True),
    Column("order_id", String(26), ForeignKey("orders.id"), nullable=False, index=True),
    Column("sku", String(40), nullable=False),
    Column("price_kopecks", Integer, nullable=False),
    Column("status", String(20), nullable=False),
    Column("pvz_id", String(40), nullable=False, index=True),
    Column("customer_id", String(26), nullable=False),
    Column("warehouse_id", String(40), nullable=True),
    Column("box_id", String(18), nullable=True, index=True),
    Column("cell_id", String(60), nullable=True),
    Column("location_id", String(60), nullable=True),
    Column("updated_at", String(30), nullable=False),
    # the Честный знак DataMatrix scanned when the unit was issued (migration 012)
    Column("marking_code", String(200), nullable=True),
)

boxes = Table(
    "boxes",
    metadata,
    Column("id", String(18), primary_key=True),
    Column("kind", String(10), nullable=False),
    Column("origin_site_id", String(40), nullable=False),
    Column("destination_site_id", String(40), nullable=False),
    Column("closed", Boolean, nullable=False, default=False),
    Column("route_id", String(60), nullable=True),
    Column("accepted_at", String(30), nullable=True),
    Column("handed_over_at", String(30), nullable=True),
    Column("received_at", String(30), nullable=True),
    Column("created_at", String(30), nullable=False),
    # handed to a courier (a route closed, return boxes handed over): the handover, badge and seal
    Column("handover_id", String(60), nullable=True),
    Column("courier_badge", String(11), nullable=True),
    Column("seal", String(13), nullable=True),
)

# What the receiving side of a handover found different (services/handover.py), seen by both sites
discrepancies = Table(
    "discrepancies",
    metadata,
    Column("id", String(40), primary_key=True),  # box id + ':' + kind
    Column("handover_id", String(60), nullable=True),
    Column("box_id", String(18), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("direction", String(10), nullable=False),  # forward | return
    Column("from_site_id", String(40), nullable=False, index=True),
    Column("to_site_id", String(40), nullable=False, index=True),
    Column("courier_badge", String(11), nullable=True),
    Column("seal_sent", String(13), nullable=True),
    Column("seal_received", String(13), nullable=True),
    Column("photos", Text, nullable=False, default="[]"),
    Column("found_at", String(30), nullable=False),
    Column("resolved_at", String(30), nullable=True),
)

routes = Table(
    "routes",
    metadata,
    Column("id", String(60), primary_key=True),
    Column("origin_site_id", String(40), nullable=False),
    Column("destination_site_id", String(40), nullable=False),
    Column("closed", Boolean, nullable=False, default=False),
    Column("created_at", String(30), nullable=False),
    Column("closed_at", String(30), nullable=True),
)

pick_tasks = Table(
    "pick_tasks",
    metadata,
    Column("id", String(26), primary_key=True),
    Column("site_id", String(40), nullable=False, index=True),
    Column("order_id", String(26), nullable=False),
    Column("event_id", String(26), nullable=False, unique=True),
    Column("status", String(20), nullable=False, default="OPEN"),
    Column("created_at", String(30), nullable=False),
    # the route its boxes leave on (migration 010): name and departure, from route_departures
    Column("route_name", String(100), nullable=True),
    Column("departs_at", String(30), nullable=True),
)

# A location to be counted (a short pick found it wrong): OPEN until a count.record there closes it.
count_tasks = Table(
    "count_tasks",
    metadata,
    Column("id", String(26), primary_key=True),
    Column("site_id", String(40), nullable=False, index=True),
    Column("location_id", String(60), nullable=False, index=True),
    Column("reason", String(20), nullable=False),  # short_pick
    Column("sku", String(40), nullable=True),
    Column("unit_id", String(26), nullable=True),  # the unit not found there
    Column("status", String(10), nullable=False, default="OPEN"),  # OPEN | DONE
    Column("created_at", String(30), nullable=False),
    Column("done_at", String(30), nullable=True),
    Column("op_id", String(100), nullable=True),  # the op that opened it
)

# A warehouse's daily departures to each PVZ (migration 010; shared/domain/cutoffs.py): an order
# paid at least `lead_minutes` before `departs` (HH:MM, UTC) goes on that route.
route_departures = Table(
    "route_departures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("warehouse_id", String(40), nullable=False, index=True),
    Column("pvz_id", String(40), nullable=False),
    Column("name", String(100), nullable=False),
    Column("departs", String(5), nullable=False),
    Column("lead_minutes", Integer, nullable=False, default=90),
    UniqueConstraint("warehouse_id", "pvz_id", "departs", name="uq_route_departures"),
)

payment_events = Table(
    "payment_events",
    metadata,
    Column("event_id", String(100), primary_key=True),
    Column("tx_id", String(100), nullable=False, unique=True),
    Column("type", String(30), nullable=False),
    Column("order_id", String(26), nullable=False),
    Column("amount_kopecks", Integer, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("received_at", String(30), nullable=False),
)

# A payment at pickup (migration 008): the kept units of a pay-on-pickup order, the amount, and
# the provider's transaction once its `payment.succeeded` webhook names the intent.
payment_intents = Table(
    "payment_intents",
    metadata,
    Column("id", String(26), primary_key=True),
    Column("order_id", String(26), nullable=False, index=True),
    Column("pvz_id", String(40), nullable=False),
    Column("unit_ids", Text, nullable=False),
    Column("amount_kopecks", Integer, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("status", String(20), nullable=False),  # PENDING | SUCCEEDED | FAILED | SUPERSEDED
    Column("qr_payload", Text, nullable=False),
    Column("tx_id", String(100), nullable=True),
    Column("created_by", String(26), nullable=False),
    Column("created_at", String(30), nullable=False),
    Column("paid_at", String(30), nullable=True),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", FeedId, primary_key=True, autoincrement=True),
    Column("event_id", String(26), nullable=False, unique=True),
    Column("type", String(40), nullable=False),
    Column("aggregate_id", String(60), nullable=False),
    Column("payload", Text, nullable=False),
    Column("created_at", String(30), nullable=False),
    # the site the event is about (an order's PVZ), '*' for none: the partition key on PostgreSQL.
    # Added by migration 007.
    Column("site_id", String(40), nullable=False, default="*", server_default="*"),
)

relay_offsets = Table(
    "relay_offsets",
    metadata,
    Column("consumer", String(40), primary_key=True),
    Column("cursor", FeedId, nullable=False),
)

devices = Table(
    "devices",
    metadata,
    Column("device_id", String(100), primary_key=True),
    Column("site_id", String(40), nullable=False),
    Column("last_seq", Integer, nullable=False, default=0),
    Column("updated_at", String(30), nullable=False),
    # the device registry (services/devices.py): added by migration 004
    Column("status", String(10), nullable=False, default="active", server_default="active"),
    Column("sscc_block", Integer, nullable=True),
    Column("registered_at", String(30), nullable=True),
    Column("epoch_of", String(100), nullable=True),
    # the hash of the last op this device sent, applied or rejected (migration 013): the next op's
    # prev_hash must name it (shared/domain/chain.py); NULL: the next op chains from the genesis
    Column("last_hash", String(64), nullable=True),
    # the keyed chain (migration 016): ops with a seq above it must carry the keyed link (the device's
    # chain key, keys.KeyStore.chain_key); NULL: the device holds no key yet, its chain is unkeyed
    Column("chain_from", Integer, nullable=True),
)
Index("uq_devices_sscc_block", devices.c.sscc_block, unique=True)

# SSCC blocks handed to devices (services/devices.py, migration 015): block k is the serial references
# k * SSCC_BLOCK_SIZE .. + SSCC_BLOCK_SIZE - 1 of both box kinds, given once and never again (the
# `sscc_block` counter only grows). A device asks for its next block when its current one runs low.
sscc_blocks = Table(
    "sscc_blocks",
    metadata,
    Column("block", Integer, primary_key=True, autoincrement=False),
    Column("device_id", String(100), nullable=False, index=True),
    Column("assigned_at", String(30), nullable=False),
)

op_results = Table(
    "op_results",
    metadata,
    Column("op_id", String(100), primary_key=True),
    Column("device_id", String(100), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("type", String(40), nullable=False),
    Column("actor", String(26), nullable=False),
    Column("site_id", String(40), nullable=False),
    Column("status", String(10), nullable=False),
    Column("reason_code", String(40), nullable=True),
    Column("reason_message", Text, nullable=True),
    Column("payload", Text, nullable=False),
    Column("created_at", String(30), nullable=False),
    Column("applied_at", String(30), nullable=False),
    # the op's place in its device's hash chain (migration 013; NULL for an op sent without one)
    Column("prev_hash", String(64), nullable=True),
    Column("hash", String(64), nullable=True),
    UniqueConstraint("device_id", "seq", name="uq_op_results_device_seq"),
)

changes = Table(
    "changes",
    metadata,
    Column("id", FeedId, primary_key=True, autoincrement=True),
    Column("site_id", String(40), nullable=False),  # '*' for every site
    Column("entity", String(20), nullable=False),
    Column("entity_id", String(100), nullable=False),
    Column("op", String(10), nullable=False),
    Column("data", Text, nullable=False),
    UniqueConstraint("site_id", "entity", "entity_id", name="uq_changes_entity"),
    # A pull cursor is a feed id: ids must only grow. Without AUTOINCREMENT SQLite hands the id of a
    # just-deleted newest row out again, and a device already past it never sees the new state.
    sqlite_autoincrement=True,
)
Index("ix_changes_site_id", changes.c.site_id, changes.c.id)

pickup_tokens = Table(
    "pickup_tokens",
    metadata,
    Column("id", String(26), primary_key=True),
    Column("order_id", String(26), nullable=False, index=True),
    Column("customer_id", String(26), nullable=False),
    Column("pvz_id", String(40), nullable=False),
    Column("expires_at", String(30), nullable=False),
    Column("revoked_at", String(30), nullable=True),
    Column("created_at", String(30), nullable=False),
)

records = Table(
    "records",
    metadata,
    Column("id", FeedId, primary_key=True, autoincrement=True),
    Column("kind", String(30), nullable=False),
    Column("site_id", String(40), nullable=False, index=True),
    Column("ref", String(100), nullable=True),
    Column("op_id", String(100), nullable=True),
    Column("actor", String(26), nullable=True),
    Column("data", Text, nullable=False),
    Column("created_at", String(30), nullable=False),
)

# Photo evidence (services/evidence.py, added by migration 009): the file is
# <data dir>/evidence/<ab>/<sha256>.<jpg|png>; a row per site that holds it (the site of the device
# that uploaded it), which is whose staff may read it.
evidence = Table(
    "evidence",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("site_id", String(40), primary_key=True),
    Column("mime", String(20), nullable=False),
    Column("size", Integer, nullable=False),
    Column("device_id", String(100), nullable=False),
    Column("uploaded_by", String(26), nullable=False),
    Column("uploaded_at", String(30), nullable=False),
)

counters = Table(
    "counters",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("value", Integer, nullable=False),
)


def next_counter(conn: Connection, name: str, n: int = 1) -> int:
    """Reserve n values of a counter; return the first one."""
    conn.execute(counters.update().where(counters.c.name == name).values(value=counters.c.value + n))
    value = conn.execute(select(counters.c.value).where(counters.c.name == name)).scalar_one()
    return int(value) - n + 1
