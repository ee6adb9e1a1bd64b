"""The terminal's flows (scanner_app/logic, no Qt) over a real local store filled like a first sync.

These cover the refusals a worker meets (wrong shelf, wrong product, too many, wrong PVZ, open box,
return box, unknown labels) quickly, without a backend; the Qt flow tests drive the same code
through the screens against a real one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scanner_app.adapters import StoreData, StoreJournal, TerminalFeedback, Vibrator, platform_vibrator
from scanner_app.logic.common import Level, Reaction
from scanner_app.logic.counting import CountFlow
from scanner_app.logic.packing import PackFlow
from scanner_app.logic.picking import PickFlow
from scanner_app.logic.putaway import MAX_QUANTITY, PutawayFlow
from scanner_app.logic.returns import ReturnFlow
from scanner_app.logic.shipping import ShipFlow
from scanner_app.services import Session
from shared.barcodes import make_badge_label, make_document_label, make_location_label, make_sscc, parse
from shared.domain import IdFactory, ManualClock, Role, UnitStatus
from shared.qt.feedback import Feedback, SoundPlayer, Tone
from shared.store import LocalStore
from tests.support import demo_terminal as demo_data

SESSION = Session("U-1", "picker", "Picker", Role.WAREHOUSE, demo_data.WAREHOUSE)


class Shift:
    def __init__(self, tmp: Path) -> None:
        self.clock = ManualClock()
        self.store = LocalStore.open(tmp / "t.sqlite3", "TERM-L", self.clock)
        self.facts = demo_data.seed(self.store, self.clock, tasks=4, units_per_task=3, returns=2)
        self.data = StoreData(self.store, lambda: demo_data.WAREHOUSE)
        self.journal = StoreJournal(self.store)
        self.ids = IdFactory(self.clock)

    def do(self, flow: object, reaction: Reaction) -> Reaction:
        """Journal a reaction's operations like the screen does, then tell the flow."""
        if reaction.records:
            self.journal.record(reaction.records, SESSION)
        flow.committed(reaction)  # type: ignore[attr-defined]
        return reaction


@pytest.fixture
def shift(tmp_path: Path) -> Iterator[Shift]:
    s = Shift(tmp_path)
    yield s
    s.store.close()


def loc(location_id: str) -> str:
    site, code = location_id.split(":", 1)
    return make_location_label(site, code)


def pick_all(shift: Shift, task_id: str) -> None:
    flow = PickFlow(shift.data, task_id)
    while not flow.finished:
        line = flow.current
        assert line is not None
        if not flow.location_confirmed:
            shift.do(flow, flow.handle(parse(loc(line.location_id))))
        assert shift.do(flow, flow.handle(parse(line.open_units[0].label))).level is Level.OK


def test_picking_by_product_barcode_never_exceeds_the_demand(shift: Shift) -> None:
    flow = PickFlow(shift.data, "TASK-000001")
    lines = flow.lines
    assert [line.location_id for line in lines] == flow.walk.sort(line.location_id for line in lines)
    line = flow.current
    assert line is not None and line.demand == 2  # two units of one product on one shelf
    product = parse(line.gtin)
    assert flow.handle(product).level is Level.ERROR  # the shelf first
    assert flow.handle(parse(loc("WH-DEMO-1:D-12-01-1"))).message.key == "pick_wrong_location"
    shift.do(flow, flow.handle(parse(loc(line.location_id))))
    skus = {ln.sku for ln in lines}
    other = next(p for p in demo_data.PRODUCTS if p[0] not in skus)
    wrong = parse(demo_data.gtin(demo_data.PRODUCTS.index(other)))
    assert flow.handle(wrong).message.key == "pick_wrong_product"
    later = lines[-1]  # a product of the task picked at another stop: says where
    assert flow.handle(parse(later.gtin)).message.key == "pick_unit_elsewhere"
    assert shift.do(flow, flow.handle(product)).message.key == "pick_unit_ok"
    assert shift.do(flow, flow.handle(product)).message.key == "pick_unit_ok"
    assert flow.current is not line  # the line is done, the next one starts
    statuses = [u.status for u in shift.store.task_units("TASK-000001")]
    assert statuses.count(UnitStatus.PICKED) == 2
    first_label = line.units[0].label
    reaction = flow.handle(parse(first_label))
    assert reaction.level in (Level.WARN, Level.ERROR) and not reaction.records


def test_a_unit_of_another_task_or_line_is_refused(shift: Shift) -> None:
    flow = PickFlow(shift.data, "TASK-000001")
    line = flow.current
    assert line is not None
    shift.do(flow, flow.handle(parse(loc(line.location_id))))
    foreign = shift.store.task_units("TASK-000002")[0].label
    assert flow.handle(parse(foreign)).message.key == "pick_not_in_task"
    later = flow.lines[-1].units[0].label
    elsewhere = flow.handle(parse(later))
    assert elsewhere.message.key == "pick_unit_elsewhere" and not elsewhere.records
    assert elsewhere.message.params["location"] == flow.lines[-1].location_code
    assert flow.handle(parse(make_sscc(5))).message.key == "wrong_kind"


def test_packing_keeps_one_destination_and_only_picked_units(shift: Shift) -> None:
    pick_all(shift, "TASK-000001")  # PVZ-DEMO-1
    pick_all(shift, "TASK-000002")  # PVZ-DEMO-2
    flow = PackFlow(shift.data)
    unpicked = shift.store.task_units("TASK-000003")[0].label
    assert flow.handle(parse(unpicked)).message.key == "pack_box_first"
    assert flow.start_box(make_sscc(7, kind_return=True)).message.key == "pack_return_box"
    box = make_sscc(7)
    assert flow.start_box(box).level is Level.OK
    assert flow.handle(parse(unpicked)).message.key == "pack_not_picked"
    mine = shift.store.task_units("TASK-000001")
    other = shift.store.task_units("TASK-000002")[0]
    first = shift.do(flow, flow.handle(parse(mine[0].label)))
    assert [r.op_type.value for r in first.records] == ["pack.open", "pack.unit"]
    assert flow.pvz_id == "PVZ-DEMO-1"
    refused = flow.handle(parse(other.label))
    assert refused.message.key == "pack_wrong_pvz" and not refused.records
    assert flow.handle(parse(make_sscc(8))).message.key == "pack_close_first"
    for unit in mine[1:]:
        shift.do(flow, flow.handle(parse(unit.label)))
    assert shift.do(flow, flow.close()).level is Level.OK and flow.closed
    assert flow.handle(parse(mine[0].label)).message.key == "pack_box_closed"
    # a new packer resumes nothing closed: the box cannot be reopened
    again = PackFlow(shift.data)
    assert again.start_box(box).message.key == "pack_box_closed"


def test_shipping_takes_closed_boxes_of_one_pvz_only(shift: Shift) -> None:
    boxes = {}
    for task, n in (("TASK-000001", 1), ("TASK-000002", 2), ("TASK-000003", 3)):
        pick_all(shift, task)
        flow = PackFlow(shift.data)
        flow.start_box(make_sscc(n))
        for unit in shift.store.task_units(task):
            shift.do(flow, flow.handle(parse(unit.label)))
        if task != "TASK-000003":
            shift.do(flow, flow.close())
        boxes[task] = make_sscc(n)
    ship = ShipFlow(shift.data, shift.ids.new)
    assert ship.handle(parse(boxes["TASK-000003"])).message.key == "ship_box_open"
    assert ship.handle(parse(make_sscc(99))).message.key == "unknown_box_label"
    assert ship.handle(parse(shift.facts["return_box"])).message.key == "ship_return_box"
    shift.do(ship, ship.handle(parse(boxes["TASK-000001"])))
    assert ship.pvz_id == "PVZ-DEMO-1"
    assert ship.handle(parse(boxes["TASK-000002"])).message.key == "ship_wrong_pvz"
    assert ship.handle(parse(boxes["TASK-000001"])).message.key == "ship_already_on_route"
    # closing hands the route over: the courier's badge, then a seal scanned for each box
    assert ship.close().message.key == "ship_scan_badge" and ship.sealing
    assert ship.handle(parse(make_sscc(5))).message.key == "wrong_kind"
    assert ship.handle(parse(make_badge_label(42))).message.key == "ship_badge_ok"
    ship.seals["other-box"] = "S0000001"  # a seal already put on another box is refused
    assert ship.handle(parse("S0000001")).message.key == "ship_seal_used"
    del ship.seals["other-box"]
    assert ship.handle(parse(boxes["TASK-000001"])).message.params["expected"] == "seal"
    closing = ship.handle(parse("S0000001"))
    assert len(closing.records[0].payload["unit_ids"]) == 3
    assert closing.records[0].payload["seals"] == {boxes["TASK-000001"]: "S0000001"}
    assert closing.records[0].payload["courier_badge"] == make_badge_label(42)
    shift.do(ship, closing)
    assert ship.closed
    assert {u.status for u in shift.store.task_units("TASK-000001")} == {UnitStatus.SHIPPED}
    # the next route picks up where the first one left nothing open
    assert ShipFlow(shift.data, shift.ids.new).box_ids == []


def test_returns_count_and_putaway_refusals(shift: Shift) -> None:
    ret = ReturnFlow(shift.data)
    assert ret.handle(parse(shift.facts["return_units"][0])).message.key == "ret_box_first"
    assert ret.handle(parse(make_sscc(1))).message.key == "unknown_box_label"
    shift.do(ret, ret.handle(parse(shift.facts["return_box"])))
    assert ret.prompt().key == "ret_scan_seal" and ret.close().message.key == "ret_seal_first"
    assert ret.handle(parse(shift.facts["return_units"][0])).message.params["expected"] == "seal"
    assert shift.do(ret, ret.handle(parse("S0000777"))).message.key == "ret_seal_ok"
    stranger = shift.store.task_units("TASK-000001")[0].label
    assert ret.handle(parse(stranger)).message.key == "ret_not_in_box"
    shift.do(ret, ret.handle(parse(shift.facts["return_units"][0])))
    assert ret.handle(parse(shift.facts["return_units"][0])).message.key == "ret_already"
    closing = shift.do(ret, ret.close())
    assert closing.level is Level.WARN and len(closing.records[0].payload["missing"]) == 1
    assert closing.records[0].payload["seal"] == "S0000777"
    assert ret.closed and ret.close().level is Level.INFO

    count = CountFlow(shift.data)
    assert count.handle(parse(demo_data.gtin(0))).message.key == "wrong_kind"
    assert count.handle(parse(loc("WH-DEMO-1:Z-99-99-9"))).message.key == "unknown_location"
    shift.do(count, count.handle(parse(loc("WH-DEMO-1:A-01-02-3"))))
    unit = next(
        u for u in shift.store.units_by_status(UnitStatus.PAID) if u.location_id == "WH-DEMO-1:A-01-02-3"
    )
    shift.do(count, count.handle(parse(unit.label)))
    assert count.handle(parse(unit.label)).message.key == "count_unit_twice"
    assert count.handle(parse(loc("WH-DEMO-1:B-03-01-2"))).message.key == "count_finish_first"
    assert count.handle(parse("4600000000008")).message.key == "unknown_product"

    put = PutawayFlow(shift.data)
    assert put.handle(parse(loc("WH-DEMO-1:A-01-02-3"))).message.key == "wrong_kind"
    shift.do(put, put.handle(parse(make_document_label(12))))
    assert put.handle(parse(loc("WH-DEMO-1:A-01-02-3"))).message.key == "put_no_items"
    shift.do(put, put.handle(parse(demo_data.gtin(2))))
    sku = demo_data.PRODUCTS[2][0]
    assert put.set_quantity(sku, MAX_QUANTITY + 1).level is Level.ERROR
    assert put.set_quantity(sku, 40).level is Level.INFO
    assert put.handle(parse(make_document_label(13))).message.key == "put_finish_first"
    done = shift.do(put, put.handle(parse(loc("WH-DEMO-1:C-07-05-4"))))
    assert done.records[0].payload["items"] == [{"sku": sku, "gtin": demo_data.gtin(2), "quantity": 40}]
    assert put.items == [] and put.document == make_document_label(12)


def test_the_vibration_hook_drives_a_timed_output_motor(tmp_path: Path) -> None:
    motor = tmp_path / "enable"
    assert platform_vibrator([motor]) is None  # no motor: nothing to drive
    motor.write_text("0")
    vibrator = Vibrator(platform_vibrator([motor]))
    sounds = Feedback(SoundPlayer(enabled=False))
    feedback = TerminalFeedback(sounds, vibrator)
    feedback.signal("ok", "fine")
    assert motor.read_text() == "0" and vibrator.pulses == []
    feedback.signal("error", "STOP")
    assert motor.read_text() == "400" and vibrator.pulses == [400]
    feedback.signal("warn", "look")
    assert motor.read_text() == "150"
    assert sounds.player.played == [Tone.SUCCESS, Tone.ERROR, Tone.WARNING]
