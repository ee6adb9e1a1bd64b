"""Printing through Qt's print system: labels and reports to a printer, a PDF file or a preview.

    printer = LabelPrinter(parent=window)
    doc = LabelDocument.single(ScanKind.CELL, "C-PVZ-DEMO-1-0042", ["Ячейка 42"], LABEL_58x40)
    printer.preview(doc)                 # QPrintPreviewDialog, the clerk checks and prints
    printer.print(doc)                   # QPrintDialog, then print
    printer.print_to_pdf(doc, path)      # no dialog; tests and "save as PDF"

Every document paints its pages with one function, `paint_page(painter, index, rect, dpi)`, used
for the printer, the preview, PDF and `render_pages` (QImages: what tests read barcodes back from).
Label images come from `shared.barcodes.labels.render_label` (bars on whole dots); reports are laid
out with a QTextDocument in DejaVu Sans, so Cyrillic always has glyphs.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PIL import Image
from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from shared.barcodes.labels import make_symbol, render_label
from shared.barcodes.model import ScanKind
from shared.printing.pages import A4, LABEL_58x40, PageSpec
from shared.printing.report import Report

LAYOUT_DPI = 96.0  # reports are laid out in 1/96 inch units and scaled to the device
MAX_LABEL_DPI = 600  # label images are rendered at the device's dpi up to this
REPORT_FONT = "DejaVu Sans"


def pil_to_qimage(img: Image.Image) -> QImage:
    """A Pillow image as a QImage that owns its pixels (grayscale or RGBA)."""
    if img.mode == "L":
        data = img.tobytes()
        q = QImage(data, img.width, img.height, img.width, QImage.Format.Format_Grayscale8)
    else:
        rgba = img.convert("RGBA")
        data = rgba.tobytes()
        q = QImage(data, rgba.width, rgba.height, rgba.width * 4, QImage.Format.Format_RGBA8888)
    return q.copy()  # detach from the Python bytes


class PrintDocument(Protocol):
    """Something LabelPrinter can print: pages of one size, each painted on demand."""

    @property
    def page(self) -> PageSpec: ...

    def page_count(self) -> int: ...

    def paint_page(self, painter: QPainter, index: int, rect: QRectF, dpi: float) -> None:
        """Paint page `index` into `rect` (the whole page, device pixels) at `dpi` device pixels/inch."""
        ...


@dataclass(frozen=True)
class LabelItem:
    kind: ScanKind
    code: str
    lines: tuple[str, ...] = ()
    copies: int = 1


class LabelDocument:
    """Labels of one size, one label a page (thermal printers feed label by label)."""

    def __init__(self, items: Sequence[LabelItem], page: PageSpec = LABEL_58x40) -> None:
        if not items:
            raise ValueError("nothing to print: no labels")
        self._page = page
        self.items = list(items)
        self._pages = [it for it in self.items for _ in range(max(1, it.copies))]
        self._cache: dict[tuple[int, int], QImage] = {}
        for it in self.items:  # validate now: a wrong code fails before any paper moves
            make_symbol(it.kind, it.code)

    @classmethod
    def single(
        cls,
        kind: ScanKind,
        code: str,
        lines: Sequence[str] = (),
        page: PageSpec = LABEL_58x40,
        copies: int = 1,
    ) -> LabelDocument:
        return cls([LabelItem(kind, code, tuple(lines), copies)], page)

    @property
    def page(self) -> PageSpec:
        return self._page

    def page_count(self) -> int:
        return len(self._pages)

    def label_image(self, index: int, dpi: int) -> QImage:
        item = self._pages[index]
        key = (self.items.index(item), dpi)
        if key not in self._cache:
            img = render_label(item.kind, item.code, list(item.lines), size_mm=self._page.size_mm, dpi=dpi)
            self._cache[key] = pil_to_qimage(img)
        return self._cache[key]

    def paint_page(self, painter: QPainter, index: int, rect: QRectF, dpi: float) -> None:
        label_dpi = int(min(MAX_LABEL_DPI, round(dpi)))
        image = self.label_image(index, label_dpi)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.fillRect(rect, Qt.GlobalColor.white)
        painter.drawImage(rect, image)
        painter.restore()


class ReportDocument:
    """A `shared.printing.Report` on A4 (or another sheet), paginated, table header on every page."""

    def __init__(self, report: Report, page: PageSpec = A4) -> None:
        self.report = report
        self._page = page
        self.doc = QTextDocument()
        font = QFont(REPORT_FONT)
        font.setPixelSize(13)
        self.doc.setDefaultFont(font)
        self.doc.setDocumentMargin(0)
        if report.barcode is not None:
            kind, code = report.barcode
            img = render_label(kind, code, [], size_mm=(70.0, 22.0), dpi=300)
            self.doc.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl("wb:barcode"), pil_to_qimage(img)
            )
        self.doc.setHtml(report_html(report))
        w_mm, h_mm = page.content_mm()
        self.doc.setPageSize(QSizeF(w_mm / 25.4 * LAYOUT_DPI, h_mm / 25.4 * LAYOUT_DPI))

    @property
    def page(self) -> PageSpec:
        return self._page

    def page_count(self) -> int:
        return self.doc.pageCount()

    def paint_page(self, painter: QPainter, index: int, rect: QRectF, dpi: float) -> None:
        page_h = self.doc.pageSize().height()
        margin = self._page.margin_mm / 25.4 * dpi
        painter.save()
        painter.fillRect(rect, Qt.GlobalColor.white)
        painter.translate(rect.left() + margin, rect.top() + margin)
        painter.scale(dpi / LAYOUT_DPI, dpi / LAYOUT_DPI)
        painter.translate(0, -index * page_h)
        self.doc.drawContents(painter, QRectF(0, index * page_h, self.doc.pageSize().width(), page_h))
        painter.restore()


def report_html(report: Report) -> str:
    e = html.escape
    parts = ['<table width="100%" cellspacing="0" cellpadding="0"><tr><td valign="top">']
    parts.append(f'<h2 style="margin:0 0 8px 0">{e(report.title)}</h2>')
    parts.append('<table cellspacing="0" cellpadding="2">')
    for k, v in report.fields:
        parts.append(f"<tr><td>{e(k)}:</td><td><b>{e(v)}</b></td></tr>")
    parts.append("</table></td>")
    if report.barcode is not None:
        parts.append('<td align="right" valign="top"><img src="wb:barcode" width="265" height="83"></td>')
    parts.append("</tr></table><br>")
    if report.columns:
        parts.append(
            '<table width="100%" border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">'
        )
        parts.append("<thead><tr>" + "".join(f"<th>{e(c)}</th>" for c in report.columns) + "</tr></thead>")
        for row in report.rows:
            parts.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>")
        parts.append("</table><br>")
    if report.totals:
        parts.append('<table cellspacing="0" cellpadding="2">')
        for k, v in report.totals:
            parts.append(f"<tr><td>{e(k)}:</td><td><b>{e(v)}</b></td></tr>")
        parts.append("</table><br>")
    for note in report.notes:
        parts.append(f"<p>{e(note)}</p>")
    if report.signatures:
        parts.append('<br><table width="100%" cellspacing="0" cellpadding="6"><tr>')
        for s in report.signatures:
            parts.append(f"<td>{e(s)}<br><br>______________________ / ______________________</td>")
        parts.append("</tr></table>")
    return "".join(parts)


class LabelPrinter(QObject):
    """Prints `PrintDocument`s through a QPrinter: dialog, preview, or straight to a PDF file.

    printer: a configured QPrinter (the site's label printer, from settings); a default one is
    made when None. `parent` is the widget dialogs are centred on.
    """

    def __init__(self, printer: QPrinter | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self.printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)

    @staticmethod
    def setup_printer(printer: QPrinter, page: PageSpec) -> None:
        """Page size and margins for `page`, portrait, on any QPrinter (real or PDF)."""
        size = QPageSize(QSizeF(page.width_mm, page.height_mm), QPageSize.Unit.Millimeter, page.name)
        layout = QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        layout.setMode(QPageLayout.Mode.FullPageMode)
        printer.setPageLayout(layout)
        printer.setFullPage(True)

    @staticmethod
    def paint(printer: QPrinter, doc: PrintDocument) -> None:
        """Paint every page of doc on printer (used by print, preview and PDF alike)."""
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be opened (is it connected and is the PDF path writable?)")
        try:
            dpi = float(printer.resolution())
            rect = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
            rect.moveTo(0, 0)
            for i in range(doc.page_count()):
                if i:
                    printer.newPage()
                doc.paint_page(painter, i, rect, dpi)
        finally:
            painter.end()

    def print_to_pdf(self, doc: PrintDocument, path: str | Path, *, resolution: int = 600) -> Path:
        """Write doc to a PDF file, page size exact; returns the path."""
        pdf = QPrinter(QPrinter.PrinterMode.HighResolution)
        pdf.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        pdf.setOutputFileName(str(path))
        pdf.setResolution(resolution)
        pdf.setCreator("WB Ops")
        self.setup_printer(pdf, doc.page)
        self.paint(pdf, doc)
        return Path(path)

    def print(self, doc: PrintDocument, *, dialog: bool = True) -> bool:
        """Print doc on self.printer; with dialog=True the user confirms (or cancels: False)."""
        self.setup_printer(self.printer, doc.page)
        if dialog:
            dlg = QPrintDialog(self.printer, self._parent)
            dlg.setWindowTitle(self.tr("Print"))
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return False
        self.paint(self.printer, doc)
        return True

    def make_preview(self, doc: PrintDocument) -> QPrintPreviewDialog:
        """A print preview dialog for doc (not shown yet); printing from it uses the same painting."""
        self.setup_printer(self.printer, doc.page)
        dlg = QPrintPreviewDialog(self.printer, self._parent)
        dlg.setWindowTitle(self.tr("Print preview"))
        dlg.paintRequested.connect(lambda p: self.paint(p, doc))
        return dlg

    def preview(self, doc: PrintDocument) -> bool:
        """Show the preview modally; True when the user printed from it."""
        return self.make_preview(doc).exec() == QDialog.DialogCode.Accepted

    @staticmethod
    def render_pages(doc: PrintDocument, dpi: int = 300) -> list[QImage]:
        """Every page as an image at dpi, painted by the same code as the printer."""
        w = round(doc.page.width_mm / 25.4 * dpi)
        h = round(doc.page.height_mm / 25.4 * dpi)
        pages = []
        for i in range(doc.page_count()):
            img = QImage(w, h, QImage.Format.Format_RGB32)
            img.setDotsPerMeterX(round(dpi / 0.0254))
            img.setDotsPerMeterY(round(dpi / 0.0254))
            img.fill(Qt.GlobalColor.white)
            painter = QPainter(img)
            try:
                doc.paint_page(painter, i, QRectF(0, 0, w, h), float(dpi))
            finally:
                painter.end()
            pages.append(img)
        return pages
