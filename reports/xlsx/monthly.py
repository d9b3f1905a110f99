"""Monthly execution-discipline report (Excel) with an openpyxl bar chart."""

from __future__ import annotations

from pathlib import Path

from openpyxl.chart import BarChart, Reference

from reports.data import DisciplineFigures, MonthlyReport
from reports.layout import CHART_SERIES, MONTHLY_HEADERS
from reports.progress import CancelFn, ProgressFn, Ticker
from reports.xlsx.common import TableSheet, XColumn, new_workbook, save_workbook

COLUMNS = (
    XColumn("სამსახური", 40),
    XColumn("შემსრულებელი", 30),
    *(XColumn(title, 16, "int") for title in MONTHLY_HEADERS[1:6]),
    XColumn(MONTHLY_HEADERS[6], 16, "decimal"),
)


def _figures(f: DisciplineFigures) -> list[int | float | None]:
    return [f.received, f.on_time, f.late, f.overdue_open, f.open_not_due, f.avg_days]


def render_monthly_xlsx(
    report: MonthlyReport,
    path: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> Path:
    tick = Ticker(3, progress, cancel)
    h = report.header
    with new_workbook(h.title, h.letterhead.office_name) as wb:
        sheet = TableSheet(wb, "შესრულება", COLUMNS, h)
        for dept in report.departments:
            for ex in dept.executors:
                sheet.add([dept.name, ex.name, *_figures(ex.figures)])
            sheet.add([dept.name, "სულ სამსახური", *_figures(dept.totals)], bold=True)
        sheet.add(["სულ", "", *_figures(report.totals)], bold=True)
        sheet.finish()
        sheet.add([None] * len(COLUMNS))
        signer = f"________________ / {report.signature.name or '                    '} /"
        sheet.add([report.signature.title, signer, *([None] * (len(COLUMNS) - 2))])
        tick.step()

        chart_cols = (
            XColumn("დასახელება", 30),
            *(XColumn(name, 18, "int") for name in CHART_SERIES),
        )
        data = TableSheet(wb, "დიაგრამა", chart_cols, None)
        for bar in report.chart:
            f = bar.figures
            data.add([bar.label, f.on_time, f.late, f.overdue_open, f.open_not_due])
        data.finish()
        if report.chart:
            chart = BarChart()
            chart.type = "col"
            chart.grouping = "clustered"
            chart.title = report.chart_title
            chart.y_axis.title = "დოკუმენტები"
            chart.y_axis.majorGridlines = None
            first, last = data.header_row, data.header_row + len(report.chart)
            values = Reference(data.ws, min_col=2, max_col=5, min_row=first, max_row=last)
            cats = Reference(data.ws, min_col=1, min_row=first + 1, max_row=last)
            chart.add_data(values, titles_from_data=True)
            chart.set_categories(cats)
            for series, color in zip(
                chart.series, ("2E7D32", "F9A825", "C62828", "90A4AE"), strict=True
            ):
                series.graphicalProperties.solidFill = color
            chart.width, chart.height = 26, 12
            data.ws.add_chart(chart, "G2")
        tick.step()
        return_path = save_workbook(wb, path)
    tick.finish()
    return return_path
