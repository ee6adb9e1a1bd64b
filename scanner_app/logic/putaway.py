"""Supplier deliveries and put-away: scan the document (or box), the products with quantities, the shelf."""

from __future__ import annotations

from dataclasses import dataclass

from shared.barcodes import Scan, ScanKind
from shared.domain import OpType

from .common import Level, Msg, Reaction, Record, WarehouseData, location_code, wrong_kind
from .scans import scan_location_id

MAX_QUANTITY = 9999


@dataclass(slots=True)
class PutawayItem:
    sku: str
    gtin: str
    name: str
    quantity: int


class PutawayFlow:
    def __init__(self, data: WarehouseData) -> None:
        self._data = data
        self.document: str | None = None
        self.items: list[PutawayItem] = []
        self.last_location: str | None = None

    def prompt(self) -> Msg:
        if self.document is None:
            return Msg.of("put_scan_document")
        if not self.items:
            return Msg.of("put_scan_product")
        return Msg.of("put_scan_more_or_location")

    def handle(self, scan: Scan) -> Reaction:
        if scan.kind in (ScanKind.DOCUMENT, ScanKind.BOX):
            if self.document is not None and self.items:
                return Reaction.error("put_finish_first")
            self.document, self.items, self.last_location = scan.code, [], None
            return Reaction(Level.OK, Msg.of("put_document_ok", document=scan.code))
        if self.document is None:
            return wrong_kind(scan, ScanKind.DOCUMENT, ScanKind.BOX)
        if scan.kind is ScanKind.PRODUCT:
            gtin = scan.fields.get("gtin", scan.code)
            product = self._data.product_by_gtin(gtin)
            if product is None:
                return Reaction.error("unknown_product", gtin=gtin)
            item = next((i for i in self.items if i.sku == product.sku), None)
            if item is None:
                item = PutawayItem(product.sku, product.gtin, product.name, 0)
                self.items.append(item)
            if item.quantity >= MAX_QUANTITY:
                return Reaction.error("put_too_many")
            item.quantity += 1
            return Reaction(Level.OK, Msg.of("put_product_ok", name=item.name, count=item.quantity))
        if scan.kind is ScanKind.LOCATION:
            return self._location(scan_location_id(scan))
        return wrong_kind(scan, ScanKind.PRODUCT, ScanKind.LOCATION)

    def set_quantity(self, sku: str, quantity: int) -> Reaction:
        item = next((i for i in self.items if i.sku == sku), None)
        if item is None:
            return Reaction.error("put_scan_product")
        if not 0 <= quantity <= MAX_QUANTITY:
            return Reaction.error("put_bad_quantity", max=MAX_QUANTITY)
        item.quantity = quantity
        if quantity == 0:
            self.items.remove(item)
        return Reaction.info("put_quantity_set", name=item.name, count=quantity)

    def _location(self, loc: str) -> Reaction:
        items = [i for i in self.items if i.quantity > 0]
        if not items:
            return Reaction.error("put_no_items")
        if self._data.location(loc) is None:
            return Reaction.error("unknown_location", location=location_code(loc))
        payload = {
            "document": self.document or "",
            "location_id": loc,
            "items": [{"sku": i.sku, "gtin": i.gtin, "quantity": i.quantity} for i in items],
        }
        total = sum(i.quantity for i in items)
        return Reaction(
            Level.OK,
            Msg.of("put_done", count=total, location=location_code(loc)),
            (Record(OpType.PUTAWAY, payload),),
        )

    def committed(self, reaction: Reaction) -> None:
        for record in reaction.records:
            if record.op_type is OpType.PUTAWAY:
                self.last_location = str(record.payload["location_id"])
                self.items = []
