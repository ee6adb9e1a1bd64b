"""What a screen of either app is: the bridge's scan target, parsing what it gets, saying errors.

Both apps' screen bases derive from :class:`BaseScreen` (``pvz_app.screens.base.Screen``,
``scanner_app.screens.base.Screen``) and bring their own layout, actions and feedback:

* the scanner bridge calls :meth:`BaseScreen.handle_scan` of the active screen only; a code typed
  into a field goes to :meth:`BaseScreen.handle_text` the same way;
* the text is parsed once (``shared.barcodes.parse``): a label that parses goes to
  :meth:`BaseScreen.on_scan`, one that does not is said as an error in the UI language and
  changes nothing;
* an operation that failed (:class:`~shared.qt.operations.OpFailure`) is said as an error too;
* a red or yellow message from an earlier step is *stale* (:func:`is_stale`) once the screen is
  back at its first step; a green one saying what was done may stay.

A screen says an error through :meth:`BaseScreen.show_error`, which each app implements (the
PVZ's banner and sound, the terminal's prompt hint, sound and vibration).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from shared.barcodes import BarcodeError, Scan, parse
from shared.scanning.events import ScanEvent

from . import i18n
from .operations import OpFailure

STALE_TONES = frozenset({"error", "warn", "warning", "repeat"})


def is_stale(tone: str) -> bool:
    """A message in this tone no longer applies once the worker is back at the first step."""
    return tone in STALE_TONES


def barcode_message(exc: BarcodeError) -> str:
    """A parser error in the current language, its params filled (kind params as kind names)."""
    return i18n.error_message(exc.code, exc.message, exc.params)


class BaseScreen(QWidget):
    """The part of a screen both apps share; see the module docstring."""

    def handle_scan(self, event: ScanEvent) -> None:
        """The scanner bridge's target while this screen is active."""
        self.handle_text(event.text)

    def handle_text(self, text: str) -> None:
        """A scan or a typed code: parse it and hand the result to the screen."""
        try:
            scan = parse(text)
        except BarcodeError as exc:
            self.show_error(barcode_message(exc))
            return
        self.on_scan(scan)

    def on_scan(self, scan: Scan) -> None:
        """Override: what the screen does with a parsed scan."""

    def failed(self, failure: OpFailure) -> None:
        """An operation of this screen failed: say why (nothing was changed)."""
        self.show_error(failure.message)

    def show_error(self, message: str) -> None:
        """Override: say ``message`` as an error (colour, sound)."""
        raise NotImplementedError
