"""Staff and departments from the administration menu: add, refuse bad input inline."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app import users
from ui.admin.users import DepartmentsDialog, UsersDialog
from ui.keys import type_text


def _open(qtbot, cls, ctx, runner):  # type: ignore[no-untyped-def]
    dlg = cls(ctx, runner)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.ready, timeout=10_000)
    return dlg


def test_new_executor_needs_a_department_then_can_log_in(  # type: ignore[no-untyped-def]
    qtbot, ctx, runner, cheap_hashing, qtmodeltester
) -> None:
    dlg = _open(qtbot, UsersDialog, ctx, runner)
    qtmodeltester.check(dlg.model)
    before = dlg.model.rowCount()
    dlg.new_button.click()
    type_text(dlg.login, "tamar.kh")
    type_text(dlg.full_name, "თამარ ხარაიშვილი")
    dlg.role.setCurrentIndex(dlg.role.findData("executor"))
    dlg.department.setCurrentIndex(0)  # none
    type_text(dlg.password, "ხარაიშვილი-2026")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dlg.errors.text("department")), timeout=10_000)
    assert dlg.model.rowCount() == before  # nothing written
    soc = next(i for i in range(dlg.department.count()) if "SOC" in dlg.department.itemText(i))
    dlg.department.setCurrentIndex(soc)
    with qtbot.waitSignal(dlg.saved, timeout=10_000) as sig:
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    row = sig.args[0]
    assert (row.login, row.role, row.has_password) == ("tamar.kh", "executor", True)
    qtbot.waitUntil(lambda: dlg.model.rowCount() == before + 1, timeout=10_000)
    assert users.authenticate(ctx.db, "tamar.kh", "ხარაიშვილი-2026").full_name == "თამარ ხარაიშვილი"


def test_department_code_must_be_unique(qtbot, ctx, runner) -> None:  # type: ignore[no-untyped-def]
    dlg = _open(qtbot, DepartmentsDialog, ctx, runner)
    before = dlg.model.rowCount()
    existing = dlg.model.row(0).code
    dlg.new_button.click()
    type_text(dlg.code, existing)
    type_text(dlg.name, "ტურიზმის სამსახური")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dlg.errors.text("code")), timeout=10_000)
    dlg.code.clear()
    type_text(dlg.code, "TOUR")
    with qtbot.waitSignal(dlg.saved, timeout=10_000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.model.rowCount() == before + 1, timeout=10_000)
    assert "TOUR" in [r.code for r in dlg.model.rows]
