"""UI language: Russian by default, English second, through Qt translation files.

Convention (both apps follow it):

* UI source strings are written in **English** in the code, with ``self.tr("...")`` inside QObject
  classes or ``QCoreApplication.translate("Context", "...")`` / ``QT_TRANSLATE_NOOP`` elsewhere.
* ``assets/translations/<catalog>_<lang>.ts`` are the translation sources, one pair per catalog:
  ``common`` (shared/qt), ``pvz`` (pvz_app), ``scanner`` (scanner_app). The Russian files carry the
  Russian text; the English files carry the English text back (so every string is translated, and
  a translator can adjust wording without touching code).
* ``python -m shared.qt.i18n_build`` (``make translations``) refreshes the ``.ts`` files from the
  code with ``pyside6-lupdate`` (existing translations are kept) and compiles the ``.qm`` files with
  ``pyside6-lrelease``. The ``.qm`` files are committed; a test checks they match the ``.ts`` files
  and that every string is translated in both languages.
* :func:`install` loads the catalogs for a language into a QCoreApplication; with no ``--lang``
  the apps start in Russian (:data:`DEFAULT_LANGUAGE`).

Error codes from the core (barcode parser, domain rules, store, sync, auth) are mapped to translated
messages by :func:`error_message`, through the one table of coded messages in shared/qt/messages.py
(catalog context "Messages", keyed by code); a wrong-kind scan and the unit states have translated
texts too. :func:`install` also sets the language the core's own ``message`` properties render in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from shared import messages as core_messages

from . import messages


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it yet."""
    return text


LANGUAGES: tuple[str, ...] = ("ru", "en")
DEFAULT_LANGUAGE = "ru"
COMMON_CATALOG = "common"


def translations_dir() -> Path:
    """assets/translations in a source checkout or in a PyInstaller bundle."""
    return core_messages.translations_dir()


def normalise_language(lang: str | None) -> str:
    """'ru', 'RU', 'ru_RU' -> 'ru'; anything unknown or empty -> the default (Russian)."""
    code = (lang or "").strip().lower().replace("-", "_").split("_")[0]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def install(
    app: QCoreApplication,
    lang: str | None,
    catalogs: Iterable[str] = (COMMON_CATALOG,),
    directory: Path | None = None,
) -> list[QTranslator]:
    """Load ``<catalog>_<lang>.qm`` for each catalog (plus Qt's own strings) into ``app``.

    Returns the installed translators; keep them (the app holds no reference) and pass them to
    :func:`uninstall` to switch language. Raises FileNotFoundError when a catalog is missing, so a
    broken installation is loud rather than silently English.
    """
    code = normalise_language(lang)
    folder = directory or translations_dir()
    installed: list[QTranslator] = []
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if code != "en" and qt_own.load(QLocale(code), "qtbase", "_", qt_dir):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    for catalog in catalogs:
        path = folder / f"{catalog}_{code}.qm"
        translator = QTranslator(app)
        if not translator.load(str(path)):
            raise FileNotFoundError(f"translation catalog not found or unreadable: {path}")
        app.installTranslator(translator)
        installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Russian if code == "ru" else QLocale.Language.English))
    core_messages.set_language(code)  # the core's error messages follow the UI language
    return installed


def uninstall(app: QCoreApplication, translators: Iterable[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# --- error codes -> messages (the table is shared/qt/messages.py) -------------------------------


def error_message(code: str, fallback: str = "", params: Mapping[str, Any] | None = None) -> str:
    """The translated message for a core error code (barcode, domain, store, sync, auth and screen
    codes alike, from the "Messages" catalog context); the error's own text for an unknown code."""
    if not messages.known(code):
        return fallback or code
    return messages.text(code, **dict(params or {}))


def current_language() -> str:
    """'ru' or 'en', from the default locale :func:`install` set."""
    return "en" if QLocale().language() == QLocale.Language.English else "ru"


def wrong_kind_message(got: object, expected: Iterable[object]) -> str:
    """'Wrong label: scan a cell label, not a unit label.' in the current language."""
    wanted = "|".join(str(getattr(k, "value", k)) for k in expected)
    scanned = str(getattr(got, "value", got))
    return messages.text("wrong_kind", expected=wanted, scanned=scanned)


# --- unit states ------------------------------------------------------------------------------

_STATES: dict[str, str] = {
    "CREATED": QT_TRANSLATE_NOOP("States", "created"),
    "PAID": QT_TRANSLATE_NOOP("States", "paid"),
    "PICKED": QT_TRANSLATE_NOOP("States", "picked at the warehouse"),
    "PACKED": QT_TRANSLATE_NOOP("States", "packed at the warehouse"),
    "SHIPPED": QT_TRANSLATE_NOOP("States", "in transit"),
    "ACCEPTED": QT_TRANSLATE_NOOP("States", "in a cell"),
    "ISSUED": QT_TRANSLATE_NOOP("States", "issued"),
    "REFUSED": QT_TRANSLATE_NOOP("States", "refused"),
    "RETURN_PACKED": QT_TRANSLATE_NOOP("States", "in a return box"),
    "RETURN_SHIPPED": QT_TRANSLATE_NOOP("States", "returned to the courier"),
    "RETURNED": QT_TRANSLATE_NOOP("States", "back at the warehouse"),
    "CANCELLED": QT_TRANSLATE_NOOP("States", "cancelled"),
    "MISSING": QT_TRANSLATE_NOOP("States", "missing"),
    "DAMAGED": QT_TRANSLATE_NOOP("States", "damaged"),
}


def state_name(status: object) -> str:
    key = str(getattr(status, "value", status)).upper()
    text = _STATES.get(key)
    return QCoreApplication.translate("States", text) if text else key


# What a user sees for each journalled operation type (conflicts lists, shift reports): one table for
# both apps, keyed by shared.domain.OpType values.
_OPERATIONS: dict[str, str] = {
    "shift.open": QT_TRANSLATE_NOOP("Operations", "Shift opened"),
    "shift.close": QT_TRANSLATE_NOOP("Operations", "Shift closed"),
    "unit.accept": QT_TRANSLATE_NOOP("Operations", "Acceptance"),
    "unit.move": QT_TRANSLATE_NOOP("Operations", "Move to another cell"),
    "unit.missing": QT_TRANSLATE_NOOP("Operations", "Shortage"),
    "unit.damaged": QT_TRANSLATE_NOOP("Operations", "Damage"),
    "unit.found": QT_TRANSLATE_NOOP("Operations", "Unit found"),
    "box.surplus": QT_TRANSLATE_NOOP("Operations", "Surplus"),
    "box.accept_close": QT_TRANSLATE_NOOP("Operations", "Acceptance closed"),
    "pickup.complete": QT_TRANSLATE_NOOP("Operations", "Pickup"),
    "fitting.start": QT_TRANSLATE_NOOP("Operations", "To the fitting room"),
    "return.open": QT_TRANSLATE_NOOP("Operations", "Return box opened"),
    "return.pack": QT_TRANSLATE_NOOP("Operations", "Return packing"),
    "return.close": QT_TRANSLATE_NOOP("Operations", "Return box closed"),
    "return.handover": QT_TRANSLATE_NOOP("Operations", "Handover to the courier"),
    "inventory.record": QT_TRANSLATE_NOOP("Operations", "Inventory"),
    "pick.unit": QT_TRANSLATE_NOOP("Operations", "Picked unit"),
    "pick.skip": QT_TRANSLATE_NOOP("Operations", "Skipped unit"),
    "pack.open": QT_TRANSLATE_NOOP("Operations", "Box opened"),
    "pack.unit": QT_TRANSLATE_NOOP("Operations", "Unit packed"),
    "pack.close": QT_TRANSLATE_NOOP("Operations", "Box closed"),
    "route.add_box": QT_TRANSLATE_NOOP("Operations", "Box onto a route"),
    "route.close": QT_TRANSLATE_NOOP("Operations", "Route closed"),
    "return.receive": QT_TRANSLATE_NOOP("Operations", "Return received"),
    "return.receipt_close": QT_TRANSLATE_NOOP("Operations", "Return receipt closed"),
    "count.record": QT_TRANSLATE_NOOP("Operations", "Cycle count"),
    "putaway.record": QT_TRANSLATE_NOOP("Operations", "Put-away"),
    "label.reprint": QT_TRANSLATE_NOOP("Operations", "Label reprinted"),
}


def op_name(op_type: object) -> str:
    """The translated name of an operation type, or the type itself when it has none."""
    key = str(getattr(op_type, "value", op_type))
    text = _OPERATIONS.get(key)
    return QCoreApplication.translate("Operations", text) if text else key
