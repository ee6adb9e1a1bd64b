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

Error codes from the core (barcode parser, domain rules, store, sync) are mapped to translated
messages by :func:`error_message`; a wrong-kind scan and the unit states have translated texts too.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from shared.barcodes.messages import ERROR_CODES as BARCODE_ERROR_CODES
from shared.barcodes.messages import render_message


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it yet."""
    return text


LANGUAGES: tuple[str, ...] = ("ru", "en")
DEFAULT_LANGUAGE = "ru"
COMMON_CATALOG = "common"


def translations_dir() -> Path:
    """assets/translations in a source checkout or in a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "assets" / "translations"
    return Path(__file__).resolve().parents[2] / "assets" / "translations"


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
    return installed


def uninstall(app: QCoreApplication, translators: Iterable[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# --- error codes -> messages ------------------------------------------------------------------

_ERRORS: dict[str, str] = {
    # pickup codes (shared.auth.check_pickup codes, prefixed) and marking
    "pickup_malformed": QT_TRANSLATE_NOOP("Errors", "This is not a pickup code."),
    "pickup_bad_signature": QT_TRANSLATE_NOOP("Errors", "The pickup code is not genuine."),
    "pickup_expired": QT_TRANSLATE_NOOP(
        "Errors", "The pickup code has expired: ask the customer to refresh it."
    ),
    "pickup_revoked": QT_TRANSLATE_NOOP("Errors", "The pickup code was revoked."),
    "pickup_wrong_pvz": QT_TRANSLATE_NOOP("Errors", "This order is for another pickup point."),
    "pickup_no_key": QT_TRANSLATE_NOOP(
        "Errors", "Pickup codes cannot be checked yet: sync with the server first."
    ),
    "pickup_unknown_code": QT_TRANSLATE_NOOP("Errors", "No order matches this short code."),
    "gtin_mismatch": QT_TRANSLATE_NOOP("Errors", "The marking code belongs to another product."),
    "bad_marking": QT_TRANSLATE_NOOP("Errors", "The marking code is damaged or not a Chestny Znak code."),
    # domain and store
    "already_in_state": QT_TRANSLATE_NOOP("Errors", "Already done for this unit."),
    "final_state": QT_TRANSLATE_NOOP("Errors", "This unit's journey is over: nothing more can be done."),
    "not_allowed": QT_TRANSLATE_NOOP("Errors", "This action is not allowed for the unit in its state."),
    "illegal_transition": QT_TRANSLATE_NOOP(
        "Errors", "This action is not allowed for the unit in its state."
    ),
    "forbidden_role": QT_TRANSLATE_NOOP("Errors", "Your role may not do this."),
    "wrong_site": QT_TRANSLATE_NOOP("Errors", "This unit belongs to another site."),
    "unknown_unit": QT_TRANSLATE_NOOP("Errors", "Unknown unit: not expected at this pickup point."),
    "unknown_box": QT_TRANSLATE_NOOP("Errors", "Unknown box: no shipment with this label."),
    "unknown_cell": QT_TRANSLATE_NOOP("Errors", "Unknown cell at this pickup point."),
    "unknown_order": QT_TRANSLATE_NOOP("Errors", "Unknown order."),
    "cell_full": QT_TRANSLATE_NOOP("Errors", "The cell is full: choose another one."),
    "wrong_cell": QT_TRANSLATE_NOOP("Errors", "Wrong cell: scan the suggested cell's label."),
    "wrong_unit": QT_TRANSLATE_NOOP("Errors", "Wrong unit: this one is not in the current order."),
    "not_in_box": QT_TRANSLATE_NOOP("Errors", "This unit was not shipped in this box."),
    "invalid_payload": QT_TRANSLATE_NOOP("Errors", "The operation is malformed."),
    "invalid_operation": QT_TRANSLATE_NOOP("Errors", "The operation is malformed."),
    "unknown_type": QT_TRANSLATE_NOOP("Errors", "Unknown operation type."),
    "conflict": QT_TRANSLATE_NOOP("Errors", "Conflict: the order changed meanwhile."),
    "no_shift": QT_TRANSLATE_NOOP("Errors", "Open a shift first."),
    "no_user": QT_TRANSLATE_NOOP("Errors", "Log in first."),
    "wrong_box": QT_TRANSLATE_NOOP("Errors", "This unit came in another box."),
    "wrong_box_kind": QT_TRANSLATE_NOOP("Errors", "Wrong kind of box for this step."),
    "box_exists": QT_TRANSLATE_NOOP("Errors", "This box label is already in use."),
    "box_closed": QT_TRANSLATE_NOOP("Errors", "The box is already closed."),
    "box_empty": QT_TRANSLATE_NOOP("Errors", "The box is empty: scan units into it first."),
    "box_open": QT_TRANSLATE_NOOP("Errors", "The box is not closed yet."),
    "not_in_cell": QT_TRANSLATE_NOOP("Errors", "This unit is not in a cell."),
    "wrong_order": QT_TRANSLATE_NOOP("Errors", "This unit belongs to another order."),
    "reason_required": QT_TRANSLATE_NOOP("Errors", "Give a reason."),
    "not_returnable": QT_TRANSLATE_NOOP("Errors", "This unit is not to be returned."),
    "unknown_conflict": QT_TRANSLATE_NOOP("Errors", "This conflict no longer exists."),
    "already_resolved": QT_TRANSLATE_NOOP("Errors", "This conflict is already resolved."),
    "wrong_password": QT_TRANSLATE_NOOP("Errors", "Wrong password."),
    "bad_verifier": QT_TRANSLATE_NOOP(
        "Errors", "The saved login data is damaged: log in with a network connection."
    ),
    "network": QT_TRANSLATE_NOOP("Errors", "No connection to the server."),
    "invalid_credentials": QT_TRANSLATE_NOOP("Errors", "Wrong user name or password."),
    "disk_full": QT_TRANSLATE_NOOP(
        "Errors", "The disk is full: nothing was recorded. Free some space and try again."
    ),
    "read_only": QT_TRANSLATE_NOOP("Errors", "The database is read-only: nothing was recorded."),
    "locked": QT_TRANSLATE_NOOP(
        "Errors", "The database is busy (a second copy of the app?): nothing was recorded."
    ),
    "corrupt": QT_TRANSLATE_NOOP("Errors", "The database file is damaged."),
    # auth and sync
    "bad_credentials": QT_TRANSLATE_NOOP("Errors", "Wrong user name or password."),
    "unknown_user": QT_TRANSLATE_NOOP(
        "Errors", "This user has never logged in on this computer: connect to log in online."
    ),
    "offline": QT_TRANSLATE_NOOP("Errors", "No connection to the server."),
    "not_admin": QT_TRANSLATE_NOOP("Errors", "Settings need an administrator."),
    "io_error": QT_TRANSLATE_NOOP("Errors", "A disk or network error: nothing was recorded."),
    "internal": QT_TRANSLATE_NOOP("Errors", "Unexpected error: nothing was recorded. Tell support."),
}


def error_message(code: str, fallback: str = "", params: Mapping[str, str] | None = None) -> str:
    """The translated message for a core error code; the error's own text for an unknown code.

    Barcode error codes are rendered by shared.barcodes.messages (which has both languages);
    everything else comes from the Qt catalogs.
    """
    if code in BARCODE_ERROR_CODES:
        return render_message(code, params, current_language())
    text = _ERRORS.get(code)
    if text is None:
        return fallback or code
    return QCoreApplication.translate("Errors", text)


# --- label kinds (names and wrong-kind texts come from shared.barcodes.messages) --------------


def current_language() -> str:
    """'ru' or 'en', from the default locale :func:`install` set."""
    return "en" if QLocale().language() == QLocale.Language.English else "ru"


def wrong_kind_message(got: object, expected: Iterable[object]) -> str:
    """'Wrong label: scan a cell label, not a unit label.' in the current language."""
    wanted = "|".join(str(getattr(k, "value", k)) for k in expected)
    scanned = str(getattr(got, "value", got))
    return render_message("wrong_kind", {"expected": wanted, "scanned": scanned}, current_language())


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
}


def op_name(op_type: object) -> str:
    """The translated name of an operation type, or the type itself when it has none."""
    key = str(getattr(op_type, "value", op_type))
    text = _OPERATIONS.get(key)
    return QCoreApplication.translate("Operations", text) if text else key
