"""Operations the backend refused (the order was cancelled meanwhile, say): see why, retry or dismiss."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from shared.qt import messages
from shared.qt.messages import fmt
from shared.qt.operations import OpResult
from shared.qt.theme import TONES
from shared.store.models import Conflict

from .. import texts
from ..logic.common import Level
from .base import Context, ScanScreen, big_button, info_label


class ConflictScreen(ScanScreen):
    name = "conflicts"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[Conflict] = []
        self.count = info_label(self, "LineInfo")
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.body.addWidget(self.count)
        self.body.addWidget(self.list, 1)
        self.retry = self.add_action(big_button("", self), "F1", lambda: self.resolve("retry"))
        self.dismiss = self.add_action(
            big_button("", self, primary=True), "F2", lambda: self.resolve("discard")
        )
        self.back = self.add_action(big_button("", self), "Esc", lambda: self.go("menu"))
        self.button_row(self.retry, self.dismiss)
        self.button_row(self.back)
        self.code.hide()
        self.code_ok.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.label_button(self.retry, self.tr("Retry"))
        self.label_button(self.dismiss, self.tr("Dismiss"))
        self.label_button(self.back, self.tr("Menu"))

    def title(self) -> str:
        return self.tr("Conflicts")

    def activate(self, arg: Any = None) -> None:
        self.clear_result()
        self.refresh()
        self.list.setFocus()

    def refresh(self) -> None:
        self.rows = self.ctx.services.journal.conflicts()
        current = self.list.currentRow()
        self.list.clear()
        for c in self.rows:
            item = QListWidgetItem(
                f"{texts.op_name(c.op_type)} · {messages.reason(c.reason_code, c.reason_message)}"
            )
            item.setForeground(QBrush(TONES["error"]))
            self.list.addItem(item)
        if self.rows:
            self.list.setCurrentRow(min(max(current, 0), len(self.rows) - 1))
        self.render_prompt()

    def render_prompt(self) -> None:
        n = len(self.rows)
        self.count.setText(fmt(self.tr("Refused by the server: %1"), n))
        self.set_prompt(
            self.tr("Choose an operation: retry it or dismiss it") if n else self.tr("No conflicts")
        )
        self.retry.setEnabled(bool(n))
        self.dismiss.setEnabled(bool(n))

    def resolve(self, action: str) -> None:
        row = self.list.currentRow()
        session = self.session
        if not 0 <= row < len(self.rows) or session is None:
            return
        conflict = self.rows[row]
        journal = self.ctx.services.journal
        reason = fmt(self.tr("Checked on the terminal by %1"), session.name)

        def done(_: object) -> None:
            self.refresh()
            self.show_result(Level.OK, self.tr("Retried") if action == "retry" else self.tr("Dismissed"))

        def work() -> OpResult[None]:
            return OpResult(None, journal.resolve(conflict.op_id, action, reason, session))

        self.ctx.ops.run(work, on_success=done, on_failure=self.failed)
