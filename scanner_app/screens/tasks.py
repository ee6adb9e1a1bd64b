"""Pick tasks made from OrderPaid events, oldest first, with progress; refresh by a pull or a button."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QScroller,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from shared.barcodes import Scan, ScanKind
from shared.domain.cutoffs import CutoffState, cutoff_state
from shared.qt.messages import fmt
from shared.qt.theme import repolish
from shared.store.models import TaskView

from .. import texts
from ..logic.cluster import CART_SIZE
from ..logic.common import Level, wrong_kind
from .base import Context, ScanScreen, big_button, info_label

ROW_HEIGHT = 76
PULL_DISTANCE = 90  # px dragged down at the top of the list to refresh

Index = QModelIndex | QPersistentModelIndex


class TaskListModel(QAbstractListModel):
    """Tasks as rows; the delegate paints them, so 5,000 rows cost nothing until shown."""

    TaskRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TaskView] = []

    def set_rows(self, rows: list[TaskView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        task = self._rows[index.row()]
        if role == self.TaskRole:
            return task
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{task.order_id} {task.done}/{task.total}"
        return None

    def task(self, row: int) -> TaskView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


class TaskDelegate(QStyledItemDelegate):
    """Order number, age and a progress bar per row, in type readable at arm's length."""

    def __init__(self, screen: TaskListScreen) -> None:
        super().__init__(screen)
        self._screen = screen
        self._big = QFont()
        self._big.setPixelSize(22)
        self._big.setBold(True)
        self._small = QFont()
        self._small.setPixelSize(16)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        task = index.data(TaskListModel.TaskRole)
        if task is None:
            return
        rect = option.rect.adjusted(6, 4, -6, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        state = self._screen.cutoff_state(task)
        late = state in (CutoffState.AT_RISK, CutoffState.MISSED)
        painter.save()
        border = QColor("#1f4fd1") if selected else QColor("#b3261e") if late else QColor("#c8c8d0")
        painter.setPen(QPen(border, 3 if selected or late else 1))
        fill = "#eef3ff" if selected else "#fdecea" if late else "#ffffff"
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(rect, 8, 8)
        inner = rect.adjusted(12, 6, -12, -6)
        painter.setPen(QColor("#111111"))
        painter.setFont(self._big)
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width() - 110, 30),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self._screen.order_title(task),
        )
        painter.drawText(
            QRect(inner.right() - 110, inner.top(), 110, 30),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            f"{task.done}/{task.total}",
        )
        painter.setFont(self._small)
        if late:
            self._small.setBold(True)
            painter.setFont(self._small)
            self._small.setBold(False)
        painter.setPen(QColor("#b3261e") if late else QColor("#3a3a3a"))
        painter.drawText(
            QRect(inner.left(), inner.top() + 32, inner.width() - 130, 26),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self._screen.cutoff_text(task) or self._screen.age_text(task),
        )
        bar = QRect(inner.right() - 120, inner.top() + 40, 120, 12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e0e0e6"))
        painter.drawRoundedRect(bar, 5, 5)
        if task.total:
            filled = QRect(bar.left(), bar.top(), int(bar.width() * task.done / task.total), bar.height())
            painter.setBrush(QColor("#147a2e"))
            painter.drawRoundedRect(filled, 5, 5)
        painter.restore()


class _PullToRefresh(QObject):
    """A downward drag that starts at the top of the list asks for a refresh when released."""

    pulled = Signal()
    pulling = Signal(bool)

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._start: float | None = None
        self._armed = False
        view.viewport().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            at_top = self._view.verticalScrollBar().value() == self._view.verticalScrollBar().minimum()
            self._start = event.position().y() if at_top else None
            self._armed = False
        elif kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent) and self._start is not None:
            armed = event.position().y() - self._start >= PULL_DISTANCE
            if armed != self._armed:
                self._armed = armed
                self.pulling.emit(armed)
        elif kind == QEvent.Type.MouseButtonRelease and self._start is not None:
            self._start = None
            if self._armed:
                self._armed = False
                self.pulling.emit(False)
                self.pulled.emit()
                return True  # a pull is not a tap on a task
        return False


class TaskListScreen(ScanScreen):
    name = "tasks"
    opened = Signal(str)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.header = info_label(self, "LineInfo")
        self.pull_hint = info_label(self, "PullHint", centered=True)
        self.pull_hint.hide()
        self.model = TaskListModel(self)
        self.view = QListView(self)
        self.view.setObjectName("TaskList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(TaskDelegate(self))
        self.view.setUniformItemSizes(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.activated.connect(self._open_index)
        self.view.clicked.connect(self._open_index)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        QScroller.grabGesture(self.view.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.pull = _PullToRefresh(self.view)
        self.pull.pulled.connect(self.reload)
        self.pull.pulling.connect(self._pulling)
        self.body.addWidget(self.header)
        self.body.addWidget(self.pull_hint)
        self.body.addWidget(self.view, 1)
        self.refresh_button = self.add_action(big_button("", self), "F5", self.reload)
        self.open_button = self.add_action(big_button("", self, primary=True), "F2", self.open_selected)
        self.back = self.add_action(big_button("", self), "Esc", lambda: self.go("menu"))
        self.cart_button = self.add_action(big_button("", self), "F3", self.open_cart)
        self.button_row(self.refresh_button, self.open_button)
        self.button_row(self.back, self.cart_button)
        self.code.hide()
        self.code_ok.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.label_button(self.refresh_button, self.tr("Refresh"))
        self.label_button(self.open_button, self.tr("Start"))
        self.label_button(self.back, self.tr("Menu"))
        self.label_button(self.cart_button, fmt(self.tr("Cart of %1"), self.cart_size()))
        self.pull_hint.setText(self.tr("Release to refresh"))

    def title(self) -> str:
        return self.tr("Pick tasks")

    def cart_size(self) -> int:
        """Totes on this warehouse's cart: its setting, pulled with the site (default 6)."""
        size = self.ctx.services.data.cart_size()
        return size if size > 0 else CART_SIZE

    def order_title(self, task: TaskView) -> str:
        order = task.order_id if len(task.order_id) <= 12 else "…" + task.order_id[-8:]
        return fmt(self.tr("Order %1"), order)

    def age_text(self, task: TaskView) -> str:
        if task.created_at is None:
            return ""
        now = self.ctx.services.clock.now()
        minutes = max(0, int((now - task.created_at).total_seconds() // 60))
        if minutes < 60:
            return fmt(self.tr("paid %1 min ago"), minutes)
        hours = minutes // 60
        if hours < 48:
            return fmt(self.tr("paid %1 h ago"), hours)
        return fmt(self.tr("paid %1 d ago"), hours // 24)

    def cutoff_state(self, task: TaskView) -> CutoffState:
        return cutoff_state(task.departs_at, task.left, self.ctx.services.clock.now())

    def cutoff_text(self, task: TaskView) -> str:
        """'Тверская день 14:00', or what is wrong with it: 'Will miss 14:00', 'Route left 14:00'."""
        if task.departs_at is None:
            return ""
        at = task.departs_at.astimezone().strftime("%H:%M")
        state = self.cutoff_state(task)
        if state is CutoffState.MISSED:
            return fmt(self.tr("Route left at %1: %2"), at, task.route_name)
        if state is CutoffState.AT_RISK:
            return fmt(self.tr("Will miss %1: %2"), at, task.route_name)
        return fmt(self.tr("Leaves %1: %2"), at, task.route_name)

    def activate(self, arg: Any = None) -> None:
        self.refresh()
        self.view.setFocus()

    def refresh(self) -> None:
        tasks = self.ctx.services.data.pick_tasks(True)
        current = self.model.task(self.view.currentIndex().row())
        self.model.set_rows(tasks)
        row = 0
        if current is not None:
            row = next((i for i, t in enumerate(tasks) if t.id == current.id), 0)
        if tasks:
            self.view.setCurrentIndex(self.model.index(row))
        self.label_button(self.cart_button, fmt(self.tr("Cart of %1"), self.cart_size()))
        self.render_prompt()

    def reload(self) -> None:
        """Refresh button or pull: sync when a connection is there, then re-read the local store."""
        sync = self.ctx.services.sync
        if sync is not None:
            sync.sync_now()  # runs off the GUI thread; its change set refreshes this screen again
        self.refresh()

    def render_prompt(self) -> None:
        count = self.model.rowCount()
        rows = [self.model.task(i) for i in range(count)]
        late = sum(
            1
            for t in rows
            if t is not None and self.cutoff_state(t) in (CutoffState.AT_RISK, CutoffState.MISSED)
        )
        header = fmt(self.tr("Open tasks: %1 · by route departure"), count)
        if late:
            header += "\n" + fmt(self.tr("%1 will miss their route: pick them first"), late)
        self.header.setText(header)
        self.header.setProperty("tone", "error" if late else "")
        repolish(self.header)
        self.set_prompt(self.tr("Choose a task") if count else self.tr("No open tasks"))
        self.open_button.setEnabled(count > 0)
        self.cart_button.setEnabled(count > 0)

    def _pulling(self, armed: bool) -> None:
        self.pull_hint.setVisible(armed)

    def on_scan(self, scan: Scan) -> None:
        """A unit label opens the open task it belongs to."""
        if scan.kind is not ScanKind.UNIT:
            self.show_result(Level.ERROR, texts.render(wrong_kind(scan, ScanKind.UNIT).message))
            return
        unit = self.ctx.services.data.unit_by_label(scan.code)
        rows = [self.model.task(i) for i in range(self.model.rowCount())]
        task = next(
            (t for t in rows if t is not None and unit is not None and t.order_id == unit.order_id), None
        )
        if task is None:
            self.show_result(Level.ERROR, self.tr("This unit is in no open task."))
            return
        self.go("pick", task.id)

    def _open_index(self, index: QModelIndex) -> None:
        task = self.model.task(index.row())
        if task is not None:
            self.go("pick", task.id)

    def open_cart(self) -> None:
        """Cluster picking: the first tasks of the list (earliest departures) onto one cart."""
        rows = [self.model.task(i) for i in range(min(self.cart_size(), self.model.rowCount()))]
        ids = [t.id for t in rows if t is not None]
        if ids:
            self.go("cluster", ids)

    def open_selected(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0)
        self._open_index(index)
