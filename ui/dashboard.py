"""The home screen of heads and registrars: what is overdue, due, and received.

Each number is a button: Enter or a click opens the registry filtered to exactly
those documents (the query comes with the count from ``app.dashboard``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import messages
from app.dashboard import Cell, Dashboard, DepartmentCounts, dashboard
from app.registry import RegistryQuery
from ui.context import AppContext
from ui.registry.model import day
from ui.tasks import TaskRunner

FIELDS = ("overdue", "due_today", "due_soon", "received_week", "received_month")


class DashboardView(QWidget):
    open_query = Signal(object)  # RegistryQuery
    loaded = Signal()

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self.data: Dashboard | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.table = QTableWidget(0, len(FIELDS))
        self.table.setObjectName("dashboard")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("ვადა-\nგადაცილებული"),
                self.tr("ვადა დღეს"),
                self.tr("3 სამუშაო\nდღეში"),
                self.tr("შემოსული\nამ კვირაში"),
                self.tr("შემოსული\nამ თვეში"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.cellActivated.connect(self._open)
        self.table.cellClicked.connect(self._open)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.table)
        hint = QLabel(self.tr("რიცხვზე დაწკაპუნება ან Enter ხსნის შესაბამის სიას."))
        hint.setStyleSheet("color: #666;")
        lay.addWidget(hint)

    def refresh(self) -> None:
        ctx = self._ctx
        self._runner.run(
            lambda _p, c: dashboard(ctx.db, ctx.actor, ctx.clock, "incoming"),
            None,
            self._show,
            owner=self,
        )

    def _show(self, data: Dashboard) -> None:
        self.data = data
        self.title.setText(self.tr("შემოსული კორესპონდენცია — %1").replace("%1", day(data.today)))
        rows: list[DepartmentCounts] = [data.total, *data.departments]
        en = messages.current_language() == "en"
        self.table.setRowCount(len(rows))
        labels = []
        for r, counts in enumerate(rows):
            if counts.department_id is None:
                labels.append(self.tr("სულ"))
            else:
                labels.append(f"{counts.code} — {counts.name_en if en else counts.name}")
            for c, name in enumerate(FIELDS):
                cell: Cell = getattr(counts, name)
                item = QTableWidgetItem(str(cell.value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setData(Qt.ItemDataRole.UserRole, cell.query)
                if name == "overdue" and cell.value:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
        self.table.setVerticalHeaderLabels(labels)
        self.loaded.emit()

    def query_at(self, row: int, column: int) -> RegistryQuery | None:
        item = self.table.item(row, column)
        q = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return q if isinstance(q, RegistryQuery) else None

    def _open(self, row: int, column: int) -> None:
        q = self.query_at(row, column)
        if q is not None:
            self.open_query.emit(q)
