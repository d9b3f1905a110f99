"""Shared Excel pieces (openpyxl, write-only so long journals stream in constant memory).

Every table sheet: typed cells (dates are dates with a DD.MM.YYYY format, counts are
numbers, text is text — even text that starts with "="), the header row frozen and
filterable, column widths, A4 landscape fitted to the page width, the header row repeated
on every printed page, "გვერდი X / Y" in the footer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from reports.data import ReportHeader
from reports.files import write_atomically

DATE_FORMAT = "DD.MM.YYYY"
DECIMAL_FORMAT = "0.0"
MONEY_FORMAT = "0.00"
HEADER_FILL = PatternFill("solid", fgColor="E4E8EE")
TOTAL_FILL = PatternFill("solid", fgColor="F3F4F6")
THIN = Side(style="thin", color="999999")
HEADER_BORDER = Border(bottom=THIN, top=THIN, left=THIN, right=THIN)
# Characters XML 1.0 cannot carry (openpyxl refuses them).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

CellValue = str | int | float | dt.date | None


@dataclass(frozen=True)
class XColumn:
    title: str
    width: float
    kind: str = "text"  # text | int | date | decimal | money


@contextmanager
def new_workbook(title: str, author: str) -> Iterator[Workbook]:
    """A streaming workbook; if the body raises (an error, Cancelled) its temporary
    sheet files are closed and removed before the exception goes on."""
    wb = Workbook(write_only=True)
    wb.properties.title = title
    wb.properties.creator = author
    try:
        yield wb
    except BaseException:
        _discard(wb)
        raise


def _discard(wb: Workbook) -> None:
    for ws in wb.worksheets:
        rows = getattr(ws, "_rows", None)
        writer = getattr(ws, "_writer", None)
        try:
            if rows is not None:
                rows.close()
            if writer is not None:
                writer.close()
                writer.cleanup()
        except (OSError, ValueError):  # already closed or removed: nothing left to free
            pass


def save_workbook(wb: Workbook, path: Path) -> Path:
    def produce(tmp: Path) -> None:
        wb.save(str(tmp))

    return write_atomically(path, produce)


def clean(text: str) -> str:
    return _ILLEGAL.sub(" ", text)


class TableSheet:
    """One sheet: optional title block, a header row, typed data rows, print set-up."""

    def __init__(
        self,
        wb: Workbook,
        name: str,
        columns: Sequence[XColumn],
        header: ReportHeader | None = None,
        *,
        landscape: bool = True,
    ) -> None:
        self.ws = wb.create_sheet(name[:31])
        self.columns = tuple(columns)
        ws = self.ws
        for i, col in enumerate(self.columns, 1):
            ws.column_dimensions[get_column_letter(i)].width = col.width
        self.row = 0
        title_rows: list[tuple[str, Font]] = []
        if header is not None:
            title_rows = [
                (header.letterhead.office_name, Font(italic=True)),
                (header.title, Font(bold=True, size=14)),
                *((line, Font()) for line in header.lines),
                (header.generated_text, Font(size=9, italic=True)),
                ("", Font()),
            ]
        self.header_row = len(title_rows) + 1
        ws.freeze_panes = f"A{self.header_row + 1}"
        ws.print_title_rows = f"{self.header_row}:{self.header_row}"
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.oddFooter.center.text = "გვერდი &P / &N"
        ws.oddFooter.center.size = 8
        if header is not None:
            ws.oddFooter.left.text = clean(header.title)[:100]
            ws.oddFooter.left.size = 8
        for text, font in title_rows:
            self._append([self._styled(clean(text), font=font)] if text else [])
        head = []
        for col in self.columns:
            c = WriteOnlyCell(ws, value=clean(col.title))
            c.font = Font(bold=True)
            c.fill = HEADER_FILL
            c.border = HEADER_BORDER
            c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            head.append(c)
        self._append(head)
        self._first_data = self.header_row + 1

    def _styled(
        self,
        value: CellValue,
        *,
        font: Font | None = None,
        number_format: str | None = None,
        fill: PatternFill | None = None,
    ) -> WriteOnlyCell:
        c = WriteOnlyCell(self.ws, value=value)
        if isinstance(value, str) and value.startswith("="):
            c.data_type = "s"  # text, never a formula
        if font is not None:
            c.font = font
        if number_format is not None:
            c.number_format = number_format
        if fill is not None:
            c.fill = fill
        return c

    def _append(self, cells: list[object]) -> None:
        self.ws.append(cells)
        self.row += 1

    def add(self, values: Sequence[CellValue], *, bold: bool = False) -> None:
        """One data row; each value typed by its column's kind."""
        out: list[object] = []
        font = Font(bold=True) if bold else None
        fill = TOTAL_FILL if bold else None
        for col, value in zip(self.columns, values, strict=True):
            fmt = None
            if value is None or value == "":
                out.append(None if not bold else self._styled(None, fill=fill))
                continue
            if col.kind == "date":
                fmt = DATE_FORMAT
            elif col.kind == "decimal":
                fmt = DECIMAL_FORMAT
            elif col.kind == "money":
                fmt = MONEY_FORMAT
            if isinstance(value, str):
                value = clean(value)
                if fmt is None and not bold and not value.startswith("="):
                    out.append(value)
                    continue
            elif fmt is None and not bold:
                out.append(value)
                continue
            out.append(self._styled(value, font=font, number_format=fmt, fill=fill))
        self._append(out)

    def finish(self) -> None:
        """Autofilter over the header and the data rows (call after the last row)."""
        last_col = get_column_letter(len(self.columns))
        self.ws.auto_filter.ref = f"A{self.header_row}:{last_col}{max(self.row, self.header_row)}"
