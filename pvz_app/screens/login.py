"""Login: online, or offline for a user who logged in on this computer before.

After an idle lock the same screen is the unlock view: it names the clerk locked out; their
password (checked against the local verifier, so it works offline) unlocks, and any other clerk
may log in instead.
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from shared.barcodes import Scan
from shared.qt.messages import fmt
from shared.qt.operations import OpFailure
from shared.store import Actor

from .base import Screen, credentials_form


class LoginScreen(Screen):
    key = "login"
    needs_shift = False
    logged_in = Signal(object)  # Actor

    def title(self) -> str:
        return self.tr("Login")

    def build(self) -> None:
        self.locked_user: str | None = None  # the clerk locked out after idle time
        form, self.username, self.password = credentials_form(
            self, (self.tr("User name"), self.tr("Password")), ("username", "password"), self.submit
        )
        self.add(form)
        self.body.addStretch(1)
        self.add_action("login", self.tr("Log in"), "Ctrl+Return", self.submit, primary=True)

    def reset_prompt(self) -> None:
        if self.locked_user is not None:
            self.prompt.set_step(
                fmt(self.tr("Locked: %1"), self.locked_user),
                fmt(
                    self.tr(
                        "Locked after %1 idle minutes. %2 enters their password to continue where they were; "
                        "another clerk may log in and start afresh."
                    ),
                    self.idle_minutes,
                    self.locked_user,
                ),
                tone="warn",
            )
            return
        self.prompt.set_step(
            self.tr("Log in to start"),
            self.tr("Without a network, a clerk who logged in here before can still log in."),
        )

    @property
    def idle_minutes(self) -> int:
        return round(self.ctx.auth.idle_lock_s / 60)

    def show_locked(self, username: str | None) -> None:
        """Become the unlock view for ``username`` (None: the plain login again)."""
        self.locked_user = username
        if username is not None:
            self.username.setText(username)
        self.password.clear()
        self.reset_prompt()

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
        locked = self.locked_user
        auth = self.ctx.auth
        if locked is not None and username.casefold() == locked.casefold() and auth.actor is not None:
            # the clerk locked out: the local verifier unlocks the same session (online or not)
            self.prompt.set_step(self.tr("Unlocking…"))
            self.query(lambda: auth.unlock(password), self._unlocked, self._failed)
            return
        self.prompt.set_step(self.tr("Logging in…"))
        if locked is not None and username.casefold() != locked.casefold():
            self.query(lambda: self._take_over(username, password), self._done, self._failed)
            return
        self.query(lambda: auth.sign_in(username, password), self._done, self._failed)

    def _take_over(self, username: str, password: str) -> Actor:
        """Another clerk takes the locked counter: the locked-out clerk's session ends first (the
        server is told when reachable, their refresh token leaves this PC). Should this login
        fail, the locked-out clerk still gets back to their work with their own password."""
        if self.ctx.auth.actor is not None:
            self.ctx.auth.logout()
        return self.ctx.auth.sign_in(username, password)

    def _unlocked(self, actor: Actor) -> None:
        self.password.clear()
        self.success(fmt(self.tr("Unlocked: %1, carry on where you were"), actor.username))
        self.logged_in.emit(actor)

    def _done(self, actor: Actor) -> None:
        self.password.clear()
        online = self.ctx.auth.online
        self.success(
            fmt(self.tr("Logged in: %1"), actor.username)
            if online
            else fmt(self.tr("Logged in offline: %1 (no connection to the server)"), actor.username)
        )
        self.logged_in.emit(actor)

    def _failed(self, failure: OpFailure) -> None:
        self.password.clear()
        self.password.setFocus()
        if self.locked_user is not None:
            self.reset_prompt()  # still locked: the unlock view stays, the banner says why
        else:
            self.prompt.set_step(self.tr("Login failed"), failure.message, tone="error")
        self.error(failure.message)
