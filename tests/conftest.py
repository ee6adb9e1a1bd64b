"""Test-wide settings: offscreen Qt, an in-memory keyring, and no wall-clock surprises."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# PostgreSQL for the tests that run on both databases: started on first use, once a session
pytest_plugins = ["tests.support.postgres"]


def pytest_runtest_teardown(item: object) -> None:
    """A dialog a test left open (a failed assertion inside a modal loop, say) must not stay on top
    of the next test's windows: a later test looking for its own dialog would wait on the wrong one."""
    if "PySide6.QtWidgets" not in sys.modules:
        return  # a backend or pure test: no Qt loaded, nothing to close
    from PySide6.QtWidgets import QApplication, QDialog

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
