"""GS1 Application Identifiers: the table of the ones we read and a splitter for element strings.

Fixed-length AIs need no separator after them; a variable-length AI runs to the next GS (0x1D) or
to the end. The table holds the AIs found on products, logistic units and marking codes; an AI not
in it is reported as broken GS1 data rather than guessed at.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

GS: Final = "\x1d"


class AISpec(NamedTuple):
    min_len: int
    max_len: int  # equal to min_len for a fixed-length AI
    numeric: bool

    @property
    def fixed(self) -> bool:
        return self.min_len == self.max_len


def _n(length: int) -> AISpec:
    return AISpec(length, length, True)


def _nv(max_len: int, min_len: int = 1) -> AISpec:
    return AISpec(min_len, max_len, True)


def _x(max_len: int, min_len: int = 1) -> AISpec:
    return AISpec(min_len, max_len, False)


def _build_table() -> dict[str, AISpec]:
    t: dict[str, AISpec] = {
        "00": _n(18),
        "01": _n(14),
        "02": _n(14),
        "10": _x(20),
        "11": _n(6),
        "12": _n(6),
        "13": _n(6),
        "15": _n(6),
        "16": _n(6),
        "17": _n(6),
        "20": _n(2),
        "21": _x(20),
        "22": _x(20),
        "30": _nv(8),
        "37": _nv(8),
        "235": _x(28),
        "240": _x(30),
        "241": _x(30),
        "242": _nv(6),
        "243": _x(20),
        "250": _x(30),
        "251": _x(30),
        "253": _x(30, 13),
        "254": _x(20),
        "255": _nv(25, 13),
        "400": _x(30),
        "401": _x(30),
        "402": _n(17),
        "403": _x(30),
        "420": _x(20),
        "421": _x(12, 4),
        "422": _n(3),
        "423": _nv(15, 3),
        "424": _n(3),
        "425": _nv(15, 3),
        "426": _n(3),
        "427": _x(3),
        "7001": _n(13),
        "7002": _x(30),
        "7003": _n(10),
        "7004": _nv(4),
        "7005": _x(12),
        "7006": _n(6),
        "7007": _nv(12, 6),
        "7008": _x(3),
        "7009": _x(10),
        "7010": _x(2),
        "8001": _n(14),
        "8002": _x(20),
        "8003": _x(30, 15),
        "8004": _x(30),
        "8005": _n(6),
        "8006": _n(18),
        "8007": _x(34),
        "8008": _nv(12, 8),
        "8012": _x(20),
        "8013": _x(25),
        "8017": _n(18),
        "8018": _n(18),
        "8019": _nv(10),
        "8020": _x(25),
        "8200": _x(70),
        "90": _x(30),
    }
    for ai in range(410, 418):
        t[str(ai)] = _n(13)
    for ai in range(710, 716):
        t[str(ai)] = _x(20)
    for ai in range(91, 100):
        t[str(ai)] = _x(90)
    # Trade measures 310n..369n: six digits, n = decimal places.
    for group in range(310, 370):
        for n in range(10):
            t[f"{group}{n}"] = _n(6)
    for group in (390, 391, 392, 393, 394, 395):
        for n in range(10):
            t[f"{group}{n}"] = _nv(15)
    return t


AI_TABLE: Final[dict[str, AISpec]] = _build_table()

# Length of the AI itself, by its first two digits.
AI_CODE_LEN: Final[dict[str, int]] = {}
for _ai in AI_TABLE:
    AI_CODE_LEN.setdefault(_ai[:2], len(_ai))
del _ai

# GS1 "CSET 82": the characters allowed in alphanumeric AI values.
_CSET82 = re.compile(r"[!\"%-?A-Z_a-z]*")


def cset82(value: str) -> bool:
    return _CSET82.fullmatch(value) is not None


class GS1Error(Exception):
    """Raised by split_elements; the parser turns it into BarcodeError('bad_gs1', ...)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def split_elements(data: str) -> list[tuple[str, str]]:
    """(AI, value) pairs of a GS1 element string whose separators are GS characters."""
    out: list[tuple[str, str]] = []
    for segment in data.split(GS):
        pos = 0
        end = len(segment)
        while pos < end:
            ai_len = AI_CODE_LEN.get(segment[pos : pos + 2])
            ai = segment[pos : pos + ai_len] if ai_len else segment[pos : pos + 2]
            spec = AI_TABLE.get(ai) if ai_len else None
            if spec is None:
                raise GS1Error(f"unknown AI ({ai})")
            pos += ai_len or 0
            if spec.fixed:
                value = segment[pos : pos + spec.max_len]
                if len(value) != spec.max_len:
                    raise GS1Error(f"AI ({ai}) needs {spec.max_len} characters")
            else:
                value = segment[pos:]
                if not spec.min_len <= len(value) <= spec.max_len:
                    raise GS1Error(f"AI ({ai}) is {spec.min_len}-{spec.max_len} characters")
            pos += len(value)
            if spec.numeric:
                if not (value.isascii() and value.isdigit()):
                    raise GS1Error(f"AI ({ai}) must be digits")
            elif not cset82(value):
                raise GS1Error(f"AI ({ai}) has characters GS1 does not allow")
            out.append((ai, value))
    if not out:
        raise GS1Error("no data")
    return out
