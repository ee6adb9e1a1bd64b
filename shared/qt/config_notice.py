"""What the apps say at start-up about their configuration and the keyring, in words.

A bad roll-out file or setting never stops a PC (shared.config.ConfigStore.load_checked skips what
is wrong and keeps the last good values); this module shows the problems: a non-modal notice over
the main window when the app starts, and a label the settings screen shows until they are fixed.
Each line names the file, the line and the setting.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from shared.config import ConfigProblem
from shared.qt.messages import fmt

MAX_LINES = 12
# the strings below are spelled out as QCoreApplication.translate("ConfigNotice", ...) calls so that
# pyside6-lupdate (make translations) finds them


def problems_text(problems: Sequence[ConfigProblem]) -> str:
    """A heading and one line per problem (file, line, setting, what is wrong, what is used)."""
    lines = [
        QCoreApplication.translate(
            "ConfigNotice", "The configuration has problems; the app runs on its last good settings:"
        )
    ]
    lines += [f"• {p}" for p in problems[:MAX_LINES]]
    if len(problems) > MAX_LINES:
        lines.append(
            fmt(QCoreApplication.translate("ConfigNotice", "… and %1 more"), len(problems) - MAX_LINES)
        )
    lines.append(
        QCoreApplication.translate(
            "ConfigNotice", "Fix the file and restart the app; the settings screen lists these too."
        )
    )
    return "\n".join(lines)


def keyring_text() -> str:
    """The warning when sign-ins cannot be kept (no secure keyring on this computer)."""
    return QCoreApplication.translate(
        "ConfigNotice",
        "This computer has no secure password store: after the app restarts you will need to log in again.",
    )


class DemoBadge(QLabel):
    """A "DEMO" marker over a corner of the demo's windows: this app keeps its sign-ins in the demo
    folder (shared.auth.demo_keyring), not in a secure store, and works on demo data."""

    def __init__(self, window: QWidget, *, centred: bool = False) -> None:
        super().__init__(QCoreApplication.translate("ConfigNotice", "DEMO"), window)
        self.setObjectName("DemoBadge")
        self.setToolTip(
            QCoreApplication.translate(
                "ConfigNotice",
                "Demo mode: demo data, and sign-ins kept in the demo folder instead of a secure store.",
            )
        )
        self.setStyleSheet(
            "QLabel#DemoBadge { background: #f0b400; color: #1a1a1a; font-weight: bold;"
            " padding: 2px 10px; border-radius: 4px; }"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._centred = centred
        window.installEventFilter(self)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        window = self.parentWidget()
        if window is None:
            return
        x = (window.width() - self.width()) // 2 if self._centred else window.width() - self.width() - 12
        self.move(max(0, x), 6)
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._place()
        return False


def show_startup_notices(
    parent: QWidget,
    problems: Sequence[ConfigProblem],
    keyring_warning: str | None = None,
    *,
    demo: bool = False,
    centred: bool = False,
) -> QMessageBox | None:
    """A non-modal warning over `parent` when there is something to say; None otherwise.

    ``keyring_warning`` (any text: the notice says it in the UI's language) means sign-ins are not
    kept; ``demo`` (the demo's own keyring) puts a :class:`DemoBadge` on the window instead."""
    if demo:
        parent.setProperty("demoBadge", DemoBadge(parent, centred=centred))
    parts = []
    if problems:
        parts.append(problems_text(problems))
    if keyring_warning and not demo:
        parts.append(keyring_text())
    if not parts:
        return None
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ConfigNotice", "Check the configuration"),
        "\n\n".join(parts),
        parent=parent,
    )
    box.setObjectName("startupNotice")
    box.setModal(False)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.show()
    return box


class ProblemsLabel(QLabel):
    """The settings screen's list of configuration problems (hidden when there are none)."""

    def __init__(self, problems: Sequence[ConfigProblem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("configProblems")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setProperty("tone", "warning")
        self.setStyleSheet("QLabel#configProblems { color: #8a4b00; }")
        self.set_problems(problems)

    def set_problems(self, problems: Sequence[ConfigProblem]) -> None:
        self.setText(problems_text(problems) if problems else "")
        self.setVisible(bool(problems))
