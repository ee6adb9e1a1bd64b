"""Raw ZPL II for Zebra label printers (when a site prints without the OS print system).

`label_zpl(kind, code, lines, page)` gives one label: UTF-8 text (`^CI28`), the barcode printed by
the printer itself (`^BC` Code 128, `^BC` with FNC1 for GS1-128 SSCC, `^BE` EAN-13, `^BQ` QR), and
the human-readable lines below. Field data goes through `^FH` hex escapes, so a '^' or '~' in a
name can never end a field or start a command. Send the bytes to the printer's raw queue or port
9100; `label_zpl(...).encode("utf-8")`.

Cyrillic needs a font with Cyrillic glyphs on the printer: `font` names one (default the scalable
'0' font; on printers without Cyrillic in it, load a TrueType font and pass its name, e.g.
'E:TT0003M_.TTF').
"""

from __future__ import annotations

from collections.abc import Sequence

from shared.barcodes.model import ScanKind
from shared.printing.pages import LABEL_58x40, PageSpec

CODE128_KINDS = frozenset(
    {ScanKind.UNIT, ScanKind.CELL, ScanKind.LOCATION, ScanKind.BADGE, ScanKind.DOCUMENT}
)


def dots(mm: float, dpi: int) -> int:
    return round(mm * dpi / 25.4)


def field_data(text: str) -> str:
    """Escape text for a ^FH_ field: '_', '^', '~' and control characters as _XX hex (UTF-8 bytes)."""
    out = []
    for ch in text:
        if ch in "_^~" or ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("".join(f"_{b:02X}" for b in ch.encode("utf-8")))
        else:
            out.append(ch)
    return "".join(out)


def _font_cmd(font: str, height: int) -> str:
    if len(font) == 1:
        return f"^A{font}N,{height},{height}"
    return f"^A@N,{height},{height},{font}"


def label_zpl(
    kind: ScanKind,
    code: str,
    lines: Sequence[str] = (),
    page: PageSpec = LABEL_58x40,
    *,
    dpi: int = 203,
    copies: int = 1,
    font: str = "0",
) -> str:
    """One label as ZPL II text; see the module docstring."""
    kind = ScanKind(kind)
    width = dots(page.width_mm, dpi)
    height = dots(page.height_mm, dpi)
    margin = dots(2.0, dpi)
    module = 2 if width < 600 else 3  # narrow bar in dots
    bar_h = max(dots(10.0, dpi), height // (3 if page.height_mm > 100 else 2))
    text_h = max(20, dots(3.0, dpi) if page.height_mm <= 60 else dots(5.0, dpi))
    cmds = ["^XA", "^CI28", f"^PW{width}", f"^LL{height}", "^LH0,0", f"^PQ{max(1, copies)}"]
    y = margin
    if kind is ScanKind.PICKUP:
        mag = max(2, min(10, (min(width, height) // 2) // 33))
        cmds.append(f"^FO{margin},{y}^BQN,2,{mag}^FH_^FDMA,{field_data(code)}^FS")
        y += mag * 37 + margin
    else:
        cmds.append(f"^BY{module},3,{bar_h}")
        if kind is ScanKind.BOX:
            # GS1-128: start in subset C with FNC1 (>;>8), then AI (00) and the SSCC.
            data = ">;>800" + code
            cmds.append(f"^FO{margin},{y}^BCN,{bar_h},N,N,N^FD{data}^FS")
        elif kind is ScanKind.PRODUCT and len(code) == 13:
            cmds.append(f"^FO{margin},{y}^BEN,{bar_h},N,N^FD{code[:12]}^FS")
        else:
            # mode A: the printer picks subset C for digit runs (fewer, wider symbols)
            cmds.append(f"^FO{margin},{y}^BCN,{bar_h},N,N,N,A^FH_^FD{field_data(code)}^FS")
        y += bar_h + margin
    human = f"(00){code}" if kind is ScanKind.BOX else code
    for i, text in enumerate([human, *lines]):
        h = text_h + (text_h // 3 if i == 0 else 0)
        if y + h > height - margin:
            break
        cmds.append(
            f"^FO{margin},{y}{_font_cmd(font, h)}^FB{width - 2 * margin},1,0,L,0^FH_^FD{field_data(text)}^FS"
        )
        y += h + margin // 2
    cmds.append("^XZ")
    return "\n".join(cmds) + "\n"
