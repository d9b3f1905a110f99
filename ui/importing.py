"""Import of past years' Excel journals (administrators): file → mapping → preview →
dry run → import, and the error report.

The dialog only shows and collects; :mod:`app.importing` does the work (the same as
``kantselaria-cli import-journal``). Reading the file, the preview, the dry run, the
import and the error report all run off the GUI thread; the dry run and the import show
a progress dialog with Cancel (a cancelled import keeps the chunks already written —
importing the file again adds the rest, nothing twice).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import lookups, messages
from app.errors import UserError
from app.importing import (
    FIELDS,
    REQUIRED,
    ColumnMapping,
    ImportIssue,
    ImportOptions,
    ImportPreview,
    ImportResult,
    PreviewRow,
    describe,
    field_label,
    import_journal,
    inspect_file,
    save_error_report,
)
from app.lookups import Choice
from app.refdata import KIND_NAMES, label
from ui.admin.common import (
    ERROR_STYLE,
    RowsModel,
    choice_name,
    error_label,
    may,
    notice_label,
    tab_chain,
)
from ui.context import AppContext
from ui.errors import show_error
from ui.tasks import Control, TaskRunner

PREVIEW_DELAY_MS = 300  # a changed combo re-reads the preview after this pause
ISSUE_BACKGROUND = QColor("#fde7e4")
MAPPING_COLUMN, HEADER_COLUMN, FIELD_COLUMN, EXAMPLE_COLUMN = range(4)

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def _documents_folder() -> str:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return docs or str(Path.home())


def choose_journal(parent: QWidget, start: str = "") -> Path | None:
    """Ask for the Excel journal to import (tests replace this function)."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        _tr("ჟურნალის ფაილი"),
        start or _documents_folder(),
        _tr("Excel-ის სამუშაო წიგნი (*.xlsx *.xlsm);;ყველა ფაილი (*)"),
    )
    return Path(chosen) if chosen else None


def choose_report_path(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to save the error report (tests replace this function)."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        _tr("შეცდომების ანგარიშის შენახვა"),
        str(suggested),
        _tr("Excel-ის სამუშაო წიგნი (*.xlsx)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")


class PreviewModel(RowsModel):
    """The first rows as they will be stored; a row with problems is tinted and says why."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if isinstance(row, PreviewRow) and row.issues:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(ISSUE_BACKGROUND)
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(f"{i.column}: {i.reason}" for i in row.issues)
        return super().data(index, role)


@dataclass(frozen=True)
class _Inspected:
    preview: ImportPreview
    note: str  # why the mapping is empty (no recognisable headers), else ""


class ImportDialog(QDialog):
    """Choose a journal, check the guessed mapping, preview, dry run, import.

    ``imported(result)`` is emitted after a real import (not after a dry run) with the
    :class:`app.importing.ImportResult` — or None when the clerk cancelled it (the chunks
    already written stay); the registry should reload then.
    """

    imported = Signal(object)  # ImportResult, or None: cancelled (some chunks written)
    report_saved = Signal(object)  # Path of the error report written

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self._path: Path | None = None
        self._headers: tuple[str, ...] = ()
        self._preview_gen = 0
        self._rebuild_next = True
        self._combos: list[QComboBox] = []
        self.preview: ImportPreview | None = None
        self.last_result: ImportResult | None = None
        self.report_path: Path | None = None
        self.ready = False  # document types loaded
        self.inspecting = False
        self.running = False
        self._allowed = may(ctx.actor, "admin")
        self.setWindowTitle(self.tr("ძველი ჟურნალის იმპორტი (Excel)"))
        self.setMinimumSize(760, 520)  # fits 1366×768 at 125 %
        self.resize(980, 720)
        lang = messages.current_language()

        # -- the file
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("აირჩიეთ .xlsx ფაილი"))
        file_label = QLabel(self.tr("&ფაილი"))
        file_label.setBuddy(self.file)
        self.browse_button = QPushButton(self.tr("&არჩევა…"))
        self.browse_button.clicked.connect(self._browse)
        self.sheet = QComboBox()
        self.sheet.setMinimumWidth(140)
        self.sheet.activated.connect(self._sheet_chosen)
        sheet_label = QLabel(self.tr("ფურ&ცელი"))
        sheet_label.setBuddy(self.sheet)
        self.header_row = QSpinBox()
        self.header_row.setRange(0, 1_000)
        self.header_row.setToolTip(self.tr("0 — ფაილს სათაურების სტრიქონი არ აქვს"))
        header_label = QLabel(self.tr("სათაურების სტ&რიქონი"))
        header_label.setBuddy(self.header_row)
        self.data_start = QSpinBox()
        self.data_start.setRange(1, 1_048_576)
        start_label = QLabel(self.tr("&მონაცემები იწყება"))
        start_label.setBuddy(self.data_start)
        for spin in (self.header_row, self.data_start):
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self._rows_changed)
        top = QHBoxLayout()
        top.addWidget(file_label)
        top.addWidget(self.file, 1)
        top.addWidget(self.browse_button)
        where = QHBoxLayout()
        where.addWidget(sheet_label)
        where.addWidget(self.sheet)
        where.addSpacing(12)
        where.addWidget(header_label)
        where.addWidget(self.header_row)
        where.addSpacing(12)
        where.addWidget(start_label)
        where.addWidget(self.data_start)
        where.addStretch(1)

        # -- the mapping: one row per Excel column
        self.mapping_table = QTableWidget(0, 4)
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("სვეტი"), self.tr("სათაური ფაილში"), self.tr("ველი"), self.tr("მაგალითი")]
        )
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        head = self.mapping_table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setStretchLastSection(True)
        mapping_box = QGroupBox(self.tr("სვეტების შესაბამისობა (* — სავალდებულო)"))
        mapping_lay = QVBoxLayout(mapping_box)
        self.guess_note = QLabel()
        self.guess_note.setObjectName("guess_note")
        self.guess_note.setWordWrap(True)
        mapping_lay.addWidget(self.guess_note)
        mapping_lay.addWidget(self.mapping_table)

        # -- options
        self.kind = QComboBox()
        for code in KIND_NAMES:
            self.kind.addItem(label(KIND_NAMES, code, lang), code)
        self.doc_type = QComboBox()
        self.doc_type.setToolTip(self.tr("სტრიქონებისთვის, რომლებსაც ტიპის სვეტი არ აქვთ"))
        options_box = QGroupBox(self.tr("პარამეტრები"))
        options = QFormLayout(options_box)
        for title, widget in (
            (self.tr("ჟურნალის &სახე"), self.kind),
            (self.tr("ნაგულისხმევი &ტიპი"), self.doc_type),
        ):
            lbl = QLabel(title)
            lbl.setBuddy(widget)
            options.addRow(lbl, widget)
        self.kind.currentIndexChanged.connect(self._schedule_preview)
        self.doc_type.currentIndexChanged.connect(self._schedule_preview)
        upper = QHBoxLayout()
        upper.addWidget(mapping_box, 3)
        upper.addWidget(options_box, 1, Qt.AlignmentFlag.AlignTop)
        upper_w = QWidget()
        upper_w.setLayout(upper)
        upper.setContentsMargins(0, 0, 0, 0)

        # -- preview
        self.preview_model = PreviewModel([], self)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_view.verticalHeader().hide()
        self.preview_view.horizontalHeader().setStretchLastSection(True)
        self.preview_label = QLabel(self.tr("&გადახედვა"))
        self.preview_label.setBuddy(self.preview_view)
        preview_w = QWidget()
        preview_lay = QVBoxLayout(preview_w)
        preview_lay.setContentsMargins(0, 0, 0, 0)
        preview_lay.addWidget(self.preview_label)
        preview_lay.addWidget(self.preview_view)

        # -- result
        self.summary = notice_label("summary")
        self.issues_model = RowsModel(
            [
                (self.tr("სტრიქონი"), lambda i: str(i.row)),
                (self.tr("სვეტი"), lambda i: i.column),
                (self.tr("მნიშვნელობა"), lambda i: i.value),
                (self.tr("მიზეზი"), lambda i: i.reason),
            ],
            self,
        )
        self.issues_view = QTableView()
        self.issues_view.setModel(self.issues_model)
        self.issues_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.issues_view.verticalHeader().hide()
        self.issues_view.horizontalHeader().setStretchLastSection(True)
        self.issues_view.setMaximumHeight(130)
        self.issues_view.hide()
        self.save_report_button = QPushButton(self.tr("შეცდომების ანგარიშის შე&ნახვა…"))
        self.save_report_button.clicked.connect(self._save_report_clicked)
        self.save_report_button.hide()
        result_w = QWidget()
        result_lay = QVBoxLayout(result_w)
        result_lay.setContentsMargins(0, 0, 0, 0)
        result_lay.addWidget(self.summary)
        result_lay.addWidget(self.issues_view)
        result_lay.addWidget(self.save_report_button, 0, Qt.AlignmentFlag.AlignLeft)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper_w)
        splitter.addWidget(preview_w)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        self.error = error_label("error")
        self.permission_note = QLabel(self.tr("ჟურნალის იმპორტი მხოლოდ ადმინისტრატორს შეუძლია."))
        self.permission_note.setObjectName("permission_note")
        self.permission_note.setVisible(not self._allowed)

        self.dry_run_button = QPushButton(self.tr("&შემოწმება (ჩაწერის გარეშე)"))
        self.dry_run_button.clicked.connect(self.dry_run)
        self.import_button = QPushButton(self.tr("&იმპორტი"))
        self.import_button.clicked.connect(self.run_import)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("დახურვა"))
        buttons.addButton(self.dry_run_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(where)
        lay.addWidget(splitter, 1)
        lay.addWidget(result_w)
        lay.addWidget(self.error)
        lay.addWidget(self.permission_note)
        lay.addWidget(buttons)
        for b in self.findChildren(QPushButton):
            b.setAutoDefault(False)
        tab_chain(
            self,
            self.browse_button,
            self.sheet,
            self.header_row,
            self.data_start,
            self.mapping_table,
            self.kind,
            self.doc_type,
            self.preview_view,
            self.issues_view,
            self.save_report_button,
            self.dry_run_button,
            self.import_button,
            close,
        )

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._update_buttons()
        self.browse_button.setFocus()
        db = ctx.db
        self._runner.run(
            lambda _p, _c: lookups.document_types(db),
            None,
            self._types_loaded,
            on_error=self._failed,
            owner=self,
        )

    # -- loading ---------------------------------------------------------------------------

    def _types_loaded(self, types: list[Choice]) -> None:
        self.doc_type.blockSignals(True)
        for c in types:
            self.doc_type.addItem(choice_name(c), c.code)
        i = self.doc_type.findData(ImportOptions().doc_type)
        self.doc_type.setCurrentIndex(max(i, 0))
        self.doc_type.blockSignals(False)
        self.ready = True
        self._update_buttons()

    def _browse(self) -> None:
        start = str(self._path.parent) if self._path else ""
        path = choose_journal(self, start)
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path) -> None:
        """Read *path*: its sheets, the guessed mapping and the preview."""
        self._path = path
        self.file.setText(str(path))
        self.sheet.clear()
        self._clear_result()
        self._inspect(guess=True, sheet="")

    def _sheet_chosen(self) -> None:
        if self._path is not None:
            self._clear_result()
            self._inspect(guess=True, sheet=self.sheet.currentText())

    def _rows_changed(self) -> None:
        if self.preview is not None and not self.inspecting:
            self._rebuild_next = True
            self._schedule_preview()

    def _schedule_preview(self) -> None:
        if self._path is not None and self.ready:
            self._preview_timer.start()

    def refresh_preview(self) -> None:
        """Read the preview again with the mapping and options as the dialog shows them."""
        if self._path is not None:
            self._inspect(guess=False, sheet=self.sheet.currentText())

    def _inspect(self, *, guess: bool, sheet: str) -> None:
        path = self._path
        if path is None:
            return
        self._preview_timer.stop()
        self._preview_gen += 1
        gen = self._preview_gen
        rebuild = guess or self._rebuild_next
        self._rebuild_next = False
        mapping = None if guess else self.mapping()
        options = self.options()
        db, clock = self._ctx.db, self._ctx.clock
        self.inspecting = True
        self.error.hide()
        self._update_buttons()

        def work(_p: None, _c: Control) -> _Inspected:
            try:
                pv = inspect_file(db, path, mapping, options, sheet=sheet, clock=clock)
                return _Inspected(pv, "")
            except UserError as exc:
                if exc.key != "import.no_header":
                    raise
                bare = ColumnMapping({}, 1, 2, sheet)  # the clerk maps by hand
                return _Inspected(
                    inspect_file(db, path, bare, options, sheet=sheet, clock=clock), exc.message()
                )

        def done(found: _Inspected) -> None:
            if gen != self._preview_gen:
                return
            self.inspecting = False
            self._show_preview(found, rebuild)
            self._update_buttons()

        def failed(exc: BaseException) -> None:
            if gen != self._preview_gen:
                return
            self.inspecting = False
            self._update_buttons()
            self._failed(exc)

        def cancelled() -> None:
            if gen == self._preview_gen:
                self.inspecting = False
                self._update_buttons()

        self._runner.run(
            work,
            None,
            done,
            on_error=failed,
            label=self.tr("ფაილის წაკითხვა…"),
            owner=self,
            on_cancel=cancelled,
        )

    # -- showing the preview -----------------------------------------------------------------

    def _show_preview(self, found: _Inspected, rebuild: bool) -> None:
        pv = found.preview
        self.preview = pv
        self._headers = pv.headers
        if rebuild or self.sheet.count() == 0:
            self.sheet.blockSignals(True)
            self.sheet.clear()
            self.sheet.addItems(list(pv.sheets))
            self.sheet.setCurrentIndex(max(0, self.sheet.findText(pv.mapping.sheet)))
            self.sheet.blockSignals(False)
            for spin, value in (
                (self.header_row, pv.mapping.header_row),
                (self.data_start, pv.mapping.data_start),
            ):
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
            self._fill_mapping(pv)
        if found.note:
            self.guess_note.setText(found.note)
            self.guess_note.setStyleSheet(ERROR_STYLE)
        elif pv.guessed:
            self.guess_note.setText(
                self.tr(
                    "სვეტები სათაურების მიხედვით ამოვიცანი — გადაამოწმეთ და საჭიროებისამებრ "
                    "შეცვალეთ."
                )
            )
            self.guess_note.setStyleSheet("")
        else:
            self.guess_note.setText("")
        self._fill_examples(pv)
        self._fill_preview(pv)

    def _column_count(self, pv: ImportPreview) -> int:
        used = max(pv.mapping.columns.values(), default=-1) + 1
        width = max(len(pv.headers), used)
        while width > used and not pv.headers[width - 1]:
            width -= 1  # trailing empty headers
        return width

    def _fill_mapping(self, pv: ImportPreview) -> None:
        by_column = {col: name for name, col in pv.mapping.columns.items()}
        count = self._column_count(pv)
        self.mapping_table.setRowCount(count)
        self._combos = []
        for col in range(count):
            letter = QTableWidgetItem(get_column_letter(col + 1))
            letter.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.mapping_table.setItem(col, MAPPING_COLUMN, letter)
            header = pv.headers[col] if col < len(pv.headers) else ""
            self.mapping_table.setItem(col, HEADER_COLUMN, QTableWidgetItem(header))
            combo = QComboBox()
            combo.addItem(self.tr("— არ შემოვიტანო —"), "")
            for spec in FIELDS:
                star = " *" if spec.name in REQUIRED or spec.name == "subject" else ""
                combo.addItem(field_label(spec.name) + star, spec.name)
            combo.setCurrentIndex(max(0, combo.findData(by_column.get(col, ""))))
            combo.currentIndexChanged.connect(lambda _i, c=col: self._field_chosen(c))
            self.mapping_table.setCellWidget(col, FIELD_COLUMN, combo)
            self.mapping_table.setItem(col, EXAMPLE_COLUMN, QTableWidgetItem(""))
            self._combos.append(combo)

    def _field_chosen(self, col: int) -> None:
        """Each field comes from one column: choosing it here unmaps it elsewhere."""
        name = self._combos[col].currentData()
        if name:
            for other, combo in enumerate(self._combos):
                if other != col and combo.currentData() == name:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._clear_result()
        self._schedule_preview()

    def _fill_examples(self, pv: ImportPreview) -> None:
        first = pv.rows[0].values if pv.rows else {}
        by_column = {col: name for name, col in pv.mapping.columns.items()}
        for col in range(self.mapping_table.rowCount()):
            item = self.mapping_table.item(col, EXAMPLE_COLUMN)
            if item is not None:
                name = by_column.get(col)
                item.setText(first.get(name, "") if name else "")

    def _fill_preview(self, pv: ImportPreview) -> None:
        order = sorted(pv.mapping.columns.items(), key=lambda kv: kv[1])
        columns: list[tuple[str, Any]] = [(self.tr("სტრ."), lambda r: str(r.row))]
        for name, _col in order:
            columns.append((field_label(name), lambda r, n=name: r.values.get(n, "")))
        columns.append((self.tr("შეცდომები"), lambda r: "; ".join(i.reason for i in r.issues)))
        old = self.preview_model
        self.preview_model = PreviewModel(columns, self)
        self.preview_model.set_rows(pv.rows)
        self.preview_view.setModel(self.preview_model)
        old.deleteLater()
        self.preview_view.resizeColumnsToContents()
        bad = sum(1 for r in pv.rows if r.issues)
        text = self.tr("&გადახედვა: პირველი {shown} სტრიქონი").format(shown=len(pv.rows))
        if pv.estimated_rows:
            text += self.tr(" (ფაილში დაახლოებით {total})").format(total=pv.estimated_rows)
        text += self.tr("; შეცდომით: {bad}").format(bad=bad)
        self.preview_label.setText(text)

    # -- what the dialog shows -----------------------------------------------------------------

    def mapping(self) -> ColumnMapping:
        """The mapping as the combos show it."""
        columns = {
            str(combo.currentData()): col
            for col, combo in enumerate(self._combos)
            if combo.currentData()
        }
        sheet = self.sheet.currentText() or (self.preview.mapping.sheet if self.preview else "")
        return ColumnMapping(columns, self.header_row.value(), self.data_start.value(), sheet)

    def set_field(self, column: int, name: str) -> None:
        """Map the 0-based Excel *column* to the field *name* ("" — ignore it)."""
        combo = self._combos[column]
        combo.setCurrentIndex(max(0, combo.findData(name)))

    def field_of(self, column: int) -> str:
        return str(self._combos[column].currentData() or "")

    def options(self) -> ImportOptions:
        default = ImportOptions()
        return ImportOptions(
            kind=str(self.kind.currentData() or default.kind),
            doc_type=str(self.doc_type.currentData() or default.doc_type),
        )

    def _update_buttons(self) -> None:
        usable = (
            self._allowed
            and self.ready
            and self.preview is not None
            and not self.inspecting
            and not self.running
        )
        self.dry_run_button.setEnabled(usable)
        self.import_button.setEnabled(usable)
        self.browse_button.setEnabled(not self.running)
        self.save_report_button.setEnabled(not self.running)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.error.setText(exc.message())
            self.error.show()
        else:
            show_error(self, exc)

    def _clear_result(self) -> None:
        self.last_result = None
        self.summary.hide()
        self.issues_model.set_rows([])
        self.issues_view.setMaximumHeight(130)
        self.issues_view.hide()
        self.save_report_button.hide()

    # -- dry run / import ------------------------------------------------------------------------

    def dry_run(self) -> None:
        """Check every row without writing anything; the summary says what would happen."""
        self._run(dry_run=True)

    def run_import(self) -> None:
        """Import the good rows (idempotent: rows already there stay unchanged)."""
        self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        path = self._path
        if path is None or self.preview is None:
            return
        self._preview_timer.stop()
        self.error.hide()
        self._clear_result()
        mapping, options = self.mapping(), self.options()
        ctx = self._ctx
        self.running = True
        self._update_buttons()

        def work(_p: None, c: Control) -> ImportResult:
            return import_journal(
                ctx.db,
                ctx.actor,
                path,
                mapping,
                options,
                dry_run=dry_run,
                progress=c.progress,
                cancelled=lambda: c.cancelled,
                clock=ctx.clock,
            )

        def done(result: ImportResult) -> None:
            self.running = False
            self._update_buttons()
            self._show_result(result)
            if not result.dry_run:
                self.imported.emit(result)

        def failed(exc: BaseException) -> None:
            self.running = False
            self._update_buttons()
            self._failed(exc)

        def cancelled() -> None:
            self.running = False
            self._update_buttons()
            self.summary.setText(
                self.tr("შემოწმება გაუქმდა — არაფერი ჩაწერილა.")
                if dry_run
                else self.tr(
                    "იმპორტი გაუქმდა. უკვე ჩაწერილი ნაწილები დარჩა; ფაილის ხელახალი "
                    "იმპორტი დაამატებს დანარჩენს (ორჯერ არაფერი შემოვა)."
                )
            )
            self.summary.show()
            if not dry_run:
                self.imported.emit(None)

        self._runner.run(
            work,
            None,
            done,
            on_error=failed,
            label=self.tr("ჟურნალის შემოწმება…") if dry_run else self.tr("ჟურნალის იმპორტი…"),
            owner=self,
            on_cancel=cancelled,
        )

    def _show_result(self, result: ImportResult) -> None:
        self.last_result = result
        text = describe(result)
        if result.issues:
            text += "\n" + self.tr(
                "შეცდომები: {count} (სტრიქონი, სვეტი, მიზეზი — ქვემოთ). გაასწორეთ ფაილი და "
                "შემოიტანეთ ხელახლა: უკვე შემოტანილი სტრიქონები არ გაორმაგდება."
            ).format(count=len(result.issues))
        self.summary.setText(text)
        self.summary.show()
        self.issues_model.set_rows(result.issues)
        self.issues_view.setVisible(bool(result.issues))
        self.issues_view.resizeColumnsToContents()
        self.save_report_button.setVisible(bool(result.issues))

    # -- the error report ------------------------------------------------------------------------

    def _save_report_clicked(self) -> None:
        if self.last_result is None or self._path is None:
            return
        suggested = self._path.with_name(self._path.stem + _tr("-შეცდომები.xlsx"))
        dest = choose_report_path(self, suggested)
        if dest is not None:
            self.save_report(dest)

    def save_report(self, dest: Path) -> None:
        """Write the last result's issues (row, column, value, reason) to *dest*."""
        result = self.last_result
        if result is None:
            return
        issues: tuple[ImportIssue, ...] = result.issues
        source = result.path.name
        self.save_report_button.setEnabled(False)

        def done(path: Path) -> None:
            self.save_report_button.setEnabled(True)
            self.report_path = path
            self.summary.setText(
                self.summary.text()
                + "\n"
                + self.tr("შეცდომების ანგარიში შენახულია: {path}").format(path=path)
            )
            self.report_saved.emit(path)

        def failed(exc: BaseException) -> None:
            self.save_report_button.setEnabled(True)
            self._failed(exc)

        self._runner.run(
            lambda _p, _c: save_error_report(issues, dest, source),
            None,
            done,
            on_error=failed,
            owner=self,
        )
