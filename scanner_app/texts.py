"""The terminal flows' message keys in words: English source text, translated through Qt catalogs.

The flows (scanner_app/logic, no Qt) answer with message keys; this table gives each key its text
with ``{name}`` placeholders, marked for ``pyside6-lupdate`` under the "Terminal" context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from shared.barcodes import BarcodeError
from shared.qt import i18n

from .logic.common import Msg

CONTEXT = "Terminal"

TEXTS: dict[str, Any] = {  # values are str; QT_TRANSLATE_NOOP is typed object
    "wrong_kind": "",  # rendered by shared.qt.i18n.wrong_kind_message
    "unknown_unit_label": QT_TRANSLATE_NOOP("Terminal", "Unknown unit label {label}: sync and try again."),
    "unknown_box_label": QT_TRANSLATE_NOOP("Terminal", "Unknown box {box}: sync and try again."),
    "unknown_product": QT_TRANSLATE_NOOP("Terminal", "Unknown product barcode {gtin}."),
    "unknown_location": QT_TRANSLATE_NOOP("Terminal", "Unknown location {location}."),
    # picking
    "pick_done": QT_TRANSLATE_NOOP("Terminal", "Task done: every line is picked"),
    "pick_done_short": QT_TRANSLATE_NOOP(
        "Terminal", "Task done with a shortage: picked {picked} of {total}, {short} short"
    ),
    "pick_scan_location": QT_TRANSLATE_NOOP("Terminal", "Go to {location} and scan the location"),
    "pick_scan_unit": QT_TRANSLATE_NOOP("Terminal", "Scan the item: {product}"),
    "pick_location_first": QT_TRANSLATE_NOOP("Terminal", "Scan the location {location} first."),
    "pick_wrong_location": QT_TRANSLATE_NOOP(
        "Terminal", "Wrong location {scanned}: this line is at {location}."
    ),
    "pick_location_ok": QT_TRANSLATE_NOOP("Terminal", "Location {location} confirmed."),
    "pick_wrong_product": QT_TRANSLATE_NOOP("Terminal", "Wrong product: this line is {product}."),
    "pick_demand_met": QT_TRANSLATE_NOOP("Terminal", "Enough: the line needs {demand} and all are picked."),
    "pick_unit_elsewhere": QT_TRANSLATE_NOOP(
        "Terminal", "Not at this stop: this item is picked at {location} (stop {stop}). You are at {here}."
    ),
    "pick_not_in_task": QT_TRANSLATE_NOOP("Terminal", "Unit {label} is not in this task."),
    "pick_already_picked": QT_TRANSLATE_NOOP(
        "Terminal", "Already picked: never more than the demand ({demand})."
    ),
    "pick_not_pickable": QT_TRANSLATE_NOOP("Terminal", "This unit cannot be picked: it is {status}."),
    "pick_unit_ok": QT_TRANSLATE_NOOP("Terminal", "Picked {picked} of {demand}."),
    "pick_skipped": QT_TRANSLATE_NOOP("Terminal", "Skipped {count}: recorded as a shortage."),
    "pick_short_moved": QT_TRANSLATE_NOOP(
        "Terminal", "Short {count}: another one is at {location}, pick it there."
    ),
    "pick_short_told": QT_TRANSLATE_NOOP(
        "Terminal", "Short {count}: none left in the warehouse, the customer is told."
    ),
    # cluster picking: a cart of totes, one task each
    "cart_scan_tote": QT_TRANSLATE_NOOP("Terminal", "Scan the tote for cart place {position}"),
    "cart_ready": QT_TRANSLATE_NOOP("Terminal", "{tasks} totes on the cart: start the walk"),
    "cart_tote_bound": QT_TRANSLATE_NOOP("Terminal", "Tote {tote} is place {position}."),
    "cart_tote_taken": QT_TRANSLATE_NOOP("Terminal", "This tote is already place {position}."),
    "cart_full": QT_TRANSLATE_NOOP("Terminal", "Every task of the cart has its tote ({tasks})."),
    "cart_no_totes": QT_TRANSLATE_NOOP("Terminal", "Scan at least one tote first."),
    "cart_walk_starts": QT_TRANSLATE_NOOP("Terminal", "Walk with {tasks} totes: go to the first location."),
    "cart_done": QT_TRANSLATE_NOOP("Terminal", "Cart done: every item is in its tote"),
    "cart_put_into": QT_TRANSLATE_NOOP("Terminal", "Put it into tote {position} and scan the tote"),
    "cart_put_ok": QT_TRANSLATE_NOOP("Terminal", "In tote {position}."),
    "cart_wrong_tote": QT_TRANSLATE_NOOP(
        "Terminal", "Wrong tote {scanned}: this item goes into tote {position}."
    ),
    "cart_tote_first": QT_TRANSLATE_NOOP("Terminal", "Put the item into tote {position} first."),
    "cart_unit_first": QT_TRANSLATE_NOOP("Terminal", "Scan an item first, then its tote."),
    "cart_product_not_here": QT_TRANSLATE_NOOP(
        "Terminal", "No item of this product is wanted at {location}."
    ),
    "cart_not_on_cart": QT_TRANSLATE_NOOP("Terminal", "Item {label} is in no task of this cart."),
    # packing
    "pack_scan_box": QT_TRANSLATE_NOOP("Terminal", "Scan a box label or make a new one"),
    "pack_closed": QT_TRANSLATE_NOOP("Terminal", "Box closed: print its label, then take the next box"),
    "pack_scan_first_unit": QT_TRANSLATE_NOOP("Terminal", "Scan the first picked unit"),
    "pack_scan_unit": QT_TRANSLATE_NOOP("Terminal", "Scan units for {pvz}"),
    "pack_return_box": QT_TRANSLATE_NOOP("Terminal", "This is a return box label: use a forward box."),
    "pack_same_box": QT_TRANSLATE_NOOP("Terminal", "This box is already open."),
    "pack_box_closed": QT_TRANSLATE_NOOP("Terminal", "Box {box} is already closed."),
    "pack_box_resumed": QT_TRANSLATE_NOOP("Terminal", "Box reopened: {count} units in it."),
    "pack_box_new": QT_TRANSLATE_NOOP("Terminal", "New box: scan the first unit."),
    "pack_close_first": QT_TRANSLATE_NOOP("Terminal", "Close this box before starting another one."),
    "pack_box_first": QT_TRANSLATE_NOOP("Terminal", "Scan a box label first."),
    "pack_already_here": QT_TRANSLATE_NOOP("Terminal", "This unit is already in this box."),
    "pack_in_other_box": QT_TRANSLATE_NOOP("Terminal", "This unit is already packed in box {box}."),
    "pack_not_picked": QT_TRANSLATE_NOOP(
        "Terminal", "Only picked units can be packed: this one is {status}."
    ),
    "pack_wrong_pvz": QT_TRANSLATE_NOOP(
        "Terminal", "STOP: this unit goes to {unit_pvz}, the box goes to {box_pvz}. Put it aside."
    ),
    "pack_unit_ok": QT_TRANSLATE_NOOP("Terminal", "In the box: {count} for {pvz}."),
    "pack_empty": QT_TRANSLATE_NOOP("Terminal", "The box is empty."),
    "pack_close_ok": QT_TRANSLATE_NOOP("Terminal", "Box closed with {count} units."),
    # shipping
    "ship_closed": QT_TRANSLATE_NOOP("Terminal", "Route closed: the boxes are on their way"),
    "ship_scan_first_box": QT_TRANSLATE_NOOP("Terminal", "Scan the first closed box"),
    "ship_scan_box": QT_TRANSLATE_NOOP("Terminal", "Scan boxes for {pvz}"),
    "ship_route_closed": QT_TRANSLATE_NOOP("Terminal", "This route is closed: start a new one."),
    "ship_return_box": QT_TRANSLATE_NOOP("Terminal", "This is a return box: it does not go on a route."),
    "ship_already_on_route": QT_TRANSLATE_NOOP("Terminal", "This box is already on the route."),
    "ship_on_other_route": QT_TRANSLATE_NOOP("Terminal", "This box is already on another route."),
    "ship_box_open": QT_TRANSLATE_NOOP("Terminal", "This box is still open: close it at packing first."),
    "ship_wrong_pvz": QT_TRANSLATE_NOOP(
        "Terminal", "STOP: this box goes to {box_pvz}, the route goes to {route_pvz}."
    ),
    "ship_box_ok": QT_TRANSLATE_NOOP("Terminal", "On the route: {count} boxes."),
    "ship_empty": QT_TRANSLATE_NOOP("Terminal", "No boxes on the route yet."),
    "ship_left_behind": QT_TRANSLATE_NOOP(
        "Terminal",
        "{count} more boxes for {pvz} are waiting: {boxes}. Scan them, or press Close route again "
        "to leave them for a later route.",
    ),
    "ship_close_ok": QT_TRANSLATE_NOOP("Terminal", "Route closed: {boxes} boxes, {units} units shipped."),
    # returns
    "ret_scan_box": QT_TRANSLATE_NOOP("Terminal", "Scan a return box from a pickup point"),
    "ret_closed": QT_TRANSLATE_NOOP("Terminal", "Return box received: scan the next one"),
    "ret_scan_unit": QT_TRANSLATE_NOOP("Terminal", "Scan the units: {left} left"),
    "ret_box_first": QT_TRANSLATE_NOOP("Terminal", "Scan the return box first."),
    "ret_not_in_box": QT_TRANSLATE_NOOP("Terminal", "Unit {label} was not sent in this box."),
    "ret_already": QT_TRANSLATE_NOOP("Terminal", "This unit is already received."),
    "ret_not_receivable": QT_TRANSLATE_NOOP("Terminal", "This unit cannot be received: it is {status}."),
    "ret_unit_ok": QT_TRANSLATE_NOOP("Terminal", "Received {done} of {total}."),
    "ret_close_first": QT_TRANSLATE_NOOP("Terminal", "Close this return box first."),
    "ret_not_return_box": QT_TRANSLATE_NOOP("Terminal", "This is not a return box."),
    "ret_box_empty": QT_TRANSLATE_NOOP("Terminal", "No units are known for this box: sync and try again."),
    "ret_close_ok": QT_TRANSLATE_NOOP("Terminal", "Closed: {received} received, {missing} missing."),
    # count
    "count_scan_location": QT_TRANSLATE_NOOP("Terminal", "Scan a location to count"),
    "count_scan_items": QT_TRANSLATE_NOOP("Terminal", "Scan everything on {location}"),
    "count_unit_twice": QT_TRANSLATE_NOOP("Terminal", "This unit is already counted."),
    "count_finish_first": QT_TRANSLATE_NOOP("Terminal", "Finish this count first."),
    "count_location_ok": QT_TRANSLATE_NOOP("Terminal", "Counting {location}."),
    "count_item": QT_TRANSLATE_NOOP("Terminal", "{name}: {count}"),
    "count_done": QT_TRANSLATE_NOOP("Terminal", "Count saved: {differences} differences."),
    "reprint_scan": QT_TRANSLATE_NOOP("Terminal", "Scan the box or unit label to print again"),
    "reprint_reason": QT_TRANSLATE_NOOP("Terminal", "{code}: why print it again?"),
    "reprint_found": QT_TRANSLATE_NOOP("Terminal", "{what}"),
    "reprint_unknown": QT_TRANSLATE_NOOP("Terminal", "{code} is not known here."),
    "reprint_done": QT_TRANSLATE_NOOP("Terminal", "Label {code} printed again."),
    # put-away
    "put_scan_document": QT_TRANSLATE_NOOP("Terminal", "Scan the delivery document or box"),
    "put_scan_product": QT_TRANSLATE_NOOP("Terminal", "Scan the products"),
    "put_scan_more_or_location": QT_TRANSLATE_NOOP("Terminal", "Scan more products or the shelf location"),
    "put_finish_first": QT_TRANSLATE_NOOP("Terminal", "Put the scanned products away first."),
    "put_document_ok": QT_TRANSLATE_NOOP("Terminal", "Delivery {document}."),
    "put_too_many": QT_TRANSLATE_NOOP("Terminal", "Too many of one product."),
    "put_product_ok": QT_TRANSLATE_NOOP("Terminal", "{name}: {count}"),
    "put_bad_quantity": QT_TRANSLATE_NOOP("Terminal", "The quantity must be 0 to {max}."),
    "put_quantity_set": QT_TRANSLATE_NOOP("Terminal", "{name}: {count}"),
    "put_no_items": QT_TRANSLATE_NOOP("Terminal", "Scan the products before the location."),
    "put_done": QT_TRANSLATE_NOOP("Terminal", "Put away {count} on {location}."),
}

LOGIN_ERRORS: dict[str, Any] = {
    "bad_credentials": QT_TRANSLATE_NOOP("Terminal", "Wrong user name or password."),
    "unknown_user": QT_TRANSLATE_NOOP(
        "Terminal", "This user has not logged in on this terminal before: connect to log in online."
    ),
    "unknown_badge": QT_TRANSLATE_NOOP(
        "Terminal", "This badge is not linked on this terminal: log in with your name and password once."
    ),
    "bad_pin": QT_TRANSLATE_NOOP("Terminal", "Wrong PIN."),
    "badge_locked": QT_TRANSLATE_NOOP(
        "Terminal", "Too many wrong PINs: log in with your name and password to unlock the badge."
    ),
    "forbidden_role": QT_TRANSLATE_NOOP("Terminal", "This account may not use the warehouse terminal."),
    "offline": QT_TRANSLATE_NOOP("Terminal", "No connection to the server."),
}


def op_name(op_type: str) -> str:
    return i18n.op_name(op_type)


_STATUS_PARAMS = ("status",)


def login_error(code: str, fallback: str = "") -> str:
    source = LOGIN_ERRORS.get(code)
    if source:
        return QCoreApplication.translate(CONTEXT, str(source))
    return i18n.error_message(code, fallback)


def render(msg: Msg) -> str:
    """The message in the current UI language."""
    if msg.key == "wrong_kind":
        expected = msg.params.get("expected", "").split("|")
        return i18n.wrong_kind_message(msg.params.get("scanned", ""), expected)
    source = TEXTS.get(msg.key)
    if not source:
        return msg.key
    text = QCoreApplication.translate(CONTEXT, str(source))
    values = dict(msg.params)
    for key in _STATUS_PARAMS:
        if key in values:
            values[key] = i18n.state_name(values[key])
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


def barcode_error(exc: BarcodeError) -> str:
    """A parser error in the current language."""
    if exc.code == "wrong_kind":
        expected = exc.params.get("expected", "").split("|")
        return i18n.wrong_kind_message(exc.params.get("scanned", ""), expected)
    return i18n.error_message(exc.code, exc.message)
