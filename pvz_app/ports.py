"""What a PVZ screen asks of the world outside the core, as one typed set of ports.

The composition root gives every screen a :class:`Ports` (``ctx.ports``) whose defaults are the
real thing: Qt dialogs for the clerk's answers, the serial ports of this computer, the system's
camera. Tests, the screenshots script and the benchmarks replace fields by name::

    build(opts, app, ports=Ports(confirm=lambda *_a: True, choose=lambda _p, _t, _l, items: items[0]))
    pvz.app.ctx.ports.confirm = questions.answer
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from shared.qt.camera import FrameSource

Confirm = Callable[[QWidget, str, str], bool]
Choose = Callable[[QWidget, str, str, list[str]], "str | None"]
AskText = Callable[[QWidget, str, str], str]


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Yes/No with No as the default: Enter (or a wedge scanner's Enter) never confirms by accident."""
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def choose(parent: QWidget, title: str, label: str, items: list[str]) -> str | None:
    """One of `items`, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    item, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return item if ok else None


def ask_text(parent: QWidget, title: str, label: str) -> str:
    """A line of text (a reason, a comment), trimmed; "" when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(parent, title, label)
    return text.strip() if ok else ""


def serial_ports() -> list[str]:
    """The serial ports of this computer (the settings screen's scanner list)."""
    from shared.setup import list_serial_ports

    return [p.device for p in list_serial_ports()]


@dataclass
class Ports:
    """The clerk's answers and the devices a screen uses; see the module docstring."""

    confirm: Confirm = confirm
    choose: Choose = choose
    ask_text: AskText = ask_text
    list_ports: Callable[[], list[str]] = serial_ports
    # where a dispute pack is saved, given the suggested file name; None: the save dialog
    ask_save_path: Callable[[str], str | None] | None = None
    # the camera's frames (the issuing screen's F11, dispute photos); None: the system's camera
    camera_source: Callable[[], FrameSource] | None = None
