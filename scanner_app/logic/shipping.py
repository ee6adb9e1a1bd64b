"""Shipping: closed boxes onto a route to one pickup point; closing the route hands them to the
courier (badge scanned, a seal scanned per box) and ships their units."""

from __future__ import annotations

from collections.abc import Callable

from shared.barcodes import Scan, ScanKind
from shared.domain import BoxKind, OpType, UnitStatus
from shared.store.models import BoxView

from .common import Level, Msg, Reaction, Record, WarehouseData, wrong_kind


class ShipFlow:
    def __init__(self, data: WarehouseData, new_id: Callable[[], str]) -> None:
        self._data = data
        self._new_id = new_id
        self.route_id: str = ""
        self.pvz_id: str | None = None
        self.box_ids: list[str] = []
        self.closed = False
        # handing over: after Close route, the courier's badge, then each box's seal (in route order)
        self.sealing = False
        self.badge: str | None = None
        self.seals: dict[str, str] = {}
        self.resume_or_new()

    def resume_or_new(self) -> None:
        """Continue this site's open route, if there is one, else start a new one."""
        site = self._data.site_id()
        for route in self._data.open_routes():
            if route.origin_site_id == site and route.box_ids:
                self.route_id = route.id
                self.reload()
                return
        self.route_id, self.pvz_id, self.box_ids, self.closed = self._new_id(), None, [], False

    def committed(self, reaction: Reaction) -> None:
        self.reload()

    def reload(self) -> None:
        route = self._data.route(self.route_id)
        if route is None:
            return
        self.box_ids = list(route.box_ids)
        self.closed = route.closed
        self.pvz_id = route.destination_site_id or self.pvz_id

    def waiting(self) -> list[BoxView]:
        """Closed boxes not on any route yet (this route's own boxes are not waiting)."""
        return [b for b in self._data.boxes_to_ship() if b.id not in self.box_ids]

    def left_behind(self) -> list[BoxView]:
        """Waiting boxes for this route's pickup point: closing now leaves them for a later route."""
        if self.pvz_id is None:
            return []
        return [b for b in self.waiting() if b.destination_site_id == self.pvz_id]

    def unit_count(self) -> int:
        return sum(len(self._data.units_in_box(b)) for b in self.box_ids)

    def next_to_seal(self) -> str | None:
        return next((b for b in self.box_ids if b not in self.seals), None)

    def prompt(self) -> Msg:
        if self.closed:
            return Msg.of("ship_closed")
        if self.sealing and self.badge is None:
            return Msg.of("ship_scan_badge")
        if self.sealing:
            return Msg.of(
                "ship_scan_seal",
                box=self.next_to_seal() or "",
                done=len(self.seals) + 1,
                total=len(self.box_ids),
            )
        if self.pvz_id is None:
            return Msg.of("ship_scan_first_box")
        return Msg.of("ship_scan_box", pvz=self._data.site_name(self.pvz_id))

    def handle(self, scan: Scan) -> Reaction:
        if self.sealing and not self.closed:
            return self._handover(scan)
        if scan.kind is not ScanKind.BOX:
            return wrong_kind(scan, ScanKind.BOX)
        if self.closed:
            return Reaction.error("ship_route_closed")
        box = self._data.box(scan.code)
        if box is None:
            return Reaction.error("unknown_box_label", box=scan.code)
        if box.kind != BoxKind.FORWARD:
            return Reaction.error("ship_return_box")
        if box.id in self.box_ids:
            return Reaction.warn("ship_already_on_route")
        if box.route_id:
            return Reaction.error("ship_on_other_route")
        if not box.closed:
            return Reaction.error("ship_box_open")
        units = self._data.units_in_box(box.id)
        if not units:
            return Reaction.error("pack_empty")
        pvz = box.destination_site_id
        if self.pvz_id is not None and pvz != self.pvz_id:
            return Reaction.error(
                "ship_wrong_pvz",
                box_pvz=self._data.site_name(pvz),
                route_pvz=self._data.site_name(self.pvz_id),
            )
        record = Record(OpType.ROUTE_ADD_BOX, {"route_id": self.route_id, "box_id": box.id, "pvz_id": pvz})
        return Reaction(Level.OK, Msg.of("ship_box_ok", count=len(self.box_ids) + 1), (record,))

    def close(self, *, leave_behind: bool = False) -> Reaction:
        """Close the route: the courier's badge and each box's seal are scanned next, and the last
        seal closes it. Boxes for the same pickup point still waiting are named first (a warning,
        nothing recorded) unless ``leave_behind``: the worker confirmed."""
        if self.closed:
            return Reaction.info("ship_closed")
        if not self.box_ids:
            return Reaction.error("ship_empty")
        behind = self.left_behind()
        if behind and not leave_behind:
            return Reaction.warn(
                "ship_left_behind",
                count=len(behind),
                pvz=self._data.site_name(self.pvz_id or ""),
                boxes=", ".join(b.id for b in behind),
            )
        if not self.sealing:
            self.sealing, self.badge, self.seals = True, None, {}
            return Reaction.info("ship_scan_badge")
        return Reaction.info(self.prompt().key, **self.prompt().params)

    def cancel_handover(self) -> None:
        """Back to loading boxes: the badge and seals scanned so far are dropped."""
        self.sealing, self.badge, self.seals = False, None, {}

    def _handover(self, scan: Scan) -> Reaction:
        if self.badge is None:
            if scan.kind is not ScanKind.BADGE:
                return wrong_kind(scan, ScanKind.BADGE)
            self.badge = scan.code
            return Reaction.ok("ship_badge_ok", badge=scan.code, box=self.next_to_seal() or "")
        if scan.kind is not ScanKind.SEAL:
            return wrong_kind(scan, ScanKind.SEAL)
        if scan.code in self.seals.values():
            return Reaction.error("ship_seal_used", seal=scan.code)
        box = self.next_to_seal()
        if box is None:
            return Reaction.info("ship_closed")
        self.seals[box] = scan.code
        following = self.next_to_seal()
        if following is not None:
            return Reaction.ok("ship_seal_ok", box=box, seal=scan.code, next=following)
        unit_ids = [
            u.id for b in self.box_ids for u in self._data.units_in_box(b) if u.status is UnitStatus.PACKED
        ]
        payload = {
            "route_id": self.route_id,
            "unit_ids": unit_ids,
            "courier_badge": self.badge,
            "seals": dict(self.seals),
        }
        record = Record(OpType.ROUTE_CLOSE, payload)
        return Reaction(
            Level.OK,
            Msg.of("ship_close_ok", boxes=len(self.box_ids), units=len(unit_ids)),
            (record,),
        )

    def new_route(self) -> None:
        self.route_id, self.pvz_id, self.box_ids, self.closed = self._new_id(), None, [], False
        self.cancel_handover()
