"""A dispute pack's act as a PDF (QTextDocument laid out on A4 by QPdfWriter), and the pack's ZIP.

    pdf = render_act_pdf(pack, photo_bytes)          # bytes of an A4 PDF, texts translated
    export_pack(pack, Path("act.zip"), photo_bytes)  # the ZIP of shared/printing/dispute.py, with the PDF

The act's text is real text in the PDF (DejaVu Sans, so Cyrillic has glyphs): a reader can search
it and ``pdftotext`` reads it back. Photos are embedded at a thumbnail width under their entry.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from shared.printing.dispute import DisputePack, PhotoInfo, render_html, write_zip

from .i18n import QT_TRANSLATE_NOOP, op_name

FONT = "DejaVu Sans"
_C = "DisputeAct"
_TEXTS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("DisputeAct", "Dispute act"),
    "subject.unit": QT_TRANSLATE_NOOP("DisputeAct", "Unit"),
    "subject.order": QT_TRANSLATE_NOOP("DisputeAct", "Order"),
    "subject.box": QT_TRANSLATE_NOOP("DisputeAct", "Box"),
    "source": QT_TRANSLATE_NOOP("DisputeAct", "Source"),
    "site": QT_TRANSLATE_NOOP("DisputeAct", "Site"),
    "built": QT_TRANSLATE_NOOP("DisputeAct", "Built"),
    "by": QT_TRANSLATE_NOOP("DisputeAct", "by"),
    "col.when": QT_TRANSLATE_NOOP("DisputeAct", "When (local time)"),
    "col.who": QT_TRANSLATE_NOOP("DisputeAct", "Who"),
    "col.device": QT_TRANSLATE_NOOP("DisputeAct", "Device"),
    "col.action": QT_TRANSLATE_NOOP("DisputeAct", "Action"),
    "col.place": QT_TRANSLATE_NOOP("DisputeAct", "Cell / location / box"),
    "col.state": QT_TRANSLATE_NOOP("DisputeAct", "State"),
    "units": QT_TRANSLATE_NOOP("DisputeAct", "Units"),
    "photos": QT_TRANSLATE_NOOP("DisputeAct", "Photos"),
    "timeline": QT_TRANSLATE_NOOP("DisputeAct", "Timeline"),
    "state.pending": QT_TRANSLATE_NOOP("DisputeAct", "not yet sent"),
    "state.applied": QT_TRANSLATE_NOOP("DisputeAct", "confirmed by the server"),
    "state.rejected": QT_TRANSLATE_NOOP("DisputeAct", "rejected by the server"),
    "no_entries": QT_TRANSLATE_NOOP("DisputeAct", "Nothing recorded for this subject."),
    "cctv": QT_TRANSLATE_NOOP("DisputeAct", "Times to look up in the camera recording"),
    "chain": QT_TRANSLATE_NOOP("DisputeAct", "Chain"),
    "photo.taken": QT_TRANSLATE_NOOP("DisputeAct", "Photo taken"),
    "unit.col.label": QT_TRANSLATE_NOOP("DisputeAct", "Unit label"),
    "unit.col.status": QT_TRANSLATE_NOOP("DisputeAct", "Status now"),
    "unit.col.cell": QT_TRANSLATE_NOOP("DisputeAct", "Cell"),
}


def texts() -> dict[str, str]:
    """The act's texts in the current UI language."""
    return {k: QCoreApplication.translate(_C, v) for k, v in _TEXTS.items()}


def action_name(action: str) -> str:
    if action == "photo":
        return QCoreApplication.translate(_C, _TEXTS["photo.taken"])
    return op_name(action)


def act_html(
    pack: DisputePack, tz: tzinfo | None = None, *, photo_src: Callable[[PhotoInfo], str] | None = None
) -> str:
    return render_html(pack, texts=texts(), action_name=action_name, tz=tz, photo_src=photo_src)


def render_act_pdf(
    pack: DisputePack, photo_bytes: Callable[[str], bytes | None], tz: tzinfo | None = None
) -> bytes:
    """The act as the bytes of an A4 PDF (needs a QGuiApplication)."""
    doc = QTextDocument()
    doc.setDefaultFont(QFont(FONT, 9))
    for sha, info in pack.photos.items():
        data = photo_bytes(sha)
        image = QImage.fromData(data) if data else QImage()
        if not image.isNull():
            if image.width() > 1200:  # the act shows thumbnails; the ZIP keeps the originals
                image = image.scaledToWidth(1200)
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"photo:{info.sha256}"), image)
    doc.setHtml(act_html(pack, tz, photo_src=lambda p: f"photo:{p.sha256}"))
    out = QByteArray()
    buffer = QBuffer(out)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setCreator("WB Ops")
    writer.setTitle(f"{texts()['title']} {pack.subject}")
    writer.setResolution(150)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    # lay the document out on the printable area in the writer's own units (dots at 150 dpi)
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    doc.setPageSize(QSizeF(area.width(), area.height()))
    doc.setDocumentMargin(0)
    doc.print_(writer)
    del writer  # ends the PDF
    buffer.close()
    return bytes(out.data())


def export_pack(
    pack: DisputePack, target: Path, photo_bytes: Callable[[str], bytes | None], tz: tzinfo | None = None
) -> dict[str, str]:
    """Write the pack's ZIP (act.pdf included) atomically; return member -> SHA-256."""
    pdf = render_act_pdf(pack, photo_bytes, tz)
    return write_zip(
        pack, target, photo_bytes=photo_bytes, pdf=pdf, texts=texts(), action_name=action_name, tz=tz
    )
