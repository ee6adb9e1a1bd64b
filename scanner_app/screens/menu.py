"""The shift's home: one big button per job, the pending work at a glance."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from shared.qt.messages import fmt
from shared.qt.theme import repolish

from ..logic.numbers import COUNTED, SHIFT, ShiftNumbers, shift_numbers
from .base import Context, Screen, big_button, info_label, wrap

JOBS = (
    ("tasks", "1"),
    ("pack", "2"),
    ("ship", "3"),
    ("returns", "4"),
    ("count", "5"),
    ("putaway", "6"),
    ("reprint", "8"),
    ("device", "9"),
)


class MenuScreen(Screen):
    name = "menu"
    logout_requested = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.greeting = wrap(QLabel(self))
        self.greeting.setProperty("role", "title")
        self.greeting.setWordWrap(True)
        self.summary = info_label(self, "LineInfo")
        self.numbers = info_label(self, "LineInfo")
        self.numbers.setObjectName("ShiftNumbers")
        self.message = info_label(self, "MenuMessage")
        self.layout_.addWidget(self.greeting)
        self.layout_.addWidget(self.summary)
        self.layout_.addWidget(self.numbers)
        self.layout_.addWidget(self.message)
        grid = QGridLayout()
        grid.setSpacing(8)
        self.jobs: dict[str, QPushButton] = {}
        for i, (screen, key) in enumerate(JOBS):
            button = big_button("", self, primary=(screen == "tasks"))
            button.setMinimumHeight(96)
            button.clicked.connect(lambda _=False, s=screen: self.go(s))
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(button.click)
            self.jobs[screen] = button
            grid.addWidget(button, i // 2, i % 2)
        self.layout_.addLayout(grid)
        self.conflicts = big_button("", self)
        self.conflicts.setObjectName("ConflictsButton")
        self.conflicts.clicked.connect(lambda: self.go("conflicts"))
        QShortcut(QKeySequence("7"), self).activated.connect(self.conflicts.click)
        self.layout_.addWidget(self.conflicts)
        self.layout_.addStretch(1)
        self.sync_button = big_button("", self)
        self.sync_button.clicked.connect(self.sync)
        self.logout_button = big_button("", self)
        self.logout_button.clicked.connect(self.logout_requested)
        QShortcut(QKeySequence("F5"), self).activated.connect(self.sync_button.click)
        QShortcut(QKeySequence("F10"), self).activated.connect(self.logout_button.click)
        row = QHBoxLayout()
        row.addWidget(self.sync_button)
        row.addWidget(self.logout_button)
        self.layout_.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        names = {
            "tasks": self.tr("Picking"),
            "pack": self.tr("Packing"),
            "ship": self.tr("Shipping"),
            "returns": self.tr("Returns"),
            "count": self.tr("Cycle count"),
            "putaway": self.tr("Put-away"),
            "reprint": self.tr("Reprint label"),
            "device": self.tr("This terminal"),
        }
        for screen, key in JOBS:
            self.jobs[screen].setText(f"{key}\n{names[screen]}")
        self.sync_button.setText("F5  " + self.tr("Sync now"))
        self.logout_button.setText("F10  " + self.tr("Log out"))

    def title(self) -> str:
        return self.tr("Menu")

    def activate(self, arg: Any = None) -> None:
        self.clear_result()
        self.refresh()

    def render_prompt(self) -> None:
        self.message.setText(self.last_text)
        self.message.setProperty("tone", self.last_tone)
        repolish(self.message)

    def refresh(self) -> None:
        session = self.session
        self.greeting.setText(session.name if session else "")
        open_tasks = len(self.ctx.services.data.pick_tasks(True))
        text = fmt(self.tr("Open pick tasks: %1"), open_tasks)
        if session is not None and session.offline:
            text += "\n" + self.tr("Offline login: work is saved on this terminal and synced later.")
        self.summary.setText(text)
        self.numbers.setText(self.numbers_text(self.shift_numbers()))
        open_conflicts = len(self.ctx.services.journal.conflicts())
        self.conflicts.setText("7  " + fmt(self.tr("Conflicts: %1"), open_conflicts))
        self.conflicts.setProperty("alert", open_conflicts > 0)
        repolish(self.conflicts)

    def shift_numbers(self) -> ShiftNumbers | None:
        """The worker's picks and shortages of this shift, from the journal on this terminal."""
        session = self.session
        if session is None:
            return None
        services = self.ctx.services
        now = services.clock.now()
        ops = services.journal.ops_by(session.user_id, COUNTED, now - SHIFT)

        def sku_of(unit_id: str) -> str:
            unit = services.data.unit(unit_id)
            return unit.sku if unit is not None else ""

        return shift_numbers(ops, sku_of, now)

    def numbers_text(self, n: ShiftNumbers | None) -> str:
        if n is None or n.started is None:
            return self.tr("This shift: nothing picked yet")
        text = fmt(self.tr("This shift: %1 lines, %2 items, %3 short"), n.lines, n.units, n.short)
        if n.has_rates:
            text += "\n" + fmt(
                self.tr("%1 lines/h · %2 items/h"), f"{n.lines_per_hour:.0f}", f"{n.units_per_hour:.0f}"
            )
        return text

    def sync(self) -> None:
        sync = self.ctx.services.sync
        if sync is not None:
            sync.sync_now()
        self.refresh()
