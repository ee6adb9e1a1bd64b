"""The operations hub: results on the GUI thread, one changed signal, typed failures."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from shared.barcodes import BarcodeError
from shared.domain import InvalidOperation
from shared.qt.operations import Operations, OpFailure, OpResult, SyncRunner, ThreadRunner


def test_sync_runner_delivers_value_then_one_change_set(qtbot) -> None:
    ops = Operations(SyncRunner())
    seen: list[object] = []
    ops.changed.connect(lambda c: seen.append(("changed", c)))
    ops.run(lambda: OpResult(42, {"units": ["U1"]}), on_success=lambda v: seen.append(("value", v)))
    assert seen == [("value", 42), ("changed", {"units": ["U1"]})]


def test_a_result_without_changes_emits_no_changed(qtbot) -> None:
    ops = Operations(SyncRunner())
    changed: list[object] = []
    ops.changed.connect(changed.append)
    values: list[int] = []
    ops.run(lambda: 7, on_success=values.append)
    assert values == [7]
    assert changed == []


def test_domain_error_becomes_typed_translated_failure(qtbot) -> None:
    ops = Operations(SyncRunner())
    failures: list[OpFailure] = []

    def bad() -> None:
        raise InvalidOperation("unknown_unit", "unit U1 is unknown")

    ops.run(bad, on_failure=failures.append)
    assert len(failures) == 1
    failure = failures[0]
    assert failure.code == "unknown_unit"
    assert failure.kind == "domain"
    assert failure.detail == "unit U1 is unknown"
    assert "Unknown unit" in failure.message  # no catalog installed: the English source


def test_barcode_error_uses_barcode_messages(qtbot) -> None:
    ops = Operations(SyncRunner())
    failures: list[OpFailure] = []

    def bad() -> None:
        raise BarcodeError("wrong_kind", "wrong kind", {"expected": "cell", "scanned": "unit"})

    ops.run(bad, on_failure=failures.append)
    assert failures[0].code == "wrong_kind"
    assert failures[0].message  # rendered through shared.barcodes.messages


def test_unhandled_failure_goes_to_failed_signal(qtbot) -> None:
    ops = Operations(SyncRunner())
    failed: list[OpFailure] = []
    ops.failed.connect(failed.append)

    def bug() -> None:
        raise RuntimeError("boom")

    ops.run(bug)
    assert [f.kind for f in failed] == ["internal"]
    assert failed[0].detail == "boom"


def test_thread_runner_runs_off_gui_thread_and_delivers_on_it(qtbot) -> None:
    runner = ThreadRunner()
    ops = Operations(runner)
    gui = QThread.currentThread()
    worker_threads: list[int] = []
    delivered_on: list[object] = []

    def work() -> OpResult[str]:
        worker_threads.append(threading.get_ident())
        return OpResult("done", "cs")

    with qtbot.waitSignal(ops.changed, timeout=5000) as blocker:
        ops.run(work, on_success=lambda v: delivered_on.append((v, QThread.currentThread())))
    assert blocker.args == ["cs"]
    assert worker_threads and worker_threads[0] != threading.get_ident()
    assert delivered_on == [("done", gui)]
    assert runner.wait(5000)


def test_thread_runner_keeps_operations_in_submission_order(qtbot) -> None:
    ops = Operations(ThreadRunner())
    order: list[int] = []
    for i in range(20):
        ops.run(lambda i=i: i, on_success=order.append)
    qtbot.waitUntil(lambda: len(order) == 20, timeout=5000)
    assert order == list(range(20))


def test_busy_and_progress(qtbot) -> None:
    ops = Operations(SyncRunner())
    busy: list[bool] = []
    progress: list[tuple[str, int, int]] = []
    ops.busy.connect(busy.append)
    ops.progress.connect(lambda t, d, n: progress.append((t, d, n)))

    def long(p) -> int:  # type: ignore[no-untyped-def]
        for i in range(3):
            p.report(i + 1, 3)
        return 3

    ops.run_with_progress(long, "Loading")
    QApplication.processEvents()
    assert busy == [True, False]
    assert progress[0] == ("Loading", 0, 0)
    assert progress[-1] == ("Loading", 3, 3)


@pytest.mark.parametrize("exc", [OSError("disk full"), TimeoutError("slow")])
def test_io_errors_are_io_failures(qtbot, exc: Exception) -> None:
    ops = Operations(SyncRunner())
    failures: list[OpFailure] = []

    def bad() -> None:
        raise exc

    ops.run(bad, on_failure=failures.append)
    assert failures[0].kind == "io"
