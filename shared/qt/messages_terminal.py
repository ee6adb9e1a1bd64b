"""The warehouse terminal's words in the one catalog: its flows' message keys and its login codes.

The flows (scanner_app/logic, no Qt) answer with ``Msg(key, params)``; this table gives each key its
English source text with ``{name}`` placeholders, marked for ``pyside6-lupdate`` in the "Terminal"
context with the key as the disambiguation, like the "Messages" table in shared/qt/messages.py (which
registers this one in its ``TABLES``). A key found in neither table renders as itself with its params.
A login code here overrides the "Messages" text of the same code on the terminal's login screen.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str, code: str) -> tuple[str, str]:
    """lupdate marker: ``text`` in ``context``, disambiguated by ``code``; gives ``(code, text)``."""
    return code, text


TERMINAL_TEXTS: dict[str, str] = dict(
    [
        # labels the terminal's local data does not know
        QT_TRANSLATE_NOOP(
            "Terminal", "Unknown unit label {label}: sync and try again.", "unknown_unit_label"
        ),
        QT_TRANSLATE_NOOP("Terminal", "Unknown box {box}: sync and try again.", "unknown_box_label"),
        QT_TRANSLATE_NOOP("Terminal", "Unknown product barcode {gtin}.", "unknown_product"),
        QT_TRANSLATE_NOOP("Terminal", "Unknown location {location}.", "unknown_location"),
        # picking (scanner_app/logic/picking.py)
        QT_TRANSLATE_NOOP("Terminal", "Task done: every item is picked", "pick_done"),
        QT_TRANSLATE_NOOP(
            "Terminal",
            "Task done with a shortage: picked {picked} of {total}, {short} short",
            "pick_done_short",
        ),
        QT_TRANSLATE_NOOP("Terminal", "Go to {location} and scan the location", "pick_scan_location"),
        QT_TRANSLATE_NOOP("Terminal", "Scan the item: {product}", "pick_scan_unit"),
        QT_TRANSLATE_NOOP("Terminal", "Scan the location {location} first.", "pick_location_first"),
        QT_TRANSLATE_NOOP(
            "Terminal", "Wrong location {scanned}: this item is at {location}.", "pick_wrong_location"
        ),
        QT_TRANSLATE_NOOP("Terminal", "Location {location} confirmed.", "pick_location_ok"),
        QT_TRANSLATE_NOOP("Terminal", "Wrong product: this item is {product}.", "pick_wrong_product"),
        QT_TRANSLATE_NOOP(
            "Terminal", "Enough: this item needs {demand} and all are picked.", "pick_demand_met"
        ),
        QT_TRANSLATE_NOOP(
            "Terminal",
            "Not at this stop: this item is picked at {location} (stop {stop}). You are at {here}.",
            "pick_unit_elsewhere",
        ),
        QT_TRANSLATE_NOOP("Terminal", "Unit {label} is not in this task.", "pick_not_in_task"),
        QT_TRANSLATE_NOOP(
            "Terminal", "Already picked: never more than the demand ({demand}).", "pick_already_picked"
        ),
        QT_TRANSLATE_NOOP("Terminal", "This unit cannot be picked: it is {status}.", "pick_not_pickable"),
        QT_TRANSLATE_NOOP("Terminal", "Picked {picked} of {demand}.", "pick_unit_ok"),
        QT_TRANSLATE_NOOP(
            "Terminal", "Short {count}: another one is at {location}, pick it there.", "pick_short_moved"
        ),
        QT_TRANSLATE_NOOP(
            "Terminal", "Short {count}: none left in the warehouse, the customer is told.", "pick_short_told"
        ),
        # cluster picking: a cart of totes, one task each (logic/cluster.py)
        QT_TRANSLATE_NOOP("Terminal", "Scan the tote for cart place {position}", "cart_scan_tote"),
        QT_TRANSLATE_NOOP("Terminal", "{tasks} totes on the cart: start the walk", "cart_ready"),
        QT_TRANSLATE_NOOP("Terminal", "Tote {tote} is place {position}.", "cart_tote_bound"),
        QT_TRANSLATE_NOOP("Terminal", "This tote is already place {position}.", "cart_tote_taken"),
        QT_TRANSLATE_NOOP("Terminal", "Every task of the cart has its tote ({tasks}).", "cart_full"),
        QT_TRANSLATE_NOOP("Terminal", "Scan at least one tote first.", "cart_no_totes"),
        QT_TRANSLATE_NOOP(
            "Terminal", "Walk with {tasks} totes: go to the first location.", "cart_walk_starts"
        ),
        QT_TRANSLATE_NOOP("Terminal", "Cart done: every item is in its tote", "cart_done"),
        QT_TRANSLATE_NOOP("Terminal", "Put it into tote {position} and scan the tote", "cart_put_into"),
        QT_TRANSLATE_NOOP("Terminal", "In tote {position}.", "cart_put_ok"),
        QT_TRANSLATE_NOOP(
            "Terminal", "Wrong tote {scanned}: this item goes into tote {position}.", "cart_wrong_tote"
        ),
        QT_TRANSLATE_NOOP("Terminal", "Put the item into tote {position} first.", "cart_tote_first"),
        QT_TRANSLATE_NOOP("Terminal", "Scan an item first, then its tote.", "cart_unit_first"),
        QT_TRANSLATE_NOOP(
            "Terminal", "No item of this product is wanted at {location}.", "cart_product_not_here"
        ),
        QT_TRANSLATE_NOOP("Terminal", "Item {label} is in no task of this cart.", "cart_not_on_cart"),
        # packing (logic/packing.py)
        QT_TRANSLATE_NOOP("Terminal", "Scan a box label or make a new one", "pack_scan_box"),
        QT_TRANSLATE_NOOP("Terminal", "Box closed: print its label, then take the next box", "pack_closed"),
        QT_TRANSLATE_NOOP("Terminal", "Scan the first picked unit", "pack_scan_first_unit"),
        QT_TRANSLATE_NOOP("Terminal", "Scan units for {pvz}", "pack_scan_unit"),
        QT_TRANSLATE_NOOP("Terminal", "This is a return box label: use a forward box.", "pack_return_box"),
        QT_TRANSLATE_NOOP("Terminal", "This box is already open.", "pack_same_box"),
        QT_TRANSLATE_NOOP("Terminal", "Box {box} is already closed.", "pack_box_closed"),
        QT_TRANSLATE_NOOP("Terminal", "Box reopened: {count} units in it.", "pack_box_resumed"),
        QT_TRANSLATE_NOOP("Terminal", "New box: scan the first unit.", "pack_box_new"),
        QT_TRANSLATE_NOOP("Terminal", "Close this box before starting another one.", "pack_close_first"),
        QT_TRANSLATE_NOOP("Terminal", "Scan a box label first.", "pack_box_first"),
        QT_TRANSLATE_NOOP("Terminal", "This unit is already in this box.", "pack_already_here"),
        QT_TRANSLATE_NOOP("Terminal", "This unit is already packed in box {box}.", "pack_in_other_box"),
        QT_TRANSLATE_NOOP(
            "Terminal", "Only picked units can be packed: this one is {status}.", "pack_not_picked"
        ),
        QT_TRANSLATE_NOOP(
            "Terminal",
            "STOP: this unit goes to {unit_pvz}, the box goes to {box_pvz}. Put it aside.",
            "pack_wrong_pvz",
        ),
        QT_TRANSLATE_NOOP("Terminal", "In the box: {count} for {pvz}.", "pack_unit_ok"),
        QT_TRANSLATE_NOOP("Terminal", "The box is empty.", "pack_empty"),
        QT_TRANSLATE_NOOP("Terminal", "Box closed with {count} units.", "pack_close_ok"),
        # shipping (logic/shipping.py)
        QT_TRANSLATE_NOOP("Terminal", "Route closed: the boxes are on their way", "ship_closed"),
        QT_TRANSLATE_NOOP("Terminal", "Scan the first closed box", "ship_scan_first_box"),
        QT_TRANSLATE_NOOP("Terminal", "Scan boxes for {pvz}", "ship_scan_box"),
        QT_TRANSLATE_NOOP("Terminal", "This route is closed: start a new one.", "ship_route_closed"),
        QT_TRANSLATE_NOOP("Terminal", "This is a return box: it does not go on a route.", "ship_return_box"),
        QT_TRANSLATE_NOOP("Terminal", "This box is already on the route.", "ship_already_on_route"),
        QT_TRANSLATE_NOOP("Terminal", "This box is already on another route.", "ship_on_other_route"),
        QT_TRANSLATE_NOOP("Terminal", "This box is still open: close it at packing first.", "ship_box_open"),
        QT_TRANSLATE_NOOP(
            "Terminal", "STOP: this box goes to {box_pvz}, the route goes to {route_pvz}.", "ship_wrong_pvz"
        ),
        QT_TRANSLATE_NOOP("Terminal", "On the route: {count} boxes.", "ship_box_ok"),
        QT_TRANSLATE_NOOP("Terminal", "No boxes on the route yet.", "ship_empty"),
        QT_TRANSLATE_NOOP(
            "Terminal",
            "{count} more boxes for {pvz} are waiting: {boxes}. Scan them, or press Close route again to leave them for a later route.",
            "ship_left_behind",
        ),
        QT_TRANSLATE_NOOP("Terminal", "Route closed: {boxes} boxes, {units} units shipped.", "ship_close_ok"),
        QT_TRANSLATE_NOOP("Terminal", "Hand over: scan the courier's badge", "ship_scan_badge"),
        QT_TRANSLATE_NOOP("Terminal", "Scan the seal on box {box} ({done} of {total})", "ship_scan_seal"),
        QT_TRANSLATE_NOOP("Terminal", "Courier {badge}. Seal box {box} and scan the seal.", "ship_badge_ok"),
        QT_TRANSLATE_NOOP("Terminal", "Box {box}: seal {seal}. Next: box {next}.", "ship_seal_ok"),
        QT_TRANSLATE_NOOP(
            "Terminal", "Seal {seal} is already on another box: use a new seal.", "ship_seal_used"
        ),
        # returns received from pickup points (logic/returns.py)
        QT_TRANSLATE_NOOP("Terminal", "Scan a return box from a pickup point", "ret_scan_box"),
        QT_TRANSLATE_NOOP("Terminal", "Return box received: scan the next one", "ret_closed"),
        QT_TRANSLATE_NOOP("Terminal", "Scan the units: {left} left", "ret_scan_unit"),
        QT_TRANSLATE_NOOP("Terminal", "Return box with {count} units: scan them.", "ret_box_ok"),
        QT_TRANSLATE_NOOP("Terminal", "Scan the return box first.", "ret_box_first"),
        QT_TRANSLATE_NOOP("Terminal", "Unit {label} was not sent in this box.", "ret_not_in_box"),
        QT_TRANSLATE_NOOP("Terminal", "This unit is already received.", "ret_already"),
        QT_TRANSLATE_NOOP("Terminal", "This unit cannot be received: it is {status}.", "ret_not_receivable"),
        QT_TRANSLATE_NOOP("Terminal", "Received {done} of {total}.", "ret_unit_ok"),
        QT_TRANSLATE_NOOP("Terminal", "Close this return box first.", "ret_close_first"),
        QT_TRANSLATE_NOOP("Terminal", "This is not a return box.", "ret_not_return_box"),
        QT_TRANSLATE_NOOP(
            "Terminal", "No units are known for this box: sync and try again.", "ret_box_empty"
        ),
        QT_TRANSLATE_NOOP("Terminal", "Closed: {received} received, {missing} missing.", "ret_close_ok"),
        QT_TRANSLATE_NOOP("Terminal", "Scan the seal on box {box} (F1: none, F4: broken)", "ret_scan_seal"),
        QT_TRANSLATE_NOOP("Terminal", "Seal {seal} recorded: scan the units.", "ret_seal_ok"),
        QT_TRANSLATE_NOOP(
            "Terminal", "Scan the seal on the box first (F1 if it has none).", "ret_seal_first"
        ),
        QT_TRANSLATE_NOOP("Terminal", "Recorded: the box came without a seal.", "ret_no_seal"),
        QT_TRANSLATE_NOOP(
            "Terminal", "Seal recorded as broken, photos of the box: {photos}.", "ret_seal_broken"
        ),
        # counting a location (logic/counting.py)
        QT_TRANSLATE_NOOP("Terminal", "Scan a location to count", "count_scan_location"),
        QT_TRANSLATE_NOOP("Terminal", "Scan everything on {location}", "count_scan_items"),
        QT_TRANSLATE_NOOP("Terminal", "This unit is already counted.", "count_unit_twice"),
        QT_TRANSLATE_NOOP("Terminal", "Finish this count first.", "count_finish_first"),
        QT_TRANSLATE_NOOP("Terminal", "Counting {location}.", "count_location_ok"),
        QT_TRANSLATE_NOOP("Terminal", "{name}: {count}", "count_item"),
        QT_TRANSLATE_NOOP("Terminal", "Count saved: {differences} differences.", "count_done"),
        # printing a label again (logic/reprint.py)
        QT_TRANSLATE_NOOP("Terminal", "Scan the box or unit label to print again", "reprint_scan"),
        QT_TRANSLATE_NOOP("Terminal", "{code}: why print it again?", "reprint_reason"),
        QT_TRANSLATE_NOOP("Terminal", "{what}", "reprint_found"),
        QT_TRANSLATE_NOOP("Terminal", "{code} is not known here.", "reprint_unknown"),
        QT_TRANSLATE_NOOP("Terminal", "Label {code} printed again.", "reprint_done"),
        # put-away (logic/putaway.py)
        QT_TRANSLATE_NOOP("Terminal", "Scan the delivery document or box", "put_scan_document"),
        QT_TRANSLATE_NOOP("Terminal", "Scan the products", "put_scan_product"),
        QT_TRANSLATE_NOOP(
            "Terminal", "Scan more products or the shelf location", "put_scan_more_or_location"
        ),
        QT_TRANSLATE_NOOP("Terminal", "Put the scanned products away first.", "put_finish_first"),
        QT_TRANSLATE_NOOP("Terminal", "Delivery {document}.", "put_document_ok"),
        QT_TRANSLATE_NOOP("Terminal", "Too many of one product.", "put_too_many"),
        QT_TRANSLATE_NOOP("Terminal", "{name}: {count}", "put_product_ok"),
        QT_TRANSLATE_NOOP("Terminal", "The quantity must be 0 to {max}.", "put_bad_quantity"),
        QT_TRANSLATE_NOOP("Terminal", "{name}: {count}", "put_quantity_set"),
        QT_TRANSLATE_NOOP("Terminal", "Scan the products before the location.", "put_no_items"),
        QT_TRANSLATE_NOOP("Terminal", "Put away {count} on {location}.", "put_done"),
        # terminal login (scanner_app/auth.py LoginError codes); bad_credentials and offline are the
        # "Messages" ones, unknown_user and forbidden_role say it the terminal's way
        QT_TRANSLATE_NOOP(
            "Terminal",
            "This user has not logged in on this terminal before: connect to log in online.",
            "unknown_user",
        ),
        QT_TRANSLATE_NOOP("Terminal", "This account may not use the warehouse terminal.", "forbidden_role"),
        QT_TRANSLATE_NOOP(
            "Terminal",
            "This badge is not linked on this terminal: log in with your name and password once.",
            "unknown_badge",
        ),
        QT_TRANSLATE_NOOP("Terminal", "Wrong PIN.", "bad_pin"),
        QT_TRANSLATE_NOOP(
            "Terminal",
            "Too many wrong PINs: log in with your name and password to unlock the badge.",
            "badge_locked",
        ),
    ]
)
