"""The unit state machine: one table, typed errors, derived order and box states."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.domain import (
    RULES,
    TERMINAL,
    BoxKind,
    BoxStatus,
    IllegalTransition,
    OrderStatus,
    Role,
    SiteKind,
    UnitStatus,
    allowed_targets,
    box_status,
    check_transition,
    order_status,
)

U = UnitStatus


def test_clerk_accepts_shipped_unit_at_pvz() -> None:
    rule = check_transition(U.SHIPPED, U.ACCEPTED, Role.CLERK, SiteKind.PVZ)
    assert rule.action == "accept"


def test_issue_before_acceptance_names_from_to_and_why() -> None:
    with pytest.raises(IllegalTransition) as err:
        check_transition(U.SHIPPED, U.ISSUED, Role.CLERK, SiteKind.PVZ)
    assert err.value.source is U.SHIPPED and err.value.target is U.ISSUED
    assert err.value.code == "not_allowed"
    assert "SHIPPED" in str(err.value) and "ISSUED" in str(err.value)


def test_warehouse_role_cannot_issue() -> None:
    with pytest.raises(IllegalTransition) as err:
        check_transition(U.ACCEPTED, U.ISSUED, Role.WAREHOUSE, SiteKind.PVZ)
    assert err.value.code == "forbidden_role"


def test_clerk_cannot_accept_at_a_warehouse() -> None:
    with pytest.raises(IllegalTransition) as err:
        check_transition(U.SHIPPED, U.ACCEPTED, Role.CLERK, SiteKind.WAREHOUSE)
    assert err.value.code == "wrong_site"


def test_final_states_and_repeat() -> None:
    assert {U.RETURNED, U.CANCELLED} <= TERMINAL
    with pytest.raises(IllegalTransition) as err:
        check_transition(U.RETURNED, U.ACCEPTED, Role.ADMIN, SiteKind.CENTRAL)
    assert err.value.code == "final_state"
    with pytest.raises(IllegalTransition) as err:
        check_transition(U.ISSUED, U.ISSUED, Role.CLERK, SiteKind.PVZ)
    assert err.value.code == "already_in_state"


def test_only_system_or_admin_marks_paid() -> None:
    check_transition(U.CREATED, U.PAID, Role.SYSTEM, SiteKind.CENTRAL)
    with pytest.raises(IllegalTransition):
        check_transition(U.CREATED, U.PAID, Role.CUSTOMER, SiteKind.CENTRAL)


def test_customer_cannot_cancel_after_shipping() -> None:
    with pytest.raises(IllegalTransition):
        check_transition(U.SHIPPED, U.CANCELLED, Role.CUSTOMER, SiteKind.CENTRAL)


def test_happy_path_is_a_chain_of_allowed_steps() -> None:
    path = [
        (U.CREATED, U.PAID, Role.SYSTEM, SiteKind.CENTRAL),
        (U.PAID, U.PICKED, Role.WAREHOUSE, SiteKind.WAREHOUSE),
        (U.PICKED, U.PACKED, Role.WAREHOUSE, SiteKind.WAREHOUSE),
        (U.PACKED, U.SHIPPED, Role.WAREHOUSE, SiteKind.WAREHOUSE),
        (U.SHIPPED, U.ACCEPTED, Role.CLERK, SiteKind.PVZ),
        (U.ACCEPTED, U.REFUSED, Role.CLERK, SiteKind.PVZ),
        (U.REFUSED, U.RETURN_PACKED, Role.CLERK, SiteKind.PVZ),
        (U.RETURN_PACKED, U.RETURN_SHIPPED, Role.CLERK, SiteKind.PVZ),
        (U.RETURN_SHIPPED, U.RETURNED, Role.WAREHOUSE, SiteKind.WAREHOUSE),
    ]
    for source, target, role, site in path:
        check_transition(source, target, role, site)


ROLES = st.sampled_from(list(Role))
SITES = st.sampled_from(list(SiteKind))
STATES = st.sampled_from(list(UnitStatus))


@settings(max_examples=300)
@given(st.lists(st.tuples(STATES, ROLES, SITES), max_size=40))
def test_random_operations_never_leave_the_table(steps: list[tuple[UnitStatus, Role, SiteKind]]) -> None:
    state = U.CREATED
    seen = [state]
    for target, role, site in steps:
        try:
            rule = check_transition(state, target, role, site)
        except IllegalTransition as exc:
            assert exc.source is state
            continue
        assert (state, target) in RULES and role in rule.roles and site in rule.sites
        state = target
        seen.append(state)
    for a, b in itertools.pairwise(seen):
        assert (a, b) in RULES


@given(STATES, ROLES, SITES)
def test_allowed_targets_agree_with_check(source: UnitStatus, role: Role, site: SiteKind) -> None:
    for target in UnitStatus:
        ok = target in allowed_targets(source, role, site)
        try:
            check_transition(source, target, role, site)
            assert ok
        except IllegalTransition:
            assert not ok


def test_order_status_is_derived() -> None:
    assert order_status([U.CREATED, U.CREATED]) is OrderStatus.CREATED
    assert order_status([U.PAID, U.PAID]) is OrderStatus.PAID
    assert order_status([U.PICKED, U.PAID]) is OrderStatus.IN_FULFILMENT
    assert order_status([U.SHIPPED, U.SHIPPED]) is OrderStatus.IN_TRANSIT
    assert order_status([U.ACCEPTED, U.SHIPPED]) is OrderStatus.PARTLY_READY
    assert order_status([U.ACCEPTED, U.ISSUED]) is OrderStatus.READY
    assert order_status([U.ISSUED, U.REFUSED]) is OrderStatus.COMPLETED
    assert order_status([U.CANCELLED]) is OrderStatus.CANCELLED
    assert order_status([U.CANCELLED, U.ACCEPTED]) is OrderStatus.READY


def test_box_status_is_derived() -> None:
    assert box_status(BoxKind.FORWARD, [], closed=False) is BoxStatus.EMPTY
    assert box_status(BoxKind.FORWARD, [U.PACKED], closed=False) is BoxStatus.OPEN
    assert box_status(BoxKind.FORWARD, [U.PACKED], closed=True) is BoxStatus.PACKED
    assert box_status(BoxKind.FORWARD, [U.SHIPPED, U.SHIPPED], closed=True) is BoxStatus.IN_TRANSIT
    assert box_status(BoxKind.FORWARD, [U.SHIPPED, U.ACCEPTED], closed=True) is BoxStatus.RECEIVING
    assert box_status(BoxKind.FORWARD, [U.ACCEPTED, U.MISSING], closed=True) is BoxStatus.RECEIVED
    assert box_status(BoxKind.RETURN, [U.RETURN_SHIPPED], closed=True) is BoxStatus.IN_TRANSIT
    assert box_status(BoxKind.RETURN, [U.RETURNED], closed=True) is BoxStatus.RECEIVED
