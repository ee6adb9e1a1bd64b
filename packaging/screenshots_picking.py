"""Screenshots of the terminal's warehouse picking at 480x800, in Russian and English: the task list by
route cut-off, the cart being set up (cluster picking), a put-to-tote step and a wrong tote.

    xvfb-run -a -s "-screen 0 1280x800x24" python packaging/screenshots_picking.py docs/screenshots

Starts the real app offline on demo data (tests/support/demo_terminal.py) and saves
terminal_<shot>_<lang>.png.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from meta import ROOT

if str(ROOT) not in sys.path:  # our packages and tests.support, when run by path from a checkout
    sys.path.append(str(ROOT))

from scanner_app.logic.cluster import CART_SIZE
from scanner_app.services import Session
from screenshots_terminal import offline_terminal
from shared.barcodes import make_location_label, make_tote_label
from shared.domain import ManualClock, Role
from shared.scanning.events import ScanEvent
from tests.support import demo_terminal as demo_data


def shoot(outdir: Path, lang: str) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="wb-picking-shots-"))
    clock = ManualClock(datetime(2026, 11, 25, 9, 30, tzinfo=UTC))
    terminal = offline_terminal(app, lang, tmp, clock)
    demo_data.seed(terminal.store, clock, tasks=14, units_per_task=3)
    window: Any = terminal.window
    window.resize(480, 800)
    window.show()
    window.login.logged_in.emit(
        Session("U-KUZNETSOV", "kuznetsov", "Олег Кузнецов", Role.WAREHOUSE, demo_data.WAREHOUSE)
    )
    terminal.status.update(online=False, pending=0)
    saved: list[Path] = []

    def settle() -> None:
        for _ in range(3):
            app.processEvents()

    def scan(text: str) -> None:
        clock.advance(2)
        terminal.bridge.feed(ScanEvent(text.encode(), text, None, "virtual", clock.monotonic()))
        settle()

    def shot(name: str) -> None:
        settle()
        path = outdir / f"terminal_{name}_{lang}.png"
        window.grab().save(str(path))
        saved.append(path)

    window.navigate("tasks")
    shot("cutoffs")
    window.screens["tasks"].open_cart()  # F3: the cart
    totes = [make_tote_label(n) for n in range(1, CART_SIZE + 1)]
    for tote in totes[:4]:
        scan(tote)
    shot("cart")
    for tote in totes[4:]:
        scan(tote)
    window.screens["cluster"].start_walk()  # F3: start the walk
    flow = window.screens["cluster"].flow
    line = flow.current
    site, code = line.line.location_id.split(":", 1)
    scan(make_location_label(site, code))
    scan(line.line.open_units[0].label)
    shot("put_to_tote")
    scan(totes[line.position % CART_SIZE])  # the tote beside it: refused
    shot("wrong_tote")
    terminal.close()
    return saved


def main(argv: list[str]) -> int:
    outdir = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    outdir.mkdir(parents=True, exist_ok=True)
    for lang in ("ru", "en"):  # the app installs its language's catalogs as it is built
        for path in shoot(outdir, lang):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
