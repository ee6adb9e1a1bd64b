"""Cluster picking: several pick tasks in one walk, each into its own tote on the cart.

First the cart: the picker scans a tote label for each task in turn (cart position 1, 2, ...), which
binds the tote to that task. Then the walk: the stops of every task together, in walk order; at each
stop the location first, then a unit (or its product barcode), then the tote it goes into. Only the
right tote records the pick; another tote is refused. A single task is picked the same way with
PickFlow; this flow journals the same pick.unit and pick.skip operations.
"""

from __future__ import annotations

from dataclasses import dataclass

from shared.barcodes import Scan, ScanKind
from shared.domain import OpType, UnitStatus
from shared.store.models import UnitView

from .common import Level, Msg, Reaction, Record, WarehouseData, location_code, wrong_kind
from .picking import PickLine, _same_gtin, build_lines, short_message
from .scans import scan_location_id

CART_SIZE = 6  # totes on a cart: the default where the warehouse sets none (its site's cart_size)


@dataclass(frozen=True, slots=True)
class CartLine:
    """A pick line of one task of the cart (the units of one product at one location)."""

    task_id: str
    position: int  # the task's place on the cart: tote 1..N
    line: PickLine


class ClusterFlow:
    def __init__(self, data: WarehouseData, task_ids: list[str], cart_size: int | None = None) -> None:
        self._data = data
        self.cart_size = cart_size if cart_size is not None else data.cart_size()
        self.task_ids = task_ids[: self.cart_size]
        self.totes: dict[str, str] = {}  # task id -> tote label
        self.walking = False
        self.lines: list[CartLine] = []
        self.location_confirmed = False
        self.held: UnitView | None = None  # a unit scanned, waiting for its tote
        self._stop: str | None = None
        self.walk = data.walk()

    # --- the cart ------------------------------------------------------------------------------

    def position(self, task_id: str) -> int:
        return self.task_ids.index(task_id) + 1

    @property
    def next_unbound(self) -> str | None:
        return next((t for t in self.task_ids if t not in self.totes), None)

    def tote_of(self, task_id: str) -> str:
        return self.totes.get(task_id, "")

    def start_walk(self) -> Reaction:
        if not self.totes:
            return Reaction.error("cart_no_totes")
        self.task_ids = [t for t in self.task_ids if t in self.totes]  # tasks with no tote stay behind
        self.walking = True
        self.reload()
        return Reaction(Level.OK, Msg.of("cart_walk_starts", tasks=len(self.task_ids)))

    # --- state ---------------------------------------------------------------------------------

    def committed(self, reaction: Reaction) -> None:
        self.reload()

    def reload(self) -> None:
        if not self.walking:
            return
        lines: list[CartLine] = []
        for task_id in self.task_ids:
            pos = self.position(task_id)
            lines.extend(CartLine(task_id, pos, ln) for ln in build_lines(self._data.task_units(task_id)))
        self.lines = self.walk.order(lines, lambda cl: cl.line.location_id)
        stop = self.stop
        if stop != self._stop:
            self.location_confirmed = False
            self.held = None
            self._stop = stop

    @property
    def current(self) -> CartLine | None:
        return next((cl for cl in self.lines if not cl.line.done), None)

    @property
    def stop(self) -> str | None:
        """The location being picked at (the current line's)."""
        cl = self.current
        return cl.line.location_id if cl is not None else None

    @property
    def stops(self) -> list[str]:
        return list(dict.fromkeys(cl.line.location_id for cl in self.lines))

    @property
    def finished(self) -> bool:
        return self.walking and self.current is None

    def at_stop(self) -> list[CartLine]:
        """The open lines at the current stop, by cart position."""
        stop = self.stop
        return sorted(
            (cl for cl in self.lines if cl.line.location_id == stop and not cl.line.done),
            key=lambda cl: cl.position,
        )

    def tote_counts(self) -> list[tuple[int, int]]:
        """(tote position, units still to put in it) at the current stop."""
        counts: dict[int, int] = {}
        for cl in self.at_stop():
            counts[cl.position] = counts.get(cl.position, 0) + len(cl.line.open_units)
        return sorted(counts.items())

    @property
    def total(self) -> int:
        return sum(cl.line.demand for cl in self.lines)

    @property
    def picked_count(self) -> int:
        return sum(cl.line.picked for cl in self.lines)

    def prompt(self) -> Msg:
        if not self.walking:
            task = self.next_unbound
            if task is None:
                return Msg.of("cart_ready", tasks=len(self.totes))
            return Msg.of("cart_scan_tote", position=self.position(task))
        cl = self.current
        if cl is None:
            return Msg.of("cart_done")
        if not self.location_confirmed:
            return Msg.of("pick_scan_location", location=cl.line.location_code)
        if self.held is not None:
            owner = self.line_of(self.held)
            return Msg.of("cart_put_into", position=owner.position if owner else "?")
        return Msg.of("pick_scan_unit", product=cl.line.product_name)

    # --- input ---------------------------------------------------------------------------------

    def handle(self, scan: Scan) -> Reaction:
        if not self.walking:
            return self._cart(scan)
        cl = self.current
        if cl is None:
            return Reaction.info("cart_done")
        if scan.kind is ScanKind.LOCATION:
            return self._location(cl, scan)
        if not self.location_confirmed:
            if scan.kind in (ScanKind.UNIT, ScanKind.PRODUCT, ScanKind.TOTE):
                return Reaction.error("pick_location_first", location=cl.line.location_code)
            return wrong_kind(scan, ScanKind.LOCATION)
        if scan.kind is ScanKind.TOTE:
            return self._tote(scan)
        if scan.kind in (ScanKind.UNIT, ScanKind.PRODUCT):
            if self.held is not None:
                owner = self.line_of(self.held)
                return Reaction.error("cart_tote_first", position=owner.position if owner else "?")
            return self._unit(scan)
        return wrong_kind(scan, ScanKind.UNIT)

    def _cart(self, scan: Scan) -> Reaction:
        if scan.kind is not ScanKind.TOTE:
            return wrong_kind(scan, ScanKind.TOTE)
        owner = next((t for t, tote in self.totes.items() if tote == scan.code), None)
        if owner is not None:
            return Reaction.warn("cart_tote_taken", position=self.position(owner))
        task = self.next_unbound
        if task is None:
            return Reaction.warn("cart_full", tasks=len(self.task_ids))
        self.totes[task] = scan.code
        return Reaction(Level.OK, Msg.of("cart_tote_bound", position=self.position(task), tote=scan.code))

    def _location(self, cl: CartLine, scan: Scan) -> Reaction:
        scanned = scan_location_id(scan)
        if scanned != cl.line.location_id:
            return Reaction.error(
                "pick_wrong_location", scanned=location_code(scanned), location=cl.line.location_code
            )
        self.location_confirmed = True
        return Reaction(Level.OK, Msg.of("pick_location_ok", location=cl.line.location_code))

    def line_of(self, unit: UnitView) -> CartLine | None:
        return next((cl for cl in self.lines if any(u.id == unit.id for u in cl.line.units)), None)

    def _unit(self, scan: Scan) -> Reaction:
        here = self.at_stop()
        if scan.kind is ScanKind.PRODUCT:
            gtin = scan.fields.get("gtin", scan.code)
            unit = next(
                (u for cl in here if _same_gtin(gtin, cl.line.gtin) for u in cl.line.open_units), None
            )
            if unit is None:
                return Reaction.error("cart_product_not_here", location=location_code(self.stop))
        else:
            found = next((cl for cl in self.lines if any(u.label == scan.code for u in cl.line.units)), None)
            if found is None:
                return Reaction.error("cart_not_on_cart", label=scan.code)
            if found.line.location_id != self.stop:
                return Reaction.error(
                    "pick_unit_elsewhere",
                    location=found.line.location_code,
                    stop=self.stops.index(found.line.location_id) + 1,
                    here=location_code(self.stop),
                )
            unit = next(u for u in found.line.units if u.label == scan.code)
            if unit.status is not UnitStatus.PAID:
                return Reaction.warn("pick_already_picked", demand=found.line.demand)
        owner = self.line_of(unit)
        assert owner is not None
        self.held = unit
        return Reaction(Level.INFO, Msg.of("cart_put_into", position=owner.position))

    def _tote(self, scan: Scan) -> Reaction:
        unit = self.held
        if unit is None:
            return Reaction.error("cart_unit_first")
        owner = self.line_of(unit)
        assert owner is not None
        right = self.totes[owner.task_id]
        if scan.code != right:
            bound = next((t for t, tote in self.totes.items() if tote == scan.code), None)
            return Reaction.error(
                "cart_wrong_tote",
                scanned=self.position(bound) if bound else scan.code,
                position=owner.position,
            )
        self.held = None
        record = Record(
            OpType.PICK_UNIT,
            {"task_id": owner.task_id, "unit_id": unit.id, "location_id": owner.line.location_id},
        )
        return Reaction.ok("cart_put_ok", record, position=owner.position)

    def skip(self, reason: str) -> Reaction:
        """The current product is not on the shelf ('not_found') or damaged: what is left of it at
        this stop is recorded short for every task of the cart that wanted it."""
        if reason not in ("not_found", "damaged"):
            raise ValueError(f"unknown skip reason {reason!r}")
        current = self.current
        sku = current.line.sku if current is not None else None
        here = [cl for cl in self.at_stop() if cl.line.sku == sku]
        records = [
            Record(OpType.PICK_SKIP, {"task_id": cl.task_id, "unit_id": u.id, "reason": reason})
            for cl in here
            for u in cl.line.open_units
        ]
        if not records or current is None:
            return Reaction.info("cart_done")
        self.held = None
        return Reaction(Level.WARN, short_message(self._data, current.line, len(records)), tuple(records))
