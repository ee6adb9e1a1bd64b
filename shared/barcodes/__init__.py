"""Barcodes: parse and classify scanner input (parse, expect), label formats, label images.

Label rendering (Pillow, python-barcode, qrcode) lives in shared.barcodes.labels and is imported
from there, so that parsing stays light for code that only reads scans.
"""

from shared.barcodes.formats import (
    cell_id,
    gs1_check_digit,
    gs1_valid,
    location_id,
    make_badge_label,
    make_cell_label,
    make_document_label,
    make_gtin13,
    make_location_label,
    make_marking_code,
    make_pickup_code,
    make_sscc,
    make_tote_label,
    make_unit_label,
)
from shared.barcodes.messages import render_message
from shared.barcodes.model import BarcodeError, Scan, ScanKind
from shared.barcodes.parser import MAX_LEN, expect, parse

__all__ = [
    "MAX_LEN",
    "BarcodeError",
    "Scan",
    "ScanKind",
    "cell_id",
    "expect",
    "gs1_check_digit",
    "gs1_valid",
    "location_id",
    "make_badge_label",
    "make_cell_label",
    "make_document_label",
    "make_gtin13",
    "make_location_label",
    "make_marking_code",
    "make_pickup_code",
    "make_sscc",
    "make_tote_label",
    "make_unit_label",
    "parse",
    "render_message",
]
