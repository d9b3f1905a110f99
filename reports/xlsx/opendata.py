"""Open-data export of the public-information register: XLSX and CSV (UTF-8), no personal data.

A machine-readable table: the header is the first row (no title block). In the CSV,
text that a spreadsheet would run as a formula (starting with = + - @) is prefixed
with an apostrophe (OWASP's advice for CSV injection).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from reports.data import OpenDataExport, OpenDataRow
from reports.files import write_atomically
from reports.layout import OPEN_DATA_HEADERS
from reports.progress import CancelFn, ProgressFn, Ticker
from reports.xlsx.common import TableSheet, XColumn, new_workbook, save_workbook

WIDTHS = (16, 12, 14, 16, 50, 30, 18, 12, 12, 10, 8, 18)
KINDS = ("text", "date", "text", "text", "text", "text", "text", "date", "date", "int", "text",
         "text")  # fmt: skip


def _values(r: OpenDataRow) -> list[str | int | dt.date | None]:
    return [
        r.number, r.reg_date, r.channel, r.requester_kind, r.subject, r.department, r.status,
        r.due_date, r.answer_date, r.days_to_answer, r.on_time, r.outcome,
    ]  # fmt: skip


def render_open_data_xlsx(
    export: OpenDataExport,
    path: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> Path:
    tick = Ticker(export.row_count + 1, progress, cancel, every=500)
    with new_workbook(export.title, "") as wb:
        columns = [
            XColumn(t, w, k) for t, w, k in zip(OPEN_DATA_HEADERS, WIDTHS, KINDS, strict=True)
        ]
        sheet = TableSheet(wb, "მონაცემები", columns, None)
        for r in export.rows:
            sheet.add(_values(r))
            tick.step()
        sheet.finish()
        out = save_workbook(wb, path)
    tick.finish()
    return out


def _csv_text(value: str | int | dt.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if isinstance(value, str) and text[:1] in ("=", "+", "-", "@"):
        return "'" + text
    return text


def _csv_rows(export: OpenDataExport, tick: Ticker) -> Iterator[list[str]]:
    yield list(OPEN_DATA_HEADERS)
    for r in export.rows:
        yield [_csv_text(v) for v in _values(r)]
        tick.step()


def render_open_data_csv(
    export: OpenDataExport,
    path: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> Path:
    """CSV, UTF-8 without BOM, comma-separated, dates as ISO 8601 (YYYY-MM-DD)."""
    tick = Ticker(export.row_count + 1, progress, cancel, every=500)

    def produce(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(_csv_rows(export, tick))
        tick.finish()

    return write_atomically(path, produce)
