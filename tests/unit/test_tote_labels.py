"""Tote labels (docs/BARCODES.md, kind `tote`): made, parsed by the one parser, never another kind."""

from __future__ import annotations

import pytest

from shared.barcodes import BarcodeError, ScanKind, make_tote_label, parse


@pytest.mark.parametrize("number", [1, 6, 42, 99999])
def test_a_tote_label_parses_back_to_its_number(number: int) -> None:
    label = make_tote_label(number)
    assert len(label) == 7 and label.startswith("T")
    scan = parse(f"]C0{label}\r\n")
    assert scan.kind is ScanKind.TOTE and scan.code == label and int(scan.fields["number"]) == number


def test_dirty_and_broken_tote_labels() -> None:
    repaired = parse("Е000017")  # typed through a Russian layout: Т is on the E key
    assert repaired.kind is ScanKind.TOTE and repaired.code == "T000017" and repaired.layout_repaired
    for bad, code in (("T000018", "bad_check_digit"), ("T00001", "malformed"), ("T0000170", "malformed")):
        with pytest.raises(BarcodeError) as err:
            parse(bad)
        assert err.value.code == code, bad
    with pytest.raises(ValueError):
        make_tote_label(0)
