"""Login: online, or offline for a user who logged in on this computer before."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from shared.barcodes import Scan
from shared.qt.operations import OpFailure
from shared.store import Actor

from .base import Screen


class LoginScreen(Screen):
    key = "login"
    needs_shift = False
    logged_in = Signal(object)  # Actor

    def title(self) -> str:
        return self.tr("Login")

    def build(self) -> None:
        form = QWidget(self)
        layout = QFormLayout(form)
        self.username = QLineEdit(form)
        self.username.setObjectName("username")
        self.password = QLineEdit(form)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addRow(self.tr("User name"), self.username)
        layout.addRow(self.tr("Password"), self.password)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        self.add(form)
        self.body.addStretch(1)
        self.add_action("login", self.tr("Log in"), "Ctrl+Return", self.submit, primary=True)

    def reset_prompt(self) -> None:
        self.prompt.set_step(
            self.tr("Log in to start"),
            self.tr("Without a network, a clerk who logged in here before can still log in."),
        )

    def on_activated(self) -> None:
        self.password.clear()
        (self.password if self.username.text() else self.username).setFocus()

    def on_scan(self, scan: Scan) -> None:
        self.refuse_kind(scan, [])

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.prompt.set_step(self.tr("Enter your user name and password"), tone="warn")
            return
        self.prompt.set_step(self.tr("Logging in…"))
        self.query(lambda: self.ctx.auth.sign_in(username, password), self._done, self._failed)

    def _done(self, actor: Actor) -> None:
        self.password.clear()
        online = self.ctx.auth.online
        self.success(
            self.tr("Logged in: %1").replace("%1", actor.username)
            if online
            else self.tr("Logged in offline: %1 (no connection to the server)").replace("%1", actor.username)
        )
        self.logged_in.emit(actor)

    def _failed(self, failure: OpFailure) -> None:
        self.password.clear()
        self.password.setFocus()
        self.prompt.set_step(self.tr("Login failed"), failure.message, tone="error")
        self.error(failure.message)
