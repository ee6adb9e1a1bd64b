"""Report content: totals that add up, languages, refusal of malformed input."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from shared.barcodes import ScanKind, make_sscc, make_unit_label
from shared.printing import (
    A4,
    AcceptanceLine,
    HandoverBox,
    LABEL_58x40,
    Report,
    ShiftReportData,
    acceptance_report,
    handover_act,
    page_by_name,
    shift_report,
)

WHEN = datetime(2026, 3, 1, 10, 30, tzinfo=UTC)


def test_acceptance_totals_and_fields() -> None:
    lines = [
        AcceptanceLine(make_unit_label(1), "Кружка", "accepted", "0001"),
        AcceptanceLine(make_unit_label(2), "Книга", "missing"),
        AcceptanceLine(make_unit_label(3), "Шарф", "surplus", "0002"),
        AcceptanceLine(make_unit_label(4), "Ваза", "damaged"),
    ]
    r = acceptance_report(site="ПВЗ-1", box_sscc=make_sscc(1), when=WHEN, clerk="Иванова", lines=lines)
    assert r.title == "Акт приёмки короба"
    assert dict(r.totals) == {
        "Ожидалось": "3",
        "Принято": "1",
        "Недостача": "1",
        "Излишек": "1",
        "Повреждено": "1",
    }
    assert ("Дата", "01.03.2026 10:30") in r.fields
    assert r.rows[1] == ("2", make_unit_label(2), "Книга", "", "Недостача")
    assert r.barcode == (ScanKind.BOX, make_sscc(1))
    assert len(r.signatures) == 2


def test_acceptance_in_english_and_bad_outcome() -> None:
    r = acceptance_report(site="S", box_sscc=make_sscc(1), when=WHEN, clerk="C", lines=[], lang="en")
    assert r.title == "Box acceptance report" and dict(r.totals)["Expected"] == "0"
    with pytest.raises(ValueError, match="outcome"):
        acceptance_report(
            site="S", box_sscc=make_sscc(1), when=WHEN, clerk="C", lines=[AcceptanceLine("U", "x", "lost")]
        )


def test_handover_counts_boxes_and_units() -> None:
    boxes = [HandoverBox(make_sscc(n, kind_return=True), units=n) for n in (2, 3, 5)]
    r = handover_act(site="S", courier="K", clerk="C", when=WHEN, boxes=boxes, outgoing=False)
    assert dict(r.totals) == {"Всего коробов": "3", "Всего единиц": "10"}
    assert ("Направление", "Получено от курьера") in r.fields
    assert r.barcode is None


def test_shift_report_open_shift() -> None:
    r = shift_report(ShiftReportData("S", "C", WHEN, None, {"Выдано": 2, "Принято": 5}))
    assert ("Смена закрыта", "не закрыта") in r.fields
    assert r.rows == (("Выдано", "2"), ("Принято", "5"))
    assert dict(r.totals)["Количество"] == "7"


def test_rows_must_match_columns() -> None:
    with pytest.raises(ValueError, match="row 1"):
        Report(title="t", columns=("a", "b"), rows=(("only one",),))


def test_page_sizes() -> None:
    assert page_by_name("58x40") is LABEL_58x40
    assert A4.content_mm() == (180.0, 267.0)
    with pytest.raises(ValueError, match="unknown page size"):
        page_by_name("A3")
