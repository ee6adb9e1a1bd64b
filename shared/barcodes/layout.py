"""The Russian ЙЦУКЕН keyboard layout against US QWERTY, key for key.

A keyboard-wedge scanner "types" each character by pressing the US key for it; with the Russian
layout active the computer gets the Cyrillic letter (or punctuation) on that key instead. The
parser undoes this with `from_russian_layout`; scanner simulators and tests make such input with
`to_russian_layout`.
"""

from __future__ import annotations

from typing import Final

# Same position, same order: unshifted keys, then shifted keys.
US_KEYS: Final = "`qwertyuiop[]asdfghjkl;'zxcvbnm,./~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>?@#$^&|"
RU_KEYS: Final = 'ёйцукенгшщзхъфывапролджэячсмитьбю.ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,"№;:?/'

_TO_RU: Final = str.maketrans(US_KEYS, RU_KEYS)
_FROM_RU: Final = str.maketrans(RU_KEYS, US_KEYS)

# Characters that only appear when the Russian layout is on (a cheap test before trying a repair).
RUSSIAN_ONLY: Final = frozenset(ch for ch in RU_KEYS if not ch.isascii())


def to_russian_layout(text: str, *, caps_lock: bool = False) -> str:
    """What arrives when `text` is typed key by key with the Russian layout on (and Caps Lock)."""
    typed = text.translate(_TO_RU)
    return typed.swapcase() if caps_lock else typed


def from_russian_layout(text: str) -> str:
    """The US characters on the keys that produced `text` under the Russian layout."""
    return text.translate(_FROM_RU)
