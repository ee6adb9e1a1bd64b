"""One parser for everything a scanner or keyboard wedge sends: raw input in, Scan or BarcodeError out.

Cleaning (docs/BARCODES.md, "Dirty input"): decode bytes, drop control characters and whitespace at
the ends, strip an AIM symbology prefix, turn written-out GS (`<GS>`, `\\x1d`, `^]`) into GS, and
dispatch on the first character. Only when that fails and the text has non-ASCII characters is a
Russian-keyboard-layout repair tried; a repaired result is taken only if it is valid.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Final

from shared.barcodes.formats import (
    GS1_COMPANY_PREFIX,
    SITE_ID_RE,
    SSCC_EXTENSION_FORWARD,
    SSCC_EXTENSION_RETURN,
    cell_id,
    location_id,
)
from shared.barcodes.gs1 import AI_TABLE, GS, GS1Error, cset82, split_elements
from shared.barcodes.layout import RUSSIAN_ONLY, from_russian_layout
from shared.barcodes.messages import render_message
from shared.barcodes.model import BarcodeError, Scan, ScanKind, new_scan

MAX_LEN: Final = 512
MAX_BYTES: Final = 4 * MAX_LEN

PICKUP_TOKEN_MAX: Final = 480
_PICKUP_TOKEN_RE = re.compile(r"[A-Za-z0-9_\-.=~]+")
_SITE_RE = SITE_ID_RE

# Control characters, whitespace, DEL, BOM and NBSP around a scan; GS is kept at the start (FNC1).
_CONTROL = "".join(chr(c) for c in range(0x20) if c != 0x1D)
_STRIP_LEFT: Final = _CONTROL + " \x7f\ufeff\xa0"
_STRIP_RIGHT: Final = _STRIP_LEFT + GS

# AIM symbology identifiers: ']' + code letter + modifier.
_AIM_NAMES: Final[Mapping[str, str]] = {
    "A": "code39",
    "C": "code128",
    "d": "datamatrix",
    "E": "ean13",
    "e": "gs1_databar",
    "F": "codabar",
    "G": "code93",
    "H": "code11",
    "I": "itf",
    "L": "pdf417",
    "M": "msi",
    "Q": "qr",
    "S": "code2of5",
    "X": "other",
    "z": "aztec",
}
_AIM_GS1: Final = frozenset({"C1", "d2", "Q3", "e0", "z1"})


def _err(code: str, **params: str) -> BarcodeError:
    return BarcodeError(code, _english(code, tuple(params.items())), params)


@lru_cache(maxsize=1024)
def _english(code: str, params: tuple[tuple[str, str], ...]) -> str:
    return render_message(code, dict(params), "en")


def _scan(
    kind: ScanKind, code: str, fields: dict[str, str], sym: str | None, repaired: bool, raw: str
) -> Scan:
    return new_scan(kind, code, MappingProxyType(fields), sym, repaired, raw)


def _gs1_check_ok(digits: str) -> bool:
    """GS1 mod-10 check over an all-ASCII-digit string (including its check digit): weights 3, 1,
    3, ... from the right, not counting the check digit; sums over bytes run in C."""
    b = digits.encode()
    odd, even = b[-2::-2], b[-3::-2]
    total = 3 * sum(odd) + sum(even) - 48 * (3 * len(odd) + len(even))
    return -total % 10 == b[-1] - 48


def _digits(s: str) -> bool:
    return s.isascii() and s.isdigit()


# --- kinds -----------------------------------------------------------------------------------------

Handler = Callable[[str, "str | None", bool, str, bool], Scan]


def _gtin(s: str, sym: str | None, repaired: bool, raw: str) -> Scan:
    if not _gs1_check_ok(s):
        raise _err("bad_check_digit", kind="product")
    return _scan(ScanKind.PRODUCT, s, {"gtin": s, "gtin14": s.zfill(14)}, sym, repaired, raw)


def _sscc(sscc: str, sym: str | None, repaired: bool, raw: str) -> Scan:
    if not _gs1_check_ok(sscc):
        raise _err("bad_check_digit", kind="box")
    ext = sscc[0]
    if sscc[1 : 1 + len(GS1_COMPANY_PREFIX)] != GS1_COMPANY_PREFIX or ext not in _BOX_KINDS:
        raise _err("foreign_box")
    return _scan(ScanKind.BOX, sscc, {"sscc": sscc, "box_kind": _BOX_KINDS[ext]}, sym, repaired, raw)


_BOX_KINDS: Final[Mapping[str, str]] = {
    SSCC_EXTENSION_FORWARD: "forward",
    SSCC_EXTENSION_RETURN: "return",
}


def _marking_split(s: str) -> tuple[str, str, str, str] | None:
    """01 GTIN, 21 serial, then 91 key + 92 crypto or the short form's 93 check code, with GS between
    them, or with some or all GS missing: the serial is what lies between the fixed head and the
    fixed-length 91 (4) / 92 (44 or 88) or 93 (4) tail. A GS that sits anywhere but before 91, 92 or
    93 makes it not a marking code of this shape (it may still be one with more elements)."""
    t = s.replace(GS, "") if GS in s else s
    if t[16:18] != "21" or not t.startswith("01"):
        return None
    n = len(t)
    for crypto_len in (44, 88):
        at92 = n - 2 - crypto_len
        at91 = at92 - 6
        if at91 < 19 or at91 - 18 > 20:
            continue
        if t[at92 : at92 + 2] != "92" or t[at91 : at91 + 2] != "91":
            continue
        if len(t) != len(s) and not _gs_only_at(s, (at91, at92)):
            continue
        serial, key, crypto = t[18:at91], t[at91 + 2 : at92], t[at92 + 2 :]
        if cset82(serial) and cset82(key) and cset82(crypto):
            return t[2:16], serial, key, crypto
    at93 = n - 6  # the short form: 01 + GTIN, 21 + serial, GS, 93 + 4 characters
    if 19 <= at93 <= 38 and t[at93 : at93 + 2] == "93":
        if len(t) != len(s) and not _gs_only_at(s, (at93,)):
            return None
        serial, check = t[18:at93], t[at93 + 2 :]
        if cset82(serial) and cset82(check):
            return t[2:16], serial, "", check
    return None


def _gs_only_at(s: str, boundaries: tuple[int, ...]) -> bool:
    """Every GS in s stands at one of `boundaries` (indices in s with the GS removed)."""
    removed = 0
    at = s.find(GS)
    while at >= 0:
        if at - removed not in boundaries:
            return False
        removed += 1
        at = s.find(GS, at + 1)
    return True


def _marking(
    gtin: str,
    serial: str,
    key: str,
    crypto: str,
    sym: str | None,
    repaired: bool,
    raw: str,
    extra: list[tuple[str, str]] | None = None,
) -> Scan:
    if not _digits(gtin):
        raise _err("bad_gs1", detail="AI (01) must be digits")
    if not _gs1_check_ok(gtin):
        raise _err("bad_check_digit", kind="marking")
    fields = {"gtin": gtin, "gtin14": gtin, "serial": serial, "key": key, "crypto": crypto}
    if extra:  # more elements than 01/21/91/92 (93): 8005 price, 3103 weight, 17 expiry, ...
        code = _element_string(extra)
        fields.update((ai, value) for ai, value in extra if ai not in _MARKING_AIS)
    elif key:
        code = f"01{gtin}21{serial}{GS}91{key}{GS}92{crypto}"
    else:
        code = f"01{gtin}21{serial}{GS}93{crypto}"
    return _scan(ScanKind.MARKING, code, fields, sym, repaired, raw)


_MARKING_AIS: Final = frozenset({"01", "21", "91", "92", "93"})


def _element_string(elements: list[tuple[str, str]]) -> str:
    """Canonical GS1 text: AIs in scanned order, GS after each variable-length value but the last."""
    parts: list[str] = []
    last = len(elements) - 1
    for i, (ai, value) in enumerate(elements):
        parts.append(ai + value)
        if i < last and not AI_TABLE[ai].fixed:
            parts.append(GS)
    return "".join(parts)


def _gs1(s: str, sym: str | None, flagged: bool, raw: str, repaired: bool) -> Scan:
    """A GS1 element string: SSCC (AI 00), marking code (01+21+91/92 or 93) or product (01 + ...)."""
    if len(s) >= 25 and s[0] == "0" and s[1] == "1":  # 25: the shortest 01+21+93 marking code
        parts = _marking_split(s)
        if parts is not None:
            return _marking(*parts, sym, repaired, raw)
    try:
        elements = split_elements(s)
    except GS1Error as exc:
        if flagged or GS in s:
            raise _err("bad_gs1", detail=exc.detail) from None
        raise _err("unknown_format") from None
    ais = dict(elements)
    if len(ais) != len(elements):
        raise _err("bad_gs1", detail="an AI appears twice")
    if "00" in ais:
        return _sscc(ais["00"], sym, repaired, raw)
    gtin = ais.get("01")
    if gtin is None:
        raise _err("unknown_format")
    if "91" in ais or "92" in ais or "93" in ais:
        key, crypto, short = ais.get("91", ""), ais.get("92", ""), ais.get("93", "")
        serial = ais.get("21", "")
        extra = elements if not _MARKING_AIS.issuperset(ais) else None
        if serial and len(key) == 4 and len(crypto) in (44, 88) and not short:
            return _marking(gtin, serial, key, crypto, sym, repaired, raw, extra)
        if serial and short and len(short) == 4 and not key and not crypto:
            return _marking(gtin, serial, "", short, sym, repaired, raw, extra)
        raise _err("bad_gs1", detail="incomplete marking code")
    if not _gs1_check_ok(gtin):
        raise _err("bad_check_digit", kind="product")
    fields = dict(ais)
    fields["gtin"] = gtin
    fields["gtin14"] = gtin
    return _scan(ScanKind.PRODUCT, _element_string(elements), fields, sym, repaired, raw)


def _numeric(s: str, sym: str | None, flagged: bool, raw: str, repaired: bool) -> Scan:
    n = len(s)
    if _digits(s):
        if not flagged:
            if n in (8, 12, 13, 14):
                return _gtin(s, sym, repaired, raw)
            if n == 18:
                return _sscc(s, sym, repaired, raw)
        if n == 20 and s[1] == "0" and s[0] == "0":
            return _sscc(s[2:], sym, repaired, raw)
    return _gs1(s, sym, flagged, raw, repaired)


def _numbered_label_error(s: str, kind: ScanKind, length: int) -> BarcodeError:
    """Why a U/E/D label failed: not such a label at all, the wrong length, or its check digit."""
    body = s[1:]
    if not _digits(body):
        return _err("unknown_format")
    if len(body) != length:
        return _err("malformed", kind=kind.value)
    return _err("bad_check_digit", kind=kind.value)


def _unit(s: str, sym: str | None, flagged: bool, raw: str, repaired: bool) -> Scan:
    body = s[1:]
    if len(body) == 12 and _digits(body) and _gs1_check_ok(body):
        code = "U" + body
        return _scan(ScanKind.UNIT, code, {"label": code, "serial": body[:11]}, sym, repaired, raw)
    raise _numbered_label_error(s, ScanKind.UNIT, 12)


def _badge(s: str, sym: str | None, flagged: bool, raw: str, repaired: bool) -> Scan:
    body = s[1:]
    if len(body) == 10 and _digits(body) and _gs1_check_ok(body):
        return _scan(ScanKind.BADGE, "E" + body, {"number": body[:9]}, sym, repaired, raw)
    raise _numbered_label_error(s, ScanKind.BADGE, 10)


def _document(s: str, sym: str | None, flagged: bool, raw: str, repaired: bool) -> Scan:
    body = s[1:]
    if len(body) == 10 and _digits(body) and _gs1_check_ok(body):
        return _scan(ScanKind.DOCUMENT, "D" + body, {"number": body[:9]}, sym, repaired, raw)
    raise _numbered_label_error(s, ScanKind.DOCUMENT, 10)


def _tote(s: str, sym: str | None, flagged: bool, raw: str, repaired: bool) -> Scan:
    body = s[1:]
    if len(body) == 6 and _digits(body) and _gs1_check_ok(body) and body[:5] != "00000":
        return _scan(ScanKind.TOTE, "T" + body, {"number": body[:5]}, sym, repaired, raw)
    raise _numbered_label_error(s, ScanKind.TOTE, 6)


def _seal(s: str, sym: str | None, flagged: bool, raw: str, repaired: bool) -> Scan:
    """A seal's number as printed (and in its barcode): S + 6 to 12 digits or capital letters."""
    s = s.upper()
    body = s[1:]
    if 6 <= len(body) <= 12 and body.isascii() and body.isalnum():
        return _scan(ScanKind.SEAL, s, {"number": body}, sym, repaired, raw)
    if not body.isascii() or not body.isalnum():
        raise _err("unknown_format")
    raise _err("malformed", kind=ScanKind.SEAL.value)


def _site_and_tail(s: str, kind: ScanKind) -> tuple[str, str]:
    rest = s[2:]
    cut = rest.rfind("-")
    if cut <= 0:
        raise _err("malformed", kind=kind.value)
    site, tail = rest[:cut], rest[cut + 1 :]
    if not site.isascii() or _SITE_RE.fullmatch(site) is None:
        raise _err("malformed", kind=kind.value)
    return site, tail


def _cell(s: str, sym: str | None, flagged: bool, raw: str, repaired: bool) -> Scan:
    s = s.upper()
    if not s.startswith("C-"):
        raise _err("unknown_format")
    site, number = _site_and_tail(s, ScanKind.CELL)
    if len(number) != 4 or not _digits(number) or number == "0000":
        raise _err("malformed", kind="cell")
    fields = {"site_id": site, "number": number, "cell_id": cell_id(site, int(number))}
    return _scan(ScanKind.CELL, s, fields, sym, repaired, raw)


def _location(s: str, sym: str | None, flagged: bool, raw: str, repaired: bool) -> Scan:
    s = s.upper()
    if not s.startswith("L-"):
        raise _err("unknown_format")
    # L- + site id + A01023 (compact), or the older L- + site id + '-' + A01023: the code is the
    # last six characters either way, and a site id never ends with '-'.
    tail = s[-6:]
    site = s[2:-7] if s[-7:-6] == "-" else s[2:-6]
    if (
        len(s) < 9
        or not ("A" <= tail[0] <= "Z")
        or not _digits(tail[1:])
        or not site.isascii()
        or _SITE_RE.fullmatch(site) is None
    ):
        raise _err("malformed", kind="location")
    code = f"{tail[0]}-{tail[1:3]}-{tail[3:5]}-{tail[5]}"
    fields = {"site_id": site, "code": code, "location_id": location_id(site, code)}
    return _scan(ScanKind.LOCATION, f"L-{site}{tail}", fields, sym, repaired, raw)


def _pickup(s: str, sym: str | None, flagged: bool, raw: str, repaired: bool) -> Scan:
    head = s[:5]
    if head != "WBP1.":
        if head == "wbp1.":  # sent with Caps Lock on: every letter's case is inverted
            s = s.swapcase()
            repaired = True
        elif head.upper().startswith("WBP"):
            raise _err("malformed", kind="pickup")
        else:
            raise _err("unknown_format")
    token = s[5:]
    if not token or len(token) > PICKUP_TOKEN_MAX or _PICKUP_TOKEN_RE.fullmatch(token) is None:
        raise _err("malformed", kind="pickup")
    return _scan(ScanKind.PICKUP, s, {"token": token}, sym, repaired, raw)


_HRI_AI = re.compile(r"\((\d{2,4})\)")


def _hri(s: str, sym: str | None, flagged: bool, raw: str, repaired: bool) -> Scan:
    """GS1 written for people: '(01)04601234567893(21)ABC' (typed in, or a decoder's HRI text)."""
    parts = _HRI_AI.split(s)
    # split() gives ['', ai, value, ai, value, ...] when the text starts with an AI in brackets
    if len(parts) < 3 or parts[0]:
        raise _err("bad_gs1", detail="AI in brackets expected")
    data = GS.join(parts[i] + parts[i + 1] for i in range(1, len(parts), 2))
    return _gs1(data, sym, True, raw, repaired)


_DISPATCH: Final[dict[str, Handler]] = {"(": _hri}
for _d in "0123456789":
    _DISPATCH[_d] = _numeric
for _c, _h in (
    ("U", _unit),
    ("C", _cell),
    ("L", _location),
    ("E", _badge),
    ("D", _document),
    ("T", _tote),
    ("W", _pickup),
    ("S", _seal),
):
    _DISPATCH[_c] = _h
    _DISPATCH[_c.lower()] = _h
del _d, _c, _h


# --- cleaning --------------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251")  # a Russian Windows wedge or terminal
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _written_gs(s: str) -> str:
    """GS written out as text by wedges and people: '<GS>', '\\x1d', '^]', '␝'."""
    return (
        s.replace("<GS>", GS)
        .replace("<gs>", GS)
        .replace("\\x1d", GS)
        .replace("\\x1D", GS)
        .replace("\\X1D", GS)
        .replace("^]", GS)
        .replace("\u241d", GS)
    )


def _parse_clean(text: str, raw: str, repaired: bool) -> Scan:
    s = text.lstrip(_STRIP_LEFT).rstrip(_STRIP_RIGHT)
    if not s:
        raise _err("empty")
    sym: str | None = None
    flagged = False
    if s[0] == "]" and len(s) >= 3:
        letter, modifier = s[1], s[2]
        if letter.isascii() and letter.isalpha() and modifier.isascii() and modifier.isalnum():
            sym = _AIM_NAMES.get(letter, "other")
            if letter == "E" and modifier == "4":
                sym = "ean8"
            flagged = (letter + modifier) in _AIM_GS1
            s = s[3:].lstrip(" ")
    if "<" in s or "\\" in s or "^" in s or "\u241d" in s:
        s = _written_gs(s).rstrip(_STRIP_RIGHT)
    if s and s[0] == GS:  # FNC1 in first position, sent as GS: a GS1 string
        flagged = True
        s = s.lstrip(GS)
    if not s:
        raise _err("empty")
    handler = _DISPATCH.get(s[0])
    if handler is None:
        raise _err("unknown_format")
    return handler(s, sym, flagged, raw, repaired)


def parse(raw: bytes | bytearray | memoryview | str) -> Scan:
    """Classify one scan. Raises BarcodeError (never anything else) for bad input."""
    if isinstance(raw, str):
        text = raw
    elif isinstance(raw, bytes | bytearray | memoryview):
        if len(raw) > MAX_BYTES:
            raise _err("too_long", length=str(len(raw)))
        text = _decode(bytes(raw))
    else:
        raise TypeError(f"parse() takes bytes or str, not {type(raw).__name__}")
    if len(text) > MAX_LEN:
        raise _err("too_long", length=str(len(text)))
    try:
        return _parse_clean(text, text, False)
    except BarcodeError as err:
        if text.isascii() or RUSSIAN_ONLY.isdisjoint(text):
            raise
        first = err
    # Typed through a Russian layout (maybe with Caps Lock): take the repair only if it is valid.
    better: BarcodeError | None = None
    for candidate in (from_russian_layout(text), from_russian_layout(text.swapcase())):
        try:
            return _parse_clean(candidate, text, True)
        except BarcodeError as err:
            if better is None and err.code not in ("unknown_format", "empty"):
                better = err
    raise better if better is not None and first.code == "unknown_format" else first


def expect(scan: Scan, *kinds: ScanKind) -> Scan:
    """The scan if it is one of `kinds`, else BarcodeError('wrong_kind') naming what was wanted."""
    if not kinds:
        raise ValueError("expect() needs at least one kind")
    if scan.kind in kinds:
        return scan
    raise _err("wrong_kind", expected="|".join(k.value for k in kinds), scanned=scan.kind.value)
