"""The parser's result and error types: what every screen that takes a scan works with."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType


class ScanKind(StrEnum):
    """What a scanned label is. The values are stable: they appear in logs and error params."""

    PRODUCT = "product"  # a product GTIN (EAN-13/EAN-8/UPC-A/GTIN-14) or a GS1 product string
    UNIT = "unit"  # our unit label, one per physical item of an order
    CELL = "cell"  # a storage cell at a pickup point (PVZ)
    LOCATION = "location"  # a shelf location in a warehouse
    BOX = "box"  # an SSCC-18 box label, forward (warehouse -> PVZ) or return
    BADGE = "badge"  # an employee badge
    PICKUP = "pickup"  # the customer's pickup QR code
    MARKING = "marking"  # a "Chestny ZNAK" marking code (GS1 DataMatrix)
    DOCUMENT = "document"  # a supplier delivery document
    TOTE = "tote"  # a warehouse picking tote on a cart (cluster picking)
    SEAL = "seal"  # a plastic seal on a box handed to a courier (its printed number)


EMPTY_FIELDS: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Scan:
    """One classified scan.

    kind: what the label is; code: its canonical text (see docs/BARCODES.md); fields: the parts
    of the label, with documented keys per kind; symbology: from the AIM prefix when the scanner
    sent one ('code128', 'ean13', 'qr', 'datamatrix', ...); layout_repaired: the text only became
    valid after undoing a Russian keyboard layout; raw: the input text as received (decoded).
    """

    kind: ScanKind
    code: str
    fields: Mapping[str, str] = field(default_factory=lambda: EMPTY_FIELDS, hash=False)
    symbology: str | None = None
    layout_repaired: bool = False
    raw: str = ""

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # The read-only fields view cannot be pickled or deep-copied itself; its items can.
        return (
            _restore,
            (self.kind.value, self.code, dict(self.fields), self.symbology, self.layout_repaired, self.raw),
        )


_new = object.__new__
_set_kind, _set_code, _set_fields, _set_symbology, _set_repaired, _set_raw = (
    Scan.__dict__[name].__set__ for name in ("kind", "code", "fields", "symbology", "layout_repaired", "raw")
)


def new_scan(
    kind: ScanKind,
    code: str,
    fields: Mapping[str, str],
    symbology: str | None,
    layout_repaired: bool,
    raw: str,
) -> Scan:
    """Scan(...) for the parser's hot path: the same frozen object, built by its slot setters,
    without the frozen-dataclass __init__ (which costs about as much as the rest of a parse)."""
    scan: Scan = _new(Scan)
    _set_kind(scan, kind)
    _set_code(scan, code)
    _set_fields(scan, fields)
    _set_symbology(scan, symbology)
    _set_repaired(scan, layout_repaired)
    _set_raw(scan, raw)
    return scan


def _restore(
    kind: str, code: str, fields: dict[str, str], symbology: str | None, layout_repaired: bool, raw: str
) -> Scan:
    return new_scan(ScanKind(kind), code, MappingProxyType(fields), symbology, layout_repaired, raw)


class BarcodeError(ValueError):
    """A scan that is not a valid label. `code` is stable (one of shared.barcodes.messages.ERROR_CODES;
    the UI renders it in its language through the catalog), `params` fill its text, `message` is the
    English text (logs, the backend's answers)."""

    def __init__(self, code: str, message: str, params: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params: Mapping[str, str] = dict(params) if params else {}

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (type(self), (self.code, self.message, dict(self.params)))

    def __repr__(self) -> str:
        return f"BarcodeError({self.code!r}, {self.message!r}, {dict(self.params)!r})"
