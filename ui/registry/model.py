"""The registry table: a screenful at a time, fetched off the GUI thread.

Like Anki's browser table: the count first, then blocks of rows by position as the view
asks for them; sorting happens in SQL (``app.registry``), never in Python. A block that
is not loaded yet shows "…" and is requested once; results of a superseded query
(another sort or filter) are dropped by a generation counter.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app import messages, registry
from app.refdata import STATUS_NAMES, label
from app.registry import OPEN_STATUSES, RegistryQuery, RegistryRow
from ui.context import AppContext
from ui.tasks import Control, TaskRunner

BLOCK = 200
MAX_BLOCKS = 40  # 8 000 rows cached at most, whatever the registry's size
LOADING = "…"

Index = QModelIndex | QPersistentModelIndex

# (title, sort key or None) — titles are translated in headerData.
COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("№", "number"),
    (QT_TRANSLATE_NOOP("RegistryModel", "თარიღი"), "reg_date"),
    (QT_TRANSLATE_NOOP("RegistryModel", "კორესპონდენტი"), None),
    (QT_TRANSLATE_NOOP("RegistryModel", "შინაარსი"), None),
    (QT_TRANSLATE_NOOP("RegistryModel", "სახე"), None),
    (QT_TRANSLATE_NOOP("RegistryModel", "სტატუსი"), "status"),
    (QT_TRANSLATE_NOOP("RegistryModel", "ვადა"), "due_date"),
    (QT_TRANSLATE_NOOP("RegistryModel", "სამსახური"), None),
    (QT_TRANSLATE_NOOP("RegistryModel", "შემსრულებელი"), None),
)
OVERDUE = QColor("#b3261e")
DUE_SOON = QColor("#a15c00")


def day(d: dt.date | None) -> str:
    return d.strftime("%d.%m.%Y") if d else ""


class RegistryModel(QAbstractTableModel):
    loaded = Signal(int)  # the count of the (new) query, once known
    failed = Signal(object)

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        # Whose registry from the very first query (a sort before the page is chosen too).
        self._query = RegistryQuery(viewer=ctx.actor, today=ctx.clock.today())
        self._count = 0
        self._blocks: OrderedDict[int, list[RegistryRow]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self.ready = False

    # --- queries ------------------------------------------------------------------
    @property
    def query(self) -> RegistryQuery:
        return self._query

    def set_query(self, q: RegistryQuery) -> None:
        """Show *q*: count and first block are loaded off the GUI thread."""
        self._generation += 1
        gen = self._generation
        self._query = q
        self.ready = False
        db = self._ctx.db

        def load(_p: None, c: Control) -> tuple[int, list[RegistryRow]]:
            n = registry.count(db, q)
            c.check()
            return n, registry.page(db, q, 0, BLOCK)

        def done(result: tuple[int, list[RegistryRow]]) -> None:
            if gen != self._generation:
                return
            n, first = result
            self.beginResetModel()
            self._count = n
            self._blocks.clear()
            self._pending.clear()
            self._blocks[0] = first
            self.endResetModel()
            self.ready = True
            self.loaded.emit(n)

        self._runner.run(load, None, done, on_error=self.failed.emit)

    def refresh(self) -> None:
        self.set_query(self._query)

    def row(self, r: int) -> RegistryRow | None:
        block = self._blocks.get(r // BLOCK)
        if block is None:
            return None
        i = r % BLOCK
        return block[i] if i < len(block) else None

    def row_id(self, r: int) -> int | None:
        found = self.row(r)
        return found.id if found else None

    def _request(self, b: int) -> None:
        if b in self._pending or b in self._blocks:
            return
        self._pending.add(b)
        gen, q, db = self._generation, self._query, self._ctx.db

        def done(rows: list[RegistryRow]) -> None:
            if gen != self._generation:
                return
            self._pending.discard(b)
            self._blocks[b] = rows
            while len(self._blocks) > MAX_BLOCKS:
                self._blocks.popitem(last=False)
            top = b * BLOCK
            bottom = min(top + BLOCK, self._count) - 1
            if bottom >= top:
                self.dataChanged.emit(self.index(top, 0), self.index(bottom, len(COLUMNS) - 1))

        total = self._count
        self._runner.run(
            lambda _p, c: registry.page(db, q, b * BLOCK, BLOCK, total),
            None,
            done,
            on_error=self.failed.emit,
        )

    # --- Qt model -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return self.tr(COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.row(index.row())
        if r is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._request(index.row() // BLOCK)
                return LOADING
            return None
        b = index.row() // BLOCK
        if b in self._blocks:
            self._blocks.move_to_end(b)
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == 6:
            return self._due_brush(r)
        if role == Qt.ItemDataRole.ToolTipRole and col == 3:
            return r.subject
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None

    def _display(self, r: RegistryRow, col: int) -> str:
        if col == 0:
            return r.number + (self.tr(" (კონფ.)") if r.confidential else "")
        if col == 1:
            return day(r.reg_date)
        if col == 2:
            return r.correspondent
        if col == 3:
            return r.subject
        if col == 4:
            en = messages.current_language() == "en" and r.doc_type_en
            return r.doc_type_en if en else r.doc_type
        if col == 5:
            return label(STATUS_NAMES, r.status, messages.current_language())
        if col == 6:
            return day(r.due_date)
        if col == 7:
            return r.department
        return r.executor

    def _due_brush(self, r: RegistryRow) -> QBrush | None:
        if r.due_date is None or r.status not in OPEN_STATUSES:
            return None
        today = self._ctx.clock.today()
        if r.due_date < today:
            return QBrush(OVERDUE)
        if r.due_date <= today + dt.timedelta(days=3):
            return QBrush(DUE_SOON)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column][1]
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending:
            return
        self.set_query(replace(self._query, sort=key, descending=descending))

    def sort_column(self) -> int:
        for i, (_title, key) in enumerate(COLUMNS):
            if key == self._query.sort:
                return i
        return 1
