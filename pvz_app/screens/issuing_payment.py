"""Payment at pickup on the issuing screen: the СБП QR shown large, the bank's answer long-polled on
a worker of its own, and the pickup completed when the payment arrives.

Its texts keep the issuing screen's translation context ("IssuingScreen"): they are the same
screen's words, only the code moved here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from shared.qt.messages import fmt
from shared.qt.operations import Operations, OpFailure, SyncRunner, ThreadRunner

from ..logic.issuing import PickupSession
from .issuing_card import offline_payment_text, order_number, rub
from .payment_qr import QrView

PAYMENT_WAIT_S = 20.0  # one long poll; the next starts at once while the intent is pending


class PickupPayment:
    """The payment panel of an issuing screen (`screen`: the IssuingScreen that owns it)."""

    def __init__(self, screen: Any) -> None:
        self.screen = screen
        self.intent: dict[str, Any] | None = None  # the payment intent shown
        self.panel = QWidget(screen)
        self.panel.setObjectName("paymentPanel")
        row = QHBoxLayout(self.panel)
        self.qr = QrView(self.panel)
        row.addWidget(self.qr, 1)
        self.text = QLabel(self.panel)
        self.text.setObjectName("paymentText")
        self.text.setProperty("role", "title")
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.panel.setVisible(False)

    def _waiter(self) -> Operations:
        """Long polls run on their own worker, so the counter's other work never waits for one."""
        ctx = self.screen.ctx
        waiter: Operations | None = ctx.payment_ops
        if waiter is None:
            runner = SyncRunner() if isinstance(ctx.ops.runner, SyncRunner) else ThreadRunner()
            waiter = ctx.payment_ops = Operations(runner)
        return waiter

    def start(self, s: PickupSession, order_id: str) -> None:
        self.screen.query(
            lambda: self.screen.ctx.flows.pickup.request_payment(s, order_id), self._show, self.failed
        )

    def _show(self, intent: dict[str, Any]) -> None:
        screen = self.screen
        self.intent = intent
        self.qr.set_payload(str(intent["qr"]))
        self.text.setText(
            fmt(
                QCoreApplication.translate(
                    "IssuingScreen", "To pay: %1\nOrder %2, %3 units\nСБП: scan with your bank app"
                ),
                rub(int(intent["amount_kopecks"])),
                order_number(screen.session, str(intent["order_id"])),
                len(intent["unit_ids"]),
            )
        )
        if screen.session is not None:
            screen.order_line.setText(screen._card_text(screen.session))
        screen.table.setVisible(False)
        self.panel.setVisible(True)
        screen.enable(refuse=False, take=False, complete=False)
        screen.reset_prompt()
        screen.info(QCoreApplication.translate("IssuingScreen", "Payment QR shown: waiting for the bank"))
        self._wait(intent)

    def _wait(self, intent: dict[str, Any]) -> None:
        order_id, intent_id = str(intent["order_id"]), str(intent["id"])
        self._waiter().run(
            lambda: self.screen.ctx.flows.pickup.wait_payment(order_id, intent_id, PAYMENT_WAIT_S),
            on_success=self._news,
            on_failure=lambda failure: self._news_failed(intent_id, failure),
        )

    def _news(self, intent: dict[str, Any]) -> None:
        screen = self.screen
        paying, s = self.intent, screen.session
        if paying is None or s is None or intent["id"] != paying["id"]:
            return  # cancelled meanwhile, or an older intent
        status = intent["status"]
        if status == "PENDING":
            self._wait(intent)
            return
        self.stop()
        if status == "SUCCEEDED":
            s.paid_now.add(str(intent["order_id"]))
            screen.success(
                fmt(
                    QCoreApplication.translate("IssuingScreen", "Paid: %1"),
                    rub(int(intent["amount_kopecks"])),
                )
            )
            screen.complete()  # the next order to pay, or the pickup recorded
        else:
            screen.loud(
                QCoreApplication.translate(
                    "IssuingScreen",
                    "The payment did not go through: ask the customer to try again (Ctrl+Enter).",
                )
            )

    def _news_failed(self, intent_id: str, failure: OpFailure) -> None:
        if self.intent is None or self.intent["id"] != intent_id:
            return
        self.stop()
        self.failed(failure)

    def failed(self, failure: OpFailure) -> None:
        code = getattr(failure.error, "code", "")
        if code == "payment_offline":
            self.screen.loud(offline_payment_text())
        else:
            self.screen.loud(
                fmt(
                    QCoreApplication.translate("IssuingScreen", "The payment cannot start: %1"),
                    failure.message,
                )
            )

    def stop(self) -> None:
        if self.intent is None:
            return
        self.intent = None
        self.qr.set_payload("")
        self.panel.setVisible(False)
        self.screen.table.setVisible(True)
        self.screen._sync_actions()
        self.screen.reset_prompt()
