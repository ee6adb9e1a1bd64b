"""LocalStore: the one SQLite file of an app, a facade over its parts, one module per job.

    connection.py     StoreCore: open (WAL, synchronous=FULL, migrations), transactions, kv settings
    journal.py        record / record_many, the pending queue, journal housekeeping
    epochs.py         wire seqs, a new device epoch, re-sending what a restored server lost
    conflicts.py      push results; conflicts and their resolution
    mirror.py         the pull mirror (pages with their cursor, resync, catalog index)
    read_units.py     read models both apps use (units, orders, boxes, catalog)
    read_pvz.py       pickup point reads (cells, cell load, pickup material)
    read_terminal.py  warehouse terminal reads (routes, locations, pick tasks)
    users.py          users who logged in here (offline unlock)
    sscc.py           the SSCC allocator for boxes this device opens
    evidence.py       photos by SHA-256 beside the database and their upload queue
    dispute.py        what the journal says about a unit, order or box (dispute packs)
    handover.py       handover discrepancies (pulled: seals that differ, boxes not received)

Callers keep one object: ``store.record(...)``, ``store.unit_by_label(...)``, ``store.conflicts()``.
"""

from __future__ import annotations

from .conflicts import Conflicts
from .dispute import DisputeReads
from .evidence import EvidenceQueue
from .handover import HandoverReads
from .mirror import Mirror
from .read_pvz import PvzReads
from .read_terminal import TerminalReads
from .sscc import SsccAllocator
from .users import UserCache


class LocalStore(
    Conflicts,
    Mirror,
    PvzReads,
    TerminalReads,
    UserCache,
    SsccAllocator,
    EvidenceQueue,
    DisputeReads,
    HandoverReads,
):
    """The app's local database. Open with ``LocalStore.open(path, device_id, clock)``."""
