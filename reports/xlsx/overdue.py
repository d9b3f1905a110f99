"""Overdue / under-control list (Excel)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reports.data import OverdueReport
from reports.layout import OVERDUE_HEADERS, overdue_counts
from reports.progress import CancelFn, ProgressFn, Ticker
from reports.xlsx.common import TableSheet, XColumn, new_workbook, save_workbook

WIDTHS = (14, 12, 28, 46, 22, 26, 26, 12, 12, 10, 20)
KINDS = ("text", "date", "text", "text", "text", "text", "text", "date", "int", "text", "text")


def render_overdue_xlsx(
    report: OverdueReport,
    path: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> Path:
    tick = Ticker(len(report.rows) + 1, progress, cancel, every=500)
    counts = " · ".join(f"{label}: {n}" for label, n in overdue_counts(report))
    h = replace(report.header, lines=(*report.header.lines, counts))  # as the PDF prints it
    with new_workbook(h.title, h.letterhead.office_name) as wb:
        columns = [XColumn(t, w, k) for t, w, k in zip(OVERDUE_HEADERS, WIDTHS, KINDS, strict=True)]
        sheet = TableSheet(wb, "ვადაგადაცილებული", columns, h)
        for r in report.rows:
            sheet.add([
                r.number, r.reg_date, r.correspondent, r.subject, r.doc_type, r.department,
                r.executor, r.due_date, r.days_overdue, "კი" if r.under_control else "", r.status,
            ])  # fmt: skip
            tick.step()
        sheet.finish()
        out = save_workbook(wb, path)
    tick.finish()
    return out
