"""A dispute pack's act as a PDF without Qt (fpdf2), for the backend and the admin CLI.

    pdf = render_act_pdf(pack, photo_bytes)   # bytes of an A4 PDF

The same act as the PVZ app's (shared/qt/dispute_pdf.py renders it with Qt): the subject, its units,
the timeline (when in local time, who, which device, what, where, state, chain hash), then every
photo with what it shows, then the wall-clock times to look up in the CCTV recording. Text is real
text in DejaVu Sans (assets/fonts, bundled with its licence), so Cyrillic has glyphs and
``pdftotext`` reads it back.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from datetime import tzinfo
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from .dispute import DEFAULT_TEXTS, DisputePack, _fmt, cctv_lines

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
FONT = "DejaVu"
PHOTO_WIDTH_MM = 80
_MAX_PHOTO_PX = 1200  # the act shows photos at a readable size; the ZIP keeps the originals


def _pdf() -> FPDF:
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_margins(12, 12, 12)
    pdf.set_auto_page_break(True, margin=12)
    pdf.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_creator("WB Ops")
    return pdf


def _image(data: bytes) -> Any:
    """A photo scaled down for the act (a PIL image), or None when it does not open."""
    from PIL import Image, UnidentifiedImageError

    try:
        image: Image.Image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    if image.width > _MAX_PHOTO_PX:
        image = image.resize((_MAX_PHOTO_PX, max(1, image.height * _MAX_PHOTO_PX // image.width)))
    return image


def render_act_pdf(
    pack: DisputePack,
    photo_bytes: Callable[[str], bytes | None],
    *,
    texts: Mapping[str, str] | None = None,
    action_name: Callable[[str], str] | None = None,
    tz: tzinfo | None = None,
) -> bytes:
    """The act as the bytes of an A4 PDF."""
    t = {**DEFAULT_TEXTS, **(texts or {})}
    name = action_name or (lambda a: a)
    subject = t.get(f"subject.{pack.subject_kind}", pack.subject_kind)
    pdf = _pdf()
    pdf.set_title(f"{t['title']} {pack.subject}")
    pdf.add_page()
    pdf.set_font(FONT, "B", 14)
    pdf.multi_cell(0, 7, f"{t['title']}: {subject} {pack.subject}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(
        0,
        5,
        f"{t['site']}: {pack.site_id}    {t['source']}: {pack.source}\n"
        f"{t['built']}: {_fmt(pack.built_at, tz)} {t['by']} {pack.built_by}",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    if pack.units:
        _heading(pdf, t["units"])
        with pdf.table(col_widths=(50, 40, 40), text_align="LEFT", width=130, align="LEFT") as table:
            table.row([t["unit.col.label"], t["unit.col.status"], t["unit.col.cell"]])
            for u in pack.units:
                table.row([u.get("label", ""), u.get("status", ""), u.get("cell", "")])
    _heading(pdf, t["timeline"])
    entries = pack.sorted_entries()
    if not entries:
        pdf.multi_cell(0, 5, t["no_entries"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    else:
        pdf.set_font(FONT, "", 7.5)
        heads = ("col.when", "col.who", "col.device", "col.action", "col.place", "col.state")
        with pdf.table(col_widths=(30, 22, 26, 58, 26, 24), text_align="LEFT", line_height=3.6) as table:
            table.row([t[h] for h in heads])
            for e in entries:
                action = name(e.action)
                if e.units:
                    action += "\n" + ", ".join(e.units)
                if e.detail:
                    action += "\n" + e.detail
                if e.photos:
                    action += f"\n{t['photos']}: " + ", ".join(s[:12] for s in e.photos)
                if e.op_hash:
                    action += f"\n{t['chain']}: {e.op_hash[:16]}"
                table.row(
                    [
                        _fmt(e.when, tz),
                        e.actor_name or e.actor_id,
                        e.device_id,
                        action,
                        e.place,
                        t.get(f"state.{e.state}", e.state),
                    ]
                )
    _photos(pdf, pack, photo_bytes, t, name, tz)
    _heading(pdf, t["cctv"])
    pdf.set_font(FONT, "", 7.5)
    pdf.multi_cell(0, 4, "\n".join(cctv_lines(pack, name, tz)) or "-", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(2)
    pdf.set_font(FONT, "B", 11)
    pdf.multi_cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 9)


def _photos(
    pdf: FPDF,
    pack: DisputePack,
    photo_bytes: Callable[[str], bytes | None],
    t: Mapping[str, str],
    name: Callable[[str], str],
    tz: tzinfo | None,
) -> None:
    """Each photo an entry names, in timeline order, under a line saying when, who and what."""
    shown: list[tuple[str, str]] = []
    for e in pack.sorted_entries():
        for sha in e.photos:
            if sha in pack.photos and sha not in {s for s, _ in shown}:
                units = f" [{', '.join(e.units)}]" if e.units else ""
                shown.append(
                    (sha, f"{_fmt(e.when, tz)}  {name(e.action)}{units}  {e.actor_name or e.actor_id}")
                )
    if not shown:
        return
    _heading(pdf, t["photos"])
    for sha, caption in shown:
        data = photo_bytes(sha)
        image = _image(data) if data else None
        pdf.set_font(FONT, "", 8)
        if image is None:
            pdf.multi_cell(0, 4, f"{caption}\n{sha} (-)", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            continue
        width, height = image.size
        needed = 10 + PHOTO_WIDTH_MM * height / width
        if pdf.get_y() + needed > pdf.h - pdf.b_margin:
            pdf.add_page()
        pdf.multi_cell(0, 4, f"{caption}\n{sha}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.image(image, w=PHOTO_WIDTH_MM)
        pdf.ln(2)
