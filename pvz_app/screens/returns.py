"""Returns: refused, damaged, brought-back and expired units go into return boxes, which are closed
and handed to the courier by scanning; the handover act is printed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from shared.barcodes import Scan, ScanKind
from shared.printing.report import HandoverBox, handover_act
from shared.qt import discrepancies, i18n
from shared.qt.messages import fmt
from shared.qt.models import Column, RecordTableModel
from shared.qt.operations import OpFailure
from shared.qt.widgets import make_table
from shared.store import BoxView, ChangeSet, UnitView

from ..logic.returns_flow import ReturnCandidate
from .base import Screen

BROUGHT_BACK_REASONS = ("defect", "wrong_item", "changed_mind")


class ReturnsScreen(Screen):
    key = "returns"

    def title(self) -> str:
        return self.tr("Returns")

    def reason_names(self) -> dict[str, str]:
        return {
            "refused": self.tr("refused at pickup"),
            "damaged": self.tr("damaged"),
            "expired": self.tr("storage period over"),
            "defect": self.tr("brought back: defect"),
            "wrong_item": self.tr("brought back: wrong item"),
            "changed_mind": self.tr("brought back: changed mind"),
        }

    def build(self) -> None:
        self.box: BoxView | None = None
        self.packed: list[str] = []
        self.handover_mode = False
        self.handover_boxes: list[BoxView] = []
        self.courier: str | None = None  # the courier's badge, scanned at the counter
        self.seals: dict[str, str] = {}  # box id -> the seal put on it
        self.box_line = QLabel(self)
        self.box_line.setObjectName("returnBoxLine")
        self.box_line.setProperty("role", "hint")
        self.box_line.setWordWrap(True)
        self.add(self.box_line)
        # handover discrepancies of this point's return boxes (seals that differ, boxes not received)
        self.discrepancy_line = discrepancies.make_line(self)
        self.add(self.discrepancy_line)
        self.model: RecordTableModel[ReturnCandidate] = RecordTableModel(
            [
                Column(self.tr("Unit"), lambda c: c.unit.label, bold=True),
                Column(self.tr("Product"), lambda c: c.unit.product_name),
                Column(self.tr("Cell"), lambda c: c.unit.cell_number or ""),
                Column(self.tr("Reason"), lambda c: self.reason_names().get(c.reason, c.reason)),
            ],
            key=lambda c: c.unit.id,
        )
        self.table = make_table(self.model, self)
        self.table.setObjectName("returnsTable")
        self.add(self.table, 1)
        self.add_action("generate", self.tr("New return box"), "Ctrl+G", self.generate)
        self.add_action("close", self.tr("Close box"), "Ctrl+E", self.close_box)
        self.add_action("handover_mode", self.tr("Hand over to courier"), "Ctrl+H", self.toggle_handover)
        self.add_action("handover", self.tr("Confirm handover"), "Ctrl+Return", self.handover, primary=True)
        # labels and acts print straight to the configured printer; the preview is on demand
        self.add_action("preview", self.tr("Preview"), "Ctrl+P", self.preview)
        self._sync()

    def _sync(self) -> None:
        self.enable(
            generate=not self.handover_mode and self.box is None,
            close=self.box is not None and bool(self.packed),
            handover_mode=self.box is None,
            handover=self.handover_mode and bool(self.handover_boxes),
        )
        if self.handover_mode and not self.handover_boxes and self.courier:
            self.box_line.setText(fmt(self.tr("Handover to courier %1: no boxes scanned yet"), self.courier))
        elif self.handover_mode and not self.handover_boxes:
            self.box_line.setText(self.tr("Handover: no boxes scanned yet"))
        elif self.handover_mode:
            self.box_line.setText(
                fmt(
                    self.tr("Handover to courier %1: %2 boxes scanned: %3"),
                    self.courier or "—",
                    len(self.handover_boxes),
                    ", ".join(f"{b.id} ({self.seals.get(b.id, '—')})" for b in self.handover_boxes),
                )
            )
        elif self.box is not None:
            self.box_line.setText(
                fmt(self.tr("Return box %1: %2 units packed"), self.box.id, len(self.packed))
            )
        else:
            self.box_line.setText(self.tr("No return box open"))
        discrepancies.fill(self.discrepancy_line, self.ctx.flows.returns.discrepancies())

    def reset_prompt(self) -> None:
        if getattr(self, "handover_mode", False):
            self.prompt.set_step(
                self.tr("Scan the courier's badge, then each return box and the seal put on it"),
                self.tr("Then Ctrl+Enter confirms the handover and prints the act."),
            )
        elif getattr(self, "box", None) is None:
            self.prompt.set_step(
                self.tr("Scan a return box label, or Ctrl+G for a new one"),
                self.tr("Units to return are listed below."),
            )
        else:
            self.prompt.set_step(
                self.tr("Scan each unit going into the box"),
                self.tr("Ctrl+E closes the box."),
            )

    def on_activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.query(self.ctx.flows.returns.candidates, self._listed)

    def _listed(self, rows: list[ReturnCandidate]) -> None:
        self.model.set_rows(rows)
        self._sync()  # the box line and the discrepancies a sync may have brought

    def on_changed(self, changes: ChangeSet) -> None:
        if self.active:
            self.refresh()

    # --- scans -------------------------------------------------------------------------------
    def on_scan(self, scan: Scan) -> None:
        if self.handover_mode:
            if scan.kind is ScanKind.BADGE:
                self.courier = scan.code
                self.success(fmt(self.tr("Courier %1"), scan.code))
                self._sync()
                return
            if scan.kind is ScanKind.SEAL:
                self._seal(scan.code)
                return
            if scan.kind is not ScanKind.BOX:
                self.refuse_kind(scan, [ScanKind.BOX, ScanKind.BADGE, ScanKind.SEAL])
                return
            box_id = scan.fields.get("sscc", scan.code)
            self.query(
                lambda: self.ctx.flows.returns.box(box_id), lambda box: self._handover_box(box, box_id)
            )
            return
        if scan.kind is ScanKind.BOX:
            if self.box is not None:
                self.error(fmt(self.tr("Close box %1 first (Ctrl+E)."), self.box.id))
                return
            if scan.fields.get("box_kind", "return") != "return":
                self.error(self.tr("This is a forward box label: scan a return box label."))
                return
            box_id = scan.fields.get("sscc", scan.code)
            self.run(lambda: self.ctx.flows.returns.open_box(box_id), self._opened)
        elif scan.kind is ScanKind.UNIT:
            if self.box is None:
                self.error(i18n.wrong_kind_message(scan.kind, [ScanKind.BOX]))
                return
            self._pack(scan.code)
        else:
            self.refuse_kind(scan, [ScanKind.UNIT] if self.box else [ScanKind.BOX])

    def _opened(self, box: BoxView) -> None:
        self.box = box
        self.packed = [u.id for u in self.ctx.flows.returns.box_units(box.id)]
        self.success(fmt(self.tr("Return box %1 open"), box.id))
        self._sync()
        self.reset_prompt()

    def _pack(self, label: str, reason: str = "") -> None:
        box = self.box
        assert box is not None
        self.run(
            lambda: self.ctx.flows.returns.pack(box.id, label, reason),
            self._packed,
            lambda failure: self._pack_failed(failure, label),
        )

    def _pack_failed(self, failure: OpFailure, label: str) -> None:
        if failure.code == "reason_required":
            names = self.reason_names()
            choose = self.ctx.ports.choose
            options = [names[r] for r in BROUGHT_BACK_REASONS]
            picked = choose(
                self,
                self.tr("Brought back"),
                fmt(self.tr("Why did the customer bring %1 back?"), label),
                options,
            )
            if picked is not None:
                self._pack(label, BROUGHT_BACK_REASONS[options.index(picked)])
            return
        if failure.code == "not_returnable":
            self.error(fmt(self.tr("Unit %1 is not to be returned."), label))
            return
        self.error(failure.message)

    def _packed(self, unit: UnitView) -> None:
        self.packed.append(unit.id)
        self.success(fmt(self.tr("Unit %1 packed"), unit.label))
        self._sync()

    def generate(self) -> None:
        def make() -> tuple[Any, ChangeSet]:
            box_id = self.ctx.flows.returns.new_box_id()
            return self.ctx.flows.returns.open_box(box_id)

        self.run(make, self._generated)

    def _generated(self, box: BoxView) -> None:
        self.ctx.reports.label(ScanKind.BOX, box.id, [self.tr("Return"), self.ctx.site_id])
        self._opened(box)

    def close_box(self) -> None:
        box = self.box
        if box is None:
            return
        self.run(lambda: self.ctx.flows.returns.close_box(box.id), self._closed)

    def _closed(self, box: BoxView) -> None:
        self.success(fmt(self.tr("Return box %1 closed: %2 units"), box.id, box.unit_count))
        self.box = None
        self.packed = []
        self._sync()
        self.reset_prompt()

    def preview(self) -> None:
        """The last label or act printed, in the print preview."""
        if not self.ctx.reports.preview():
            self.info(self.tr("Nothing printed yet."))

    # --- handover ----------------------------------------------------------------------------
    def toggle_handover(self) -> None:
        self.handover_mode = not self.handover_mode
        self.handover_boxes = []
        self.courier, self.seals = None, {}
        self._sync()
        self.reset_prompt()

    def _handover_box(self, box: BoxView | None, box_id: str) -> None:
        if box is None or box.kind != "return":
            self.error(fmt(self.tr("Box %1 is not a return box of this pickup point."), box_id))
        elif not box.closed:
            self.error(fmt(self.tr("Box %1 is not closed yet."), box_id))
        elif box.handed_over:
            self.error(fmt(self.tr("Box %1 was already handed over."), box_id))
        elif any(b.id == box.id for b in self.handover_boxes):
            self.warning(fmt(self.tr("Box %1 is already on the list."), box_id))
        else:
            self.handover_boxes.append(box)
            self.success(fmt(self.tr("Box %1 added"), box_id))
        self._sync()

    def _seal(self, seal: str) -> None:
        """A seal is for the last box scanned that has none yet."""
        box = next((b for b in reversed(self.handover_boxes) if b.id not in self.seals), None)
        if box is None:
            self.error(self.tr("Scan the box first, then the seal put on it."))
        elif seal in self.seals.values():
            self.error(fmt(self.tr("Seal %1 is already on another box."), seal))
        else:
            self.seals[box.id] = seal
            self.success(fmt(self.tr("Box %1: seal %2"), box.id, seal))
        self._sync()

    def handover(self) -> None:
        boxes = list(self.handover_boxes)
        if not boxes:
            return
        if self.courier is None:
            self.error(self.tr("Scan the courier's badge first."))
            return
        unsealed = [b.id for b in boxes if b.id not in self.seals]
        if unsealed:
            self.error(fmt(self.tr("No seal scanned for box %1."), unsealed[0]))
            return
        courier, seals = self.courier, dict(self.seals)
        self.run(
            lambda: self.ctx.flows.returns.handover([b.id for b in boxes], courier, seals),
            lambda result: self._handed(boxes, result),
        )

    def _handed(self, boxes: list[BoxView], result: dict[str, list[str]]) -> None:
        actor = self.ctx.actor
        act = handover_act(
            site=self.ctx.site_id,
            courier=self.courier or "",
            clerk=actor.username if actor else "",
            when=self.ctx.clock.now(),
            boxes=[HandoverBox(b.id, b.unit_count, self.seals.get(b.id, "")) for b in boxes],
            outgoing=True,
            lang=self.ctx.lang,
        )
        self.ctx.reports.output(act)
        self.success(fmt(self.tr("Handed over: %1 boxes, %2 units"), len(boxes), len(result["units"])))
        self.handover_mode = False
        self.handover_boxes = []
        self.courier, self.seals = None, {}
        self._sync()
        self.reset_prompt()
