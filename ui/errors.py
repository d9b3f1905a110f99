"""The user's error (shown plainly, in Georgian) versus our bug (logged, apology shown).

``install_excepthook`` makes an unexpected exception in any Qt slot show the apology
with a copyable report instead of killing the program; the program keeps running.
"""

from __future__ import annotations

import datetime as dt
import logging
import platform
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.connection import explain
from app.errors import UserError
from app.privacy import ScrubbingFormatter, scrub
from models.db import default_data_dir

log = logging.getLogger("kantselaria.ui")

_log_file: Path | None = None
_open_boxes: list[QMessageBox] = []


def tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def setup_logging(folder: Path | None = None) -> Path:
    """Log warnings and errors with tracebacks to ``<data>/logs/kantselaria.log``."""
    global _log_file
    folder = folder or default_data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    _log_file = folder / "kantselaria.log"
    handler = RotatingFileHandler(_log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return _log_file


def report_text(exc: BaseException) -> str:
    """The copyable report: what happened, where, on what."""
    from app import __version__

    tb = scrub("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    return (
        f"Kantselaria {__version__}, Python {platform.python_version()}, "
        f"{platform.platform()}\n{dt.datetime.now().isoformat(timespec='seconds')}\n\n{tb}"
    )


def user_message(exc: BaseException) -> str | None:
    """The Georgian message for an error the user can act on, or None for our bug."""
    if isinstance(exc, UserError):
        return exc.message()
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        return explain(exc).message()
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return tr("ფაილის შეცდომა") + f"{where}: {exc.strerror}"
    return None


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show *exc*: plainly when the user can act on it, else the apology with a report."""
    msg = user_message(exc)
    if msg is not None:
        QMessageBox.warning(parent, tr("შეცდომა"), msg)
        return
    show_apology(parent, exc)


def show_apology(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    log.error("unexpected error", exc_info=exc)
    report = report_text(exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(tr("პროგრამის შეცდომა"))
    where = f"\n{_log_file}" if _log_file else ""
    box.setText(
        tr(
            "ბოდიშს გიხდით — პროგრამაში მოხდა შეცდომა. თქვენი მონაცემები არ დაკარგულა: "
            "დაუსრულებელი ოპერაცია არ შენახულა. გთხოვთ, დააკოპიროთ ანგარიში და "
            "გაუგზავნოთ ადმინისტრატორს."
        )
        + where
    )
    box.setDetailedText(report)
    copy = box.addButton(tr("ანგარიშის კოპირება"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
    box.setModal(True)
    _open_boxes.append(box)  # a parentless box would be garbage-collected at once
    box.finished.connect(lambda _r: _open_boxes.remove(box) if box in _open_boxes else None)
    box.show()
    return box


def _hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    app = QApplication.instance()
    if app is None:
        sys.__excepthook__(kind, exc, tb)
        return
    parent = QApplication.activeWindow()
    show_error(parent, exc)


def install_excepthook() -> None:
    sys.excepthook = _hook
