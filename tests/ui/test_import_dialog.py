"""The legacy journal import dialog: guessed mapping, preview, dry run, import, error report."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt

from app.importing import ImportResult
from app.registry import RegistryQuery, page
from app.setup import document_count
from ui import importing as importing_module
from ui.context import AppContext
from ui.importing import ImportDialog
from ui.tasks import TaskRunner

HEADERS = ["რეგ. №", "თარიღი", "ვისგან", "შინაარსი", "შენიშვნა"]
ROWS = [
    [1, "01.03.2019", "ნინო ბერიძე", "მიწის ნაკვეთი", ""],
    [2, "02.03.2019", "გიორგი ცინცაძე", "ქუჩის განათება", "სასწრაფო"],
    [3, "გუშინ", "ანა კაპანაძე", "ხის მოჭრა", ""],  # a date no one can read
    [],  # an empty row in the middle
    [4, "04.03.2019", "ლევან გელაშვილი", "ნაგვის გატანა", ""],
]


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    r = TaskRunner()
    yield r
    assert r.wait(10_000)


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "2019"
    ws.append(["ჟურნალი 2019"])  # a title above the headers
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    ws.append(HEADERS)
    for row in ROWS:
        ws.append(row)
    path = tmp_path / "ჟურნალი 2019.xlsx"
    wb.save(path)
    return path


def _open(qtbot, ctx: AppContext, runner: TaskRunner, journal: Path, monkeypatch) -> ImportDialog:  # type: ignore[no-untyped-def]
    dlg = ImportDialog(ctx, runner)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.ready, timeout=10_000)
    assert not dlg.dry_run_button.isEnabled()  # nothing to run before a file is read
    monkeypatch.setattr(importing_module, "choose_journal", lambda parent, start="": journal)
    qtbot.mouseClick(dlg.browse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.preview is not None and not dlg.inspecting, timeout=10_000)
    return dlg


def _run(qtbot, dlg: ImportDialog, button) -> ImportResult:  # type: ignore[no-untyped-def]
    dlg.last_result = None
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.last_result is not None and not dlg.running, timeout=15_000)
    assert dlg.last_result is not None
    return dlg.last_result


def test_guess_preview_dry_run_import_and_error_report(
    qtbot,
    ctx: AppContext,
    runner: TaskRunner,
    journal: Path,
    tmp_path: Path,
    monkeypatch,
    qtmodeltester,
) -> None:  # type: ignore[no-untyped-def]
    dlg = _open(qtbot, ctx, runner, journal, monkeypatch)

    # the mapping guessed from the Georgian headers (under a merged title row)
    assert dlg.sheet.currentText() == "2019"
    assert (dlg.header_row.value(), dlg.data_start.value()) == (2, 3)
    assert [dlg.field_of(c) for c in range(5)] == [
        "number", "reg_date", "from_name", "subject", "note",
    ]  # fmt: skip
    assert dlg.mapping_table.item(2, 1).text() == "ვისგან"
    assert dlg.mapping_table.item(3, 3).text() == "მიწის ნაკვეთი"  # an example value
    assert "ამოვიცანი" in dlg.guess_note.text()

    # the preview: four rows, the broken one tinted and saying why
    qtmodeltester.check(dlg.preview_model)
    rows = dlg.preview_model.rows
    assert [r.row for r in rows] == [3, 4, 5, 7]
    bad = [i for i, r in enumerate(rows) if r.issues]
    assert bad == [2]
    last = dlg.preview_model.columnCount() - 1
    assert "გუშინ" in dlg.preview_model.index(2, last).data()
    assert dlg.preview_model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert dlg.preview_model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "შეცდომით: 1" in dlg.preview_label.text()

    # dry run: says what would happen, writes nothing
    dry = _run(qtbot, dlg, dlg.dry_run_button)
    assert dry.dry_run and (dry.imported, dry.rejected, len(dry.issues)) == (3, 1, 1)
    assert "არაფერი ჩაწერილა" in dlg.summary.text() and "შეცდომები: 1" in dlg.summary.text()
    assert dlg.issues_model.rowCount() == 1 and dlg.save_report_button.isVisibleTo(dlg)
    assert document_count(ctx.db) == 0

    # import: the good rows, with their original numbers
    with qtbot.waitSignal(dlg.imported, timeout=15_000) as sig:
        result = _run(qtbot, dlg, dlg.import_button)
    assert sig.args == [result]
    assert not result.dry_run and (result.imported, result.rejected) == (3, 1)
    assert document_count(ctx.db) == 3
    numbers = {
        d.number for d in page(ctx.db, RegistryQuery(kind="incoming", viewer=ctx.actor), 0, 10)
    }
    assert numbers == {"1", "2", "4"}
    assert "შემოტანილია 3" in dlg.summary.text()

    # the error report (row, column, value, reason)
    dest = tmp_path / "out" / "შეცდომები.xlsx"
    monkeypatch.setattr(importing_module, "choose_report_path", lambda parent, suggested: dest)
    with qtbot.waitSignal(dlg.report_saved, timeout=10_000) as saved:
        qtbot.mouseClick(dlg.save_report_button, Qt.MouseButton.LeftButton)
    assert saved.args == [dest] and dest.exists()
    table = [list(r) for r in load_workbook(dest).active.iter_rows(values_only=True)]  # type: ignore[union-attr]
    assert table[0][0] == journal.name
    assert table[2][:3] == [5, "B (თარიღი)", "გუშინ"]
    assert "შენახულია" in dlg.summary.text()

    # importing the same file again changes nothing
    again = _run(qtbot, dlg, dlg.import_button)
    assert (again.imported, again.unchanged, again.rejected) == (0, 3, 1)
    assert document_count(ctx.db) == 3


def test_the_clerk_corrects_the_mapping(
    qtbot, ctx: AppContext, runner: TaskRunner, journal: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    dlg = _open(qtbot, ctx, runner, journal, monkeypatch)
    titles = lambda: [  # noqa: E731
        dlg.preview_model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(dlg.preview_model.columnCount())
    ]
    assert "შენიშვნა" in titles()

    # a field chosen for a second column leaves the first one
    dlg.set_field(4, "subject")
    assert dlg.field_of(3) == "" and dlg.field_of(4) == "subject"
    qtbot.waitUntil(
        lambda: dlg.preview is not None and dlg.preview.mapping.columns.get("subject") == 4
    )
    assert "შენიშვნა" not in titles()
    assert dlg.preview_model.rows[1].values["subject"] == "სასწრაფო"

    # without the number column the import refuses, naming the column
    dlg.set_field(0, "")
    qtbot.waitUntil(lambda: not dlg.inspecting and "number" not in dlg.mapping().columns)
    qtbot.waitUntil(lambda: dlg.dry_run_button.isEnabled())
    qtbot.mouseClick(dlg.dry_run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.error.isHidden(), timeout=10_000)
    assert "რეგისტრაციის ნომერი" in dlg.error.text()
    assert dlg.last_result is None and document_count(ctx.db) == 0


def test_only_an_administrator_may_import(
    qtbot, ctx: AppContext, runner: TaskRunner, journal: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    clerk = dataclasses.replace(ctx.actor, role="registrar")
    dlg = _open(qtbot, dataclasses.replace(ctx, actor=clerk), runner, journal, monkeypatch)
    assert dlg.preview is not None  # the clerk may look
    assert not dlg.dry_run_button.isEnabled() and not dlg.import_button.isEnabled()
    assert dlg.permission_note.isVisibleTo(dlg)
