"""Label images: every kind rendered at both label sizes and read back by a real decoder (zxing-cpp),
also after what a worn printer and a cheap imager do to them (downscale, blur, JPEG)."""

from __future__ import annotations

import io
import shutil
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter

from shared.barcodes import (
    BarcodeError,
    ScanKind,
    make_badge_label,
    make_cell_label,
    make_document_label,
    make_gtin13,
    make_location_label,
    make_marking_code,
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
    code128_values,
    label_png,
    label_svg,
    make_symbol,
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
    (ScanKind.LOCATION, make_location_label("WH-DEMO-1", "B-12-03-4"), "L-WH-DEMO-1B12034", "]C0"),
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


# A long 1D code on a 58x40 label also carries a QR twin (error correction up to H) of the same data.
TWIN = "]Q1"


def _texts(img: Image.Image) -> set[str]:
    return {r.text for r in _read(img)}  # type: ignore[attr-defined]


@pytest.mark.parametrize("size_mm", [SIZE_SMALL, SIZE_SHIPPING], ids=["58x40", "100x150"])
@pytest.mark.parametrize(("kind", "code", "decoded", "aim"), LABELS, ids=IDS)
def test_every_label_kind_decodes_to_exactly_its_data(
    kind: ScanKind, code: str, decoded: str, aim: str, size_mm: tuple[float, float]
) -> None:
    img = render_label(kind, code, LINES, size_mm=size_mm, dpi=203)
    assert img.size == (round(size_mm[0] * 203 / 25.4), round(size_mm[1] * 203 / 25.4))
    results = _read(img)
    assert 1 <= len(results) <= 2
    assert {r.text for r in results} == {decoded}  # type: ignore[attr-defined]
    assert {r.symbology_identifier for r in results} <= {aim, TWIN}  # type: ignore[attr-defined]
    for found in results:
        # What a scanner would send (AIM prefix + data) parses back to the same label.
        scan = parse(found.symbology_identifier + found.text + "\r\n")  # type: ignore[attr-defined]
        assert scan.kind is kind
        assert scan.code == code


def test_gs1_128_box_label_is_gs1_content_with_ai_00() -> None:
    sscc = make_sscc(31337)
    img = render_label(ScanKind.BOX, sscc, ["Короб в ПВЗ-ДЕМО-1"], size_mm=SIZE_SHIPPING)
    (found,) = zxingcpp.read_barcodes(img)  # default human-readable text mode
    assert found.content_type == zxingcpp.ContentType.GS1
    assert found.text == f"(00){sscc}"
    assert parse(found.text).fields == {"sscc": sscc, "box_kind": "forward"}


def test_higher_dpi_labels_decode_too() -> None:
    code = make_cell_label("PVZ-DEMO-1", 7)
    img = render_label(ScanKind.CELL, code, ["Ячейка 7"], size_mm=SIZE_SMALL, dpi=300)
    assert img.size == (685, 472)
    assert _texts(img) == {code}


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
        (ScanKind.MARKING, "0104601234567893", "wrong_kind"),
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
    assert any((t or "").startswith("Иванова Анна Серге") for t in texts)  # cut with … beside a QR
    # Paint the SVG's rectangles and decode them: the vector label scans like the bitmap one.
    _, _, w, h = (int(v) for v in (root.get("viewBox") or "").split())
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    for rect in root.iterfind(".//s:g/s:rect", ns):
        x, y, rw, rh = (int(rect.get(a) or 0) for a in ("x", "y", "width", "height"))
        draw.rectangle((x, y, x + rw - 1, y + rh - 1), fill=0)
    assert _texts(img) == {decoded}


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
    assert _texts(img) == {code}


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


# --- a worn printer and a cheap imager -----------------------------------------------------------
# At 58x40 mm on a 203 dpi printer every kind must still decode after a 50% downscale (an imager with
# half the resolution), a Gaussian blur of radius 1 (a worn print head, a dirty lens), JPEG quality 30
# (a compressed camera frame), and the three in a row.

GTIN14 = "04601234567893"
CRYPTO = "Ab(c)+/=" * 5 + "Zz9!"  # 44 characters, with the GS1 characters a bracket writer trips on


def _pickup_token() -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from shared.domain import IdFactory
    from shared.domain.pickup_token import PickupClaim, sign_pickup_token

    ids = IdFactory()
    claim = PickupClaim(ids.new(), "PVZ-DEMO-1", ids.new(), ids.new(), datetime(2030, 1, 2, tzinfo=UTC))
    return sign_pickup_token(claim, Ed25519PrivateKey.generate())


WORN = [
    (ScanKind.LOCATION, make_location_label("WH-DEMO-1", "A-01-02-3")),
    (ScanKind.LOCATION, make_location_label("WH-MSK-02", "Z-99-99-9")),
    (ScanKind.LOCATION, make_location_label("WH-PODOLSK-3", "B-12-03-4")),
    (ScanKind.CELL, make_cell_label("PVZ-DEMO-1", 42)),
    (ScanKind.CELL, make_cell_label("PVZ-DEMO-1", 9999)),
    (ScanKind.CELL, make_cell_label("PVZ-MSK-0042", 7)),
    (ScanKind.BOX, make_sscc(4242)),
    (ScanKind.BOX, make_sscc(99, kind_return=True)),
    (ScanKind.UNIT, make_unit_label(98765)),
    (ScanKind.UNIT, make_unit_label(10**11 - 1)),
    (ScanKind.BADGE, make_badge_label(123456789)),
    (ScanKind.DOCUMENT, make_document_label(5)),
    (ScanKind.PICKUP, _pickup_token()),
    (ScanKind.PICKUP, _pickup_token()),
    (ScanKind.MARKING, make_marking_code(GTIN14, "5Abc(7)", "EE06", CRYPTO)),
    (ScanKind.MARKING, make_marking_code(GTIN14, "ABCDEFGHIJKLMNOPQRST", "ffd0", CRYPTO * 2)),
]
WORN_IDS = [f"{k.value}-{i}" for i, (k, _c) in enumerate(WORN)]


def _downscale(img: Image.Image) -> Image.Image:
    return img.resize((img.width // 2, img.height // 2))


def _blur(img: Image.Image) -> Image.Image:
    return img.filter(ImageFilter.GaussianBlur(1))


def _jpeg(img: Image.Image) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=30)
    return Image.open(io.BytesIO(buf.getvalue())).convert("L")


DEGRADATIONS = {
    "downscale50": _downscale,
    "blur1": _blur,
    "jpeg30": _jpeg,
    "downscale-blur-jpeg": lambda img: _jpeg(_blur(_downscale(img))),
    "blur-downscale-jpeg": lambda img: _jpeg(_downscale(_blur(img))),
}


@pytest.mark.parametrize("degrade", list(DEGRADATIONS), ids=list(DEGRADATIONS))
@pytest.mark.parametrize(("kind", "code"), WORN, ids=WORN_IDS)
def test_every_label_kind_survives_a_worn_printer_at_58x40(kind: ScanKind, code: str, degrade: str) -> None:
    img = render_label(kind, code, ["Иванова Анна Сергеевна", "Заказ № 123456"], SIZE_SMALL, 203)
    results = _read(DEGRADATIONS[degrade](img))
    assert results, f"nothing decoded after {degrade}"
    for found in results:  # whatever is read is exactly the label, never a misread
        scan = parse(found.symbology_identifier + found.text)  # type: ignore[attr-defined]
        assert (scan.kind, scan.code) == (kind, code)


@pytest.mark.parametrize(
    ("kind", "code"), [w for w in WORN if w[0] is not ScanKind.PICKUP], ids=WORN_IDS[:12] + WORN_IDS[14:]
)
def test_no_one_dot_bars_and_no_thin_1d_without_a_2d_twin(kind: ScanKind, code: str) -> None:
    """The bars of a 1D symbol are at least 2 dots; under 4 dots a QR of the same data is there too."""
    img = render_label(kind, code, ["Ячейка"], SIZE_SMALL, 203)
    row = img.crop((0, 40, img.width, 41)).tobytes()
    runs, run, last = [], 0, row[0]
    for px in row:
        if px == last:
            run += 1
        else:
            runs.append((last, run))
            run, last = 1, px
    dark = [n for value, n in runs if value == 0]
    symbologies = {r.symbology_identifier for r in _read(img)}  # type: ignore[attr-defined]
    if kind is ScanKind.MARKING:
        assert symbologies <= {"]d2", "]d8"}  # ]d8: a rectangular (DMRE) size
    elif dark and len(dark) > 10:  # the top rows hold a 1D symbol
        assert min(dark) >= 2
        if min(dark) < 4:
            assert TWIN in symbologies
    else:  # no room for a 2-dot 1D symbol: the QR alone
        assert symbologies == {TWIN}


def test_code128_uses_set_c_for_digit_runs_and_the_fewest_symbols() -> None:
    # start B, 'U', CODE C, six digit pairs, check: 10 values instead of 15 in set B
    assert len(code128_values(make_unit_label(12345))) == 10
    values = code128_values("C-PVZ-DEMO-1-0042")
    assert values[0] == 104 and 99 in values  # set B, then C for "0042"
    assert len(values) == 18
    gs1 = code128_values("00" + make_sscc(1), gs1=True)
    assert gs1[:2] == [105, 102]  # start C, FNC1
    assert len(gs1) == 13
    with pytest.raises(ValueError):
        code128_values("Ячейка")


def test_marking_code_is_a_gs1_datamatrix_that_reads_back_whole() -> None:
    code = make_marking_code(GTIN14, "5Abc(7)", "EE06", CRYPTO)
    symbol = make_symbol(ScanKind.MARKING, code)
    assert symbol.symbology == "gs1_datamatrix"
    (found,) = _read(render_label(ScanKind.MARKING, code, ["Кроссовки беговые, 42"]))
    assert found.symbology_identifier in ("]d2", "]d8")  # type: ignore[attr-defined]
    assert parse(found.symbology_identifier + found.text).code == code  # type: ignore[attr-defined]


def test_pickup_token_is_compact_and_alphanumeric_so_its_qr_stays_small() -> None:
    token = _pickup_token()
    assert len(token) <= 220  # was 319 as base64 JSON
    assert all(c.isdigit() or "A" <= c <= "Z" or c == "." for c in token)
    symbol = make_symbol(ScanKind.PICKUP, token)
    assert len(symbol.matrix) <= 49  # version 8 at error correction M (was version 13, 69 modules)
