"""The base of every PVZ screen: title, next-step prompt, feedback banner, keyboard actions, scans.

A screen declares its actions with :meth:`Screen.add_action` (each has a shortcut and a button
showing it), receives scans in :meth:`Screen.on_scan` (already parsed; wrong kinds are refused
with a message naming the kind expected), runs core work through :meth:`Screen.run` (the hub:
journal first, then the success beep) and refreshes in :meth:`Screen.on_changed`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from shared.barcodes import Scan, ScanKind
from shared.qt import i18n
from shared.qt.feedback import FeedbackBanner
from shared.qt.operations import OpFailure, OpResult
from shared.qt.screen import BaseScreen, is_stale
from shared.qt.widgets import StepPrompt, title
from shared.store import ChangeSet

from ..context import PvzContext

BUTTONS_PER_ROW = 3  # the action bar wraps so the window fits a 1280 px counter screen


def core(fn: Callable[[], tuple[Any, ChangeSet]]) -> Callable[[], OpResult[Any]]:
    """Adapt a flow method returning (value, changes) to the hub's OpResult."""

    def run() -> OpResult[Any]:
        value, changes = fn()
        return OpResult(value, changes if changes else None)

    return run


def credentials_form(
    parent: QWidget, labels: tuple[str, str], names: tuple[str, str], submit: Callable[[], None]
) -> tuple[QWidget, QLineEdit, QLineEdit]:
    """A user name and a password field (``labels``, object ``names``): Enter in the first moves
    to the password, Enter in the password submits. Returns the form widget and both fields."""
    form = QWidget(parent)
    layout = QFormLayout(form)
    user = QLineEdit(form)
    user.setObjectName(names[0])
    password = QLineEdit(form)
    password.setObjectName(names[1])
    password.setEchoMode(QLineEdit.EchoMode.Password)
    layout.addRow(labels[0], user)
    layout.addRow(labels[1], password)
    user.returnPressed.connect(password.setFocus)
    password.returnPressed.connect(submit)
    return form, user, password


class Screen(BaseScreen):
    """Base class; subclasses set ``key`` and build their body in ``build``. Scans reach
    :meth:`on_scan` parsed (shared.qt.screen.BaseScreen); errors go to the feedback banner."""

    key = "screen"
    needs_shift = True  # flows that need an open shift

    def __init__(self, ctx: PvzContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.active = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.actions_by_name: dict[str, QAction] = {}
        self.buttons: dict[str, QPushButton] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 8)
        self._layout.setSpacing(10)
        self.heading = title(self.title())
        self._layout.addWidget(self.heading)
        self.prompt = StepPrompt(self)
        self._layout.addWidget(self.prompt)
        self.banner: FeedbackBanner = ctx.banner or FeedbackBanner(ctx.feedback)
        self.body = QVBoxLayout()
        self._layout.addLayout(self.body, 1)
        self._bar = QGridLayout()
        self._bar.setSpacing(8)
        self._layout.addLayout(self._bar)
        self.build()
        self.reset_prompt()

    # --- for subclasses ----------------------------------------------------------------------
    def title(self) -> str:
        return self.key

    def build(self) -> None:
        """Create the body widgets and actions."""

    def reset_prompt(self) -> None:
        """Show the first step."""

    def on_scan(self, scan: Scan) -> None:
        """A parsed scan while this screen is active."""
        self.refuse_kind(scan, [])

    def on_changed(self, changes: ChangeSet) -> None:
        """Something changed (this screen's op, another screen's, or a sync)."""

    def on_activated(self) -> None:
        """The screen became the active flow."""

    # --- actions -----------------------------------------------------------------------------
    def add_action(
        self,
        name: str,
        text: str,
        shortcut: str | QKeySequence.StandardKey,
        slot: Callable[[], None],
        *,
        primary: bool = False,
    ) -> QAction:
        """An action with a keyboard shortcut and a button that shows it (``F5 Close box``)."""
        action = QAction(text, self)
        seq = QKeySequence(shortcut)
        action.setShortcut(seq)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        keys = seq.toString(QKeySequence.SequenceFormat.NativeText).replace("Return", "Enter")
        label = f"{keys}  {text}"
        button = QPushButton(label, self)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setProperty("primary", primary)
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        n = len(self.buttons)
        self._bar.addWidget(button, n // BUTTONS_PER_ROW, n % BUTTONS_PER_ROW)
        self.actions_by_name[name] = action
        self.buttons[name] = button
        return action

    def enable(self, **flags: bool) -> None:
        for name, on in flags.items():
            self.actions_by_name[name].setEnabled(on)

    def trigger(self, name: str) -> None:
        action = self.actions_by_name[name]
        if action.isEnabled():
            action.trigger()

    # --- scans -------------------------------------------------------------------------------
    def refuse_kind(self, scan: Scan, expected: Sequence[ScanKind]) -> None:
        if expected:
            self.error(i18n.wrong_kind_message(scan.kind, expected))
        else:
            self.error(self.tr("Nothing to scan here."))

    # --- running core work -------------------------------------------------------------------
    def run(
        self,
        fn: Callable[[], tuple[Any, ChangeSet]],
        on_success: Callable[[Any], None],
        on_failure: Callable[[OpFailure], None] | None = None,
    ) -> None:
        """Run a mutating flow call: journalled before ``on_success`` beeps."""
        self.ctx.ops.run(core(fn), on_success=on_success, on_failure=on_failure or self.failed)

    def query(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[OpFailure], None] | None = None,
    ) -> None:
        """Run a read (or a pure check) off the GUI thread."""
        self.ctx.ops.run(fn, on_success=on_success, on_failure=on_failure or self.failed)

    # --- feedback ----------------------------------------------------------------------------
    def error(self, message: str) -> None:
        self.ctx.feedback.error(message)

    def show_error(self, message: str) -> None:
        self.error(message)

    def success(self, message: str) -> None:
        self.ctx.feedback.success(message)

    def warning(self, message: str) -> None:
        self.ctx.feedback.warning(message)

    def info(self, message: str) -> None:
        self.ctx.feedback.info(message)

    def clear_stale(self) -> None:
        """The screen is back at its first step: a red or yellow message from before goes away
        (a message that says what just happened, green or neutral, stays)."""
        last = self.ctx.feedback.last
        if last is not None and is_stale(last[0]):
            self.ctx.feedback.info("")

    def add(self, widget: QWidget, stretch: int = 0) -> QWidget:
        self.body.addWidget(widget, stretch)
        return widget
