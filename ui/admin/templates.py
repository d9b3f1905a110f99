"""Numbering templates (administrator): the list, and one template edited with a live
preview of the numbers it gives.

Saving goes through ``app.rules.save_template``: a pattern that could repeat a number
(no ``{seq}``, unknown token, one that collides with another template) is shown under
the field and nothing is written. The sequence continues unless "restart" is ticked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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

from app import lookups, messages
from app.errors import UserError
from app.lookups import Choice
from app.refdata import KIND_NAMES, label
from app.rules import TemplateInfo, delete_template, list_templates, preview, save_template
from ui.admin.common import (
    ERROR_STYLE,
    InlineErrors,
    RowsModel,
    choice_name,
    confirm,
    failure_handler,
    may,
    notice_label,
    tab_chain,
)
from ui.context import AppContext
from ui.tasks import Control, TaskRunner

PREVIEW_SEQS = (1, 2, 125)


class TemplatesDialog(QDialog):
    saved = Signal(object)  # TemplateInfo, after a save
    deleted = Signal(int)  # template id

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self._templates: list[TemplateInfo] = []
        self._current: TemplateInfo | None = None
        self._gen = 0
        self.ready = False
        self.setWindowTitle(self.tr("ნომრის შაბლონები"))
        self.setMinimumWidth(720)
        lang = messages.current_language()

        self.model = RowsModel(
            [
                (self.tr("სახე"), lambda t: t.kind_label),
                (self.tr("სამსახური"), lambda t: t.department_code or self.tr("ყველა")),
                (self.tr("შაბლონი"), lambda t: t.pattern),
                (self.tr("შემდეგი ნომერი"), lambda t: t.next_number),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        list_label = QLabel(self.tr("შაბლონების &სია"))
        list_label.setBuddy(self.table)

        self.kind = QComboBox()
        for code in KIND_NAMES:
            self.kind.addItem(label(KIND_NAMES, code, lang), code)
        self.department = QComboBox()
        self.department.addItem(self.tr("— ყველა სამსახური (ზოგადი) —"), "")
        self._departments_loaded = False  # with the first list of templates (reload)
        self.pattern = QLineEdit()
        self.pattern.setObjectName("pattern")
        self.pattern.setPlaceholderText("{kind}-{seq}/{yyyy}")
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        help_text = QLabel(
            self.tr(
                "ჩანაცვლებები: {seq} — რიგითი ნომერი (სავალდებულო); {seq:05d} — ნულებით "
                "შევსებული (00001); {yyyy} — წელი (2026); {yy} — წელი ორი ციფრით (26); "
                "{dept} — სამსახურის კოდი; {kind} — სახის ასო (შ, გ, შდ)."
            )
        )
        help_text.setObjectName("tokens_help")
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color: #555;")
        self.restart = QCheckBox(self.tr("ნუმერაცია &თავიდან დაიწყოს (შემდეგი ნომერი — 1)"))
        self.state = QLabel()
        self.state.setObjectName("state")

        self.errors = InlineErrors()
        form = QFormLayout()
        for title, name, widget in (
            (self.tr("ს&ახე"), "kind", self.kind),
            (self.tr("სამსა&ხური"), "department", self.department),
            (self.tr("შაბ&ლონი"), "pattern", self.pattern),
        ):
            lbl = QLabel(title)
            lbl.setBuddy(widget)
            form.addRow(lbl, self.errors.field(name, widget))
        self.errors.alias("template", "pattern")
        form.addRow(self.tr("ნიმუში"), self.preview)
        form.addRow("", help_text)
        form.addRow("", self.restart)
        form.addRow("", self.state)

        self.notice = notice_label("notice")
        self.save_button = QPushButton(self.tr("&შენახვა"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("სამსახურის შაბლონის &წაშლა"))
        self.delete_button.clicked.connect(self.delete)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("დახურვა"))
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(list_label)
        lay.addWidget(self.table, 1)
        lay.addLayout(form)
        lay.addWidget(self.errors.general)
        lay.addWidget(self.notice)
        lay.addWidget(self.buttons)

        tab_chain(
            self,
            self.table,
            self.kind,
            self.department,
            self.pattern,
            self.restart,
            self.save_button,
            self.delete_button,
        )

        self.pattern.textChanged.connect(self.update_preview)
        self.kind.currentIndexChanged.connect(self._target_changed)
        self.department.currentIndexChanged.connect(self._target_changed)
        self.restart.toggled.connect(self._update_state)

        self._editable = may(ctx.actor, "edit_templates")
        if not self._editable:
            for w in (self.pattern, self.restart, self.save_button, self.delete_button):
                w.setEnabled(False)
            self.state.setText(self.tr("შაბლონებს მხოლოდ ადმინისტრატორი ცვლის."))
        self.delete_button.setEnabled(False)
        self.update_preview()
        self.reload()

    # --- loading ----------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        self._gen += 1
        gen = self._gen
        db, actor, clock = self._ctx.db, self._ctx.actor, self._ctx.clock
        with_departments = not self._departments_loaded

        def work(_p: None, _c: Control) -> tuple[list[TemplateInfo], list[Choice] | None]:
            depts = lookups.departments(db) if with_departments else None
            return list_templates(db, actor, clock), depts

        def done(found: tuple[list[TemplateInfo], list[Choice] | None]) -> None:
            rows, depts = found
            if depts is not None and not self._departments_loaded:
                self._departments_loaded = True
                self.department.blockSignals(True)
                for c in depts:
                    self.department.addItem(f"{c.code} — {choice_name(c)}", c.code)
                self.department.blockSignals(False)
            if gen != self._gen:
                return
            self._templates = rows
            self.model.set_rows(rows)
            want = select_id if select_id is not None else (rows[0].id if rows else None)
            for i, t in enumerate(rows):
                if t.id == want:
                    self.table.selectRow(i)
                    break
            self.ready = True

        self._runner.run(
            work,
            None,
            done,
            on_error=failure_handler(self, self.errors),
            owner=self,
        )

    def _row_chosen(self) -> None:
        t = self.model.row(self.table.currentIndex().row())
        if t is not None:
            self.load(t)

    def load(self, t: TemplateInfo) -> None:
        """Put *t* in the form (the combos follow without resetting the pattern)."""
        for combo, value in ((self.kind, t.kind), (self.department, t.department_code)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self._current = t
        self.pattern.setText(t.pattern)
        self.restart.setChecked(False)
        self.errors.clear()
        self._update_state()

    def _find(self, kind: str, dept: str) -> TemplateInfo | None:
        for t in self._templates:
            if t.kind == kind and t.department_code == dept:
                return t
        return None

    def _target_changed(self) -> None:
        kind, dept = self.kind_code(), self.department_code()
        t = self._find(kind, dept)
        if t is not None:
            for i, row in enumerate(self._templates):
                if row.id == t.id:
                    self.table.selectRow(i)  # loads it through _row_chosen
            self.load(t)
            return
        # A department without its own template: start from the kind's general one.
        self._current = None
        general = self._find(kind, "")
        if general is not None:
            self.pattern.setText(general.pattern)
        self.table.clearSelection()
        self.errors.clear()
        self._update_state()

    def _update_state(self) -> None:
        if not self._editable:
            return
        t = self._current
        self.delete_button.setEnabled(t is not None and bool(t.department_code))
        if t is None:
            self.state.setText(self.tr("ახალი შაბლონი: ნუმერაცია 1-დან დაიწყება."))
        elif self.restart.isChecked():
            self.state.setText(self.tr("შენახვის შემდეგ ნუმერაცია 1-დან დაიწყება."))
        else:
            self.state.setText(
                self.tr("ნუმერაცია გაგრძელდება; შემდეგი ნომერი ახლა: %1").replace(
                    "%1", t.next_number
                )
            )

    # --- preview ----------------------------------------------------------------------
    def kind_code(self) -> str:
        return str(self.kind.currentData())

    def department_code(self) -> str:
        return str(self.department.currentData() or "")

    def update_preview(self) -> None:
        """Render the typed pattern as it is typed (a pure function, no database)."""
        today = self._ctx.clock.today()
        try:
            numbers = [
                preview(self.pattern.text(), self.kind_code(), self.department_code(), today, n)
                for n in PREVIEW_SEQS
            ]
        except UserError as exc:
            self.preview.setStyleSheet(ERROR_STYLE)
            self.preview.setText(exc.message())
            return
        self.preview.setStyleSheet("")
        self.preview.setText(", ".join(numbers) + " …")

    # --- saving -----------------------------------------------------------------------
    def save(self) -> None:
        self.errors.clear()
        self.notice.hide()
        db, actor, clock = self._ctx.db, self._ctx.actor, self._ctx.clock
        kind, dept, text = self.kind_code(), self.department_code(), self.pattern.text()
        restart = self.restart.isChecked()
        version = self._current.version if self._current is not None else None
        self.save_button.setEnabled(False)
        on_error = failure_handler(self, self.errors)

        def done(t: TemplateInfo) -> None:
            self.save_button.setEnabled(True)
            self.notice.setText(
                self.tr("შაბლონი შენახულია: %1. შემდეგი ნომერი: %2")
                .replace("%1", t.pattern)
                .replace("%2", t.next_number)
            )
            self.notice.show()
            self.saved.emit(t)
            self.reload(select_id=t.id)

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            on_error(exc)

        self._runner.run(
            lambda _p, c: save_template(
                db,
                actor,
                kind,
                text,
                dept or None,
                restart=restart,
                expected_version=version,
                clock=clock,
            ),
            None,
            done,
            on_error=failed,
            owner=self,
        )

    def delete(self) -> None:
        t = self._current
        if t is None or not t.department_code:
            return
        if not confirm(
            self,
            self.tr("შაბლონის წაშლა"),
            self.tr(
                "წაიშალოს სამსახურის %1 შაბლონი „%2“? მისი დოკუმენტები ზოგად შაბლონს გამოიყენებს."
            )
            .replace("%1", t.department_code)
            .replace("%2", t.pattern),
        ):
            return
        db, actor, clock = self._ctx.db, self._ctx.actor, self._ctx.clock

        def done(_: object) -> None:
            self.deleted.emit(t.id)
            self.notice.setText(self.tr("შაბლონი წაიშალა."))
            self.notice.show()
            self.reload()

        self._runner.run(
            lambda _p, c: delete_template(db, actor, t.id, clock),
            None,
            done,
            on_error=failure_handler(self, self.errors),
            owner=self,
        )
