"""Reprinting a box or unit label: scan or type the code, tap why (four big buttons), it prints."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from shared.barcodes import Scan
from shared.qt.messages import fmt

from ..logic.common import Level
from ..logic.reprint import REASONS, ReprintFlow
from .base import Context, FlowScreen, big_button, info_label


class ReprintScreen(FlowScreen):
    name = "reprint"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.flow: ReprintFlow = ReprintFlow(ctx.services.data)
        self.code_label = info_label(self, "BoxNumber", centered=True)
        self.body.addWidget(self.code_label)
        grid = QGridLayout()
        grid.setSpacing(8)
        self.reasons: dict[str, QPushButton] = {}
        for i, (reason, key) in enumerate(zip(REASONS, ("F1", "F2", "F3", "F4"), strict=True)):
            button = self.add_action(big_button("", self), key, self._chooser(reason))
            button.setMinimumHeight(72)
            button.setObjectName(f"reason_{reason}")
            self.reasons[reason] = button
            grid.addWidget(button, i, 0)  # one column: the whole width for a thumb and the words
        self.body.addLayout(grid)
        self.body.addStretch(1)
        self.back = self.add_action(big_button("", self), "Esc", self.leave)
        self.button_row(self.back)
        self.retranslate()

    def retranslate(self) -> None:
        names = {
            "damaged": self.tr("Label is damaged"),
            "unreadable": self.tr("Does not scan"),
            "lost": self.tr("Label is lost"),
            "other": self.tr("Other"),
        }
        for reason, button in self.reasons.items():
            self.label_button(button, names[reason])
        self.label_button(self.back, self.tr("Menu"))

    def title(self) -> str:
        return self.tr("Reprint a label")

    def activate(self, arg: Any = None) -> None:
        self.flow.cancel()
        self.clear_result()
        self.refresh()

    def render_prompt(self) -> None:
        flow = self.flow
        self.set_prompt(self.msg(flow.prompt()))
        self.code_label.setText(flow.code or "—")
        for button in self.reasons.values():
            button.setEnabled(flow.code is not None)

    def unavailable_reason(self, button: QPushButton) -> str:
        return self.msg(self.flow.prompt())

    def on_scan(self, scan: Scan) -> None:
        self.apply(self.flow.handle(scan), self.flow)

    def _chooser(self, reason: str) -> Callable[[], None]:
        def choose(*_: object) -> None:  # a button's clicked(checked) or a key
            self.choose(reason)

        return choose

    def choose(self, reason: str) -> None:
        self.apply(self.flow.choose(reason), self.flow, then=self.print_now)

    def print_now(self) -> None:
        """The reprint is journalled: print it (a printer problem loses nothing: it is logged)."""
        job, self.flow.printed = self.flow.printed, None
        if job is None:
            return
        kind, code, lines = job
        try:
            where = self.ctx.services.printer.print_label(kind, code, lines)
        except Exception as exc:
            self.show_result(Level.ERROR, fmt(self.tr("The label did not print: %1"), exc))
            return
        self.add_to_result(fmt(self.tr("Label printed: %1"), Path(where).name))

    def leave(self) -> None:
        self.flow.cancel()
        self.go("menu")
