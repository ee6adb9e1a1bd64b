"""Screenshots of the two-sided handover in both apps: ``python packaging/screenshots_handover.py OUTDIR``.

Run under a display (``xvfb-run -a -s "-screen 0 1280x800x24" python packaging/screenshots_handover.py
docs/screenshots``; `make screenshots` runs it). The real apps, offline on demo data; scans go through
the scanner bridge. The discrepancies are what a sync would pull from the server (entity
``discrepancy``), fed to the local store as a pull page. Files, in Russian and English:

* terminal (480x800): ``terminal_ship_badge`` (Close route pressed: the courier's badge is asked),
  ``terminal_ship_seal`` (the badge scanned, the first seal too: the next box's seal is asked),
  ``terminal_returns_seal`` (a return box scanned: its seal is asked), ``terminal_ship_discrepancies``
  and ``terminal_returns_discrepancies`` (what the pickup points found different);
* PVZ (1280x800): ``pvz_acceptance_seal`` (a box opened: its seal is asked),
  ``pvz_returns_handover_badge`` and ``pvz_returns_handover_seal`` (handing return boxes to the
  courier: the badge, then a seal per box), ``pvz_acceptance_discrepancies`` and
  ``pvz_returns_discrepancies`` (what differed, with the courier and the photos).
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

from PySide6.QtWidgets import QApplication

from scanner_app.screens.pack import PackScreen
from scanner_app.screens.returns import ReturnScreen
from scanner_app.screens.ship import ShipScreen
from scanner_app.services import Session
from screenshots_pvz import SITE, _login, answering_ports, offline_pvz
from screenshots_pvz import Shooter as PvzShooter
from screenshots_terminal import Shooter as TerminalShooter
from screenshots_terminal import loc, offline_terminal
from shared.barcodes import make_badge_label
from shared.domain import ManualClock, Role
from shared.store import LocalStore
from tests.support import demo_terminal as demo_data

COURIER = make_badge_label(4217)
PHOTO = "9f2c" * 16  # a photo's SHA-256, as the discrepancy names it


def discrepancy(
    box_id: str,
    kind: str,
    direction: str,
    sender: str,
    receiver: str,
    *,
    sent: str = "",
    found: str = "",
    photos: int = 0,
    at: str = "2026-11-25T09:10:00+00:00",
) -> dict[str, Any]:
    """One discrepancy as the server's feed carries it (backend_stub/services/handover.py)."""
    return {
        "entity": "discrepancy",
        "id": f"{box_id}:{kind}",
        "op": "upsert",
        "data": {
            "id": f"{box_id}:{kind}",
            "handover_id": "ROUTE-0042",
            "box_id": box_id,
            "kind": kind,
            "direction": direction,
            "from_site_id": sender,
            "to_site_id": receiver,
            "courier_badge": COURIER,
            "seal_sent": sent,
            "seal_received": found,
            "photos": [PHOTO[:-1] + str(i) for i in range(photos)],
            "found_at": at,
            "resolved_at": None,
        },
    }


def pulled(store: LocalStore, changes: list[dict[str, Any]]) -> None:
    store.apply_pull_page(changes, "handover-shots")
    store.finish_pull()


# --- the terminal ----------------------------------------------------------------------------------
def terminal_shots(app: QApplication, outdir: Path, lang: str) -> list[Path]:
    from shared.qt import i18n

    tmp = Path(tempfile.mkdtemp(prefix="wb-terminal-handover-shots-"))
    clock = ManualClock(datetime(2026, 11, 25, 9, 30, tzinfo=UTC))
    terminal = offline_terminal(app, lang, tmp, clock)
    facts = demo_data.seed(terminal.store, clock, tasks=4, units_per_task=2, returns=3)

    window = terminal.window
    window.resize(480, 800)
    window.show()
    window.login.logged_in.emit(
        Session("U-IVANOVA", "ivanova", "Анна Иванова", Role.WAREHOUSE, demo_data.WAREHOUSE)
    )
    s = TerminalShooter(terminal, clock, outdir, lang)
    store = terminal.store

    def pick(task_id: str) -> None:
        window.navigate("pick", task_id)
        for unit in store.task_units(task_id):
            s.scan(loc(unit.location_id.split(":", 1)[1] if unit.location_id else ""))
            s.scan(unit.label)

    # two boxes for the same pickup point, packed and loaded on a route
    boxes: list[str] = []
    for task in (facts["first_task"], "TASK-000003"):
        pick(task)
        window.navigate("pack")
        pack = window.screens["pack"]
        assert isinstance(pack, PackScreen)
        pack.make_box()
        for unit in store.task_units(task):
            s.scan(unit.label)
        pack.finish_box()
        assert pack.flow.box_id is not None
        boxes.append(pack.flow.box_id)
    window.navigate("ship")
    ship = window.screens["ship"]
    assert isinstance(ship, ShipScreen)
    for box in boxes:
        s.scan(box)
    ship.finish_route()  # Close route: the courier's badge first
    s.settle()
    s.shot("ship_badge")
    s.scan(COURIER)
    s.scan("S1000001")
    s.shot("ship_seal")
    s.scan("S1000002")  # the last seal closes the route

    window.navigate("returns")
    s.scan(facts["return_box"])
    s.shot("returns_seal")

    pvz = demo_data.PVZS[0][0]
    pulled(
        store,
        [
            discrepancy(
                boxes[0],
                "seal_mismatch",
                "forward",
                demo_data.WAREHOUSE,
                pvz,
                sent="S1000001",
                found="S7730412",
            ),
            discrepancy(boxes[1], "not_received", "forward", demo_data.WAREHOUSE, pvz, sent="S1000002"),
            discrepancy(
                facts["return_box"],
                "seal_broken",
                "return",
                pvz,
                demo_data.WAREHOUSE,
                sent="S2000017",
                found="S2000017",
                photos=2,
            ),
            discrepancy(
                "100000000000905104", "not_received", "return", pvz, demo_data.WAREHOUSE, sent="S2000018"
            ),
        ],
    )
    window.navigate("menu")
    window.navigate("ship")
    if ship.flow is not None and ship.flow.closed:
        ship.start_new()
    s.shot("ship_discrepancies")
    window.navigate("menu")
    returns = window.screens["returns"]
    assert isinstance(returns, ReturnScreen)
    returns.flow.box_id, returns.flow.units = None, []  # the box put aside: no box open
    window.navigate("returns")
    returns.clear_result()
    returns.render_prompt()
    s.shot("returns_discrepancies")

    terminal.close()
    i18n.uninstall(app, terminal.translators)
    return s.saved


# --- the pickup point ------------------------------------------------------------------------------
def pvz_shots(app: QApplication, outdir: Path, lang: str) -> list[Path]:
    with offline_pvz(app, lang, "handover", ports=answering_ports(), counter=True) as (built, world, clock):
        s = PvzShooter(app, built, clock, world, outdir, lang)
        _login(s)
        s.files.clear()  # the login picture is screenshots_pvz.py's

        acceptance = s.flow("acceptance")
        s.scan(world.boxes[1])
        s.shot("acceptance_seal")

        # two return boxes packed and closed, then handed to the courier
        returns = s.flow("returns")
        closed: list[str] = []
        for _ in range(2):
            returns.trigger("generate")
            s.settle()
            refused = [c for c in returns.model.rows if c.reason == "refused"]
            if not refused:
                break
            s.scan(refused[0].unit.label)
            assert returns.box is not None
            closed.append(returns.box.id)
            returns.trigger("close")
            s.settle()
        returns.trigger("handover_mode")
        s.settle()
        s.scan(COURIER)
        s.shot("returns_handover_badge")
        for n, box in enumerate(closed):
            s.scan(box)
            s.scan(f"S300000{n + 1}")
        s.shot("returns_handover_seal")
        returns.trigger("handover_mode")  # back out: the boxes stay at the counter
        s.settle()

        wh = "WH-DEMO-1"
        pulled(
            built.store,
            [
                discrepancy(
                    world.boxes[0],
                    "seal_mismatch",
                    "forward",
                    wh,
                    SITE,
                    sent="S1000001",
                    found="S7730412",
                ),
                discrepancy(
                    world.boxes[1],
                    "seal_broken",
                    "forward",
                    wh,
                    SITE,
                    sent="S1000002",
                    found="S1000002",
                    photos=3,
                ),
                discrepancy(world.boxes[2], "not_received", "forward", wh, SITE, sent="S1000003"),
                discrepancy(
                    closed[0] if closed else world.boxes[3],
                    "seal_mismatch",
                    "return",
                    SITE,
                    wh,
                    sent="S3000001",
                    found="",
                ),
            ],
        )
        acceptance = s.flow("acceptance")
        acceptance._render()
        s.shot("acceptance_discrepancies")
        returns = s.flow("returns")
        returns._sync()
        s.shot("returns_discrepancies")
        return s.files


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    outdir = Path(args[0] if args else "docs/screenshots")
    langs = [a.split("=", 1)[1] for a in args[1:] if a.startswith("--lang=")] or ["ru", "en"]
    outdir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    saved: list[Path] = []
    for lang in langs:
        saved.extend(terminal_shots(app, outdir, lang))
        saved.extend(pvz_shots(app, outdir, lang))
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
