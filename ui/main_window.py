"""The main window: navigation (incoming / outgoing / internal), the registry, status bar."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import documents, lookups, messages
from app.refdata import KIND_NAMES, ROLE_NAMES, label
from app.registration import RegisteredDocument
from ui.context import AppContext
from ui.dialogs.card import CardDialog, RegisteredNotice
from ui.errors import show_error
from ui.forms.registration import RegistrationDialog
from ui.registry.model import RegistryModel
from ui.tasks import TaskRunner

KINDS = ("incoming", "outgoing", "internal")


class MainWindow(QMainWindow):
    first_rows_shown = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.runner = TaskRunner(self, on_error=lambda exc: show_error(self, exc))
        office = lookups.office_settings(ctx.db).get("office.name", "")
        title = self.tr("კანცელარია")
        self.setWindowTitle(f"{title} — {office}" if office else title)
        self.resize(1280, 760)
        self._first_shown = False
        self.registration: RegistrationDialog | None = None
        self.card: CardDialog | None = None
        self.notice: RegisteredNotice | None = None
        self.dialogs: dict[str, QDialog] = {}

        # Navigation: the three journals of the paper office.
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        lang = messages.current_language()
        for kind in KINDS:
            item = QListWidgetItem(label(KIND_NAMES, kind, lang))
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.nav.addItem(item)
        self.nav.setMinimumWidth(150)
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
        for col, width in enumerate((110, 90, 200, 300, 170, 150, 90, 60, 150)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(self._open_index)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(lambda exc: show_error(self, exc))

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("ძებნა: ნომერი, კორესპონდენტი, შინაარსი (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
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
        rl.addWidget(self.table)
        split = QSplitter()
        split.addWidget(self.nav)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([190, 1090])
        self.setCentralWidget(split)

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
        self.act_refresh = QAction(self.tr("&განახლება"), self)
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
        self.nav.setCurrentRow(0)
        self.table.setFocus()

    # --- registry ------------------------------------------------------------------
    def kind(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "incoming"

    def _kind_chosen(self, row: int) -> None:
        if not 0 <= row < len(KINDS):
            return
        kind = KINDS[row]
        self.heading.setText(label(KIND_NAMES, kind, messages.current_language()))
        self.model.set_query(replace(self.model.query, kind=kind))

    def _loaded(self, count: int) -> None:
        self.status_count.setText(
            self.tr("დოკუმენტები: %1").replace("%1", f"{count:,}".replace(",", " "))
        )
        if count and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        if not self._first_shown:
            self._first_shown = True
            self.first_rows_shown.emit()

    # --- actions -------------------------------------------------------------------
    def open_registration(self) -> RegistrationDialog:
        dlg = RegistrationDialog(self.ctx, self.runner, self.kind(), self)
        dlg.registered.connect(self._registered)
        self.registration = dlg
        dlg.open()
        return dlg

    def _registered(self, doc: RegisteredDocument) -> None:
        self.statusBar().showMessage(self.tr("დარეგისტრირდა: %1").replace("%1", doc.number), 15_000)
        self.notice = RegisteredNotice(self.ctx, self.runner, doc, self)
        self.notice.open()
        row = KINDS.index(doc.kind)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        else:
            self.model.refresh()

    def open_current(self) -> None:
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

        def done(card: documents.DocumentCard) -> None:
            if self.card is not None:
                self.card.close()
            self.card = CardDialog(ctx, self.runner, card, self)
            self.card.changed.connect(self._document_changed)
            self.card.open_document.connect(self.open_document)
            self.card.open()

        self.runner.run(lambda c: documents.get_card(ctx.db, ctx.actor, doc_id), done)

    def _document_changed(self, doc_id: int) -> None:
        self.model.refresh()
        self.open_document(doc_id)

    # --- menus -----------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        doc_menu = bar.addMenu(self.tr("&დოკუმენტი"))
        doc_menu.addAction(self.act_register)
        doc_menu.addAction(self.act_open)
        doc_menu.addAction(self.act_refresh)
        doc_menu.addSeparator()
        quit_action = doc_menu.addAction(self.tr("&გასვლა"))
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
        ):
            act = adm_menu.addAction(title)
            act.triggered.connect(lambda _checked=False, k=key: self.open_dialog(k))

    def open_dialog(self, key: str) -> QDialog:
        """Open one of the directory / administration dialogs by its key."""
        from ui.admin.calendar import CalendarDialog
        from ui.admin.correspondents import CorrespondentsDialog
        from ui.admin.deadlines import DeadlineRulesDialog
        from ui.admin.templates import TemplatesDialog
        from ui.reports import ReportsDialog

        classes: dict[str, type[QDialog]] = {
            "templates": TemplatesDialog,
            "deadlines": DeadlineRulesDialog,
            "calendar": CalendarDialog,
            "correspondents": CorrespondentsDialog,
            "reports": ReportsDialog,
        }
        dlg = classes[key](self.ctx, self.runner, self)  # type: ignore[call-arg]
        if key == "calendar":
            dlg.changed.connect(lambda _change: self.model.refresh())  # type: ignore[attr-defined]
        self.dialogs[key] = dlg
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
