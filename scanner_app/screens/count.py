"""Cycle count: scan a location, scan what is on it; the table shows the difference."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QWidget

from shared.barcodes import Scan
from shared.qt.messages import fmt
from shared.qt.models import Column, RecordTableModel
from shared.qt.widgets import make_table

from ..logic.common import location_code
from ..logic.counting import CountFlow, CountRow
from .base import Context, FlowScreen, big_button, info_label


class CountScreen(FlowScreen):
    name = "count"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.flow: CountFlow = CountFlow(ctx.services.data)
        self.location = info_label(self, "BigLocation", centered=True)
        self.model: RecordTableModel[CountRow] = RecordTableModel(
            self._columns(), key=lambda r: r.sku, tone=self._tone
        )
        self.table = make_table(self.model, self)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.summary = info_label(self, "LineInfo")
        self.body.addWidget(self.location)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.summary)
        self.finish = self.add_action(big_button("", self, primary=True), "F2", self.finish_count)
        self.back = self.add_action(big_button("", self), "Esc", lambda: self.go("menu"))
        self.button_row(self.back, self.finish)
        self.retranslate()

    def _columns(self) -> list[Column[CountRow]]:
        right = Qt.AlignmentFlag.AlignRight
        return [
            Column(self.tr("Product"), lambda r: r.name),
            Column(self.tr("Book"), lambda r: r.expected, right),
            Column(self.tr("Found"), lambda r: r.counted, right),
            Column(
                self.tr("Diff"), lambda r: f"{r.difference:+d}" if r.difference else "0", right, bold=True
            ),
        ]

    @staticmethod
    def _tone(row: CountRow) -> str | None:
        if row.difference < 0:
            return "error"
        if row.difference > 0:
            return "warn"
        return "ok"

    def retranslate(self) -> None:
        self.label_button(self.finish, self.tr("Finish count"))
        self.label_button(self.back, self.tr("Menu"))
        self.model.set_columns(self._columns())

    def title(self) -> str:
        return self.tr("Cycle count")

    def render_prompt(self) -> None:
        flow = self.flow
        self.set_prompt(self.msg(flow.prompt()))
        self.location.setText(location_code(flow.location_id))
        rows = flow.rows()
        self.model.set_rows(rows)
        if flow.location_id and not flow.finished:
            self.summary.setText(fmt(self.tr("Differences: %1"), flow.differences))
        else:  # the count tasks short picks left: where to count next
            due = [code for _, code, _, _ in self.ctx.services.data.count_due()]
            self.summary.setText(fmt(self.tr("To count (short picks): %1"), ", ".join(due)) if due else "")
        self.finish.setEnabled(flow.location_id is not None and not flow.finished)

    def on_scan(self, scan: Scan) -> None:
        self.apply(self.flow.handle(scan), self.flow)

    def finish_count(self) -> None:
        self.apply(self.flow.finish(), self.flow)
