"""Base table models: rows are plain records, columns are declared once.

``RecordTableModel`` shows a list of records (dataclasses, dicts, tuples: anything) through
:class:`Column` definitions. A row can be greyed out with a reason (the issuing screen shows units
still in transit that way), coloured by tone ("ok", "error", "warn") and found by key. Models hold
no core objects: screens fetch rows through operations and hand them over with ``set_rows``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from .theme import TONES

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: a title (already translated), how to get the text, alignment."""

    title: str
    text: Callable[[R], Any]
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    bold: bool = False


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table over ``rows``; ``key`` finds a row, ``tone``/``greyed`` style it."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        *,
        key: Callable[[R], Any] | None = None,
        tone: Callable[[R], str | None] | None = None,
        greyed: Callable[[R], str | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []
        self._key = key
        self._tone = tone
        self._greyed = greyed
        self._bold = QFont()
        self._bold.setBold(True)

    # --- data in -----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_columns(self, columns: Sequence[Column[R]]) -> None:
        """Swap the columns (after a language change, titles are re-translated)."""
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    def update_row(self, row: R) -> bool:
        """Replace the row with the same key; False when no row has it."""
        if self._key is None:
            return False
        wanted = self._key(row)
        for i, existing in enumerate(self._rows):
            if self._key(existing) == wanted:
                self._rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self._columns) - 1))
                return True
        return False

    # --- data out ----------------------------------------------------------------------------
    @property
    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, i: int) -> R:
        return self._rows[i]

    def find(self, key: Any) -> int:
        """Row number of the record whose key equals ``key``, or -1."""
        if self._key is None:
            return -1
        for i, row in enumerate(self._rows):
            if self._key(row) == key:
                return i
        return -1

    def cell_text(self, row: int, column: int) -> str:
        return str(self.data(self.index(row, column)) or "")

    # --- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.text(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        reason = self._greyed(row) if self._greyed else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if reason:
                return QBrush(TONES["muted"])
            tone = self._tone(row) if self._tone else None
            return QBrush(TONES[tone]) if tone in TONES else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if reason:
                return QBrush(TONES["muted_bg"])
            tone = self._tone(row) if self._tone else None
            return QBrush(TONES[f"{tone}_bg"]) if tone and f"{tone}_bg" in TONES else None
        if role == Qt.ItemDataRole.ToolTipRole:
            # a greyed row says why; otherwise the cell's own text, whole where the view elides it
            return reason or ("" if (text := column.text(row)) is None else str(text)) or None
        if role == Qt.ItemDataRole.FontRole and column.bold:
            return self._bold
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self._rows[index.row()]
        if self._greyed and self._greyed(row):
            return Qt.ItemFlag.ItemIsSelectable
        return flags

    def is_greyed(self, row: int) -> str | None:
        return self._greyed(self._rows[row]) if self._greyed else None
