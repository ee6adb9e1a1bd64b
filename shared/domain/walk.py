"""Walk order: the sequence a picker visits storage locations in, serpentine through the aisles.

A warehouse location code is zone, aisle, shelf and level: ``A-01-02-3`` (docs/BARCODES.md; a store
id carries the site in front, ``WH-DEMO-1:A-01-02-3``). A :class:`Walk` is made per warehouse from
its location codes and a :class:`WalkConfig`; ``Walk.order`` sorts the stops of a walk (one task's
lines, or a cart of several tasks) in an S-shape: the aisles in the configured order, every aisle
that has a stop walked end to end once, up one and down the next, so the picker never walks an
aisle twice nor back along it. Stops on one shelf column are taken bottom level first.

``Walk.length`` measures a walk in metres on a plain model of the floor: parallel aisles
``aisle_pitch`` apart, shelves ``shelf_pitch`` apart along an aisle, cross aisles at both ends of
every aisle, zones side by side with ``zone_gap`` between them, and the depot (where the cart
starts and ends) at the front of the first aisle. Between two aisles the picker takes whichever
cross aisle is shorter; within one aisle the straight distance.

Pure: no Qt, no I/O, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

_CODE = re.compile(r"^(?P<zone>[A-Z])-(?P<aisle>\d{2})-(?P<shelf>\d{2})-(?P<level>\d)$")


@dataclass(frozen=True, slots=True, order=True)
class Slot:
    """A location code taken apart: zone letter, aisle, shelf (along the aisle), level (height)."""

    zone: str
    aisle: int
    shelf: int
    level: int

    @property
    def aisle_key(self) -> tuple[str, int]:
        return (self.zone, self.aisle)


def parse_slot(location: str | None) -> Slot | None:
    """'A-01-02-3' or 'WH-DEMO-1:A-01-02-3' -> Slot; None for anything else (or nothing)."""
    if not location:
        return None
    code = location.rsplit(":", 1)[-1]
    m = _CODE.match(code)
    if m is None:
        return None
    return Slot(m["zone"], int(m["aisle"]), int(m["shelf"]), int(m["level"]))


@dataclass(frozen=True, slots=True)
class WalkConfig:
    """How a warehouse is walked. The defaults suit the demo warehouse (and most small ones).

    - ``zone_order``: zones walked first, in this order; zones not named follow alphabetically.
    - ``aisles_descending``: walk each zone's aisles from the highest number down.
    - ``first_aisle_up``: the first aisle with a stop is walked shelf 01 first (up); the next one
      with a stop down, and so on. False starts downwards (depots at the back of the aisles).
    - ``aisle_pitch``, ``shelf_pitch``, ``zone_gap``: metres, for :meth:`Walk.length` only.
    """

    zone_order: tuple[str, ...] = ()
    aisles_descending: bool = False
    first_aisle_up: bool = True
    aisle_pitch: float = 3.0
    shelf_pitch: float = 1.2
    zone_gap: float = 6.0


class Walk:
    """The walk through one warehouse, from its location codes (ids or bare codes)."""

    def __init__(self, locations: Iterable[str], config: WalkConfig | None = None) -> None:
        self.config = config or WalkConfig()
        slots = [s for s in (parse_slot(loc) for loc in locations) if s is not None]
        zones = sorted({s.zone for s in slots})
        self._zone_rank = {z: i for i, z in enumerate(self._zones_walked(zones))}
        aisles = sorted({s.aisle_key for s in slots})
        # the floor: aisles side by side in zone and number order, a gap between zones
        cfg = self.config
        self._x: dict[tuple[str, int], float] = {}
        x, previous = 0.0, None
        for key in aisles:
            if previous is not None:
                x += cfg.aisle_pitch if key[0] == previous[0] else cfg.aisle_pitch + cfg.zone_gap
            self._x[key] = x
            previous = key
        deepest = max((s.shelf for s in slots), default=1)
        self.depth = (deepest + 1) * cfg.shelf_pitch  # front cross aisle at 0, back one at depth

    def _zones_walked(self, zones: Sequence[str]) -> list[str]:
        named = [z for z in self.config.zone_order if z in zones]
        return named + [z for z in zones if z not in named]

    # --- order ---------------------------------------------------------------------------------

    def aisle_rank(self, slot: Slot) -> tuple[int, int]:
        """Where the slot's aisle comes in the walk (zones unknown to the warehouse go last)."""
        zone = self._zone_rank.get(slot.zone, len(self._zone_rank) + ord(slot.zone))
        aisle = -slot.aisle if self.config.aisles_descending else slot.aisle
        return (zone, aisle)

    def sort(self, locations: Iterable[str]) -> list[str]:
        """Location ids or codes in walk order."""
        return self.order(locations, lambda loc: loc)

    def order(self, items: Iterable[T], location: Callable[[T], str | None]) -> list[T]:
        """``items`` in walk order; ``location`` gives each item's location id or code.

        Stable: items at the same location keep their order. Items with no readable location come
        last, by their location text.
        """
        placed: list[tuple[Slot, int, T]] = []
        rest: list[tuple[str, int, T]] = []
        for i, item in enumerate(items):
            loc = location(item)
            slot = parse_slot(loc)
            if slot is None:
                rest.append((loc or "", i, item))
            else:
                placed.append((slot, i, item))
        aisles = sorted({self.aisle_rank(s): s.aisle_key for s, _, _ in placed}.items())
        up = {key: (n % 2 == 0) == self.config.first_aisle_up for n, (_, key) in enumerate(aisles)}

        def key(entry: tuple[Slot, int, T]) -> tuple[tuple[int, int], int, int, int]:
            slot, i, _ = entry
            shelf = slot.shelf if up[slot.aisle_key] else -slot.shelf
            return (self.aisle_rank(slot), shelf, slot.level, i)

        placed.sort(key=key)
        rest.sort(key=lambda entry: (entry[0], entry[1]))
        return [item for _, _, item in placed] + [item for _, _, item in rest]

    # --- length --------------------------------------------------------------------------------

    def point(self, slot: Slot) -> tuple[float, float]:
        """The slot's place on the floor (x across the aisles, y along its aisle), in metres."""
        x = self._x.get(slot.aisle_key)
        if x is None:  # an aisle the warehouse did not list: beyond its last one
            x = max(self._x.values(), default=0.0) + self.config.aisle_pitch * (1 + slot.aisle)
        return (x, slot.shelf * self.config.shelf_pitch)

    def distance(self, a: Slot | None, b: Slot | None) -> float:
        """Metres between two slots (None is the depot), along the aisles."""
        if a is not None and b is not None and a.aisle_key == b.aisle_key:
            return abs(a.shelf - b.shelf) * self.config.shelf_pitch
        xa, ya = (0.0, 0.0) if a is None else self.point(a)
        xb, yb = (0.0, 0.0) if b is None else self.point(b)
        return abs(xa - xb) + min(ya + yb, 2 * self.depth - ya - yb)

    def length(self, locations: Iterable[str | None]) -> float:
        """Metres walked from the depot through ``locations`` in the given order and back."""
        total = 0.0
        here: Slot | None = None
        for loc in locations:
            slot = parse_slot(loc)
            if slot is None:
                continue
            total += self.distance(here, slot)
            here = slot
        return total + self.distance(here, None)
