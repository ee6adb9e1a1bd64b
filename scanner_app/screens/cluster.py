"""Cluster picking: bind a tote to each task of the cart, then one walk for all of them; at each stop
the screen says which tote the item goes into, as a huge number on the tote's colour."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QListWidget, QProgressBar, QWidget

from shared.barcodes import Scan
from shared.qt.messages import fmt

from ..logic.cluster import ClusterFlow
from ..logic.common import Level
from .base import Context, FlowScreen, big_button, info_label

# a cart place's colour: the tote number is painted on it, white, so far-sighted pickers see it
TOTE_COLOURS = ("#1f4fd1", "#147a2e", "#b3261e", "#8e0c78", "#a65f00", "#00696f")


def tote_colour(position: int) -> str:
    return TOTE_COLOURS[(position - 1) % len(TOTE_COLOURS)]


class ClusterScreen(FlowScreen):
    name = "cluster"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.flow: ClusterFlow | None = None
        self.armed_skip: str | None = None
        self.location = info_label(self, "BigLocation", centered=True)
        self.tote = info_label(self, "ToteNumber", centered=True)
        self.tote.setFixedHeight(104)
        self.product = info_label(self, "LineProduct")
        self.line_info = info_label(self, "LineInfo")
        self.cart = QListWidget(self)
        self.cart.setObjectName("CartList")
        self.progress = QProgressBar(self)
        self.progress.setFormat("%v / %m")
        self.body.addWidget(self.location)
        self.body.addWidget(self.tote)
        self.body.addWidget(self.product)
        self.body.addWidget(self.line_info)
        self.body.addWidget(self.cart, 1)
        self.body.addWidget(self.progress)
        self.not_found = self.add_action(big_button("", self), "F1", lambda: self.skip("not_found"))
        self.start = self.add_action(big_button("", self, primary=True), "F3", self.start_walk)
        self.back = self.add_action(big_button("", self), "Esc", lambda: self.go("tasks"))
        self.button_row(self.not_found, self.start)
        self.button_row(self.back)
        self.retranslate()

    def retranslate(self) -> None:
        self.label_button(self.not_found, self.tr("Not found"))
        self.label_button(self.back, self.tr("Tasks"))
        self._start_label()

    def _start_label(self) -> None:
        finished = self.flow is not None and self.flow.finished
        self.label_button(self.start, self.tr("Next cart") if finished else self.tr("Start walk"))

    def title(self) -> str:
        return self.tr("Cart picking")

    def activate(self, arg: Any = None) -> None:
        if isinstance(arg, list) and arg:
            self.flow = ClusterFlow(self.ctx.services.data, [str(t) for t in arg])
            self.armed_skip = None
            self.clear_result()
        self.refresh()

    def unavailable_reason(self, button: Any) -> str:
        if button is self.start:
            return self.tr("Scan at least one tote first.")
        return ""

    def render_prompt(self) -> None:
        flow = self.flow
        if flow is None:
            return
        self.set_prompt(self.msg(flow.prompt()))
        self._start_label()
        data = self.ctx.services.data
        if not flow.walking:
            self.location.hide()
            self.tote.hide()
            self.product.setText(self.tr("Cart: one tote per task"))
            self.line_info.setText(
                fmt(self.tr("%1 of %2 totes scanned"), len(flow.totes), len(flow.task_ids))
            )
            self.cart.show()
            self.cart.clear()
            for task_id in flow.task_ids:
                task = data.task(task_id)
                order = task.order_id if task is not None else task_id
                tote = flow.tote_of(task_id) or self.tr("scan a tote")
                self.cart.addItem(f"{flow.position(task_id)}  ·  {order[-8:]}  ·  {tote}")
            self.progress.hide()
            self.not_found.hide()
            self.start.show()
            self.start.setEnabled(bool(flow.totes))
            return
        self.cart.hide()
        self.progress.show()
        self.progress.setRange(0, max(1, flow.total))
        self.progress.setValue(flow.picked_count)
        cl = flow.current
        self.not_found.setVisible(cl is not None)
        self.start.setVisible(cl is None)
        self.start.setEnabled(True)
        self.location.show()
        if cl is None:
            self.location.setText("✓")
            self.location.setProperty("confirmed", True)
            self.tote.hide()
            self.product.setText(self.tr("Every task of the cart is picked: take the totes to packing."))
            self.line_info.setText("")
        else:
            self.location.setText(cl.line.location_code)
            self.location.setProperty("confirmed", flow.location_confirmed)
            self.product.setText(cl.line.product_name or cl.line.sku)
            held = flow.held
            owner = flow.line_of(held) if held is not None else None
            counts = flow.tote_counts()
            if owner is not None:
                self._show_tote(owner.position, fmt(self.tr("Tote %1"), owner.position))
            elif flow.location_confirmed and counts:
                self._show_tote(counts[0][0], "")
            else:
                self.tote.hide()
            stop = flow.stops.index(cl.line.location_id) + 1 if cl.line.location_id in flow.stops else 0
            into = ", ".join(fmt(self.tr("tote %1: %2"), p, n) for p, n in counts)
            self.line_info.setText(fmt(self.tr("Stop %1 of %2 · %3"), stop, len(flow.stops), into))
        for label in (self.location, self.tote):
            label.style().unpolish(label)
            label.style().polish(label)

    def _show_tote(self, position: int, tip: str) -> None:
        self.tote.setText(str(position))
        self.tote.setToolTip(tip)
        self.tote.setStyleSheet(f"QLabel#ToteNumber {{ background: {tote_colour(position)}; }}")
        self.tote.show()

    def on_scan(self, scan: Scan) -> None:
        if self.flow is None:
            return
        self.armed_skip = None
        self.apply(self.flow.handle(scan), self.flow)

    def start_walk(self) -> None:
        flow = self.flow
        if flow is None:
            return
        if flow.finished:
            self.go("tasks")
            return
        self.apply(flow.start_walk(), flow)

    def skip(self, reason: str) -> None:
        """Like single picking: the first tap asks, a second tap records the shortage."""
        flow = self.flow
        if flow is None or flow.current is None:
            return
        if self.armed_skip != reason:
            self.armed_skip = reason
            self.show_result(
                Level.WARN, self.tr("Not found: press again to record this product short for the cart.")
            )
            return
        self.armed_skip = None
        self.apply(flow.skip(reason), flow)
