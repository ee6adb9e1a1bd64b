"""Screenshots of camera scanning in Russian and English: ``python packaging/screenshots_camera.py OUTDIR``.

Run under a display (``xvfb-run -a -s "-screen 0 1280x800x24" python packaging/screenshots_camera.py
docs/screenshots``; `make screenshots` runs it). A virtual camera (frames rendered from our own
labels by tests/support/camera_frames.py) stands in for the webcam; everything after it is the
production path: the camera driver decodes on its thread, the scanner bridge routes the code.

Files: ``pvz_camera_<lang>.png`` (the issuing screen after F11: a customer's phone with the pickup
QR, the order it opened) and ``terminal_camera_<lang>.png`` (the terminal's login after F6: a badge
read by the camera).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from meta import ROOT

if str(ROOT) not in sys.path:  # our packages and tests.support, when run by path from a checkout
    sys.path.append(str(ROOT))

from PySide6.QtWidgets import QApplication

from screenshots_pvz import Shooter, _login, offline_pvz
from shared.barcodes import ScanKind, make_badge_label
from shared.domain import ManualClock
from shared.qt.camera import ImageFrameSource
from tests.support.camera_frames import LabelSpec, phone_frame, render_frame


def _wait(app: QApplication, done: Callable[[], bool], timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the camera read nothing")
        app.processEvents()
        time.sleep(0.01)


def pvz_camera(app: QApplication, out: Path, lang: str) -> Path:
    with offline_pvz(app, lang, "camera") as (built, world, clock):
        s = Shooter(app, built, clock, world, out, lang)
        _login(s)
        screen = s.flow("issuing")
        qr = world.qr(world.mixed_order, clock.now())
        source = ImageFrameSource([phone_frame(qr)], "USB 2.0 HD Camera", interval_ms=40, hold_last=True)
        screen.camera.source_factory = lambda: source
        screen.trigger("camera")
        _wait(app, lambda: screen.session is not None)
        for _ in range(10):  # a few more frames: the preview shows the phone, the green frame
            source.step()
            app.processEvents()
        screen.camera.preview.flash()
        s.shot("camera")
        screen.camera.close_camera()
        return s.files[-1]


def terminal_camera(app: QApplication, out: Path, lang: str) -> Path:
    from screenshots_terminal import offline_terminal

    clock = ManualClock(datetime(2026, 11, 25, 9, 30, tzinfo=UTC))
    tmp = Path(tempfile.mkdtemp(prefix="wb-terminal-camera-shots-"))
    terminal = offline_terminal(app, lang, tmp, clock)
    window = terminal.window
    try:
        window.resize(480, 800)
        window.show()
        badge = make_badge_label(100042)
        spec = LabelSpec("badge", ScanKind.BADGE, badge, ("Иванова Анна",))
        source = ImageFrameSource(
            [render_frame(spec, "sharp")], "rear camera", interval_ms=40, hold_last=True
        )
        window.camera.source_factory = lambda: source
        window.camera_button.click()
        _wait(app, lambda: window.login.badge == badge)
        for _ in range(10):
            source.step()
            app.processEvents()
        window.camera.preview.flash()
        app.processEvents()
        path = out / f"terminal_camera_{lang}.png"
        window.grab().save(str(path))
        window.camera.close_camera()
        return path
    finally:
        window.close()
        terminal.bridge.stop()
        terminal.store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", choices=("ru", "en"), action="append")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    for lang in args.lang or ["ru", "en"]:
        print(pvz_camera(app, args.outdir, lang))
        print(terminal_camera(app, args.outdir, lang))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
