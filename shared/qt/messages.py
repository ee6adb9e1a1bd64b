"""Coded messages in words: the one table of the "Messages", "Kinds", "Reports" and "Terminal" contexts.

The core raises and returns codes with params (see shared/messages.py); this table gives every code its
English source text with ``{name}`` placeholders, marked for ``pyside6-lupdate`` with the code as the
disambiguation, so the catalog entry is keyed by the code and a translator sees one English text per
code. :func:`text` renders a code through the installed Qt translators (the UI language);
shared/messages.py renders the same catalog without Qt. :func:`reason` gives a backend rejection reason
(``reason.code`` of a push result) in words, :func:`fmt` fills Qt-style ``%1``..``%n`` placeholders.
The terminal's flow messages (the "Terminal" context) are in shared/qt/messages_terminal.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from shared import messages as core
from shared.messages import KINDS, MESSAGES, REPORTS, TERMINAL

from .messages_terminal import TERMINAL_TEXTS


def QT_TRANSLATE_NOOP(context: str, text: str, code: str) -> tuple[str, str]:
    """lupdate marker: ``text`` in ``context``, disambiguated by ``code``; gives ``(code, text)``."""
    return code, text


# Every code the core raises or a screen shows as an error, and the backend's rejection reasons.
TEXTS: dict[str, str] = dict(
    [
        # pickup codes (shared.auth.check_pickup codes, prefixed), marking, domain and screens
        QT_TRANSLATE_NOOP("Messages", "This is not a pickup code.", "pickup_malformed"),
        QT_TRANSLATE_NOOP("Messages", "The pickup code is not genuine.", "pickup_bad_signature"),
        QT_TRANSLATE_NOOP(
            "Messages", "The pickup code has expired: ask the customer to refresh it.", "pickup_expired"
        ),
        QT_TRANSLATE_NOOP("Messages", "The pickup code was revoked.", "pickup_revoked"),
        QT_TRANSLATE_NOOP("Messages", "This order is for another pickup point.", "pickup_wrong_pvz"),
        QT_TRANSLATE_NOOP(
            "Messages", "Pickup codes cannot be checked yet: sync with the server first.", "pickup_no_key"
        ),
        QT_TRANSLATE_NOOP("Messages", "No order matches this short code.", "pickup_unknown_code"),
        QT_TRANSLATE_NOOP("Messages", "The marking code belongs to another product.", "gtin_mismatch"),
        QT_TRANSLATE_NOOP(
            "Messages", "The marking code is damaged or not a Chestny Znak code.", "bad_marking"
        ),
        QT_TRANSLATE_NOOP("Messages", "Already done for this unit.", "already_in_state"),
        QT_TRANSLATE_NOOP(
            "Messages", "This unit's journey is over: nothing more can be done.", "final_state"
        ),
        QT_TRANSLATE_NOOP("Messages", "This action is not allowed for the unit in its state.", "not_allowed"),
        QT_TRANSLATE_NOOP(
            "Messages", "This action is not allowed for the unit in its state.", "illegal_transition"
        ),
        QT_TRANSLATE_NOOP("Messages", "Your role may not do this.", "forbidden_role"),
        QT_TRANSLATE_NOOP("Messages", "This unit belongs to another site.", "wrong_site"),
        QT_TRANSLATE_NOOP("Messages", "Unknown unit: not expected at this pickup point.", "unknown_unit"),
        QT_TRANSLATE_NOOP("Messages", "Unknown box: no shipment with this label.", "unknown_box"),
        QT_TRANSLATE_NOOP("Messages", "Unknown cell at this pickup point.", "unknown_cell"),
        QT_TRANSLATE_NOOP("Messages", "Unknown order.", "unknown_order"),
        QT_TRANSLATE_NOOP("Messages", "The cell is full: choose another one.", "cell_full"),
        QT_TRANSLATE_NOOP("Messages", "Wrong cell: scan the suggested cell's label.", "wrong_cell"),
        QT_TRANSLATE_NOOP("Messages", "Wrong unit: this one is not in the current order.", "wrong_unit"),
        QT_TRANSLATE_NOOP("Messages", "This unit was not shipped in this box.", "not_in_box"),
        QT_TRANSLATE_NOOP("Messages", "The operation is malformed.", "invalid_payload"),
        QT_TRANSLATE_NOOP("Messages", "The operation is malformed.", "invalid_operation"),
        QT_TRANSLATE_NOOP("Messages", "Unknown operation type.", "unknown_type"),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The journal's hash chain is broken: an operation is missing, out of order or altered.",
            "broken_chain",
        ),
        QT_TRANSLATE_NOOP("Messages", "Conflict: the order changed meanwhile.", "conflict"),
        QT_TRANSLATE_NOOP("Messages", "Open a shift first.", "no_shift"),
        QT_TRANSLATE_NOOP("Messages", "Log in first.", "no_user"),
        QT_TRANSLATE_NOOP("Messages", "This unit came in another box.", "wrong_box"),
        QT_TRANSLATE_NOOP("Messages", "Wrong kind of box for this step.", "wrong_box_kind"),
        QT_TRANSLATE_NOOP("Messages", "This box label is already in use.", "box_exists"),
        QT_TRANSLATE_NOOP("Messages", "The box is already closed.", "box_closed"),
        QT_TRANSLATE_NOOP("Messages", "The box is empty: scan units into it first.", "box_empty"),
        QT_TRANSLATE_NOOP(
            "Messages", "Every box on the route needs its seal, and only those boxes.", "seal_required"
        ),
        QT_TRANSLATE_NOOP("Messages", "The box is not closed yet.", "box_open"),
        QT_TRANSLATE_NOOP("Messages", "This unit is not in a cell.", "not_in_cell"),
        QT_TRANSLATE_NOOP("Messages", "This unit belongs to another order.", "wrong_order"),
        QT_TRANSLATE_NOOP("Messages", "Give a reason.", "reason_required"),
        QT_TRANSLATE_NOOP("Messages", "This unit is not to be returned.", "not_returnable"),
        QT_TRANSLATE_NOOP(
            "Messages", "This unit's storage is not over: it stays in its cell.", "not_overdue"
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Only fetched clothes and shoes go to a fitting room: fetch them first.", "no_try_on"
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "Every fitting room is taken: wait for one to free up.", "fitting_full"
        ),
        QT_TRANSLATE_NOOP("Messages", "This fitting room is free already.", "fitting_free"),
        QT_TRANSLATE_NOOP("Messages", "This unit is not waiting in a cell here.", "not_ready"),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The order is paid at pickup and its payment has not arrived: it cannot be issued.",
            "payment_due",
        ),
        QT_TRANSLATE_NOOP("Messages", "This conflict no longer exists.", "unknown_conflict"),
        QT_TRANSLATE_NOOP("Messages", "This conflict is already resolved.", "already_resolved"),
        QT_TRANSLATE_NOOP("Messages", "Wrong password.", "wrong_password"),
        QT_TRANSLATE_NOOP(
            "Messages", "The saved login data is damaged: log in with a network connection.", "bad_verifier"
        ),
        QT_TRANSLATE_NOOP("Messages", "No connection to the server.", "network"),
        QT_TRANSLATE_NOOP("Messages", "Wrong user name or password.", "invalid_credentials"),
        QT_TRANSLATE_NOOP("Messages", "Wrong user name or password.", "bad_credentials"),
        QT_TRANSLATE_NOOP(
            "Messages",
            "This user has never logged in on this computer: connect to log in online.",
            "unknown_user",
        ),
        QT_TRANSLATE_NOOP("Messages", "No connection to the server.", "offline"),
        QT_TRANSLATE_NOOP("Messages", "Settings need an administrator.", "not_admin"),
        QT_TRANSLATE_NOOP("Messages", "A disk or network error: nothing was recorded.", "io_error"),
        QT_TRANSLATE_NOOP("Messages", "Unexpected error: nothing was recorded. Tell support.", "internal"),
        # store (shared/store/errors.py)
        QT_TRANSLATE_NOOP(
            "Messages",
            "The disk is full: the operation was not saved. Free some space and try again. "
            "Operations already confirmed are saved.",
            "disk_full",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The database is read-only: the operation was not saved. "
            "Check the permissions of the app's data folder.",
            "read_only",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The database is busy in another process: the operation was not saved. "
            "Close the second copy of the app and try again.",
            "locked",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "The database file is damaged or is not this app's database.", "corrupt"
        ),
        QT_TRANSLATE_NOOP("Messages", "The app's database could not be opened.", "cannot_open"),
        QT_TRANSLATE_NOOP(
            "Messages", "The app's files could not be written: the operation was not saved.", "store_io"
        ),
        QT_TRANSLATE_NOOP("Messages", "Local database error: the operation was not saved.", "store_error"),
        QT_TRANSLATE_NOOP("Messages", "The app's data folder could not be created.", "data_folder"),
        QT_TRANSLATE_NOOP("Messages", "The database did not switch to WAL mode.", "no_wal"),
        QT_TRANSLATE_NOOP(
            "Messages",
            "This database belongs to another device: its operation journal cannot be continued.",
            "foreign_device",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The database was created by a newer version of the app: install that version again "
            "(an older version may damage the data).",
            "newer_schema",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "The photo could not be saved in the app's data folder.", "photo_not_saved"
        ),
        # store refusals and backend rejection reasons not listed above
        QT_TRANSLATE_NOOP("Messages", "Unknown storage location.", "unknown_location"),
        QT_TRANSLATE_NOOP("Messages", "Unknown pick task: sync and try again.", "unknown_task"),
        QT_TRANSLATE_NOOP("Messages", "This unit is not in the pick task.", "not_in_task"),
        QT_TRANSLATE_NOOP(
            "Messages", "Wrong destination: this goes to another pickup point.", "wrong_destination"
        ),
        QT_TRANSLATE_NOOP("Messages", "The route is already closed.", "route_closed"),
        QT_TRANSLATE_NOOP("Messages", "Unknown route.", "unknown_route"),
        QT_TRANSLATE_NOOP(
            "Messages", "This action is not possible for the unit in its current status.", "wrong_status"
        ),
        # sync (shared/sync: SyncError.key)
        QT_TRANSLATE_NOOP(
            "Messages", "the server is temporarily unavailable ({status}): {text}", "sync_server_busy"
        ),
        QT_TRANSLATE_NOOP("Messages", "the session has expired: log in again", "sync_session_expired"),
        QT_TRANSLATE_NOOP("Messages", "the server refused the request ({status}): {text}", "sync_refused"),
        QT_TRANSLATE_NOOP("Messages", "no answer from the server (timeout)", "sync_timeout"),
        QT_TRANSLATE_NOOP("Messages", "no connection to the server", "sync_offline"),
        QT_TRANSLATE_NOOP("Messages", "unexpected error: {error}", "sync_unexpected"),
        QT_TRANSLATE_NOOP("Messages", "the server did not answer in JSON", "sync_not_json"),
        QT_TRANSLATE_NOOP(
            "Messages",
            "the server does not know this device's earlier operations (a gap in the numbering); "
            "call the administrator",
            "sync_seq_gap",
        ),
        QT_TRANSLATE_NOOP("Messages", "the server answered the push without results", "sync_no_results"),
        QT_TRANSLATE_NOOP("Messages", "the server confirmed none of the operations", "sync_none_confirmed"),
        QT_TRANSLATE_NOOP("Messages", "the server did not give a new device number", "sync_no_epoch"),
        QT_TRANSLATE_NOOP(
            "Messages", "the server's answer with the changes is incomplete", "sync_pull_incomplete"
        ),
        # login (shared/auth: AuthError.key, UnlockError, offline pickup checks, token store)
        QT_TRANSLATE_NOOP("Messages", "the server sent an incomplete answer to the login", "auth_bad_answer"),
        QT_TRANSLATE_NOOP("Messages", "no connection to the server", "auth_network"),
        QT_TRANSLATE_NOOP("Messages", "wrong user name or password", "auth_invalid_credentials"),
        QT_TRANSLATE_NOOP("Messages", "too many failed attempts, wait", "auth_too_many_attempts"),
        QT_TRANSLATE_NOOP("Messages", "server error ({status})", "auth_server"),
        QT_TRANSLATE_NOOP(
            "Messages",
            "this user works at another site, and this computer is set up for this one: "
            "call the administrator",
            "auth_wrong_site",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "this device is assigned to another site: call the administrator", "auth_wrong_device"
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "this device was taken out of service by the administrator", "auth_device_retired"
        ),
        QT_TRANSLATE_NOOP("Messages", "login refused ({status}): {text}", "auth_rejected"),
        QT_TRANSLATE_NOOP(
            "Messages",
            "too many wrong passwords: wait {minutes} minutes or log in with a network connection",
            "locked_out",
        ),
        QT_TRANSLATE_NOOP("Messages", "nobody is logged in", "no_session"),
        QT_TRANSLATE_NOOP(
            "Messages",
            "This system has no secure password storage: after a restart of the app you will have to "
            "log in again.",
            "insecure_keyring",
        ),
        QT_TRANSLATE_NOOP("Messages", "The code is valid.", "pickup_ok"),
        # barcodes (shared/barcodes/messages.py: ERROR_CODES)
        QT_TRANSLATE_NOOP("Messages", "Nothing was scanned.", "empty"),
        QT_TRANSLATE_NOOP(
            "Messages", "The code is too long ({length} characters) to be one of our labels.", "too_long"
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Unknown barcode. Scan a product, unit, cell, box or document label.",
            "unknown_format",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "This looks like {kind}, but the code is incomplete or damaged. Scan it again.",
            "malformed",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "The check digit does not match: the label is damaged or misprinted. Scan it again or type the code.",
            "bad_check_digit",
        ),
        QT_TRANSLATE_NOOP(
            "Messages", "The GS1 data in this barcode is broken ({detail}). Scan it again.", "bad_gs1"
        ),
        QT_TRANSLATE_NOOP("Messages", "This box label is not one of ours.", "foreign_box"),
        QT_TRANSLATE_NOOP("Messages", "Wrong label: scan {expected}, not {scanned}.", "wrong_kind"),
        QT_TRANSLATE_NOOP("Messages", "{first} or {second}", "either_or"),
    ]
)

# Label kinds (ScanKind values), as the object of "scan ...", "not ...", "looks like ...".
KIND_NAMES: dict[str, str] = dict(
    [
        QT_TRANSLATE_NOOP("Kinds", "a product barcode", "product"),
        QT_TRANSLATE_NOOP("Kinds", "a unit label", "unit"),
        QT_TRANSLATE_NOOP("Kinds", "a cell label", "cell"),
        QT_TRANSLATE_NOOP("Kinds", "a shelf location label", "location"),
        QT_TRANSLATE_NOOP("Kinds", "a box label", "box"),
        QT_TRANSLATE_NOOP("Kinds", "an employee badge", "badge"),
        QT_TRANSLATE_NOOP("Kinds", "a pickup QR code", "pickup"),
        QT_TRANSLATE_NOOP("Kinds", "a marking code", "marking"),
        QT_TRANSLATE_NOOP("Kinds", "a delivery document barcode", "document"),
        QT_TRANSLATE_NOOP("Kinds", "a tote label", "tote"),
        QT_TRANSLATE_NOOP("Kinds", "a seal number", "seal"),
    ]
)

# Printed reports (shared/printing/report.py: TEXTS keys).
REPORT_TEXTS: dict[str, str] = dict(
    [
        QT_TRANSLATE_NOOP("Reports", "Box acceptance report", "acceptance.title"),
        QT_TRANSLATE_NOOP("Reports", "Handover act", "handover.title"),
        QT_TRANSLATE_NOOP("Reports", "Shift report", "shift.title"),
        QT_TRANSLATE_NOOP("Reports", "Site", "site"),
        QT_TRANSLATE_NOOP("Reports", "Box (SSCC)", "box"),
        QT_TRANSLATE_NOOP("Reports", "Date", "date"),
        QT_TRANSLATE_NOOP("Reports", "Clerk", "clerk"),
        QT_TRANSLATE_NOOP("Reports", "Courier", "courier"),
        QT_TRANSLATE_NOOP("Reports", "Direction", "direction"),
        QT_TRANSLATE_NOOP("Reports", "Shift opened", "opened"),
        QT_TRANSLATE_NOOP("Reports", "Shift closed", "closed"),
        QT_TRANSLATE_NOOP("Reports", "No.", "no"),
        QT_TRANSLATE_NOOP("Reports", "Unit", "unit"),
        QT_TRANSLATE_NOOP("Reports", "Product", "product"),
        QT_TRANSLATE_NOOP("Reports", "Cell", "cell"),
        QT_TRANSLATE_NOOP("Reports", "Result", "result"),
        QT_TRANSLATE_NOOP("Reports", "Units", "units"),
        QT_TRANSLATE_NOOP("Reports", "Operation", "operation"),
        QT_TRANSLATE_NOOP("Reports", "Count", "count"),
        QT_TRANSLATE_NOOP("Reports", "Expected", "expected"),
        QT_TRANSLATE_NOOP("Reports", "Accepted", "accepted"),
        QT_TRANSLATE_NOOP("Reports", "Missing", "missing"),
        QT_TRANSLATE_NOOP("Reports", "Surplus", "surplus"),
        QT_TRANSLATE_NOOP("Reports", "Damaged", "damaged"),
        QT_TRANSLATE_NOOP("Reports", "Boxes in total", "total_boxes"),
        QT_TRANSLATE_NOOP("Reports", "Units in total", "total_units"),
        QT_TRANSLATE_NOOP("Reports", "PVZ clerk", "sign.clerk"),
        QT_TRANSLATE_NOOP("Reports", "Courier", "sign.courier"),
        QT_TRANSLATE_NOOP("Reports", "Manager", "sign.manager"),
        QT_TRANSLATE_NOOP("Reports", "Handed to the courier", "out"),
        QT_TRANSLATE_NOOP("Reports", "Received from the courier", "in"),
        QT_TRANSLATE_NOOP("Reports", "still open", "open"),
    ]
)

TABLES: Mapping[str, Mapping[str, str]] = {
    MESSAGES: TEXTS,
    KINDS: KIND_NAMES,
    REPORTS: REPORT_TEXTS,
    TERMINAL: TERMINAL_TEXTS,
}


def _translated(context: str, code: str) -> str | None:
    source = TABLES[context].get(code)
    return QCoreApplication.translate(context, source, code) if source is not None else None


def known(code: str, context: str = MESSAGES) -> bool:
    return code in TABLES[context]


def text(code: str, /, **params: Any) -> str:
    """``code`` in words in the UI language, its ``{name}`` placeholders filled from ``params``
    (kind params as kind names). An unknown code renders as itself with its params."""
    return render(code, params)


def render(code: str, params: Mapping[str, Any] | None = None, context: str = MESSAGES) -> str:
    """``code`` of ``context`` in words in the UI language (see :func:`text`)."""
    template = _translated(context, code)
    if template is None:
        return core.render(code, params, "en", context)  # "code (k=v)": not in the catalog
    return core.expand(template, params, _translated)


def report_text(code: str) -> str:
    """A printed report's word (shared/printing/report.py key) in the UI language."""
    return _translated(REPORTS, code) or code


def reason(code: str | None, server_message: str | None = None) -> str:
    """A push rejection (``reason.code``, ``reason.message``) in the UI language: the translated text
    of a known code, else the server's own message (English, for an admin), else the code."""
    if code and known(code):
        return text(code)
    return server_message or code or ""


_PLACEHOLDER = re.compile(r"%(\d{1,2})")


def fmt(template: str, *args: object) -> str:
    """Fill Qt-style ``%1``..``%n`` placeholders (``%n`` takes the n-th value) in one pass, as
    ``QString.arg`` does: a value that itself contains ``%2`` is not filled again; a placeholder
    without a value stays as it is. The UI fills every numbered placeholder through it (chains of
    ``str.replace`` on ``%1``, ``%2`` filled a value that held ``%2`` twice)."""

    def fill(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return str(args[n - 1]) if 1 <= n <= len(args) else match.group(0)

    return _PLACEHOLDER.sub(fill, template)
