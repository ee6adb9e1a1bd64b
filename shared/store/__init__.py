"""Local SQLite store: migrations, the operation journal and read models (no Qt)."""

from .errors import CorruptError, DiskFullError, LockedError, ReadOnlyError, StoreError
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
from .paths import default_data_dir, default_db_path
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
    "DiskFullError",
    "LocalStore",
    "LocationView",
    "LockedError",
    "Migration",
    "OrderView",
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
    "default_data_dir",
    "default_db_path",
]
