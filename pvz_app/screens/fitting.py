"""Fitting rooms: who is in which room with the time left, while the clerk serves the queue. When
the customer comes back (their code scanned, or the room chosen and Ctrl+Enter) the issuing screen
goes on with their pickup: each unit taken or refused with a reason, then complete."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QTimer

from shared.barcodes import Scan, ScanKind
from shared.qt.messages import fmt
from shared.qt.models import Column, RecordTableModel
from shared.qt.widgets import make_table
from shared.store import ChangeSet

from ..logic.fitting import Fitting, clock_text
from .base import Screen

NEAR = timedelta(minutes=3)  # the time left turns yellow


class FittingScreen(Screen):
    key = "fitting"

    def title(self) -> str:
        return self.tr("Fitting rooms")

    def build(self) -> None:
        self.rooms: list[Fitting] = []
        self.room_count = 0
        self.model: RecordTableModel[Fitting] = RecordTableModel(
            [
                Column(self.tr("Room"), lambda f: f.room, bold=True),
                Column(self.tr("Customer"), lambda f: f.customer_name),
                Column(self.tr("Order"), lambda f: ", ".join(f"№{n}" for n in f.order_numbers)),
                Column(self.tr("Units"), lambda f: ", ".join(f.labels)),
                Column(self.tr("Time left"), self._left_text),
            ],
            key=lambda f: str(f.room),
            tone=self._tone,
        )
        self.table = make_table(self.model, self)
        self.table.setObjectName("fittingTable")
        self.add(self.table, 1)
        self.add_action("back", self.tr("Customer is back"), "Ctrl+Return", self.back, primary=True)
        self.add_action("refresh", self.tr("Refresh"), "Ctrl+U", self.refresh)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self._sync()

    def _left_text(self, f: Fitting) -> str:
        left = f.left(self.ctx.clock.now())
        if left <= timedelta(0):
            return fmt(self.tr("time is up (%1)"), clock_text(left))
        return clock_text(left)

    def _tone(self, f: Fitting) -> str | None:
        left = f.left(self.ctx.clock.now())
        return "error" if left <= timedelta(0) else "warn" if left <= NEAR else "info"

    def _sync(self) -> None:
        self.enable(back=bool(self.rooms))

    def reset_prompt(self) -> None:
        rooms = getattr(self, "rooms", [])
        if not rooms:
            self.prompt.set_step(
                self.tr("All fitting rooms are free"),
                self.tr(
                    "On the issuing screen (F2), Ctrl+F sends the customer's clothes and shoes to a room."
                ),
                tone="ok",
            )
            return
        over = sum(1 for f in rooms if f.over(self.ctx.clock.now()))
        self.prompt.set_step(
            fmt(self.tr("%1 of %2 fitting rooms taken"), len(rooms), self.room_count),
            self.tr("When a customer is back, scan their code or choose the room and press Ctrl+Enter."),
            tone="warn" if over else "info",
        )

    def on_activated(self) -> None:
        self.refresh()
        self.ticker.start()

    def hideEvent(self, event: Any) -> None:
        self.ticker.stop()
        super().hideEvent(event)

    def on_changed(self, changes: ChangeSet) -> None:
        if self.active and (changes.full or changes.journal or changes.sites):
            self.refresh()

    def refresh(self) -> None:
        pickup = self.ctx.flows.pickup
        self.query(lambda: (pickup.fittings(), pickup.fitting_settings()[0]), self._show)

    def _show(self, found: tuple[list[Fitting], int]) -> None:
        self.rooms, self.room_count = found
        self.model.set_rows(self.rooms)
        if self.rooms and not self.table.selectionModel().selectedRows():
            self.table.selectRow(0)
        self._sync()
        self.reset_prompt()

    def _tick(self) -> None:
        """Once a second: the clocks count down (no reload: the rooms change by this app only)."""
        n = self.model.rowCount()
        if n:  # repaint in place: the selection stays
            self.model.dataChanged.emit(
                self.model.index(0, 0), self.model.index(n - 1, self.model.columnCount() - 1)
            )
            self.reset_prompt()

    def _issuing(self) -> Any:
        window: Any = self.window()
        window.show_flow("issuing")
        return window.screens["issuing"]

    def back(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        fitting = self.model.row_at(rows[0].row()) if rows else None
        if fitting is None:
            self.error(self.tr("Choose a room (arrows), then Ctrl+Enter."))
            return
        self._issuing().back_from_fitting(fitting.room)

    def on_scan(self, scan: Scan) -> None:
        if scan.kind is ScanKind.PICKUP:  # the customer is back with their code: issue there
            self._issuing().on_scan(scan)
            return
        self.refuse_kind(scan, [ScanKind.PICKUP])
