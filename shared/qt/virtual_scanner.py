"""A small window that drives a VirtualScanner by hand: for demos, and for trying screens without
a scanner on the desk.

    python -m shared.qt.virtual_scanner --labels labels.txt [--link /tmp/wb-scanner] [--lang en]
        [--title TEXT] [--geometry X,Y,W,H]

A line of the labels file is a code, or a code, a Tab and what the label is ("Короб ...", "DataMatrix
..."): the list shows both, Scan sends the code alone.

The window shows the port path for the app's scanner setting; the app's real SerialScanner reads
it. Buttons: Scan (the selected label), Burst (every label back to back), Bounce (the selected
label twice within 50 ms, which the debouncer must swallow), Unplug / Plug in, Send garbage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shared.qt.scanner_bridge import emit_signal
from shared.scanning.simulator import VirtualScanner

from .messages import fmt


class VirtualScannerWindow(QWidget):
    """Buttons over a VirtualScanner. `scanner` is injected; the window never closes it."""

    sent = Signal(str)  # what was sent, for a log line ("scan U…", "unplugged", ...)

    def __init__(
        self, scanner: VirtualScanner, labels: list[str] | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.scanner = scanner
        self.setWindowTitle(self.tr("Virtual scanner"))
        self.port = QLineEdit(scanner.port_name)
        self.port.setReadOnly(True)
        self.list = QListWidget()
        for line in labels or []:
            code, _tab, what = line.partition("\t")
            item = QListWidgetItem(f"{what}:  {code}" if what else code)
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.custom = QLineEdit()
        self.custom.setPlaceholderText(self.tr("Type a code and press Enter to scan it"))
        self.custom.returnPressed.connect(self._scan_custom)
        self.scan_btn = QPushButton(self.tr("Scan"))
        self.burst_btn = QPushButton(self.tr("Burst"))
        self.bounce_btn = QPushButton(self.tr("Bounce"))
        self.garbage_btn = QPushButton(self.tr("Send garbage"))
        self.plug_btn = QPushButton(self.tr("Unplug"))
        self.status = QLabel()
        self.scan_btn.clicked.connect(self.scan_selected)
        self.burst_btn.clicked.connect(self.burst_all)
        self.bounce_btn.clicked.connect(self.bounce_selected)
        self.garbage_btn.clicked.connect(self.send_garbage)
        self.plug_btn.clicked.connect(self.toggle_plug)
        self.list.itemDoubleClicked.connect(lambda _item: self.scan_selected())
        buttons = QHBoxLayout()
        for b in (self.scan_btn, self.burst_btn, self.bounce_btn, self.garbage_btn, self.plug_btn):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Port for the app:")))
        layout.addWidget(self.port)
        layout.addWidget(self.list)
        layout.addWidget(self.custom)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self._refresh()

    def _refresh(self) -> None:
        plugged = self.scanner.plugged
        self.plug_btn.setText(self.tr("Unplug") if plugged else self.tr("Plug in"))
        for b in (self.scan_btn, self.burst_btn, self.bounce_btn, self.garbage_btn):
            b.setEnabled(plugged)
        self.status.setText(
            fmt(self.tr("Connected: %1"), self.scanner.slave_name or "") if plugged else self.tr("Unplugged")
        )

    def _selected(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _send(self, what: str, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except OSError as exc:
            self.status.setText(fmt(self.tr("Not sent: %1"), str(exc)))
            return
        emit_signal(self.sent, what)

    def scan_selected(self) -> None:
        code = self._selected()
        if code:
            self._send(f"scan {code}", lambda: self.scanner.scan(code))

    def _scan_custom(self) -> None:
        code = self.custom.text().strip()
        if code:
            self._send(f"scan {code}", lambda: self.scanner.scan(code))
            self.custom.clear()

    def burst_all(self) -> None:
        codes = [str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())]
        if codes:
            self._send(f"burst {len(codes)}", lambda: self.scanner.burst(codes))

    def bounce_selected(self) -> None:
        code = self._selected()
        if code:
            self._send(f"bounce {code}", lambda: self.scanner.bounce(code))

    def send_garbage(self) -> None:
        self._send("garbage", lambda: self.scanner.write_raw(b"\x00\xff\xfe\x81\r", paced=False))

    def toggle_plug(self) -> None:
        if self.scanner.plugged:
            self.scanner.unplug()
            emit_signal(self.sent, "unplugged")
        else:
            self.scanner.replug()
            emit_signal(self.sent, "plugged in")
        self._refresh()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Virtual barcode scanner window")
    parser.add_argument("--labels", type=Path, help="file with one code per line")
    parser.add_argument("--link", help="stable port path to create (default: a temp dir)")
    parser.add_argument("--baud", type=int, default=9600)
    parser.add_argument("--lang", default=None, help="ru (default) or en")
    parser.add_argument("--title", default=None, help="window title (which app this scanner feeds)")
    parser.add_argument("--geometry", default=None, help="X,Y,W,H of the window")
    args = parser.parse_args(argv)
    labels: list[str] = []
    if args.labels:
        # split on newlines only: str.splitlines() would also cut at the GS inside a GS1 code
        lines = args.labels.read_text(encoding="utf-8").split("\n")
        labels = [ln.strip(" \r\n") for ln in lines if ln.strip()]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from shared.qt import i18n

    translators = i18n.install(app, args.lang)  # noqa: F841 (kept alive while the window runs)
    with VirtualScanner(args.link, baudrate=args.baud) as vs:
        print(vs.port_name, flush=True)
        win = VirtualScannerWindow(vs, labels)
        if args.title:
            win.setWindowTitle(args.title)
        win.resize(520, 420)
        if args.geometry:
            x, y, w, h = (int(v) for v in args.geometry.split(","))
            win.setGeometry(x, y, w, h)
        win.show()
        return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
