"""What the apps say at start-up about their configuration and the keyring, in words.

A bad roll-out file or setting never stops a PC (shared.config.ConfigStore.load_checked skips what
is wrong and keeps the last good values); this module shows the problems: a non-modal notice over
the main window when the app starts, and a label the settings screen shows until they are fixed.
Each line names the file, the line and the setting.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from shared.config import ConfigProblem

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
            QCoreApplication.translate("ConfigNotice", "… and %1 more").replace(
                "%1", str(len(problems) - MAX_LINES)
            )
        )
    lines.append(
        QCoreApplication.translate(
            "ConfigNotice", "Fix the file and restart the app; the settings screen lists these too."
        )
    )
    return "\n".join(lines)


def show_startup_notices(
    parent: QWidget, problems: Sequence[ConfigProblem], keyring_warning: str | None = None
) -> QMessageBox | None:
    """A non-modal warning over `parent` when there is something to say; None otherwise."""
    parts = []
    if problems:
        parts.append(problems_text(problems))
    if keyring_warning:
        parts.append(keyring_warning)
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
