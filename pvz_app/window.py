"""The PVZ main window: flows in a side bar (each on an F-key), the active flow, the status bar.

The window owns no business logic. It switches screens, routes scans to the active one (whatever
widget has focus), forwards the hub's ``changed`` to every screen and kicks the sync after each
operation. Login comes first; the flows that need a shift send the clerk to the shift screen.

A counter PC left alone locks after the configured idle minutes: the login screen becomes the unlock
view naming the clerk; the same clerk's password resumes exactly where they were (the flows are only
hidden meanwhile, and sync goes on); another clerk logging in starts with fresh screens.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from shared.qt.feedback import FeedbackBanner
from shared.qt.messages import fmt
from shared.qt.operations import OpFailure
from shared.qt.relogin import ReloginPrompt
from shared.qt.scanner_bridge import blocked_message
from shared.qt.widgets import ProgressStrip, StatusBar
from shared.scanning.events import ScanEvent
from shared.store import Actor, ChangeSet

from .context import PvzContext
from .screens.acceptance import AcceptanceScreen
from .screens.base import Screen
from .screens.cells import CellsScreen
from .screens.conflicts import ConflictsScreen
from .screens.dispute import DisputeScreen
from .screens.fitting import FittingScreen
from .screens.inventory import InventoryScreen
from .screens.issuing import IssuingScreen
from .screens.login import LoginScreen
from .screens.returns import ReturnsScreen
from .screens.settings import SettingsScreen
from .screens.shift import ShiftScreen
from .screens.storage import StorageScreen

IDLE_CHECK_MS = 10_000
# a key that is a shortcut (F2, Ctrl+E) is seen as ShortcutOverride before it fires
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


@dataclass
class LockedOut:
    """Who was locked out after idle time, and where they were."""

    actor: Actor
    screen: Screen
    focus: QWidget | None


# flow key -> F-key, in side bar order
FLOWS: tuple[tuple[str, str], ...] = (
    ("issuing", "F2"),
    ("fitting", "Shift+F2"),
    ("acceptance", "F3"),
    ("returns", "F4"),
    ("storage", "Shift+F4"),
    ("cells", "F5"),
    ("inventory", "F6"),
    ("conflicts", "F7"),
    ("dispute", "Shift+F7"),
    ("shift", "F8"),
    ("settings", "F9"),
)


class MainWindow(QMainWindow):
    def __init__(self, ctx: PvzContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(fmt(self.tr("WB Ops: pickup point %1"), ctx.site_id))
        self.setObjectName("PvzMainWindow")
        # one feedback banner for every flow (one repaint per message), above the active screen
        self.banner = FeedbackBanner(ctx.feedback)
        self.banner.setVisible(False)
        ctx.feedback.shown.connect(self._feedback_shown)
        ctx.banner = self.banner
        self.login = LoginScreen(ctx)
        self.screens = self._make_screens()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.login)
        for screen in self.screens.values():
            self.stack.addWidget(screen)
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("SideBar")
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sidebar.setFixedWidth(236)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.flow_actions: dict[str, QAction] = {}
        for key, fkey in FLOWS:
            # "⇧F2" rather than "Shift+F2": the flow's name fits the side bar whole
            item = QListWidgetItem(f"{fkey.replace('Shift+', '⇧')}  {self.screens[key].title()}")
            item.setToolTip(f"{fkey}  {self.screens[key].title()}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)
            action = QAction(self.screens[key].title(), self)
            action.setShortcut(QKeySequence(fkey))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(lambda _c=False, k=key: self.show_flow(k))
            self.addAction(action)
            self.flow_actions[key] = action
        self.sidebar.itemClicked.connect(lambda item: self.show_flow(item.data(Qt.ItemDataRole.UserRole)))
        self.logout_action = QAction(self.tr("Log out"), self)
        self.logout_action.setShortcuts([QKeySequence("F10"), QKeySequence("Ctrl+Shift+L")])
        self.logout_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.logout_action.triggered.connect(self.request_logout)
        self.addAction(self.logout_action)
        self.sync_action = QAction(self.tr("Sync now"), self)
        self.sync_action.setShortcut(QKeySequence("F12"))
        self.sync_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.sync_action.triggered.connect(self.sync_now)
        self.addAction(self.sync_action)
        # logging out and syncing are on buttons under the flows, not only on keys
        self.sync_button = QPushButton("F12  " + self.tr("Sync now"), self)
        self.sync_button.setObjectName("SyncButton")
        self.sync_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sync_button.clicked.connect(self.sync_action.trigger)
        self.logout_button = QPushButton("F10  " + self.tr("Log out"), self)
        self.logout_button.setObjectName("LogoutButton")
        self.logout_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.logout_button.clicked.connect(self.logout_action.trigger)
        self.logout_action.enabledChanged.connect(self.logout_button.setEnabled)

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 8)
        left.setSpacing(6)
        left.addWidget(self.sidebar, 1)
        for button in (self.sync_button, self.logout_button):
            button.setFixedWidth(self.sidebar.width() - 16)
            button.setStyleSheet("font-size: 13px; padding: 6px 4px;")  # the side bar's width
            left.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        row.addLayout(left)
        right = QVBoxLayout()
        right.setContentsMargins(16, 8, 16, 0)
        right.setSpacing(0)
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        row.addLayout(right, 1)
        outer.addLayout(row, 1)
        self.progress = ProgressStrip(ctx.ops, central)
        outer.addWidget(self.progress)
        self.status_bar = StatusBar(ctx.status, central)
        outer.addWidget(self.status_bar)
        self.setCentralWidget(central)

        ctx.ops.changed.connect(self._changed)
        ctx.ops.failed.connect(self._failed)
        self.login.logged_in.connect(self._logged_in)
        ctx.scanner.repeated.connect(self._repeated)
        ctx.scanner.faulted.connect(self._faulted)
        ctx.scanner.blocked.connect(self._blocked)
        self.current: Screen = self.login
        self.locked_out: LockedOut | None = None
        self._last_override: tuple[int, int, int] | None = None
        # the server ended the session (a revoked or lost refresh token): the password is asked
        # over the current screen, which stays as it is, and sync resumes after it
        self.relogin = ReloginPrompt(ctx.status, self, self._relogin_user, self._relogin, self._resumed)
        self._set_flows_enabled(False)
        self._activate(self.login)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # any key, click or scroll is the clerk's activity
        self._idle = QTimer(self)
        self._idle.setInterval(IDLE_CHECK_MS)
        self._idle.timeout.connect(self.check_idle)
        self._idle.start()

    def _make_screens(self) -> dict[str, Screen]:
        ctx = self.ctx
        return {
            "issuing": IssuingScreen(ctx),
            "fitting": FittingScreen(ctx),
            "acceptance": AcceptanceScreen(ctx),
            "returns": ReturnsScreen(ctx),
            "storage": StorageScreen(ctx),
            "cells": CellsScreen(ctx),
            "inventory": InventoryScreen(ctx),
            "conflicts": ConflictsScreen(ctx),
            "dispute": DisputeScreen(ctx),
            "shift": ShiftScreen(ctx),
            "settings": SettingsScreen(ctx),
        }

    def _fresh_screens(self) -> None:
        """New flow screens: nothing of the previous clerk's half-done work shows to the next one."""
        old, self.screens = self.screens, self._make_screens()
        for screen in old.values():
            self.stack.removeWidget(screen)
            screen.deleteLater()
        for screen in self.screens.values():
            self.stack.addWidget(screen)

    # bound methods (not lambdas): a replaced window (language switch) leaves no connection behind
    def _repeated(self, event: object) -> None:
        self.ctx.feedback.repeat(str(getattr(event, "text", "")))

    def _faulted(self, fault: object) -> None:
        self.ctx.feedback.fault(fault)  # type: ignore[arg-type]

    def _blocked(self, _event: object) -> None:
        self.ctx.feedback.error(blocked_message())  # a dialog is open: the flow behind gets nothing

    def resume(self, actor: Actor, key: str) -> None:
        """Take over a signed-in session (a new window after a language switch) on flow ``key``."""
        self.ctx.flows.clerk.actor = actor
        self._set_flows_enabled(True)
        self.show_flow(key)

    def _feedback_shown(self, _tone: str, message: str) -> None:
        self.banner.setVisible(bool(message))

    # --- navigation --------------------------------------------------------------------------
    def _set_flows_enabled(self, on: bool) -> None:
        for i in range(self.sidebar.count()):
            item = self.sidebar.item(i)
            flags = item.flags()
            item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if on else flags & ~Qt.ItemFlag.ItemIsEnabled)
        # the flows' keys stay live: pressed before login (or while locked) they say why nothing opens
        self.logout_action.setEnabled(on)

    def _show(self, screen: Screen) -> None:
        """Make ``screen`` the visible, active one: scans go to it, the side bar follows."""
        if self.current is not screen:
            self.current.active = False
        self.current = screen
        screen.active = True
        self.stack.setCurrentWidget(screen)
        self.ctx.scanner.set_target(self._route)
        for i in range(self.sidebar.count()):
            item = self.sidebar.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == screen.key:
                self.sidebar.setCurrentItem(item)

    def _activate(self, screen: Screen) -> None:
        if self.current is not screen:
            self.ctx.feedback.info("")  # the last flow's message does not follow the clerk
        self._show(screen)
        screen.reset_prompt()
        screen.on_activated()
        focused = QApplication.focusWidget()
        if focused is None or not screen.isAncestorOf(focused):
            screen.setFocus()  # keys and shortcuts go to the active flow, not a hidden field

    def _route(self, event: ScanEvent) -> None:
        """Every scan goes to the active flow, whatever widget has the keyboard focus; a locked
        counter refuses it (nothing applied)."""
        if self.locked_out is None and self.ctx.actor is not None:
            self.check_idle()  # a scan after the idle time finds the counter locked, not the flow
        if self.locked_out is not None:
            self.ctx.feedback.error(
                fmt(
                    self.tr(
                        "Locked: the scan was not applied. %1 must unlock first (or another clerk log in)."
                    ),
                    self.locked_out.actor.username,
                )
            )
            return
        if self.ctx.actor is not None:
            self.ctx.auth.touch()
        self.current.handle_scan(event)

    def show_flow(self, key: str) -> None:
        if self.locked_out is not None:
            self.ctx.feedback.warning(
                fmt(
                    self.tr("Locked: %1 must unlock first (or another clerk log in)."),
                    self.locked_out.actor.username,
                )
            )
            return
        if self.ctx.actor is None:
            self.ctx.feedback.warning(self.tr("Log in first: the flows open after login."))
            return
        screen = self.screens[key]
        if screen.needs_shift and self.ctx.flows.shift.current() is None:
            self._activate(self.screens["shift"])
            self.ctx.feedback.warning(self.tr("Open the shift first (Ctrl+O)."))
            return
        self._activate(screen)

    def flow(self, key: str) -> Screen:
        return self.login if key == "login" else self.screens[key]

    # --- idle lock ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            self._explain_unavailable(event)
        if event.type() in _ACTIVITY and self.locked_out is None and self.ctx.actor is not None:
            if self.ctx.auth.locked:
                self.lock()  # back after the idle time: the counter locks before the key counts
            else:
                self.ctx.auth.touch()
        return False

    def _explain_unavailable(self, event: QKeyEvent) -> None:
        """A key whose action is disabled on this screen would do nothing silently: say why."""
        stamp = (event.timestamp(), event.key(), int(event.modifiers().value))
        if stamp == self._last_override or not self.isActiveWindow():
            return  # the same key seen again on its way up the widget chain
        self._last_override = stamp
        pressed = QKeySequence(event.keyCombination())
        for name, action in self.current.actions_by_name.items():
            if action.isEnabled() or not any(
                pressed.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in action.shortcuts()
            ):
                continue
            explain = getattr(self.current, "unavailable_reason", None)
            reason = explain(name) if callable(explain) else ""
            self.ctx.feedback.warning(reason or fmt(self.tr("«%1» is not available now."), action.text()))
            return

    def check_idle(self) -> None:
        """Lock a counter left idle past the configured minutes (the timer calls this)."""
        if self.locked_out is None and self.ctx.actor is not None and self.ctx.auth.locked:
            self.lock()

    def lock(self) -> None:
        """Hide the flow behind the unlock view; its widgets, its state and the sync carry on."""
        actor = self.ctx.actor
        if actor is None or self.locked_out is not None:
            return
        self._close_dialogs()
        focused = self.focusWidget()  # this window's focus child, even while a dialog had the keys
        keep = focused if focused is not None and self.current.isAncestorOf(focused) else None
        self.locked_out = LockedOut(actor, self.current, keep)
        self._set_flows_enabled(False)
        self.login.show_locked(actor.username)
        self._activate(self.login)
        self.ctx.feedback.warning(fmt(self.tr("Locked after %1 idle minutes."), self.login.idle_minutes))

    def _close_dialogs(self) -> None:
        """A question left open (a refusal reason, a confirmation) is cancelled, not left for
        whoever walks up: the flow sees a cancel and changes nothing."""
        closed = False
        for _ in range(8):  # nested dialogs, innermost first
            modal = QApplication.activeModalWidget()
            if not isinstance(modal, QDialog) or not modal.isVisible():
                break
            modal.reject()
            closed = True
        if closed:
            self.activateWindow()  # the keys come back to this window, its unlock view

    def _resume_locked(self, locked: LockedOut) -> None:
        """Back to the screen the clerk was on as it was: no prompt reset, the focus where it was."""
        self._show(locked.screen)
        (locked.focus or locked.screen).setFocus()

    # --- login -------------------------------------------------------------------------------
    def _logged_in(self, actor: Actor) -> None:
        locked, self.locked_out = self.locked_out, None
        self.login.show_locked(None)
        self.ctx.flows.clerk.actor = actor
        self.ctx.status.update(user=actor.username, site=self.ctx.site_id, online=self.ctx.auth.online)
        self.relogin.reset()
        self._set_flows_enabled(True)
        if self.ctx.sync is not None:
            self.ctx.sync.kick()
        if locked is not None and locked.actor.user_id == actor.user_id and locked.screen.key != "login":
            self._resume_locked(locked)
            return
        if locked is not None:
            self._fresh_screens()  # another clerk: a fresh start
        self.show_flow("issuing" if self.ctx.flows.shift.current() is not None else "shift")

    # --- the server ended the session -----------------------------------------------------------
    def _relogin_user(self) -> str | None:
        actor = self.ctx.actor
        return actor.username if actor is not None and self.locked_out is None else None

    def _relogin(self, username: str, password: str) -> object:
        return self.ctx.auth.login(username, password)

    def _resumed(self) -> None:
        self.ctx.status.update(online=self.ctx.auth.online)
        self.ctx.feedback.success(self.tr("Logged in again: sync resumes."))
        if self.ctx.sync is not None:
            self.ctx.sync.sync_now()

    # --- logout ------------------------------------------------------------------------------
    def request_logout(self) -> None:
        """F10: log out, after saying what is left undone (operations not sent yet)."""
        if self.ctx.actor is None:
            return
        pending = self.ctx.status.snapshot.pending
        if pending:
            confirm = self.ctx.ports.confirm
            text = fmt(
                self.tr(
                    "%1 operations have not reached the server yet. They stay on this computer and are "
                    "sent after the next login. Log out anyway?"
                ),
                pending,
            )
            if not confirm(self, self.tr("Log out"), text):
                self.ctx.feedback.info(self.tr("Still logged in."))
                return
        self.logout()

    def logout(self) -> None:
        """Log out: the server is told when reachable; locally the clerk is out either way."""
        self.ctx.ops.run(self.ctx.auth.logout, on_failure=lambda _f: None)
        self.ctx.flows.clerk.actor = None
        self.locked_out = None
        self.login.show_locked(None)
        self.ctx.status.update(user="")
        self._set_flows_enabled(False)
        self._activate(self.login)

    # --- hub ---------------------------------------------------------------------------------
    def _changed(self, changes: object) -> None:
        """After one of our operations: refresh screens, then push soon (kick also re-reads the
        pending count for the status bar)."""
        self.refresh_screens(changes)
        if self.ctx.sync is not None:
            self.ctx.sync.kick()

    @Slot(object)
    def refresh_screens(self, changes: object) -> None:
        """Tell every screen what changed (our operation, or what a sync pulled)."""
        if isinstance(changes, ChangeSet):
            for screen in self.screens.values():
                screen.on_changed(changes)

    def _failed(self, failure: OpFailure) -> None:
        self.ctx.feedback.error(failure.message)

    @Slot(object)
    def show_sync_progress(self, status: object) -> None:
        """A first sync (or a resync) reports how much it pulled: show it so the clerk waits knowingly."""
        total = getattr(status, "progress_total", None)
        done = getattr(status, "progress_done", None) or 0
        if total and getattr(status, "syncing", False):
            self.progress.show_progress(self.tr("Loading data from the server…"), int(done), int(total))
        elif total is None and self.ctx.ops.running == 0:
            self.progress.hide()

    def sync_now(self) -> None:
        """F12: sync now; when the server ended the session, ask for the password first."""
        if self.relogin.offer():
            return
        if self.ctx.sync is not None:
            self.ctx.sync.sync_now()

    def shutdown(self) -> None:
        """Stop the idle timer and the app-wide activity filter (before the window goes away)."""
        self._idle.stop()
        self.relogin.detach()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.ops.runner.wait(10_000)
        self.shutdown()
        super().closeEvent(event)
