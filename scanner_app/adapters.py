"""Adapters from the shared core onto the terminal's small service interfaces (see services.py)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from shared.barcodes import ScanKind
from shared.domain import Operation, SiteKind, UnitStatus
from shared.domain.walk import Walk, WalkConfig
from shared.qt.messages import fmt
from shared.store import Actor, ChangeSet, Conflict, DiscrepancyView, LocalStore
from shared.store.models import BoxView, LocationView, ProductView, RouteView, TaskView, UnitView

from .logic.common import Record
from .services import Session


class StoreData:
    """The flows' read port over the local store."""

    def __init__(
        self, store: LocalStore, site_id: Callable[[], str], walk_config: WalkConfig | None = None
    ) -> None:
        self._store = store
        self._site_id = site_id
        self._walk_config = walk_config

    def site_id(self) -> str:
        return self._site_id()

    def pick_tasks(self, open_only: bool = True) -> list[TaskView]:
        return self._store.pick_tasks(open_only)

    def task(self, task_id: str) -> TaskView | None:
        return self._store.pick_task(task_id)

    def task_units(self, task_id: str) -> list[UnitView]:
        return self._store.task_units(task_id)

    def task_of_unit(self, unit_id: str) -> TaskView | None:
        return self._store.task_of_unit(unit_id)

    def unit_by_label(self, label: str) -> UnitView | None:
        return self._store.unit_by_label(label)

    def unit(self, unit_id: str) -> UnitView | None:
        return self._store.unit(unit_id)

    def location(self, location_id: str) -> LocationView | None:
        return self._store.location(location_id)

    def product_by_gtin(self, gtin: str) -> ProductView | None:
        found = self._store.product_by_gtin(gtin)
        if found is None and len(gtin) == 14 and gtin.startswith("0"):
            found = self._store.product_by_gtin(gtin[1:])  # GTIN-14 of an EAN-13 product
        return found

    def product(self, sku: str) -> ProductView | None:
        return self._store.product(sku)

    def box(self, box_id: str) -> BoxView | None:
        return self._store.box(box_id)

    def units_in_box(self, box_id: str) -> list[UnitView]:
        return self._store.units_in_box(box_id)

    def route(self, route_id: str) -> RouteView | None:
        return self._store.route(route_id)

    def open_routes(self) -> list[RouteView]:
        return self._store.routes(open_only=True)

    def units_at_location(self, location_id: str) -> list[UnitView]:
        return [u for u in self._store.units_by_status(UnitStatus.PAID) if u.location_id == location_id]

    def picked_units(self) -> list[UnitView]:
        return self._store.units_by_status(UnitStatus.PICKED)

    def boxes_to_ship(self) -> list[BoxView]:
        return [b for b in self._store.boxes(kind="forward", status="PACKED") if not b.route_id]

    def discrepancies(self, direction: str) -> list[DiscrepancyView]:
        return self._store.discrepancies(direction)

    def site_name(self, site_id: str) -> str:
        site = self._store.site(site_id)
        return site.name if site is not None and site.name else site_id

    def free_unit(self, sku: str, not_at: str | None) -> UnitView | None:
        return self._store.free_unit(sku, not_at)

    def cart_size(self) -> int:
        return self._store.cart_size(self._site_id())

    def count_due(self) -> list[tuple[str, str, str, str]]:
        return self._store.count_due(self._site_id() or None)

    def walk(self) -> Walk:
        site = self._site_id() or None
        return Walk((loc.code for loc in self._store.locations(site)), self._walk_config)


class StoreJournal:
    """Writes a flow's operations to the local journal in order, all in ONE transaction: a reaction
    ("open the box and pack this unit") is confirmed whole or not at all."""

    def __init__(self, store: LocalStore) -> None:
        self._store = store

    @staticmethod
    def _actor(session: Session) -> Actor:
        return Actor(session.user_id, session.username, session.role, session.site_id, SiteKind.WAREHOUSE)

    def record(self, records: Sequence[Record], session: Session) -> ChangeSet:
        changes = ChangeSet(journal=True)
        # a damaged unit names the photos taken of it (docs/PROTOCOL.md, "Photos named in ops")
        done = self._store.record_many(
            [(r.op_type, self._store.with_photos(r.op_type, r.payload)) for r in records],
            self._actor(session),
        )
        for recorded in done:
            changes.merge(recorded.changes)
        return changes

    def conflicts(self) -> list[Conflict]:
        return self._store.conflicts()

    def ops_by(self, user_id: str, types: Sequence[str], since: datetime) -> list[Operation]:
        return self._store.ops_by(user_id, types, since)

    def save_photo(self, data: bytes, unit_id: str, session: Session, subject_kind: str = "unit") -> str:
        photo = self._store.save_photo(
            data, taken_by=session.user_id, subject=unit_id, subject_kind=subject_kind
        )
        return photo.sha256

    def resolve(self, op_id: str, action: str, reason: str, session: Session) -> ChangeSet:
        recorded = self._store.resolve_conflict(op_id, action, reason, self._actor(session))
        changes = ChangeSet(journal=True, conflicts=True)
        if recorded is not None:
            changes.merge(recorded.changes)
        return changes


class StoreBoxNumbers:
    """SSCCs for new boxes, from the local store's allocator (one scheme for both apps)."""

    def __init__(self, store: LocalStore, device_id: str) -> None:
        self._store = store

    def next_sscc(self) -> str:
        return self._store.next_sscc()


# Linux handhelds expose their vibration motor as a "timed output": write the duration in ms.
VIBRATOR_PATHS = (Path("/sys/class/timed_output/vibrator/enable"),)


def platform_vibrator(paths: Sequence[Path] = VIBRATOR_PATHS) -> Callable[[int], None] | None:
    """The device's vibration motor when the platform has one we can drive, else None."""
    for path in paths:
        if path.exists() and os.access(path, os.W_OK):

            def buzz(ms: int, target: Path = path) -> None:
                with contextlib.suppress(OSError):  # a busy or vanished motor never breaks a scan
                    target.write_text(str(int(ms)))

            return buzz
    return None


class Vibrator:
    """The vibration hook: ``vibrate`` drives the platform's motor (see platform_vibrator) when
    there is one; on a desktop it only counts the pulses."""

    def __init__(self, vibrate: Callable[[int], None] | None = None) -> None:
        self._vibrate = vibrate
        self.pulses: list[int] = []

    def vibrate(self, ms: int) -> None:
        self.pulses.append(ms)
        if self._vibrate is not None:
            self._vibrate(ms)


VIBRATION_MS = {"error": 400, "warn": 150}


class TerminalFeedback:
    """Level -> the shared Feedback (sound, colour) plus the vibration hook for warnings and errors."""

    def __init__(self, feedback: Any, vibrator: Vibrator | None = None) -> None:
        self.feedback = feedback
        self.vibrator = vibrator or Vibrator()
        self.history: list[tuple[str, str]] = []

    def signal(self, level: str, text: str) -> None:
        self.history.append((level, text))
        if level == "ok":
            self.feedback.success(text)
        elif level == "warn":
            self.feedback.warning(text)
        elif level == "error":
            self.feedback.error(text)
        else:
            self.feedback.info(text)
        ms = VIBRATION_MS.get(level)
        if ms:
            self.vibrator.vibrate(ms)


class BoxLabelPrinter:
    """Box labels through the shared LabelPrinter: to the configured printer, or to PDF files."""

    def __init__(self, printer: Any, pdf_dir: Path | None = None) -> None:
        self._printer = printer
        self._pdf_dir = pdf_dir
        self.printed: list[Path | str] = []
        self.last_document: Any = None  # the last label document, as printed (previews, checks)

    def print_box_label(self, box_id: str, destination: str, units: int) -> str:
        from PySide6.QtCore import QCoreApplication

        from shared.qt.printing import LabelDocument

        lines = [destination] if destination else []
        if units:  # a fresh box's label is printed before anything is in it
            lines.append(fmt(QCoreApplication.translate("BoxLabel", "%1 pcs"), units))
        return self._print(LabelDocument.single(ScanKind.BOX, box_id, lines), f"box_{box_id}")

    def print_label(self, kind: str, code: str, lines: list[str]) -> str:
        from shared.qt.printing import LabelDocument

        scan_kind = ScanKind.BOX if kind == "box" else ScanKind.UNIT
        return self._print(LabelDocument.single(scan_kind, code, lines), f"{kind}_{code}")

    def _print(self, doc: Any, name: str) -> str:
        self.last_document = doc
        if self._pdf_dir is not None:
            self._pdf_dir.mkdir(parents=True, exist_ok=True)
            path = self._printer.print_to_pdf(doc, self._pdf_dir / f"{name}.pdf")
            self.printed.append(path)
            return str(path)
        self._printer.print(doc, dialog=False)
        name = str(self._printer.printer.printerName() or "printer")
        self.printed.append(name)
        return name
