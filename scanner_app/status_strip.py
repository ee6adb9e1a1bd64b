"""The terminal's status strip: two short lines that fit a 480 px wide screen.

Line 1: online/offline, pending operations with the age of the oldest, conflicts.
Line 2: last sync, scanner state, last error. Reads the shared :class:`StatusModel`.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QWidget

from shared.qt.status import SCANNER_DISCONNECTED, SCANNER_OK, StatusModel, StatusSnapshot
from shared.qt.theme import repolish


class TerminalStatusStrip(QFrame):
    def __init__(self, model: StatusModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatusStrip")
        self._model = model
        self.connection = QLabel(self)
        self.pending = QLabel(self)
        self.conflicts = QLabel(self)
        self.last_sync = QLabel(self)
        self.scanner = QLabel(self)
        for label in (self.connection, self.pending, self.conflicts, self.last_sync, self.scanner):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setHorizontalSpacing(2)
        grid.setVerticalSpacing(0)
        grid.addWidget(self.connection, 0, 0)
        grid.addWidget(self.pending, 0, 1)
        grid.addWidget(self.conflicts, 0, 2)
        grid.addWidget(self.last_sync, 1, 0, 1, 2)
        grid.addWidget(self.scanner, 1, 2)
        for column, stretch in enumerate((2, 3, 2)):
            grid.setColumnStretch(column, stretch)
        model.changed.connect(self.show_snapshot)
        self._timer = QTimer(self)
        self._timer.setInterval(30_000)
        self._timer.timeout.connect(lambda: self.show_snapshot(self._model.snapshot))
        self._timer.start()
        self.show_snapshot(model.snapshot)

    def _set(self, label: QLabel, text: str, tone: str = "") -> None:
        label.setText(text)
        if label.property("tone") != tone:
            label.setProperty("tone", tone)
            repolish(label)

    def show_snapshot(self, s: StatusSnapshot) -> None:
        if s.syncing:
            self._set(self.connection, self.tr("● Syncing"), "ok")
        elif s.online:
            self._set(self.connection, self.tr("● Online"), "ok")
        else:
            self._set(self.connection, self.tr("● Offline"), "error")
        if s.pending:
            text = self.tr("Pending %1 (%2)").replace("%1", str(s.pending))
            self._set(self.pending, text.replace("%2", self._model.age_text(s.oldest_pending_at)), "warn")
        else:
            self._set(self.pending, self.tr("Pending 0"))
        self._set(
            self.conflicts,
            self.tr("Conflicts %1").replace("%1", str(s.conflicts)),
            "error" if s.conflicts else "",
        )
        sync_text = self.tr("Synced: %1").replace("%1", self._model.age_text(s.last_sync_at))
        if s.last_error and not s.online:
            sync_text += " · " + s.last_error[:40]
        self._set(self.last_sync, sync_text)
        self.last_sync.setToolTip(s.last_error)
        if s.scanner == SCANNER_OK:
            self._set(self.scanner, self.tr("Scanner ✓"), "ok")
        elif s.scanner == SCANNER_DISCONNECTED:
            self._set(self.scanner, self.tr("Scanner ✗"), "error")
        else:
            self._set(self.scanner, self.tr("Keyboard"), "")

    @property
    def text(self) -> str:
        return " | ".join(
            w.text() for w in (self.connection, self.pending, self.conflicts, self.last_sync, self.scanner)
        )
