"""Log in again in place: when the server ends a session, ask for the password over the current screen.

The sync engine reports ``needs_login`` when the server refuses the refresh token (revoked, expired,
or lost in an outage). Logging out and in again would cost the clerk their half-done screen; this
asks for the same user's password in a dialog over whatever they are doing instead. The screen
behind, its state and the queue of unsent operations stay as they are; after a good login sync
resumes at once.

* :class:`ReloginDialog` is the question: who, why, what is kept; Enter logs in, Esc is "later".
* :class:`ReloginPrompt` watches the :class:`~shared.qt.status.StatusModel` and opens the dialog
  when ``needs_login`` appears while someone is signed in; :meth:`ReloginPrompt.offer` opens it
  again later (the apps' "sync now" key does).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from shared.auth.client import AuthError

from . import i18n
from .messages import fmt
from .status import StatusModel, StatusSnapshot

TOUCH = 56  # px: the terminal's finger-sized buttons


class ReloginDialog(QDialog):
    """The password of the signed-in user, asked again; ``login(username, password)`` checks it
    online (raises AuthError when refused or unreachable)."""

    def __init__(
        self,
        username: str,
        pending: int,
        login: Callable[[str, str], object],
        parent: QWidget | None = None,
        *,
        compact: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ReloginDialog")
        self.setWindowTitle(self.tr("Log in again"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.username = username
        self._login = login
        self.message = QLabel(self)
        self.message.setObjectName("ReloginMessage")
        self.message.setWordWrap(True)
        text = fmt(
            self.tr(
                "The server ended the session of %1. Enter the password to continue syncing: "
                "the screen you are on stays as it is."
            ),
            username,
        )
        if pending:
            text += " " + fmt(self.tr("%1 operations wait on this device and will be sent."), str(pending))
        self.message.setText(text)
        self.password = QLineEdit(self)
        self.password.setObjectName("ReloginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(fmt(self.tr("Password of %1"), username))
        self.password.returnPressed.connect(self.submit)
        self.error = QLabel(self)
        self.error.setObjectName("ReloginError")
        self.error.setProperty("tone", "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.login_button = QPushButton(self.tr("Enter  Log in"), self)
        self.login_button.setProperty("primary", True)
        self.login_button.clicked.connect(self.submit)
        self.later_button = QPushButton(self.tr("Esc  Later"), self)
        self.later_button.clicked.connect(self.reject)
        for button in (self.login_button, self.later_button):
            button.setAutoDefault(False)
            if compact:
                button.setMinimumHeight(TOUCH)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.login_button)
        row.addWidget(self.later_button)
        layout.addLayout(row)
        if compact:
            self.password.setMinimumHeight(TOUCH)
            width = max(300, min(456, parent.width() - 24 if parent is not None else 456))
            self.setFixedWidth(width)
            # the wrapped message gets every line it needs at that width (a narrow screen)
            margins = layout.contentsMargins()
            inner = width - margins.left() - margins.right()
            self.message.setMinimumHeight(self.message.heightForWidth(inner))
        else:
            self.setMinimumWidth(460)
        self.password.setFocus()

    def submit(self) -> None:
        password = self.password.text()
        if not password:
            self._show_error(self.tr("Enter the password."))
            return
        try:
            self._login(self.username, password)
        except AuthError as exc:
            self.password.clear()
            if exc.code in ("network", "server"):
                self._show_error(
                    self.tr("The server does not answer: try again in a moment. Your work is kept.")
                )
            else:
                self._show_error(i18n.error_message(exc.code, self.tr("Wrong password.")))
            return
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        self.password.setFocus()


class ReloginPrompt(QObject):
    """Opens a :class:`ReloginDialog` over ``window`` when the server ends the session.

    ``user()`` names who is signed in (None: nobody, or the counter is locked: no question then);
    ``login`` checks the password online; ``resumed`` is called after a good login (sync now).
    """

    shown = Signal(object)  # the dialog, when it opens
    logged_in = Signal()

    def __init__(
        self,
        model: StatusModel,
        window: QWidget,
        user: Callable[[], str | None],
        login: Callable[[str, str], object],
        resumed: Callable[[], None],
        *,
        compact: bool = False,
    ) -> None:
        super().__init__(window)
        self._model = model
        self._user = user
        self._login = login
        self._resumed = resumed
        self._compact = compact
        self._asked = False  # asked since needs_login appeared (Later is not asked again unbidden)
        self._syncing = model.snapshot.syncing
        # who was signed in when the running sync started: a sync started before the login (no
        # token yet: a 401) says nothing about the session the login is about to open
        self._sync_user: str | None = user() if self._syncing else None
        self.dialog: ReloginDialog | None = None
        self._detached = False
        model.changed.connect(self._status)

    def _status(self, s: StatusSnapshot) -> None:
        started = s.syncing and not self._syncing
        ended, self._syncing = self._syncing and not s.syncing, s.syncing
        if started:
            self._sync_user = self._user()
        if not s.needs_login:
            self._asked = False
            return
        # asked when a sync that ran for the signed-in user ends needing a login, once
        user = self._user()
        if ended and not self._asked and user and self._sync_user == user:
            self.offer()

    def reset(self) -> None:
        """Someone logged in (or unlocked): ask again after the next sync if it still needs a login."""
        self._asked = False

    def detach(self) -> None:
        """The window is going away (a language switch builds a new one): let go of it and its
        callbacks, so nothing keeps the old window's Python side alive."""
        if self._detached:
            return
        self._detached = True
        self._model.changed.disconnect(self._status)
        self._user = lambda: None
        self._login = _refuse
        self._resumed = lambda: None
        self.dialog = None

    @property
    def needed(self) -> bool:
        return self._model.snapshot.needs_login

    def offer(self) -> bool:
        """Ask now (again) when a login is needed; True when the dialog is (already) open."""
        username = self._user()
        if not self.needed or not username:
            return False
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return True
        self._asked = True
        window = self.parent()
        assert isinstance(window, QWidget)
        dialog = ReloginDialog(
            username, self._model.snapshot.pending, self._login, window, compact=self._compact
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._accepted)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()
        dialog.password.setFocus()
        self.shown.emit(dialog)
        return True

    def _closed(self, _result: int) -> None:
        self.dialog = None
        window = self.parent()
        if isinstance(window, QWidget):
            window.activateWindow()  # the keys go back to the screen the clerk was on

    def _accepted(self) -> None:
        self.logged_in.emit()
        self._resumed()


def _refuse(_username: str, _password: str) -> object:
    raise AuthError("no_session", "")
