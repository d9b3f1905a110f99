"""Staff and departments (administrator): who may log in, in which role and department.

Everything is checked again in ``app.users`` (the last administrator cannot be demoted,
a head or executor needs a department, passwords have a minimum length); errors appear
under the field and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import messages, users
from app.refdata import ROLE_NAMES, label
from app.users import DepartmentInput, DepartmentRow, UserInput, UserRow
from ui.admin.common import (
    InlineErrors,
    RowsModel,
    failure_handler,
    notice_label,
    tab_chain,
)
from ui.context import AppContext
from ui.tasks import TaskRunner


def _table(model: RowsModel) -> QTableView:
    t = QTableView()
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    t.verticalHeader().hide()
    return t


class _AdminList(QDialog):
    """A list above an edit form with New / Save; subclasses say what a row is."""

    saved = Signal(object)

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self._current: Any = None
        self._gen = 0
        self.ready = False
        self.errors = InlineErrors()
        self.notice = notice_label("notice")
        self.new_button = QPushButton(self.tr("&ახალი"))
        self.new_button.clicked.connect(self.new)
        self.save_button = QPushButton(self.tr("&შენახვა"))
        self.save_button.clicked.connect(self.save)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("დახურვა"))
        self.buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

    def _layout(self, table: QTableView, form: QFormLayout, *extra: QWidget) -> None:
        self.table = table
        table.selectionModel().currentRowChanged.connect(self._row_chosen)
        lay = QVBoxLayout(self)
        lay.addWidget(table, 1)
        lay.addLayout(form)
        for w in extra:
            lay.addWidget(w)
        lay.addWidget(self.errors.general)
        lay.addWidget(self.notice)
        lay.addWidget(self.buttons)

    def _load_rows(self, fetch: Callable[[], list[Any]], select_id: int | None) -> None:
        self._gen += 1
        gen = self._gen

        def done(rows: list[Any]) -> None:
            if gen != self._gen:
                return
            self.model.set_rows(rows)
            for i, r in enumerate(rows):
                if r.id == select_id:
                    self.table.selectRow(i)
                    break
            self.ready = True

        self._runner.run(
            lambda _p, c: fetch(),
            None,
            done,
            on_error=failure_handler(self, self.errors),
            owner=self,
        )

    def _row_chosen(self) -> None:
        row = self.model.row(self.table.currentIndex().row())
        if row is not None:
            self._current = row
            self.errors.clear()
            self.notice.hide()
            self.show_row(row)

    def new(self) -> None:
        self._current = None
        self.table.clearSelection()
        self.errors.clear()
        self.notice.hide()
        self.show_row(None)

    def _submit(self, work: Callable[[], Any], message: Callable[[Any], str]) -> None:
        self.errors.clear()
        self.notice.hide()
        self.save_button.setEnabled(False)
        on_error = failure_handler(self, self.errors)

        def done(row: Any) -> None:
            self.save_button.setEnabled(True)
            self.notice.setText(message(row))
            self.notice.show()
            self.saved.emit(row)
            self.reload(select_id=row.id)

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            on_error(exc)

        self._runner.run(lambda _p, c: work(), None, done, on_error=failed, owner=self)

    # subclasses
    model: RowsModel

    def show_row(self, row: Any) -> None:
        raise NotImplementedError

    def reload(self, select_id: int | None = None) -> None:
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError


class UsersDialog(_AdminList):
    """Staff: login, name, role, department, e-mail, active; a new password when needed."""

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(ctx, runner, parent)
        self.setWindowTitle(self.tr("თანამშრომლები"))
        self.setMinimumWidth(760)
        lang = messages.current_language()
        self.model = RowsModel(
            [
                (self.tr("მომხმარებელი"), lambda u: u.login),
                (self.tr("სახელი, გვარი"), lambda u: u.full_name),
                (self.tr("როლი"), lambda u: label(ROLE_NAMES, u.role, lang)),
                (self.tr("სამსახური"), lambda u: u.department),
                (
                    self.tr("მდგომარეობა"),
                    lambda u: (
                        (self.tr("აქტიური") if u.active else self.tr("გათიშული"))
                        + ("" if u.has_password else self.tr(", პაროლის გარეშე"))
                    ),
                ),
            ],
            self,
        )
        table = _table(self.model)
        self.login = QLineEdit()
        self.login.setObjectName("login")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("full_name")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for code in ROLE_NAMES:
            self.role.addItem(label(ROLE_NAMES, code, lang), code)
        self.department = QComboBox()
        self.department.setObjectName("department")
        self.email = QLineEdit()
        self.email.setObjectName("email")
        self.active = QCheckBox(self.tr("აქ&ტიური (შეუძლია შესვლა)"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("ცარიელი — პაროლი არ იცვლება"))
        form = QFormLayout()
        for title, name, widget in (
            (self.tr("მომ&ხმარებელი"), "login", self.login),
            (self.tr("სახელი და &გვარი"), "full_name", self.full_name),
            (self.tr("&როლი"), "role", self.role),
            (self.tr("სამ&სახური"), "department", self.department),
            (self.tr("&ელფოსტა"), "email", self.email),
            (self.tr("&პაროლი"), "password", self.password),
        ):
            lbl = QLabel(title)
            lbl.setBuddy(widget)
            form.addRow(lbl, self.errors.field(name, widget))
        form.addRow("", self.active)
        self._layout(table, form)
        tab_chain(
            self,
            table,
            self.login,
            self.full_name,
            self.role,
            self.department,
            self.email,
            self.password,
            self.active,
            self.save_button,
            self.new_button,
        )
        self._departments: list[DepartmentRow] = []
        db, actor = ctx.db, ctx.actor
        runner.run(
            lambda _p, c: users.list_departments(db, actor),
            None,
            self._departments_loaded,
            on_error=failure_handler(self, self.errors),
            owner=self,
        )

    def _departments_loaded(self, rows: list[DepartmentRow]) -> None:
        self._departments = rows
        self.department.clear()
        self.department.addItem(self.tr("— არცერთი —"), None)
        en = messages.current_language() == "en"
        for d in rows:
            if d.active:
                self.department.addItem(
                    f"{d.code} — {d.name_en if en and d.name_en else d.name}", d.id
                )
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        db, actor = self._ctx.db, self._ctx.actor
        self._load_rows(lambda: users.list_users(db, actor), select_id)

    def show_row(self, u: UserRow | None) -> None:
        self.login.setText(u.login if u else "")
        self.login.setReadOnly(u is not None)  # the audit log names people by login
        self.full_name.setText(u.full_name if u else "")
        self.role.setCurrentIndex(max(0, self.role.findData(u.role if u else "executor")))
        self.department.setCurrentIndex(
            max(0, self.department.findData(u.department_id if u else None))
        )
        self.email.setText(u.email if u else "")
        self.active.setChecked(u.active if u else True)
        self.password.clear()
        self.password.setPlaceholderText(
            self.tr("ცარიელი — პაროლი არ იცვლება") if u else self.tr("მინიმუმ 8 სიმბოლო")
        )
        (self.full_name if u else self.login).setFocus()

    def save(self) -> None:
        db, actor, clock = self._ctx.db, self._ctx.actor, self._ctx.clock
        dept = self.department.currentData()
        inp = UserInput(
            login=self.login.text().strip(),
            full_name=self.full_name.text().strip(),
            role=str(self.role.currentData()),
            department_id=int(dept) if dept is not None else None,
            email=self.email.text().strip(),
            active=self.active.isChecked(),
        )
        password = self.password.text()
        current: UserRow | None = self._current

        def work() -> UserRow:
            if current is None:
                return users.create_user(db, actor, inp, password, clock=clock)
            if password:  # refuse a weak password before anything is written
                users.check_password_rules(password, inp.login)
            row = users.update_user(db, actor, current.id, inp, clock=clock)
            if password:
                users.set_password(db, actor, current.id, password, clock=clock)
            return row

        self._submit(
            work,
            lambda u: (
                self.tr("შენახულია: %1 (%2)").replace("%1", u.full_name).replace("%2", u.login)
            ),
        )


class DepartmentsDialog(_AdminList):
    """Departments (სამსახურები): code, Georgian and English name, active."""

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(ctx, runner, parent)
        self.setWindowTitle(self.tr("სამსახურები"))
        self.setMinimumWidth(680)
        self.model = RowsModel(
            [
                (self.tr("კოდი"), lambda d: d.code),
                (self.tr("დასახელება"), lambda d: d.name),
                (self.tr("დასახელება ინგლისურად"), lambda d: d.name_en),
                (self.tr("თანამშრომლები"), lambda d: str(d.users)),
                (self.tr("აქტიური"), lambda d: self.tr("დიახ") if d.active else self.tr("არა")),
            ],
            self,
        )
        table = _table(self.model)
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name_en = QLineEdit()
        self.name_en.setObjectName("name_en")
        self.active = QCheckBox(self.tr("აქ&ტიური"))
        form = QFormLayout()
        for title, field, widget in (
            (self.tr("&კოდი"), "code", self.code),
            (self.tr("&დასახელება"), "name", self.name),
            (self.tr("დასახელება &ინგლისურად"), "name_en", self.name_en),
        ):
            lbl = QLabel(title)
            lbl.setBuddy(widget)
            form.addRow(lbl, self.errors.field(field, widget))
        row = QHBoxLayout()
        row.addWidget(self.active)
        row.addStretch(1)
        form.addRow("", row)
        self._layout(table, form)
        tab_chain(self, table, self.code, self.name, self.name_en, self.active, self.save_button)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        db, actor = self._ctx.db, self._ctx.actor
        self._load_rows(lambda: users.list_departments(db, actor), select_id)

    def show_row(self, d: DepartmentRow | None) -> None:
        self.code.setText(d.code if d else "")
        self.name.setText(d.name if d else "")
        self.name_en.setText(d.name_en if d else "")
        self.active.setChecked(d.active if d else True)
        (self.name if d else self.code).setFocus()

    def save(self) -> None:
        db, actor, clock = self._ctx.db, self._ctx.actor, self._ctx.clock
        inp = DepartmentInput(
            code=self.code.text().strip(),
            name=self.name.text().strip(),
            name_en=self.name_en.text().strip(),
            active=self.active.isChecked(),
        )
        current: DepartmentRow | None = self._current

        def work() -> DepartmentRow:
            if current is None:
                return users.create_department(db, actor, inp, clock=clock)
            return users.update_department(db, actor, current.id, inp, clock=clock)

        self._submit(work, lambda d: self.tr("შენახულია: %1").replace("%1", f"{d.code} — {d.name}"))
