"""Page and label sizes the printing code supports."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    """A page size in millimetres with its printable margins.

    Thermal labels print edge to edge (small margins); A4 sheets keep office-printer margins.
    """

    name: str
    width_mm: float
    height_mm: float
    margin_mm: float = 0.0

    @property
    def size_mm(self) -> tuple[float, float]:
        return (self.width_mm, self.height_mm)

    def content_mm(self) -> tuple[float, float]:
        return (self.width_mm - 2 * self.margin_mm, self.height_mm - 2 * self.margin_mm)


LABEL_58x40 = PageSpec("58x40", 58.0, 40.0, 0.0)  # PVZ counter printer: cells, units, badges
LABEL_100x150 = PageSpec("100x150", 100.0, 150.0, 0.0)  # shipping labels: boxes (SSCC)
A4 = PageSpec("A4", 210.0, 297.0, 15.0)  # reports and acts

PAGES = {p.name: p for p in (LABEL_58x40, LABEL_100x150, A4)}


def page_by_name(name: str) -> PageSpec:
    try:
        return PAGES[name]
    except KeyError:
        raise ValueError(f"unknown page size {name!r}; known: {', '.join(PAGES)}") from None
