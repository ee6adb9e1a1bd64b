"""Local SQLite store: migrations, the operation journal and read models (no Qt).

    store = LocalStore.open(shared.config.data_dir() / "pvz" / "local.sqlite3", device_id, clock)
    actor = Actor(user_id, username, Role.CLERK, site_id, SiteKind.PVZ)   # session.actor
    rec = store.record(OpType.ACCEPT_UNIT, {"unit_id": u, "box_id": b, "cell_id": c}, actor)
    # -> Recorded(op, changes): validated against shared.domain, applied locally and journalled in one
    #    fsync'd transaction; InvalidOperation / IllegalTransition / StoreError write nothing.
    store.unit_by_label(label), store.units_in_box(box), store.cell_load(), store.catalog_search("курт")
    store.pending_count(), store.conflicts(), store.resolve_conflict(op_id, "discard", reason, actor)

The sync engine (shared.sync) moves ops out (pending_ops / apply_push_results) and changes in
(apply_pull_page / finish_pull); screens refresh from the ChangeSet each call returns.
"""

from .errors import CorruptError, DiskFullError, LockedError, ReadOnlyError, StoreError
from .evidence import Photo
from .handover import DiscrepancyView
from .migrations import MIGRATIONS, Migration
from .models import (
    Actor,
    BoxView,
    CachedUser,
    CellLoad,
    CellView,
    ChangeSet,
    Conflict,
    LocationView,
    OrderView,
    ProductView,
    PullApplied,
    PushOutcome,
    Recorded,
    RouteView,
    SiteView,
    TaskView,
    UnitView,
)
from .store import LocalStore

__all__ = [
    "MIGRATIONS",
    "Actor",
    "BoxView",
    "CachedUser",
    "CellLoad",
    "CellView",
    "ChangeSet",
    "Conflict",
    "CorruptError",
    "DiscrepancyView",
    "DiskFullError",
    "LocalStore",
    "LocationView",
    "LockedError",
    "Migration",
    "OrderView",
    "Photo",
    "ProductView",
    "PullApplied",
    "PushOutcome",
    "ReadOnlyError",
    "Recorded",
    "RouteView",
    "SiteView",
    "StoreError",
    "TaskView",
    "UnitView",
]
