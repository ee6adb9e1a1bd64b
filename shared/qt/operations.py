"""UI actions as operations: run off the GUI thread, hand back one change set, report typed failures.

The pattern (after Anki's ``aqt.operations`` and Picard's ``util.thread``):

* A UI action is an *operation*: a plain callable over core objects (the store, the sync engine,
  the barcode parser) that knows nothing about Qt. It returns an :class:`OpResult` carrying its
  value and the core's change set (what it changed: units, cells, boxes, the shift, ...).
* An :class:`Operations` hub runs it through an injected :class:`Runner`. The production
  :class:`ThreadRunner` runs callables one after another on a worker thread (so journal writes keep
  their order) and delivers the outcome on the GUI thread; tests inject :class:`SyncRunner`, which
  runs them inline. Nothing is patched.
* On success the hub calls the caller's ``on_success(value)`` first (the screen updates itself and
  then beeps: the operation already wrote its journal entry) and then emits one
  ``changed(changes)`` signal; every screen listening refreshes only what the change set touches.
* On failure the exception becomes an :class:`OpFailure` (code, translated message, kind). The
  caller's ``on_failure`` gets it, or, when the caller passed none, the hub's ``failed`` signal
  carries it to whoever shows errors (the main window's banner).

Example::

    def accept(store, unit_id, cell_id, actor):          # core side, no Qt
        op, changes = store.record(OpType.ACCEPT_UNIT, {...}, actor)
        return OpResult(op, changes)

    self.ops.run(lambda: accept(store, uid, cid, user.id), on_success=self._accepted,
                 on_failure=self._show_error)
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, QThreadPool, Signal

from . import i18n
from .relay import GuiRelay

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """What an operation hands back: its value and the core change set (``None`` when nothing changed)."""

    value: T
    changes: Any = None


@dataclass(frozen=True)
class OpFailure:
    """A typed failure a screen can show.

    ``kind`` is ``"domain"`` (a rule said no: wrong label, illegal transition, unknown unit),
    ``"io"`` (disk, network) or ``"internal"`` (a bug; logged with its traceback).
    ``message`` is already translated for the current UI language; ``detail`` is the original
    English text of the error, for logs and tooltips.
    """

    code: str
    message: str
    kind: str = "domain"
    detail: str = ""
    error: BaseException | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Outcome:
    """Either a value or an exception, as it came out of the worker thread."""

    value: Any = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class Runner(Protocol):
    """Runs a callable and calls ``done(Outcome)`` on the GUI thread."""

    def submit(self, fn: Callable[[], Any], done: Callable[[Outcome], None]) -> None: ...

    def wait(self, msecs: int = -1) -> bool:
        """Block until submitted work has finished (shutdown, tests); True when idle."""
        ...


def _call(fn: Callable[[], Any]) -> Outcome:
    try:
        return Outcome(value=fn())
    except Exception as exc:
        return Outcome(error=exc)


class SyncRunner:
    """Runs each operation inline and calls back at once: deterministic, for tests and scripts."""

    def submit(self, fn: Callable[[], Any], done: Callable[[Outcome], None]) -> None:
        done(_call(fn))

    def wait(self, msecs: int = -1) -> bool:
        return True


class ThreadRunner:
    """Runs operations one at a time on a private worker thread and delivers outcomes on the GUI thread.

    One thread keeps journal writes in the order the clerk made them; the GUI never blocks.
    Create it on the GUI thread.
    """

    def __init__(self, max_threads: int = 1) -> None:
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(max_threads)
        self._relay = GuiRelay()  # the worker posts each outcome to the GUI thread through it
        self._pending: dict[int, Callable[[Outcome], None]] = {}
        self._tokens = itertools.count(1)
        self._lock = threading.Lock()

    def submit(self, fn: Callable[[], Any], done: Callable[[Outcome], None]) -> None:
        token = next(self._tokens)
        with self._lock:
            self._pending[token] = done
        relay = self._relay

        def work() -> None:
            outcome = _call(fn)
            relay.post(lambda: self._deliver(token, outcome))

        self._pool.start(work)

    def _deliver(self, token: int, outcome: Outcome) -> None:
        with self._lock:
            done = self._pending.pop(token, None)
        if done is not None:
            done(outcome)

    def wait(self, msecs: int = -1) -> bool:
        return bool(self._pool.waitForDone(msecs))

    @property
    def busy(self) -> bool:
        with self._lock:
            return bool(self._pending)


class Progress:
    """Handed to long operations: ``report(done, total, text)`` from any thread updates the UI."""

    def __init__(self, sink: Callable[[str, int, int], None], label: str) -> None:
        self._sink = sink
        self.label = label
        self.cancelled = False

    def report(self, done: int, total: int, text: str = "") -> None:
        self._sink(text or self.label, done, total)


def failure_from(exc: BaseException) -> OpFailure:
    """Turn an exception from the core into an :class:`OpFailure` with a translated message.

    Core errors carry a machine ``code`` (``BarcodeError``, ``InvalidOperation``,
    ``IllegalTransition``, store and sync errors); i18n maps codes to translated messages and
    falls back to the error's own message for a code it does not know.
    """
    code = getattr(exc, "code", None)
    detail = str(getattr(exc, "message", "") or getattr(exc, "reason", "") or exc)
    if isinstance(code, str) and code:
        params = getattr(exc, "params", None)
        key = getattr(exc, "key", None) or code  # an error naming its text's own catalog entry
        message = i18n.error_message(key, detail, params if isinstance(params, Mapping) else None)
        return OpFailure(code, message, "domain", detail, exc)
    if isinstance(exc, OSError | TimeoutError | ConnectionError):
        return OpFailure("io_error", i18n.error_message("io_error", detail), "io", detail, exc)
    log.error("operation failed", exc_info=(type(exc), exc, exc.__traceback__))
    return OpFailure("internal", i18n.error_message("internal", detail), "internal", detail, exc)


class Operations(QObject):
    """The hub screens run their actions through; one per main window, injected into every screen.

    Signals:
      ``changed(changes)``  after every successful operation that changed something;
      ``failed(OpFailure)``  for failures no caller handled;
      ``busy(bool)``        work started / all work finished (screens show a spinner, keep typing);
      ``progress(text, done, total)`` from long operations.
    """

    changed = Signal(object)
    failed = Signal(object)
    busy = Signal(bool)
    progress = Signal(str, int, int)

    def __init__(self, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._running = 0
        self._relay = GuiRelay(self)  # progress reported from the worker reaches the GUI thread

    @property
    def runner(self) -> Runner:
        return self._runner

    @property
    def running(self) -> int:
        """How many operations are submitted and not yet delivered."""
        return self._running

    def run(
        self,
        fn: Callable[[], T | OpResult[T]],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[OpFailure], None] | None = None,
    ) -> None:
        """Run ``fn`` through the runner; see the module docstring for what happens next."""
        self._running += 1
        if self._running == 1:
            self.busy.emit(True)
        self._runner.submit(fn, lambda outcome: self._finish(outcome, on_success, on_failure))

    def run_with_progress(
        self,
        fn: Callable[[Progress], T | OpResult[T]],
        label: str,
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[OpFailure], None] | None = None,
    ) -> None:
        """Like :meth:`run` for long work: ``fn`` gets a :class:`Progress` to report through."""
        relay = self._relay

        def sink(text: str, done: int, total: int) -> None:
            relay.post(lambda: self.progress.emit(text, done, total))

        progress = Progress(sink, label)
        self.progress.emit(label, 0, 0)
        self.run(lambda: fn(progress), on_success=on_success, on_failure=on_failure)

    def _finish(
        self,
        outcome: Outcome,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[OpFailure], None] | None,
    ) -> None:
        self._running -= 1
        try:
            if outcome.error is not None:
                failure = failure_from(outcome.error)
                if on_failure is not None:
                    on_failure(failure)
                else:
                    self.failed.emit(failure)
                return
            result = outcome.value
            value, changes = (
                (result.value, result.changes) if isinstance(result, OpResult) else (result, None)
            )
            if on_success is not None:
                on_success(value)
            if changes is not None:
                self.changed.emit(changes)
        finally:
            if self._running == 0:
                self.busy.emit(False)
