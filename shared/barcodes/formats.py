"""Label formats of every kind (see docs/BARCODES.md) and the check digits they use.

These make label text; parsing scanner input back into these kinds lives in parser.py.
"""

from __future__ import annotations

import re

# GS1 company prefix used for our SSCCs (460-469 is GS1 Russia's range).
GS1_COMPANY_PREFIX = "4601234"
SSCC_EXTENSION_FORWARD = "1"  # warehouse -> PVZ box
SSCC_EXTENSION_RETURN = "2"  # PVZ -> warehouse return box

UNIT_PREFIX = "U"
CELL_PREFIX = "C-"
LOCATION_PREFIX = "L-"
BADGE_PREFIX = "E"
DOCUMENT_PREFIX = "D"
TOTE_PREFIX = "T"
SEAL_PREFIX = "S"
PICKUP_PREFIX = "WBP1."

SITE_ID_RE = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$")
LOCATION_CODE_RE = re.compile(r"^([A-Z])-(\d{2})-(\d{2})-(\d)$")


def gs1_check_digit(body: str) -> str:
    """GS1 mod-10 check digit for the digits of body (GTIN-8/12/13/14, SSCC-18 without its last digit)."""
    if not body.isdigit():
        raise ValueError("GS1 check digits are computed over digits only")
    total = 0
    for i, ch in enumerate(reversed(body)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


def gs1_valid(code: str) -> bool:
    return len(code) >= 2 and code.isdigit() and gs1_check_digit(code[:-1]) == code[-1]


def make_gtin13(body12: str) -> str:
    if len(body12) != 12 or not body12.isdigit():
        raise ValueError("a GTIN-13 body is 12 digits")
    return body12 + gs1_check_digit(body12)


def make_sscc(serial: int, *, kind_return: bool = False) -> str:
    """SSCC-18: extension digit, company prefix, serial reference, check digit."""
    ext = SSCC_EXTENSION_RETURN if kind_return else SSCC_EXTENSION_FORWARD
    width = 16 - len(GS1_COMPANY_PREFIX)
    if not 0 <= serial < 10**width:
        raise ValueError(f"SSCC serial out of range (0..{10**width - 1})")
    body = ext + GS1_COMPANY_PREFIX + f"{serial:0{width}d}"
    return body + gs1_check_digit(body)


def make_unit_label(serial: int) -> str:
    """Unit label: 'U' + 11-digit serial + GS1 check digit, e.g. U000000001234 + check."""
    if not 0 <= serial < 10**11:
        raise ValueError("unit serial out of range")
    body = f"{serial:011d}"
    return UNIT_PREFIX + body + gs1_check_digit(body)


def make_cell_label(site_id: str, number: int) -> str:
    """PVZ cell label: 'C-' + site id + '-' + 4-digit cell number, e.g. C-PVZ-DEMO-1-0042."""
    if not SITE_ID_RE.match(site_id):
        raise ValueError(f"bad site id {site_id!r}")
    if not 1 <= number <= 9999:
        raise ValueError("cell number is 1..9999")
    return f"{CELL_PREFIX}{site_id}-{number:04d}"


def make_location_label(site_id: str, code: str) -> str:
    """Warehouse location label: 'L-' + site id + zone letter, aisle, shelf, level.

    The code 'A-01-02-3' is written compact right after the site id: L-WH-DEMO-1A01023 (the site
    id ends in a letter or digit, the code is always its last six characters). No '-' before the
    code: one Code 128 symbol less, so the label keeps 2-dot bars at 58 mm and 203 dpi. Labels
    printed as L-WH-DEMO-1-A01023 (the older form) still scan, as the same location.
    """
    if not SITE_ID_RE.match(site_id):
        raise ValueError(f"bad site id {site_id!r}")
    m = LOCATION_CODE_RE.match(code)
    if not m:
        raise ValueError("location code is like A-01-02-3")
    return f"{LOCATION_PREFIX}{site_id}{''.join(m.groups())}"


def make_badge_label(number: int) -> str:
    """Employee badge: 'E' + 9-digit number + GS1 check digit."""
    if not 0 < number < 10**9:
        raise ValueError("badge number out of range")
    body = f"{number:09d}"
    return BADGE_PREFIX + body + gs1_check_digit(body)


def make_document_label(number: int) -> str:
    """Supplier delivery document: 'D' + 9-digit number + GS1 check digit."""
    if not 0 < number < 10**9:
        raise ValueError("document number out of range")
    body = f"{number:09d}"
    return DOCUMENT_PREFIX + body + gs1_check_digit(body)


def make_tote_label(number: int) -> str:
    """Picking tote: 'T' + 5-digit tote number + GS1 check digit, e.g. T000017 (tote 1)."""
    if not 0 < number < 10**5:
        raise ValueError("tote number is 1..99999")
    body = f"{number:05d}"
    return TOTE_PREFIX + body + gs1_check_digit(body)


def cell_id(site_id: str, number: int) -> str:
    """The id a cell has in the database: 'PVZ-DEMO-1:0042'."""
    return f"{site_id}:{number:04d}"


def location_id(site_id: str, code: str) -> str:
    """The id a location has in the database: 'WH-DEMO-1:A-01-02-3'."""
    return f"{site_id}:{code}"


GS = "\x1d"  # GS1 group separator (FNC1 inside an element string)
_CSET82_RE = re.compile(r"[!\"%-?A-Z_a-z]{1,90}")
_TOKEN_RE = re.compile(r"[A-Za-z0-9_\-.=~]{1,480}")


def make_pickup_code(token: str) -> str:
    """Pickup QR text: 'WBP1.' + the signed token (shared.domain.pickup_token makes and verifies tokens)."""
    if not _TOKEN_RE.fullmatch(token):
        raise ValueError("a pickup token is 1..480 characters of A-Z a-z 0-9 - _ . = ~")
    return PICKUP_PREFIX + token


def make_marking_code(gtin14: str, serial: str, key: str, crypto: str) -> str:
    """ "Chestny ZNAK" marking code text as a DataMatrix carries it (after its FNC1):
    01 + GTIN-14, 21 + serial, GS, 91 + key (4), GS, 92 + crypto (44 or 88)."""
    if len(gtin14) != 14 or not gs1_valid(gtin14):
        raise ValueError("a marking code needs a GTIN-14 with a valid check digit")
    if not 1 <= len(serial) <= 20 or not _CSET82_RE.fullmatch(serial):
        raise ValueError("the serial is 1..20 GS1 characters")
    if len(key) != 4 or not _CSET82_RE.fullmatch(key):
        raise ValueError("the key (AI 91) is 4 GS1 characters")
    if len(crypto) not in (44, 88) or not _CSET82_RE.fullmatch(crypto):
        raise ValueError("the crypto tail (AI 92) is 44 or 88 GS1 characters")
    return f"01{gtin14}21{serial}{GS}91{key}{GS}92{crypto}"
