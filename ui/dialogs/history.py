"""Two tabs of the document card: History (every step, who and when) and Attachments
(files stored in the database with their SHA-256; drop files here or press Add)."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import attachments, history, messages
from app.attachments import AttachmentRow
from app.history import HistoryEntry
from ui.admin.common import RowsModel, confirm, error_label
from ui.context import AppContext
from ui.errors import show_error
from ui.tasks import TaskRunner


def _table(model: RowsModel, name: str) -> QTableView:
    t = QTableView()
    t.setObjectName(name)
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    t.verticalHeader().hide()
    return t


def local_time(at: Any) -> str:
    """A UTC timestamp in the workstation's time zone, as a clerk reads it."""
    import datetime as dt

    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return str(at.astimezone().strftime("%d.%m.%Y %H:%M"))


def size_text(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


class HistoryPanel(QWidget):
    """The audit trail of one document, oldest first."""

    loaded = Signal()

    def __init__(
        self, ctx: AppContext, runner: TaskRunner, doc_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx, self._runner, self.doc_id = ctx, runner, doc_id
        self._gen = 0
        self.ready = False
        en = messages.current_language() == "en"
        self.model = RowsModel(
            [
                (self.tr("დრო"), lambda e: local_time(e.at)),
                (self.tr("ვინ"), lambda e: e.who),
                (self.tr("მოქმედება"), lambda e: e.action_label if not en else e.action),
                (self.tr("ველი"), lambda e: e.field_label if not en else e.field),
                (self.tr("იყო"), lambda e: e.old),
                (self.tr("გახდა"), lambda e: e.new),
            ],
            self,
        )
        self.table = _table(self.model, "history")
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)

    def reload(self) -> None:
        self._gen += 1
        gen = self._gen
        ctx, doc_id = self._ctx, self.doc_id

        def done(rows: list[HistoryEntry]) -> None:
            if gen != self._gen:
                return
            self.model.set_rows(rows)
            self.ready = True
            self.loaded.emit()

        self._runner.run(
            lambda _p, c: history.history(ctx.db, ctx.actor, doc_id),
            None,
            done,
            on_error=lambda exc: show_error(self, exc),
            owner=self,
        )


class AttachmentsPanel(QWidget):
    """The files of one document: add (or drop), open, save a copy, remove."""

    loaded = Signal()
    changed = Signal()

    def __init__(
        self, ctx: AppContext, runner: TaskRunner, doc_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx, self._runner, self.doc_id = ctx, runner, doc_id
        self._gen = 0
        self.ready = False
        self.opened: Path | None = None
        self.setAcceptDrops(True)
        self.model = RowsModel(
            [
                (self.tr("ფაილი"), lambda a: a.file_name),
                (self.tr("ზომა"), lambda a: size_text(a.size_bytes)),
                (self.tr("დამატებულია"), lambda a: local_time(a.created_at)),
                (self.tr("ვინ"), lambda a: a.created_by),
                (self.tr("SHA-256"), lambda a: a.sha256[:16] + "…"),
            ],
            self,
        )
        self.table = _table(self.model, "attachments")
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.add_button = QPushButton(self.tr("&დამატება…"))
        self.open_button = QPushButton(self.tr("&გახსნა"))
        self.save_button = QPushButton(self.tr("ასლის &შენახვა…"))
        self.remove_button = QPushButton(self.tr("&წაშლა"))
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_current)
        self.save_button.clicked.connect(self.save_copy)
        self.remove_button.clicked.connect(self.remove_current)
        self.error = error_label("attachment_error")
        hint = QLabel(self.tr("ფაილები შეგიძლიათ აქ გადმოათრიოთ."))
        hint.setStyleSheet("color: #555;")
        row = QHBoxLayout()
        for b in (self.add_button, self.open_button, self.save_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addWidget(hint)
        lay.addWidget(self.error)
        lay.addLayout(row)

    # --- list ------------------------------------------------------------------------
    def reload(self) -> None:
        self._gen += 1
        gen = self._gen
        ctx, doc_id = self._ctx, self.doc_id

        def done(rows: list[AttachmentRow]) -> None:
            if gen != self._gen:
                return
            self.model.set_rows(rows)
            self.ready = True
            self.loaded.emit()

        self._runner.run(
            lambda _p, c: attachments.list_attachments(ctx.db, ctx.actor, doc_id),
            None,
            done,
            on_error=self._failed,
            owner=self,
        )

    def current(self) -> AttachmentRow | None:
        row: AttachmentRow | None = self.model.row(self.table.currentIndex().row())
        return row

    def _failed(self, exc: BaseException) -> None:
        from app.errors import UserError

        if isinstance(exc, UserError):
            self.error.setText(exc.message())
            self.error.show()
        else:
            show_error(self, exc)

    # --- add ---------------------------------------------------------------------------
    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("ფაილების დამატება"))
        if names:
            self.add_paths([Path(n) for n in names])

    def add_paths(self, paths: Sequence[Path]) -> None:
        """Store *paths* one by one off the GUI thread; stop at the first refusal."""
        self.error.hide()
        ctx, doc_id = self._ctx, self.doc_id

        def work(_p: None, control: Any) -> int:
            for i, p in enumerate(paths):
                control.check()
                attachments.add_file(ctx.db, ctx.actor, doc_id, p, clock=ctx.clock)
                control.progress(i + 1, len(paths))
            return len(paths)

        def done(_n: int) -> None:
            self.changed.emit()
            self.reload()

        def failed(exc: BaseException) -> None:
            self._failed(exc)
            self.reload()

        self._runner.run(
            work, None, done, on_error=failed, label=self.tr("ფაილების შენახვა…"), owner=self
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    # --- open, copy, remove ---------------------------------------------------------------
    def _export(self, folder: Path, then: Any) -> None:
        a = self.current()
        if a is None:
            return
        ctx = self._ctx
        self._runner.run(
            lambda _p, c: attachments.export_attachment(ctx.db, ctx.actor, a.id, folder),
            None,
            then,
            on_error=self._failed,
            owner=self,
        )

    def open_current(self) -> None:
        from ui.dialogs.card import open_file

        folder = Path(tempfile.mkdtemp(prefix="kantselaria-"))

        def done(path: Path) -> None:
            self.opened = path
            open_file(path)

        self._export(folder, done)

    def save_copy(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("სად შევინახო?"))
        if folder:
            self._export(Path(folder), lambda path: setattr(self, "opened", path))

    def remove_current(self) -> None:
        a = self.current()
        if a is None:
            return
        if not confirm(
            self,
            self.tr("დანართის წაშლა"),
            self.tr("წაიშალოს „%1“? ეს ისტორიაში ჩაიწერება.").replace("%1", a.file_name),
        ):
            return
        ctx = self._ctx
        self._runner.run(
            lambda _p, c: attachments.remove_attachment(ctx.db, ctx.actor, a.id, clock=ctx.clock),
            None,
            lambda _r: (self.changed.emit(), self.reload()),
            on_error=self._failed,
            owner=self,
        )
