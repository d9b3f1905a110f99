"""Shared PDF pieces: styles on DejaVu, the letterhead template, page numbers, long tables.

Two page mechanisms live here:

* :func:`build_on_letterhead` — the letter template (acknowledgment slip, reply letter):
  the municipality's letterhead on top, the body below.
* :func:`build_table_report` — tabular reports: a title block, then a table built in
  chunks (one huge reportlab Table splits in quadratic time), the header row repeated on
  every later page by the page template, "გვერდი X / Y" in the footer.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from reports.data import Letterhead, ReportHeader, Signature
from reports.files import write_atomically
from reports.fonts import BOLD, REGULAR, register_fonts
from reports.progress import Cancelled, Ticker

__all__ = [
    "BOLD",
    "REGULAR",
    "Cancelled",
    "Column",
    "build_on_letterhead",
    "build_table_report",
    "esc",
    "fmt_date",
    "fmt_number",
    "header_flowables",
    "letterhead_flowables",
    "signature_flowables",
    "styles",
    "write_atomically",
]

CELL_FONT_SIZE = 7.5
CELL_PAD = 2.0
HEADER_BG = colors.HexColor("#E4E8EE")
GRID = colors.HexColor("#777777")
CHUNK_ROWS = 50


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=10, leading=13)
    cell = ParagraphStyle("cell", parent=base, fontSize=CELL_FONT_SIZE, leading=9)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=14, leading=18, alignment=TA_CENTER
        ),
        "office": ParagraphStyle(
            "office", parent=base, fontName=BOLD, fontSize=12, leading=15, alignment=TA_CENTER
        ),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "bold": ParagraphStyle("bold", parent=base, fontName=BOLD),
        "cell": cell,
        "cellbold": ParagraphStyle("cellbold", parent=cell, fontName=BOLD),
        "head": ParagraphStyle(
            "head", parent=cell, fontName=BOLD, fontSize=7, leading=8.5, alignment=TA_CENTER
        ),
    }


def esc(text: str) -> str:
    """Escape text for reportlab's mini-markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fmt_date(day: dt.date | None) -> str:
    """Dates in table cells: 05.11.2026 (the long Georgian form is for titles)."""
    return day.strftime("%d.%m.%Y") if day else ""


def fmt_number(value: float | None, decimals: int = 1) -> str:
    """A Georgian decimal: comma separator ("4,5"); empty for None."""
    if value is None:
        return ""
    return f"{value:.{decimals}f}".replace(".", ",")


# --- Letter template (slip, reply letter) ----------------------------------------------


def letterhead_flowables(lh: Letterhead, logo_height: float = 18 * mm) -> list[Flowable]:
    """The municipality's letterhead: logo (if its file exists), name, contacts, a rule."""
    st = styles()
    contact = " · ".join(x for x in (lh.address, lh.phone, lh.email) if x)
    out: list[Flowable] = []
    if lh.logo_path and Path(lh.logo_path).is_file():
        img = Image(lh.logo_path)
        scale = logo_height / float(img.imageHeight)
        img.drawHeight = logo_height
        img.drawWidth = float(img.imageWidth) * scale
        out.append(img)
    out += [
        Paragraph(esc(lh.office_name), st["office"]),
        Paragraph(esc(contact), st["center"]),
        Spacer(1, 4),
        HRFlowable(width="100%", thickness=1, color=colors.black),
        Spacer(1, 10),
    ]
    return out


def build_on_letterhead(
    path: Path,
    letterhead: Letterhead,
    body: Sequence[Flowable],
    *,
    title: str,
    pagesize: tuple[float, float] = A4,
    margin: float = 20 * mm,
) -> Path:
    """The one letter template: letterhead, then *body*; written atomically to *path*."""
    register_fonts()

    def produce(tmp: Path) -> None:
        doc = SimpleDocTemplate(
            str(tmp), pagesize=pagesize, leftMargin=margin, rightMargin=margin,
            topMargin=margin * 0.7, bottomMargin=margin * 0.7,
            title=title, author=letterhead.office_name,
        )  # fmt: skip
        doc.build([*letterhead_flowables(letterhead), *body], canvasmaker=DejaVuCanvas)

    return write_atomically(path, produce)


# --- Page numbers ------------------------------------------------------------------------


class DejaVuCanvas(Canvas):  # type: ignore[misc]
    """A canvas whose page preamble names DejaVu, not Helvetica: every font in the file
    is then an embedded one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = REGULAR
        super().__init__(*args, **kwargs)


def numbered_canvas(footer_left: str) -> type[Canvas]:
    """A canvas class that writes "გვერდი X / Y" (and *footer_left*) on every page.

    Pages are kept until the end so the total is known (the reportlab recipe).
    """

    class _Numbered(DejaVuCanvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, total: int) -> None:
            width, _ = self._pagesize
            self.saveState()
            self.setFont(REGULAR, 7.5)
            self.setFillColor(colors.HexColor("#444444"))
            self.drawRightString(width - 12 * mm, 7 * mm, f"გვერდი {self._pageNumber} / {total}")
            if footer_left:
                room = width - 24 * mm - 40 * mm
                text = footer_left
                while text and stringWidth(text, REGULAR, 7.5) > room:
                    text = text[:-2]
                self.drawString(12 * mm, 7 * mm, text if text == footer_left else text + "…")
            self.restoreState()

    return _Numbered


# --- Report header, signature -------------------------------------------------------------


def header_flowables(header: ReportHeader) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [
        Paragraph(esc(header.letterhead.office_name), st["center"]),
        Spacer(1, 3),
        Paragraph(esc(header.title), st["title"]),
    ]
    out += [Paragraph(esc(line), st["center"]) for line in header.lines]
    out.append(Spacer(1, 6))
    return out


def signature_flowables(sig: Signature, date_text: str) -> list[Flowable]:
    st = styles()
    name = f"/ {esc(sig.name)} /" if sig.name else "/ ______________________ /"
    line = Table(
        [[Paragraph(esc(sig.title), st["base"]), "_" * 28, Paragraph(name, st["base"])],
         ["", Paragraph("(ხელმოწერა)", st["small"]), ""],
         [Paragraph(esc(date_text), st["small"]), "", ""]],
        colWidths=[60 * mm, 55 * mm, 65 * mm], hAlign="LEFT",
    )  # fmt: skip
    line.setStyle(
        TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("ALIGN", (1, 0), (1, -1), "CENTER"),
        ])
    )  # fmt: skip
    return [Spacer(1, 14), line]


# --- Long tables -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    title: str
    width_mm: float
    align: str = "LEFT"  # LEFT | CENTER | RIGHT


def _table_style(n_cols: int, header: bool) -> TableStyle:
    cmds: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_FONT_SIZE),
        ("LEADING", (0, 0), (-1, -1), 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if header:
        cmds += [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ]
    return TableStyle(cmds)


@functools.lru_cache(maxsize=65536)
def _width(word: str) -> float:
    return float(stringWidth(word, REGULAR, CELL_FONT_SIZE))


def _pieces(word: str) -> list[str]:
    """A word and the places it may break: after each hyphen ("საფინანსო-|საბიუჯეტო")."""
    return [p for p in re.split(r"(?<=-)", word) if p]


def wrap_lines(text: str, width: float) -> list[str]:
    """Greedy word wrap measured in DejaVu at the cell size; breaks at spaces, then after
    hyphens, and cuts only a piece wider than the whole column. Plain lines (not
    Paragraphs) keep long tables fast: a cell of plain text costs reportlab a fraction
    of a Paragraph's parse, wrap and draw."""
    space = _width(" ")
    lines: list[str] = []
    for raw in text.split("\n"):
        line = ""
        used = 0.0
        for word in raw.split():
            for i, piece in enumerate(_pieces(word)):
                glue = "" if i > 0 or not line else " "
                w = _width(piece)
                if line and used + (space if glue else 0.0) + w > width:
                    lines.append(line)
                    line, used, glue = "", 0.0, ""
                while w > width:  # a piece wider than the column: cut it
                    cut = len(piece)
                    while cut > 1 and _width(piece[:cut]) > width:
                        cut -= 1
                    lines.append(piece[:cut])
                    piece = piece[cut:]
                    w = _width(piece)
                line += glue + piece
                used += (space if glue else 0.0) + w
        lines.append(line)
    return lines


class CellMaker:
    """Cell text wrapped into plain lines to fit its column."""

    def __init__(self, columns: Sequence[Column]) -> None:
        self._widths = [c.width_mm * mm - 2 * CELL_PAD - 0.5 for c in columns]

    def __call__(self, col: int, text: str) -> str:
        if not text:
            return ""
        if "\n" not in text and _width(text) <= self._widths[col]:
            return text
        return "\n".join(wrap_lines(text, self._widths[col]))


def _align_cmds(columns: Sequence[Column], first_row: int) -> list[tuple[Any, ...]]:
    return [
        ("ALIGN", (i, first_row), (i, -1), c.align)
        for i, c in enumerate(columns)
        if c.align != "LEFT"
    ]


def table_flowable(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str | Paragraph]],
    *,
    bold_rows: Iterable[int] = (),
    repeat_header: bool = True,
) -> Table:
    """A short table (it fits in memory and splits cheaply) with the header repeated."""
    st = styles()
    head = [Paragraph(esc(c.title), st["head"]) for c in columns]
    t = Table(
        [head, *rows], colWidths=[c.width_mm * mm for c in columns],
        repeatRows=1 if repeat_header else 0, hAlign="LEFT",
    )  # fmt: skip
    style = _table_style(len(columns), header=True)
    for cmd in _align_cmds(columns, 1):
        style.add(*cmd)
    for r in bold_rows:
        style.add("FONTNAME", (0, r + 1), (-1, r + 1), BOLD)
        style.add("BACKGROUND", (0, r + 1), (-1, r + 1), colors.HexColor("#F3F4F6"))
    t.setStyle(style)
    return t


class _LazyTable(Flowable):  # type: ignore[misc]
    """A table made only when reportlab reaches it (and freed once drawn)."""

    def __init__(self, make: Callable[[], Table]) -> None:
        super().__init__()
        self._make: Callable[[], Table] | None = make
        self._table: Table | None = None

    def _get(self) -> Table:
        if self._table is None:
            assert self._make is not None
            self._table, self._make = self._make(), None
        return self._table

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        w, h = self._get().wrap(avail_width, avail_height)
        self.width, self.height = w, h
        return w, h

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return list(self._get().split(avail_width, avail_height))

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        self._get().drawOn(canvas, x, y, _sW)


def build_table_report(
    path: Path,
    header: ReportHeader,
    columns: Sequence[Column],
    rows: Iterable[Sequence[str]],
    row_count: int,
    *,
    before: Sequence[Flowable] = (),
    after: Sequence[Flowable] = (),
    empty_text: str = "ჩანაწერები არ არის.",
    pagesize: tuple[float, float] = landscape(A4),
    ticker: Ticker | None = None,
) -> Path:
    """A tabular report of any length, written atomically.

    *rows* are already-formatted cell texts (renderers format, never count); they are
    pulled lazily, :data:`CHUNK_ROWS` at a time, as reportlab lays the pages out, and
    each chunk becomes its own small Table (one huge Table splits in quadratic time), so
    time grows linearly and the rows are never all in memory. The header row is part of
    the first chunk; the page template draws it again at the top of every later page
    while the table is still running. *ticker* counts one unit per row and is where a
    cancel request is noticed.
    """
    register_fonts()
    st = styles()
    tick = ticker or Ticker(row_count + 1)
    widths = [c.width_mm * mm for c in columns]
    make = CellMaker(columns)
    style_body = _table_style(len(columns), header=False)
    style_first = _table_style(len(columns), header=True)
    for cmd in _align_cmds(columns, 0):
        style_body.add(*cmd)
    for cmd in _align_cmds(columns, 1):
        style_first.add(*cmd)
    head_cells = [Paragraph(esc(c.title), st["head"]) for c in columns]
    source = iter(rows)
    n_chunks = max(1, -(-row_count // CHUNK_ROWS))

    def chunk_table(index: int) -> Table:
        last = index == n_chunks - 1
        taken = islice(source, None) if last else islice(source, CHUNK_ROWS)
        data: list[list[str | Paragraph]] = [
            [make(i, text) for i, text in enumerate(row)] for row in taken
        ]
        tick.step(len(data))
        if index > 0:
            return Table(data or [[""] * len(columns)], colWidths=widths, style=style_body)
        style = style_first
        if not data:
            data = [[empty_text, *([""] * (len(columns) - 1))]]
            style = TableStyle([*style.getCommands(), ("SPAN", (0, 1), (-1, 1))])
        return Table([head_cells, *data], colWidths=widths, style=style)

    story: list[Flowable] = [*header_flowables(header), *before]
    story += [_LazyTable(partial(chunk_table, i)) for i in range(n_chunks)]
    table_flowables = len(story)
    story += list(after)

    margin = 12 * mm
    page_w, page_h = pagesize
    header_table = Table([head_cells], colWidths=widths, style=style_first)
    _, header_h = header_table.wrap(page_w - 2 * margin, page_h)
    state = {"handled": 0}

    def on_later_page(canv: Canvas, doc: BaseDocTemplate) -> None:
        if state["handled"] < table_flowables:  # the table is still running
            header_table.drawOn(canv, margin, page_h - margin - header_h)

    frame_first = Frame(
        margin,
        margin,
        page_w - 2 * margin,
        page_h - 2 * margin,
        id="first",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    frame_later = Frame(margin, margin, page_w - 2 * margin, page_h - 2 * margin - header_h,
                        id="later", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip

    def on_progress(kind: str, value: int) -> None:
        if kind == "PROGRESS":
            state["handled"] = value
            tick.check()

    def produce(tmp: Path) -> None:
        doc = BaseDocTemplate(
            str(tmp), pagesize=pagesize, leftMargin=margin, rightMargin=margin,
            topMargin=margin, bottomMargin=margin, title=header.title,
            author=header.letterhead.office_name,
            pageTemplates=[
                PageTemplate(id="first", frames=[frame_first], autoNextPageTemplate="later"),
                PageTemplate(id="later", frames=[frame_later], onPage=on_later_page),
            ],
        )  # fmt: skip
        doc.setProgressCallBack(on_progress)
        footer = f"{header.title} · {header.generated_text}"
        doc.build(story, canvasmaker=numbered_canvas(footer))
        tick.finish()

    return write_atomically(path, produce)


def build_short_report(
    path: Path,
    header: ReportHeader,
    body: Sequence[Flowable],
    *,
    pagesize: tuple[float, float] = landscape(A4),
    ticker: Ticker | None = None,
) -> Path:
    """A report whose body fits in memory as a few flowables (monthly, annual, overdue)."""
    register_fonts()
    margin = 12 * mm
    tick = ticker or Ticker(1)

    def on_progress(kind: str, value: int) -> None:
        if kind == "PROGRESS":
            tick.check()

    def produce(tmp: Path) -> None:
        doc = SimpleDocTemplate(
            str(tmp), pagesize=pagesize, leftMargin=margin, rightMargin=margin,
            topMargin=margin, bottomMargin=margin, title=header.title,
            author=header.letterhead.office_name,
        )  # fmt: skip
        doc.setProgressCallBack(on_progress)
        footer = f"{header.title} · {header.generated_text}"
        doc.build([*header_flowables(header), *body], canvasmaker=numbered_canvas(footer))
        tick.finish()

    return write_atomically(path, produce)


def cell_paragraph(text: str, bold: bool = False) -> Paragraph:
    st = styles()
    return Paragraph(esc(text), st["cellbold" if bold else "cell"])
