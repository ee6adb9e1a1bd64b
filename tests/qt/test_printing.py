"""Labels and reports through Qt's print system to PDF; every barcode is read back with zxing-cpp
from the PDF itself (rendered by poppler's pdftoppm) and from the shared paint path."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from shared.barcodes import (
    ScanKind,
    make_badge_label,
    make_cell_label,
    make_document_label,
    make_location_label,
    make_sscc,
    make_unit_label,
)
from shared.printing import (
    A4,
    AcceptanceLine,
    HandoverBox,
    LABEL_58x40,
    LABEL_100x150,
    PageSpec,
    ShiftReportData,
    acceptance_report,
    handover_act,
    shift_report,
)
from shared.qt.printing import LabelDocument, LabelItem, LabelPrinter, ReportDocument

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="poppler-utils not installed (make system-deps)"
)

PICKUP = "WBP1.eyJvIjoiMTIzNCIsInMiOiJQVlotREVNTy0xIn0.c2lnbmF0dXJlLWJ5dGVz"
LABELS = [
    (ScanKind.CELL, make_cell_label("PVZ-DEMO-1", 42), ["Ячейка 42", "Иванов И. И."], LABEL_58x40),
    (ScanKind.LOCATION, make_location_label("WH-DEMO-1", "A-01-02-3"), ["Зона A, ряд 01"], LABEL_58x40),
    (ScanKind.UNIT, make_unit_label(1234), ["Футболка, размер M"], LABEL_58x40),
    (ScanKind.BADGE, make_badge_label(7), ["Петрова Анна", "Кладовщик"], LABEL_58x40),
    (ScanKind.BOX, make_sscc(42), ["ПВЗ-ДЕМО-1", "Короб 3 из 5"], LABEL_100x150),
    (ScanKind.PICKUP, PICKUP, ["Заказ 1234"], LABEL_58x40),
]


def expected_text(kind: ScanKind, code: str) -> str:
    return "(00)" + code if kind is ScanKind.BOX else code


def decode(img: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(img)]


def qimage_to_pil(q: QImage) -> Image.Image:
    q = q.convertToFormat(QImage.Format.Format_Grayscale8)
    ptr = q.constBits()
    return Image.frombuffer("L", (q.width(), q.height()), bytes(ptr), "raw", "L", q.bytesPerLine(), 1)


def pdf_pages(pdf: Path, dpi: int = 300) -> list[Image.Image]:
    out = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(out)], check=True)
    return [Image.open(p).copy() for p in sorted(pdf.parent.glob(out.name + "-*.png"))]


def pdf_size_mm(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    line = next(ln for ln in info.splitlines() if ln.startswith("Page size:"))
    w, _, h = line.split(":", 1)[1].split()[:3]
    return (float(w) / 72 * 25.4, float(h) / 72 * 25.4)


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.parametrize(("kind", "code", "lines", "page"), LABELS, ids=[k.value for k, *_ in LABELS])
def test_label_painted_for_any_device_decodes(
    qtbot: QtBot, kind: ScanKind, code: str, lines: list[str], page: PageSpec
) -> None:
    doc = LabelDocument.single(kind, code, lines, page)
    for dpi in (203, 300):  # a thermal printer's dots, an office printer
        (img,) = LabelPrinter.render_pages(doc, dpi)
        # a narrow 1D code carries a QR twin of the same data (docs/BARCODES.md): every symbol read
        # must say the same thing, and at least one must be read
        got = decode(qimage_to_pil(img))
        assert got and set(got) == {expected_text(kind, code)}, got


@needs_poppler
@pytest.mark.parametrize(("kind", "code", "lines", "page"), LABELS, ids=[k.value for k, *_ in LABELS])
def test_label_pdf_has_the_label_size_and_decodes(
    qtbot: QtBot, tmp_path: Path, kind: ScanKind, code: str, lines: list[str], page: PageSpec
) -> None:
    pdf = LabelPrinter().print_to_pdf(LabelDocument.single(kind, code, lines, page), tmp_path / "label.pdf")
    w, h = pdf_size_mm(pdf)
    assert (round(w), round(h)) == (round(page.width_mm), round(page.height_mm))
    (image,) = pdf_pages(pdf)
    assert decode(image) == [expected_text(kind, code)]


@needs_poppler
def test_label_batch_with_copies_is_one_page_a_label(qtbot: QtBot, tmp_path: Path) -> None:
    cells = [make_cell_label("PVZ-DEMO-1", n) for n in (1, 2, 3)]
    items = [
        LabelItem(ScanKind.CELL, c, (f"Ячейка {i}",), copies=2 if i == 2 else 1)
        for i, c in enumerate(cells, 1)
    ]
    pdf = LabelPrinter().print_to_pdf(LabelDocument(items), tmp_path / "cells.pdf")
    pages = pdf_pages(pdf, dpi=300)
    assert [decode(p) for p in pages] == [[cells[0]], [cells[1]], [cells[1]], [cells[2]]]


def test_invalid_label_fails_before_printing() -> None:
    from shared.barcodes import BarcodeError

    with pytest.raises(BarcodeError):
        LabelDocument.single(ScanKind.UNIT, "U000000000018")  # wrong check digit
    with pytest.raises(ValueError):
        LabelDocument([])


def acceptance(n: int) -> tuple[str, ReportDocument]:
    sscc = make_sscc(77)
    lines = [
        AcceptanceLine(
            make_unit_label(i), f"Товар №{i}", "missing" if i % 7 == 0 else "accepted", f"{i % 40:04d}"
        )
        for i in range(1, n + 1)
    ]
    report = acceptance_report(
        site="ПВЗ Демо-1",
        box_sscc=sscc,
        when=datetime(2026, 3, 1, 10, 30, tzinfo=UTC),
        clerk="Иванова А.",
        lines=lines,
    )
    return sscc, ReportDocument(report, A4)


@needs_poppler
def test_acceptance_report_pdf_is_a4_cyrillic_paginated_and_its_barcode_decodes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    sscc, doc = acceptance(90)
    assert doc.page_count() >= 2
    pdf = LabelPrinter().print_to_pdf(doc, tmp_path / "acceptance.pdf")
    w, h = pdf_size_mm(pdf)
    assert (round(w), round(h)) == (210, 297)
    text = pdf_text(pdf)
    assert "Акт приёмки короба" in text
    assert "ПВЗ Демо-1" in text and "Иванова А." in text
    assert "Недостача" in text and "Товар №90" in text
    pages = text.split("\f")
    assert "Единица" in pages[1]  # the table header repeats on the next page
    first = pdf_pages(pdf, dpi=200)[0]
    assert decode(first) == ["(00)" + sscc]


@needs_poppler
def test_handover_act_and_shift_report_pdfs(qtbot: QtBot, tmp_path: Path) -> None:
    doc_no = make_document_label(5)
    act = handover_act(
        site="ПВЗ Демо-1",
        courier="Сидоров П.",
        clerk="Иванова А.",
        when=datetime(2026, 3, 1, 18, 0, tzinfo=UTC),
        boxes=[HandoverBox(make_sscc(n, kind_return=True), n) for n in (1, 2)],
        document=doc_no,
    )
    pdf = LabelPrinter().print_to_pdf(ReportDocument(act), tmp_path / "act.pdf")
    text = pdf_text(pdf)
    assert "Акт приёма-передачи" in text and "Передано курьеру" in text and "Сидоров П." in text
    assert decode(pdf_pages(pdf, dpi=200)[0]) == [doc_no]

    shift = shift_report(
        ShiftReportData(
            site="ПВЗ Демо-1",
            clerk="Иванова А.",
            opened=datetime(2026, 3, 1, 9, 0, tzinfo=UTC),
            closed=None,
            operations={"Выдано": 31, "Принято": 120, "Возвраты": 4},
            badge=make_badge_label(7),
        ),
        lang="en",
    )
    pdf2 = LabelPrinter().print_to_pdf(ReportDocument(shift), tmp_path / "shift.pdf")
    text2 = pdf_text(pdf2)
    assert "Shift report" in text2 and "still open" in text2 and "Выдано" in text2 and "155" in text2


def test_report_pages_render_through_the_shared_paint_path(qtbot: QtBot) -> None:
    sscc, doc = acceptance(10)
    (page,) = LabelPrinter.render_pages(doc, 200)
    assert decode(qimage_to_pil(page)) == ["(00)" + sscc]


def test_print_without_dialog_on_a_configured_printer(qtbot: QtBot, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "direct.pdf"))
    doc = LabelDocument.single(ScanKind.UNIT, make_unit_label(5), ["Книга"], LABEL_58x40)
    assert LabelPrinter(printer).print(doc, dialog=False)
    assert (tmp_path / "direct.pdf").stat().st_size > 1000


def test_preview_paints_with_the_same_code(qtbot: QtBot) -> None:
    _, doc = acceptance(5)
    lp = LabelPrinter()
    dlg = lp.make_preview(doc)
    qtbot.addWidget(dlg)
    painted: list[object] = []
    dlg.paintRequested.connect(painted.append)
    dlg.show()
    qtbot.waitUntil(lambda: len(painted) >= 1)
    dlg.close()
