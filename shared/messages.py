"""Coded messages: the core says what happened as a code with params; the words live in the catalogs.

The core (store, sync, auth, barcodes, printing) never holds user-facing text. It raises or returns a
stable ``code`` (``"disk_full"``, ``"sync_timeout"``, ``"bad_check_digit"``) and ``params`` (plain
strings and numbers). The texts are entries of the Qt translation catalog ``common`` under a context
per domain (``Messages`` for codes, ``Kinds`` for label kinds, ``Reports`` for printed documents,
``Terminal`` for the warehouse terminal's flow messages),
each with its code as the disambiguation; ``shared/qt/messages.py`` holds the English source table
that ``pyside6-lupdate`` reads, and renders through the installed Qt translators.

This module is the Qt-free reader of the same catalog (the ``.ts`` files), for code that renders
without Qt: an error's ``message`` property, the barcode parser's English message, printed reports,
the unit tests. ``shared.qt.i18n.install`` sets :func:`set_language`, so ``message`` follows the UI
language. Placeholders are ``{name}``; a missing param renders as ``?``. Params named like label
kinds (``kind``, ``expected``, ``scanned``) hold ScanKind values, several joined by ``|``, and render
as kind names ("a unit label or a box label").
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

LANGUAGES: Final = ("ru", "en")
DEFAULT_LANGUAGE: Final = "ru"
CATALOG: Final = "common"

MESSAGES: Final = "Messages"  # context of message codes (errors, refusals, rejection reasons)
KINDS: Final = "Kinds"  # context of label kind names (ScanKind values)
REPORTS: Final = "Reports"  # context of printed report texts
TERMINAL: Final = "Terminal"  # context of the warehouse terminal's flow messages and login codes

KIND_PARAMS: Final = frozenset({"kind", "expected", "scanned"})
EITHER_OR: Final = "either_or"  # "{first} or {second}", to join several kind names

_current = {"lang": DEFAULT_LANGUAGE}  # set once at start-up (and on a language switch)


def translations_dir() -> Path:
    """assets/translations in a source checkout or in a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "assets" / "translations"
    return Path(__file__).resolve().parents[1] / "assets" / "translations"


def set_language(lang: str) -> None:
    """The language ``message`` properties render in ('ru' or 'en'; anything else means Russian)."""
    _current["lang"] = lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    return _current["lang"]


@lru_cache(maxsize=8)
def _catalog(lang: str, folder: Path) -> Mapping[tuple[str, str], str]:
    """(context, code) -> text of every coded entry of ``common_<lang>.ts`` (an entry whose
    disambiguation is its code); an entry not translated yet gives its English source."""
    path = folder / f"{CATALOG}_{lang}.ts"
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return {}
    found: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            code = message.findtext("comment")
            if not code:
                continue
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = translation.text if translation is not None else None
            finished = translation is not None and translation.get("type") not in ("unfinished", "vanished")
            found[(name, code)] = text if finished and text else source
    return found


def lookup(code: str, context: str = MESSAGES, lang: str | None = None) -> str | None:
    """The catalog's template for ``code`` in ``lang`` (default: the current language), or None."""
    chosen = lang if lang in LANGUAGES else current_language() if lang is None else DEFAULT_LANGUAGE
    return _catalog(chosen, translations_dir()).get((context, code))


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


def expand(template: str, params: Mapping[str, Any] | None, name: Callable[[str, str], str | None]) -> str:
    """Fill ``{name}`` placeholders from ``params``; kind params become kind names.

    ``name(context, code)`` gives a catalog text (a kind name, the "either or" joiner) or None.
    """
    values = _Blank(params or {})
    for key in KIND_PARAMS & values.keys():
        kinds = [k for k in str(values[key]).split("|") if k]
        names = [name(KINDS, k) or k for k in kinds]
        joiner = name(MESSAGES, EITHER_OR) or "{first} or {second}"
        text = names[0] if names else "?"
        for more in names[1:]:
            text = joiner.format(first=text, second=more)
        values[key] = text
    try:
        return template.format_map(values)
    except (IndexError, ValueError, AttributeError):
        return template


def render(
    code: str, params: Mapping[str, Any] | None = None, lang: str | None = None, context: str = MESSAGES
) -> str:
    """``code`` in words, in ``lang`` (default: the current language). An unknown code renders as
    itself followed by its params, so nothing is lost when a catalog lacks an entry."""
    template = lookup(code, context, lang)
    if template is None:
        tail = ", ".join(f"{k}={v}" for k, v in (params or {}).items())
        return f"{code} ({tail})" if tail else code
    return expand(template, params, lambda ctx, c: lookup(c, ctx, lang))


class Coded:
    """Mixin for the core's errors: a stable ``code``, ``params``, and ``message`` in words.

    ``message`` renders through the catalog in the current language each time it is read, so the
    English UI shows the English text; screens may render ``code`` and ``params`` themselves. An
    error whose ``code`` is someone else's (the server's) names its text's entry in ``key``.
    """

    code: str
    key: str | None = None
    params: Mapping[str, Any]

    @property
    def message(self) -> str:
        return render(self.key or self.code, self.params)


class CatalogView(Mapping[str, str]):
    """A read-only ``code -> text`` view of one context of the catalog in one language, for modules
    that used to keep their own text dictionaries (the codes stay theirs, the words are the catalog's)."""

    def __init__(self, codes: tuple[str, ...], context: str, lang: str) -> None:
        self._codes = codes
        self._context = context
        self._lang = lang

    def __getitem__(self, code: str) -> str:
        if code not in self._codes:
            raise KeyError(code)
        return lookup(code, self._context, self._lang) or code

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)


def views(codes: tuple[str, ...], context: str) -> Mapping[str, Mapping[str, str]]:
    """``{lang: CatalogView}`` for both languages."""
    return {lang: CatalogView(codes, context, lang) for lang in LANGUAGES}
