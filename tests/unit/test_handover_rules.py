"""Two-sided handover rules: seal and badge formats, what a handover op may carry, what differs."""

from __future__ import annotations

from typing import Any

import pytest

from shared.barcodes import BarcodeError, ScanKind, parse
from shared.barcodes.formats import make_badge_label
from shared.domain import InvalidOperation, OpType, validate_payload
from shared.domain import handover as rules

BADGE = make_badge_label(7)


@pytest.mark.parametrize(
    ("raw", "code"), [("S123456", "S123456"), ("s00ab12cd", "S00AB12CD"), ("Ы1234567", "S1234567")]
)
def test_a_seal_number_scans_or_types_as_a_seal(raw: str, code: str) -> None:
    scan = parse(raw)
    assert scan.kind is ScanKind.SEAL and scan.code == code and rules.is_seal(scan.code)


@pytest.mark.parametrize("raw", ["S12345", "S1234567890123", "S12-456"])
def test_a_seal_number_of_the_wrong_length_or_characters_is_refused(raw: str) -> None:
    with pytest.raises(BarcodeError):
        parse(raw)


def test_badges_need_their_check_digit() -> None:
    assert rules.is_badge(BADGE)
    assert not rules.is_badge(BADGE[:-1] + str((int(BADGE[-1]) + 1) % 10))
    assert not rules.is_badge("S1234567")


def _route_close(**extra: Any) -> dict[str, Any]:
    return {"route_id": "R-1", "unit_ids": [], **extra}


def test_a_route_closes_without_seals_as_before_or_with_a_badge_and_a_seal_per_box() -> None:
    validate_payload(OpType.ROUTE_CLOSE, _route_close())
    validate_payload(OpType.ROUTE_CLOSE, _route_close(courier_badge=BADGE, seals={"b1": "S1000001"}))


@pytest.mark.parametrize(
    "extra",
    [
        {"courier_badge": BADGE},  # no seals
        {"seals": {"b1": "S1000001"}},  # no badge
        {"courier_badge": "E123", "seals": {"b1": "S1000001"}},
        {"courier_badge": BADGE, "seals": {"b1": "1000001"}},
        {"courier_badge": BADGE, "seals": {"b1": "S1000001", "b2": "S1000001"}},  # one seal, two boxes
        {"courier_badge": BADGE, "seals": ["S1000001"]},
    ],
)
def test_a_handover_with_a_bad_badge_or_seals_is_refused(extra: dict[str, Any]) -> None:
    with pytest.raises(InvalidOperation) as err:
        validate_payload(OpType.ROUTE_CLOSE, _route_close(**extra))
    assert err.value.code == "invalid_payload"


def test_return_handover_seals_name_exactly_the_boxes_handed_over() -> None:
    body = {"box_ids": ["r1", "r2"], "unit_ids": [], "courier_badge": BADGE}
    validate_payload(OpType.RETURN_HANDOVER, {**body, "seals": {"r1": "S2000001", "r2": "S2000002"}})
    with pytest.raises(InvalidOperation, match="each box"):
        validate_payload(OpType.RETURN_HANDOVER, {**body, "seals": {"r1": "S2000001"}})


def test_the_receiving_side_names_the_seal_it_found_or_none() -> None:
    validate_payload(OpType.CLOSE_ACCEPTANCE, {"box_id": "b", "seal": "S1000001", "seal_broken": False})
    validate_payload(
        OpType.RETURN_RECEIPT_CLOSE, {"box_id": "b", "missing": [], "seal": "", "seal_broken": True}
    )
    with pytest.raises(InvalidOperation):
        validate_payload(OpType.CLOSE_ACCEPTANCE, {"box_id": "b", "seal": "1000001"})
    with pytest.raises(InvalidOperation):
        validate_payload(OpType.CLOSE_ACCEPTANCE, {"box_id": "b", "seal": "S1000001", "seal_broken": "no"})


def test_what_differs_for_one_box() -> None:
    same = rules.box_discrepancies(sent=True, seal_sent="S1000001", seal_received="S1000001", broken=False)
    assert same == []
    assert rules.box_discrepancies(
        sent=True, seal_sent="S1000001", seal_received="S1000002", broken=True
    ) == [
        rules.SEAL_MISMATCH,
        rules.SEAL_BROKEN,
    ]
    assert rules.box_discrepancies(sent=True, seal_sent="S1000001", seal_received="", broken=False) == [
        rules.SEAL_MISMATCH
    ]
    # a side that recorded no seal (an older client) is not compared
    assert rules.box_discrepancies(sent=True, seal_sent=None, seal_received="S1", broken=False) == []
    assert rules.box_discrepancies(sent=False, seal_sent=None, seal_received="S1000001", broken=False) == [
        rules.NOT_SENT
    ]


def test_boxes_not_received_once_the_receiver_closed_another() -> None:
    assert rules.not_received({"a": False, "b": False}) == []
    assert rules.not_received({"a": True, "c": False, "b": False}) == ["b", "c"]
    assert rules.not_received({"a": True}) == []
