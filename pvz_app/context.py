"""What every PVZ screen gets injected: the flows, the operations hub, feedback, status, ports.

The composition root (``pvz_app.__main__``) builds one :class:`PvzContext` with real parts; tests
build one through the same ``build`` (a real store under the flows, a synchronous runner and a PDF
printer output).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from shared.barcodes import ScanKind
from shared.config import AppConfig
from shared.domain import Clock
from shared.printing.report import Report
from shared.qt.feedback import Feedback, FeedbackBanner
from shared.qt.operations import Operations
from shared.qt.scanner_bridge import ScannerBridge
from shared.qt.status import StatusModel
from shared.store import Actor

from .logic.flows import PvzFlows
from .ports import Ports

log = logging.getLogger(__name__)


class AuthPort(Protocol):
    """The login session (shared.auth.Session implements it): sign-in, logout and the idle lock."""

    idle_lock_s: float

    @property
    def online(self) -> bool: ...

    @property
    def actor(self) -> Actor | None: ...

    @property
    def locked(self) -> bool:
        """True once the session sat idle past ``idle_lock_s`` (or no one is signed in)."""
        ...

    def sign_in(self, username: str, password: str) -> Actor: ...

    def login(self, username: str, password: str) -> Actor:
        """Online only (a fresh session from the server): the in-place login after the server
        ended the session."""
        ...

    def unlock(self, password: str) -> Actor:
        """Unlock the idle-locked session of the same user against the local verifier."""
        ...

    def touch(self) -> None:
        """The clerk did something: the idle time starts again."""
        ...

    def logout(self) -> None: ...


class SyncPort(Protocol):
    """The sync adapter (shared.qt.sync_adapter.SyncAdapter implements it)."""

    def kick(self) -> None: ...

    def sync_now(self) -> None: ...


class ReportOutput(Protocol):
    """Where a printable report goes: a preview dialog at the counter, a PDF file in tests."""

    def output(self, report: Report) -> None: ...

    def label(self, kind: ScanKind, code: str, lines: list[str]) -> None: ...

    def preview(self, report: Report | None = None) -> bool:
        """``report`` (or, without one, the last report or label printed) in the print preview, on
        demand; False when there is nothing to show."""
        ...


class ConfigPort(Protocol):
    def load(self, overrides: Any = None) -> AppConfig: ...

    def save(self, config: AppConfig) -> None: ...


@dataclass
class PvzContext:
    flows: PvzFlows  # ctx.flows.<area>.<action>(...): the counter's work over the store's ports
    ops: Operations
    feedback: Feedback
    status: StatusModel
    scanner: ScannerBridge
    clock: Clock
    auth: AuthPort
    reports: ReportOutput
    config: ConfigPort
    admin_check: Callable[[str, str], bool]
    store_path: Path  # the local database (the settings screen's support bundle)
    sync: SyncPort | None = None
    lang: str = "ru"
    on_language: Callable[[str], None] | None = None  # switch the UI language at run time
    ports: Ports = field(default_factory=Ports)  # dialogs and devices (tests answer by name)
    banner: FeedbackBanner | None = None  # the window's one feedback banner, shared by every screen
    payment_ops: Operations | None = None  # payment at pickup's long polls, on their own worker

    @property
    def site_id(self) -> str:
        return self.flows.site_id

    @property
    def actor(self) -> Actor | None:
        """Who is signed in (``flows.clerk``, set by the window at login and logout)."""
        return self.flows.clerk.actor


class PdfReports:
    """A ReportOutput that writes each report to a PDF in ``folder`` (tests, 'save as PDF')."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.printed: list[Report] = []
        self.labels: list[str] = []
        self.previewed: list[Report | str] = []  # what the clerk asked to see in the preview
        self._last: Report | str | None = None

    def output(self, report: Report) -> None:
        from shared.qt.printing import LabelPrinter, ReportDocument

        self.folder.mkdir(parents=True, exist_ok=True)
        self.printed.append(report)
        self._last = report
        LabelPrinter().print_to_pdf(ReportDocument(report), self.folder / f"report-{len(self.printed)}.pdf")

    def label(self, kind: ScanKind, code: str, lines: list[str]) -> None:
        from shared.qt.printing import LabelDocument, LabelPrinter

        self.folder.mkdir(parents=True, exist_ok=True)
        self.labels.append(code)
        self._last = code
        doc = LabelDocument.single(kind, code, lines)
        LabelPrinter().print_to_pdf(doc, self.folder / f"label-{len(self.labels)}.pdf")

    def preview(self, report: Report | None = None) -> bool:
        shown = report if report is not None else self._last
        if shown is None:
            return False
        self.previewed.append(shown)
        return True


class PreviewReports:
    """A ReportOutput for the counter: with a printer named in settings every report and label goes
    straight to it (no dialog: closing a box prints its act at once); with none named, or when that
    printer cannot be opened, the print preview opens (the clerk checks, then prints), as before a
    printer was set up. :meth:`preview` shows a report, or the last document, in the preview on demand."""

    def __init__(self, parent: Any = None, printer_name: str = "", label_size: str = "58x40") -> None:
        self.parent = parent
        self.printer_name = printer_name
        self.label_size = label_size
        self.printed: list[Report] = []
        self.labels: list[str] = []
        self._last: Any = None  # the last document (ReportDocument or LabelDocument)

    def _printer(self) -> Any:
        from shared.qt.printing import LabelPrinter

        printer = LabelPrinter(parent=self.parent)
        if self.printer_name:
            printer.printer.setPrinterName(self.printer_name)
        return printer

    def _send(self, doc: Any) -> None:
        self._last = doc
        printer = self._printer()
        if self.printer_name:
            try:
                printer.print(doc, dialog=False)
                return
            except OSError:  # the configured printer is gone: the preview lets the clerk choose
                log.warning("printer %r could not be opened: showing the preview", self.printer_name)
        printer.preview(doc)

    def output(self, report: Report) -> None:
        from shared.qt.printing import ReportDocument

        self.printed.append(report)
        self._send(ReportDocument(report))

    def label(self, kind: ScanKind, code: str, lines: list[str]) -> None:
        from shared.printing.pages import page_by_name
        from shared.qt.printing import LabelDocument

        self.labels.append(code)
        try:
            page = page_by_name(self.label_size)
        except ValueError:
            page = page_by_name("58x40")
        self._send(LabelDocument.single(kind, code, lines, page))

    def preview(self, report: Report | None = None) -> bool:
        from shared.qt.printing import ReportDocument

        doc = ReportDocument(report) if report is not None else self._last
        if doc is None:
            return False
        self._printer().preview(doc)
        return True
