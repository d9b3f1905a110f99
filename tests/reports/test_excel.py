"""Excel and CSV renderers, read back: typed cells, frozen header, autofilter, print set-up,
the chart, text that looks like a formula, cancel."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from reports.progress import Cancelled
from reports.xlsx.foi import render_foi_xlsx
from reports.xlsx.journal import render_journal_xlsx
from reports.xlsx.monthly import render_monthly_xlsx
from reports.xlsx.opendata import render_open_data_csv, render_open_data_xlsx
from reports.xlsx.overdue import render_overdue_xlsx
from tests.reports import _samples as sample


def assert_table_sheet(ws: Worksheet, header_row: int, last_col: str, last_row: int) -> None:
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert ws.auto_filter.ref == f"A{header_row}:{last_col}{last_row}"
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.oddFooter.center.text == "გვერდი &P / &N"
    assert ws.column_dimensions["A"].width > 10


def test_monthly_xlsx_numbers_are_numbers_and_the_chart_is_there(tmp_path: Path) -> None:
    out = render_monthly_xlsx(sample.monthly(), tmp_path / "m.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["შესრულება"]
    header_row = 1 + 1 + 1 + 1 + 1 + 1  # office, title, one line, generated, blank → row 6
    assert [c.value for c in ws[header_row]][:3] == ["სამსახური", "შემსრულებელი", "შემოსული"]
    assert ws["A2"].value == "შესრულების დისციპლინის ანგარიში" and ws["A2"].font.b
    data = [[c.value for c in row] for row in ws.iter_rows(min_row=header_row + 1)]
    assert data[:5] == [
        ["საფინანსო-საბიუჯეტო სამსახური", "გიორგი კაპანაძე", 2, 1, 0, 0, 1, 10],
        ["საფინანსო-საბიუჯეტო სამსახური", "ნინო ბერიძე", 4, 1, 1, 1, 1, 11],
        ["საფინანსო-საბიუჯეტო სამსახური", "სულ სამსახური", 6, 2, 1, 1, 2, 10.7],
        ["სოციალური სამსახური", "ლევან წიკლაური", 3, 3, 0, 0, 0, 2.5],
        ["სოციალური სამსახური", "სულ სამსახური", 3, 3, 0, 0, 0, 2.5],
    ]
    total = header_row + 6
    assert [c.value for c in ws[total]] == ["სულ", None, 9, 5, 1, 1, 2, 6.2]
    assert ws.cell(total, 3).data_type == "n" and ws.cell(total, 1).font.b
    assert ws.cell(total, 8).number_format == "0.0"
    assert_table_sheet(ws, header_row, "H", total)
    assert ws.cell(total + 2, 1).value == "სამსახურის უფროსი"
    assert "თამარ ჯაფარიძე" in ws.cell(total + 2, 2).value
    chart_sheet = wb["დიაგრამა"]
    (chart,) = chart_sheet._charts
    assert chart.tagname == "barChart" and len(chart.series) == 4
    assert [[c.value for c in row] for row in chart_sheet.iter_rows(min_row=2)] == [
        ["საფინანსო-საბიუჯეტო", 2, 1, 1, 2],
        ["სოციალური", 3, 0, 0, 0],
    ]
    assert wb.properties.title == "შესრულების დისციპლინის ანგარიში"


def test_journal_xlsx_typed_cells(tmp_path: Path) -> None:
    out = render_journal_xlsx(sample.journal(120), tmp_path / "j.xlsx")
    ws = openpyxl.load_workbook(out)["ჟურნალი"]
    header_row = 1 + 1 + 1 + 1 + 1 + 1
    assert [c.value for c in ws[header_row]] == [
        "რეგ. ნომერი", "რეგ. თარიღი", "გამგზავნი", "კორესპონდენტის ნომერი",
        "კორესპონდენტის თარიღი", "მოკლე შინაარსი", "რეზოლუცია", "შემსრულებელი",
        "შესრულების ვადა", "პასუხი — ნომერი", "პასუხი — თარიღი", "შენიშვნა",
    ]  # fmt: skip
    row3 = [c for c in ws[header_row + 3]]
    assert row3[0].value == "შ-3/2026" and row3[0].data_type == "s"
    assert row3[1].is_date and row3[1].value == dt.datetime(2026, 1, 4)
    assert row3[1].number_format == "DD.MM.YYYY"
    assert row3[3].value == "3" and row3[3].data_type == "s"  # a number as the sender wrote it
    assert row3[4].is_date and row3[4].value == dt.datetime(2026, 1, 1)
    assert row3[8].is_date and row3[9].value == "გ-3/2026" and row3[10].is_date
    row2 = [c.value for c in ws[header_row + 2]]
    assert row2[3] is None and row2[4] is None and row2[9] is None  # empty, not ""
    assert ws.max_row == header_row + 120
    assert_table_sheet(ws, header_row, "L", header_row + 120)


def test_formula_like_and_control_characters_stay_plain_text(tmp_path: Path) -> None:
    out = render_open_data_xlsx(sample.open_data(), tmp_path / "o.xlsx")
    ws = openpyxl.load_workbook(out)["მონაცემები"]
    assert ws["E2"].value == "=1+2 ბიუჯეტი" and ws["E2"].data_type == "s"
    assert ws["B2"].is_date and ws["J2"].value == 5 and ws["J2"].data_type == "n"
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:L4"


def test_overdue_and_foi_xlsx(tmp_path: Path) -> None:
    report = sample.overdue(3)
    ws = openpyxl.load_workbook(render_overdue_xlsx(report, tmp_path / "o.xlsx")).active
    header_row = 6  # office, title, the count line, generated, blank, then the header
    assert ws["A3"].value == (
        f"ვადაგადაცილებული: {report.overdue_count} · კონტროლზე: {report.under_control_count}"
        f" · სულ სიაში: {len(report.rows)}"
    )  # the same line as the PDF's
    first = [c.value for c in ws[header_row + 1]]
    assert first[0] == "შ-1/2026" and first[8] == 20 and first[9] is None
    assert [c.value for c in ws[header_row + 2]][8:10] == [0, "კი"]
    assert_table_sheet(ws, header_row, "K", header_row + 3)
    wb = openpyxl.load_workbook(render_foi_xlsx(sample.foi(), tmp_path / "f.xlsx"))
    lines = {str(r[0]).strip(): r[1] for r in wb["ანგარიში"].iter_rows(min_row=6, values_only=True)}
    assert lines["მიღებული საჯარო ინფორმაციის მოთხოვნები"] == 41
    assert lines["ნაწილობრივ დაკმაყოფილდა"] == 7
    assert lines["საჩივარი დაკმაყოფილდა"] == 1
    assert wb["საფასური"]["B2"].value == 12.5 and wb["საფასური"]["B2"].number_format == "0.00"
    grounds = list(wb["უარის საფუძვლები"].iter_rows(min_row=2, values_only=True))
    assert grounds == [("სზაკ, მუხ. 44 — პერსონალური მონაცემები", 3),
                       ("კომერციული საიდუმლოება", 2)]  # fmt: skip
    assert wb["ანგარიში"].page_setup.orientation == "portrait"


def test_open_data_csv_is_plain_utf8_with_iso_dates(tmp_path: Path) -> None:
    out = render_open_data_csv(sample.open_data(), tmp_path / "o.csv")
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # UTF-8 without BOM
    with out.open(encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0][:3] == ["რეგისტრაციის ნომერი", "რეგისტრაციის თარიღი", "მიღების არხი"]
    assert table[1] == [
        "შ-1/2026", "2026-03-01", "ფოსტა", "ფიზიკური პირი", "'=1+2 ბიუჯეტი",
        "ადმინისტრაციული სამსახური", "პასუხგაცემული", "2026-03-11", "2026-03-06", "5", "კი", "",
    ]  # fmt: skip
    assert table[2][4] == "'-ხარჯები" and table[3][4] == "ტენდერი, 2026"


@pytest.mark.parametrize(
    "render", [render_journal_xlsx, render_monthly_xlsx], ids=["journal", "monthly"]
)
def test_cancel_leaves_no_file_and_no_temporary_files(
    tmp_path: Path, render: object, recwarn: pytest.WarningsRecorder
) -> None:
    import gc

    data = sample.journal(3000) if render is render_journal_xlsx else sample.monthly()
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) >= 2  # the second check: mid-way

    with pytest.raises(Cancelled):
        render(data, tmp_path / "x.xlsx", cancel=cancel)  # type: ignore[operator]
    gc.collect()  # an abandoned streaming workbook would complain here
    assert list(tmp_path.iterdir()) == []
    assert not recwarn.list
