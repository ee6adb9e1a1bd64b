"""The terminal's status strip: short lines that fit a 480 px wide screen without clipping.

Line 1: connection state, pending operations with the age of the oldest, conflicts.
Line 2: the time of the last good sync, scanner state.
Line 3 (only when sync is not working): the reason in words, wrapped over as many lines as needed.

The cells, their tones and the reason are the shared :class:`~shared.qt.widgets.StatusView`'s (one
status model for both apps); this strip brings its short wording and its grid. Every label wraps
at word boundaries instead of being cut, so a long translation costs a line, never its end.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QSizePolicy

from shared.qt.status import StatusTexts
from shared.qt.widgets import StatusView


class TerminalStatusStrip(StatusView):
    def texts(self) -> StatusTexts:
        return StatusTexts(
            syncing=self.tr("● Syncing"),
            online=self.tr("● Online"),
            offline=self.tr("● Offline"),
            no_answer=self.tr("● No answer"),
            login=self.tr("● Log in"),
            pending=self.tr("Pending %1 (%2)"),
            no_pending=self.tr("Pending 0"),
            last_sync=self.tr("Synced %1"),
            never_synced=self.tr("Not synced yet"),
            conflicts=self.tr("Conflicts %1"),
            scanner_ok=self.tr("Scanner ✓"),
            scanner_disconnected=self.tr("Scanner ✗"),
            scanner_none=self.tr("Keyboard"),
        )

    def labels(self) -> tuple:  # type: ignore[type-arg]
        return (self.connection, self.pending, self.conflicts, self.last_sync, self.scanner, self.reason)

    def arrange(self) -> None:
        for label in self.labels():
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(0)
        grid.addWidget(self.connection, 0, 0)
        grid.addWidget(self.pending, 0, 1)
        grid.addWidget(self.conflicts, 0, 2)
        grid.addWidget(self.last_sync, 1, 0, 1, 2)
        grid.addWidget(self.scanner, 1, 2)
        grid.addWidget(self.reason, 2, 0, 1, 3)
        for column, stretch in enumerate((4, 3, 3)):
            grid.setColumnStretch(column, stretch)
