"""Receiving a return box: scan it, the seal on it and its units, close it with what is missing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from shared.barcodes import Scan
from shared.domain import UnitStatus
from shared.qt import discrepancies
from shared.qt.messages import fmt
from shared.qt.theme import TONES

from ..logic.returns import ReturnFlow
from .base import Context, FlowScreen, big_button, info_label, wrap_lines


class ReturnScreen(FlowScreen):
    name = "returns"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.flow: ReturnFlow = ReturnFlow(ctx.services.data)
        self.box = info_label(self, "BoxNumber", centered=True)
        self.count = info_label(self, "LineInfo")
        self.units = QListWidget(self)
        self.units.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        wrap_lines(self.units)  # a discrepancy's line is longer than 480 px
        self.body.addWidget(self.box)
        self.body.addWidget(self.count)
        self.body.addWidget(self.units, 1)
        self.close_box = self.add_action(big_button("", self, primary=True), "F2", self.finish_box)
        self.no_seal = self.add_action(big_button("", self), "F1", self.without_seal)
        self.broken = self.add_action(big_button("", self), "F4", self.seal_broken)
        self.back = self.add_action(big_button("", self), "Esc", lambda: self.go("menu"))
        self.button_row(self.no_seal, self.broken)
        self.button_row(self.back, self.close_box)
        self.retranslate()

    def retranslate(self) -> None:
        flow = getattr(self, "flow", None)
        left = len(flow.expected) if flow is not None else 0
        self.label_button(
            self.close_box, fmt(self.tr("Close (%1 missing)"), left) if left else self.tr("Close box")
        )
        self.label_button(self.back, self.tr("Menu"))
        self.label_button(self.no_seal, self.tr("No seal"))
        photos = len(flow.photos) if flow is not None else 0
        self.label_button(
            self.broken, fmt(self.tr("Seal broken (%1)"), photos) if photos else self.tr("Seal broken")
        )

    def title(self) -> str:
        return self.tr("Returns")

    def render_prompt(self) -> None:
        flow = self.flow
        self.set_prompt(self.msg(flow.prompt()))
        self.box.setText(f"…{flow.box_id[-6:]}" if flow.box_id else "—")
        self.count.setText(
            fmt(
                self.tr("Received %1 of %2 · missing %3"),
                len(flow.received),
                len(flow.units),
                sum(1 for u in flow.units if u.status is UnitStatus.MISSING),
            )
        )
        self.units.clear()
        for unit in flow.units:
            if unit.status is UnitStatus.RETURNED:
                mark, tone = "✓", "ok"
            elif unit.status is UnitStatus.MISSING:
                mark, tone = "✗", "error"
            else:
                mark, tone = "…", "muted"
            item = QListWidgetItem(f"{mark}  {unit.label}  {unit.product_name}")
            item.setForeground(QBrush(TONES[tone]))
            self.units.addItem(item)
        if flow.box_id is None or flow.closed:  # between boxes: what the pickup points' boxes lacked
            found = self.ctx.services.data.discrepancies("return")
            if found:
                self.units.addItem(discrepancies.title(len(found)))
            for d in found:
                item = QListWidgetItem(discrepancies.describe(d))
                item.setForeground(QBrush(TONES["error"]))
                self.units.addItem(item)
        self.close_box.setEnabled(flow.box_id is not None and not flow.closed)
        self.no_seal.setEnabled(flow.box_id is not None and not flow.closed and flow.seal is None)
        self.broken.setEnabled(flow.box_id is not None and not flow.closed)
        self.retranslate()  # the photo count on F4

    def on_scan(self, scan: Scan) -> None:
        self.apply(self.flow.handle(scan), self.flow)

    def without_seal(self) -> None:
        self.apply(self.flow.no_seal(), self.flow)

    def seal_broken(self) -> None:
        """The seal is broken: photos of the box (camera or file), recorded with the box's close."""
        flow, session = self.flow, self.ctx.session()
        if flow.box_id is None or flow.closed or session is None:
            self.apply(flow.broken([]), flow)  # says to scan the box first
            return
        box_id = flow.box_id
        journal = self.ctx.services.journal
        taken = self.take_photos(
            f"…{box_id[-6:]}", lambda data: journal.save_photo(data, box_id, session, subject_kind="box")
        )
        self.apply(flow.broken(taken), flow)

    def finish_box(self) -> None:
        self.apply(self.flow.close(), self.flow)
