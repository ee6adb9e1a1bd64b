"""Login: scan the employee badge and type the PIN, or type the user name and password.

Online, the backend checks the password; offline, a worker who has logged in on this terminal
before is let in by the local argon2id verifier. A badge is linked to its worker on this terminal
after an online password login (the worker scans it and chooses a PIN); the PIN is kept only as an
argon2id verifier.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from shared.barcodes import Scan, ScanKind
from shared.qt.messages import fmt

from .. import texts
from ..logic.common import Level
from ..services import LoginError, Session
from .base import TOUCH, Context, ScanScreen, big_button, info_label, wrap

PIN_MIN = 4


class LoginScreen(ScanScreen):
    name = "login"
    logged_in = Signal(object)  # Session

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.mode = "badge"  # badge | password | enrol
        self.offer_badge_link = True  # after an online password login, offer to link a badge
        self.badge: str | None = None
        self.pending_session: Session | None = None
        self.heading = wrap(QLabel(self))
        self.heading.setProperty("role", "title")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge_label = info_label(self, "LineInfo")
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin = QLineEdit(self)
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.pin2 = QLineEdit(self)
        self.pin2.setObjectName("pin2")
        self.pin2.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin2.setMaxLength(12)
        for field in (self.username, self.password, self.pin, self.pin2):
            field.setMinimumHeight(TOUCH)
            field.returnPressed.connect(self.submit)
        self.explain = wrap(QLabel(self))
        self.explain.setWordWrap(True)
        self.explain.setProperty("role", "hint")
        self.body.addWidget(self.heading)
        self.body.addWidget(self.explain)
        self.body.addWidget(self.badge_label)
        self.body.addWidget(self.username)
        self.body.addWidget(self.password)
        self.body.addWidget(self.pin)
        self.body.addWidget(self.pin2)
        self.body.addStretch(1)
        self.login_button = self.add_action(big_button("", self, primary=True), "F2", self.submit)
        self.switch_button = self.add_action(big_button("", self), "F1", self.switch_mode)
        self.skip_button = self.add_action(big_button("", self), "F3", self.skip_enrol)
        self.button_row(self.switch_button, self.login_button)
        self.button_row(self.skip_button)
        self.code.hide()
        self.code_ok.hide()
        self.retranslate()
        self.set_mode("badge")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("WB Ops warehouse"))
        self.username.setPlaceholderText(self.tr("User name"))
        self.password.setPlaceholderText(self.tr("Password"))
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin2.setPlaceholderText(self.tr("PIN again"))
        self.label_button(self.skip_button, self.tr("Skip"))
        self._labels()

    def _explain(self) -> str:
        if self.mode == "enrol":
            return self.tr(
                "Link your badge to this terminal: scan it and choose a PIN of at least 4 digits. "
                "The PIN is stored only as a one-way hash."
            )
        if self.mode == "password":
            return self.tr(
                "Without a connection, only workers who have logged in on this terminal before can log in."
            )
        return self.tr(
            "Hold the badge under the scanner, then type your PIN. "
            "First time on this terminal? Press F1 and log in with your name and password."
        )

    def _labels(self) -> None:
        self.explain.setText(self._explain())
        if self.mode == "enrol":
            self.label_button(self.login_button, self.tr("Link badge"))
        else:
            self.label_button(self.login_button, self.tr("Log in"))
        self.label_button(
            self.switch_button,
            self.tr("Badge and PIN") if self.mode == "password" else self.tr("Password login"),
        )

    def title(self) -> str:
        return self.tr("Log in")

    def activate(self, arg: Any = None) -> None:
        if self.mode != "enrol":
            self.clear_result()
            self.set_mode(self.mode)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.badge = None if mode != "enrol" else self.badge
        for field in (self.username, self.password, self.pin, self.pin2):
            field.clear()
        self.username.setVisible(mode == "password")
        self.password.setVisible(mode == "password")
        self.pin.setVisible(False)
        self.pin2.setVisible(False)
        self.badge_label.setText("")
        self.switch_button.setVisible(mode != "enrol")
        self.skip_button.setVisible(mode == "enrol")
        self._labels()
        self.render_prompt()
        if mode == "password":
            self.username.setFocus()

    def render_prompt(self) -> None:
        if self.mode == "password":
            step = self.tr("Type your user name and password")
        elif self.mode == "enrol":
            step = (
                self.tr("Choose a PIN for your badge")
                if self.badge
                else self.tr("Scan your badge to log in with it next time")
            )
        else:
            step = self.tr("Type your PIN") if self.badge else self.tr("Scan your employee badge")
        self.set_prompt(step)
        self.login_button.setEnabled(self.mode == "password" or self.badge is not None)

    def switch_mode(self) -> None:
        self.clear_result()
        self.set_mode("badge" if self.mode == "password" else "password")

    def on_scan(self, scan: Scan) -> None:
        if scan.kind is not ScanKind.BADGE:
            self.show_result(Level.ERROR, self.tr("Scan your employee badge."))
            return
        if self.mode == "password":
            self.set_mode("badge")
        self.badge = scan.code
        self.badge_label.setText(fmt(self.tr("Badge %1"), scan.code))
        self.pin.clear()
        self.pin2.clear()
        self.pin.setVisible(True)
        self.pin2.setVisible(self.mode == "enrol")
        self.pin.setFocus()
        self.clear_result()
        self.show_result(Level.OK, self.tr("Badge read."))

    def submit(self) -> None:
        auth = self.ctx.services.auth
        if self.mode == "password":
            username, password = self.username.text().strip(), self.password.text()
            if not username or not password:
                self.show_result(Level.ERROR, self.tr("Type your user name and password."))
                return
            self.password.clear()
            self.ctx.ops.run(
                lambda: auth.login_password(username, password),
                on_success=self._password_ok,
                on_failure=self._login_failed,
            )
        elif self.mode == "badge":
            pin, badge = self.pin.text(), self.badge
            if badge is None or not pin:
                self.show_result(Level.ERROR, self.tr("Scan your badge and type your PIN."))
                return
            self.pin.clear()
            self.ctx.ops.run(
                lambda: auth.login_badge(badge, pin),
                on_success=self._done,
                on_failure=self._login_failed,
            )
        else:
            self._enrol()

    def _password_ok(self, session: Session) -> None:
        if session.offline or not self.offer_badge_link:
            self._done(session)
            return
        # offer to link a badge once, after an online password login
        self.pending_session = session
        self.badge = None
        self.set_mode("enrol")
        self.show_result(Level.OK, fmt(self.tr("Welcome, %1."), session.name))

    def _enrol(self) -> None:
        session, badge = self.pending_session, self.badge
        if session is None or badge is None:
            return
        pin, again = self.pin.text(), self.pin2.text()
        if len(pin) < PIN_MIN or not pin.isdigit():
            self.show_result(Level.ERROR, fmt(self.tr("The PIN is at least %1 digits."), PIN_MIN))
            return
        if pin != again:
            self.pin2.clear()
            self.show_result(Level.ERROR, self.tr("The two PINs differ: type it again."))
            return
        auth = self.ctx.services.auth
        self.pin.clear()
        self.pin2.clear()
        self.ctx.ops.run(
            lambda: auth.enrol_badge(session, badge, pin),
            on_success=lambda _: self._done(session),
            on_failure=self._login_failed,
        )

    def skip_enrol(self) -> None:
        if self.pending_session is not None:
            self._done(self.pending_session)

    def _login_failed(self, failure: Any) -> None:
        error = failure.error
        if isinstance(error, LoginError):
            text = texts.login_error(error.code, error.message, error.params)
        else:
            text = failure.message
        self.show_result(Level.ERROR, text)

    def _done(self, session: Session) -> None:
        self.pending_session = None
        self.badge = None
        self.mode = "badge"
        self.clear_result()
        self.set_mode("badge")
        self.logged_in.emit(session)
