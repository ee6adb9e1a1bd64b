"""What the PVZ screens say once a step is over: no red banner left from before a reset, the issue
table's status readable whole, inventory rows naming the product, box closing printed straight to
the configured printer with the preview on demand. Driven with scans and keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from pvz_app.context import PreviewReports
from shared.barcodes import ScanKind, make_cell_label
from shared.printing.report import Report
from tests.qt.pvz_harness import PvzHarness
from tests.qt.test_pvz_flows import accept_all, open_shift, shipped_order
from tests.support.backend import BackendServer
from tests.support.world import World

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with BackendServer(tmp_path_factory.mktemp("backend")) as server, World.standard(server) as w:
        yield w


@pytest.fixture
def pvz(qapp: Any, qtbot: Any, tmp_path: Path, world: World) -> Iterator[PvzHarness]:
    h = PvzHarness.start(qapp, qtbot, tmp_path / "pvz", world.server.url, world.pvz1)
    yield h
    h.close()


def red(pvz: PvzHarness) -> bool:
    banner = pvz.app.window.banner
    return banner.isVisible() and banner.tone.value == "error"


def test_cancelling_a_cell_count_clears_its_red_banner(pvz: PvzHarness, world: World) -> None:
    order, box = shipped_order(world, 1, [world.skus[2]])
    open_shift(pvz, world)
    accept_all(pvz, world, order, box)
    unit = pvz.app.store.unit(order["units"][0]["id"])
    assert unit is not None and unit.cell_number is not None
    pvz.key(Qt.Key.Key_F6)
    pvz.scan(make_cell_label(world.pvz1, unit.cell_number % 20 + 1))
    pvz.scan(unit.label)  # not expected in that cell: red
    assert red(pvz)
    pvz.key(Qt.Key.Key_N, CTRL)  # cancel the cell: back to "scan a cell label"
    assert "Scan a cell label" in pvz.prompt
    assert not red(pvz), pvz.banner


def test_next_customer_after_a_refused_code_clears_the_red(pvz: PvzHarness, world: World) -> None:
    open_shift(pvz, world)
    pvz.key(Qt.Key.Key_F2)
    issuing: Any = pvz.current
    pvz.type_into(issuing.code, "00000000")
    pvz.key(Qt.Key.Key_Return)
    assert red(pvz) and pvz.current.prompt.tone == "error"
    pvz.key(Qt.Key.Key_N, CTRL)  # the next customer: a clean screen
    assert issuing.session is None
    assert "pickup QR" in pvz.prompt and pvz.current.prompt.tone != "error"
    assert not red(pvz), pvz.banner
    assert issuing.code.text() == ""


def test_the_issue_status_column_is_shown_whole(pvz: PvzHarness, world: World) -> None:
    sku = world.add_products(
        1, name="Куртка демисезонная мужская утеплённая с капюшоном и светоотражающими вставками, размер 52"
    )[0]
    order, box = shipped_order(world, skus=[sku, world.skus[1]])
    open_shift(pvz, world)
    accept_all(pvz, world, order, box)
    pvz.key(Qt.Key.Key_F2)
    issuing: Any = pvz.current
    pvz.scan(world.pickup_code(order)["qr"])
    assert issuing.session is not None, pvz.banner
    table = issuing.table
    status = next(
        c
        for c in range(issuing.model.columnCount())
        if issuing.model.headerData(c, Qt.Orientation.Horizontal) == "Status"
    )
    header = table.horizontalHeader()
    assert header.sectionSize(status) >= table.sizeHintForColumn(status)  # every status whole
    assert header.length() <= table.viewport().width()  # nothing pushed off the right edge
    assert table.horizontalScrollBar().maximum() == 0
    product = next(
        i for i in range(issuing.model.rowCount()) if "капюшоном" in issuing.model.row_at(i).product
    )
    # the long product name is elided; its tooltip carries it whole
    assert "капюшоном" in str(
        issuing.model.data(issuing.model.index(product, 2), Qt.ItemDataRole.ToolTipRole)
    )


def test_inventory_rows_name_the_product(pvz: PvzHarness, world: World) -> None:
    order, box = shipped_order(world, 2, [world.skus[11], world.skus[12]])
    open_shift(pvz, world)
    accept_all(pvz, world, order, box)
    u1 = pvz.app.store.unit(order["units"][0]["id"])
    assert u1 is not None and u1.cell_number is not None
    pvz.key(Qt.Key.Key_F6)
    inv: Any = pvz.current
    pvz.scan(make_cell_label(world.pvz1, u1.cell_number))
    texts = {
        inv.model.cell_text(r, 0): [inv.model.cell_text(r, c) for c in range(inv.model.columnCount())]
        for r in range(inv.model.rowCount())
    }
    assert u1.product_name in texts[u1.label], texts  # expected units name their product
    stranger, _box = shipped_order(world, 1, [world.skus[13]])
    pvz.sync()
    pvz.scan(stranger["units"][0]["label"])  # an unexpected unit known locally names its product too
    row = inv.model.find(stranger["units"][0]["id"])
    assert row >= 0
    name = pvz.app.store.unit(stranger["units"][0]["id"]).product_name  # type: ignore[union-attr]
    assert name in [inv.model.cell_text(row, c) for c in range(inv.model.columnCount())]


def test_closing_a_box_prints_and_the_preview_is_on_demand(pvz: PvzHarness, world: World) -> None:
    order, box = shipped_order(world, 1, [world.skus[3]])
    open_shift(pvz, world)
    accept_all(pvz, world, order, box)  # Ctrl+E closes the box: the report goes to the printer
    assert pvz.reports.printed and not pvz.reports.previewed
    pvz.key(Qt.Key.Key_P, CTRL)  # the preview, when the clerk asks for it: the last box's report
    assert pvz.reports.previewed and pvz.reports.previewed[-1] is pvz.reports.printed[-1]
    assert "Preview" in pvz.current.buttons["report"].text()


class _Recorder:
    """Stands in for LabelPrinter: what would have been printed or previewed."""

    calls: list[tuple[str, Any]] = []

    def __init__(self, parent: Any = None) -> None:
        from PySide6.QtPrintSupport import QPrinter

        self.printer = QPrinter()

    def print(self, doc: Any, *, dialog: bool = True) -> bool:
        self.calls.append(("print", (self.printer.printerName(), dialog)))
        return True

    def preview(self, doc: Any) -> bool:
        self.calls.append(("preview", doc))
        return False


def test_a_configured_printer_prints_directly_and_none_falls_back_to_the_preview(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shared.qt.printing as printing

    monkeypatch.setattr(printing, "LabelPrinter", _Recorder)
    _Recorder.calls = []
    report = Report(title="Акт приёмки", columns=("Единица",), rows=(("U1",),))

    configured = PreviewReports(printer_name="Zebra-ZD421")
    configured.output(report)
    configured.label(ScanKind.CELL, make_cell_label("PVZ-T-1", 7), ["Ячейка 7"])
    assert [c[0] for c in _Recorder.calls] == ["print", "print"]
    assert all(args[1] is False for _, args in _Recorder.calls)  # no dialog at the counter
    assert configured.preview()  # on demand: the last document
    assert _Recorder.calls[-1][0] == "preview"

    _Recorder.calls = []
    unconfigured = PreviewReports(printer_name="")
    assert not unconfigured.preview()  # nothing printed yet: nothing to preview
    unconfigured.output(report)
    assert [c[0] for c in _Recorder.calls] == ["preview"]  # no printer set up: the preview, as before
