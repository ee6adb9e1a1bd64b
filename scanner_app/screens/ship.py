"""Shipping: scan closed boxes onto a route to one pickup point; closing the route ships the units."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from shared.barcodes import Scan
from shared.qt import discrepancies
from shared.qt.messages import fmt
from shared.qt.theme import TONES

from ..logic.common import Level, waiting_by_destination
from ..logic.shipping import ShipFlow
from .base import Context, FlowScreen, big_button, info_label, wrap_lines


class ShipScreen(FlowScreen):
    name = "ship"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.flow: ShipFlow | None = None
        self.armed_close = False  # Close route pressed once with boxes left behind: again closes
        self.destination = info_label(self, "Destination", centered=True)
        self.count = info_label(self, "LineInfo")
        self.boxes = QListWidget(self)
        self.boxes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        wrap_lines(self.boxes)  # a discrepancy's line is longer than 480 px
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
        sealing = self.flow is not None and self.flow.sealing and not self.flow.closed
        self.label_button(self.new_route, self.tr("Back to boxes") if sealing else self.tr("New route"))
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
        self.count.setText(fmt(self.tr("Boxes: %1 · units: %2"), len(flow.box_ids), units))
        self.boxes.clear()
        waiting = flow.waiting()
        if flow.sealing and not flow.closed:
            # handing over: the badge, then each box with the seal scanned for it so far
            badge = flow.badge or self.tr("scan the badge")
            self._header(fmt(self.tr("Courier: %1"), badge))
            for box_id in flow.box_ids:
                seal = flow.seals.get(box_id)
                self.boxes.addItem(f"{'✓' if seal else '…'}  {box_id}  {seal or ''}")
        elif flow.box_ids and not flow.closed:
            for box_id in flow.box_ids:
                self.boxes.addItem(box_id)
            behind = flow.left_behind()
            if behind:
                # the same pickup point's boxes still to load, by SSCC, so none is left behind unseen
                self._header(fmt(self.tr("Also waiting for %1:"), data.site_name(flow.pvz_id or "")))
                for box in behind:
                    self.boxes.addItem(f"  {box.id}")
        else:
            # what is closed and waiting for a route: per pickup point, then each box's SSCC
            self.count.setText(fmt(self.tr("Boxes waiting for a route: %1"), len(waiting)))
            by_site: dict[str, list[str]] = {}
            for box in waiting:
                by_site.setdefault(box.destination_site_id, []).append(box.id)
            names = {data.site_name(site): site for site in by_site}
            for name, n in waiting_by_destination(data, [(b.destination_site_id, 1) for b in waiting]):
                self._header(f"{name}: {n}")
                for box_id in by_site[names[name]]:
                    self.boxes.addItem(f"  {box_id}")
            found = data.discrepancies("forward")
            if found:
                self._header(discrepancies.title(len(found)))
                for d in found:
                    item = QListWidgetItem(discrepancies.describe(d), self.boxes)
                    item.setForeground(QBrush(TONES["error"]))
        self.close_route.setEnabled(bool(flow.box_ids) and not flow.closed and not flow.sealing)
        self.new_route.setEnabled(flow.closed or not flow.box_ids or flow.sealing)
        self.retranslate()

    def _header(self, text: str) -> None:
        item = QListWidgetItem(text, self.boxes)
        font = item.font()
        font.setBold(True)
        item.setFont(font)

    def on_scan(self, scan: Scan) -> None:
        if self.flow is not None:
            self.armed_close = False
            self.apply(self.flow.handle(scan), self.flow)

    def finish_route(self) -> None:
        """Close the route; with boxes for the same pickup point still waiting, the first press
        names them and a second press closes without them."""
        if self.flow is None:
            return
        reaction = self.flow.close(leave_behind=self.armed_close)
        self.armed_close = not reaction.records and reaction.level is Level.WARN
        self.apply(reaction, self.flow)

    def start_new(self) -> None:
        if self.flow is not None and self.flow.sealing and not self.flow.closed:
            self.flow.cancel_handover()
            self.clear_result()
            self.render_prompt()
            return
        if self.flow is not None:
            self.flow.new_route()
            self.armed_close = False
            self.clear_result()
            self.render_prompt()
