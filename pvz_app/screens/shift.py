"""Shift: open it to start work, close it at the end; the shift report is printable any time."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from shared.barcodes import Scan
from shared.domain import parse_iso
from shared.printing.report import ShiftReportData, shift_report
from shared.qt.messages import fmt

from ..logic.shift_flow import Shift
from .base import Screen

OP_LABELS = ("accepted", "issued", "refused", "returned", "missing", "damaged", "surplus")


class ShiftScreen(Screen):
    key = "shift"
    needs_shift = False

    def title(self) -> str:
        return self.tr("Shift")

    def build(self) -> None:
        self.summary = QLabel(self)
        self.summary.setObjectName("shiftSummary")
        self.summary.setProperty("role", "title")
        self.summary.setWordWrap(True)
        self.add(self.summary)
        self.body.addStretch(1)
        self.add_action("open", self.tr("Open shift"), "Ctrl+O", self.open_shift, primary=True)
        self.add_action("report", self.tr("Shift report"), "Ctrl+P", self.print_report)
        self.add_action("close", self.tr("Close shift"), "Ctrl+Shift+C", self.close_shift)
        self.shift: Shift | None = None
        self.counts: dict[str, int] = {}

    def labels(self) -> dict[str, str]:
        return {
            "accepted": self.tr("Accepted"),
            "issued": self.tr("Issued"),
            "refused": self.tr("Refused"),
            "returned": self.tr("Packed for return"),
            "missing": self.tr("Shortages"),
            "damaged": self.tr("Damaged"),
            "surplus": self.tr("Surplus"),
        }

    def on_activated(self) -> None:
        self.refresh()

    def on_changed(self, changes: object) -> None:
        if self.active:
            self.refresh()

    def refresh(self) -> None:
        self.query(lambda: (self.ctx.flows.shift.current(), self.ctx.flows.shift.summary()), self._show)

    def _show(self, data: tuple[Shift | None, dict[str, int]]) -> None:
        self.shift, self.counts = data
        names = self.labels()
        lines = [f"{names[k]}: {self.counts.get(k, 0)}" for k in OP_LABELS]
        self.summary.setText("\n".join(lines))
        self.enable(open=self.shift is None, close=self.shift is not None, report=self.shift is not None)
        self.reset_prompt()

    def reset_prompt(self) -> None:
        shift = getattr(self, "shift", None)
        if shift is None:
            self.prompt.set_step(self.tr("Open the shift to start work"), self.tr("Ctrl+O opens the shift."))
        else:
            self.prompt.set_step(
                self.tr("Shift is open"),
                self.tr("Choose a flow on the left (F2–F7). Close the shift at the end of the day."),
                tone="ok",
            )

    def on_scan(self, scan: Scan) -> None:
        self.refuse_kind(scan, [])

    def open_shift(self) -> None:
        self.run(self.ctx.flows.shift.open, self._opened)

    def _opened(self, shift: Shift) -> None:
        self.success(self.tr("Shift opened"))
        self.refresh()

    def close_shift(self) -> None:
        """Ctrl+Shift+C: close the shift after saying what it means (and what is not sent yet)."""
        text = self.tr("Close the shift? The shift report is printed; flows need a new shift after this.")
        pending = self.ctx.status.snapshot.pending
        if pending:
            text += " " + fmt(
                self.tr(
                    "%1 operations have not reached the server yet: they stay on this computer and are "
                    "sent when the connection is back."
                ),
                pending,
            )
        if not self.ctx.ports.confirm(self, self.tr("Close shift"), text):
            self.info(self.tr("The shift stays open."))
            return
        report = self._report(closed=True)
        self.run(self.ctx.flows.shift.close, lambda _s: self._closed(report))

    def unavailable_reason(self, name: str) -> str:
        """Why an action's key does nothing right now (the window shows it when the key is pressed)."""
        if name in ("close", "report") and self.shift is None:
            return self.tr("No shift is open: Ctrl+O opens it.")
        if name == "open" and self.shift is not None:
            return self.tr("The shift is already open.")
        return ""

    def _closed(self, report: object) -> None:
        self.success(self.tr("Shift closed. The shift report is ready to print."))
        self.ctx.reports.output(report)  # type: ignore[arg-type]
        self.refresh()

    def _report(self, closed: bool = False):  # type: ignore[no-untyped-def]
        names = self.labels()
        actor = self.ctx.actor
        opened = parse_iso(self.shift.opened_at) if self.shift else self.ctx.clock.now()
        data = ShiftReportData(
            site=self.ctx.site_id,
            clerk=actor.username if actor else "",
            opened=opened,
            closed=self.ctx.clock.now() if closed else None,
            operations={names[k]: self.counts.get(k, 0) for k in OP_LABELS},
        )
        return shift_report(data, lang=self.ctx.lang)

    def print_report(self) -> None:
        self.ctx.reports.output(self._report())
        self.info(self.tr("Shift report sent to the printer"))
