"""Handover discrepancies in words, for both apps: one line per discrepancy a site sees."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from shared.domain import handover
from shared.store import DiscrepancyView

from .messages import fmt


def title(count: int) -> str:
    return fmt(QCoreApplication.translate("Discrepancies", "Handover discrepancies: %1"), count)


def describe(d: DiscrepancyView) -> str:
    """'Box …123454: seal S1000002 sent, S9999999 found · courier E0000042420 · 2 photos'."""
    box = f"…{d.box_id[-6:]}"
    if d.kind == handover.SEAL_MISMATCH:
        found = d.seal_received or QCoreApplication.translate("Discrepancies", "no seal")
        text = fmt(
            QCoreApplication.translate("Discrepancies", "Box %1: seal %2 sent, %3 found"),
            box,
            d.seal_sent,
            found,
        )
    elif d.kind == handover.SEAL_BROKEN:
        text = fmt(QCoreApplication.translate("Discrepancies", "Box %1: seal broken"), box)
    elif d.kind == handover.NOT_RECEIVED:
        text = fmt(QCoreApplication.translate("Discrepancies", "Box %1: sent, not received"), box)
    elif d.kind == handover.NOT_SENT:
        text = fmt(QCoreApplication.translate("Discrepancies", "Box %1: received, never handed over"), box)
    else:
        text = f"{box}: {d.kind}"
    parts = [text]
    if d.courier_badge:
        parts.append(fmt(QCoreApplication.translate("Discrepancies", "courier %1"), d.courier_badge))
    if d.photos:
        parts.append(fmt(QCoreApplication.translate("Discrepancies", "photos: %1"), len(d.photos)))
    return " · ".join(parts)


def make_line(parent: QWidget) -> QLabel:
    """The red panel a PVZ screen lists its open discrepancies in (hidden while there are none)."""
    line = QLabel(parent)
    line.setObjectName("discrepancyLine")
    line.setWordWrap(True)
    line.setVisible(False)
    return line


def fill(line: QLabel, found: Sequence[DiscrepancyView], limit: int = 5) -> None:
    """The title and the newest ``limit`` discrepancies, one a line; hidden when there are none."""
    shown = [describe(d) for d in found[:limit]]
    if len(found) > limit:
        shown.append("…")
    line.setText("\n".join([title(len(found)), *shown]) if found else "")
    line.setVisible(bool(found))
