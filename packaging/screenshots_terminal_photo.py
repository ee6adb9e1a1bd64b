"""Screenshots of a damage photo on the terminal: ``python packaging/screenshots_terminal_photo.py OUTDIR``.

Run under a display (``xvfb-run -a -s "-screen 0 1280x800x24" python packaging/screenshots_terminal_photo.py
docs/screenshots``; `make screenshots` runs it). The real terminal app, offline on demo data, at a pick
line; a virtual camera shows a drawn damaged parcel. Files: ``terminal_photo_capture_<lang>.png``
(the compact photo dialog over the pick screen, a photo taken) and ``terminal_pick_photo_<lang>.png``
(the pick screen after it: F4 counts the photo, the hint says to press Damaged twice).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from meta import ROOT

if str(ROOT) not in sys.path:  # our packages and tests.support, when run by path from a checkout
    sys.path.append(str(ROOT))

from PySide6.QtCore import QTimer

from scanner_app.screens.pick import PickScreen
from scanner_app.services import Session
from screenshots_evidence import damaged_parcel
from screenshots_terminal import Shooter, loc, offline_terminal
from shared.domain import ManualClock, Role
from shared.qt.camera import ImageFrameSource
from shared.qt.photo_capture import PhotoCaptureDialog
from tests.support import demo_terminal as demo_data


def shoot(outdir: Path, lang: str) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from shared.qt import i18n

    app = QApplication.instance() or QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="wb-terminal-photo-shots-"))
    clock = ManualClock(datetime(2026, 11, 25, 9, 30, tzinfo=UTC))
    terminal = offline_terminal(app, lang, tmp, clock)
    facts = demo_data.seed(terminal.store, clock, tasks=2, units_per_task=3)
    window = terminal.window
    window.resize(480, 800)
    window.show()
    window.login.logged_in.emit(
        Session("U-IVANOVA", "ivanova", "Анна Иванова", Role.WAREHOUSE, demo_data.WAREHOUSE)
    )
    s = Shooter(terminal, clock, outdir, lang)
    window.navigate("pick", facts["first_task"])
    pick = window.screens["pick"]
    assert isinstance(pick, PickScreen) and pick.flow is not None and pick.flow.current is not None
    line = pick.flow.current
    s.scan(loc(line.location_id.split(":", 1)[1]))
    source = ImageFrameSource([damaged_parcel(960, 720)], "Rear camera", interval_ms=0, hold_last=True)
    pick.ctx.camera_source = lambda: source

    def in_dialog() -> None:  # the dialog runs modally: shoot it from inside its loop
        dialog = next(w for w in app.topLevelWidgets() if isinstance(w, PhotoCaptureDialog) and w.isVisible())
        dialog.resize(470, 620)
        dialog.move(window.mapToGlobal(window.rect().center()) - dialog.rect().center())
        for _ in range(3):
            source.step()
            s.settle()
        dialog.take()
        s.shot("photo_capture", dialog)
        dialog.accept()

    QTimer.singleShot(50, in_dialog)
    pick.take_photo()  # F4: the production path (the photo kept by the store, the screen told)
    s.shot("pick_photo")
    terminal.close()
    i18n.uninstall(app, terminal.translators)
    return s.saved


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    outdir = Path(args[0] if args else "docs/screenshots")
    outdir.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    for lang in ("ru", "en"):
        saved.extend(shoot(outdir, lang))
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
