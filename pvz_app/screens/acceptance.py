"""Acceptance: scan a box, then each unit; the app suggests a cell, the clerk confirms by scanning it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from shared.barcodes import Scan, ScanKind
from shared.domain import UnitStatus
from shared.printing.report import AcceptanceLine, acceptance_report
from shared.qt import discrepancies, i18n
from shared.qt.messages import fmt
from shared.qt.models import Column, RecordTableModel
from shared.qt.operations import OpFailure
from shared.qt.photo_capture import PhotoCaptureDialog
from shared.qt.widgets import make_table
from shared.store import ChangeSet

from ..logic.acceptance import AcceptanceSession, BoxUnit, Placement
from .base import Screen


class AcceptanceScreen(Screen):
    key = "acceptance"

    def title(self) -> str:
        return self.tr("Acceptance")

    def build(self) -> None:
        self.session: AcceptanceSession | None = None
        self.box_line = QLabel(self)
        self.box_line.setObjectName("boxLine")
        self.box_line.setProperty("role", "hint")
        self.box_line.setWordWrap(True)
        self.add(self.box_line)
        self.model: RecordTableModel[BoxUnit] = RecordTableModel(
            [
                Column(self.tr("Unit"), lambda u: u.label, bold=True),
                Column(self.tr("Product"), lambda u: u.product),
                Column(self.tr("Customer"), lambda u: u.customer),
                Column(self.tr("State"), lambda u: i18n.state_name(u.status)),
                Column(self.tr("Cell"), lambda u: u.cell_number or ""),
            ],
            key=lambda u: u.id,
            tone=self._tone,
        )
        self.table = make_table(self.model, self)
        self.table.setObjectName("acceptanceTable")
        self.add(self.table, 1)
        # handover discrepancies of boxes to this pickup point (seals that differ, boxes not received)
        self.discrepancy_line = discrepancies.make_line(self)
        self.add(self.discrepancy_line)
        self.add_action("other_cell", self.tr("Other cell"), "Ctrl+G", self.other_cell)
        self.add_action("shortage", self.tr("Shortage"), "Ctrl+D", self.shortage)
        self.add_action("surplus", self.tr("Surplus"), "Ctrl+I", self.surplus)
        self.add_action("damage", self.tr("Damaged"), "Ctrl+B", self.damage)
        self.add_action("no_seal", self.tr("No seal"), "Ctrl+J", self.no_seal)
        self.add_action("seal_broken", self.tr("Seal broken"), "Ctrl+K", self.seal_broken)
        self.add_action("close", self.tr("Close box"), "Ctrl+E", self.close_box, primary=True)
        self.add_action("report", self.tr("Preview"), "Ctrl+P", self.preview_report)
        self._sync_actions()

    @staticmethod
    def _tone(u: BoxUnit) -> str | None:
        return {
            UnitStatus.ACCEPTED: "ok",
            UnitStatus.MISSING: "error",
            UnitStatus.DAMAGED: "warn",
        }.get(u.status)

    # --- state -------------------------------------------------------------------------------
    def _sync_actions(self) -> None:
        s = self.session
        open_box = s is not None
        self.enable(
            other_cell=bool(s and s.placement),
            shortage=open_box,
            surplus=bool(s and s.last_unknown),
            damage=open_box,
            no_seal=bool(s and s.needs_seal),
            seal_broken=bool(s and not s.closed_before),
            close=open_box,
            report=True,  # the open box's report, or the last closed box's
        )

    def _render(self) -> None:
        discrepancies.fill(self.discrepancy_line, self.ctx.flows.acceptance.discrepancies())
        s = self.session
        if s is None:
            self.model.set_rows([])
            self.box_line.setText("")
        else:
            self.model.set_rows(s.units)
            c = s.counts()
            self.box_line.setText(
                fmt(
                    self.tr(
                        "Box %1: expected %2, accepted %3, waiting %4, shortage %5, damaged %6, surplus %7"
                    ),
                    s.box_id,
                    c["expected"],
                    c["accepted"],
                    c["waiting"],
                    c["missing"],
                    c["damaged"],
                    c["surplus"],
                )
            )
        self._sync_actions()

    def reset_prompt(self) -> None:
        s = getattr(self, "session", None)
        if s is None:
            self.prompt.set_step(
                self.tr("Scan a box label"), self.tr("The units shipped in the box will appear.")
            )
        elif s.placement is not None:
            self._prompt_placement(s.placement)
        elif s.needs_seal:
            self.prompt.set_step(
                fmt(self.tr("Scan or type the seal number on box %1"), s.box_id),
                self.tr("Ctrl+J: the box came without a seal. Ctrl+K: the seal is broken (photos)."),
                tone="warn",
            )
        elif s.done:
            self.prompt.set_step(
                self.tr("All units scanned: close the box (Ctrl+E)"),
                self.tr("Ctrl+P shows the acceptance report before it prints."),
                tone="ok",
            )
        else:
            self.prompt.set_step(
                self.tr("Scan the next unit from the box"),
                fmt(self.tr("%1 units still to scan"), len(s.waiting)),
            )

    def _prompt_placement(self, p: Placement) -> None:
        if p.chosen_freely:
            self.prompt.set_step(
                self.tr("Scan the label of any cell with room"),
                fmt(self.tr("Unit %1"), p.unit.label),
                tone="warn",
            )
        elif p.unit.status is UnitStatus.MISSING:
            self.prompt.set_step(
                fmt(self.tr("Put it in cell %1 and scan the cell label"), p.cell.number),
                fmt(self.tr("Unit %1 was recorded short: the cell scan records it as found"), p.unit.label),
                tone="warn",
            )
        else:
            self.prompt.set_step(
                fmt(self.tr("Put it in cell %1 and scan the cell label"), p.cell.number),
                fmt(
                    self.tr("Unit %1 · %2") if p.unit.customer else self.tr("Unit %1"),
                    p.unit.label,
                    p.unit.customer,
                ),
            )

    # --- scans -------------------------------------------------------------------------------
    def on_scan(self, scan: Scan) -> None:
        s = self.session
        if s is None and scan.kind is ScanKind.UNIT:
            # no box open: a unit recorded short that turned up is placed (and found) all the same
            label = scan.code
            self.query(
                lambda: self.ctx.flows.acceptance.found_in_box(label),
                self._opened_for_found,
                lambda failure: self._found_failed(failure, scan),
            )
            return
        if s is None or (s.done and scan.kind is ScanKind.BOX and s.placement is None):
            if scan.kind is not ScanKind.BOX:
                self.refuse_kind(scan, [ScanKind.BOX])
                return
            box_id = scan.fields.get("sscc", scan.code)
            self.query(lambda: self.ctx.flows.acceptance.open_box(box_id), self._opened)
            return
        if scan.kind is ScanKind.SEAL:
            self._sealed(s, scan.code)
            return
        if s.placement is not None:
            if scan.kind is ScanKind.CELL:
                cell_id = scan.fields["cell_id"]
                placement = s.placement
                self.run(
                    lambda: self.ctx.flows.acceptance.place(s.box_id, placement, cell_id),
                    self._placed,
                    self._place_failed,
                )
            elif scan.kind is ScanKind.UNIT:
                self.error(
                    fmt(
                        self.tr("First put unit %1 in its cell and scan the cell label."),
                        s.placement.unit.label,
                    )
                )
            else:
                self.refuse_kind(scan, [ScanKind.CELL])
            return
        if scan.kind is ScanKind.UNIT:
            label = scan.code
            self.query(
                lambda: self.ctx.flows.acceptance.suggest_for(s, label),
                self._suggested,
                lambda failure: self._unit_failed(failure, label),
            )
        elif scan.kind is ScanKind.BOX:
            self.error(fmt(self.tr("Close box %1 first (Ctrl+E)."), s.box_id))
        else:
            self.refuse_kind(scan, [ScanKind.UNIT])

    def _opened(self, session: AcceptanceSession) -> None:
        self.session = session
        self._render()
        self.success(fmt(self.tr("Box %1: %2 units expected"), session.box_id, len(session.units)))
        self.reset_prompt()

    def _opened_for_found(self, session: AcceptanceSession) -> None:
        placement = session.placement
        session.placement = None
        self.session = session
        if placement is not None:
            self._suggested(placement)

    def _found_failed(self, failure: OpFailure, scan: Scan) -> None:
        if failure.code == "scan_box_first":
            self.refuse_kind(scan, [ScanKind.BOX])
        else:
            self.prompt.set_step(failure.message, tone="error")
            self.error(failure.message)

    def _suggested(self, placement: Placement) -> None:
        if self.session is None:
            return
        self.session.placement = placement
        self.session.last_unknown = None
        self._render()
        row = self.model.find(placement.unit.id)
        if row >= 0:
            self.table.selectRow(row)
        self.info(fmt(self.tr("Cell %1"), placement.cell.number))
        self._prompt_placement(placement)

    def _unit_failed(self, failure: OpFailure, label: str) -> None:
        if self.session is not None:
            self.session.last_unknown = label if failure.code in ("surplus_candidate", "not_in_box") else None
        self._render()
        if failure.code == "surplus_candidate":
            self.prompt.set_step(
                self.tr("Not in this box: record it as surplus (Ctrl+I)"),
                failure.detail,
                tone="warn",
            )
            self.warning(self.tr("This unit is not in the box. Ctrl+I records it as surplus."))
        else:
            self.prompt.set_step(failure.message, tone="error")
            self.error(failure.message)

    def _placed(self, unit: BoxUnit) -> None:
        was_short = False
        if self.session is not None:
            before = self.session.find(unit.label)
            was_short = before is not None and before.status is UnitStatus.MISSING
            self.session.update(unit)
            self.session.placement = None
        self._render()
        text = self.tr("Found: unit %1 is in cell %2") if was_short else self.tr("Unit %1 is in cell %2")
        self.success(fmt(text, unit.label, unit.cell_number))
        self.reset_prompt()

    def _place_failed(self, failure: OpFailure) -> None:
        self.error(failure.message)
        s = self.session
        if s and s.placement:
            self.prompt.set_step(
                failure.message,
                fmt(self.tr("Expected cell %1, or Ctrl+G for another cell"), s.placement.cell.number),
                tone="error",
            )

    # --- actions -----------------------------------------------------------------------------
    def _target_unit(self) -> BoxUnit | None:
        s = self.session
        if s is None:
            return None
        if s.placement is not None:
            return s.placement.unit
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return self.model.row_at(rows[0].row())
        return None

    def other_cell(self) -> None:
        s = self.session
        if s is None or s.placement is None:
            return
        s.placement = Placement(s.placement.unit, s.placement.cell, chosen_freely=True)
        self._prompt_placement(s.placement)

    def shortage(self) -> None:
        s, unit = self.session, self._target_unit()
        if s is None:
            return
        if unit is None or unit.status is not UnitStatus.SHIPPED:
            self.error(self.tr("Select a unit that was not scanned (arrows), then Ctrl+D."))
            return
        self.run(
            lambda: self.ctx.flows.acceptance.mark_shortage(unit.id),
            lambda fresh: self._marked(self.tr("Shortage recorded: %1"), fresh),
        )

    def damage(self) -> None:
        s, unit = self.session, self._target_unit()
        if s is None:
            return
        if unit is None or unit.status not in (UnitStatus.SHIPPED, UnitStatus.ACCEPTED):
            self.error(self.tr("Scan or select the damaged unit, then Ctrl+B."))
            return
        self.run(
            lambda: self.ctx.flows.acceptance.mark_damaged(unit.id),
            lambda fresh: self._marked(self.tr("Damage recorded: %1"), fresh),
        )

    def _marked(self, text: str, unit: BoxUnit) -> None:
        s = self.session
        if s is not None:
            s.update(unit)
            if s.placement is not None and s.placement.unit.id == unit.id:
                s.placement = None
        self._render()
        self.success(fmt(text, unit.label))
        self.reset_prompt()

    def surplus(self) -> None:
        s = self.session
        if s is None or not s.last_unknown:
            return
        label = s.last_unknown
        known = list(s.surplus)
        self.run(lambda: self.ctx.flows.acceptance.record_surplus(s.box_id, label, known), self._surplus_done)

    def _surplus_done(self, label: str) -> None:
        if self.session is not None:
            self.session.surplus.append(label)
            self.session.last_unknown = None
        self._render()
        self.success(fmt(self.tr("Surplus recorded: %1"), label))
        self.reset_prompt()

    def close_box(self) -> None:
        s = self.session
        if s is None:
            return
        if s.needs_seal:  # the receiving side of the handover: the seal found, or none, is recorded
            text = fmt(self.tr("Scan the seal on box %1 first, or Ctrl+J if it came without one."), s.box_id)
            self.prompt.set_step(text, tone="error")
            self.error(text)
            return
        if s.waiting and not self.ctx.ports.confirm(
            self,
            self.tr("Close the box"),
            fmt(
                self.tr("%1 units were not scanned and will be recorded as a shortage. Close the box?"),
                len(s.waiting),
            ),
        ):
            return
        waiting = [u.id for u in s.waiting]
        seal, broken = s.seal, s.seal_broken
        self.run(lambda: self.ctx.flows.acceptance.close_box(s.box_id, waiting, seal, broken), self._closed)

    # --- the seal on the box (the receiving side of the handover) ---------------------------
    def _sealed(self, s: AcceptanceSession, seal: str) -> None:
        s.seal = seal
        self.success(fmt(self.tr("Seal %1 recorded for box %2"), seal, s.box_id))
        self._render()
        self.reset_prompt()

    def no_seal(self) -> None:
        s = self.session
        if s is None or s.closed_before:
            return
        s.seal = ""
        self.warning(fmt(self.tr("Box %1 came without a seal: recorded"), s.box_id))
        self._render()
        self.reset_prompt()

    def seal_broken(self) -> None:
        """The seal is broken: photos of the box (they go with the close) and the seal's number."""
        s = self.session
        if s is None or s.closed_before:
            return
        s.seal_broken = True
        acceptance = self.ctx.flows.acceptance
        box_id = s.box_id

        def save(data: bytes) -> str:
            return acceptance.save_box_photo(box_id, data)

        factory = self.ctx.ports.camera_source
        dialog = PhotoCaptureDialog(save, subject=box_id, source_factory=factory, parent=self)
        dialog.exec()
        self.window().activateWindow()
        self.warning(fmt(self.tr("Seal of box %1 recorded as broken, photos: %2"), box_id, len(dialog.taken)))
        self._render()
        self.reset_prompt()

    def _closed(self, units: list[BoxUnit]) -> None:
        s = self.session
        if s is not None:
            s.units = list(units)
            s.placement = None
        counts = s.counts() if s is not None else {"accepted": 0, "missing": 0}
        self.success(
            fmt(self.tr("Box closed: accepted %1, shortage %2"), counts["accepted"], counts["missing"])
        )
        if s is not None:
            self.ctx.reports.output(self.report(s))
        self.session = None
        self._render()
        self.reset_prompt()

    def report(self, s: AcceptanceSession) -> Any:
        outcome = {
            UnitStatus.ACCEPTED: "accepted",
            UnitStatus.MISSING: "missing",
            UnitStatus.DAMAGED: "damaged",
        }
        lines = [
            AcceptanceLine(u.label, u.product, outcome.get(u.status, "missing"), str(u.cell_number or ""))
            for u in s.units
            if u.status in outcome
        ]
        lines += [AcceptanceLine(label, "", "surplus") for label in s.surplus]
        actor = self.ctx.actor
        return acceptance_report(
            site=self.ctx.site_id,
            box_sscc=s.box_id,
            when=self.ctx.clock.now(),
            clerk=actor.username if actor else "",
            lines=lines,
            lang=self.ctx.lang,
        )

    def preview_report(self) -> None:
        """The acceptance report in the print preview, on demand: the open box's so far, or the
        last closed box's (closing prints it straight to the configured printer)."""
        if self.session is not None:
            self.ctx.reports.preview(self.report(self.session))
        elif not self.ctx.reports.preview():
            self.info(self.tr("Nothing printed yet: close a box first."))

    def on_changed(self, changes: ChangeSet) -> None:
        s = self.session
        if changes.full or changes.discrepancies:
            self._render()
        if s is not None and (
            changes.full or s.box_id in changes.boxes or changes.units & {u.id for u in s.units}
        ):
            box_id = s.box_id
            self.query(lambda: self.ctx.flows.acceptance.open_box(box_id), self._reloaded)

    def _reloaded(self, fresh: AcceptanceSession) -> None:
        """Units changed (a sync, another screen): update them in place, keep the current step."""
        s = self.session
        if s is None or s.box_id != fresh.box_id:
            return
        known = {u.id for u in s.units}
        for unit in fresh.units:
            if unit.id in known:
                s.update(unit)
            else:
                s.units.append(unit)
        self._render()
