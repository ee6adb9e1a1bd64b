"""The customer as a pickup point sees them: a display name (first name and initial) and a masked
phone. The full phone never leaves the backend; the PVZ searches by its last 4 digits."""

from __future__ import annotations


def display_name(full_name: str) -> str:
    """'Мария Иванова' -> 'Мария И.'; a single word stays as it is; '' stays ''."""
    words = full_name.split()
    if not words:
        return ""
    if len(words) == 1:
        return words[0][:60]
    return f"{words[0][:60]} {words[1][0].upper()}."


def normalise_phone(phone: str) -> str:
    """'+7 (916) 123-45-67', '89161234567' -> '+79161234567'; '' for anything with no digits.
    Russian numbers (10 digits, or 11 starting 7 or 8) get +7; others keep their digits."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if not digits:
        return ""
    if len(digits) == 10:
        digits = "7" + digits
    elif len(digits) == 11 and digits[0] == "8":
        digits = "7" + digits[1:]
    return "+" + digits


def mask_phone(phone: str) -> str:
    """'+79161234567' -> '+7 *** ***-45-67': only the last 4 digits show; '' stays ''."""
    digits = normalise_phone(phone)[1:]
    if len(digits) < 4:
        return ""
    tail = digits[-4:]
    country = digits[:-10] if len(digits) > 10 else "7"
    return f"+{country} *** ***-{tail[:2]}-{tail[2:]}"
