"""Pure domain rules and types: no Qt, no I/O."""

from .clock import Clock, ManualClock, SystemClock, parse_iso, utc_iso
from .ids import IdFactory, is_valid_id, new_id
from .operations import SPECS, InvalidOperation, Operation, OpSpec, OpType, validate_payload
from .states import (
    RULES,
    TERMINAL,
    TRANSITIONS,
    BoxKind,
    BoxStatus,
    IllegalTransition,
    OrderStatus,
    Role,
    Rule,
    SiteKind,
    UnitStatus,
    allowed_targets,
    box_status,
    check_transition,
    order_status,
)

__all__ = [
    "RULES",
    "SPECS",
    "TERMINAL",
    "TRANSITIONS",
    "BoxKind",
    "BoxStatus",
    "Clock",
    "IdFactory",
    "IllegalTransition",
    "InvalidOperation",
    "ManualClock",
    "OpSpec",
    "OpType",
    "Operation",
    "OrderStatus",
    "Role",
    "Rule",
    "SiteKind",
    "SystemClock",
    "UnitStatus",
    "allowed_targets",
    "box_status",
    "check_transition",
    "is_valid_id",
    "new_id",
    "order_status",
    "parse_iso",
    "utc_iso",
    "validate_payload",
]
