"""Photos of damage on the terminal: at a pick line the worker presses F4, photographs the damaged item
(a virtual camera, or a file when the terminal has none), then Damaged twice; each short op names the
photo, which waits in the upload queue. The dialog fits the 480 px screen."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from shared.domain import OpType
from shared.qt.camera import ImageFrameSource
from shared.qt.photo_capture import PhotoCaptureDialog
from tests.qt.terminal_harness import OfflineTerminal

TASK = "TASK-000001"


@pytest.fixture
def terminal(qtbot: QtBot, tmp_path: Path) -> Iterator[OfflineTerminal]:
    t = OfflineTerminal(qtbot, tmp_path, tasks=2, units_per_task=3)
    t.login()
    yield t
    t.close()


def in_dialog(action: Callable[[PhotoCaptureDialog], None]) -> None:
    """Run ``action(dialog)`` once the (modal) photo dialog is up; close any modal after a deadline."""
    deadline = time.monotonic() + 20

    def poke() -> None:
        # the dialog this step opened is the modal one (not a stale one another test left around),
        # and its keys are shortcuts: they work once it is the active window (later on a busy run)
        modal = QApplication.activeModalWidget()
        if isinstance(modal, PhotoCaptureDialog) and modal.isActiveWindow():
            action(modal)
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, poke)
        elif (modal := QApplication.activeModalWidget()) is not None:
            modal.close()

    QTimer.singleShot(20, poke)


def at_first_line(terminal: OfflineTerminal) -> Any:
    terminal.window.navigate("pick", TASK)
    pick: Any = terminal.window.screens["pick"]
    terminal.scan(terminal.location(pick.flow.current.location_id))
    return pick


def test_a_damaged_skip_names_the_photo_taken_with_the_camera(
    terminal: OfflineTerminal, qtbot: QtBot
) -> None:
    pick = at_first_line(terminal)
    line = pick.flow.current
    source = ImageFrameSource([Image.new("RGB", (640, 480), (180, 60, 20))], interval_ms=10, hold_last=True)
    pick.ctx.camera_source = lambda: source
    sizes: list[int] = []

    def shoot(dialog: PhotoCaptureDialog) -> None:
        try:
            qtbot.waitUntil(lambda: dialog._frame is not None, timeout=5000)
            sizes.append(dialog.sizeHint().width())
            qtbot.keyClick(dialog, Qt.Key.Key_F1)  # the handheld's key for the shutter
        finally:
            dialog.accept()

    in_dialog(shoot)
    qtbot.keyClick(terminal.window, Qt.Key.Key_F4)
    qtbot.waitUntil(terminal.window.isActiveWindow, timeout=5000)  # back to the screen's keys
    assert sizes and sizes[0] <= 480  # the compact dialog fits the terminal's screen
    assert len(pick.photos) == 1
    sha = pick.photos[0]
    assert "1 photo" in pick.last_text and "(1)" in pick.photo.text()

    qtbot.keyClick(terminal.window, Qt.Key.Key_F2)
    qtbot.keyClick(terminal.window, Qt.Key.Key_F2)  # Damaged is pressed twice
    skips = [op for op in terminal.store.pending_ops() if op.type is OpType.PICK_SKIP]
    assert {op.payload["unit_id"] for op in skips} == {u.id for u in line.open_units}
    assert all(op.payload["reason"] == "damaged" and op.payload["photos"] == [sha] for op in skips)
    assert [p.sha256 for p in terminal.store.pending_photos()] == [sha]
    photo = terminal.store.photo(sha)
    assert photo is not None and photo.taken_by == "U-PICKER" and photo.subject == line.open_units[0].id
    assert pick.photos == []  # the next line starts without photos
    assert terminal.window.width() == 480


def test_without_a_camera_a_file_is_kept_and_not_found_names_no_photo(
    terminal: OfflineTerminal, qtbot: QtBot, tmp_path: Path
) -> None:
    pick = at_first_line(terminal)
    picture = tmp_path / "dent.png"
    Image.new("RGB", (120, 90), (20, 200, 90)).save(picture)

    class NoCamera(ImageFrameSource):
        def start(self) -> bool:
            return False

    pick.ctx.camera_source = lambda: NoCamera([])
    pick.ctx.pick_photo_file = lambda: str(picture)

    def from_file(dialog: PhotoCaptureDialog) -> None:
        try:
            assert "F2" in dialog.preview.text()  # no camera: the file key is named
            qtbot.keyClick(dialog, Qt.Key.Key_F2)
        finally:
            dialog.accept()

    in_dialog(from_file)
    qtbot.keyClick(terminal.window, Qt.Key.Key_F4)
    qtbot.waitUntil(terminal.window.isActiveWindow, timeout=5000)
    assert pick.photos == [hashlib.sha256(picture.read_bytes()).hexdigest()]
    qtbot.keyClick(terminal.window, Qt.Key.Key_F1)
    qtbot.keyClick(terminal.window, Qt.Key.Key_F1)  # not found: nothing to photograph
    skips = [op for op in terminal.store.pending_ops() if op.type is OpType.PICK_SKIP]
    assert skips and all("photos" not in op.payload for op in skips)
