"""A local database an app cannot start on (written by a newer version, damaged, on a full or
read-only disk) is said in words, in a window and on stderr, never as a traceback."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from shared.store import StoreError


def report_store_error(app_name: str, exc: StoreError, *, show: bool = True) -> int:
    """Print and (unless `show` is False: a start-up check, a test) show the problem; the exit code."""
    title = QCoreApplication.translate("Startup", "The app cannot open its local database")
    text = exc.message
    print(f"{app_name}: {text}" + (f" ({exc.detail})" if exc.detail else ""), file=sys.stderr)
    if show and isinstance(QApplication.instance(), QApplication):
        box = QMessageBox(QMessageBox.Icon.Critical, title, text)
        if exc.detail:
            box.setDetailedText(exc.detail)
        box.exec()
    return 2
