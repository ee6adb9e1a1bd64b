"""The one relay from worker threads to the GUI thread: what a worker posts runs on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from shared.qt.relay import GuiRelay


def _gui_thread() -> QThread:
    app = QApplication.instance()
    assert app is not None
    return app.thread()


def test_a_callable_posted_from_a_worker_thread_runs_on_the_gui_thread(qtbot) -> None:
    relay = GuiRelay()
    ran_on: list[QThread] = []
    posted_from: list[QThread] = []

    def worker() -> None:
        posted_from.append(QThread.currentThread())
        relay.post(lambda: ran_on.append(QThread.currentThread()))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert ran_on == []  # not run on the worker: it waits for the GUI thread's event loop
    qtbot.waitUntil(lambda: len(ran_on) == 1)
    assert ran_on[0] is _gui_thread()
    assert posted_from[0] is not _gui_thread()


def test_callables_posted_from_one_worker_run_in_the_order_posted(qtbot) -> None:
    relay = GuiRelay()
    seen: list[int] = []

    def worker() -> None:
        for n in range(50):
            relay.post(lambda n=n: seen.append(n))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(seen) == 50)
    assert seen == list(range(50))


def test_on_the_gui_thread_post_runs_at_once_and_post_later_after_the_current_event(qtbot) -> None:
    relay = GuiRelay()
    seen: list[str] = []
    relay.post_later(lambda: seen.append("later"))
    relay.post(lambda: seen.append("now"))
    assert seen == ["now"]  # an inline sync in tests stays synchronous
    qtbot.waitUntil(lambda: seen == ["now", "later"])


def test_a_relay_made_on_a_worker_thread_still_delivers_to_the_gui_thread(qtbot) -> None:
    made: list[GuiRelay] = []
    thread = threading.Thread(target=lambda: made.append(GuiRelay()))
    thread.start()
    thread.join()
    ran_on: list[QThread] = []
    made[0].post_later(lambda: ran_on.append(QThread.currentThread()))
    qtbot.waitUntil(lambda: len(ran_on) == 1)
    assert ran_on[0] is _gui_thread()
