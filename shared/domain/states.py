"""The unit state machine: ONE table of allowed transitions, with who may make each and where.

The backend enforces it (authoritative); the apps apply it optimistically while offline.
Order and box states are derived from their units, never stored independently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class UnitStatus(StrEnum):
    CREATED = "CREATED"
    PAID = "PAID"
    PICKED = "PICKED"
    PACKED = "PACKED"
    SHIPPED = "SHIPPED"
    ACCEPTED = "ACCEPTED"
    ISSUED = "ISSUED"
    REFUSED = "REFUSED"
    RETURN_PACKED = "RETURN_PACKED"
    RETURN_SHIPPED = "RETURN_SHIPPED"
    RETURNED = "RETURNED"
    CANCELLED = "CANCELLED"
    MISSING = "MISSING"
    DAMAGED = "DAMAGED"


class Role(StrEnum):
    CLERK = "clerk"
    WAREHOUSE = "warehouse"
    ADMIN = "admin"
    CUSTOMER = "customer"
    SYSTEM = "system"  # the backend itself: payment webhook, relay


class SiteKind(StrEnum):
    PVZ = "pvz"
    WAREHOUSE = "warehouse"
    CENTRAL = "central"  # the backend, acting on no physical site


U = UnitStatus
R = Role
S = SiteKind


@dataclass(frozen=True, slots=True)
class Rule:
    source: UnitStatus
    target: UnitStatus
    action: str
    roles: frozenset[Role]
    sites: frozenset[SiteKind]


def _rule(source: U, target: U, action: str, roles: Iterable[R], sites: Iterable[S]) -> Rule:
    return Rule(source, target, action, frozenset(roles) | {R.ADMIN}, frozenset(sites) | {S.CENTRAL})


# The one table. Admins may make any listed transition (corrections); CENTRAL is where an admin acts.
TRANSITIONS: tuple[Rule, ...] = (
    _rule(U.CREATED, U.PAID, "pay", [R.SYSTEM], []),
    _rule(U.CREATED, U.CANCELLED, "cancel", [R.CUSTOMER, R.SYSTEM], []),
    _rule(U.PAID, U.CANCELLED, "cancel", [R.CUSTOMER, R.SYSTEM], []),
    _rule(U.PAID, U.PICKED, "pick", [R.WAREHOUSE], [S.WAREHOUSE]),
    _rule(U.PAID, U.MISSING, "pick_short", [R.WAREHOUSE], [S.WAREHOUSE]),
    _rule(U.PAID, U.DAMAGED, "mark_damaged", [R.WAREHOUSE], [S.WAREHOUSE]),
    _rule(U.PICKED, U.PACKED, "pack", [R.WAREHOUSE], [S.WAREHOUSE]),
    _rule(U.PICKED, U.CANCELLED, "cancel", [R.CUSTOMER, R.SYSTEM], []),
    _rule(U.PICKED, U.DAMAGED, "mark_damaged", [R.WAREHOUSE], [S.WAREHOUSE]),
    _rule(U.PACKED, U.SHIPPED, "ship", [R.WAREHOUSE], [S.WAREHOUSE]),
    _rule(U.PACKED, U.PICKED, "unpack", [R.WAREHOUSE], [S.WAREHOUSE]),
    _rule(U.PACKED, U.CANCELLED, "cancel", [R.CUSTOMER, R.SYSTEM], []),
    _rule(U.SHIPPED, U.ACCEPTED, "accept", [R.CLERK], [S.PVZ]),
    _rule(U.SHIPPED, U.MISSING, "shortage", [R.CLERK], [S.PVZ]),
    _rule(U.SHIPPED, U.DAMAGED, "mark_damaged", [R.CLERK], [S.PVZ]),
    _rule(U.ACCEPTED, U.ISSUED, "issue", [R.CLERK], [S.PVZ]),
    _rule(U.ACCEPTED, U.REFUSED, "refuse", [R.CLERK], [S.PVZ]),
    _rule(U.ACCEPTED, U.MISSING, "inventory_missing", [R.CLERK], [S.PVZ]),
    _rule(U.ACCEPTED, U.DAMAGED, "mark_damaged", [R.CLERK], [S.PVZ]),
    _rule(U.ACCEPTED, U.RETURN_PACKED, "return_expired", [R.CLERK], [S.PVZ]),
    _rule(U.ISSUED, U.RETURN_PACKED, "return_brought_back", [R.CLERK], [S.PVZ]),
    _rule(U.REFUSED, U.RETURN_PACKED, "return_pack", [R.CLERK], [S.PVZ]),
    _rule(U.DAMAGED, U.RETURN_PACKED, "return_pack", [R.CLERK], [S.PVZ]),
    _rule(U.RETURN_PACKED, U.RETURN_SHIPPED, "return_ship", [R.CLERK], [S.PVZ]),
    _rule(U.RETURN_SHIPPED, U.RETURNED, "return_receive", [R.WAREHOUSE], [S.WAREHOUSE]),
    _rule(U.RETURN_SHIPPED, U.MISSING, "return_missing", [R.WAREHOUSE], [S.WAREHOUSE]),
    _rule(U.MISSING, U.ACCEPTED, "found", [R.CLERK], [S.PVZ]),
    _rule(U.MISSING, U.PICKED, "found", [R.WAREHOUSE], [S.WAREHOUSE]),
)

RULES: dict[tuple[UnitStatus, UnitStatus], Rule] = {(r.source, r.target): r for r in TRANSITIONS}
if len(RULES) != len(TRANSITIONS):  # pragma: no cover - guards edits of the table
    raise RuntimeError("duplicate transition in TRANSITIONS")

TERMINAL: frozenset[UnitStatus] = frozenset(
    s for s in UnitStatus if not any(r.source is s for r in TRANSITIONS)
)


class IllegalTransition(Exception):
    """A transition the table does not allow, for this role or at this kind of site."""

    def __init__(self, source: UnitStatus, target: UnitStatus, reason: str, code: str) -> None:
        self.source = source
        self.target = target
        self.reason = reason
        self.code = code
        super().__init__(f"{source} -> {target}: {reason}")


def allowed_targets(source: UnitStatus, role: Role, site: SiteKind) -> frozenset[UnitStatus]:
    return frozenset(
        r.target for r in TRANSITIONS if r.source is source and role in r.roles and site in r.sites
    )


def check_transition(source: UnitStatus, target: UnitStatus, role: Role, site: SiteKind) -> Rule:
    """Return the rule that allows source -> target, or raise IllegalTransition naming why not."""
    rule = RULES.get((UnitStatus(source), UnitStatus(target)))
    if rule is None:
        if source is target:
            raise IllegalTransition(source, target, f"unit is already {target}", "already_in_state")
        if source in TERMINAL:
            raise IllegalTransition(source, target, f"{source} is final", "final_state")
        raise IllegalTransition(source, target, f"no transition from {source} to {target}", "not_allowed")
    if role not in rule.roles:
        allowed = ", ".join(sorted(rule.roles))
        raise IllegalTransition(
            source, target, f"role {role} may not {rule.action} (allowed: {allowed})", "forbidden_role"
        )
    if site not in rule.sites:
        where = ", ".join(sorted(rule.sites - {SiteKind.CENTRAL}))
        raise IllegalTransition(
            source, target, f"{rule.action} happens at a {where}, not at a {site}", "wrong_site"
        )
    return rule


class OrderStatus(StrEnum):
    CREATED = "CREATED"
    PAID = "PAID"
    IN_FULFILMENT = "IN_FULFILMENT"  # at the warehouse: some units picked or packed
    IN_TRANSIT = "IN_TRANSIT"
    READY = "READY"  # every live unit is waiting at the PVZ
    PARTLY_READY = "PARTLY_READY"
    COMPLETED = "COMPLETED"  # every unit issued, refused or returned
    CANCELLED = "CANCELLED"


_DONE = {U.ISSUED, U.REFUSED, U.RETURN_PACKED, U.RETURN_SHIPPED, U.RETURNED, U.MISSING, U.DAMAGED}


def order_status(units: Iterable[UnitStatus]) -> OrderStatus:
    """Derive an order's status from its units' statuses."""
    states = [UnitStatus(s) for s in units]
    if not states:
        return OrderStatus.CREATED
    live = [s for s in states if s is not U.CANCELLED]
    if not live:
        return OrderStatus.CANCELLED
    kinds = set(live)
    if kinds <= _DONE:
        return OrderStatus.COMPLETED
    if kinds == {U.CREATED}:
        return OrderStatus.CREATED
    if kinds == {U.PAID}:
        return OrderStatus.PAID
    waiting = [s for s in live if s not in _DONE]
    if all(s is U.ACCEPTED for s in waiting):
        return OrderStatus.READY
    if U.ACCEPTED in kinds:
        return OrderStatus.PARTLY_READY
    if U.SHIPPED in kinds:
        return OrderStatus.IN_TRANSIT
    return OrderStatus.IN_FULFILMENT


class BoxKind(StrEnum):
    FORWARD = "forward"  # warehouse -> PVZ
    RETURN = "return"  # PVZ -> warehouse


class BoxStatus(StrEnum):
    EMPTY = "EMPTY"
    OPEN = "OPEN"  # units being packed
    PACKED = "PACKED"
    IN_TRANSIT = "IN_TRANSIT"
    RECEIVING = "RECEIVING"  # partly accepted at the destination
    RECEIVED = "RECEIVED"


def box_status(kind: BoxKind, units: Iterable[UnitStatus], closed: bool) -> BoxStatus:
    """Derive a box's status from its units and whether the packer closed it."""
    states = [UnitStatus(s) for s in units]
    if not states:
        return BoxStatus.EMPTY
    if kind is BoxKind.FORWARD:
        in_transit, arrived = {U.SHIPPED}, {U.ACCEPTED, U.ISSUED, U.REFUSED, U.MISSING, U.DAMAGED}
        packing = {U.PICKED, U.PACKED}
    else:
        in_transit, arrived = {U.RETURN_SHIPPED}, {U.RETURNED, U.MISSING}
        packing = {U.RETURN_PACKED}
    kinds = set(states)
    if kinds <= packing:
        return BoxStatus.PACKED if closed else BoxStatus.OPEN
    if kinds <= in_transit:
        return BoxStatus.IN_TRANSIT
    if kinds & in_transit:
        return BoxStatus.RECEIVING
    if kinds & arrived:
        return BoxStatus.RECEIVED
    return BoxStatus.OPEN
