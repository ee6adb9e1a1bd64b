"""Label images: every kind rendered at both label sizes and read back by a real decoder (zxing-cpp)."""

from __future__ import annotations

import io
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from shared.barcodes import (
    BarcodeError,
    ScanKind,
    make_badge_label,
    make_cell_label,
    make_document_label,
    make_gtin13,
    make_location_label,
    make_sscc,
    make_unit_label,
    parse,
)
from shared.barcodes.labels import (
    FONT_BOLD,
    FONT_DIR,
    FONT_REGULAR,
    SIZE_SHIPPING,
    SIZE_SMALL,
    label_png,
    label_svg,
    render_label,
)

zxingcpp = pytest.importorskip("zxingcpp")

PICKUP = "WBP1.eyJvcmRlciI6IjEyMzQ1NiIsInUiOlsxLDIsM119.q3H0b5cVfX2n-8_k1ZQp7Lr9sT4wYe6mAaBbCcDdEe"
LINES = ["Иванова Анна Сергеевна", "Заказ № 123456, ячейка 42", "Хрупкое — не бросать!"]

# kind, code, what the decoder reports (text, in plain mode), symbology identifier
LABELS = [
    (ScanKind.UNIT, make_unit_label(98765), make_unit_label(98765), "]C0"),
    (ScanKind.CELL, make_cell_label("PVZ-DEMO-1", 42), "C-PVZ-DEMO-1-0042", "]C0"),
    (ScanKind.CELL, make_cell_label("PVZ-MSK-0042", 9999), "C-PVZ-MSK-0042-9999", "]C0"),
    (ScanKind.LOCATION, make_location_label("WH-DEMO-1", "B-12-03-4"), "L-WH-DEMO-1-B12034", "]C0"),
    (ScanKind.BADGE, make_badge_label(123456789), make_badge_label(123456789), "]C0"),
    (ScanKind.DOCUMENT, make_document_label(5), make_document_label(5), "]C0"),
    (ScanKind.PRODUCT, make_gtin13("460123456789"), "4601234567893", "]E0"),
    (ScanKind.PRODUCT, "46009333", "46009333", "]E4"),
    (ScanKind.BOX, make_sscc(4242), "00" + make_sscc(4242), "]C1"),
    (ScanKind.BOX, make_sscc(99, kind_return=True), "00" + make_sscc(99, kind_return=True), "]C1"),
    (ScanKind.PICKUP, PICKUP, PICKUP, "]Q1"),
]
_SSCC = make_sscc(1)
BAD_SSCC = _SSCC[:-1] + str((int(_SSCC[-1]) + 1) % 10)
IDS = [f"{k.value}-{i}" for i, (k, *_r) in enumerate(LABELS)]


def _read(img: Image.Image) -> list[object]:
    return list(zxingcpp.read_barcodes(img, text_mode=zxingcpp.TextMode.Plain))


@pytest.mark.parametrize("size_mm", [SIZE_SMALL, SIZE_SHIPPING], ids=["58x40", "100x150"])
@pytest.mark.parametrize(("kind", "code", "decoded", "aim"), LABELS, ids=IDS)
def test_every_label_kind_decodes_to_exactly_its_data(
    kind: ScanKind, code: str, decoded: str, aim: str, size_mm: tuple[float, float]
) -> None:
    img = render_label(kind, code, LINES, size_mm=size_mm, dpi=203)
    assert img.size == (round(size_mm[0] * 203 / 25.4), round(size_mm[1] * 203 / 25.4))
    results = _read(img)
    assert len(results) == 1
    (found,) = results
    assert found.text == decoded  # type: ignore[attr-defined]
    assert found.symbology_identifier == aim  # type: ignore[attr-defined]
    # What a scanner would send (AIM prefix + data) parses back to the same label.
    scan = parse(found.symbology_identifier + found.text + "\r\n")  # type: ignore[attr-defined]
    assert scan.kind is kind
    assert scan.code == code


def test_gs1_128_box_label_is_gs1_content_with_ai_00() -> None:
    sscc = make_sscc(31337)
    img = render_label(ScanKind.BOX, sscc, ["Короб в ПВЗ-ДЕМО-1"])
    (found,) = zxingcpp.read_barcodes(img)  # default human-readable text mode
    assert found.content_type == zxingcpp.ContentType.GS1
    assert found.text == f"(00){sscc}"
    assert parse(found.text).fields == {"sscc": sscc, "box_kind": "forward"}


def test_higher_dpi_labels_decode_too() -> None:
    code = make_cell_label("PVZ-DEMO-1", 7)
    img = render_label(ScanKind.CELL, code, ["Ячейка 7"], size_mm=SIZE_SMALL, dpi=300)
    assert img.size == (685, 472)
    assert [r.text for r in _read(img)] == [code]  # type: ignore[attr-defined]


def test_wrong_ean_check_digit_is_refused_not_silently_fixed() -> None:
    with pytest.raises(BarcodeError) as info:
        render_label(ScanKind.PRODUCT, "4601234567890", ["Товар"])
    assert info.value.code == "bad_check_digit"


@pytest.mark.parametrize(
    ("kind", "code", "error"),
    [
        (ScanKind.CELL, make_unit_label(1), "wrong_kind"),
        (ScanKind.UNIT, make_unit_label(1).lower(), "malformed"),
        (ScanKind.UNIT, "U123", "malformed"),
        (ScanKind.BOX, BAD_SSCC, "bad_check_digit"),
        (ScanKind.MARKING, "0104601234567893", "unknown_format"),
        (ScanKind.PRODUCT, "04601234567893", "unknown_format"),
    ],
)
def test_invalid_label_requests_raise_barcode_error(kind: ScanKind, code: str, error: str) -> None:
    with pytest.raises(BarcodeError) as info:
        render_label(kind, code, [])
    assert info.value.code == error


def test_png_bytes_carry_size_and_dpi() -> None:
    data = label_png(ScanKind.UNIT, make_unit_label(5), LINES, size_mm=SIZE_SHIPPING, dpi=203)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    img = Image.open(io.BytesIO(data))
    assert img.size == (799, 1199)  # 100 x 150 mm at 203 dpi
    assert round(img.info["dpi"][0]) == 203
    assert [r.text for r in _read(img)] == [make_unit_label(5)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("kind", "code", "decoded", "aim"), LABELS, ids=IDS)
def test_svg_has_the_same_bars_and_the_cyrillic_lines(
    kind: ScanKind, code: str, decoded: str, aim: str
) -> None:
    svg = label_svg(kind, code, LINES)
    root = ET.fromstring(svg.encode("utf-8"))
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert root.get("width") == "58mm"
    assert root.get("height") == "40mm"
    texts = [t.text for t in root.iterfind(".//s:text", ns)]
    assert "Иванова Анна Сергеевна" in texts
    # Paint the SVG's rectangles and decode them: the vector label scans like the bitmap one.
    _, _, w, h = (int(v) for v in (root.get("viewBox") or "").split())
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    for rect in root.iterfind(".//s:g/s:rect", ns):
        x, y, rw, rh = (int(rect.get(a) or 0) for a in ("x", "y", "width", "height"))
        draw.rectangle((x, y, x + rw - 1, y + rh - 1), fill=0)
    assert [r.text for r in _read(img)] == [decoded]  # type: ignore[attr-defined]


def test_bundled_font_draws_real_cyrillic_glyphs() -> None:
    from PIL import ImageFont

    assert (FONT_DIR / FONT_REGULAR).is_file()
    assert (FONT_DIR / FONT_BOLD).is_file()
    assert (FONT_DIR / "LICENSE-DejaVu.txt").is_file()
    font = ImageFont.truetype(str(FONT_DIR / FONT_REGULAR), 40)

    def glyph(ch: str) -> bytes:
        img = Image.new("L", (60, 60), 255)
        ImageDraw.Draw(img).text((5, 5), ch, font=font, fill=0)
        return img.tobytes()

    missing = glyph("\U000f0000")  # a code point no font has: the 'tofu' box
    for ch in "ЖЩЫЁжщыё№":
        assert glyph(ch) != missing, ch
    # Different Cyrillic lines give different ink on the label: the text is really drawn.
    a = render_label(ScanKind.UNIT, make_unit_label(1), ["Жук"])
    b = render_label(ScanKind.UNIT, make_unit_label(1), ["Щит"])
    assert a.tobytes() != b.tobytes()


def test_long_and_many_lines_stay_inside_the_label_and_the_barcode_still_scans() -> None:
    code = make_unit_label(77)
    long_line = "Очень длинное наименование товара, которое никак не помещается в одну строку " * 3
    img = render_label(ScanKind.UNIT, code, [long_line] * 12)
    width, height = img.size
    margin = round(2 * 203 / 25.4)
    right = img.crop((width - margin + 2, 0, width, height))
    assert right.getextrema() == (255, 255)  # nothing spills into the right margin
    bottom = img.crop((0, height - margin + 2, width, height))
    assert bottom.getextrema() == (255, 255)
    assert [r.text for r in _read(img)] == [code]  # type: ignore[attr-defined]


def test_fonts_come_from_the_injected_folder(tmp_path: Path) -> None:
    code = make_unit_label(3)
    with pytest.raises(FileNotFoundError):
        render_label(ScanKind.UNIT, code, ["Тест"], font_dir=tmp_path)
    for name in (FONT_REGULAR, FONT_BOLD):
        shutil.copy(FONT_DIR / name, tmp_path / name)
    img = render_label(ScanKind.UNIT, code, ["Тест"], font_dir=tmp_path)
    assert img.tobytes() == render_label(ScanKind.UNIT, code, ["Тест"]).tobytes()


@pytest.mark.parametrize("size_mm", [(15.0, 10.0), (58.0, 6.0), (5.0, 40.0)])
def test_labels_too_small_for_the_symbol_are_refused(size_mm: tuple[float, float]) -> None:
    with pytest.raises(ValueError):
        render_label(ScanKind.CELL, make_cell_label("PVZ-DEMO-1", 1), ["Ячейка 1"], size_mm=size_mm)


def test_small_strip_label_with_no_lines_still_scans() -> None:
    code = make_badge_label(5)
    img = render_label(ScanKind.BADGE, code, [], size_mm=(70.0, 22.0), dpi=300)
    assert [r.text for r in _read(img)] == [code]  # type: ignore[attr-defined]
    qr = render_label(ScanKind.PICKUP, PICKUP, [], size_mm=(70.0, 22.0), dpi=300)
    assert [r.text for r in _read(qr)] == [PICKUP]  # type: ignore[attr-defined]


def test_lines_that_do_not_fit_are_marked_not_silently_lost() -> None:
    code = make_unit_label(78)
    lines = [f"Строка {i}" for i in range(1, 30)]
    svg = label_svg(ScanKind.UNIT, code, lines)
    texts = [t.text or "" for t in ET.fromstring(svg.encode()).iter("{http://www.w3.org/2000/svg}text")]
    assert texts[0] == code
    assert 2 < len(texts) < 30
    assert texts[-1].endswith("…")
    assert all(not t.endswith("…") for t in texts[:-1])
