"""Screenshots of short picks that heal and label reprints on the terminal at 480x800, in Russian and
English: the menu, a short pick moved to another shelf, the count list it leaves and a reprint.

    xvfb-run -a -s "-screen 0 1280x800x24" python packaging/screenshots_short_picks.py /tmp/shots

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

from scanner_app.services import Session
from screenshots_terminal import offline_terminal
from shared.barcodes import location_id, make_location_label, make_unit_label
from shared.domain import ManualClock, Role
from shared.scanning.events import ScanEvent
from tests.support import demo_terminal as demo_data


def shoot(outdir: Path, lang: str) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="wb-short-shots-"))
    clock = ManualClock(datetime(2026, 11, 25, 9, 30, tzinfo=UTC))
    terminal = offline_terminal(app, lang, tmp, clock)
    store = terminal.store
    demo_data.seed(store, clock, tasks=6, units_per_task=3)
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

    window.navigate("menu")
    shot("menu")
    window.navigate("pick", "TASK-000001")
    pick = window.screens["pick"]
    line = pick.flow.current
    code = next(c for c in demo_data.LOCATIONS if location_id(demo_data.WAREHOUSE, c) != line.location_id)
    spare = {
        "label": make_unit_label(990001),
        "order_id": "ORD-CANCELLED",
        "sku": line.sku,
        "status": "CANCELLED",
        "pvz_id": demo_data.PVZS[1][0],
        "customer_id": "C-OTHER",
        "location_id": location_id(demo_data.WAREHOUSE, code),
    }
    store.apply_pull_page([{"entity": "unit", "id": "UNIT-SPARE", "op": "upsert", "data": spare}], "0")
    site, where = line.location_id.split(":", 1)
    scan(make_location_label(site, where))
    pick.skip("not_found")
    pick.skip("not_found")
    shot("short_moved")
    window.navigate("count")
    shot("count_list")
    window.navigate("reprint")
    scan(line.units[0].label)
    shot("reprint")
    terminal.close()
    return saved


def main(argv: list[str]) -> int:
    outdir = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    outdir.mkdir(parents=True, exist_ok=True)
    for lang in ("ru", "en"):
        for path in shoot(outdir, lang):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
