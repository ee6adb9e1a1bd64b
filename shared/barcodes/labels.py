"""Label images: a barcode (Code128, EAN-13/EAN-8, GS1-128, QR or GS1 DataMatrix) with human-readable
lines, sized for a label in millimetres at a printer's dpi, as a Pillow image, PNG bytes or SVG text.

Every label is validated with the parser first (kind and check digit), so a label we print always
scans back as what it claims to be. Bars are drawn on whole printer dots: a thermal printer cannot
print a fraction of a dot, and a barcode with uneven bars does not scan. Code 128 is encoded with the
fewest symbols (set C for digit runs) so that modules can be as wide as the label allows: a worn
print head, a dirty lens or a low-resolution imager still reads it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Final
from xml.sax.saxutils import escape

import barcode
import qrcode
from PIL import Image, ImageDraw, ImageFont

from shared.barcodes.gs1 import GS, split_elements
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
DM_BORDER: Final = 2  # quiet zone of a DataMatrix symbol, in modules
MAX_DOTS_1D: Final = 6  # widest 1D module, in dots (0.75 mm at 203 dpi)
MIN_DOTS_1D: Final = 2  # no 1-dot bars: a worn head loses them
ROBUST_DOTS_1D: Final = 4  # narrower modules blur into each other on a half-resolution imager
COMPANION_BAR_MM: Final = 8.0  # bar height of a 1D symbol that has a 2D companion below it
TEXT_GAP_MM: Final = 1.5  # between a 2D symbol and the text column beside it

CODE128_KINDS: Final = frozenset(
    {ScanKind.UNIT, ScanKind.CELL, ScanKind.LOCATION, ScanKind.BADGE, ScanKind.DOCUMENT}
)
LABEL_KINDS: Final = (
    *sorted(CODE128_KINDS),
    ScanKind.PRODUCT,
    ScanKind.BOX,
    ScanKind.PICKUP,
    ScanKind.MARKING,
)


@dataclass(frozen=True)
class Symbol:
    """A barcode symbol before layout: 1D as a module string of '0'/'1', or a QR as rows of modules."""

    symbology: str  # 'code128' | 'ean13' | 'ean8' | 'gs1_128' | 'qr' | 'gs1_datamatrix'
    data: str  # what a decoder reports (GS1: the element string, FNC1 not included)
    modules: str = ""  # 1D: '1' bar, '0' space, one character per module
    matrix: tuple[tuple[bool, ...], ...] = ()  # 2D: True is dark, without quiet zone

    @property
    def is_2d(self) -> bool:
        return bool(self.matrix)


def _module_string(code: barcode.Barcode) -> str:
    return "".join(code.build())


# --- Code 128 with the fewest symbols ---------------------------------------------------------------

_C128_START: Final = {"B": 104, "C": 105}
_C128_SWITCH: Final = {"B": 100, "C": 99}  # CODE B, CODE C
_C128_FNC1: Final = 102
_C128_STOP: Final = "1100011101011"  # stop pattern with its final bar


def code128_values(data: str, gs1: bool = False) -> list[int]:
    """Code 128 symbol values (start, data, check; no stop) using the fewest symbols: set B for
    text, set C for runs of digit pairs, switching where it saves symbols. `gs1` puts FNC1 first
    (GS1-128); a GS in `data` is then an FNC1 separator. Characters outside ASCII 32..126 (and GS
    for GS1) raise ValueError."""
    for ch in data:
        if not (" " <= ch <= "~" or (gs1 and ch == GS)):
            raise ValueError(f"Code 128 set B cannot hold {ch!r}")
    n = len(data)

    @cache
    def best(i: int, cset: str) -> tuple[int, ...]:
        """Fewest values for data[i:] when the current set is `cset`."""
        if i == n:
            return ()
        options: list[tuple[int, ...]] = []
        for nxt in ("B", "C"):
            prefix: tuple[int, ...] = () if nxt == cset else (_C128_SWITCH[nxt],)
            if data[i] == GS:
                step: tuple[int, ...] = (_C128_FNC1,)
                options.append(prefix + step + best(i + 1, nxt))
            elif nxt == "B":
                options.append((*prefix, ord(data[i]) - 32, *best(i + 1, nxt)))
            elif i + 1 < n and data[i].isdigit() and data[i + 1].isdigit():
                options.append((*prefix, int(data[i : i + 2]), *best(i + 2, nxt)))
        return min(options, key=len)

    starts = []
    for first in ("B", "C"):
        body = ((_C128_FNC1,) if gs1 else ()) + best(0, first)
        starts.append([_C128_START[first], *body])
    values = min(starts, key=len)
    best.cache_clear()
    check = (values[0] + sum(i * v for i, v in enumerate(values[1:], 1))) % 103
    return [*values, check]


def code128_modules(data: str, gs1: bool = False) -> str:
    """The module string ('1' bar, '0' space) of `data` as Code 128 (see `code128_values`)."""
    patterns = barcode.charsets.code128.CODES
    return "".join(patterns[v] for v in code128_values(data, gs1)) + _C128_STOP


def _datamatrix_matrix(code: str) -> tuple[tuple[bool, ...], ...]:
    """A GS1 DataMatrix (ECC 200, FNC1 first) of a marking code's element string, via zxing-cpp's
    writer (an optional dependency: only simulators and tests draw marking codes)."""
    try:
        import zxingcpp
    except ImportError as exc:  # pragma: no cover - zxing-cpp is in the dev extras
        raise BarcodeError(
            "unknown_format",
            "Drawing a DataMatrix needs the zxing-cpp package (pip install zxing-cpp).",
            {"kind": ScanKind.MARKING.value},
        ) from exc
    # zxing-cpp takes GS1 in brackets; a '(' inside a value is escaped so it cannot start an AI
    bracketed = "".join(f"({ai}){value.replace('(', chr(92) + '(')}" for ai, value in split_elements(code))
    symbol = zxingcpp.create_barcode(bracketed, zxingcpp.BarcodeFormat.DataMatrix, gs1=True)
    img = symbol.to_image(scale=1, add_quiet_zones=False)
    rows, cols = img.shape[0], img.shape[1]
    raw = memoryview(img).tobytes()  # type: ignore[arg-type]
    return tuple(tuple(raw[r * cols + c] < 128 for c in range(cols)) for r in range(rows))


def make_symbol(kind: ScanKind, code: str) -> Symbol:
    """The symbol for a label of `kind` with canonical text `code`; BarcodeError if the code is not
    a valid label of that kind (wrong format, wrong check digit: python-barcode would silently
    'fix' a wrong EAN check digit and print a label for another product)."""
    kind = ScanKind(kind)
    scan = expect(parse(code), kind)
    if scan.code != code or scan.layout_repaired:
        raise BarcodeError(
            "malformed",
            f"Labels are printed in their canonical form: {scan.code!r}, not {code!r}.",
            {"kind": kind.value},
        )
    if kind in CODE128_KINDS:
        return Symbol("code128", code, code128_modules(code))
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
        return Symbol("gs1_128", data, code128_modules(data, gs1=True))
    if kind == ScanKind.MARKING:
        # Marking codes are printed by the manufacturer; we draw them for simulators, tests and a
        # reprint of a damaged one: GS1 DataMatrix, square, ECC 200.
        return Symbol("gs1_datamatrix", code, matrix=_datamatrix_matrix(code))
    # PICKUP: QR, error correction M here; the label layout raises it to Q or H where that keeps
    # the same module size. A compact token is all upper case, digits and '.', so it is encoded in
    # the alphanumeric mode (5.5 bits a character, not 8); older tokens go in byte mode.
    return Symbol("qr", code, matrix=_qr_matrix(code, "M"))


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


def _text_lines(
    all_lines: list[str],
    human: str,
    size: int,
    floor: int,
    max_w: int,
    max_h: int,
    fonts: Path | None,
) -> tuple[list[str], int]:
    """Shrink the text from `size` until it fits `max_h` (and each line `max_w`, never below
    `floor`); lines still too many are dropped, the last one shown ending with "…"."""
    while size > floor and (
        len(all_lines) * int(size * 1.2) > max_h
        or any(_text_width(t, size, i == 0 and bool(human), fonts) > max_w for i, t in enumerate(all_lines))
    ):
        size -= 1
    max_lines = max(1, max_h // int(size * 1.2))
    if len(all_lines) > max_lines:
        all_lines = all_lines[:max_lines]
        if max_lines > 1 or not human:
            all_lines[-1] += " …"
    return all_lines, size


def _place_text(
    all_lines: list[str], human: str, size: int, x0: int, y: int, width: int, fonts: Path | None
) -> tuple[_TextLine, ...]:
    texts: list[_TextLine] = []
    for i, text in enumerate(all_lines):
        bold = i == 0 and bool(human)
        fitted = _fit_text(text, size, bold, width, fonts)
        tw = _text_width(fitted, size, bold, fonts)
        x_text = x0 + (width - tw) // 2 if bold else x0
        texts.append(_TextLine(fitted, x_text, y, size, bold))
        y += int(size * 1.2)
    return tuple(texts)


def _matrix_bars(
    matrix: tuple[tuple[bool, ...], ...], left: int, top: int, dot: int
) -> list[tuple[int, int, int, int]]:
    bars: list[tuple[int, int, int, int]] = []
    for r, row in enumerate(matrix):
        c, n = 0, len(row)
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                bars.append((left + start * dot, top + r * dot, (c - start) * dot, dot))
            else:
                c += 1
    return bars


_QR_LEVELS: Final = {
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}


@lru_cache(maxsize=256)
def _qr_matrix(data: str, level: str = "Q") -> tuple[tuple[bool, ...], ...]:
    qr = qrcode.QRCode(error_correction=_QR_LEVELS[level], border=0)
    qr.add_data(data)
    qr.make(fit=True)
    return tuple(tuple(bool(v) for v in row) for row in qr.get_matrix())


def _best_qr(data: str, fits: Callable[[int], int]) -> tuple[tuple[bool, ...], ...]:
    """The QR of `data` with the largest modules (`fits(n)` = dots a module for an n x n symbol)
    and, among those, the most error correction: on a small label, bigger modules survive blur
    and downscaling better than extra recovery capacity does."""
    options = [_qr_matrix(data, level) for level in ("H", "Q", "M")]
    return max(options, key=lambda m: fits(len(m)))  # max keeps the first (highest level) of ties


def _companion_layout(
    symbol: Symbol,
    dot: int,
    all_lines: list[str],
    human: str,
    size: int,
    floor: int,
    width: int,
    height: int,
    dpi: int,
    fonts: Path | None,
) -> _Layout | None:
    """A long 1D code on a small landscape label: its modules would be under 3 dots, which a worn
    print head or a half-resolution imager blurs together. The same data goes in a QR code too
    (error correction Q), bottom left, with the text beside it; the 1D symbol stays on top for 1D
    scanners when it gets at least 2-dot bars. None when there is no room for the QR."""
    margin = mm_to_dots(MARGIN_MM, dpi)
    gap = mm_to_dots(1.0, dpi)
    bars: list[tuple[int, int, int, int]] = []
    top = margin
    bar_h = mm_to_dots(COMPANION_BAR_MM, dpi) if dot >= MIN_DOTS_1D else 0
    below = top + (bar_h + gap if bar_h else 0)
    qr = _best_qr(
        symbol.data,
        lambda n: min((height - below) // (n + QR_BORDER), int(width * 0.55) // (n + 2 * QR_BORDER)),
    )
    n = len(qr)
    if bar_h:
        left = (width - len(symbol.modules) * dot) // 2
        row = (tuple(m == "1" for m in symbol.modules),)
        bars = [(x, y, w, bar_h) for x, y, w, _h in _matrix_bars(row, left, top, dot)]
        top += bar_h + gap
    qr_dot = min((height - top) // (n + QR_BORDER), int(width * 0.55) // (n + 2 * QR_BORDER))
    if qr_dot < ROBUST_DOTS_1D:
        return None
    qr_top = top + qr_dot * (QR_BORDER if not bars else 1)  # the 1D quiet zone is white too
    qr_top = min(qr_top, height - n * qr_dot - margin // 2)
    qr_left = max(margin, qr_dot * QR_BORDER)
    bars += _matrix_bars(qr, qr_left, qr_top, qr_dot)
    x0 = qr_left + n * qr_dot + max(mm_to_dots(TEXT_GAP_MM, dpi), qr_dot * QR_BORDER)
    col_w = width - margin - x0
    texts: tuple[_TextLine, ...] = ()
    if all_lines and col_w > floor:
        fitted, size = _text_lines(all_lines, human, size, floor, col_w, height - margin - top, fonts)
        texts = _place_text(fitted, human, size, x0, top, col_w, fonts)
    return _Layout(width, height, tuple(bars), texts)


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

    # Text: the code in bold, then the caller's lines. Start at a line height of 6% of the label
    # width (3.5..7 mm) and shrink until the text takes at most 45% of the label height (never
    # below 1.6 mm); lines still too long are cut with "…", lines that still do not fit are
    # dropped and the last one shown ends with "…".
    all_lines = [line for line in (human, *lines) if line]
    size = max(8, mm_to_dots(min(7.0, max(3.5, size_mm[0] * 0.06)), dpi))
    floor = max(8, mm_to_dots(1.6, dpi))

    if symbol.is_2d and width > height:
        # A landscape label: the square symbol on the left, as big as the label's height allows
        # (its quiet zone may use the label's margins), the text in a column to its right.
        border = QR_BORDER if symbol.symbology == "qr" else DM_BORDER
        room_w = width if not all_lines else int(width * 0.7)
        if symbol.symbology == "qr":
            matrix = _best_qr(
                symbol.data, lambda n: min(height // (n + 2 * border), room_w // (n + 2 * border))
            )
            symbol = Symbol(symbol.symbology, symbol.data, matrix=matrix)
        rows, cols = len(symbol.matrix), len(symbol.matrix[0])
        dot = min(height // (rows + 2 * border), room_w // (cols + 2 * border))
        if dot < 1:
            raise ValueError("label too small for this 2D code")
        sym_w = cols * dot
        left = max(margin, dot * border) if all_lines else (width - sym_w) // 2
        top = (height - rows * dot) // 2
        bars = _matrix_bars(symbol.matrix, left, top, dot)
        x0 = left + sym_w + max(mm_to_dots(TEXT_GAP_MM, dpi), dot * border)
        col_w = width - margin - x0
        texts: tuple[_TextLine, ...] = ()
        if all_lines and col_w > floor:
            fitted, size = _text_lines(all_lines, human, size, floor, col_w, inner_h, fonts)
            texts = _place_text(fitted, human, size, x0, margin, col_w, fonts)
        return _Layout(width, height, tuple(bars), texts)

    if not symbol.is_2d and width > height:
        dot = min(MAX_DOTS_1D, width // (len(symbol.modules) + 2 * QUIET_MODULES))
        if dot < ROBUST_DOTS_1D:
            companion = _companion_layout(
                symbol, dot, all_lines, human, size, floor, width, height, dpi, fonts
            )
            if companion is not None:
                return companion

    all_lines, size = _text_lines(all_lines, human, size, floor, inner_w, int(inner_h * 0.45), fonts)
    line_h = int(size * 1.2)
    max_lines = max(1, int(inner_h * 0.5) // line_h)
    all_lines = all_lines[:max_lines]
    text_h = len(all_lines) * line_h
    symbol_h = inner_h - text_h - mm_to_dots(1.0, dpi)

    if symbol.is_2d:
        n = len(symbol.matrix)
        border = QR_BORDER if symbol.symbology == "qr" else DM_BORDER
        side = min(inner_w, symbol_h)
        dot = side // (n + 2 * border)
        if dot < 1:
            raise ValueError("label too small for this 2D code")
        left = margin + (inner_w - dot * n) // 2
        top = max(margin, dot * border)  # the quiet zone above (or the margin)
        bars = _matrix_bars(symbol.matrix, left, top, dot)
        symbol_bottom = top + n * dot + dot * border
    else:
        total = len(symbol.modules) + 2 * QUIET_MODULES
        dot = min(MAX_DOTS_1D, width // total)  # the quiet zones may use the label's margins
        if dot < MIN_DOTS_1D:
            raise ValueError("label too narrow for this barcode")
        bar_h = min(symbol_h, mm_to_dots(25, dpi))
        if bar_h < mm_to_dots(5, dpi):
            raise ValueError("label too short for this barcode")
        left = (width - len(symbol.modules) * dot) // 2
        top = margin
        bars = _matrix_bars((tuple(m == "1" for m in symbol.modules),), left, top, dot)
        bars = [(x, y, w, bar_h) for x, y, w, _h in bars]
        symbol_bottom = top + bar_h
    y = symbol_bottom + mm_to_dots(1.0, dpi)
    texts = _place_text(all_lines, human, size, margin, y, inner_w, fonts)
    return _Layout(width, height, tuple(bars), texts)


def _human_text(kind: ScanKind, symbol: Symbol, code: str) -> str:
    if kind == ScanKind.BOX:
        return f"(00) {code}"
    if kind in (ScanKind.PICKUP, ScanKind.MARKING):
        return ""  # a signed token or crypto tail means nothing to a person: the caller's lines do
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
