"""Printable reports as plain data: a title, header fields, a table, totals and signature lines.

`shared.qt.printing` lays a `Report` out on A4 and prints or previews it; this module only decides
what a report says, in Russian (default) or English (the words come from the translation catalog). The three documents a PVZ prints:

  acceptance_report(...)  what arrived in a box against what was expected (shortages, surplus, damage)
  handover_act(...)       boxes handed to a courier (returns) or received from one
  shift_report(...)       a clerk's shift: operations counted by type, cash-free totals
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

from shared.barcodes.model import ScanKind
from shared.messages import REPORTS, views


@dataclass(frozen=True)
class Report:
    """A document: `barcode` (kind, code) prints at the top right so the paper can be scanned back."""

    title: str
    fields: tuple[tuple[str, str], ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    totals: tuple[tuple[str, str], ...] = ()
    signatures: tuple[str, ...] = ()
    barcode: tuple[ScanKind, str] | None = None
    notes: tuple[str, ...] = ()
    lang: str = "ru"

    def __post_init__(self) -> None:
        width = len(self.columns)
        for i, row in enumerate(self.rows):
            if len(row) != width:
                raise ValueError(f"report row {i + 1} has {len(row)} cells, the table has {width} columns")


# The words a report prints, by key; the texts are the catalog's (context "Reports", keyed by these
# keys, both languages), read without Qt: TEXTS[lang][key].
TEXT_KEYS: Final = (
    "acceptance.title",
    "handover.title",
    "shift.title",
    "site",
    "box",
    "date",
    "clerk",
    "courier",
    "direction",
    "opened",
    "closed",
    "no",
    "unit",
    "product",
    "cell",
    "result",
    "units",
    "operation",
    "count",
    "expected",
    "accepted",
    "missing",
    "surplus",
    "damaged",
    "total_boxes",
    "total_units",
    "sign.clerk",
    "sign.courier",
    "sign.manager",
    "out",
    "in",
    "open",
)
TEXTS: Final[Mapping[str, Mapping[str, str]]] = views(TEXT_KEYS, REPORTS)

# Outcome of a unit at acceptance, as the store records it; the label is what the report prints.
OUTCOMES = ("accepted", "missing", "surplus", "damaged")


def _t(lang: str) -> Mapping[str, str]:
    return TEXTS.get(lang, TEXTS["ru"])


def _when(dt: datetime) -> str:
    return dt.strftime("%d.%m.%Y %H:%M")


@dataclass(frozen=True)
class AcceptanceLine:
    unit_label: str
    product: str
    outcome: str  # one of OUTCOMES
    cell: str = ""


def acceptance_report(
    *,
    site: str,
    box_sscc: str,
    when: datetime,
    clerk: str,
    lines: Sequence[AcceptanceLine],
    lang: str = "ru",
) -> Report:
    """The acceptance report of one box: every expected or found unit with its outcome and cell."""
    t = _t(lang)
    counts = dict.fromkeys(OUTCOMES, 0)
    rows = []
    for i, ln in enumerate(lines, 1):
        if ln.outcome not in counts:
            raise ValueError(f"unknown acceptance outcome {ln.outcome!r}; expected one of {OUTCOMES}")
        counts[ln.outcome] += 1
        rows.append((str(i), ln.unit_label, ln.product, ln.cell, t[ln.outcome]))
    expected = counts["accepted"] + counts["missing"] + counts["damaged"]
    return Report(
        title=t["acceptance.title"],
        fields=((t["site"], site), (t["box"], box_sscc), (t["date"], _when(when)), (t["clerk"], clerk)),
        columns=(t["no"], t["unit"], t["product"], t["cell"], t["result"]),
        rows=tuple(rows),
        totals=(
            (t["expected"], str(expected)),
            (t["accepted"], str(counts["accepted"])),
            (t["missing"], str(counts["missing"])),
            (t["surplus"], str(counts["surplus"])),
            (t["damaged"], str(counts["damaged"])),
        ),
        signatures=(t["sign.clerk"], t["sign.courier"]),
        barcode=(ScanKind.BOX, box_sscc),
        lang=lang,
    )


@dataclass(frozen=True)
class HandoverBox:
    sscc: str
    units: int
    note: str = ""


def handover_act(
    *,
    site: str,
    courier: str,
    clerk: str,
    when: datetime,
    boxes: Sequence[HandoverBox],
    outgoing: bool = True,
    document: str | None = None,
    lang: str = "ru",
) -> Report:
    """An act of boxes handed to (outgoing) or received from a courier, signed by both."""
    t = _t(lang)
    rows = tuple((str(i), b.sscc, str(b.units), b.note) for i, b in enumerate(boxes, 1))
    return Report(
        title=t["handover.title"],
        fields=(
            (t["site"], site),
            (t["direction"], t["out"] if outgoing else t["in"]),
            (t["date"], _when(when)),
            (t["clerk"], clerk),
            (t["courier"], courier),
        ),
        columns=(t["no"], t["box"], t["units"], ""),
        rows=rows,
        totals=((t["total_boxes"], str(len(boxes))), (t["total_units"], str(sum(b.units for b in boxes)))),
        signatures=(t["sign.clerk"], t["sign.courier"]),
        barcode=(ScanKind.DOCUMENT, document) if document else None,
        lang=lang,
    )


@dataclass(frozen=True)
class ShiftReportData:
    site: str
    clerk: str
    opened: datetime
    closed: datetime | None
    operations: Mapping[str, int] = field(default_factory=dict)  # label -> count, in print order
    badge: str | None = None


def shift_report(data: ShiftReportData, *, lang: str = "ru") -> Report:
    """A clerk's shift: when it opened and closed, and how many operations of each kind."""
    t = _t(lang)
    rows = tuple((name, str(n)) for name, n in data.operations.items())
    return Report(
        title=t["shift.title"],
        fields=(
            (t["site"], data.site),
            (t["clerk"], data.clerk),
            (t["opened"], _when(data.opened)),
            (t["closed"], _when(data.closed) if data.closed else t["open"]),
        ),
        columns=(t["operation"], t["count"]),
        rows=rows,
        totals=((t["count"], str(sum(data.operations.values()))),),
        signatures=(t["sign.clerk"], t["sign.manager"]),
        barcode=(ScanKind.BADGE, data.badge) if data.badge else None,
        lang=lang,
    )
