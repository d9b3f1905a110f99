"""The main window: navigation (incoming / outgoing / internal), the registry, status bar."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import documents, messages
from app.refdata import KIND_NAMES, ROLE_NAMES, label
from app.registration import RegisteredDocument
from app.registry import RegistryQuery, SavedFilter, list_filters, save_filter
from app.routing import TaskCounts
from app.search import SearchResult, search
from ui import collector
from ui.backup import BackupReminder
from ui.choices import Choices, load_choices
from ui.context import AppContext
from ui.dashboard import DashboardView
from ui.dialogs.card import CardDialog, RegisteredNotice
from ui.errors import show_error
from ui.forms.registration import RegistrationDialog
from ui.inbox import TasksView
from ui.registry.filters import FilterBar
from ui.registry.model import RegistryModel
from ui.tasks import TaskRunner

KINDS = ("incoming", "outgoing", "internal")


SEARCH_DELAY_MS = 250
NAV_MIN_WIDTH = 150
NO_DOCUMENT = -1  # an id no document has: "the search found nothing"


class MainWindow(QMainWindow):
    first_rows_shown = Signal()
    reopen = Signal(str)  # another database was made active: open the window on it
    switch_user = Signal()  # another clerk logs in at this workstation

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.runner = TaskRunner(self, on_error=lambda exc: show_error(self, exc))
        self.choices: Choices | None = None  # the office's name, the lists forms offer
        self.setWindowTitle(self.tr("კანცელარია"))  # the office's name follows
        self.resize(1280, 760)
        self._first_shown = False
        self.registration: RegistrationDialog | None = None
        self.card: CardDialog | None = None
        self._open_gen = 0
        self.notice: RegisteredNotice | None = None
        self.dialogs: dict[str, QDialog] = {}

        # Navigation: the three journals of the paper office.
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        lang = messages.current_language()
        self.tasks_item = QListWidgetItem(self.tr("ჩემი დავალებები"))
        self.tasks_item.setData(Qt.ItemDataRole.UserRole, "tasks")
        self.nav.addItem(self.tasks_item)
        home = QListWidgetItem(self.tr("მიმოხილვა"))
        home.setData(Qt.ItemDataRole.UserRole, "dashboard")
        self.nav.addItem(home)
        for kind in KINDS:
            item = QListWidgetItem(label(KIND_NAMES, kind, lang))
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.nav.addItem(item)
        self._fit_nav()
        self.nav.currentRowChanged.connect(self._kind_chosen)

        # Registry table.
        self.model = RegistryModel(ctx, self.runner, self)
        self.table = QTableView()
        self.table.setObjectName("registry")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((110, 85, 180, 270, 150, 140, 85, 50, 140)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(self._open_index)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(lambda exc: show_error(self, exc))

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("ძებნა: ნომერი, კორესპონდენტი, შინაარსი (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self._search_gen = 0
        self.search_result: SearchResult | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.filters = FilterBar()  # its types and departments follow (load_choices)
        self.filters.changed.connect(self._filters_changed)
        self.filters.save_button.clicked.connect(self.save_filter)
        self.filters.saved.activated.connect(lambda _i: self.use_saved_filter())
        self.saved_filters: dict[str, RegistryQuery] = {}
        self._load_saved_filters()
        self.dashboard = DashboardView(ctx, self.runner, self)
        self.dashboard.open_query.connect(self.show_query)
        self.tasks = TasksView(ctx, self.runner, self)
        self.tasks.open_document.connect(self.open_document)
        self.tasks.counts_changed.connect(self._task_counts)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")

        right = QWidget()
        rl = QVBoxLayout(right)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.search, 2)
        rl.addLayout(top)
        rl.addWidget(self.filters)
        rl.addWidget(self.table)
        self.pages = QStackedWidget()
        self.pages.addWidget(right)
        self.pages.addWidget(self.dashboard)
        self.pages.addWidget(self.tasks)
        split = QSplitter()
        split.addWidget(self.nav)
        split.addWidget(self.pages)
        split.setStretchFactor(1, 1)
        split.setSizes([190, 1090])
        # The embedded file's backup is over a week old: a bar on top, not a box.
        self.backup_reminder = BackupReminder(ctx, self.runner, self)
        central = QWidget()
        central_lay = QVBoxLayout(central)
        central_lay.setContentsMargins(0, 0, 0, 0)
        central_lay.addWidget(self.backup_reminder)
        central_lay.addWidget(split, 1)
        self.setCentralWidget(central)

        # Actions: keyboard first.
        tb = QToolBar(self.tr("ინსტრუმენტები"))
        tb.setObjectName("toolbar")
        tb.setMovable(False)
        self.addToolBar(tb)
        self.act_register = QAction(self.tr("&რეგისტრაცია"), self)
        self.act_register.setShortcut(QKeySequence.StandardKey.New)
        self.act_register.setToolTip(self.tr("ახალი დოკუმენტის რეგისტრაცია (Ctrl+N)"))
        self.act_register.triggered.connect(self.open_registration)
        self.act_open = QAction(self.tr("&გახსნა"), self)
        self.act_open.setToolTip(self.tr("მონიშნული დოკუმენტის ბარათი (Enter)"))
        self.act_open.triggered.connect(self.open_current)
        self.act_refresh = QAction(self.tr("გა&ნახლება"), self)
        self.act_refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        self.act_refresh.triggered.connect(self.model.refresh)
        for act in (self.act_register, self.act_open, self.act_refresh):
            tb.addAction(act)
            self.addAction(act)
        self._build_menus()
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.open_current)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table, self.open_current)

        # Status bar: where the data lives and who works.
        self.status_db = QLabel(self.tr("მონაცემთა ბაზა: %1").replace("%1", ctx.where()))
        self.status_user = QLabel(
            self.tr("მომხმარებელი: %1 (%2)")
            .replace("%1", ctx.actor.full_name)
            .replace("%2", label(ROLE_NAMES, ctx.actor.role, lang))
        )
        self.status_count = QLabel()
        self.status_count.setObjectName("count")
        sb = self.statusBar()
        sb.addWidget(self.status_count, 1)
        sb.addPermanentWidget(self.status_user)
        sb.addPermanentWidget(self.status_db)

        self._restore_layout()
        self.reload_choices()
        # Executors start on their tasks, heads on the overview, registrars in the journal.
        start = {"executor": "tasks", "head": "dashboard"}.get(ctx.actor.role, "incoming")
        self.show_page(start)
        self.table.setFocus()

    def reload_choices(self) -> None:
        """Read the office's name and lists off the GUI thread (again after an
        administration dialog closed: a department or the letterhead may have changed)."""
        self.runner.run(load_choices, self.ctx.db, self._choices_loaded, owner=self)

    def _choices_loaded(self, found: Choices) -> None:
        title = self.tr("კანცელარია")
        office = found.office_name
        self.setWindowTitle(f"{title} — {office}" if office else title)
        self.filters.set_choices(found.doc_types, found.departments, found.department_ids)
        self.choices = found

    @property
    def ready(self) -> bool:
        """The office's lists and the page shown are loaded (tests, screenshots)."""
        if self.choices is None:
            return False
        page = self.pages.currentWidget()
        if page is self.dashboard:
            return getattr(self.dashboard, "data", None) is not None
        if page is self.tasks:
            return bool(self.tasks.ready)
        return bool(self.model.ready)

    # --- registry ------------------------------------------------------------------
    def page(self) -> str:
        """The navigation entry shown: tasks, dashboard or a kind of document."""
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "incoming"

    def nav_row(self, key: str) -> int:
        for i in range(self.nav.count()):
            if self.nav.item(i).data(Qt.ItemDataRole.UserRole) == key:
                return i
        raise KeyError(key)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self.nav_row(key))

    def kind(self) -> str:
        value = self.page()
        return value if value in KINDS else "incoming"

    def _task_counts(self, counts: TaskCounts) -> None:
        text = self.tr("ჩემი დავალებები")
        if counts.total:
            text += f" ({counts.total})"
        if counts.overdue:  # a line of its own: the navigation stays narrow and readable
            text += "\n" + self.tr("%1 ვადაგადაცილებული").replace("%1", str(counts.overdue))
        self.tasks_item.setText(text)
        self._fit_nav()

    def _fit_nav(self) -> None:
        """The navigation at least as wide as its longest line, in either language."""
        frame = 2 * self.nav.frameWidth() + self.nav.spacing() * 2 + 4
        self.nav.setMinimumWidth(max(NAV_MIN_WIDTH, self.nav.sizeHintForColumn(0) + frame))

    def _kind_chosen(self, row: int) -> None:
        item = self.nav.item(row)
        key = str(item.data(Qt.ItemDataRole.UserRole)) if item else ""
        if key == "dashboard":
            self.pages.setCurrentWidget(self.dashboard)
            self.dashboard.refresh()
            return
        if key == "tasks":
            self.pages.setCurrentWidget(self.tasks)
            self.tasks.refresh()
            return
        if key not in KINDS:
            return
        self.pages.setCurrentIndex(0)
        kind = key
        self.heading.setText(label(KIND_NAMES, kind, messages.current_language()))
        self._set_query(replace(self.model.query, kind=kind, ids=()), search_again=True)

    def _set_query(self, q: RegistryQuery, search_again: bool = False) -> None:
        q = replace(q, viewer=self.ctx.actor, today=self.ctx.clock.today())
        if search_again and self.search.text().strip():
            self.model.set_query(self.filters.apply(q))
            self.run_search()
            return
        self.model.set_query(q)

    def _filters_changed(self) -> None:
        self._set_query(self.filters.apply(self.model.query))

    def show_query(self, q: RegistryQuery) -> None:
        """Open the registry on exactly *q* (from a dashboard number)."""
        self.filters.clear()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(self.nav_row(q.kind))
        self.nav.blockSignals(False)
        self.heading.setText(label(KIND_NAMES, q.kind, messages.current_language()))
        self.pages.setCurrentIndex(0)
        self._set_query(
            replace(q, sort=self.model.query.sort, descending=self.model.query.descending)
        )

    # --- saved filters (per user, in the database) -----------------------------------
    def _load_saved_filters(self) -> None:
        ctx = self.ctx

        def done(saved: list[SavedFilter]) -> None:
            self.saved_filters = {f.name: f.query for f in saved}
            self.filters.set_saved(list(self.saved_filters))

        self.runner.run(lambda _p, c: list_filters(ctx.db, ctx.actor), None, done, owner=self)

    def save_filter(self, name: str | None = None) -> None:
        if not name:
            name, ok = QInputDialog.getText(
                self, self.tr("ფილტრის შენახვა"), self.tr("ფილტრის სახელი:")
            )
            if not ok:
                return
        ctx, q = self.ctx, self.model.query
        self.runner.run(
            lambda _p, c: save_filter(ctx.db, ctx.actor, name or "", q, ctx.clock),
            None,
            lambda _saved: self._load_saved_filters(),
            owner=self,
        )

    def use_saved_filter(self, name: str | None = None) -> None:
        name = name or str(self.filters.saved.currentData() or "")
        q = self.saved_filters.get(name)
        if q is None:
            return
        self.show_query(q)
        self.filters.show_query(q)

    # --- search (Ctrl+F): as you type, off the GUI thread, superseded queries dropped ---
    def run_search(self) -> None:
        text = self.search.text().strip()
        self._search_gen += 1
        gen = self._search_gen
        if not text:
            self.search_result = None
            self._set_query(replace(self.model.query, ids=()))
            return
        ctx, kind = self.ctx, self.kind()

        def done(result: SearchResult) -> None:
            if gen != self._search_gen:
                return  # the clerk typed on; a newer search is under way
            self.search_result = result
            ids = tuple(r.id for r in result.rows) or (NO_DOCUMENT,)
            self.model.set_query(replace(self.model.query, ids=ids))

        self.runner.run(
            lambda _p, c: search(ctx.db, ctx.actor, text, kind=kind), None, done, owner=self
        )

    def _loaded(self, count: int) -> None:
        shown = f"{count:,}".replace(",", " ")
        if self.model.query.ids:
            more = self.search_result is not None and self.search_result.more
            text = self.tr("ნაპოვნია: %1").replace("%1", shown)
            self.status_count.setText(text + (self.tr(" (ნაჩვენებია პირველი)") if more else ""))
        else:
            self.status_count.setText(self.tr("დოკუმენტები: %1").replace("%1", shown))
        if count and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        if not self._first_shown:
            self._first_shown = True
            self.first_rows_shown.emit()

    # --- actions -------------------------------------------------------------------
    def open_registration(self) -> RegistrationDialog:
        dlg = RegistrationDialog(self.ctx, self.runner, self.kind(), self, self.choices)
        dlg.registered.connect(self._registered)
        dlg.finished.connect(collector.collect_soon)  # an idle point: its garbage goes now
        self.registration = dlg
        dlg.open()
        return dlg

    def _registered(self, doc: RegisteredDocument) -> None:
        self.statusBar().showMessage(self.tr("დარეგისტრირდა: %1").replace("%1", doc.number), 15_000)
        self.notice = RegisteredNotice(self.ctx, self.runner, doc, self)
        self.notice.finished.connect(collector.collect_soon)
        self.notice.open()
        row = self.nav_row(doc.kind)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        else:
            self.model.refresh()

    def open_current(self) -> None:
        if self.pages.currentWidget() is self.tasks:
            self.tasks.open_current()
            return
        self._open_index(self.table.currentIndex())

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        doc_id = self.model.row_id(index.row())
        if doc_id is not None:
            self.open_document(doc_id)

    def open_document(self, doc_id: int) -> None:
        """Open the card of *doc_id* (from the table, a link, or after a change)."""
        ctx = self.ctx
        self._open_gen += 1
        gen = self._open_gen

        def done(card: documents.DocumentCard) -> None:
            if gen != self._open_gen:
                return  # another card was asked for meanwhile (the reply after an answer)
            if self.card is not None:
                self.card.close()
            self.card = CardDialog(ctx, self.runner, card, self)
            self.card.changed.connect(self._document_changed)
            self.card.open_document.connect(self.open_document)
            self.card.finished.connect(collector.collect_soon)
            self.card.open()

        self.runner.run(lambda _p, c: documents.get_card(ctx.db, ctx.actor, doc_id), None, done)

    def _document_changed(self, doc_id: int) -> None:
        self.model.refresh()
        self.tasks.refresh()
        self.open_document(doc_id)

    # --- menus -----------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        doc_menu = bar.addMenu(self.tr("&დოკუმენტი"))
        doc_menu.addAction(self.act_register)
        doc_menu.addAction(self.act_open)
        doc_menu.addAction(self.act_refresh)
        doc_menu.addSeparator()
        self.act_connection = doc_menu.addAction(self.tr("მონაცემთა ბაზასთან &კავშირი…"))
        self.act_connection.triggered.connect(self.open_connection)
        doc_menu.addSeparator()
        self.act_settings = doc_menu.addAction(self.tr("პარამეტრები (&ენა)…"))
        self.act_settings.triggered.connect(self.open_settings)
        self.act_switch_user = doc_menu.addAction(self.tr("მომხმარებლის &შეცვლა…"))
        self.act_switch_user.triggered.connect(self.switch_user.emit)
        quit_action = doc_menu.addAction(self.tr("გა&სვლა"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        rep_menu = bar.addMenu(self.tr("ა&ნგარიშები"))
        self.act_reports = rep_menu.addAction(self.tr("ანგარიშის &შექმნა…"))
        self.act_reports.setShortcut(QKeySequence("Ctrl+R"))
        self.act_reports.triggered.connect(lambda: self.open_dialog("reports"))

        ref_menu = bar.addMenu(self.tr("&ცნობარები"))
        self.act_correspondents = ref_menu.addAction(self.tr("&კორესპონდენტები…"))
        self.act_correspondents.triggered.connect(lambda: self.open_dialog("correspondents"))

        admin = self.ctx.actor.role == "admin"
        adm_menu = bar.addMenu(self.tr("&ადმინისტრირება"))
        adm_menu.menuAction().setVisible(admin)  # the app layer refuses others anyway
        for key, title in (
            ("templates", self.tr("ნომრის &შაბლონები…")),
            ("deadlines", self.tr("&ვადების წესები…")),
            ("calendar", self.tr("დასვენების დღეების &კალენდარი…")),
            ("import", self.tr("ძველი ჟურნალის &იმპორტი (Excel)…")),
            ("users", self.tr("&თანამშრომლები…")),
            ("departments", self.tr("სამსა&ხურები…")),
            ("office", self.tr("&ბლანკი და ელფოსტა…")),
        ):
            act = adm_menu.addAction(title)
            act.triggered.connect(lambda _checked=False, k=key: self.open_dialog(k))

    def open_dialog(self, key: str) -> QDialog:
        """Open one of the directory / administration dialogs by its key."""
        from ui.admin.calendar import CalendarDialog
        from ui.admin.correspondents import CorrespondentsDialog
        from ui.admin.deadlines import DeadlineRulesDialog
        from ui.admin.office import OfficeDialog
        from ui.admin.templates import TemplatesDialog
        from ui.admin.users import DepartmentsDialog, UsersDialog
        from ui.importing import ImportDialog
        from ui.reports import ReportsDialog

        classes: dict[str, type[QDialog]] = {
            "templates": TemplatesDialog,
            "deadlines": DeadlineRulesDialog,
            "calendar": CalendarDialog,
            "correspondents": CorrespondentsDialog,
            "reports": ReportsDialog,
            "import": ImportDialog,
            "users": UsersDialog,
            "departments": DepartmentsDialog,
            "office": OfficeDialog,
        }
        dlg = classes[key](self.ctx, self.runner, self)  # type: ignore[call-arg]
        if key == "calendar":
            dlg.changed.connect(lambda _change: self.model.refresh())  # type: ignore[attr-defined]
        if key == "import":
            dlg.imported.connect(lambda _result: self.model.refresh())  # type: ignore[attr-defined]
        self.dialogs[key] = dlg
        if key in ("departments", "office", "import"):  # lists the window shows may change
            dlg.finished.connect(lambda _r: self.reload_choices())
        dlg.finished.connect(collector.collect_soon)
        dlg.open()
        return dlg

    def open_settings(self) -> QDialog:
        from ui.settings import SettingsDialog

        dlg = SettingsDialog(self)
        self.dialogs["settings"] = dlg
        dlg.open()
        return dlg

    def open_connection(self) -> QDialog:
        """Connection profiles; activating another database reopens the window on it."""
        from ui.connection import ConnectionDialog

        dlg = ConnectionDialog(
            self.runner, self, self.ctx.url, can_upgrade=self.ctx.actor.role == "admin"
        )
        dlg.activated.connect(self.reopen.emit)
        self.dialogs["connection"] = dlg
        dlg.open()
        return dlg

    # --- per-workstation layout --------------------------------------------------------
    def _restore_layout(self) -> None:
        s = QSettings()
        geo = s.value("main/geometry")
        if isinstance(geo, QByteArray):
            self.restoreGeometry(geo)
        cols = s.value("main/columns")
        if isinstance(cols, QByteArray):
            self.table.horizontalHeader().restoreState(cols)
        column = int(s.value("main/sort_column", 1))
        descending = str(s.value("main/sort_descending", "true")).lower() == "true"
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(
            column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        )

    def closeEvent(self, event):  # type: ignore[no-untyped-def]
        s = QSettings()
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/columns", self.table.horizontalHeader().saveState())
        s.setValue("main/sort_column", self.model.sort_column())
        s.setValue("main/sort_descending", "true" if self.model.query.descending else "false")
        self.runner.wait(5_000)
        super().closeEvent(event)
