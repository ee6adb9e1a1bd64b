"""Raw ZPL output: UTF-8 mode, the right barcode command per label kind, escaped field data."""

from __future__ import annotations

import re

import pytest

from shared.barcodes import ScanKind, make_cell_label, make_gtin13, make_sscc, make_unit_label
from shared.printing import LABEL_58x40, LABEL_100x150
from shared.printing.zpl import field_data, label_zpl


def fields(zpl: str) -> list[str]:
    return re.findall(r"\^FD(.*?)\^FS", zpl)


def test_cell_label_is_utf8_code128_with_cyrillic_text() -> None:
    code = make_cell_label("PVZ-DEMO-1", 42)
    zpl = label_zpl(ScanKind.CELL, code, ["Ячейка 42"], LABEL_58x40, dpi=203)
    assert zpl.startswith("^XA\n^CI28\n") and zpl.rstrip().endswith("^XZ")
    assert "^PW464" in zpl and "^LL320" in zpl  # 58 x 40 mm at 203 dpi
    assert re.search(r"\^BCN,\d+,N,N,N,A\^FH_\^FD" + re.escape(code), zpl)
    assert "Ячейка 42" in fields(zpl)
    zpl.encode("utf-8")  # what is sent to the printer


def test_box_label_is_gs1_128_with_fnc1_and_ai_00() -> None:
    sscc = make_sscc(42)
    zpl = label_zpl(ScanKind.BOX, sscc, ["ПВЗ-ДЕМО-1"], LABEL_100x150, dpi=300)
    assert f"^FD>;>800{sscc}^FS" in zpl
    assert f"(00){sscc}" in fields(zpl)
    assert "^PW1181" in zpl and "^LL1772" in zpl


def test_pickup_is_qr_and_product_is_ean13() -> None:
    qr = label_zpl(ScanKind.PICKUP, "WBP1.abc-DEF_123.sig", [])
    assert "^BQN,2," in qr and "^FDMA,WBP1.abc-DEF_5F123.sig^FS" in qr
    gtin = make_gtin13("460123456789")
    ean = label_zpl(ScanKind.PRODUCT, gtin)
    assert "^BEN," in ean and f"^FD{gtin[:12]}^FS" in ean


def test_caret_tilde_and_underscore_cannot_break_out_of_a_field() -> None:
    zpl = label_zpl(ScanKind.UNIT, make_unit_label(3), ["^XZ~JR evil_name"])
    assert "^XZ~JR" not in zpl.replace("\n^XZ\n", "\n")
    assert "_5EXZ_7EJR evil_5Fname" in zpl
    assert field_data("a\x1db") == "a_1Db"


def test_lines_that_do_not_fit_are_left_off_not_overprinted() -> None:
    zpl = label_zpl(ScanKind.UNIT, make_unit_label(3), [f"строка {i}" for i in range(30)], LABEL_58x40)
    ys = [int(y) for y in re.findall(r"\^FO\d+,(\d+)", zpl)]
    assert ys == sorted(ys) and max(ys) < 320
    assert len(ys) < 31


def test_copies() -> None:
    assert "^PQ3" in label_zpl(ScanKind.UNIT, make_unit_label(3), copies=3)


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError):
        label_zpl("nonsense", "x")  # type: ignore[arg-type]
