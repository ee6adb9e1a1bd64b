"""Two-sided handover: boxes handed to a courier with a seal each, confirmed by the receiving side.

The sending side (the warehouse closing a route, the pickup point handing return boxes over) names
the courier's badge and a seal number per box; the receiving side (the pickup point closing a box's
acceptance, the warehouse closing a return box's receipt) names the seal it finds on the box, and
whether it is broken. The backend compares the two (``box_discrepancies``, ``not_received``) and
keeps what differs as discrepancies that both sites see (docs/PROTOCOL.md, "Handover").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

# A seal's printed number: `S` + 6 to 12 digits or capital letters (docs/BARCODES.md, kind `seal`)
SEAL_RE = re.compile(r"S[0-9A-Z]{6,12}")
# A courier's badge: the employee badge kind, `E` + 9 digits + GS1 check digit
BADGE_RE = re.compile(r"E[0-9]{10}")

# What a discrepancy is about, in the order a screen lists them
SEAL_MISMATCH = "seal_mismatch"  # the receiver found another seal number than the sender recorded
SEAL_BROKEN = "seal_broken"  # the receiver found the seal broken (with photos)
NOT_RECEIVED = "not_received"  # sent, and the receiver closed other boxes of the handover without it
NOT_SENT = "not_sent"  # received, but not sent in any handover
KINDS = (SEAL_MISMATCH, SEAL_BROKEN, NOT_RECEIVED, NOT_SENT)


def is_seal(code: object) -> bool:
    return isinstance(code, str) and SEAL_RE.fullmatch(code) is not None


def is_badge(code: object) -> bool:
    if not isinstance(code, str) or BADGE_RE.fullmatch(code) is None:
        return False
    digits = code[1:]
    total = sum(int(ch) * (3 if i % 2 == 0 else 1) for i, ch in enumerate(reversed(digits[:-1])))
    return str((10 - total % 10) % 10) == digits[-1]


def check_sent(box_ids: Iterable[str] | None, payload: Mapping[str, Any]) -> str | None:
    """The sending side's fields (`courier_badge`, `seals`), when given: a valid badge, and a valid
    seal per box, no seal twice; with ``box_ids``, exactly those boxes. An error text, or None."""
    if "courier_badge" not in payload and "seals" not in payload:
        return None
    if not is_badge(payload.get("courier_badge")):
        return "courier_badge must be a badge code (E + 10 digits)"
    seals = payload.get("seals")
    if not isinstance(seals, dict) or not seals:
        return "seals maps each box to its seal number"
    if not all(isinstance(k, str) and is_seal(v) for k, v in seals.items()):
        return "a seal number is S + 6 to 12 digits or capital letters"
    if len(set(seals.values())) != len(seals):
        return "a seal number is given for two boxes"
    if box_ids is not None and set(seals) != {str(b) for b in box_ids}:
        return "seals must name each box handed over, and only those"
    return None


def check_received(payload: Mapping[str, Any]) -> str | None:
    """The receiving side's fields (`seal`, `seal_broken`), when given. An error text, or None."""
    if "seal" in payload and payload["seal"] != "" and not is_seal(payload["seal"]):
        return "seal is a seal number (S + 6 to 12 digits or capital letters), or empty: no seal"
    if "seal_broken" in payload and not isinstance(payload["seal_broken"], bool):
        return "seal_broken is true or false"
    return None


def box_discrepancies(
    *, sent: bool, seal_sent: str | None, seal_received: str | None, broken: bool
) -> list[str]:
    """What differs for one box its receiver closed: not sent at all, another seal (or none where
    one was sent), a broken seal. A side that recorded no seal (an older client) is not compared."""
    found: list[str] = []
    if not sent:
        found.append(NOT_SENT)
    elif seal_sent and seal_received is not None and seal_received != seal_sent:
        found.append(SEAL_MISMATCH)
    if broken:
        found.append(SEAL_BROKEN)
    return found


def not_received(boxes: Mapping[str, bool]) -> list[str]:
    """The boxes of a handover its receiver has not closed yet (box id -> closed there), once it
    closed at least one of them; sorted."""
    if not any(boxes.values()):
        return []
    return sorted(b for b, closed in boxes.items() if not closed)
