"""Common widgets for both apps: the step prompt, the status bar, progress, keyboard-first tables.

* :class:`StepPrompt`: the big "Next: scan a box" panel a busy clerk reads at a glance; its tone
  turns green after a good scan and red (with the reason) after a bad one.
* :class:`StatusView`: the sync cells (online/offline, pending ops and the oldest one's age, last
  sync, conflicts, last error) and scanner health, rendered from a
  :class:`~shared.qt.status.StatusModel`; :class:`StatusBar` is the desktop row with user and
  site, the terminal's compact strip another arrangement of the same cells.
* :class:`ProgressStrip`: shows the :class:`~shared.qt.operations.Operations` hub's progress and
  hides itself when idle.
* :func:`make_table`: a QTableView set up for keyboard use (row selection, no edit triggers).
* :func:`title` / :func:`hint`: labels with the stylesheet's roles.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .operations import Operations
from .status import StatusModel, StatusSnapshot, StatusTexts, status_cells
from .theme import repolish

TONES = ("info", "ok", "error", "warn")


def title(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "title")
    return label


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


class StepPrompt(QFrame):
    """The next step in large type, with a hint line under it and a tone (info/ok/error/warn)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StepPrompt")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._text = QLabel(self)
        self._text.setObjectName("StepText")
        self._text.setWordWrap(True)
        self._hint = QLabel(self)
        self._hint.setObjectName("StepHint")
        self._hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(self._text)
        layout.addWidget(self._hint)
        self._tone = "info"
        self.setProperty("tone", "info")

    def set_step(self, text: str, hint: str = "", tone: str = "info") -> None:
        """Show ``text`` (the next thing to do) and ``hint`` (why, or what just happened)."""
        if tone not in TONES:
            raise ValueError(f"unknown tone {tone!r}")
        self._text.setText(text)
        self._hint.setText(hint)
        self._hint.setVisible(bool(hint))
        if tone != self._tone:
            self._tone = tone
            self.setProperty("tone", tone)
            repolish(self)

    @property
    def text(self) -> str:
        return self._text.text()

    @property
    def hint(self) -> str:
        return self._hint.text()

    @property
    def tone(self) -> str:
        return self._tone


class StatusView(QFrame):
    """The sync cells (connection, pending, last sync, conflicts, scanner, the reason sync is not
    working) as labels kept current from a :class:`~shared.qt.status.StatusModel`: on every
    ``changed``, every second while a sync runs (so a silent server shows "no answer" in time) and
    every 30 s otherwise (ages move on with the clock). What they say is
    :func:`~shared.qt.status.status_cells`; a subclass gives its wording in :meth:`texts` and places
    the labels (and any of its own) in :meth:`arrange`. The reason label hides when there is none.
    """

    cell_label: type[QLabel] = QLabel  # what the cells that may give way are drawn with

    def __init__(self, model: StatusModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatusStrip")
        self._model = model
        self.connection = QLabel(self)
        self.pending = self.cell_label(self)
        self.last_sync = self.cell_label(self)
        self.conflicts = QLabel(self)
        self.scanner = self.cell_label(self)
        self.reason = QLabel(self)
        self.reason.setObjectName("StatusReason")
        self.reason.setWordWrap(True)
        self.reason.setVisible(False)
        self.arrange()
        model.changed.connect(self.show_status)
        self._timer = QTimer(self)
        self._timer.setInterval(30_000)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        self.show_status(model.snapshot)

    def texts(self) -> StatusTexts:
        raise NotImplementedError

    def arrange(self) -> None:
        raise NotImplementedError

    def tick(self) -> None:
        """Render again with the clock's time (the timer calls this)."""
        self.show_status(self._model.snapshot)

    def _set(self, label: QLabel, text: str, tone: str = "") -> None:
        label.setText(text)
        if label.property("tone") != tone:
            label.setProperty("tone", tone)
            repolish(label)

    def show_status(self, s: StatusSnapshot) -> None:
        cells = status_cells(s, self.texts(), self._model.age_text, self._model.clock.now())
        for label, cell in (
            (self.connection, cells.connection),
            (self.pending, cells.pending),
            (self.last_sync, cells.last_sync),
            (self.conflicts, cells.conflicts),
            (self.scanner, cells.scanner),
            (self.reason, cells.reason),
        ):
            self._set(label, cell.text, cell.tone)
            label.setToolTip(cell.tooltip)
        if self.reason.isHidden() == bool(cells.reason.text):
            self.reason.setVisible(bool(cells.reason.text))
        interval = 1_000 if s.syncing else 30_000
        if self._timer.interval() != interval:
            self._timer.setInterval(interval)

    @property
    def text(self) -> str:
        """Everything the strip says, in reading order (tests, accessibility)."""
        labels = [w for w in (self.connection, self.pending, self.conflicts, self.last_sync, self.scanner)]
        if self.reason.text():
            labels.append(self.reason)
        return " | ".join(w.text() for w in labels)


class ElidedLabel(QLabel):
    """A one-line label that gives way: its full text when there is room, else cut with '…', so a
    long status never makes the window wider than the screen (``text()`` stays whole)."""

    MIN_CHARS = 6

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().averageCharWidth() * self.MIN_CHARS), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        if self.fontMetrics().horizontalAdvance(self.text()) <= rect.width():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        elided = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment()), elided)


class StatusBar(StatusView):
    """The bottom strip of a desktop window: the sync cells in one row, then user and site; the
    reason sync is not working, when there is one, in words on a row of its own below. On a narrow
    screen the pending, last-sync, scanner, user and site cells give way ('…') before the window
    grows past it."""

    cell_label = ElidedLabel

    def texts(self) -> StatusTexts:
        return StatusTexts(
            syncing=self.tr("● Syncing…"),
            online=self.tr("● Online"),
            offline=self.tr("● Offline"),
            no_answer=self.tr("● No answer"),
            login=self.tr("● Log in again"),
            pending=self.tr("Pending: %1 (oldest %2)"),
            no_pending=self.tr("Pending: 0"),
            last_sync=self.tr("Last sync: %1 (%2)"),
            never_synced=self.tr("Not synced yet"),
            conflicts=self.tr("Conflicts: %1"),
            scanner_ok=self.tr("Scanner: ready"),
            scanner_disconnected=self.tr("Scanner: disconnected"),
            scanner_none=self.tr("Scanner: keyboard"),
        )

    def arrange(self) -> None:
        self.user = ElidedLabel(self)
        self.site = ElidedLabel(self)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(4, 2, 4, 2)
        rows.setSpacing(0)
        layout = QHBoxLayout()
        for label in (self.connection, self.pending, self.last_sync, self.conflicts):
            layout.addWidget(label)
        layout.addStretch(1)
        for label in (self.scanner, self.user, self.site):
            layout.addWidget(label)
        rows.addLayout(layout)
        rows.addWidget(self.reason)  # the whole width, under the cells, only when there is a reason

    def show_status(self, s: StatusSnapshot) -> None:
        super().show_status(s)
        self._set(self.user, s.user or self.tr("Not logged in"))
        self._set(self.site, s.site)


class ProgressStrip(QWidget):
    """A labelled progress bar that follows the hub's ``progress`` and hides when work is done."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel(self)
        self._bar = QProgressBar(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self._label)
        layout.addWidget(self._bar, 1)
        ops.progress.connect(self.show_progress)
        ops.busy.connect(self._busy)
        self.hide()

    def show_progress(self, text: str, done: int, total: int) -> None:
        self._label.setText(text)
        if total <= 0:
            self._bar.setRange(0, 0)  # busy, size unknown
        else:
            self._bar.setRange(0, total)
            self._bar.setValue(min(done, total))
        self.show()

    def _busy(self, busy: bool) -> None:
        if not busy:
            self.hide()

    @property
    def text(self) -> str:
        return self._label.text()


def make_table(model: QAbstractItemModel, parent: QWidget | None = None) -> QTableView:
    """A read-only, row-selecting table view that works well from the keyboard."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(34)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view
