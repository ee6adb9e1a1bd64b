"""Barcode error codes, and their clerk-facing texts as a view over the translation catalog.

The parser raises BarcodeError with a stable ``code``, ``params`` and an English ``message`` (for logs
and the backend); screens render the code in the UI language through shared/qt/messages.py. The texts
themselves are entries of the catalog (context "Messages" for the codes, "Kinds" for label kinds,
keyed by code), read here without Qt by shared/messages.py: ``render_message(code, params, "ru")``.
Params that name kinds ('kind', 'expected', 'scanned') hold ScanKind values ('expected' may hold
several joined by '|') and are rendered as kind names in the chosen language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from shared.messages import KINDS, LANGUAGES, render, views
from shared.messages import MESSAGES as MESSAGE_CONTEXT

from .model import ScanKind

__all__ = ["ERROR_CODES", "KIND_NAMES", "LANGUAGES", "MESSAGES", "render_message"]

# Every code BarcodeError carries; each has a text in both languages (tests check).
ERROR_CODES: Final = (
    "empty",
    "too_long",  # length
    "unknown_format",
    "malformed",  # kind
    "bad_check_digit",
    "bad_gs1",  # detail (English only: the Russian text leaves it out)
    "foreign_box",
    "wrong_kind",  # expected, scanned
)

# {lang: {code: text}} and {lang: {kind: name}}, read from the catalog.
MESSAGES: Final[Mapping[str, Mapping[str, str]]] = views(ERROR_CODES, MESSAGE_CONTEXT)
KIND_NAMES: Final[Mapping[str, Mapping[str, str]]] = views(tuple(k.value for k in ScanKind), KINDS)


def render_message(code: str, params: Mapping[str, str] | None = None, lang: str = "ru") -> str:
    """The clerk's text for an error code in `lang` ('ru' or 'en'); unknown codes fall back to
    'unknown_format', unknown languages to Russian, missing params to '?'."""
    if lang not in LANGUAGES:
        lang = "ru"
    if code not in ERROR_CODES:
        code = "unknown_format"
    return render(code, params, lang)
