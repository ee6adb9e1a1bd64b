"""Picking: one line at a time, the location in huge type; scan the location, then the units."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QProgressBar, QWidget

from shared.barcodes import Scan
from shared.domain.operations import MAX_PHOTOS_PER_OP
from shared.qt.messages import fmt

from ..logic.common import Level
from ..logic.picking import PickFlow
from .base import Context, FlowScreen, big_button, info_label


class PickScreen(FlowScreen):
    name = "pick"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.flow: PickFlow | None = None
        self.armed_skip: str | None = None  # a skip button pressed once, waiting for the second press
        # photos of the damage on the current line (location, sku): a damaged skip names them
        self.photos: list[str] = []
        self.photo_line: tuple[str, str] | None = None
        self.location = info_label(self, "BigLocation", centered=True)
        self.product = info_label(self, "LineProduct")
        self.line_info = info_label(self, "LineInfo")
        self.progress = QProgressBar(self)
        self.progress.setFormat("%v / %m")
        self.body.addWidget(self.location)
        self.body.addWidget(self.product)
        self.body.addWidget(self.line_info)
        self.body.addStretch(1)
        self.body.addWidget(self.progress)
        self.not_found = self.add_action(big_button("", self), "F1", lambda: self.skip("not_found"))
        self.damaged = self.add_action(big_button("", self), "F2", lambda: self.skip("damaged"))
        self.photo = self.add_action(big_button("", self), "F4", self.take_photo)
        self.back = self.add_action(big_button("", self), "Esc", lambda: self.go("tasks"))
        self.next_task = self.add_action(big_button("", self, primary=True), "F3", lambda: self.go("tasks"))
        self.button_row(self.not_found, self.damaged)
        # Photo shows while a line is open, Next task once all are done: two buttons a row at most
        self.button_row(self.back, self.photo, self.next_task)
        self.retranslate()

    def retranslate(self) -> None:
        self.label_button(self.not_found, self.tr("Not found"))
        self.label_button(self.damaged, self.tr("Damaged"))
        self.label_button(
            self.photo, fmt(self.tr("Photo (%1)"), len(self.photos)) if self.photos else self.tr("Photo")
        )
        self.label_button(self.back, self.tr("Tasks"))
        self.label_button(self.next_task, self.tr("Next task"))

    def title(self) -> str:
        return self.tr("Picking")

    def activate(self, arg: Any = None) -> None:
        if isinstance(arg, str) and (self.flow is None or self.flow.task_id != arg):
            self.flow = PickFlow(self.ctx.services.data, arg)
            self.armed_skip = None
            self.clear_result()
        self.refresh()

    def render_prompt(self) -> None:
        flow = self.flow
        if flow is None:
            return
        line = flow.current
        self.set_prompt(self.msg(flow.prompt()))
        self.progress.setRange(0, max(1, flow.total))
        self.progress.setValue(flow.picked_count)  # picked only: a shortage is not progress
        if flow.short_count:
            self.progress.setFormat(fmt(self.tr("%v / %m picked · %1 short"), flow.short_count))
        else:
            self.progress.setFormat("%v / %m")
        finished = line is None
        if self.photos and (line is None or (line.location_id, line.sku) != self.photo_line):
            self.photos, self.photo_line = [], None  # another line: its photos went with its skip
            self.retranslate()
        self.not_found.setVisible(not finished)
        self.damaged.setVisible(not finished)
        self.photo.setVisible(not finished)
        self.next_task.setVisible(finished)
        if line is None:
            self.location.setText("✓")
            if flow.short_count:
                self.product.setText(
                    fmt(
                        self.tr("Every line is done: %1 units short, recorded for the office."),
                        flow.short_count,
                    )
                )
            else:
                self.product.setText(self.tr("Every line of this task is done."))
            self.line_info.setText("")
            self.location.setProperty("confirmed", True)
        else:
            self.location.setText(line.location_code)
            self.location.setProperty("confirmed", flow.location_confirmed)
            self.product.setText(line.product_name or line.sku)
            self.line_info.setText(
                fmt(
                    self.tr("Line %1 of %2 · picked %3 of %4"),
                    flow.line_number,
                    len(flow.lines),
                    line.picked,
                    line.demand,
                )
            )
        self.location.style().unpolish(self.location)
        self.location.style().polish(self.location)

    def on_scan(self, scan: Scan) -> None:
        if self.flow is None:
            return
        self.armed_skip = None
        self.apply(self.flow.handle(scan), self.flow)

    def skip(self, reason: str) -> None:
        """A shortage is final: the first tap asks, a second tap of the same button records it."""
        if self.flow is None or self.flow.current is None:
            return
        if self.armed_skip != reason:
            self.armed_skip = reason
            count = len(self.flow.current.open_units)
            text = (
                self.tr("Not found: %1 left on this line. Press again to record the shortage.")
                if reason == "not_found"
                else self.tr("Damaged: %1 left on this line. Press again to record them.")
            )
            self.show_result(Level.WARN, fmt(text, count))
            return
        self.armed_skip = None
        reaction = self.flow.skip(reason, self.photos if reason == "damaged" else ())
        if not reaction.records:
            self.show_result(Level.INFO, self.msg(reaction.message))
            return
        self.apply(reaction, self.flow)

    def take_photo(self) -> None:
        """Photograph the damage on this line (camera or file); a damaged skip then names the photos."""
        flow, session = self.flow, self.ctx.session()
        line = flow.current if flow is not None else None
        if line is None or session is None or not line.open_units:
            return
        unit_id = line.open_units[0].id
        journal = self.ctx.services.journal
        taken = self.take_photos(
            f"{line.location_code} · {line.product_name or line.sku}",
            lambda data: journal.save_photo(data, unit_id, session),
        )
        if not taken:
            return
        key = (line.location_id, line.sku)
        if self.photo_line != key:
            self.photos, self.photo_line = [], key
        self.photos += [sha for sha in taken if sha not in self.photos]
        self.photos = self.photos[-MAX_PHOTOS_PER_OP:]  # an op names at most this many
        self.retranslate()
        self.armed_skip = None
        self.show_result(
            Level.INFO,
            fmt(
                self.tr("%1 photo(s) kept. Press Damaged twice to record the damage with them."),
                len(self.photos),
            ),
        )
