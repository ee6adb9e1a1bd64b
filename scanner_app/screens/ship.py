"""Shipping: scan closed boxes onto a route to one pickup point; closing the route ships the units."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QWidget

from shared.barcodes import Scan

from ..logic.common import waiting_by_destination
from ..logic.shipping import ShipFlow
from .base import Context, FlowScreen, big_button, info_label


class ShipScreen(FlowScreen):
    name = "ship"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.flow: ShipFlow | None = None
        self.destination = info_label(self, "Destination", centered=True)
        self.count = info_label(self, "LineInfo")
        self.boxes = QListWidget(self)
        self.boxes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body.addWidget(self.destination)
        self.body.addWidget(self.count)
        self.body.addWidget(self.boxes, 1)
        self.close_route = self.add_action(big_button("", self, primary=True), "F2", self.finish_route)
        self.new_route = self.add_action(big_button("", self), "F1", self.start_new)
        self.back = self.add_action(big_button("", self), "Esc", lambda: self.go("menu"))
        self.button_row(self.new_route, self.close_route)
        self.button_row(self.back)
        self.retranslate()

    def retranslate(self) -> None:
        self.label_button(self.close_route, self.tr("Close route"))
        self.label_button(self.new_route, self.tr("New route"))
        self.label_button(self.back, self.tr("Menu"))

    def title(self) -> str:
        return self.tr("Shipping")

    def activate(self, arg: Any = None) -> None:
        if self.flow is None or self.flow.closed:
            self.flow = ShipFlow(self.ctx.services.data, self.ctx.services.new_id)
            if not self.flow.closed:
                self.clear_result()
        self.refresh()

    def render_prompt(self) -> None:
        flow = self.flow
        if flow is None:
            return
        data = self.ctx.services.data
        self.set_prompt(self.msg(flow.prompt()))
        self.destination.setText(
            data.site_name(flow.pvz_id) if flow.pvz_id else self.tr("Destination: by the first box")
        )
        units = flow.unit_count()
        self.count.setText(
            self.tr("Boxes: %1 · units: %2").replace("%1", str(len(flow.box_ids))).replace("%2", str(units))
        )
        self.boxes.clear()
        for box_id in flow.box_ids:
            self.boxes.addItem(box_id)
        if not flow.box_ids or flow.closed:
            # what is closed and waiting for a route, per pickup point
            waiting = waiting_by_destination(data, [(b.destination_site_id, 1) for b in data.boxes_to_ship()])
            self.count.setText(
                self.tr("Boxes waiting for a route: %1").replace("%1", str(sum(n for _, n in waiting)))
            )
            for name, n in waiting:
                self.boxes.addItem(f"{name}: {n}")
        self.close_route.setEnabled(bool(flow.box_ids) and not flow.closed)
        self.new_route.setEnabled(flow.closed or not flow.box_ids)

    def on_scan(self, scan: Scan) -> None:
        if self.flow is not None:
            self.apply(self.flow.handle(scan), self.flow)

    def finish_route(self) -> None:
        if self.flow is not None:
            self.apply(self.flow.close(), self.flow)

    def start_new(self) -> None:
        if self.flow is not None:
            self.flow.new_route()
            self.clear_result()
            self.render_prompt()
