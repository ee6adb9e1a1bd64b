"""Printable documents without Qt: page sizes, report content, raw ZPL for Zebra printers.

Qt prints them: `shared.qt.printing.LabelPrinter` (print dialog, preview, PDF).
"""

from shared.printing.pages import A4, LABEL_58x40, LABEL_100x150, PageSpec, page_by_name
from shared.printing.report import (
    AcceptanceLine,
    HandoverBox,
    Report,
    ShiftReportData,
    acceptance_report,
    handover_act,
    shift_report,
)

__all__ = [
    "A4",
    "AcceptanceLine",
    "HandoverBox",
    "LABEL_58x40",
    "LABEL_100x150",
    "PageSpec",
    "Report",
    "ShiftReportData",
    "acceptance_report",
    "handover_act",
    "page_by_name",
    "shift_report",
]
