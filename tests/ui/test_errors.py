"""Our bug, shown well: an exception in a slot shows an apology; the program keeps running."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import ValidationError
from ui import errors


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_shows_apology_and_is_logged(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    log_file = errors.setup_logging(tmp_path / "logs")
    monkeypatch.setattr("sys.excepthook", errors._hook)

    def broken_slot() -> None:
        raise ZeroDivisionError("division by zero in a slot")

    QTimer.singleShot(0, broken_slot)

    def apology() -> QMessageBox | None:
        for w in QApplication.topLevelWidgets():
            if (
                isinstance(w, QMessageBox)
                and w.isVisible()
                and "ZeroDivisionError" in w.detailedText()
            ):
                return w
        return None

    qtbot.waitUntil(lambda: apology() is not None, timeout=5_000)
    box = apology()
    assert "ბოდიშს გიხდით" in box.text()
    copy = next(b for b in box.buttons() if b.text() == "ანგარიშის კოპირება")
    copy.click()
    assert "ZeroDivisionError" in QApplication.clipboard().text()
    assert "broken_slot" in log_file.read_text(encoding="utf-8")
    box.close()
    # still alive: the event loop runs the next slot
    ran: list[int] = []
    QTimer.singleShot(0, lambda: ran.append(1))
    qtbot.waitUntil(lambda: ran == [1], timeout=5_000)


def test_user_error_is_a_plain_georgian_message() -> None:
    msg = errors.user_message(ValidationError("field.required", field="subject"))
    assert msg == "ველი „შინაარსი / თემა“ სავალდებულოა."
    assert errors.user_message(RuntimeError("bug")) is None
