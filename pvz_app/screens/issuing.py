"""Issuing: verify the pickup QR or short code offline, fetch each unit, mark taken or refused,
complete: ISSUED and REFUSED in one operation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QWidget,
)

from shared.barcodes import Scan, ScanKind
from shared.domain.operations import REFUSAL_REASONS
from shared.qt import i18n
from shared.qt.camera import CameraPanel
from shared.qt.messages import fmt
from shared.qt.models import Column, RecordTableModel
from shared.qt.operations import OpFailure
from shared.qt.widgets import make_table
from shared.store import ChangeSet

from ..logic.fitting import Fitting
from ..logic.issuing import PickupError, PickupSession, PickupUnit, not_ready_reason
from .base import Screen
from .issuing_card import card_text, offline_payment_text, order_number, rub
from .issuing_payment import PickupPayment


class IssuingScreen(Screen):
    key = "issuing"

    @property
    def paying(self) -> dict[str, Any] | None:
        """The payment intent whose QR is shown, if any."""
        payment = getattr(self, "payment", None)  # None while build() runs
        return payment.intent if payment is not None else None

    def title(self) -> str:
        return self.tr("Issuing")

    def reason_names(self) -> dict[str, str]:
        return {
            "did_not_fit": self.tr("did not fit (size)"),
            "did_not_like": self.tr("did not like"),
            "damaged": self.tr("defect"),
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
            "returning": self.tr("going back to the warehouse"),
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
            source_factory=self.ctx.ports.camera_source,
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
                Column(self.tr("Order"), lambda u: u.order_number or ""),
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
        # payment at pickup: the СБП QR for the customer's bank app, large, with the amount
        self.payment = PickupPayment(self)
        self.add(self.payment.panel, 1)
        self.add_action("refuse", self.tr("Refused"), "Ctrl+R", self.refuse)
        self.add_action("take", self.tr("Taken"), "Ctrl+T", self.take)
        self.add_action("fitting", self.tr("Fitting room"), "Ctrl+F", self.fitting)
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
        if reason is None:
            return None
        if u.expected is not None and reason in ("in_transit", "at_warehouse"):
            return fmt(
                self.tr("%1, expected %2"), self.not_ready_names()[reason], u.expected.strftime("%d.%m")
            )
        return self.not_ready_names()[reason]

    def _status_text(self, u: PickupUnit) -> str:
        s = self.session
        if s is None:
            return ""
        greyed = self._greyed(u)
        if greyed:
            return greyed
        decision = s.decision(u.id)
        if decision == "refused":
            return fmt(self.tr("refused: %1"), self.reason_names()[s.refused[u.id]])
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
            fitting=bool(s and s.for_fitting()) and getattr(self, "paying", None) is None,
            complete=bool(s and s.can_complete),
            cancel=True,  # with no pickup open it clears a refused code for the next customer
        )

    def _render(self) -> None:
        s = self.session
        self.model.set_rows(s.units if s else [])
        if s is None:
            self.order_line.setText("")
        else:
            self.order_line.setText(self._card_text(s))
        self._sync_actions()

    def reset_prompt(self) -> None:
        s = getattr(self, "session", None)
        if s is None:
            self.prompt.set_step(
                self.tr("Scan the customer's pickup QR code"),
                self.tr("or type the 8-digit short code and press Enter"),
            )
            return
        paying = self.paying
        if paying is not None:
            self.prompt.set_step(
                fmt(
                    self.tr("The customer pays %1 by СБП: scan the QR with a bank app"),
                    rub(int(paying["amount_kopecks"])),
                ),
                self.tr("The pickup completes by itself once the payment arrives. Ctrl+N cancels."),
                tone="warn",
            )
            return
        if s.awaiting_marking:
            unit = s.unit(s.awaiting_marking)
            self.prompt.set_step(
                self.tr("Scan the marking DataMatrix on the product"),
                fmt(self.tr("Unit %1 needs its Chestny Znak code"), unit.label if unit else ""),
                tone="warn",
            )
            return
        if s.fitting_room is not None and s.fetched:
            self.prompt.set_step(
                fmt(
                    self.tr("Back from fitting room %1: Ctrl+R for each unit refused, then Ctrl+Enter"),
                    s.fitting_room,
                ),
                self.tr(
                    "Refused units stay here and go back as refusals; the pickup completes with what is kept."
                ),
            )
            return
        if not s.ready:
            self.prompt.set_step(
                fmt(
                    self.tr("Nothing to issue: no unit of order %1 is here yet"), order_number(s, s.order_id)
                ),
                self._not_ready_summary(s),
                tone="warn",
            )
            return
        left = [u for u in s.ready if u.id not in s.fetched]
        if left:
            cells = sorted({u.cell_number for u in left if u.cell_number})
            self.prompt.set_step(
                fmt(self.tr("Fetch from cell %1 and scan each unit"), ", ".join(map(str, cells))),
                fmt(self.tr("%1 units to fetch. Ctrl+R marks a refused unit."), len(left)),
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
        return fmt(self.tr("%1. Ctrl+N: next customer."), ", ".join(parts))

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
            self.query(lambda: self.ctx.flows.pickup.pickup(token), self._loaded, self._load_failed)
            return
        if s is None:
            self.refuse_kind(scan, [ScanKind.PICKUP])
            return
        if scan.kind is ScanKind.UNIT:
            label = scan.code
            self.query(
                lambda: self.ctx.flows.pickup.unit_id_for(label),
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
        if text.isdigit() and len(text) == 4:  # the last 4 digits of the customer's phone
            self.query(
                lambda: self.ctx.flows.pickup.lookup_phone(text), lambda found: self._looked_up(text, found)
            )
            return
        self.query(lambda: self.ctx.flows.pickup.pickup(text), self._loaded, self._load_failed)

    def _loaded(self, session: PickupSession) -> None:
        self.session = session
        self.code.clear()
        self._render()
        if session.fitting_room is not None:
            self.info(
                fmt(self.tr("%1 is back from fitting room %2"), session.customer_name, session.fitting_room)
            )
        elif session.ready and session.has_pay_on_pickup and not self.ctx.auth.online:
            self.warning(offline_payment_text())
        elif session.ready:
            self.success(
                fmt(
                    self.tr("%1: %2 units ready in %3 orders"),
                    session.customer_name or order_number(session, session.order_id),
                    len(session.ready),
                    len(session.ready_orders),
                )
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
            self.warning(fmt(self.tr("Unit %1: now scan its marking DataMatrix"), unit.label))
        else:
            self.success(fmt(self.tr("Unit %1 fetched"), unit.label))
        self.reset_prompt()

    def _fetch_failed(self, failure: OpFailure) -> None:
        self.loud(self._pickup_message(failure.error, failure.message))

    def _pickup_message(self, error: BaseException | None, fallback: str) -> str:
        if not isinstance(error, PickupError):
            return fallback
        code = error.code
        if code == "wrong_unit":
            return fmt(
                self.tr("WRONG UNIT %1: it is not in this customer's order. Put it back."), error.message
            )
        if code.startswith("not_ready:"):
            return fmt(
                self.tr("Unit %1 cannot be issued: %2"),
                error.message,
                self.not_ready_names().get(code.split(":", 1)[1], ""),
            )
        if code == "already_fetched":
            return fmt(self.tr("Unit %1 is already fetched."), error.message)
        if code == "marking_expected":
            return fmt(self.tr("Scan the marking DataMatrix of unit %1 first."), error.message)
        if code == "gtin_mismatch":
            return self.tr("The marking code belongs to another product: check the item.")
        if code == "marking_not_needed":
            return self.tr("No marking code is needed now: scan a unit label.")
        if code == "payment_due":
            return fmt(
                self.tr("The customer pays for order %1 first (Ctrl+Enter shows the payment QR)."),
                order_number(self.session, error.message) if self.session else error.message,
            )
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
        self.success(fmt(self.tr("Marking checked: %1"), unit.label))
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
        choose = self.ctx.ports.choose
        picked = choose(
            self,
            self.tr("Refusal reason"),
            fmt(self.tr("Why does the customer refuse %1?"), unit.label),
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
        self.warning(fmt(self.tr("Unit %1 refused: %2"), unit.label, picked))
        self.reset_prompt()

    def take(self) -> None:
        s, unit = self.session, self._selected()
        if s is None or unit is None:
            return
        s.take(unit.id)
        self._render()
        if s.decision(unit.id) == "marking":
            self.warning(fmt(self.tr("Unit %1 taken: now scan its marking DataMatrix"), unit.label))
        else:
            self.info(fmt(self.tr("Unit %1 taken"), unit.label))
        self.reset_prompt()

    def complete(self) -> None:
        s = self.session
        if s is None or not s.can_complete:
            return
        due = s.payment_due
        if due is not None:
            self.payment.start(s, due)
            return
        self.run(lambda: self.ctx.flows.pickup.complete(s), self._completed)

    def _completed(self, payload: dict[str, Any]) -> None:
        issued, refused = len(payload["issued"]), len(payload["refused"])
        self.session = None
        self._render()
        self.success(fmt(self.tr("Pickup complete: %1 issued, %2 refused"), issued, refused))
        self.reset_prompt()
        self.code.setFocus()

    def fitting(self) -> None:
        """Ctrl+F: the customer takes the fetched clothes and shoes into a fitting room; the counter
        is free for the next customer meanwhile."""
        s = self.session
        if s is None or not s.for_fitting() or self.paying is not None:
            self.error(
                self.tr("Fetch the clothes or shoes to try on first (only these go to a fitting room).")
            )
            return
        self.run(lambda: self.ctx.flows.pickup.start_fitting(s), self._fitting_started, self._fitting_failed)

    def _fitting_failed(self, failure: OpFailure) -> None:
        if failure.code == "fitting_full":
            self.loud(self.tr("Every fitting room is taken: the customer waits, or tries on at the counter."))
        elif failure.code == "no_try_on":
            self.loud(
                self.tr("Fetch the clothes or shoes to try on first (only these go to a fitting room).")
            )
        else:
            self.loud(failure.message)

    def _fitting_started(self, fitting: Fitting) -> None:
        self.session = None
        self._render()
        self.success(
            fmt(
                self.tr("Fitting room %1: %2, %3 units, %4 min. Serve the next customer."),
                fitting.room,
                fitting.customer_name or self.tr("customer"),
                len(fitting.unit_ids),
                fitting.minutes,
            )
        )
        self.reset_prompt()
        self.code.setFocus()

    def back_from_fitting(self, room: int) -> None:
        """The fitting screen's Ctrl+Enter: the customer of ``room`` is back at the counter."""
        if self.session is not None and self.session.started:
            self.error(self.tr("Complete or cancel the current pickup first (Ctrl+Enter / Ctrl+N)."))
            return
        self.query(lambda: self.ctx.flows.pickup.back_from_fitting(room), self._loaded, self._load_failed)

    def cancel(self) -> None:
        s = self.session
        if s is not None and s.fitting_room is not None:  # the room keeps the customer's pickup
            self.payment.stop()
            self.session = None
            self._render()
            self.info(
                fmt(
                    self.tr("Fitting room %1 keeps the pickup: scan the customer's code when they are back."),
                    s.fitting_room,
                )
            )
            self.reset_prompt()
            self.code.setFocus()
            return
        if s is None:
            # a code that was refused (red) goes away: the screen is ready for the next customer
            self.code.clear()
            self.reset_prompt()
            self.clear_stale()
            self.code.setFocus()
            return
        if s.started and not self.ctx.ports.confirm(
            self,
            self.tr("Next customer"),
            fmt(
                self.tr(
                    "%1 units of order %2 were fetched and nothing is recorded yet. Drop this pickup and "
                    "put them back in their cells?"
                ),
                len(s.fetched),
                s.order_id,
            ),
        ):
            self.info(self.tr("The pickup goes on: complete it with Ctrl+Enter."))
            return
        self.payment.stop()
        self.session = None
        self._render()
        self.info(self.tr("Pickup cancelled: nothing was recorded."))
        self.reset_prompt()
        self.code.setFocus()

    def on_changed(self, changes: ChangeSet) -> None:
        s = self.session
        if s is not None and not s.fetched and (changes.full or changes.units & {u.id for u in s.units}):
            order_id = s.order_id
            self.query(lambda: self.ctx.flows.pickup.session(order_id), self._refreshed)

    def _refreshed(self, session: PickupSession) -> None:
        if (
            self.session is not None
            and self.session.order_id == session.order_id
            and not self.session.fetched
        ):
            self.session = session
            self._render()

    # --- the customer card -------------------------------------------------------------------
    def _card_text(self, s: PickupSession) -> str:
        return card_text(
            s, self.ctx.flows.pickup.today(), online=self.ctx.auth.online, paying=self.paying is not None
        )

    def _looked_up(self, digits: str, found: list[Any]) -> None:
        """Parcels of customers whose phone ends with ``digits``, by customer, with cells."""
        if not found:
            self.warning(fmt(self.tr("No parcels here for a phone ending %1."), digits))
            return
        by_customer: dict[str, list[Any]] = {}
        for u in found:
            by_customer.setdefault(f"{u.customer_name} {u.customer_phone}".strip(), []).append(u)
        parts = []
        for who, units in by_customer.items():
            ready = [u for u in units if str(u.status) == "ACCEPTED"]
            cells = sorted({u.cell_number for u in ready if u.cell_number})
            parts.append(
                fmt(
                    self.tr("%1: %2 ready in cell %3, %4 more"),
                    who,
                    len(ready),
                    ", ".join(map(str, cells)) or "-",
                    len(units) - len(ready),
                )
            )
        self.code.clear()
        self.order_line.setText("\n".join(parts))
        self.prompt.set_step(
            self.tr("To issue, scan the customer's pickup QR or type the 8-digit code"),
            self.tr("The phone only helps find the parcels; it does not prove who the customer is."),
        )
        self.info(fmt(self.tr("Phone ending %1: %2 customers"), digits, len(by_customer)))


__all__ = ["IssuingScreen", "i18n"]
