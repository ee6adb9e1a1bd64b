"""Money as integer kopecks: no floats anywhere near a price."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True, slots=True)
class Money:
    kopecks: int
    currency: str = "RUB"

    def __post_init__(self) -> None:
        if not isinstance(self.kopecks, int) or isinstance(self.kopecks, bool):
            raise TypeError("Money holds whole kopecks as int")

    @classmethod
    def rub(cls, rubles: int, kopecks: int = 0) -> Money:
        return cls(rubles * 100 + kopecks)

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.kopecks + other.kopecks, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.kopecks - other.kopecks, self.currency)

    def __mul__(self, factor: int) -> Money:
        return Money(self.kopecks * factor, self.currency)

    def _same(self, other: Money) -> None:
        if self.currency != other.currency:
            raise ValueError(f"currency mismatch: {self.currency} vs {other.currency}")

    def format(self) -> str:
        """'1 234,50 ₽' as Russian receipts write it."""
        sign = "-" if self.kopecks < 0 else ""
        rub, kop = divmod(abs(self.kopecks), 100)
        whole = f"{rub:,}".replace(",", "\u00a0")
        symbol = "₽" if self.currency == "RUB" else self.currency
        return f"{sign}{whole},{kop:02d}\u00a0{symbol}"
