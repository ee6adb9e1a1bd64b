"""The terminal's one window: a title bar, the stacked screens, the sync status strip.

Built for a portrait 480x800 handheld. Scans reach only the visible screen (the scanner bridge's
target follows navigation); a change set from any operation or sync refreshes the visible screen.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from shared.qt.camera import CameraPanel, SourceFactory
from shared.qt.messages import fmt
from shared.qt.operations import Operations, OpFailure
from shared.qt.scanner_bridge import ScannerBridge, blocked_message
from shared.qt.status import StatusModel

from .logic.common import Level
from .screens.base import TOUCH, Context, Screen
from .screens.cluster import ClusterScreen
from .screens.conflicts import ConflictScreen
from .screens.count import CountScreen
from .screens.device import DeviceScreen
from .screens.login import LoginScreen
from .screens.menu import MenuScreen
from .screens.pack import PackScreen
from .screens.pick import PickScreen
from .screens.putaway import PutawayScreen
from .screens.reprint import ReprintScreen
from .screens.returns import ReturnScreen
from .screens.ship import ShipScreen
from .screens.tasks import TaskListScreen
from .services import DeviceInfo, Services, Session
from .status_strip import TerminalStatusStrip

SIZE = (480, 800)
IDLE_CHECK_MS = 10_000
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}


class TerminalWindow(QWidget):
    def __init__(
        self,
        services: Services,
        ops: Operations,
        bridge: ScannerBridge,
        status: StatusModel,
        parent: QWidget | None = None,
        *,
        camera_source: SourceFactory | None = None,
        device: DeviceInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("TerminalWindow")
        self.setWindowTitle(self.tr("WB Ops warehouse terminal"))
        self.services = services
        self.ops = ops
        self.bridge = bridge
        self.status = status
        self.session: Session | None = None
        self.resize(*SIZE)
        ctx = Context(
            services,
            ops,
            lambda: self.session,
            self.navigate,
            camera_source=camera_source,
            device=device,
            status=status,
        )
        self.title = QLabel(self)
        self.title.setObjectName("TerminalTitle")
        self.user = QLabel(self)
        self.user.setObjectName("TerminalUser")
        self.user.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for label in (self.title, self.user):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QWidget(self)
        top.setObjectName("TerminalHeader")
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(12, 6, 12, 6)
        top_row.addWidget(self.title, 1)
        top_row.addWidget(self.user)
        # F6: read codes with the terminal's camera (a terminal without a scanner, a phone's QR).
        # The preview floats over the screen's lower right (see _place_camera): in the layout it
        # would push the tallest screens past 800 px.
        self.camera = CameraPanel(
            bridge,
            source_factory=camera_source,
            clock=services.clock,
            preview_size=QSize(208, 117),
            margins=(6, 6, 6, 6),
            parent=self,
        )
        self.camera.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.camera.setStyleSheet(
            "QWidget#cameraPanel { background: rgba(29, 29, 36, 235); border-radius: 6px; }"
            "QLabel#cameraStatus { color: #ffffff; font-size: 13px; }"
        )
        self.camera.setFixedWidth(220)
        self.camera_button = QPushButton(self)
        self.camera_button.setObjectName("CameraButton")
        self.camera_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.camera_button.setCheckable(True)
        # the header stays a thin bar (the theme makes every terminal button 56 px tall)
        self.camera_button.setStyleSheet(
            "min-height: 24px; max-height: 28px; padding: 1px 10px; font-size: 13px;"
        )
        self.camera.opened.connect(self._place_camera)
        self.camera_button.clicked.connect(lambda _checked=False: self.camera.toggle())
        self.camera.opened.connect(self.camera_button.setChecked)
        top_row.addWidget(self.camera_button)
        self.stack = QStackedWidget(self)
        self.screens: dict[str, Screen] = {}
        for cls in (
            LoginScreen,
            MenuScreen,
            TaskListScreen,
            PickScreen,
            ClusterScreen,
            PackScreen,
            ShipScreen,
            ReturnScreen,
            CountScreen,
            PutawayScreen,
            ReprintScreen,
            ConflictScreen,
            DeviceScreen,
        ):
            screen = cls(ctx, self.stack)
            self.screens[screen.name] = screen
            self.stack.addWidget(screen)
        login = self.screens["login"]
        assert isinstance(login, LoginScreen)
        self.login: LoginScreen = login
        self.login.logged_in.connect(self.start_shift)
        menu = self.screens["menu"]
        assert isinstance(menu, MenuScreen)
        menu.logout_requested.connect(self.request_logout)
        self._logout_armed = False  # F10 with unsent operations warned once; F10 again logs out
        self.relogin: Any = None  # shared.qt.relogin.ReloginPrompt, set by the composition root
        self.strip = TerminalStatusStrip(status, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.strip)
        ops.changed.connect(self._changed)
        ops.failed.connect(self._failed)
        bridge.faulted.connect(self._fault)
        bridge.blocked.connect(self._blocked)
        QShortcut(QKeySequence("Ctrl+Q"), self).activated.connect(self.close)
        QShortcut(QKeySequence("F6"), self).activated.connect(self.camera.toggle)
        self._resume: tuple[str, str] | None = None  # (user id, screen) of a shift locked while idle
        bridge.scanned.connect(lambda _: self.services.auth.touch() if self.session else None)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._idle = QTimer(self)
        self._idle.setInterval(IDLE_CHECK_MS)
        self._idle.timeout.connect(self.check_idle)
        self._idle.start()
        self.navigate("login")

    @property
    def current(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def navigate(self, name: str, arg: Any = None) -> None:
        if self.session is None and name != "login":
            name = "login"
        screen = self.screens[name]
        if screen is not self.stack.currentWidget():
            self.bridge.debouncer.reset()  # a new step: the same label again is a new scan
        self._logout_armed = False
        self.stack.setCurrentWidget(screen)
        self.bridge.set_target(screen.handle_scan if screen.takes_scans else None)
        screen.activate(arg)
        self.title.setText(screen.title())
        self.user.setText(self.session.name if self.session else "")
        self.camera_button.setText("F6 " + self.tr("Camera"))
        screen.setFocus()

    def _place_camera(self, _opened: bool = False) -> None:
        """The camera preview over the lower right of the screen, above its buttons."""
        self.camera.adjustSize()
        area = self.stack.geometry()
        x = area.right() - self.camera.width() - 8
        y = area.bottom() - self.camera.height() - TOUCH - 24
        self.camera.move(x, max(area.top(), y))
        self.camera.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_camera()

    def start_shift(self, session: Session) -> None:
        resume, self._resume = self._resume, None
        same_worker = resume is not None and resume[0] == session.user_id
        self.session = session
        self.status.update(user=session.name, site=session.site_id)
        if same_worker and resume is not None:
            self.navigate(resume[1])  # back where the worker was, the step's state intact
        else:
            self.navigate("menu")

    # --- idle lock -----------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.session is not None:
            self.services.auth.touch()
        return False

    def check_idle(self) -> None:
        """Lock a shift left idle: the terminal shows the login; the same worker resumes where they were."""
        if self.session is None or not self.services.auth.idle_locked():
            return
        self._resume = (self.session.user_id, self.current.name)
        self.session = None
        self.navigate("login")
        self.login.show_result(Level.WARN, self.tr("Locked after a pause: log in again to continue."))

    def request_logout(self) -> None:
        """F10: log out; with operations not sent yet, say so first and log out on a second F10."""
        pending = self.status.snapshot.pending
        if pending and not self._logout_armed:
            self._logout_armed = True
            self.current.show_result(
                Level.WARN,
                fmt(
                    self.tr(
                        "%1 operations have not reached the server yet. They stay on this terminal and "
                        "are sent after the next login. F10 again logs out."
                    ),
                    pending,
                ),
            )
            return
        self.logout()

    def relogged(self) -> None:
        """The worker typed the password again after the server ended the session."""
        self.current.show_result(Level.OK, self.tr("Logged in again: sync resumes."))

    def logout(self) -> None:
        self._logout_armed = False
        session, self.session = self.session, None
        if session is not None:
            # logging out locally must work even when the server is away
            with contextlib.suppress(Exception):
                self.services.auth.logout(session)
        self.status.update(user="", site="")
        self.navigate("login")

    def data_changed(self, changes: object = None) -> None:
        """A sync (or anything else) changed local data: the visible screen re-reads it."""
        if self.session is not None:
            self.current.refresh()

    def _changed(self, changes: object) -> None:
        self.current.refresh()

    def _failed(self, failure: OpFailure) -> None:
        self.current.show_result(Level.ERROR, failure.message)

    def _fault(self, fault: Any) -> None:
        self.current.show_result(Level.ERROR, str(getattr(fault, "message", fault)))

    def _blocked(self, _event: object) -> None:
        self.current.show_result(Level.ERROR, blocked_message())  # a dialog is open: nothing applied

    def shutdown(self) -> None:
        """Stop the idle timer and the app-wide activity filter (before the window goes away)."""
        self._idle.stop()
        if self.relogin is not None:
            self.relogin.detach()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def retranslate(self) -> None:
        for screen in self.screens.values():
            retranslate = getattr(screen, "retranslate", None)
            if retranslate is not None:
                retranslate()
        self.navigate(self.current.name)
