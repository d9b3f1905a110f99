"""The filter bar over the registry: every choice becomes a field of RegistryQuery (SQL)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from app import messages
from app.lookups import Choice
from app.refdata import CHANNEL_NAMES, STATUS_NAMES, label
from app.registry import OPEN_STATUSES, RegistryQuery


def fit_first_item(combo: QComboBox) -> None:
    """*combo* at least as wide as its first entry ("All departments", "Saved filters…"):
    a minimum contents length counts Latin "X"s, and Georgian letters are wider."""
    fm = combo.fontMetrics()
    chars = -(-fm.horizontalAdvance(combo.itemText(0)) // fm.horizontalAdvance("X")) + 1
    combo.setMinimumContentsLength(max(combo.minimumContentsLength(), chars))


class FilterBar(QWidget):
    changed = Signal()

    def __init__(
        self,
        doc_types: Sequence[Choice] = (),
        departments: Sequence[Choice] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        lang = messages.current_language()
        self.status = QComboBox()
        self.status.addItem(self.tr("ყველა სტატუსი"), ())
        self.status.addItem(self.tr("ღია"), OPEN_STATUSES)
        for code in STATUS_NAMES:
            self.status.addItem(label(STATUS_NAMES, code, lang), (code,))
        self.doc_type = QComboBox()
        self.doc_type.addItem(self.tr("ყველა ტიპი"), None)
        self.department = QComboBox()
        self.department.addItem(self.tr("ყველა სამსახური"), None)
        self.dept_ids: dict[str, int] = {}
        self._add_choices(doc_types, departments)
        self.channel = QComboBox()
        self.channel.addItem(self.tr("ყველა არხი"), None)
        for code in CHANNEL_NAMES:
            self.channel.addItem(label(CHANNEL_NAMES, code, lang), code)
        self.overdue = QCheckBox(self.tr("ვადაგადა&ცილებული"))
        self.due_soon = QCheckBox(self.tr("ვადა &ახლოვდება:"))
        self.soon_days = QSpinBox()
        self.soon_days.setRange(0, 60)
        self.soon_days.setValue(3)
        self.soon_days.setSuffix(self.tr(" სამ. დღე"))
        # Never narrower than "60 … days" (a spin box would shrink to its digits).
        self.soon_days.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.control = QCheckBox(self.tr("&კონტროლზე"))
        self.saved = QComboBox()
        self.saved.setObjectName("saved_filters")
        self.saved.setMinimumContentsLength(12)
        self.saved.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.saved.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.save_button = QPushButton(self.tr("ფილტრის &შენახვა…"))
        lay = QGridLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("ფილტრი:")), 0, 0)
        combos = QHBoxLayout()
        for w in (self.status, self.doc_type, self.department, self.channel):
            combos.addWidget(w)
        combos.addStretch(1)
        lay.addLayout(combos, 0, 1)
        boxes = QHBoxLayout()
        for w in (self.overdue, self.due_soon, self.soon_days, self.control):
            boxes.addWidget(w)
        boxes.addStretch(1)
        boxes.addWidget(self.saved)
        boxes.addWidget(self.save_button)
        lay.addLayout(boxes, 1, 1)
        for combo, chars in ((self.status, 14), (self.doc_type, 16), (self.department, 8),
                             (self.channel, 10)):  # fmt: skip
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(chars)
            fit_first_item(combo)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for box in (self.overdue, self.due_soon, self.control):
            box.toggled.connect(lambda _on: self.changed.emit())
        self.soon_days.valueChanged.connect(
            lambda _v: self.changed.emit() if self.due_soon.isChecked() else None
        )

    def _add_choices(self, doc_types: Sequence[Choice], departments: Sequence[Choice]) -> None:
        en = messages.current_language() == "en"
        for c in doc_types:
            self.doc_type.addItem(c.name_en if en and c.name_en else c.name, c.code)
        for c in departments:
            self.department.addItem(c.code, c.code)

    def set_choices(
        self, doc_types: Sequence[Choice], departments: Sequence[Choice], ids: dict[str, int]
    ) -> None:
        """The document types and departments (loaded off the GUI thread) — a choice
        already made is kept, and nothing is emitted."""
        chosen = [(combo, combo.currentData()) for combo in (self.doc_type, self.department)]
        for combo, _value in chosen:
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(combo.count() - 1)
        self._add_choices(doc_types, departments)
        for combo, value in chosen:
            i = combo.findData(value)
            combo.setCurrentIndex(i if i >= 0 else 0)
            combo.blockSignals(False)
        self.set_department_ids(ids)

    def set_department_ids(self, ids: dict[str, int]) -> None:
        self.dept_ids = dict(ids)

    def apply(self, q: RegistryQuery) -> RegistryQuery:
        """*q* with this bar's choices (sort, kind and viewer untouched)."""
        dept = self.department.currentData()
        return replace(
            q,
            status=tuple(self.status.currentData() or ()),
            doc_type=self.doc_type.currentData(),
            department_id=self.dept_ids.get(dept) if dept else None,
            channel=self.channel.currentData(),
            overdue=self.overdue.isChecked(),
            due_within_days=self.soon_days.value() if self.due_soon.isChecked() else None,
            under_control=True if self.control.isChecked() else None,
        )

    def set_saved(self, names: list[str]) -> None:
        self.saved.blockSignals(True)
        self.saved.clear()
        self.saved.addItem(self.tr("შენახული ფილტრები…"), "")
        for name in names:
            self.saved.addItem(name, name)
        fit_first_item(self.saved)
        self.saved.blockSignals(False)

    def show_query(self, q: RegistryQuery) -> None:
        """Set the controls to *q*'s filters without emitting ``changed``."""
        self.clear()
        widgets = (self.status, self.doc_type, self.department, self.channel, self.overdue,
                   self.due_soon, self.soon_days, self.control)  # fmt: skip
        for w in widgets:
            w.blockSignals(True)
        codes = {i: code for code, i in self.dept_ids.items()}
        for combo, value in (
            (self.status, tuple(q.status)),
            (self.doc_type, q.doc_type),
            (self.department, codes.get(q.department_id) if q.department_id else None),
            (self.channel, q.channel),
        ):
            i = combo.findData(value)
            combo.setCurrentIndex(i if i >= 0 else 0)
        self.overdue.setChecked(q.overdue)
        self.due_soon.setChecked(q.due_within_days is not None)
        if q.due_within_days is not None:
            self.soon_days.setValue(q.due_within_days)
        self.control.setChecked(bool(q.under_control))
        for w in widgets:
            w.blockSignals(False)

    def clear(self) -> None:
        for combo in (self.status, self.doc_type, self.department, self.channel):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for box in (self.overdue, self.due_soon, self.control):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
