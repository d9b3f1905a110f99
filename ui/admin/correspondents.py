"""The correspondents directory: search (debounced, off the GUI thread), a page at a
time, edit one with its errors under the fields, and possible duplicates merged by an
administrator.

Personal numbers arrive masked for roles that may not see them (``app.people`` does
it); saving a masked number leaves the stored one unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.people import (
    CorrespondentInput,
    CorrespondentPage,
    CorrespondentRow,
    DuplicateGroup,
    MergeResult,
    create_correspondent,
    merge,
    possible_duplicates,
    search_correspondents,
    update_correspondent,
)
from ui.admin.common import (
    InlineErrors,
    RowsModel,
    confirm,
    failure_handler,
    may,
    no_default_buttons,
    notice_label,
    tab_chain,
)
from ui.context import AppContext
from ui.tasks import Control, TaskRunner

SEARCH_DELAY_MS = 250
PAGE_SIZE = 50
ROW_ROLE = Qt.ItemDataRole.UserRole


class CorrespondentsDialog(QDialog):
    saved = Signal(object)  # CorrespondentRow (created or edited)
    merged = Signal(object)  # MergeResult

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self._search_gen = 0
        self._dup_gen = 0
        self._offset = 0
        self._total = 0
        self._current: CorrespondentRow | None = None
        self._select_after_load: int | None = None
        self.ready = False
        self.duplicates_ready = False
        self.page: CorrespondentPage | None = None
        self.setWindowTitle(self.tr("კორესპონდენტები"))
        self.setMinimumSize(720, 480)  # fits 1366×768 at 125 %
        self.resize(900, 600)
        self.kinds = {
            "person": self.tr("ფიზიკური პირი"),
            "organisation": self.tr("ორგანიზაცია"),
        }

        self.tabs = QTabWidget()
        self.tabs.addTab(self._directory_tab(), self.tr("&ცნობარი"))
        self.tabs.addTab(self._duplicates_tab(), self.tr("შესაძლო დუბ&ლიკატები"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("დახურვა"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_first_page)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.refresh_first_page)  # no need to wait
        no_default_buttons(self)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.new()
        self.refresh_first_page()
        self.search.setFocus()

    # --- the directory tab --------------------------------------------------------------
    def _directory_tab(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("სახელი, პირადი ნომერი ან საიდენტიფიკაციო კოდი"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&ძებნა"))
        search_label.setBuddy(self.search)

        self.model = RowsModel(
            [
                (self.tr("დასახელება / სახელი, გვარი"), lambda r: r.name),
                (self.tr("სახე"), lambda r: self.kinds.get(r.kind, r.kind)),
                (self.tr("პირადი ნომერი"), lambda r: r.personal_id),
                (self.tr("საიდ. კოდი"), lambda r: r.org_code),
                (self.tr("მისამართი"), lambda r: r.address),
                (self.tr("ტელეფონი"), lambda r: r.phone),
                (self.tr("დოკუმენტები"), lambda r: str(r.documents)),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 240)
        self.table.verticalHeader().hide()
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)

        self.prev_button = QPushButton(self.tr("◀ &წინა"))
        self.next_button = QPushButton(self.tr("შემდე&გი ▶"))
        self.prev_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        self.page_label = QLabel()
        self.page_label.setObjectName("page_label")
        paging = QHBoxLayout()
        paging.addWidget(self.prev_button)
        paging.addWidget(self.page_label)
        paging.addWidget(self.next_button)
        paging.addStretch(1)

        self.kind = QComboBox()
        for code, text in self.kinds.items():
            self.kind.addItem(text, code)
        self.name = QLineEdit()
        self.personal_id = QLineEdit()
        self.personal_id.setPlaceholderText(self.tr("11 ციფრი"))
        self.org_code = QLineEdit()
        self.org_code.setPlaceholderText(self.tr("9 ციფრი"))
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.errors = InlineErrors()
        box = QGroupBox(self.tr("კორესპონდენტის მონაცემები"))
        form = QFormLayout(box)
        self.form_title = QLabel()
        self.form_title.setObjectName("form_title")
        form.addRow(self.form_title)
        for title, field, widget in (
            (self.tr("ს&ახე"), "kind", self.kind),
            (self.tr("და&სახელება"), "name", self.name),
            (self.tr("&პირადი ნომერი"), "personal_id", self.personal_id),
            (self.tr("საიდენტ. &კოდი"), "org_code", self.org_code),
            (self.tr("&მისამართი"), "address", self.address),
            (self.tr("ტელე&ფონი"), "phone", self.phone),
            (self.tr("ელ. ფ&ოსტა"), "email", self.email),
        ):
            lbl = QLabel(title)
            lbl.setBuddy(widget)
            form.addRow(lbl, self.errors.field(field, widget))
        self.errors.alias("correspondent", "name")
        self.new_button = QPushButton(self.tr("ა&ხალი"))
        self.new_button.clicked.connect(self.new)
        self.save_button = QPushButton(self.tr("შე&ნახვა"))
        self.save_button.clicked.connect(self.save)
        self.find_duplicates_button = QPushButton(self.tr("ამ ჩანაწერის დუ&ბლიკატები"))
        self.find_duplicates_button.clicked.connect(self.duplicates_of_current)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.find_duplicates_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        form.addRow(row)
        form.addRow(self.errors.general)
        self.notice = notice_label("notice")
        form.addRow(self.notice)

        left = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        left.addLayout(top)
        left.addWidget(self.table, 1)
        left.addLayout(paging)
        page = QWidget()
        lay = QHBoxLayout(page)
        lay.addLayout(left, 3)
        lay.addWidget(box, 2)
        tab_chain(
            self,
            self.search,
            self.table,
            self.prev_button,
            self.next_button,
            self.kind,
            self.name,
            self.personal_id,
            self.org_code,
            self.address,
            self.phone,
            self.email,
            self.new_button,
            self.find_duplicates_button,
            self.save_button,
        )
        for line in (
            self.name,
            self.personal_id,
            self.org_code,
            self.address,
            self.phone,
            self.email,
        ):
            line.returnPressed.connect(self.save)
        self._editable = may(self._ctx.actor, "edit_correspondents")
        if not self._editable:
            for w in (self.save_button, self.new_button):
                w.setEnabled(False)
        return page

    def refresh_first_page(self) -> None:
        self._offset = 0
        self.refresh()

    def refresh(self) -> None:
        """Load the page at the current offset for the current search text."""
        self._timer.stop()
        self._search_gen += 1
        gen = self._search_gen
        db, actor = self._ctx.db, self._ctx.actor
        text, offset = self.search.text(), self._offset

        def done(page: CorrespondentPage) -> None:
            if gen != self._search_gen:
                return  # superseded by a newer search or page
            self.page = page
            self._total = page.total
            self.model.set_rows(page.rows)
            self._update_paging()
            want = self._select_after_load
            self._select_after_load = None
            if want is not None:
                for i, r in enumerate(page.rows):
                    if r.id == want:
                        self.table.selectRow(i)
                        break
            self.ready = True

        self.ready = False
        self._runner.run(
            lambda _p, c: search_correspondents(db, actor, text, offset, PAGE_SIZE),
            None,
            done,
            on_error=failure_handler(self, self.errors),
            owner=self,
        )

    def _update_paging(self) -> None:
        shown = self.model.rowCount()
        if self._total == 0:
            self.page_label.setText(self.tr("ვერაფერი მოიძებნა"))
        else:
            self.page_label.setText(
                self.tr("%1–%2 / %3")
                .replace("%1", str(self._offset + 1))
                .replace("%2", str(self._offset + shown))
                .replace("%3", str(self._total))
            )
        self.prev_button.setEnabled(self._offset > 0)
        self.next_button.setEnabled(self._offset + shown < self._total)

    def next_page(self) -> None:
        if self._offset + PAGE_SIZE < self._total:
            self._offset += PAGE_SIZE
            self.refresh()

    def previous_page(self) -> None:
        if self._offset > 0:
            self._offset = max(0, self._offset - PAGE_SIZE)
            self.refresh()

    def _row_chosen(self) -> None:
        r = self.model.row(self.table.currentIndex().row())
        if r is not None:
            self.load(r)

    def load(self, r: CorrespondentRow) -> None:
        self._current = r
        self.form_title.setText(
            self.tr("#%1 · დოკუმენტები: %2")
            .replace("%1", str(r.id))
            .replace("%2", str(r.documents))
        )
        self.kind.setCurrentIndex(max(0, self.kind.findData(r.kind)))
        self.name.setText(r.name)
        self.personal_id.setText(r.personal_id)
        self.org_code.setText(r.org_code)
        self.address.setText(r.address)
        self.phone.setText(r.phone)
        self.email.setText(r.email)
        self.find_duplicates_button.setEnabled(True)
        self.errors.clear()

    def new(self) -> None:
        """Empty the form for a new correspondent."""
        self._current = None
        self.table.clearSelection()
        self.form_title.setText(self.tr("ახალი კორესპონდენტი"))
        self.kind.setCurrentIndex(0)
        for line in (
            self.name,
            self.personal_id,
            self.org_code,
            self.address,
            self.phone,
            self.email,
        ):
            line.clear()
        self.find_duplicates_button.setEnabled(False)
        self.errors.clear()
        self.notice.hide()
        if self.isVisible():
            self.name.setFocus()

    def collect(self) -> CorrespondentInput:
        return CorrespondentInput(
            kind=str(self.kind.currentData()),
            name=self.name.text(),
            personal_id=self.personal_id.text(),
            org_code=self.org_code.text(),
            address=self.address.text(),
            phone=self.phone.text(),
            email=self.email.text(),
        )

    def save(self) -> None:
        if not self._editable:
            return
        self.errors.clear()
        self.notice.hide()
        db, actor, clock = self._ctx.db, self._ctx.actor, self._ctx.clock
        inp, cur = self.collect(), self._current
        self.save_button.setEnabled(False)
        on_error = failure_handler(self, self.errors)

        def work(_p: None, c: Control) -> CorrespondentRow:
            if cur is None:
                return create_correspondent(db, actor, inp, clock)
            return update_correspondent(db, actor, cur.id, cur.version, inp, clock)

        def done(row: CorrespondentRow) -> None:
            self.save_button.setEnabled(True)
            self._current = row
            self.notice.setText(self.tr("შენახულია: %1").replace("%1", row.name))
            self.notice.show()
            self.saved.emit(row)
            self._select_after_load = row.id
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            on_error(exc)

        self._runner.run(work, None, done, on_error=failed, owner=self)

    # --- the duplicates tab -------------------------------------------------------------
    def _duplicates_tab(self) -> QWidget:
        self.dup_scope = QLabel()
        self.dup_scope.setObjectName("dup_scope")
        self.dup_scope.setWordWrap(True)
        self.reload_duplicates_button = QPushButton(self.tr("მთელი ცნობარის &შემოწმება"))
        self.reload_duplicates_button.clicked.connect(lambda: self.load_duplicates(None))
        self.tree = QTreeWidget()
        self.tree.setColumnCount(6)
        self.tree.setHeaderLabels(
            [
                self.tr("დასახელება"),
                self.tr("პირადი ნომერი"),
                self.tr("საიდ. კოდი"),
                self.tr("მისამართი"),
                self.tr("დოკუმენტები"),
                "#",
            ]
        )
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.currentItemChanged.connect(self._update_merge_button)
        self.tree.itemChanged.connect(self._update_merge_button)
        tree_label = QLabel(
            self.tr(
                "&ჯგუფები (მონიშნეთ დასატოვებელი ჩანაწერი; მოხსენით ნიშანი მათ, ვინც სხვა პირია):"
            )
        )
        tree_label.setWordWrap(True)
        tree_label.setBuddy(self.tree)
        self.merge_button = QPushButton(self.tr("მონიშნული დარჩეს, დანარჩენი შე&უერთდეს"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.merge_button.setEnabled(False)
        self.dup_errors = InlineErrors()
        self.dup_notice = notice_label("dup_notice")
        page = QWidget()
        lay = QVBoxLayout(page)
        top = QHBoxLayout()
        top.addWidget(self.dup_scope, 1)
        top.addWidget(self.reload_duplicates_button)
        lay.addLayout(top)
        lay.addWidget(tree_label)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.dup_errors.general)
        lay.addWidget(self.dup_notice)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.merge_button)
        lay.addLayout(bottom)
        self._may_merge = may(self._ctx.actor, "merge_correspondents")
        if not self._may_merge:
            self.merge_button.setToolTip(self.tr("აერთიანებს მხოლოდ ადმინისტრატორი."))
        self._dup_scope_id: int | None = None
        return page

    def _tab_changed(self, index: int) -> None:
        if index == 1 and not self.duplicates_ready:
            self.load_duplicates(self._dup_scope_id)

    def duplicates_of_current(self) -> None:
        if self._current is not None:
            self.load_duplicates(self._current.id)
            self.tabs.setCurrentIndex(1)

    def load_duplicates(self, correspondent_id: int | None) -> None:
        self._dup_scope_id = correspondent_id
        self._dup_gen += 1
        gen = self._dup_gen
        db, actor = self._ctx.db, self._ctx.actor
        self.duplicates_ready = False
        self.dup_errors.clear()

        def done(groups: list[DuplicateGroup]) -> None:
            if gen != self._dup_gen:
                return
            self._show_groups(groups, correspondent_id)
            self.duplicates_ready = True

        self._runner.run(
            lambda _p, c: possible_duplicates(db, actor, correspondent_id),
            None,
            done,
            on_error=failure_handler(self, self.dup_errors),
            owner=self,
        )

    def _show_groups(self, groups: list[DuplicateGroup], scope: int | None) -> None:
        reasons = {
            "personal_id": self.tr("იგივე პირადი ნომერი"),
            "org_code": self.tr("იგივე საიდენტიფიკაციო კოდი"),
            "name": self.tr("მსგავსი დასახელება"),
        }
        self.tree.blockSignals(True)
        self.tree.clear()
        for g in groups:
            head = QTreeWidgetItem([f"{reasons.get(g.reason, g.reason)}: {g.key}"])
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setData(0, ROW_ROLE, g)
            for m in g.members:
                item = QTreeWidgetItem(
                    [m.name, m.personal_id, m.org_code, m.address, str(m.documents), str(m.id)]
                )
                item.setData(0, ROW_ROLE, m)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(0, Qt.CheckState.Checked)
                head.addChild(item)
            self.tree.addTopLevelItem(head)
            head.setExpanded(True)
        self.tree.blockSignals(False)
        if scope is None:
            text = self.tr("მთელი ცნობარი: %1 ჯგუფი.").replace("%1", str(len(groups)))
        else:
            text = self.tr("ჩანაწერის #%1 შესაძლო დუბლიკატები: %2 ჯგუფი.").replace("%1", str(scope))
            text = text.replace("%2", str(len(groups)))
        self.dup_scope.setText(text)
        if groups:
            first = self.tree.topLevelItem(0).child(0)
            self.tree.setCurrentItem(first)
        self._update_merge_button()

    def merge_plan(self) -> tuple[CorrespondentRow, list[CorrespondentRow]] | None:
        """The record to keep (the current member) and the ticked others of its group."""
        item = self.tree.currentItem()
        if item is None or item.parent() is None:
            return None
        keep = item.data(0, ROW_ROLE)
        head = item.parent()
        others = []
        for i in range(head.childCount()):
            child = head.child(i)
            row = child.data(0, ROW_ROLE)
            if row.id != keep.id and child.checkState(0) == Qt.CheckState.Checked:
                others.append(row)
        return keep, others

    def _update_merge_button(self, *_args: object) -> None:
        plan = self.merge_plan()
        self.merge_button.setEnabled(self._may_merge and plan is not None and bool(plan[1]))

    def merge_selected(self) -> None:
        plan = self.merge_plan()
        if plan is None or not plan[1]:
            return
        keep, others = plan
        names = "\n".join(f"  • #{o.id} {o.name} ({o.documents})" for o in others)
        if not confirm(
            self,
            self.tr("კორესპონდენტების გაერთიანება"),
            self.tr(
                "დარჩება: #%1 %2.\nშეუერთდება და წაიშლება (ფრჩხილებში — დოკუმენტები):\n%3\n\n"
                "მათი დოკუმენტები გადავა დარჩენილ ჩანაწერზე. გავაგრძელოთ?"
            )
            .replace("%1", str(keep.id))
            .replace("%2", keep.name)
            .replace("%3", names),
        ):
            return
        db, actor, clock = self._ctx.db, self._ctx.actor, self._ctx.clock
        ids = [o.id for o in others]
        self.merge_button.setEnabled(False)
        self.dup_errors.clear()
        self.dup_notice.hide()
        on_error = failure_handler(self, self.dup_errors)

        def done(result: MergeResult) -> None:
            self.dup_notice.setText(
                self.tr("გაერთიანდა: დარჩა #%1 %2; წაიშალა %3 ჩანაწერი; გადავიდა %4 დოკუმენტი.")
                .replace("%1", str(result.kept.id))
                .replace("%2", result.kept.name)
                .replace("%3", str(len(result.merged_ids)))
                .replace("%4", str(result.documents_moved))
            )
            self.dup_notice.show()
            self.merged.emit(result)
            if self._current is not None and self._current.id in result.merged_ids:
                self.new()
            self.load_duplicates(self._dup_scope_id)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._update_merge_button()
            on_error(exc)

        self._runner.run(
            lambda _p, c: merge(db, actor, keep.id, ids, clock),
            None,
            done,
            on_error=failed,
            owner=self,
        )


def member_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """Every member row of the duplicates tree (tests and keyboard helpers)."""
    out = []
    for i in range(tree.topLevelItemCount()):
        head = tree.topLevelItem(i)
        out.extend(head.child(j) for j in range(head.childCount()))
    return out
