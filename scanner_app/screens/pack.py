"""Packing per pickup point: scan or make a box label, scan picked units in, close, print the label."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QWidget

from shared.barcodes import Scan
from shared.qt.messages import fmt

from ..logic.common import Level, waiting_by_destination
from ..logic.packing import PackFlow
from .base import Context, FlowScreen, big_button, info_label


class PackScreen(FlowScreen):
    name = "pack"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.flow: PackFlow = PackFlow(ctx.services.data)
        self.box = info_label(self, "BoxNumber", centered=True)
        self.destination = info_label(self, "Destination", centered=True)
        self.route = info_label(self, "RouteInfo", centered=True)
        self.count = info_label(self, "LineInfo")
        self.units = QListWidget(self)
        self.units.setObjectName("UnitList")
        self.units.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body.addWidget(self.box)
        self.body.addWidget(self.destination)
        self.body.addWidget(self.route)
        self.body.addWidget(self.count)
        self.body.addWidget(self.units, 1)
        self.new_box = self.add_action(big_button("", self), "F1", self.make_box)
        self.close_box = self.add_action(big_button("", self, primary=True), "F2", self.finish_box)
        self.reprint = self.add_action(big_button("", self), "F3", self.print_label)
        self.back = self.add_action(big_button("", self), "Esc", lambda: self.go("menu"))
        self.button_row(self.new_box, self.close_box)
        self.button_row(self.back, self.reprint)
        self.printed_to = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.label_button(self.new_box, self.tr("New box"))
        self.label_button(self.close_box, self.tr("Close box"))
        self.label_button(self.reprint, self.tr("Print label"))
        self.label_button(self.back, self.tr("Menu"))

    def title(self) -> str:
        return self.tr("Packing")

    def render_prompt(self) -> None:
        flow = self.flow
        self.set_prompt(self.msg(flow.prompt()))
        data = self.ctx.services.data
        self.route.setText(self.route_text())
        if flow.box_id is None:
            self.box.setText("—")
            self.destination.setText("")
        else:
            self.box.setText(f"…{flow.box_id[-6:]}")
            self.box.setToolTip(flow.box_id)
            self.destination.setText(
                data.site_name(flow.pvz_id) if flow.pvz_id else self.tr("Destination: by the first unit")
            )
        self.count.setText(fmt(self.tr("Units in the box: %1"), len(flow.units)))
        self.units.clear()
        if flow.box_id is None or flow.closed:
            # before a box: what is picked and waiting, per pickup point
            waiting = waiting_by_destination(data, [(u.pvz_id, 1) for u in data.picked_units()])
            self.count.setText(fmt(self.tr("Picked, waiting to be packed: %1"), sum(n for _, n in waiting)))
            for name, n in waiting:
                self.units.addItem(f"{name}: {n}")
            self._buttons()
            return
        for unit in flow.units:
            self.units.addItem(f"{unit.label}  {unit.product_name}")
        self._buttons()

    def route_text(self) -> str:
        """Which route the box is for and when it leaves: 'Route Тверская день, leaves 14:00'."""
        task = self.flow.task
        if task is None or not task.route_name:
            return ""
        if task.departs_at is None:
            return fmt(self.tr("Route %1"), task.route_name)
        at = task.departs_at.astimezone().strftime("%H:%M")
        return fmt(self.tr("Route %1, leaves %2"), task.route_name, at)

    def _buttons(self) -> None:
        flow = self.flow
        self.close_box.setEnabled(flow.box_id is not None and not flow.closed and bool(flow.units))
        self.reprint.setEnabled(flow.box_id is not None and bool(flow.units))
        self.new_box.setEnabled(flow.box_id is None or flow.closed or not flow.units)

    def on_scan(self, scan: Scan) -> None:
        self.apply(self.flow.handle(scan), self.flow)

    def make_box(self) -> None:
        """A fresh SSCC from this device's range, its label printed to stick on the box."""
        sscc = self.ctx.services.boxes.next_sscc()
        reaction = self.flow.start_box(sscc)
        self.apply(reaction, self.flow)
        if reaction.level is Level.OK:
            self.print_label()

    def finish_box(self) -> None:
        reaction = self.flow.close()
        self.apply(reaction, self.flow, then=self._closed if reaction.records else None)

    def _closed(self) -> None:
        self.print_label()

    def print_label(self) -> None:
        flow = self.flow
        if flow.box_id is None:
            return
        destination = self.ctx.services.data.site_name(flow.pvz_id) if flow.pvz_id else ""
        try:
            where = self.ctx.services.printer.print_box_label(flow.box_id, destination, len(flow.units))
        except Exception as exc:  # a printer problem must not lose the box: it is journalled already
            self.show_result(Level.ERROR, fmt(self.tr("The label did not print: %1"), exc))
            return
        self.printed_to = where
        self.add_to_result(fmt(self.tr("Label printed: %1"), Path(where).name))
