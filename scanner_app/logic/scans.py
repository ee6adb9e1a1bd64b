"""Turning classified scans into the ids the store uses."""

from __future__ import annotations

import re

from shared.barcodes import Scan
from shared.barcodes.formats import LOCATION_PREFIX, SSCC_EXTENSION_RETURN, location_id

_COMPACT = re.compile(
    r"^(?P<site>[A-Z][A-Z0-9-]*)-(?P<zone>[A-Z])(?P<aisle>\d{2})(?P<shelf>\d{2})(?P<level>\d)$"
)


def scan_location_id(scan: Scan) -> str:
    """The store id of a scanned location label ('WH-DEMO-1:A-01-02-3')."""
    fields = scan.fields
    if fields.get("location_id"):
        return fields["location_id"]
    if fields.get("site_id") and fields.get("code"):
        return location_id(fields["site_id"], fields["code"])
    text = scan.code.removeprefix(LOCATION_PREFIX)
    m = _COMPACT.match(text)
    if m:
        code = f"{m['zone']}-{m['aisle']}-{m['shelf']}-{m['level']}"
        return location_id(m["site"], code)
    return scan.code


def is_return_box(box_id: str) -> bool:
    """SSCCs of return boxes (PVZ -> warehouse) carry their own extension digit."""
    return len(box_id) == 18 and box_id.startswith(SSCC_EXTENSION_RETURN)
