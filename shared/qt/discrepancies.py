"""Handover discrepancies in words, for both apps: one line per discrepancy a site sees."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from shared.store import DiscrepancyView

from .messages import fmt


def title(count: int) -> str:
    return fmt(QCoreApplication.translate("Discrepancies", "Handover discrepancies: %1"), count)


def describe(d: DiscrepancyView) -> str:
    """'Box …123454: seal S1000002 sent, S9999999 found · courier E0000042420 · 2 photos'."""
    box = f"…{d.box_id[-6:]}"
    if d.kind == "seal_mismatch":
        found = d.seal_received or QCoreApplication.translate("Discrepancies", "no seal")
        text = fmt(
            QCoreApplication.translate("Discrepancies", "Box %1: seal %2 sent, %3 found"),
            box,
            d.seal_sent,
            found,
        )
    elif d.kind == "seal_broken":
        text = fmt(QCoreApplication.translate("Discrepancies", "Box %1: seal broken"), box)
    elif d.kind == "not_received":
        text = fmt(QCoreApplication.translate("Discrepancies", "Box %1: sent, not received"), box)
    elif d.kind == "not_sent":
        text = fmt(QCoreApplication.translate("Discrepancies", "Box %1: received, never handed over"), box)
    else:
        text = f"{box}: {d.kind}"
    parts = [text]
    if d.courier_badge:
        parts.append(fmt(QCoreApplication.translate("Discrepancies", "courier %1"), d.courier_badge))
    if d.photos:
        parts.append(fmt(QCoreApplication.translate("Discrepancies", "photos: %1"), len(d.photos)))
    return " · ".join(parts)
