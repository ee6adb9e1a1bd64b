"""What every terminal screen shares: scan handling, journalling a flow's reaction, feedback, buttons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from shared.barcodes import Scan
from shared.qt.messages import fmt
from shared.qt.operations import Operations, OpFailure, OpResult
from shared.qt.screen import BaseScreen, is_stale
from shared.qt.status import StatusModel
from shared.qt.theme import repolish
from shared.qt.widgets import StepPrompt

from .. import texts
from ..logic.common import Level, Msg, Reaction
from ..services import DeviceInfo, Services, Session

TOUCH = 56  # px: a gloved finger's target (>= 48 px, 9 mm on a 5" 480x800 screen)

TONE = {Level.OK: "ok", Level.INFO: "info", Level.WARN: "warn", Level.ERROR: "error"}


class Flow(Protocol):
    def committed(self, reaction: Reaction) -> None: ...


@dataclass
class Context:
    """What a screen gets from the window: services, the operation hub, the session, navigation."""

    services: Services
    ops: Operations
    session: Callable[[], Session | None]
    navigate: Callable[[str, Any], None]
    # photo evidence: the camera's frames (None: the system camera) and a file chooser (None: Qt's)
    camera_source: Callable[[], Any] | None = None
    pick_photo_file: Callable[[], str | None] | None = None
    device: DeviceInfo | None = None  # the "This terminal" screen's facts
    status: StatusModel | None = None


def big_button(text: str, parent: QWidget | None = None, *, primary: bool = False) -> QPushButton:
    button = QPushButton(text, parent)
    button.setMinimumHeight(TOUCH)
    # the text never widens the screen past 480 px: long labels are kept short instead
    button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    button.setMinimumWidth(TOUCH)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the screen's shortcuts, scans to the bridge
    if primary:
        button.setProperty("primary", True)
    return button


def wrap(label: QLabel) -> QLabel:
    """A label that wraps instead of widening the screen."""
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class _WrappingDelegate(QStyledItemDelegate):
    """Sizes a wrapped line for a little less width than it is painted in: the stylesheet's item
    padding is left out of Qt's own measure, so a line just short of the width would get one
    line's height and be cut off with '…'."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        narrower = QStyleOptionViewItem(option)
        rect = QRect(option.rect)
        rect.setWidth(max(1, rect.width() - 16))
        narrower.rect = rect
        return super().sizeHint(narrower, index)


def wrap_lines(view: QListView) -> QListView:
    """A list whose long lines wrap at the screen's width instead of scrolling sideways."""
    view.setItemDelegate(_WrappingDelegate(view))
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    return view


NO_BREAK_HYPHEN = "\u2011"


class NamesLabel(QLabel):
    """A wrapping label whose hyphenated names stay whole: 'PVZ-DEMO-2' never breaks at a hyphen
    (a non-breaking hyphen looks the same)."""

    def setText(self, text: str) -> None:
        super().setText(text.replace("-", NO_BREAK_HYPHEN))


def info_label(parent: QWidget, style: str, *, centered: bool = False) -> QLabel:
    """A wrapping label with the stylesheet's ``style`` (BoxNumber, Destination, LineInfo, ...);
    a Destination names a site, whose hyphens do not break."""
    label = wrap(NamesLabel(parent) if style == "Destination" else QLabel(parent))
    label.setObjectName(style)
    if centered:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class Screen(BaseScreen):
    """A page of the terminal. ``activate(arg)`` runs when it is shown; scans go to ``on_scan``
    parsed (shared.qt.screen.BaseScreen); errors go to the prompt's hint."""

    name = "screen"
    takes_scans = True

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"screen_{self.name}")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(8, 8, 8, 8)
        self.layout_.setSpacing(8)
        self._last: tuple[str, str] = ("", "info")

    # --- navigation hooks --------------------------------------------------------------------

    def activate(self, arg: Any = None) -> None:
        """Called each time the screen is shown."""
        self.refresh()

    def refresh(self) -> None:
        """Re-read what the screen shows (after an operation or a sync)."""

    def title(self) -> str:
        return ""

    def go(self, screen: str, arg: Any = None) -> None:
        self.ctx.navigate(screen, arg)

    @property
    def session(self) -> Session | None:
        return self.ctx.session()

    # --- scans -------------------------------------------------------------------------------

    def on_scan(self, scan: Scan) -> None:
        """Override: what the screen does with a classified scan. By default: not here."""
        self.show_result(
            Level.WARN, QCoreApplication.translate("Screen", "Nothing to scan here: choose a job first.")
        )

    # --- reactions ---------------------------------------------------------------------------

    def apply(
        self, reaction: Reaction, flow: Flow | None = None, then: Callable[[], None] | None = None
    ) -> None:
        """Show a flow's reaction; journal its operations first when it has any.

        The success message and sound come only once the journal has the operations; a failure
        shows the reason and changes nothing.
        """
        if not reaction.records:
            self.show_result(reaction.level, texts.render(reaction.message))
            if flow is not None:
                flow.committed(reaction)
            self.refresh()
            if then:
                then()
            return
        session = self.session
        if session is None:
            self.show_result(Level.ERROR, QCoreApplication.translate("Screen", "Log in first."))
            return
        journal = self.ctx.services.journal

        def work() -> OpResult[None]:
            changes = journal.record(reaction.records, session)
            return OpResult(None, changes)

        def done(_: None) -> None:
            if flow is not None:
                flow.committed(reaction)
            self.refresh()
            self.show_result(reaction.level, texts.render(reaction.message))
            if then:
                then()

        self.ctx.ops.run(work, on_success=done, on_failure=self.failed)

    def failed(self, failure: OpFailure) -> None:
        self.refresh()
        super().failed(failure)

    def show_error(self, message: str) -> None:
        self.show_result(Level.ERROR, message)

    def take_photos(self, subject: str, keep: Callable[[bytes], str]) -> list[str]:
        """Photos of damage (the compact camera dialog: camera or file); ``keep`` stores one photo's
        bytes and returns its SHA-256. Returns the hashes taken, in order (none when cancelled)."""
        from shared.qt.photo_capture import PhotoCaptureDialog

        dialog = PhotoCaptureDialog(
            keep,
            subject=subject,
            source_factory=self.ctx.camera_source,
            pick_file=self.ctx.pick_photo_file,
            compact=True,
            parent=self,
        )
        dialog.exec()
        self.window().activateWindow()  # the screen's keys work again at once
        return list(dialog.taken)

    def show_result(self, level: Level, text: str) -> None:
        """The hint under the prompt, its colour, the sound and the vibration hook."""
        self._last = (text, TONE[level])
        self.ctx.services.feedback.signal(TONE[level], text)
        self.render_prompt()

    def render_prompt(self) -> None:
        """Override: redraw the step prompt (uses :attr:`last_text`, :attr:`last_tone`)."""

    @property
    def last_text(self) -> str:
        return self._last[0]

    @property
    def last_tone(self) -> str:
        return self._last[1]

    def add_to_result(self, text: str) -> None:
        """One more line under the last result (a label printed after a box closed), no sound."""
        last, tone = self._last
        self._last = (f"{last}\n{text}" if last else text, tone)
        self.render_prompt()

    def clear_result(self) -> None:
        self._last = ("", "info")

    def drop_stale(self) -> None:
        """The worker comes back to this step from elsewhere: a red or yellow message from the last
        visit no longer applies (a green one saying what was done may stay)."""
        if is_stale(self._last[1]):
            self.clear_result()

    def msg(self, m: Msg) -> str:
        return texts.render(m)


class ScanScreen(Screen):
    """A scan-driven step screen: the prompt on top, the screen's own body, buttons, a code field."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.prompt = StepPrompt(self)
        self.layout_.addWidget(self.prompt)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        self.layout_.addLayout(self.body, 1)
        self.buttons = QVBoxLayout()
        self.buttons.setSpacing(6)
        self.layout_.addLayout(self.buttons)
        row = QHBoxLayout()
        self.code = QLineEdit(self)
        self.code.setObjectName("code_entry")
        self.code.setMinimumHeight(TOUCH)
        self.code.returnPressed.connect(self._typed)
        self.code_ok = QPushButton("OK", self)
        self.code_ok.setMinimumSize(TOUCH + 8, TOUCH)
        self.code_ok.clicked.connect(self._typed)
        self.code_ok.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row.addWidget(self.code, 1)
        row.addWidget(self.code_ok)
        self.layout_.addLayout(row)
        self.code.setPlaceholderText(
            QCoreApplication.translate("ScanScreen", "Type a code if the label does not scan")
        )
        self._keys: dict[QPushButton, str] = {}

    def add_action(self, button: QPushButton, key: str, slot: Callable[[], None]) -> QPushButton:
        """A big button that also answers a hardware key (F1..F4); the key is shown on the button."""
        button.clicked.connect(slot)
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # ignored while the screen is hidden
        shortcut.activated.connect(lambda: self._press(button))
        button.setProperty("key", key)
        self._keys[button] = key
        return button

    def _press(self, button: QPushButton) -> None:
        if not button.isVisible():
            return
        if button.isEnabled():
            button.click()
            return
        # a key that does nothing says why, instead of silence
        name = button.text().split("  ", 1)[-1]
        self.show_result(
            Level.WARN,
            self.unavailable_reason(button)
            or fmt(QCoreApplication.translate("ScanScreen", "«%1» is not available now."), name),
        )

    def unavailable_reason(self, button: QPushButton) -> str:
        """Override: why ``button`` is disabled right now, for the worker who pressed its key."""
        return ""

    def label_button(self, button: QPushButton, text: str) -> None:
        """Set a button's text with its hardware key: 'F1  Skip'."""
        key = self._keys.get(button)
        button.setText(f"{key}  {text}" if key else text)

    def button_row(self, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        for b in buttons:
            row.addWidget(b)
        self.buttons.addLayout(row)
        return row

    def _typed(self) -> None:
        text = self.code.text().strip()
        self.code.clear()
        if text:
            self.handle_text(text)

    def set_prompt(self, step: str) -> None:
        tone = self.prompt.tone
        self.prompt.set_step(step, self.last_text, self.last_tone)
        if tone != self.last_tone:
            # the hint's style depends on the prompt's tone (an error is large and red): re-polish it
            for label in self.prompt.findChildren(QLabel):
                repolish(label)


class FlowScreen(ScanScreen):
    """A step screen driven by one flow object (``self.flow``, None until a job is chosen).

    Showing or refreshing it re-reads the flow's copy of the local data (flows that keep one have
    ``reload()``) and redraws the prompt; ``render_prompt`` draws the flow.
    """

    flow: Any = None

    def hideEvent(self, event: QHideEvent) -> None:
        # the worker leaves this job (back to the menu, another job): a red message from now will
        # not greet them when they come back; a minimised window (spontaneous) keeps it
        if not event.spontaneous():
            self.drop_stale()
        super().hideEvent(event)

    def refresh(self) -> None:
        reload = getattr(self.flow, "reload", None)
        if callable(reload):
            reload()
        self.render_prompt()
