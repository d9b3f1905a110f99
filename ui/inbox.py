""" "My tasks" (ჩემი დავალებები): what the executor — or the head's department — must do.

Overdue rows are red, rows due within three working days amber. Below, the department's
queue of documents nobody has taken yet, with "Take" for executors.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import routing
from app.routing import TaskCounts, TaskRow
from ui.admin.common import Index, RowsModel, day
from ui.context import AppContext
from ui.errors import show_error
from ui.tasks import TaskRunner

URGENCY_COLOURS = {
    "overdue": (QColor("#fde7e7"), QColor("#9b1c1c")),
    "soon": (QColor("#fff4d6"), QColor("#7a5200")),
}


class TasksModel(RowsModel):
    """Task rows, coloured by urgency (background and text, so it shows when printed too)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            row = self.row(index.row())
            colours = URGENCY_COLOURS.get(row.urgency) if row is not None else None
            if colours is None:
                return None
            back, fore = colours
            return QBrush(back if role == Qt.ItemDataRole.BackgroundRole else fore)
        return super().data(index, role)


def _table(model: RowsModel) -> QTableView:
    t = QTableView()
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setWordWrap(False)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    t.horizontalHeader().setStretchLastSection(True)
    for col, width in enumerate((110, 85, 85, 140, 170, 300)):
        t.setColumnWidth(col, width)
    return t


class TasksView(QWidget):
    open_document = Signal(int)
    counts_changed = Signal(object)  # TaskCounts
    loaded = Signal()

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self._gen = 0
        columns = [
            (self.tr("ნომერი"), lambda t: t.number),
            (self.tr("თარიღი"), lambda t: day(t.reg_date)),
            (self.tr("ვადა"), lambda t: day(t.due_date)),
            (self.tr("სტატუსი"), lambda t: t.status_label),
            (self.tr("კორესპონდენტი"), lambda t: t.correspondent),
            (self.tr("შინაარსი"), lambda t: t.subject),
            (self.tr("შემსრულებელი"), lambda t: t.executor),
        ]
        self.model = TasksModel(columns, self)
        self.table = _table(self.model)
        self.table.setObjectName("tasks")
        self.queue_model = RowsModel(columns[:6], self)
        self.queue = _table(self.queue_model)
        self.queue.setObjectName("queue")
        self.claim_button = QPushButton(self.tr("&აღება შესასრულებლად"))
        self.claim_button.setObjectName("claim")
        self.claim_button.clicked.connect(self.claim_current)
        self.claim_button.setVisible(ctx.actor.role in ("executor", "head"))
        self.heading = QLabel(self.tr("ჩემი დავალებები"))
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.queue_label = QLabel(self.tr("სამსახურის რიგი — ჯერ არავის აუღია"))
        self.queue_label.setStyleSheet("font-weight: bold;")
        legend = QLabel(
            self.tr("წითელი — ვადაგადაცილებული; ყვითელი — ვადა 3 სამუშაო დღეში იწურება.")
        )
        legend.setStyleSheet("color: #555;")
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.summary)
        qrow = QHBoxLayout()
        qrow.addWidget(self.queue_label)
        qrow.addStretch(1)
        qrow.addWidget(self.claim_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(legend)
        lay.addWidget(self.table, 3)
        lay.addLayout(qrow)
        lay.addWidget(self.queue, 2)
        self.table.doubleClicked.connect(lambda i: self._open(self.model, i))
        self.queue.doubleClicked.connect(lambda i: self._open(self.queue_model, i))
        self.ready = False

    def _open(self, model: RowsModel, index: QModelIndex) -> None:
        row = model.row(index.row())
        if row is not None:
            self.open_document.emit(row.id)

    def open_current(self) -> None:
        table = self.queue if self.queue.hasFocus() else self.table
        model = self.queue_model if table is self.queue else self.model
        self._open(model, table.currentIndex())

    def refresh(self) -> None:
        self._gen += 1
        gen = self._gen
        db, actor, clock = self._ctx.db, self._ctx.actor, self._ctx.clock

        def work(_p: None, _c: object) -> tuple[list[TaskRow], list[TaskRow], TaskCounts]:
            return (
                routing.my_tasks(db, actor, clock=clock),
                routing.department_queue(db, actor),
                routing.task_counts(db, actor, clock=clock),
            )

        def done(result: tuple[list[TaskRow], list[TaskRow], TaskCounts]) -> None:
            if gen != self._gen:
                return
            tasks, queue, counts = result
            self.model.set_rows(tasks)
            self.queue_model.set_rows(queue)
            self.summary.setText(
                self.tr("სულ: %1 · ვადაგადაცილებული: %2 · ვადა იწურება: %3")
                .replace("%1", str(counts.total))
                .replace("%2", str(counts.overdue))
                .replace("%3", str(counts.soon))
            )
            if tasks and not self.table.currentIndex().isValid():
                self.table.selectRow(0)
            self.counts_changed.emit(counts)
            self.ready = True
            self.loaded.emit()

        self._runner.run(work, None, done, on_error=lambda exc: show_error(self, exc), owner=self)

    def claim_current(self) -> None:
        row = self.queue_model.row(self.queue.currentIndex().row())
        if row is None:
            return
        ctx = self._ctx
        self._runner.run(
            lambda _p, c: routing.claim(ctx.db, ctx.actor, row.id, clock=ctx.clock),
            None,
            lambda _state: (self.refresh(), self.open_document.emit(row.id)),
            on_error=lambda exc: show_error(self, exc),
            owner=self,
        )
