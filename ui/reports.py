"""The Reports screen: report, period, department, format → files, opened in the viewer.

Generation runs off the GUI thread with a progress dialog and Cancel; a cancelled or
failed report leaves no file (``app.reporting.generate`` writes atomically).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import lookups, messages
from app.errors import UserError
from app.lookups import Choice
from app.refdata import KIND_NAMES, label
from app.reporting import REPORTS, ReportRequest, generate
from models.db import Database
from ui.context import AppContext
from ui.dialogs import card as desktop
from ui.errors import show_error
from ui.tasks import Control, TaskRunner

ERROR_STYLE = "color: #b3261e;"


def default_period(report: str, today: dt.date) -> str:
    """Last month for monthly reports; the current year for the annual ones."""
    spec = REPORTS[report]
    if spec.year_only:
        return str(today.year if today.month == 12 else today.year - 1)
    first = today.replace(day=1) - dt.timedelta(days=1)
    return f"{first.year}-{first.month:02d}"


def _departments(db: Database, _c: Control) -> list[Choice]:
    return lookups.departments(db)


def default_folder() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs or Path.home()) / "Kantselaria"


class ReportsDialog(QDialog):
    generated = Signal(list)  # the written paths

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self.paths: list[Path] = []
        self.setWindowTitle(self.tr("ანგარიშები"))
        self.setMinimumWidth(560)
        en = messages.current_language() == "en"

        self.report = QComboBox()
        for spec in REPORTS.values():
            self.report.addItem(spec.name_en if en else spec.name, spec.code)
        self.period = QLineEdit()
        self.period.setPlaceholderText(self.tr("წწწწ-თთ (თვე) ან წწწწ (წელი)"))
        self.department = QComboBox()
        self.department.addItem(self.tr("ყველა სამსახური"), "")
        self.ready = False  # the departments are listed (loaded off the GUI thread)
        runner.run(_departments, ctx.db, self._departments_loaded, owner=self)
        self.kind = QComboBox()
        for code in KIND_NAMES:
            self.kind.addItem(label(KIND_NAMES, code, messages.current_language()), code)
        self.pdf = QCheckBox("PDF")
        self.xlsx = QCheckBox("Excel")
        self.csv = QCheckBox("CSV")
        formats = QHBoxLayout()
        for box in (self.pdf, self.xlsx, self.csv):
            formats.addWidget(box)
        formats.addStretch(1)
        self.folder = QLineEdit(str(default_folder()))
        browse = QPushButton(self.tr("ა&რჩევა…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)

        form = QFormLayout()
        for title, widget in (
            (self.tr("&ანგარიში"), self.report),
            (self.tr("&პერიოდი"), self.period),
            (self.tr("&სამსახური"), self.department),
            (self.tr("ჟურნალის სა&ხე"), self.kind),
        ):
            lbl = QLabel(title)
            lbl.setBuddy(widget)
            form.addRow(lbl, widget)
        form.addRow(QLabel(self.tr("ფორმატი")), formats)
        form.addRow(QLabel(self.tr("საქაღალდე")), folder_row)

        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("დახურვა"))
        self.generate_button = QPushButton(self.tr("&შექმნა"))
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        buttons.addButton(self.generate_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.result)
        lay.addWidget(buttons)
        self.report.currentIndexChanged.connect(self._report_changed)
        self._report_changed()

    def _departments_loaded(self, departments: list[Choice]) -> None:
        en = messages.current_language() == "en"
        for c in departments:
            self.department.addItem(f"{c.code} — {c.name_en if en else c.name}", c.code)
        self.ready = True

    def _report_changed(self) -> None:
        spec = REPORTS[str(self.report.currentData())]
        self.period.setText(default_period(spec.code, self._ctx.clock.today()))
        self.kind.setEnabled(spec.code == "journal")
        for box, fmt in ((self.pdf, "pdf"), (self.xlsx, "xlsx"), (self.csv, "csv")):
            box.setVisible(fmt in spec.formats)
            box.setChecked(fmt in spec.formats)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("საქაღალდე"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def request(self) -> ReportRequest:
        spec = REPORTS[str(self.report.currentData())]
        chosen = tuple(
            fmt
            for box, fmt in ((self.pdf, "pdf"), (self.xlsx, "xlsx"), (self.csv, "csv"))
            if fmt in spec.formats and box.isChecked()
        )
        return ReportRequest(
            report=spec.code,
            period=self.period.text().strip() or None,
            formats=chosen,
            department=str(self.department.currentData() or ""),
            kind=str(self.kind.currentData()),
        )

    def generate(self) -> None:
        self.error.hide()
        self.result.clear()
        req = self.request()
        if not req.formats:
            self.error.setText(self.tr("აირჩიეთ ერთი ფორმატი მაინც."))
            self.error.show()
            return
        out = Path(self.folder.text().strip() or default_folder())
        ctx = self._ctx
        self.generate_button.setEnabled(False)

        def work(_p: None, c: Control) -> list[Path]:
            out.mkdir(parents=True, exist_ok=True)
            return generate(
                ctx.db,
                ctx.actor,
                req,
                out,
                clock=ctx.clock,
                progress=c.progress,
                cancel=lambda: c.cancelled,
            )

        def done(paths: list[Path]) -> None:
            self.generate_button.setEnabled(True)
            self.paths = paths
            self.result.setText(self.tr("შეიქმნა:") + "\n" + "\n".join(str(p) for p in paths))
            self.generated.emit(paths)
            if paths:
                desktop.open_file(paths[0])

        def failed(exc: BaseException) -> None:
            self.generate_button.setEnabled(True)
            if isinstance(exc, UserError):
                self.error.setText(exc.message())
                self.error.show()
            else:
                show_error(self, exc)

        def cancelled() -> None:
            self.generate_button.setEnabled(True)
            self.result.setText(self.tr("გაუქმდა — ფაილი არ შეიქმნა."))

        self._runner.run(
            work,
            None,
            done,
            on_error=failed,
            on_cancel=cancelled,
            label=self.tr("ანგარიშის მომზადება…"),
            owner=self,
        )
