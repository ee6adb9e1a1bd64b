"""Photos named in ops: at a damage or defect point (a damaged unit at acceptance, a refusal for a
defect at pickup, a customer return, a damaged unit on the terminal) the op carries the SHA-256 of
the photos taken of its unit (`photos`); both sides check the field and the backend keeps it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from backend_stub.db import op_results
from shared.domain import SPECS, InvalidOperation, ManualClock, OpType, parse_iso, validate_payload
from shared.domain.evidence import sha256_hex
from shared.domain.operations import MAX_PHOTOS_PER_OP
from shared.store import LocalStore
from tests.support.inprocess import InProcessBackend
from tests.support.world import World

PNG = b"\x89PNG\r\n\x1a\n"
HASHES = [sha256_hex(bytes([i])) for i in range(MAX_PHOTOS_PER_OP + 1)]


def test_the_damage_and_defect_points_declare_photos_and_nothing_else_does() -> None:
    points = {t for t, spec in SPECS.items() if spec.photos is not None}
    # and the receiving side of a handover: photos of a box whose seal differs or is broken
    receipts = {OpType.CLOSE_ACCEPTANCE, OpType.RETURN_RECEIPT_CLOSE}
    assert (
        points
        == {OpType.MARK_DAMAGED, OpType.COMPLETE_PICKUP, OpType.RETURN_PACK, OpType.PICK_SKIP} | receipts
    )


@pytest.mark.parametrize(
    "photos",
    [
        HASHES,  # one too many
        ["ab" * 31],  # too short
        ["AB" * 32],  # not lower-case
        [HASHES[0], HASHES[0]],  # twice
        "ab" * 32,  # not a list
        [7],
    ],
)
def test_malformed_photos_are_refused(photos: Any) -> None:
    with pytest.raises(InvalidOperation) as caught:
        validate_payload(OpType.MARK_DAMAGED, {"unit_id": "U1", "reason": "damaged", "photos": photos})
    assert caught.value.code == "invalid_payload"


def test_photos_only_where_declared() -> None:
    validate_payload(
        OpType.MARK_DAMAGED, {"unit_id": "U1", "reason": "r", "photos": HASHES[:MAX_PHOTOS_PER_OP]}
    )
    validate_payload(OpType.MARK_DAMAGED, {"unit_id": "U1", "reason": "r"})  # optional
    with pytest.raises(InvalidOperation):
        validate_payload(OpType.MOVE_UNIT, {"unit_id": "U1", "cell_id": "C", "photos": HASHES[:1]})


def test_the_store_puts_the_photos_taken_of_the_unit_into_the_op(tmp_path: Path) -> None:
    store = LocalStore.open(tmp_path / "a.sqlite3", "dev", ManualClock(parse_iso("2026-03-01T09:00:00Z")))
    one = store.save_photo(PNG + b"1", taken_by="u", subject="U1", subject_kind="unit").sha256
    two = store.save_photo(PNG + b"2", taken_by="u", subject="U1", subject_kind="unit").sha256
    store.save_photo(PNG + b"3", taken_by="u", subject="B1", subject_kind="box")
    store.save_photo(PNG + b"4", taken_by="u", subject="U2", subject_kind="unit")
    damaged = store.with_photos(OpType.MARK_DAMAGED, {"unit_id": "U1", "reason": "damaged_on_arrival"})
    assert sorted(damaged["photos"]) == sorted([one, two])
    assert "photos" not in store.with_photos(OpType.MOVE_UNIT, {"unit_id": "U1", "cell_id": "C"})
    pickup = {
        "order_id": "O1",
        "issued": ["U3"],
        "refused": [{"unit_id": "U1", "reason": "damaged"}, {"unit_id": "U2", "reason": "did_not_fit"}],
    }
    assert sorted(store.with_photos(OpType.COMPLETE_PICKUP, pickup)["photos"]) == sorted([one, two])
    skip = {"task_id": "T", "unit_id": "U1", "reason": "not_found"}
    assert "photos" not in store.with_photos(OpType.PICK_SKIP, skip)
    assert "photos" in store.with_photos(OpType.PICK_SKIP, dict(skip, reason="damaged"))
    store.close()


def test_the_backend_checks_and_keeps_the_photos_of_an_op(tmp_path: Path) -> None:
    clock = ManualClock(parse_iso("2026-03-01T09:00:00Z"))
    with InProcessBackend(tmp_path / "b", clock=clock) as backend, World.standard(backend) as w:
        order = w.place_order(w.customer, w.pvz1, w.skus[:2])
        w.pay(order)
        w.accept(order, w.ship(order))
        first, second = (u["id"] for u in order["units"])
        dev = w.device(w.clerk1, "pvz-photos")
        good = dev.make_op("unit.damaged", {"unit_id": first, "reason": "damaged", "photos": HASHES[:2]})
        bad = dev.make_op("unit.damaged", {"unit_id": second, "reason": "damaged", "photos": ["x" * 64]})
        results = dev.push([good, bad])
        assert [r["status"] for r in results] == ["applied", "rejected"]
        assert results[1]["reason"]["code"] == "invalid_payload"
        with w._ctx.db.read() as conn:
            stored = conn.execute(
                select(op_results.c.payload).where(op_results.c.op_id == good["op_id"])
            ).scalar_one()
        assert json.loads(stored)["photos"] == HASHES[:2]
