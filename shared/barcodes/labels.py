"""Label images: a barcode (Code128, EAN-13/EAN-8, GS1-128 or QR) with human-readable lines below it,
sized for a label in millimetres at a printer's dpi, as a Pillow image, PNG bytes or SVG text.

Every label is validated with the parser first (kind and check digit), so a label we print always
scans back as what it claims to be. Bars are drawn on whole printer dots: a thermal printer cannot
print a fraction of a dot, and a barcode with uneven bars does not scan.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final
from xml.sax.saxutils import escape

import barcode
import qrcode
from PIL import Image, ImageDraw, ImageFont

from shared.barcodes.gs1 import GS
from shared.barcodes.model import BarcodeError, ScanKind
from shared.barcodes.parser import expect, parse

FONT_DIR: Final = Path(__file__).resolve().parents[2] / "assets" / "fonts"
_SYSTEM_FONT_DIR: Final = Path("/usr/share/fonts/truetype/dejavu")
FONT_REGULAR: Final = "DejaVuSans.ttf"
FONT_BOLD: Final = "DejaVuSans-Bold.ttf"

SIZE_SMALL: Final = (58.0, 40.0)  # mm, the PVZ counter printer
SIZE_SHIPPING: Final = (100.0, 150.0)  # mm, box labels
DEFAULT_DPI: Final = 203

MARGIN_MM: Final = 2.0
QUIET_MODULES: Final = 10  # quiet zone each side of a 1D symbol, in modules
QR_BORDER: Final = 4  # quiet zone of a QR symbol, in modules

CODE128_KINDS: Final = frozenset(
    {ScanKind.UNIT, ScanKind.CELL, ScanKind.LOCATION, ScanKind.BADGE, ScanKind.DOCUMENT}
)
LABEL_KINDS: Final = (*sorted(CODE128_KINDS), ScanKind.PRODUCT, ScanKind.BOX, ScanKind.PICKUP)


@dataclass(frozen=True)
class Symbol:
    """A barcode symbol before layout: 1D as a module string of '0'/'1', or a QR as rows of modules."""

    symbology: str  # 'code128' | 'ean13' | 'ean8' | 'gs1_128' | 'qr'
    data: str  # what a decoder reports (GS1-128: the element string, FNC1 not included)
    modules: str = ""  # 1D: '1' bar, '0' space, one character per module
    matrix: tuple[tuple[bool, ...], ...] = ()  # QR: True is dark, without quiet zone

    @property
    def is_2d(self) -> bool:
        return bool(self.matrix)


def _module_string(code: barcode.Barcode) -> str:
    return "".join(code.build())


def make_symbol(kind: ScanKind, code: str) -> Symbol:
    """The symbol for a label of `kind` with canonical text `code`; BarcodeError if the code is not
    a valid label of that kind (wrong format, wrong check digit: python-barcode would silently
    'fix' a wrong EAN check digit and print a label for another product)."""
    kind = ScanKind(kind)
    if kind == ScanKind.MARKING:
        raise BarcodeError(
            "unknown_format",
            "Marking codes are printed by the manufacturer as DataMatrix; we do not print them.",
            {"kind": kind.value},
        )
    scan = expect(parse(code), kind)
    if scan.code != code or scan.layout_repaired:
        raise BarcodeError(
            "malformed",
            f"Labels are printed in their canonical form: {scan.code!r}, not {code!r}.",
            {"kind": kind.value},
        )
    if kind in CODE128_KINDS:
        return Symbol("code128", code, _module_string(barcode.get_barcode_class("code128")(code)))
    if kind == ScanKind.PRODUCT:
        if len(code) == 13:
            return Symbol("ean13", code, _module_string(barcode.get_barcode_class("ean13")(code[:12])))
        if len(code) == 8:
            return Symbol("ean8", code, _module_string(barcode.get_barcode_class("ean8")(code[:7])))
        if len(code) == 12:  # UPC-A is EAN-13 with a leading zero
            ean = "0" + code
            return Symbol("ean13", ean, _module_string(barcode.get_barcode_class("ean13")(ean[:12])))
        raise BarcodeError(
            "unknown_format",
            "Only EAN-13, EAN-8 and UPC-A product codes are printed as product labels.",
            {"kind": kind.value},
        )
    if kind == ScanKind.BOX:
        data = "00" + code
        return Symbol("gs1_128", data, _module_string(barcode.get_barcode_class("gs1_128")(data)))
    # PICKUP: QR, byte mode, error correction M (survives a crumpled phone screen photo well enough)
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    qr.add_data(code.encode("ascii"), optimize=0)
    qr.make(fit=True)
    matrix = tuple(tuple(bool(v) for v in row) for row in qr.get_matrix())
    return Symbol("qr", code, matrix=matrix)


# --- layout ----------------------------------------------------------------------------------------


def mm_to_dots(mm: float, dpi: int) -> int:
    return round(mm * dpi / 25.4)


@lru_cache(maxsize=64)
def _font(size_px: int, bold: bool, font_dir: Path | None) -> ImageFont.FreeTypeFont:
    name = FONT_BOLD if bold else FONT_REGULAR
    folders = (font_dir,) if font_dir is not None else (FONT_DIR, _SYSTEM_FONT_DIR)
    for folder in folders:
        path = folder / name
        if path.is_file():
            return ImageFont.truetype(str(path), size_px)
    raise FileNotFoundError(f"label font {name} not found in {', '.join(map(str, folders))}")


@dataclass(frozen=True)
class _TextLine:
    text: str
    x: int
    y: int  # top
    size: int
    bold: bool


@dataclass(frozen=True)
class _Layout:
    width: int
    height: int
    bars: tuple[tuple[int, int, int, int], ...]  # x, y, w, h of each dark rectangle
    texts: tuple[_TextLine, ...]


def _text_width(text: str, size: int, bold: bool, fonts: Path | None) -> int:
    return int(_font(size, bold, fonts).getlength(text) + 0.999)


def _fit_text(text: str, size: int, bold: bool, max_width: int, fonts: Path | None) -> str:
    if _text_width(text, size, bold, fonts) <= max_width:
        return text
    while text and _text_width(text + "…", size, bold, fonts) > max_width:
        text = text[:-1]
    return text + "…"


def _layout(
    symbol: Symbol,
    human: str,
    lines: Sequence[str],
    size_mm: tuple[float, float],
    dpi: int,
    fonts: Path | None = None,
) -> _Layout:
    if dpi < 72 or dpi > 1200:
        raise ValueError("dpi must be 72..1200")
    width, height = mm_to_dots(size_mm[0], dpi), mm_to_dots(size_mm[1], dpi)
    margin = mm_to_dots(MARGIN_MM, dpi)
    inner_w, inner_h = width - 2 * margin, height - 2 * margin
    if inner_w <= 0 or inner_h <= 0:
        raise ValueError("label size too small")

    # Text: the code in bold under the symbol, then the caller's lines. Start at a line height of
    # 6% of the label width (3.5..7 mm) and shrink until the text takes at most 45% of the label
    # height (never below 1.6 mm); lines still too long are cut with "…", lines that still do not
    # fit are dropped and the last one shown ends with "…".
    all_lines = [line for line in (human, *lines) if line]
    size = max(8, mm_to_dots(min(7.0, max(3.5, size_mm[0] * 0.06)), dpi))
    floor = max(8, mm_to_dots(1.6, dpi))
    while size > floor and (
        len(all_lines) * int(size * 1.2) > inner_h * 0.45
        or any(_text_width(t, size, i == 0 and bool(human), fonts) > inner_w for i, t in enumerate(all_lines))
    ):
        size -= 1
    line_h = int(size * 1.2)
    max_lines = max(1, int(inner_h * 0.5) // line_h)
    if len(all_lines) > max_lines:
        all_lines = all_lines[:max_lines]
        if max_lines > 1 or not human:
            all_lines[-1] += " …"
    text_h = len(all_lines) * line_h
    symbol_h = inner_h - text_h - mm_to_dots(1.0, dpi)

    bars: list[tuple[int, int, int, int]] = []
    if symbol.is_2d:
        n = len(symbol.matrix)
        side = min(inner_w, symbol_h)
        dot = side // (n + 2 * QR_BORDER)
        if dot < 1:
            raise ValueError("label too small for this QR code")
        left = margin + (inner_w - dot * n) // 2
        top = max(margin, dot * QR_BORDER)  # the quiet zone above is 4 modules (or the margin)
        for r, row in enumerate(symbol.matrix):
            c = 0
            while c < n:
                if row[c]:
                    start = c
                    while c < n and row[c]:
                        c += 1
                    bars.append((left + start * dot, top + r * dot, (c - start) * dot, dot))
                else:
                    c += 1
        symbol_bottom = top + n * dot + dot * QR_BORDER
    else:
        total = len(symbol.modules) + 2 * QUIET_MODULES
        dot = min(4, width // total)  # the quiet zones may use the label's margins
        if dot < 1:
            raise ValueError("label too narrow for this barcode")
        bar_h = min(symbol_h, mm_to_dots(25, dpi))
        if bar_h < mm_to_dots(5, dpi):
            raise ValueError("label too short for this barcode")
        left = (width - len(symbol.modules) * dot) // 2
        top = margin
        x = 0
        modules = symbol.modules
        while x < len(modules):
            if modules[x] == "1":
                start = x
                while x < len(modules) and modules[x] == "1":
                    x += 1
                bars.append((left + start * dot, top, (x - start) * dot, bar_h))
            else:
                x += 1
        symbol_bottom = top + bar_h
    y = symbol_bottom + mm_to_dots(1.0, dpi)
    texts: list[_TextLine] = []
    for i, text in enumerate(all_lines):
        bold = i == 0 and bool(human)
        fitted = _fit_text(text, size, bold, inner_w, fonts)
        tw = _text_width(fitted, size, bold, fonts)
        x_text = margin + (inner_w - tw) // 2 if bold else margin
        texts.append(_TextLine(fitted, x_text, y, size, bold))
        y += line_h
    return _Layout(width, height, tuple(bars), tuple(texts))


def _human_text(kind: ScanKind, symbol: Symbol, code: str) -> str:
    if kind == ScanKind.BOX:
        return f"(00) {code}"
    if kind == ScanKind.PICKUP:
        return ""  # a signed token means nothing to a person; the caller prints the short code
    return code.replace(GS, " ")


def _prepare(
    kind: ScanKind,
    code: str,
    lines: Sequence[str],
    size_mm: tuple[float, float],
    dpi: int,
    fonts: Path | None = None,
) -> _Layout:
    kind = ScanKind(kind)
    symbol = make_symbol(kind, code)
    return _layout(symbol, _human_text(kind, symbol, code), list(lines), size_mm, dpi, fonts)


def render_label(
    kind: ScanKind,
    code: str,
    lines: list[str],
    size_mm: tuple[float, float] = SIZE_SMALL,
    dpi: int = DEFAULT_DPI,
    font_dir: Path | None = None,
) -> Image.Image:
    """The whole label as a 1-bit-clean grayscale Pillow image, size_mm at dpi (dots).

    Text is DejaVu Sans from `font_dir` (default: the bundled assets/fonts, then the system's).
    BarcodeError if `code` is not a valid `kind` label; ValueError if the label is too small."""
    layout = _prepare(kind, code, lines, size_mm, dpi, font_dir)
    img = Image.new("L", (layout.width, layout.height), 255)
    draw = ImageDraw.Draw(img)
    for x, y, w, h in layout.bars:
        draw.rectangle((x, y, x + w - 1, y + h - 1), fill=0)
    for t in layout.texts:
        draw.text((t.x, t.y), t.text, font=_font(t.size, t.bold, font_dir), fill=0)
    img.info["dpi"] = (dpi, dpi)
    return img


def image_png(img: Image.Image) -> bytes:
    """PNG bytes of a label image, with its dpi recorded."""
    buf = io.BytesIO()
    dpi = img.info.get("dpi", (DEFAULT_DPI, DEFAULT_DPI))
    img.save(buf, format="PNG", dpi=dpi, optimize=True)
    return buf.getvalue()


def label_png(
    kind: ScanKind,
    code: str,
    lines: list[str],
    size_mm: tuple[float, float] = SIZE_SMALL,
    dpi: int = DEFAULT_DPI,
    font_dir: Path | None = None,
) -> bytes:
    return image_png(render_label(kind, code, lines, size_mm, dpi, font_dir))


def label_svg(
    kind: ScanKind,
    code: str,
    lines: list[str],
    size_mm: tuple[float, float] = SIZE_SMALL,
    dpi: int = DEFAULT_DPI,
    font_dir: Path | None = None,
) -> str:
    """The same label as SVG text: one user unit per printer dot, the size in mm, DejaVu Sans text."""
    layout = _prepare(kind, code, lines, size_mm, dpi, font_dir)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size_mm[0]:g}mm" height="{size_mm[1]:g}mm" '
        f'viewBox="0 0 {layout.width} {layout.height}" shape-rendering="crispEdges">',
        f'<rect x="0" y="0" width="{layout.width}" height="{layout.height}" fill="#fff"/>',
        '<g fill="#000">',
    ]
    out.extend(f'<rect x="{x}" y="{y}" width="{w}" height="{h}"/>' for x, y, w, h in layout.bars)
    out.append("</g>")
    for t in layout.texts:
        weight = ' font-weight="bold"' if t.bold else ""
        # Pillow places text by its top; SVG by its baseline, ~0.93 of the size below the top.
        out.append(
            f'<text x="{t.x}" y="{t.y + round(t.size * 0.93)}" font-family="DejaVu Sans, sans-serif" '
            f'font-size="{t.size}"{weight}>{escape(t.text)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"
