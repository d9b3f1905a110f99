"""Monthly execution-discipline report (PDF): table per department and executor, chart."""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from reports.data import DisciplineFigures, MonthlyReport
from reports.fonts import BOLD, REGULAR
from reports.layout import CHART_SERIES, MONTHLY_HEADERS
from reports.pdf.common import (
    Column,
    build_short_report,
    cell_paragraph,
    fmt_number,
    signature_flowables,
    table_flowable,
)
from reports.progress import CancelFn, ProgressFn, Ticker

WIDTHS_MM = (88, 24, 28, 30, 34, 34, 30)
COLUMNS = tuple(
    Column(title, w, "LEFT" if i == 0 else "RIGHT")
    for i, (title, w) in enumerate(zip(MONTHLY_HEADERS, WIDTHS_MM, strict=True))
)
COLORS = ("#2E7D32", "#F9A825", "#C62828", "#90A4AE")
SERIES = tuple((name, colors.HexColor(c)) for name, c in zip(CHART_SERIES, COLORS, strict=True))


def _cells(label: str, f: DisciplineFigures, bold: bool = False) -> list[str | Paragraph]:
    return [
        cell_paragraph(label, bold),
        str(f.received), str(f.on_time), str(f.late), str(f.overdue_open),
        str(f.open_not_due), fmt_number(f.avg_days),
    ]  # fmt: skip


def _short(label: str, limit: int = 18) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def chart_drawing(
    report: MonthlyReport, width: float = 250 * mm, height: float = 80 * mm
) -> Drawing:
    """Grouped bars: on time, late, overdue, open — one group per chart bar of the data."""
    d = Drawing(width, height)
    d.add(String(0, height - 10, report.chart_title, fontName=BOLD, fontSize=10))
    bars = report.chart
    if not bars:
        d.add(String(0, height - 28, "მონაცემები არ არის.", fontName=REGULAR, fontSize=9))
        return d
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 38
    chart.width, chart.height = width - 220, height - 60
    chart.data = [
        tuple(b.figures.on_time for b in bars),
        tuple(b.figures.late for b in bars),
        tuple(b.figures.overdue_open for b in bars),
        tuple(b.figures.open_not_due for b in bars),
    ]
    for i, (_, color) in enumerate(SERIES):
        chart.bars[i].fillColor = color
        chart.bars[i].strokeColor = None
    top = max(max(series) for series in chart.data)
    chart.valueAxis.valueMin = 0
    if top == 0:
        chart.valueAxis.valueMax = 1
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: str(int(v)) if float(v).is_integer() else ""
    chart.categoryAxis.categoryNames = [_short(b.label) for b in bars]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 25 if len(bars) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(bars) > 6 else "n"
    chart.groupSpacing = 6
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 175, height - 30
    legend.fontName = REGULAR
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = len(SERIES)
    legend.colorNamePairs = [(c, name) for name, c in SERIES]
    d.add(legend)
    return d


def render_monthly_pdf(
    report: MonthlyReport,
    path: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> Path:
    tick = Ticker(3, progress, cancel)
    rows: list[list[str | Paragraph]] = []
    bold_rows: list[int] = []
    for dept in report.departments:
        bold_rows.append(len(rows))
        rows.append(_cells(dept.name, dept.totals, bold=True))
        for ex in dept.executors:
            rows.append(_cells("\u00a0" * 6 + ex.name, ex.figures))
    bold_rows.append(len(rows))
    rows.append(_cells("სულ", report.totals, bold=True))
    tick.step()
    body: list[Flowable] = [
        table_flowable(COLUMNS, rows, bold_rows=bold_rows),
        Spacer(1, 10),
        chart_drawing(report),
        *signature_flowables(report.signature, report.header.generated_text),
    ]
    tick.step()
    return build_short_report(path, report.header, body, ticker=tick)
