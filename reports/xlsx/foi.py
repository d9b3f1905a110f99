"""Annual public-information report (Excel): indicators, refusal grounds, officials."""

from __future__ import annotations

from pathlib import Path

from reports.data import CountLine, FoiAnnualReport
from reports.layout import FOI_FEE_LABEL, foi_lines
from reports.progress import CancelFn, ProgressFn, Ticker
from reports.xlsx.common import TableSheet, XColumn, new_workbook, save_workbook


def _lines_sheet(sheet: TableSheet, lines: tuple[CountLine, ...]) -> None:
    for line in lines:
        sheet.add([line.label, line.count])
    sheet.finish()


def render_foi_xlsx(
    report: FoiAnnualReport,
    path: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> Path:
    tick = Ticker(2, progress, cancel)
    h = report.header
    with new_workbook(h.title, h.letterhead.office_name) as wb:
        main = TableSheet(
            wb, "ანგარიში", (XColumn("მაჩვენებელი", 70), XColumn("რაოდენობა", 14, "int")), h,
            landscape=False,
        )  # fmt: skip
        for label, value, indent in foi_lines(report):
            main.add(["    " * indent + label, value], bold=indent == 0)
        main.finish()
        fees = TableSheet(
            wb, "საფასური", (XColumn("მაჩვენებელი", 70), XColumn("ლარი", 14, "money")), None,
            landscape=False,
        )  # fmt: skip
        fees.add([FOI_FEE_LABEL, report.fees_tetri / 100])
        fees.finish()
        grounds = TableSheet(
            wb, "უარის საფუძვლები",
            (XColumn("სამართლებრივი საფუძველი", 70), XColumn("რაოდენობა", 14, "int")), None,
            landscape=False,
        )  # fmt: skip
        _lines_sheet(grounds, report.refusals_by_ground)
        officials = TableSheet(
            wb, "უარის მიმღები პირები",
            (XColumn("თანამდებობის პირი", 70), XColumn("რაოდენობა", 14, "int")), None,
            landscape=False,
        )  # fmt: skip
        _lines_sheet(officials, report.refused_by_official)
        tick.step()
        out = save_workbook(wb, path)
    tick.finish()
    return out
