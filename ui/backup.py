"""The reminder to back up the embedded database: a bar on top of the main window (not a
box that interrupts the clerk), shown when the last backup is older than a week or none
was ever made. Never for a server database — the DBA backs that up.

"Back up now…" asks where to (a file dialog) and copies the file with
:func:`app.backup.backup` off the GUI thread: a progress dialog with Cancel appears when it
takes longer than half a second; the bar then says where the copy is.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from app.backup import BackupResult, backup, backup_overdue, last_backup
from app.errors import UserError
from ui.context import AppContext
from ui.errors import show_error
from ui.tasks import Cancelled, Control, TaskRunner

log = logging.getLogger("kantselaria.ui.backup")

REMINDER_STYLE = (
    "QFrame#backup_reminder { background: #fff4ce; border: 1px solid #e0b400; border-radius: 3px; }"
)
DONE_STYLE = (
    "QFrame#backup_reminder { background: #dff6dd; border: 1px solid #107c10; border-radius: 3px; }"
)
FAILED_STYLE = (
    "QFrame#backup_reminder { background: #fde7e9; border: 1px solid #b3261e; border-radius: 3px; }"
)


def choose_backup_path(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to save the copy (tests replace this function)."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("BackupReminder", "სარეზერვო ასლის შენახვა"),
        str(suggested),
        QCoreApplication.translate("BackupReminder", "ბაზის ასლი (*.sqlite3);;ყველა ფაილი (*)"),
    )
    return Path(chosen) if chosen else None


def _documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class BackupReminder(QFrame):
    """Hidden until the check (off the GUI thread) finds the embedded file's backup overdue."""

    backed_up = Signal(object)  # BackupResult

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.checked = False  # the check has answered (or was not needed: a server)
        self.running = False
        self.result: BackupResult | None = None
        self.setObjectName("backup_reminder")
        self.setStyleSheet(REMINDER_STYLE)
        self.message = QLabel()
        self.message.setObjectName("backup_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_button = QPushButton(self.tr("ასლის შექ&მნა ახლავე…"))
        self.backup_button.setObjectName("backup_now")
        self.backup_button.clicked.connect(self.backup_now)
        self.close_button = QToolButton()
        self.close_button.setObjectName("backup_close")
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("შეხსენების დახურვა"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 4, 4)
        lay.addWidget(self.message, 1)
        lay.addWidget(self.backup_button)
        lay.addWidget(self.close_button)
        self.hide()
        self.check()

    def check(self) -> None:
        """Show the bar when the embedded file's last backup is over a week old (or none)."""
        if self.ctx.db.backend != "sqlite":
            self.checked = True  # the DBA backs up a server database
            return
        db, clock = self.ctx.db, self.ctx.clock

        def work(_p: None, _c: Control) -> tuple[bool, object]:
            return backup_overdue(db, clock), last_backup(db)

        def failed(exc: BaseException) -> None:
            self.checked = True  # a reminder is not worth an error box
            log.warning("backup reminder: %s", exc)

        self.runner.run(work, None, self._checked, on_error=failed, owner=self)

    def _checked(self, answer: tuple[bool, object]) -> None:
        self.checked = True
        overdue, last = answer
        if not overdue:
            return
        if last is None:
            text = self.tr(
                "ამ ბაზის სარეზერვო ასლი ჯერ არ შექმნილა. ასლი დაიცავს რეესტრს დისკის "
                "დაზიანების ან ფაილის შემთხვევით წაშლისგან."
            )
        else:
            text = self.tr(
                "ბაზის ბოლო სარეზერვო ასლი შეიქმნა %1 — ერთ კვირაზე მეტი ხნის წინ."
            ).replace("%1", f"{last:%d.%m.%Y}")
        self.setStyleSheet(REMINDER_STYLE)
        self.message.setText(text)
        self.backup_button.show()
        self.show()

    def backup_now(self) -> None:
        """Ask for the destination, then copy the file off the GUI thread."""
        if self.running:
            return
        today = self.ctx.clock.today()
        suggested = _documents_folder() / f"kantselaria-{today:%Y-%m-%d}.sqlite3"
        dest = choose_backup_path(self, suggested)
        if dest is None:
            return
        db, clock = self.ctx.db, self.ctx.clock
        self.running = True
        self.backup_button.setEnabled(False)

        def work(_p: None, c: Control) -> BackupResult:
            def progress(done: int, total: int) -> None:
                c.check()  # Cancel stops the copy between pages
                c.progress(done, total)

            try:
                return backup(db, dest, clock, progress=progress, overwrite=True)
            except Cancelled:
                dest.with_name(dest.name + ".part").unlink(missing_ok=True)
                raise

        self.runner.run(
            work,
            None,
            self._done,
            on_error=self._failed,
            label=self.tr("სარეზერვო ასლის შექმნა…"),
            owner=self,
            on_cancel=self._cancelled,
        )

    def _done(self, result: BackupResult) -> None:
        self.running = False
        self.result = result
        self.backup_button.setEnabled(True)
        self.backup_button.hide()
        self.setStyleSheet(DONE_STYLE)
        self.message.setText(
            self.tr("✔ სარეზერვო ასლი შეინახა: %1").replace("%1", str(result.path))
        )
        self.show()
        self.backed_up.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.backup_button.setEnabled(True)
        if not isinstance(exc, UserError):
            show_error(self.window(), exc)
            return
        self.setStyleSheet(FAILED_STYLE)
        self.message.setText(exc.message())
        self.show()

    def _cancelled(self) -> None:
        self.running = False
        self.backup_button.setEnabled(True)
