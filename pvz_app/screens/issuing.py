"""Issuing: verify the pickup QR or short code offline, fetch each unit, mark taken or refused,
complete: ISSUED and REFUSED in one operation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from shared.barcodes import Scan, ScanKind
from shared.qt import i18n
from shared.qt.camera import CameraPanel
from shared.qt.models import Column, RecordTableModel
from shared.qt.operations import OpFailure
from shared.qt.widgets import make_table
from shared.store import ChangeSet

from ..logic.issuing import REFUSAL_REASONS, PickupError, PickupSession, PickupUnit, not_ready_reason
from .base import Screen


class IssuingScreen(Screen):
    key = "issuing"

    def title(self) -> str:
        return self.tr("Issuing")

    def reason_names(self) -> dict[str, str]:
        return {
            "did_not_fit": self.tr("did not fit"),
            "damaged": self.tr("damaged"),
            "not_as_described": self.tr("not as described"),
            "changed_mind": self.tr("changed mind"),
            "other": self.tr("other reason"),
        }

    def not_ready_names(self) -> dict[str, str]:
        return {
            "other_pvz": self.tr("goes to another pickup point"),
            "at_warehouse": self.tr("still at the warehouse"),
            "in_transit": self.tr("in transit to this pickup point"),
            "issued": self.tr("already issued"),
            "refused": self.tr("refused earlier"),
            "unavailable": self.tr("not available"),
        }

    def build(self) -> None:
        self.session: PickupSession | None = None
        row = QWidget(self)
        form = QFormLayout(row)
        form.setContentsMargins(0, 0, 0, 0)
        self.code = QLineEdit(row)
        self.code.setObjectName("shortCode")
        self.code.setPlaceholderText(self.tr("8 digits the customer dictates"))
        self.code.setMaxLength(12)
        self.code.returnPressed.connect(self.submit_code)
        form.addRow(self.tr("Short code"), self.code)
        self.add(row)
        self.order_line = QLabel(self)
        self.order_line.setObjectName("orderLine")
        self.order_line.setProperty("role", "hint")
        self.order_line.setWordWrap(True)
        self.add(self.order_line)
        # F11: the customer's QR from the phone screen, or units and marking codes, through the camera
        self.camera = CameraPanel(
            self.ctx.scanner,
            source_factory=self.ctx.extras.get("camera_source"),
            clock=self.ctx.clock,
            preview_size=QSize(256, 144),
            beside=True,
            parent=self,
        )
        self.add(self.camera)
        self.model: RecordTableModel[PickupUnit] = RecordTableModel(
            [
                Column(self.tr("Cell"), lambda u: u.cell_number or "", bold=True),
                Column(self.tr("Unit"), lambda u: u.label),
                Column(self.tr("Product"), lambda u: u.product),
                Column(self.tr("Status"), self._status_text),
            ],
            key=lambda u: u.id,
            tone=self._tone,
            greyed=self._greyed,
        )
        self.table = make_table(self.model, self)
        self.table.setObjectName("pickupTable")
        # the status is what the clerk acts on: always whole; a long product name gives way
        # (elided, whole in its tooltip) instead of pushing the status off the right edge
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.add(self.table, 1)
        self.add_action("refuse", self.tr("Refused"), "Ctrl+R", self.refuse)
        self.add_action("take", self.tr("Taken"), "Ctrl+T", self.take)
        self.add_action("complete", self.tr("Complete"), "Ctrl+Return", self.complete, primary=True)
        self.add_action("cancel", self.tr("Next customer"), "Ctrl+N", self.cancel)
        self.add_action("camera", self.tr("Camera"), "F11", self.camera.toggle)
        self._sync_actions()

    # --- table texts -------------------------------------------------------------------------
    def _greyed(self, u: PickupUnit) -> str | None:
        s = self.session
        if s is None:
            return None
        reason = not_ready_reason(u, s.site_id)
        return None if reason is None else self.not_ready_names()[reason]

    def _status_text(self, u: PickupUnit) -> str:
        s = self.session
        if s is None:
            return ""
        greyed = self._greyed(u)
        if greyed:
            return greyed
        decision = s.decision(u.id)
        if decision == "refused":
            return self.tr("refused: %1").replace("%1", self.reason_names()[s.refused[u.id]])
        return {
            "waiting": self.tr("fetch from the cell and scan"),
            "marking": self.tr("scan the marking DataMatrix"),
            "taken": self.tr("taken"),
        }[decision]

    def _tone(self, u: PickupUnit) -> str | None:
        s = self.session
        if s is None or self._greyed(u):
            return None
        return {"taken": "ok", "refused": "warn", "marking": "info"}.get(s.decision(u.id))

    # --- state -------------------------------------------------------------------------------
    def _sync_actions(self) -> None:
        s = self.session
        self.enable(
            refuse=bool(s and s.fetched),
            take=bool(s and s.refused),
            complete=bool(s and s.can_complete),
            cancel=True,  # with no pickup open it clears a refused code for the next customer
        )

    def _render(self) -> None:
        s = self.session
        self.model.set_rows(s.units if s else [])
        if s is None:
            self.order_line.setText("")
        else:
            self.order_line.setText(
                self.tr("Order %1: %2 ready, %3 fetched, %4 refused")
                .replace("%1", s.order_id)
                .replace("%2", str(len(s.ready)))
                .replace("%3", str(len(s.fetched)))
                .replace("%4", str(len(s.refused)))
            )
        self._sync_actions()

    def reset_prompt(self) -> None:
        s = getattr(self, "session", None)
        if s is None:
            self.prompt.set_step(
                self.tr("Scan the customer's pickup QR code"),
                self.tr("or type the 8-digit short code and press Enter"),
            )
            return
        if s.awaiting_marking:
            unit = s.unit(s.awaiting_marking)
            self.prompt.set_step(
                self.tr("Scan the marking DataMatrix on the product"),
                self.tr("Unit %1 needs its Chestny Znak code").replace("%1", unit.label if unit else ""),
                tone="warn",
            )
            return
        if not s.ready:
            self.prompt.set_step(
                self.tr("Nothing to issue: no unit of order %1 is here yet").replace("%1", s.order_id),
                self._not_ready_summary(s),
                tone="warn",
            )
            return
        left = [u for u in s.ready if u.id not in s.fetched]
        if left:
            cells = sorted({u.cell_number for u in left if u.cell_number})
            self.prompt.set_step(
                self.tr("Fetch from cell %1 and scan each unit").replace("%1", ", ".join(map(str, cells))),
                self.tr("%1 units to fetch. Ctrl+R marks a refused unit.").replace("%1", str(len(left))),
            )
        else:
            self.prompt.set_step(
                self.tr("Everything fetched: complete the pickup (Ctrl+Enter)"),
                self.tr("Ctrl+R marks a unit the customer refuses."),
                tone="ok",
            )

    def _not_ready_summary(self, s: PickupSession) -> str:
        """'2 still at the warehouse, 1 in transit to this pickup point. Ctrl+N: next customer.'"""
        names = self.not_ready_names()
        parts = [f"{n} {names.get(reason, reason)}" for reason, n in s.not_ready().items()]
        return self.tr("%1. Ctrl+N: next customer.").replace("%1", ", ".join(parts))

    def on_activated(self) -> None:
        if self.session is None:
            self.code.setFocus()

    # --- scans -------------------------------------------------------------------------------
    def on_scan(self, scan: Scan) -> None:
        s = self.session
        if scan.kind is ScanKind.PICKUP:
            if s is not None and s.fetched:
                self.error(self.tr("Complete or cancel the current pickup first (Ctrl+Enter / Ctrl+N)."))
                return
            token = scan.code
            self.query(lambda: self.ctx.service.pickup(token), self._loaded, self._load_failed)
            return
        if s is None:
            self.refuse_kind(scan, [ScanKind.PICKUP])
            return
        if scan.kind is ScanKind.UNIT:
            label = scan.code
            self.query(
                lambda: self.ctx.service.unit_id_for(label),
                lambda unit_id: self._fetch(unit_id, label),
                self._fetch_failed,
            )
        elif scan.kind is ScanKind.MARKING:
            self._mark(scan)
        else:
            self.refuse_kind(scan, [ScanKind.MARKING] if s.awaiting_marking else [ScanKind.UNIT])

    def submit_code(self) -> None:
        text = self.code.text().strip()
        if not text:
            return
        self.query(lambda: self.ctx.service.pickup(text), self._loaded, self._load_failed)

    def _loaded(self, session: PickupSession) -> None:
        self.session = session
        self.code.clear()
        self._render()
        if session.ready:
            self.success(
                self.tr("Order %1: %2 units ready")
                .replace("%1", session.order_id)
                .replace("%2", str(len(session.ready)))
            )
        else:
            self.warning(self.tr("Nothing of this order is ready here yet."))
        self.reset_prompt()
        self.table.setFocus()

    def _load_failed(self, failure: OpFailure) -> None:
        self.prompt.set_step(failure.message, self.tr("Check the code with the customer."), tone="error")
        self.error(failure.message)

    def _fetch(self, unit_id: str | None, label: str) -> None:
        """The label's unit was looked up (worker); the pickup state changes here, on the GUI thread."""
        s = self.session
        if s is None:
            return
        try:
            unit = s.fetch(unit_id, label)
        except PickupError as exc:
            self.loud(self._pickup_message(exc, exc.message))
            return
        self._fetched(unit)

    def _fetched(self, unit: PickupUnit) -> None:
        self._render()
        row = self.model.find(unit.id)
        if row >= 0:
            self.table.selectRow(row)
        if unit.needs_marking:
            self.warning(self.tr("Unit %1: now scan its marking DataMatrix").replace("%1", unit.label))
        else:
            self.success(self.tr("Unit %1 fetched").replace("%1", unit.label))
        self.reset_prompt()

    def _fetch_failed(self, failure: OpFailure) -> None:
        self.loud(self._pickup_message(failure.error, failure.message))

    def _pickup_message(self, error: BaseException | None, fallback: str) -> str:
        if not isinstance(error, PickupError):
            return fallback
        code = error.code
        if code == "wrong_unit":
            return self.tr("WRONG UNIT %1: it is not in this customer's order. Put it back.").replace(
                "%1", error.message
            )
        if code.startswith("not_ready:"):
            return (
                self.tr("Unit %1 cannot be issued: %2")
                .replace("%1", error.message)
                .replace("%2", self.not_ready_names().get(code.split(":", 1)[1], ""))
            )
        if code == "already_fetched":
            return self.tr("Unit %1 is already fetched.").replace("%1", error.message)
        if code == "marking_expected":
            return self.tr("Scan the marking DataMatrix of unit %1 first.").replace("%1", error.message)
        if code == "gtin_mismatch":
            return self.tr("The marking code belongs to another product: check the item.")
        if code == "marking_not_needed":
            return self.tr("No marking code is needed now: scan a unit label.")
        return fallback

    def loud(self, message: str) -> None:
        self.prompt.set_step(message, tone="error")
        self.error(message)

    def _mark(self, scan: Scan) -> None:
        s = self.session
        assert s is not None
        try:
            unit = s.mark(scan.fields.get("gtin", ""), scan.code)
        except PickupError as exc:
            self.loud(self._pickup_message(exc, exc.message))
            return
        self._render()
        self.success(self.tr("Marking checked: %1").replace("%1", unit.label))
        self.reset_prompt()

    # --- actions -----------------------------------------------------------------------------
    def _selected(self) -> PickupUnit | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def refuse(self) -> None:
        s, unit = self.session, self._selected()
        if s is None:
            return
        if unit is None or unit.id not in s.fetched:
            self.error(self.tr("Select a fetched unit (arrows), then Ctrl+R."))
            return
        names = self.reason_names()
        choose = self.ctx.extras.get("choose", _choose)
        picked = choose(
            self,
            self.tr("Refusal reason"),
            self.tr("Why does the customer refuse %1?").replace("%1", unit.label),
            [names[r] for r in REFUSAL_REASONS],
        )
        if picked is None:
            return
        reason = REFUSAL_REASONS[[names[r] for r in REFUSAL_REASONS].index(picked)]
        try:
            s.refuse(unit.id, reason)
        except PickupError as exc:
            self.error(self._pickup_message(exc, exc.message))
            return
        self._render()
        self.warning(self.tr("Unit %1 refused: %2").replace("%1", unit.label).replace("%2", picked))
        self.reset_prompt()

    def take(self) -> None:
        s, unit = self.session, self._selected()
        if s is None or unit is None:
            return
        s.take(unit.id)
        self._render()
        if s.decision(unit.id) == "marking":
            self.warning(self.tr("Unit %1 taken: now scan its marking DataMatrix").replace("%1", unit.label))
        else:
            self.info(self.tr("Unit %1 taken").replace("%1", unit.label))
        self.reset_prompt()

    def complete(self) -> None:
        s = self.session
        if s is None or not s.can_complete:
            return
        self.run(lambda: self.ctx.service.complete_pickup(s), self._completed)

    def _completed(self, payload: dict[str, Any]) -> None:
        issued, refused = len(payload["issued"]), len(payload["refused"])
        self.session = None
        self._render()
        self.success(
            self.tr("Pickup complete: %1 issued, %2 refused")
            .replace("%1", str(issued))
            .replace("%2", str(refused))
        )
        self.reset_prompt()
        self.code.setFocus()

    def cancel(self) -> None:
        s = self.session
        if s is None:
            # a code that was refused (red) goes away: the screen is ready for the next customer
            self.code.clear()
            self.reset_prompt()
            self.clear_stale()
            self.code.setFocus()
            return
        if s.started and not self.ctx.extras.get("confirm", _confirm)(
            self,
            self.tr("Next customer"),
            self.tr(
                "%1 units of order %2 were fetched and nothing is recorded yet. Drop this pickup and "
                "put them back in their cells?"
            )
            .replace("%1", str(len(s.fetched)))
            .replace("%2", s.order_id),
        ):
            self.info(self.tr("The pickup goes on: complete it with Ctrl+Enter."))
            return
        self.session = None
        self._render()
        self.info(self.tr("Pickup cancelled: nothing was recorded."))
        self.reset_prompt()
        self.code.setFocus()

    def on_changed(self, changes: ChangeSet) -> None:
        s = self.session
        if s is not None and not s.fetched and (changes.full or changes.units & {u.id for u in s.units}):
            order_id = s.order_id
            self.query(lambda: self.ctx.service._pickup_session(order_id), self._refreshed)

    def _refreshed(self, session: PickupSession) -> None:
        if (
            self.session is not None
            and self.session.order_id == session.order_id
            and not self.session.fetched
        ):
            self.session = session
            self._render()


def _confirm(parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter keeps the customer's pickup
    return box.exec() == QMessageBox.StandardButton.Yes


def _choose(parent: QWidget, title: str, label: str, items: list[str]) -> str | None:
    item, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return item if ok else None


__all__ = ["IssuingScreen", "i18n"]
