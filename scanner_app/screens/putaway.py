"""Supplier deliveries and put-away: the document, the products with quantities, the shelf."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QSizePolicy, QWidget

from shared.barcodes import Scan

from ..logic.common import Level, location_code
from ..logic.putaway import MAX_QUANTITY, PutawayFlow
from .base import TOUCH, Context, FlowScreen, big_button, info_label, wrap


class PutawayScreen(FlowScreen):
    name = "putaway"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.flow: PutawayFlow = PutawayFlow(ctx.services.data)
        self.document = info_label(self, "Destination", centered=True)
        self.items = QListWidget(self)
        self.items.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.items.currentRowChanged.connect(self._selected)
        qty_row = QHBoxLayout()
        self.qty_label = wrap(QLabel(self))
        self.minus = big_button("−", self)
        self.plus = big_button("+", self)
        self.qty = QLabel("0", self)
        self.qty.setObjectName("Quantity")
        self.qty.setMinimumSize(TOUCH + 24, TOUCH)
        self.qty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for b in (self.minus, self.plus):
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            b.setFixedWidth(TOUCH + 24)
        self.minus.clicked.connect(lambda: self._bump(-1))
        self.plus.clicked.connect(lambda: self._bump(1))
        qty_row.addWidget(self.qty_label, 1)
        qty_row.addWidget(self.minus)
        qty_row.addWidget(self.qty)
        qty_row.addWidget(self.plus)
        self.body.addWidget(self.document)
        self.body.addWidget(self.items, 1)
        self.body.addLayout(qty_row)
        self.back = self.add_action(big_button("", self), "Esc", lambda: self.go("menu"))
        self.add_action(self.minus, "F1", lambda: None)
        self.add_action(self.plus, "F2", lambda: None)
        self.button_row(self.back)
        self._current_sku: str | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.label_button(self.back, self.tr("Menu"))
        self.qty_label.setText(self.tr("Quantity"))
        self.minus.setText("F1 −")
        self.plus.setText("F2 +")

    def title(self) -> str:
        return self.tr("Put-away")

    def render_prompt(self) -> None:
        flow = self.flow
        self.set_prompt(self.msg(flow.prompt()))
        doc = flow.document or "—"
        if flow.last_location:
            doc += "  →  " + location_code(flow.last_location)
        self.document.setText(doc)
        self.items.blockSignals(True)
        self.items.clear()
        selected = 0
        for i, item in enumerate(flow.items):
            self.items.addItem(f"{item.quantity} × {item.name}")
            if item.sku == self._current_sku:
                selected = i
        if flow.items:
            self.items.setCurrentRow(selected)
            self._current_sku = flow.items[selected].sku
            self.qty.setText(str(flow.items[selected].quantity))
        else:
            self._current_sku = None
            self.qty.setText("0")
        self.items.blockSignals(False)
        has = bool(flow.items)
        for w in (self.minus, self.plus, self.qty):
            w.setEnabled(has)

    def _selected(self, row: int) -> None:
        if 0 <= row < len(self.flow.items):
            self._current_sku = self.flow.items[row].sku
            self.qty.setText(str(self.flow.items[row].quantity))

    @property
    def quantity(self) -> int:
        return int(self.qty.text() or 0)

    def _bump(self, delta: int) -> None:
        self._set_quantity(self.quantity + delta)

    def handle_text(self, text: str) -> None:
        """A short number typed into the code field sets the selected product's quantity."""
        if text.isdigit() and len(text) <= len(str(MAX_QUANTITY)):
            self._set_quantity(int(text))
            return
        super().handle_text(text)

    def _set_quantity(self, value: int) -> None:
        if self._current_sku is None:
            return
        reaction = self.flow.set_quantity(self._current_sku, value)
        if reaction.level is Level.ERROR:
            self.show_result(reaction.level, self.msg(reaction.message))
            return
        self.clear_result()
        self.render_prompt()

    def on_scan(self, scan: Scan) -> None:
        reaction = self.flow.handle(scan)
        if reaction.level is Level.OK and not reaction.records and self.flow.items:
            # the product just scanned becomes the one the quantity buttons change
            last = self.flow.items[-1]
            gtin = scan.fields.get("gtin", "")
            match = next(
                (i for i in self.flow.items if gtin and i.gtin.lstrip("0") == gtin.lstrip("0")), last
            )
            self._current_sku = match.sku
        self.apply(reaction, self.flow)
