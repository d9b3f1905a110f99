"""Pieces the administration dialogs share: a table model over frozen rows, inline
field errors (as in the registration form), dates between Qt and Python, confirmation.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget

from app import messages
from app.auth import PERMISSIONS, Actor
from app.errors import UserError
from app.lookups import Choice
from ui.errors import show_error

ERROR_STYLE = "color: #b3261e;"
ERROR_BORDER = "border: 1px solid #b3261e;"
NOTICE_STYLE = "background: #e8f3e8; border: 1px solid #7fb77f; padding: 4px;"

Index = QModelIndex | QPersistentModelIndex
Column = tuple[str, Callable[[Any], str]]


def choice_name(c: Choice) -> str:
    return c.name if messages.current_language() == "ka" or not c.name_en else c.name_en


def day(d: dt.date | None) -> str:
    return d.strftime("%d.%m.%Y") if d else ""


def to_qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(d: QDate) -> dt.date:
    return dt.date(d.year(), d.month(), d.day())


def may(actor: Actor, action: str) -> bool:
    """Whether the role may do *action* (the app layer checks again; this greys buttons)."""
    return actor.role in PERMISSIONS[action]


def tab_chain(parent: QWidget, *widgets: QWidget) -> None:
    """Tab moves through *widgets* in this order."""
    for a, b in itertools.pairwise(widgets):
        parent.setTabOrder(a, b)


def no_default_buttons(dialog: QWidget) -> None:
    """Enter does not click a button of *dialog*; its line edits act on Enter instead.

    (A QDialog otherwise makes the first auto-default button the default one, so Enter
    in a search box would also press, say, "Previous page".)
    """
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


class EnterLineEdit(QLineEdit):
    """A line edit that keeps Enter to itself (``returnPressed``): inside a dialog's
    panel, Enter acts on the panel and does not also press the dialog's default button.
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask Yes/No (No is the default). Tests replace this function."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of frozen dataclass rows.

    *columns* pairs a (translated) title with a function giving the cell text.
    """

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def row(self, i: int) -> Any | None:
        return self._rows[i] if 0 <= i < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._columns[index.column()][1](self._rows[index.row()])
        if role == Qt.ItemDataRole.UserRole:
            return self._rows[index.row()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return self._columns[section][0]
            return None
        return str(section + 1)


class InlineErrors:
    """Error labels under form fields; a UserError goes under the field it names."""

    def __init__(self, general: QLabel | None = None) -> None:
        self.general = general or error_label("general_error")
        self._labels: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}

    def field(self, name: str, widget: QWidget) -> QWidget:
        """*widget* with its (hidden) error label below, to put in a form row."""
        err = error_label(f"error_{name}")
        self._labels[name] = err
        self._widgets[name] = widget
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(widget)
        lay.addWidget(err)
        return box

    def alias(self, name: str, existing: str) -> None:
        """Errors about *name* appear under the field *existing*."""
        self._labels[name] = self._labels[existing]
        self._widgets[name] = self._widgets[existing]

    def clear(self) -> None:
        for name, err in self._labels.items():
            err.hide()
            err.clear()
            self._widgets[name].setStyleSheet("")
        self.general.hide()
        self.general.clear()

    def show(self, exc: UserError) -> None:
        self.clear()
        err = self._labels.get(exc.field or "")
        if err is None:
            self.general.setText(exc.message())
            self.general.show()
            return
        err.setText(exc.message())
        err.show()
        widget = self._widgets[exc.field or ""]
        widget.setStyleSheet(ERROR_BORDER)
        widget.setFocus()

    def text(self, name: str) -> str:
        err = self._labels.get(name)
        return err.text() if err is not None and not err.isHidden() else ""

    def general_text(self) -> str:
        return self.general.text() if not self.general.isHidden() else ""


def failure_handler(parent: QWidget, errors: InlineErrors) -> Callable[[BaseException], None]:
    """The user's error inline under its field; our bug as the apology with a report."""

    def failed(exc: BaseException) -> None:
        if isinstance(exc, UserError):
            errors.show(exc)
        else:
            show_error(parent, exc)

    return failed


def error_label(name: str) -> QLabel:
    err = QLabel()
    err.setObjectName(name)
    err.setStyleSheet(ERROR_STYLE)
    err.setWordWrap(True)
    err.hide()
    return err


def notice_label(name: str) -> QLabel:
    lbl = QLabel()
    lbl.setObjectName(name)
    lbl.setStyleSheet(NOTICE_STYLE)
    lbl.setWordWrap(True)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    lbl.hide()
    return lbl
