"""The terminal's status strip: two short lines that fit a 480 px wide screen.

Line 1: online/offline, pending operations with the age of the oldest, conflicts.
Line 2: last sync (with the last error when offline), scanner state. The cells and their tones are
the shared :class:`~shared.qt.widgets.StatusView`'s; this strip brings its short wording and its grid.
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
            pending=self.tr("Pending %1 (%2)"),
            no_pending=self.tr("Pending 0"),
            last_sync=self.tr("Synced: %1"),
            conflicts=self.tr("Conflicts %1"),
            scanner_ok=self.tr("Scanner ✓"),
            scanner_disconnected=self.tr("Scanner ✗"),
            scanner_none=self.tr("Keyboard"),
            inline_error_chars=40,
        )

    def arrange(self) -> None:
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

    @property
    def text(self) -> str:
        return " | ".join(
            w.text() for w in (self.connection, self.pending, self.conflicts, self.last_sync, self.scanner)
        )
