"""Registration journal (Excel, streamed: a 100 000-row journal stays in constant memory)."""

from __future__ import annotations

from pathlib import Path

from reports.data import JournalReport
from reports.layout import journal_headers
from reports.progress import CancelFn, ProgressFn, Ticker
from reports.xlsx.common import TableSheet, XColumn, new_workbook, save_workbook

WIDTHS = (14, 12, 30, 14, 12, 50, 30, 26, 12, 16, 12, 20)
KINDS = ("text", "date", "text", "text", "date", "text", "text", "text", "date", "text", "date",
         "text")  # fmt: skip


def render_journal_xlsx(
    report: JournalReport,
    path: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> Path:
    tick = Ticker(report.row_count + 1, progress, cancel, every=500)
    h = report.header
    with new_workbook(h.title, h.letterhead.office_name) as wb:
        columns = [
            XColumn(t, w, k) for t, w, k in zip(journal_headers(report), WIDTHS, KINDS, strict=True)
        ]
        sheet = TableSheet(wb, "ჟურნალი", columns, h)
        for r in report.rows:
            sheet.add([
                r.number, r.reg_date, r.correspondent, r.sender_number, r.sender_date, r.subject,
                r.resolution, r.executor, r.due_date, r.answer_number, r.answer_date, r.note,
            ])  # fmt: skip
            tick.step()
        sheet.finish()
        out = save_workbook(wb, path)
    tick.finish()
    return out
