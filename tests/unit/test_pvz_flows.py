"""The PVZ flows over a real local store, built as the app builds them (pvz_app.adapters.store_flows):
what a clerk's shift and a return box do, and what the flows refuse, with no Qt in between."""

from __future__ import annotations

from pathlib import Path

import pytest

from pvz_app.adapters import store_flows
from pvz_app.logic.ports import PvzError
from shared.domain import InvalidOperation, ManualClock, Role, SiteKind, parse_iso
from shared.store import Actor, LocalStore

SITE = "PVZ-T-1"
CLERK = Actor("u-clerk", "clerk", Role.CLERK, SITE, SiteKind.PVZ)


def _store(path: Path) -> LocalStore:
    return LocalStore.open(path, "pvz-dev", ManualClock(parse_iso("2026-03-02T08:00:00Z")))


def test_a_shift_opens_once_survives_a_restart_and_closes_with_its_summary(tmp_path: Path) -> None:
    store = _store(tmp_path / "pvz.sqlite3")
    flows = store_flows(store, SITE, store.clock)
    with pytest.raises(PvzError) as refused:
        flows.shift.open()
    assert refused.value.code == "no_user"
    flows.clerk.actor = CLERK
    shift, changes = flows.shift.open()
    assert shift is not None and shift.user_id == CLERK.user_id and changes.journal
    again, nothing = flows.shift.open()
    assert again == shift and not nothing  # the open shift, no second shift.open
    store.close()

    store = _store(tmp_path / "pvz.sqlite3")  # the app restarted: the shift is still open
    flows = store_flows(store, SITE, store.clock)
    flows.clerk.actor = CLERK
    assert flows.shift.current() == shift
    summary, _ = flows.shift.close()
    assert summary["accepted"] == 0 and summary["issued"] == 0 and summary["money_prepaid"] == 0
    assert flows.shift.current() is None
    with pytest.raises(PvzError) as refused:
        flows.shift.close()
    assert refused.value.code == "no_shift"
    store.close()


def test_a_return_box_opens_with_a_fresh_sscc_and_an_empty_one_does_not_close(tmp_path: Path) -> None:
    store = _store(tmp_path / "pvz.sqlite3")
    flows = store_flows(store, SITE, store.clock)
    flows.clerk.actor = CLERK
    box, changes = flows.returns.open_new_box()
    assert box is not None and box.kind == "return" and not box.closed and box.id in changes.boxes
    same, nothing = flows.returns.open_box(box.id)
    assert same.id == box.id and not nothing
    with pytest.raises(PvzError) as refused:
        flows.returns.pack(box.id, "NO-SUCH-LABEL")
    assert refused.value.code == "unknown_unit"
    with pytest.raises(InvalidOperation) as empty:
        flows.returns.close_box(box.id)
    assert empty.value.code == "box_empty"
    still, _ = flows.returns.open_box(box.id)  # the refusal wrote nothing: the box is open
    assert not still.closed and flows.returns.box_units(box.id) == []
    assert flows.returns.new_box_id() != box.id
    store.close()


def test_payment_at_pickup_needs_the_server(tmp_path: Path) -> None:
    store = _store(tmp_path / "pvz.sqlite3")
    flows = store_flows(store, SITE, store.clock)  # no payments port: offline
    with pytest.raises(PvzError) as refused:
        flows.pickup.wait_payment("O-1", "I-1")
    assert refused.value.code == "payment_offline"
    store.close()
