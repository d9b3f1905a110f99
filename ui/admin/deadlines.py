"""Deadline rules per document type (administrator): count, unit, what happens on a
non-working last day, legal reference, maximum extension.

Saved through ``app.rules.update_deadline_rule``; a negative or non-numeric count is
shown under its field and nothing is written. A rule applies to new registrations.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import messages
from app.rules import DeadlineRuleInfo, list_deadline_rules, update_deadline_rule
from ui.admin.common import (
    InlineErrors,
    RowsModel,
    failure_handler,
    may,
    notice_label,
    tab_chain,
)
from ui.context import AppContext
from ui.tasks import TaskRunner


class DeadlineRulesDialog(QDialog):
    saved = Signal(object)  # DeadlineRuleInfo

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self._gen = 0
        self._current: DeadlineRuleInfo | None = None
        self.ready = False
        self.setWindowTitle(self.tr("ვადების წესები"))
        self.setMinimumWidth(760)
        self.units = {
            "calendar_days": self.tr("კალენდარული დღე"),
            "working_days": self.tr("სამუშაო დღე"),
            "months": self.tr("თვე"),
            "none": self.tr("ვადა არ აქვს (რეზოლუციით)"),
        }
        self.shifts = {
            "next": self.tr("მომდევნო სამუშაო დღეზე"),
            "previous": self.tr("წინა სამუშაო დღეზე"),
            "none": self.tr("არ გადაიტანება"),
        }
        en = messages.current_language() == "en"

        self.model = RowsModel(
            [
                (self.tr("დოკუმენტის ტიპი"), lambda r: r.name_en if en and r.name_en else r.name),
                (self.tr("ხანგრძლივობა"), lambda r: "" if r.unit == "none" else str(r.count)),
                (self.tr("ერთეული"), lambda r: self.units.get(r.unit, r.unit)),
                (self.tr("დასვენების დღეზე"), lambda r: self.shifts.get(r.shift, r.shift)),
                (self.tr("საფუძველი"), lambda r: r.legal_ref),
                (self.tr("გაგრძელება (დღე)"), lambda r: str(r.max_extension_days)),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        list_label = QLabel(self.tr("დოკუმენტის &ტიპები"))
        list_label.setBuddy(self.table)

        self.title = QLabel()
        self.title.setObjectName("rule_title")
        self.title.setStyleSheet("font-weight: bold;")
        self.count = QLineEdit()
        self.count.setPlaceholderText("0–3650")
        self.unit = QComboBox()
        for code, text in self.units.items():
            self.unit.addItem(text, code)
        self.shift = QComboBox()
        for code, text in self.shifts.items():
            self.shift.addItem(text, code)
        self.legal_ref = QLineEdit()
        self.legal_ref.setPlaceholderText(self.tr("მაგ. სზაკ, მუხ. 40"))
        self.max_extension = QLineEdit()
        self.max_extension.setPlaceholderText(self.tr("დღე"))

        self.errors = InlineErrors()
        form = QFormLayout()
        form.addRow(self.title)
        for title, name, widget in (
            (self.tr("ხანგრძლი&ვობა"), "deadline_count", self.count),
            (self.tr("&ერთეული"), "deadline_unit", self.unit),
            (self.tr("თუ ბოლო დღე &დასვენებისაა"), "nonworking_shift", self.shift),
            (self.tr("სამართლებრივი &საფუძველი"), "legal_ref", self.legal_ref),
            (self.tr("&გაგრძელების მაქსიმუმი (დღე)"), "max_extension_days", self.max_extension),
        ):
            lbl = QLabel(title)
            lbl.setBuddy(widget)
            form.addRow(lbl, self.errors.field(name, widget))
        self.errors.alias("doc_type", "deadline_count")

        self.notice = notice_label("notice")
        self.save_button = QPushButton(self.tr("&შენახვა"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("დახურვა"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(list_label)
        lay.addWidget(self.table, 1)
        lay.addLayout(form)
        lay.addWidget(self.errors.general)
        lay.addWidget(self.notice)
        lay.addWidget(buttons)

        tab_chain(
            self,
            self.table,
            self.count,
            self.unit,
            self.shift,
            self.legal_ref,
            self.max_extension,
            self.save_button,
        )
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self._editable = may(ctx.actor, "edit_deadline_rules")
        self._set_form_enabled(False)
        self.reload()

    def _set_form_enabled(self, on: bool) -> None:
        on = on and self._editable
        for w in (
            self.count,
            self.unit,
            self.shift,
            self.legal_ref,
            self.max_extension,
            self.save_button,
        ):
            w.setEnabled(on)
        if on:
            self._unit_changed()

    def _unit_changed(self) -> None:
        self.count.setEnabled(self._editable and self.unit.currentData() != "none")

    def reload(self, select_code: str | None = None) -> None:
        self._gen += 1
        gen = self._gen
        db, actor = self._ctx.db, self._ctx.actor

        def done(rows: list[DeadlineRuleInfo]) -> None:
            if gen != self._gen:
                return
            self.model.set_rows(rows)
            for i, r in enumerate(rows):
                if select_code is None or r.code == select_code:
                    self.table.selectRow(i)
                    break
            self.ready = True

        self._runner.run(
            lambda _p, c: list_deadline_rules(db, actor),
            None,
            done,
            on_error=failure_handler(self, self.errors),
            owner=self,
        )

    def _row_chosen(self) -> None:
        r = self.model.row(self.table.currentIndex().row())
        if r is not None:
            self.load(r)

    def load(self, r: DeadlineRuleInfo) -> None:
        self._current = r
        en = messages.current_language() == "en"
        self.title.setText(r.name_en if en and r.name_en else r.name)
        self.count.setText(str(r.count))
        self.unit.setCurrentIndex(max(0, self.unit.findData(r.unit)))
        self.shift.setCurrentIndex(max(0, self.shift.findData(r.shift)))
        self.legal_ref.setText(r.legal_ref)
        self.max_extension.setText(str(r.max_extension_days))
        self.errors.clear()
        self._set_form_enabled(True)

    def save(self) -> None:
        r = self._current
        if r is None:
            return
        self.errors.clear()
        self.notice.hide()
        db, actor, clock = self._ctx.db, self._ctx.actor, self._ctx.clock
        code = r.code
        count, unit, shift = (
            self.count.text(),
            str(self.unit.currentData()),
            str(self.shift.currentData()),
        )
        ref, ext = self.legal_ref.text(), self.max_extension.text()
        self.save_button.setEnabled(False)
        on_error = failure_handler(self, self.errors)

        def done(info: DeadlineRuleInfo) -> None:
            self.save_button.setEnabled(True)
            self.notice.setText(
                self.tr("შენახულია: %1. ახალი წესი ახალ რეგისტრაციებზე ვრცელდება.").replace(
                    "%1", info.name
                )
            )
            self.notice.show()
            self.saved.emit(info)
            self.reload(select_code=info.code)

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            on_error(exc)

        self._runner.run(
            lambda _p, c: update_deadline_rule(
                db,
                actor,
                code,
                count=count,
                unit=unit,
                shift=shift,
                legal_ref=ref,
                max_extension_days=ext,
                clock=clock,
            ),
            None,
            done,
            on_error=failed,
            owner=self,
        )
