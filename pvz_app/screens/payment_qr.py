"""The СБП payment QR, drawn large for the customer's phone camera, with the amount under it."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class QrView(QWidget):
    """A QR code of ``payload`` as big as the widget allows, with a quiet zone of 4 modules."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentQr")
        self.payload = ""
        self._matrix: list[list[bool]] = []
        self.setMinimumSize(QSize(260, 260))

    def set_payload(self, payload: str) -> None:
        self.payload = payload
        if payload:
            qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
            qr.add_data(payload)
            qr.make(fit=True)
            self._matrix = [[bool(v) for v in row] for row in qr.get_matrix()]
        else:
            self._matrix = []
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self._matrix:
            return
        painter = QPainter(self)
        side = min(self.width(), self.height())
        n = len(self._matrix) + 8  # 4 quiet modules each side
        module = side / n
        left = (self.width() - side) / 2
        top = (self.height() - side) / 2
        painter.fillRect(QRectF(left, top, side, side), QColor("white"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(QRectF(left + (x + 4) * module, top + (y + 4) * module, module, module))
        painter.end()
