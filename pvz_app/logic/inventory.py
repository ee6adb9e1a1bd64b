"""Inventory of one cell: what should be there against what was scanned."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class CellCount:
    """Expected unit ids (from the local read model) and the unit ids scanned in the cell."""

    cell_id: str
    expected: dict[str, str]  # unit id -> label
    scanned: dict[str, str] = field(default_factory=dict)  # unit id -> label, in scan order
    products: dict[str, str] = field(default_factory=dict)  # unit id -> product name, where known

    def scan(self, unit_id: str, label: str, product: str = "") -> bool:
        """Count a unit; False when it was already counted."""
        if unit_id in self.scanned:
            return False
        self.scanned[unit_id] = label
        if product:
            self.products.setdefault(unit_id, product)
        return True

    @property
    def found(self) -> list[str]:
        return [u for u in self.scanned if u in self.expected]

    @property
    def missing(self) -> list[str]:
        return [u for u in self.expected if u not in self.scanned]

    @property
    def unexpected(self) -> list[str]:
        return [u for u in self.scanned if u not in self.expected]

    def payload(self) -> dict[str, object]:
        return {
            "cell_id": self.cell_id,
            "found": self.found,
            "missing": self.missing,
            "unexpected": self.unexpected,
        }


def diff(expected: Iterable[str], scanned: Iterable[str]) -> tuple[list[str], list[str]]:
    """(missing, unexpected) between two collections of ids, keeping their order."""
    exp = list(dict.fromkeys(expected))
    got = list(dict.fromkeys(scanned))
    return [u for u in exp if u not in set(got)], [u for u in got if u not in set(exp)]
