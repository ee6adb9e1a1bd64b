"""The one way work done on another thread reaches the GUI thread: ``GuiRelay.post(callable)``.

Worker threads (the operations runner, the sync worker, scanner drivers, the setup wizard's
connection check) never touch a widget or emit a widget-facing signal themselves; they post a
callable and the relay runs it on the thread it lives on, the GUI thread::

    relay = GuiRelay(self)                              # created on the GUI thread
    pool.start(lambda: relay.post(lambda: self.show(work())))

* :meth:`GuiRelay.post` runs the callable at once when called on the GUI thread (an inline sync in
  tests stays synchronous) and queues it to the GUI thread's event loop from any other thread.
* :meth:`GuiRelay.post_later` always queues it, even from the GUI thread (a scan fed by a driver is
  handled after the event being processed, never inside it).

Callables posted from one thread run in the order they were posted.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, SignalInstance, Slot

_emit_leaks_true: bool | None = None


class _Probe(QObject):
    ping = Signal()


def _detect_emit_leak() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.ping.emit()
    leaked = sys.getrefcount(True) < before
    if leaked:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return leaked


def emit_signal(signal: SignalInstance, *args: Any) -> None:
    """signal.emit(*args), safe from the PySide6 6.12 refcount bug on Python 3.11.

    There, every Python-side `Signal.emit()` drops one reference to `True` that it never took;
    after a few hundred emits the interpreter aborts ("bool_dealloc: deallocating True"). This
    gives the reference back when (and only when) the bug is detected, once, at first use. Use it
    for signals emitted many times (every scan); Qt's own C++ emits are not affected.
    """
    global _emit_leaks_true
    if _emit_leaks_true is None:
        _emit_leaks_true = _detect_emit_leak()
    signal.emit(*args)
    if _emit_leaks_true:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


class GuiRelay(QObject):
    """Runs posted callables on the GUI thread. Create it on the GUI thread (one created elsewhere
    without a parent moves itself there)."""

    _now = Signal(object)  # direct on the GUI thread, queued from another
    _later = Signal(object)  # always queued

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QCoreApplication.instance()
        if parent is None and app is not None and self.thread() is not app.thread():
            self.moveToThread(app.thread())
        self._now.connect(self._run)
        self._later.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, fn: Callable[[], object]) -> None:
        """Run ``fn`` on the GUI thread: now when called there, else as soon as its loop runs."""
        emit_signal(self._now, fn)

    def post_later(self, fn: Callable[[], object]) -> None:
        """Run ``fn`` on the GUI thread once control returns to its event loop, from any thread."""
        emit_signal(self._later, fn)

    @Slot(object)
    def _run(self, fn: Callable[[], object]) -> None:
        fn()
