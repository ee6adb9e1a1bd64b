# PyInstaller runtime hook of the client bundle: the headless smoke check of a built app.
#
# Only with WB_OPS_SMOKE=1 in the environment (packaging/smoke.py sets it): when the app enters its
# event loop, a moment later this reports the visible top-level windows on stdout and quits, with
# exit status 0 when at least one window is shown and 3 when none is. Without the variable it does
# nothing at all, so the apps carry no test switch of their own.
import os
import time

if os.environ.get("WB_OPS_SMOKE") == "1":
    _started = time.perf_counter()

    def _install() -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        original = QApplication.exec
        delay = int(os.environ.get("WB_OPS_SMOKE_DELAY_MS", "300"))

        def report() -> None:
            shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
            print(f"smoke: event loop after {time.perf_counter() - _started:.3f} s", flush=True)
            for w in shown:
                size = w.size()
                print(
                    f"smoke: window {type(w).__name__} {w.windowTitle()!r} {size.width()}x{size.height()}",
                    flush=True,
                )
            QApplication.exit(0 if shown else 3)

        def exec_and_report(*_args: object, **_kwargs: object) -> int:
            QTimer.singleShot(delay, report)
            return int(original())

        QApplication.exec = exec_and_report  # type: ignore[method-assign]

    _install()
