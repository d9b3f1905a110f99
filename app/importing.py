"""Import of past years' registration journals kept in Excel.

The flow the GUI's mapping dialog and ``kantselaria-cli import-journal`` share:

1. :func:`inspect_file` finds the header row (one row, or a group row with a sub-header
   row under it) and *guesses* which column holds what from the Georgian headers
   ("რეგ. №", "თარიღი", "ვისგან", "შინაარსი", "რეზოლუცია", "შესრულების ვადა" …), and
   parses the first rows as a preview (each with its problems).
2. The clerk corrects the mapping (or passes a JSON one), then :func:`import_journal`
   with ``dry_run=True`` reports what would happen, and without it imports.

Rules:

* The original registration number is kept as the document's number; its sequence
  number (the number's last group of digits that is not the year) is the ``seq`` of the
  counter scope the kind (and department) uses, and the year is the registration date's.
  The key (scope, year, seq) makes re-import idempotent: a row already in the database
  with the same number is *unchanged*; with a different number it is a conflict.
* After the import the number counter of each (scope, year) is at least the highest
  imported number, so the next registration in that year continues after it.
* A row with a problem is not imported; every problem is listed (row, column, value,
  reason) and :func:`save_error_report` writes them to an Excel file. The good rows are
  imported — fixing the file and importing it again adds only the fixed rows.
* The file is streamed (openpyxl read-only) and written in chunks, each chunk one
  transaction (counters, correspondents, documents, search words, audit entry), so other
  clerks can keep registering during a long import and a cancel keeps whole chunks.
* Robust to: wrong cell types, merged cells (a vertically merged cell fills its rows),
  empty rows, repeated header rows, dates as text (dd.mm.yyyy, yyyy-mm-dd, "12 მარტი
  2019"), as Excel serial numbers, or as real dates.

Resolution, executor, answer and note have no column of their own in the registry: they
are kept as labelled lines of the document's summary (searchable, shown on the card).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, range_boundaries
from openpyxl.utils.datetime import from_excel
from sqlalchemy import CursorResult, Table, case, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import messages, search
from app.audit import Change, record
from app.auth import Actor, require
from app.clock import Clock, SystemClock
from app.dates import MONTHS_KA
from app.errors import UserError, ValidationError
from app.refdata import CHANNEL_NAMES, STATUS_NAMES
from app.registration import template_for
from app.text import fold, skeleton
from app.validation import MIN_DATE, digits_id
from models.db import Database
from models.tables import (
    CHANNELS,
    DOC_KINDS,
    DOC_STATUSES,
    Correspondent,
    Department,
    Document,
    DocumentType,
    NumberCounter,
)

# -- the columns a journal may have --------------------------------------------------------

REQUIRED = ("number", "reg_date")
CHUNK = 1000  # rows per transaction
IN_LIST = 500  # values per IN (...) list (MS SQL allows 2100 parameters per statement)
HEADER_SCAN_ROWS = 30
PREVIEW_ROWS = 20
SEQ_MAX = 2_000_000_000
SUBJECT_MAX = 500
SUMMARY_MAX = 20_000
SERIAL_MIN, SERIAL_MAX = 20_000, 80_000  # Excel day numbers of 1954 … 2119


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label_ka: str
    label_en: str
    # Header patterns: "=text" matches the whole (folded) header; otherwise every
    # space-separated stem must occur in it. The most specific match (longest) wins.
    patterns: tuple[str, ...]


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("number", "რეგისტრაციის ნომერი", "Registration number",
              ("=№", "=n", "=no", "=#", "=n°", "=nn", "რეგ", "სარეგისტრაციო", "ნომერი",
               "რიგითი", "reg", "number")),
    FieldSpec("reg_date", "რეგისტრაციის თარიღი", "Registration date",
              ("თარიღი", "თარიღ", "რეგისტრაციის თარიღ", "შემოსვლის თარიღ", "მიღების თარიღ",
               "გაგზავნის თარიღ", "date")),
    FieldSpec("from_name", "კორესპონდენტი (ვისგან / ვის)", "Correspondent (from / to)",
              ("ვისგან", "=ვის", "ვის გაეგზავნა", "საიდან", "გამგზავნი", "გამომგზავნი",
               "კორესპონდენტ", "ადრესატ", "from", "sender", "correspondent", "addressee")),
    FieldSpec("personal_id", "პირადი ნომერი", "Personal number",
              ("პირადი ნომერ", "=პ ნ", "personal")),
    FieldSpec("org_code", "საიდენტიფიკაციო კოდი", "Identification code",
              ("საიდენტიფიკაციო კოდ", "=ს კ", "=კოდი")),
    FieldSpec("sender_number", "გამგზავნის ნომერი", "Sender's number",
              ("გამგზავნ ნომერ", "გამომგზავნ ნომერ", "წერილის ნომერ", "დოკუმენტის ნომერ",
               "გამგზავნ №", "წერილის №", "sender no", "sender number")),
    FieldSpec("sender_date", "გამგზავნის თარიღი", "Sender's date",
              ("გამგზავნ თარიღ", "გამომგზავნ თარიღ", "წერილის თარიღ", "დოკუმენტის თარიღ",
               "sender date")),
    FieldSpec("subject", "შინაარსი", "Subject",
              ("შინაარს", "საკითხ", "=თემა", "subject", "content")),
    FieldSpec("summary", "დამატებითი ინფორმაცია", "Additional information",
              ("დამატებით", "აღწერა", "summary", "description")),
    FieldSpec("doc_type", "დოკუმენტის ტიპი", "Document type",
              ("დოკუმენტის სახე", "დოკუმენტის ტიპ", "=სახე", "=ტიპი", "type")),
    FieldSpec("department", "სამსახური", "Department",
              ("სამსახურ", "განყოფილებ", "სტრუქტურულ ერთეულ", "department")),
    FieldSpec("channel", "მიღების არხი", "Delivery channel",
              ("მიღების წეს", "მიღების ფორმ", "არხ", "channel")),
    FieldSpec("sheets", "ფურცლები", "Sheets",
              ("ფურც", "გვერდ", "sheets", "pages")),
    FieldSpec("resolution", "რეზოლუცია", "Resolution",
              ("რეზოლუცი", "resolution")),
    FieldSpec("executor", "შემსრულებელი", "Executor",
              ("შემსრულებ", "executor")),
    FieldSpec("due_date", "შესრულების ვადა", "Due date",
              ("შესრულების ვად", "=ვადა", "ვადა", "due")),
    FieldSpec("answer_number", "პასუხის ნომერი", "Answer number",
              ("პასუხის ნომერ", "პასუხის №", "გასული ნომერ", "answer no", "answer number")),
    FieldSpec("answer_date", "პასუხის თარიღი", "Answer date",
              ("პასუხის თარიღ", "შესრულების თარიღ", "answer date")),
    FieldSpec("answer", "შესრულების აღნიშვნა", "Answer / execution note",
              ("შესრულების აღნიშვნ", "=პასუხი", "შედეგ", "answer")),
    FieldSpec("note", "შენიშვნა", "Note", ("შენიშვნ", "note", "remark")),
)  # fmt: skip
FIELD_NAMES = tuple(f.name for f in FIELDS)
_SPEC = {f.name: f for f in FIELDS}
_DATE_FIELDS = ("reg_date", "sender_date", "due_date", "answer_date")
_SUMMARY_LINES = (  # extra columns kept as labelled lines of the summary
    ("resolution", "რეზოლუცია"),
    ("executor", "შემსრულებელი"),
    ("answer", "შესრულება"),
    ("note", "შენიშვნა"),
)


def field_label(name: str, lang: str | None = None) -> str:
    spec = _SPEC[name]
    return spec.label_en if (lang or messages.current_language()) == "en" else spec.label_ka


# -- header guessing -----------------------------------------------------------------------

_PUNCT = re.compile(r"[\s.,:;()\[\]{}\-–—/\\\"'„“”«»*_]+")


def _norm_header(value: object) -> str:
    if value is None:
        return ""
    text = fold(str(value))
    return _PUNCT.sub(" ", text).strip()


def _score(header: str, pattern: str) -> int:
    if not header:
        return 0
    if pattern.startswith("="):
        return 100 + len(pattern) if header == pattern[1:] else 0
    stems = pattern.split()
    if all(stem in header for stem in stems):  # two words beat one ("გამგზავნის №")
        return sum(len(s) for s in stems) + 5 * (len(stems) - 1)
    return 0


def match_header(header: object) -> tuple[str, int] | None:
    """The field a header names and how specific the match is (None: no field)."""
    text = _norm_header(header)
    best: tuple[str, int] | None = None
    for spec in FIELDS:
        for pat in spec.patterns:
            sc = _score(text, pat)
            if sc and (best is None or sc > best[1]):
                best = (spec.name, sc)
    return best


def guess_columns(headers: Sequence[object]) -> dict[str, int]:
    """Field -> 0-based column, from header texts; each field at most once (the most
    specific header wins, the leftmost on a tie)."""
    best: dict[str, tuple[int, int]] = {}
    for col, header in enumerate(headers):
        found = match_header(header)
        if found is None:
            continue
        name, sc = found
        if name not in best or sc > best[name][1]:
            best[name] = (col, sc)
    return {name: col for name, (col, _sc) in sorted(best.items(), key=lambda kv: kv[1][0])}


# -- mapping ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnMapping:
    """Where the data is: the sheet, the header row(s), and field -> 0-based column."""

    columns: Mapping[str, int]
    header_row: int  # 1-based; 0 when the file has no header row
    data_start: int  # 1-based first data row
    sheet: str = ""

    def to_json(self, headers: Sequence[str] = ()) -> dict[str, Any]:
        """The JSON form ``--mapping`` accepts (columns as letters; header text for
        reading only)."""
        out: dict[str, Any] = {
            "sheet": self.sheet,
            "header_row": self.header_row,
            "data_start": self.data_start,
            "columns": {f: get_column_letter(c + 1) for f, c in self.columns.items()},
        }
        if headers:
            out["headers"] = {
                get_column_letter(c + 1): headers[c]
                for c in self.columns.values()
                if c < len(headers)
            }
        return out


def save_mapping(mapping: ColumnMapping, dest: Path, headers: Sequence[str] = ()) -> Path:
    dest.write_text(
        json.dumps(mapping.to_json(headers), ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return dest


def load_mapping_spec(path: Path) -> dict[str, Any]:
    """Read a ``--mapping`` JSON file: ``{"sheet": …, "header_row": 3, "data_start": 4,
    "columns": {"number": "A", "reg_date": "თარიღი", "subject": 5, "note": null}}`` —
    a column is a letter, a 1-based number or the header's text; null unmaps a field.
    Everything is optional: what is missing is guessed from the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationError("import.bad_mapping", field="mapping", detail=str(exc)[:200]) from exc
    if not isinstance(data, dict):
        raise ValidationError("import.bad_mapping", field="mapping", detail="not an object")
    return data


def _resolve_column(value: object, headers: Sequence[str]) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        if value >= 1:
            return value - 1
        raise ValueError(value)
    text = str(value).strip()
    if re.fullmatch(r"[A-Za-z]{1,3}", text):
        return int(column_index_from_string(text.upper())) - 1
    wanted = _norm_header(text)
    for col, header in enumerate(headers):
        if _norm_header(header) == wanted:
            return col
    raise ValueError(text)


def apply_spec(
    guessed: ColumnMapping, spec: Mapping[str, Any], headers: Sequence[str]
) -> ColumnMapping:
    """The guessed mapping with what the JSON spec says laid over it."""
    columns = dict(guessed.columns)
    raw = spec.get("columns") or {}
    if not isinstance(raw, dict):
        raise ValidationError("import.bad_mapping", field="mapping", detail="columns")
    for name, value in raw.items():
        if name not in _SPEC:
            raise ValidationError(
                "import.bad_mapping", field="mapping", detail=f"{name}? ({', '.join(FIELD_NAMES)})"
            )
        try:
            col = _resolve_column(value, headers)
        except ValueError:
            raise ValidationError(
                "import.bad_mapping", field="mapping", detail=f"{name}: {value}"
            ) from None
        if col is None:
            columns.pop(name, None)
        else:
            columns[name] = col
    header_row = int(spec.get("header_row", guessed.header_row))
    data_start = int(
        spec.get("data_start", header_row + 1 if "header_row" in spec else guessed.data_start)
    )
    return ColumnMapping(columns, header_row, max(data_start, 1), guessed.sheet)


def _check_mapping(mapping: ColumnMapping) -> None:
    for name in (*REQUIRED, "subject"):
        if name not in mapping.columns and not (name == "subject" and "summary" in mapping.columns):
            raise ValidationError(
                "import.mapping_missing", field="mapping", column=field_label(name)
            )
    cols = list(mapping.columns.values())
    if len(cols) != len(set(cols)):
        raise ValidationError("import.mapping_twice", field="mapping")


# -- reading the workbook ------------------------------------------------------------------

Cell = Any
Row = tuple[Cell, ...]


@dataclass
class _Sheet:
    ws: Any
    epoch: dt.datetime
    merges: list[tuple[int, int, int, int]]  # min_col, min_row, max_col, max_row (1-based)
    estimated_rows: int


_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Za-z]+\d+:[A-Za-z]+\d+)\"")


def _merged_ranges(ws: Any) -> list[tuple[int, int, int, int]]:
    """The merged ranges of a read-only sheet. openpyxl parses them only in normal mode, so
    the ``<mergeCell ref=…>`` elements (after the rows, at the end of the sheet's XML) are
    picked from the raw part while it streams by."""
    source = getattr(ws, "_get_source", None)
    if source is None:
        return []
    found: list[tuple[int, int, int, int]] = []
    tail = b""
    with source() as stream:
        while True:
            block = stream.read(1 << 20)
            if not block:
                break
            buf = tail + block
            cut = 0
            for m in _MERGE.finditer(buf):
                found.append(cast(tuple[int, int, int, int], range_boundaries(m[1].decode())))
                cut = m.end()
            tail = buf[max(cut, len(buf) - 200) :]
    return found


# An .xlsx is a zip: a 1 MB file can unpack to gigabytes. openpyxl streams the sheets in
# read-only mode but loads the shared strings whole, so the package is measured first.
SHARED_STRINGS_MAX = 128 << 20  # a 100 000-row journal needs a fraction of this
MEMBER_MAX = 1 << 30
PACKAGE_MAX = 2 << 30
CELL_MAX = 32_767  # Excel's own limit for one cell


def _check_package(path: Path) -> None:
    """Refuse an .xlsx whose unpacked size could exhaust memory, before parsing it."""
    try:
        with zipfile.ZipFile(path) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ValidationError(
            "import.bad_file", field="file", name=path.name, detail=str(exc)[:200]
        ) from exc
    total = sum(m.file_size for m in members)
    strings = sum(m.file_size for m in members if m.filename.lower().endswith("sharedstrings.xml"))
    if (
        total > PACKAGE_MAX
        or strings > SHARED_STRINGS_MAX
        or any(m.file_size > MEMBER_MAX for m in members)
    ):
        raise ValidationError(
            "import.too_big_unpacked", field="file", name=path.name, mib=total >> 20
        )


@contextmanager
def _open_sheet(path: Path, sheet: str = "") -> Iterator[tuple[_Sheet, list[str]]]:
    """The sheet (default: the first worksheet) and the names of all worksheets."""
    if not path.is_file():
        raise ValidationError("import.bad_file", field="file", name=path.name, detail="—")
    _check_package(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zip, XML and format errors of every kind
        raise ValidationError(
            "import.bad_file", field="file", name=path.name, detail=str(exc)[:200]
        ) from exc
    try:
        names = [ws.title for ws in wb.worksheets]
        if not names:
            raise ValidationError("import.bad_file", field="file", name=path.name, detail="—")
        if sheet and sheet not in names:
            raise ValidationError(
                "import.no_sheet", field="sheet", got=sheet, allowed=", ".join(names)
            )
        ws = wb[sheet or names[0]]
        estimated = int(ws.max_row or 0)
        merges = _merged_ranges(ws)
        # Some programs write a wrong <dimension>; read every row there is instead.
        ws.reset_dimensions()
        yield _Sheet(ws, wb.epoch, merges, estimated), names
    finally:
        wb.close()


def _rows(sheet: _Sheet, start: int = 1) -> Iterator[tuple[int, Row]]:
    """(1-based row number, values) from *start*, with vertically merged cells filled
    down from their top cell."""
    starts: dict[int, list[tuple[int, int]]] = {}
    for min_col, min_row, _max_col, max_row in sheet.merges:
        if max_row > min_row:
            starts.setdefault(min_row, []).append((min_col - 1, max_row))
    active: list[tuple[int, int, Cell]] = []  # column, last row, value
    for number, values in enumerate(sheet.ws.iter_rows(values_only=True), start=1):
        row: list[Cell] = list(values)
        if active:
            active = [a for a in active if a[1] >= number]
            for col, _last, value in active:
                while len(row) <= col:
                    row.append(None)
                if row[col] is None:
                    row[col] = value
        for col, last in starts.get(number, ()):
            value = row[col] if col < len(row) else None
            if value is not None:
                active.append((col, last, value))
        if number >= start:
            for value in row:
                if isinstance(value, str) and len(value) > CELL_MAX:
                    raise ValidationError("import.cell_too_long", field="file", row=number)
            yield number, tuple(row)


def _filled_right(sheet: _Sheet, number: int, row: Row) -> list[Cell]:
    """A header row with each horizontally merged cell's text repeated across its span."""
    out = list(row)
    for min_col, min_row, max_col, _max_row in sheet.merges:
        if min_row == number and max_col > min_col and min_col - 1 < len(out):
            value = out[min_col - 1]
            while len(out) < max_col:
                out.append(None)
            for c in range(min_col, max_col):
                out[c] = value if out[c] is None else out[c]
    return out


def _looks_like_data(value: Cell) -> bool:
    if isinstance(value, int | float | dt.date):
        return True
    return bool(re.fullmatch(r"[\d\s./\-]+", str(value)))


def _detect_header(sheet: _Sheet, head: list[tuple[int, Row]]) -> tuple[int, int, list[str]]:
    """(header row, first data row, header text per column) — 0, 1, [] if none found.

    Candidates: each row alone, and each row with the row under it as a sub-header
    (a merged group cell "გამგზავნის" over "ნომერი" / "თარიღი"). The one naming the most
    fields wins; on a tie a single row, then the upper one.
    """
    candidates: list[tuple[int, int, int, int, int, list[str]]] = []
    for i, (number, row) in enumerate(head):
        texts = ["" if v is None else str(v).strip() for v in row]
        candidates.append((len(guess_columns(texts)), 1, -number, number, number + 1, texts))
        if i + 1 >= len(head):
            continue
        below_number, below = head[i + 1]
        cells = [v for v in below if v is not None and str(v).strip()]
        if not cells or any(_looks_like_data(v) for v in cells):
            continue
        parent = _filled_right(sheet, number, row)
        combined = []
        for c in range(max(len(parent), len(below))):
            top = parent[c] if c < len(parent) else None
            sub = below[c] if c < len(below) else None
            parts = [str(x).strip() for x in (top, sub) if x is not None and str(x).strip()]
            combined.append(" ".join(dict.fromkeys(parts)))
        candidates.append(
            (len(guess_columns(combined)), 0, -number, number, below_number + 1, combined)
        )
    if not candidates:
        return 0, 1, []
    fields, _single, _up, header_row, data_start, texts = max(candidates, key=lambda c: c[:3])
    if fields < 2:
        return 0, 1, []
    return header_row, data_start, texts


# -- values ----------------------------------------------------------------------------------


class _Bad(Exception):
    """One cell's problem: a message key and its parameters."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


_DMY = re.compile(r"^(\d{1,2})[./\-](\d{1,2})[./\-](\d{2}|\d{4})(?:\s*(?:წ\.?|წელი))?$")
_YMD = re.compile(r"^(\d{4})[./\-](\d{1,2})[./\-](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_WORDS = re.compile(r"^(\d{1,2})\s+(\S+)\s+(\d{4})(?:\s*(?:წ\.?|წელი))?$")
_MONTHS = {fold(m)[:4]: i for i, m in enumerate(MONTHS_KA, start=1)}


def _cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _control_table(multiline: bool) -> dict[int, str | None]:
    """str.translate table: line breaks and tabs to spaces (newlines kept when multiline),
    other control and invisible format characters removed (the zero-width joiner stays)."""
    table: dict[int, str | None] = {c: None for c in range(0x20)}
    table.update({c: None for c in range(0x7F, 0xA0)})
    for c in (0xAD, 0x200B, 0x200C, 0x200E, 0x200F, 0x2028, 0x2029, 0xFEFF):
        table[c] = None
    table.update({c: None for c in range(0x202A, 0x202F)})
    table.update({c: None for c in range(0x2060, 0x2065)})
    table.update({ord("\t"): " ", ord("\r"): " ", ord("\n"): "\n" if multiline else " "})
    return table


_ONE_LINE = _control_table(False)
_MULTI_LINE = _control_table(True)
_SPACES = re.compile(r"[ \u00a0]{2,}")


def _clean(value: Cell, *, multiline: bool = False) -> str:
    """Cell text as stored: NFC, no control characters, single spaces, stripped."""
    text = value if type(value) is str else _cell_text(value)
    if not text:
        return ""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if multiline:
        text = text.replace("\r\n", "\n")
    text = text.translate(_MULTI_LINE if multiline else _ONE_LINE)
    if "  " in text or "\u00a0" in text:
        text = _SPACES.sub(" ", text)
    if multiline and "\n" in text:
        return "\n".join(line.strip() for line in text.split("\n")).strip()
    return text.strip()


def _year2(yy: int, today: dt.date) -> int:
    return 2000 + yy if 2000 + yy <= today.year else 1900 + yy


def parse_day(value: Cell, epoch: dt.datetime, today: dt.date) -> dt.date | None:
    """A date from a cell: a real date, an Excel day number, or text (25.11.2026,
    25/11/26, 2026-11-25, "25 ნოემბერი 2026"). None for an empty cell; _Bad otherwise."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise _Bad("import.bad_date", got=str(value))
    if isinstance(value, int | float):
        return _serial(float(value), epoch, str(value))
    text = _clean(value)
    if not text:
        return None
    try:
        if m := _DMY.match(text):
            year = int(m[3]) if len(m[3]) == 4 else _year2(int(m[3]), today)
            return dt.date(year, int(m[2]), int(m[1]))
        if m := _YMD.match(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _WORDS.match(text):
            month = _MONTHS.get(fold(m[2])[:4])
            if month is not None:
                return dt.date(int(m[3]), month, int(m[1]))
        if re.fullmatch(r"\d{5}(?:\.0+)?", text):
            return _serial(float(text), epoch, text)
    except ValueError:
        pass
    raise _Bad("import.bad_date", got=text[:40])


def _serial(number: float, epoch: dt.datetime, shown: str) -> dt.date:
    if not SERIAL_MIN <= number <= SERIAL_MAX:
        raise _Bad("import.bad_date", got=shown[:40])
    day = from_excel(number, epoch=epoch)
    return day.date() if isinstance(day, dt.datetime) else cast(dt.date, day)


def seq_of(number: str, year: int) -> int | None:
    """The sequence number inside a registration number: its last group of digits that
    is not the year ("შ-123/2019" → 123, "01-12/345" → 345, "345/19" → 345)."""
    groups = re.findall(r"\d+", number)
    if not groups:
        return None
    if len(groups) > 1 and int(groups[-1]) in (year, year % 100) and len(groups[-1]) in (2, 4):
        groups = groups[:-1]
    return int(groups[-1])


def _int_cell(value: Cell) -> int:
    if isinstance(value, bool):
        raise _Bad("import.bad_int", got=str(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = _clean(value)
    if re.fullmatch(r"\d{1,6}", text):
        return int(text)
    raise _Bad("import.bad_int", got=text[:40])


# -- rows --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportIssue:
    """One problem: the Excel row, the column (letter and header), the value, the reason."""

    row: int
    column: str
    value: str
    reason: str
    key: str = ""


@dataclass(frozen=True)
class _Ref:
    """Reference data the rows are checked against (loaded once)."""

    doc_types: dict[str, int]  # folded code / name / English name -> id
    doc_type_codes: str
    default_doc_type: int
    departments: dict[str, int]  # folded code / name -> id
    scopes: dict[int | None, str]  # department id -> counter scope
    channels: dict[str, str]  # folded code / Georgian / English -> code


@dataclass
class _Good:
    excel_row: int
    number: str
    seq: int
    year: int
    scope: str
    values: dict[str, Any]  # the document's columns (without ids of correspondents)
    name: str
    personal_id: str | None
    org_code: str | None


@dataclass(frozen=True)
class ImportOptions:
    kind: str = "incoming"
    doc_type: str = "letter"  # for rows without (or with an empty) type column
    channel: str = "post"
    status: str = "closed"  # past years' documents are done with
    chunk_size: int = CHUNK


class _RowReader:
    """Turns one Excel row into a document's values or a list of issues."""

    def __init__(
        self,
        mapping: ColumnMapping,
        headers: Sequence[str],
        ref: _Ref,
        options: ImportOptions,
        epoch: dt.datetime,
        today: dt.date,
    ) -> None:
        self.mapping = mapping
        self.headers = headers
        self.ref = ref
        self.options = options
        self.epoch = epoch
        self.today = today
        self.header_texts = {_norm_header(h) for h in headers if h}

    def column_name(self, name: str) -> str:
        col = self.mapping.columns.get(name)
        if col is None:
            return field_label(name)
        header = self.headers[col] if col < len(self.headers) and self.headers[col] else ""
        letter = get_column_letter(col + 1)
        return f"{letter} ({header})" if header else f"{letter} ({field_label(name)})"

    def is_blank(self, row: Row) -> bool:
        filled = [
            v
            for c in self.mapping.columns.values()
            if c < len(row)
            and (v := row[c]) is not None
            and not (isinstance(v, str) and not v.strip())
        ]
        if not filled:
            return True
        # A month or page title ("მარტი", "2019 წელი": one short cell) or a repeated header
        # row is not a document; a lone longer text is (it gets its issues).
        if len(filled) == 1 and len(_cell_text(filled[0]).strip()) <= 40:
            return True
        number = self.cell(row, "number")
        if isinstance(number, str) and _norm_header(number) in self.header_texts:
            return {_norm_header(v) for v in filled} <= self.header_texts
        return False

    def cell(self, row: Row, name: str) -> Cell:
        col = self.mapping.columns.get(name)
        if col is None or col >= len(row):
            return None
        value = row[col]
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def read(self, excel_row: int, row: Row) -> tuple[_Good | None, list[ImportIssue]]:
        issues: list[ImportIssue] = []
        flagged: set[str] = set()

        def bad(name: str, value: Cell, key: str, **params: object) -> None:
            flagged.add(name)
            text = messages.render(key, params)
            issues.append(
                ImportIssue(excel_row, self.column_name(name), _cell_text(value)[:200], text, key)
            )

        def text_of(name: str, limit: int, multiline: bool = False) -> str:
            value = self.cell(row, name)
            text = _clean(value, multiline=multiline)
            if len(text) > limit:
                bad(name, value, "import.too_long", max=limit)
                return ""
            return text

        days: dict[str, dt.date | None] = {}
        for name in _DATE_FIELDS:
            value = self.cell(row, name)
            try:
                day = parse_day(value, self.epoch, self.today)
            except _Bad as exc:
                bad(name, value, exc.key, **exc.params)
                day = None
            if day is not None and not (
                MIN_DATE <= day <= (self.today if name != "due_date" else dt.date(2100, 1, 1))
            ):
                bad(name, value, "import.date_range", got=day.isoformat(),
                    lo=MIN_DATE.isoformat(), hi=self.today.isoformat())  # fmt: skip
                day = None
            days[name] = day

        raw_number = self.cell(row, "number")
        number = _clean(raw_number)
        reg_date = days["reg_date"]
        seq: int | None = None
        if not number:
            bad("number", raw_number, "import.required")
        elif len(number) > 60:
            bad("number", raw_number, "import.too_long", max=60)
        elif reg_date is not None:
            seq = seq_of(number, reg_date.year)
            if seq is None or not 1 <= seq <= SEQ_MAX:
                bad("number", raw_number, "import.bad_number", got=number[:40])
                seq = None
        if reg_date is None and "reg_date" not in flagged:
            bad("reg_date", None, "import.required")

        subject = text_of("subject", SUMMARY_MAX, multiline=True)
        summary = text_of("summary", SUMMARY_MAX, multiline=True)
        if not subject:
            subject, summary = summary, ""
        if not subject and not {"subject", "summary"} & flagged:
            bad("subject" if "subject" in self.mapping.columns else "summary", None,
                "import.required")  # fmt: skip
        subject_line = re.sub(r"\s+", " ", subject)
        if len(subject_line) > SUBJECT_MAX:
            cut = subject_line[: SUBJECT_MAX - 1].rsplit(" ", 1)[0]
            summary = "\n".join(x for x in (subject, summary) if x)
            subject_line = cut + "…"
        extra = []
        for name, label in _SUMMARY_LINES:
            text = text_of(name, 2000, multiline=True)
            if text:
                extra.append(f"{label}: {text}")
        answer_no = text_of("answer_number", 60)
        if answer_no or days["answer_date"]:
            when = days["answer_date"].strftime("%d.%m.%Y") if days["answer_date"] else ""
            extra.append("პასუხი: " + " ".join(x for x in (answer_no, when) if x))
        summary = "\n".join(x for x in (summary, *extra) if x)[:SUMMARY_MAX]

        name = text_of("from_name", 300)
        personal_id = org_code = None
        for key, length in (("personal_id", 11), ("org_code", 9)):
            value = self.cell(row, key)
            try:
                got = digits_id(_clean(value), key, length)
            except UserError as err:
                bad(key, value, err.key, **err.params)
                got = None
            if key == "personal_id":
                personal_id = got
            else:
                org_code = got

        doc_type_id = self.ref.default_doc_type
        value = self.cell(row, "doc_type")
        if value is not None:
            found = self.ref.doc_types.get(fold(_clean(value)))
            if found is None:
                bad("doc_type", value, "import.unknown_value", got=_clean(value)[:40],
                    allowed=self.ref.doc_type_codes)  # fmt: skip
            else:
                doc_type_id = found
        department_id: int | None = None
        value = self.cell(row, "department")
        if value is not None:
            found_dept = self.ref.departments.get(fold(_clean(value)))
            if found_dept is None:
                bad("department", value, "import.unknown_value", got=_clean(value)[:40],
                    allowed="—")  # fmt: skip
            department_id = found_dept
        channel = self.options.channel
        value = self.cell(row, "channel")
        if value is not None:
            found_channel = self.ref.channels.get(fold(_clean(value)))
            if found_channel is None:
                bad("channel", value, "import.unknown_value", got=_clean(value)[:40],
                    allowed=", ".join(CHANNELS))  # fmt: skip
            else:
                channel = found_channel
        sheets = 1
        value = self.cell(row, "sheets")
        if value is not None:
            try:
                sheets = _int_cell(value)
            except _Bad as exc:
                bad("sheets", value, exc.key, **exc.params)
            if not 0 <= sheets <= 10_000:
                bad("sheets", value, "import.bad_int", got=_cell_text(value)[:40])
                sheets = 1
        sender_number = text_of("sender_number", 60)

        if issues or seq is None or reg_date is None:
            return None, issues
        scope = self.ref.scopes.get(department_id) or self.ref.scopes[None]
        status = self.options.status
        return (
            _Good(
                excel_row=excel_row,
                number=number,
                seq=seq,
                year=reg_date.year,
                scope=scope,
                values={
                    "kind": self.options.kind,
                    "reg_number": number,
                    "seq": seq,
                    "seq_year": reg_date.year,
                    "counter_scope": scope,
                    "reg_date": reg_date,
                    "sender_number": sender_number,
                    "sender_date": days["sender_date"],
                    "doc_type_id": doc_type_id,
                    "channel": channel,
                    "subject": subject_line,
                    "summary": summary,
                    "sheets": sheets,
                    "confidential": False,
                    "status": status,
                    "due_date": days["due_date"],
                    "statutory_due_date": days["due_date"],
                    "department_id": department_id,
                    "executor_id": None,
                    "under_control": False,
                    "closed_date": days["answer_date"] if status == "closed" else None,
                },
                name=name,
                personal_id=personal_id,
                org_code=org_code,
            ),
            [],
        )


def _load_ref(s: Session, options: ImportOptions) -> _Ref:
    types: dict[str, int] = {}
    default_type: int | None = None
    codes = []
    for t in s.scalars(select(DocumentType).where(DocumentType.active)):
        codes.append(t.code)
        for key in (t.code, t.name, t.name_en):
            if key:
                types.setdefault(fold(key), t.id)
        if t.code == options.doc_type:
            default_type = t.id
    if default_type is None:
        raise ValidationError(
            "doc_type.unknown", field="doc_type", got=options.doc_type, allowed=", ".join(codes)
        )
    departments: dict[str, int] = {}
    scopes: dict[int | None, str] = {}
    general = template_for(s, options.kind, None)
    if general is None:
        raise ValidationError("number.template_missing", field="kind", kind=options.kind)
    scopes[None] = general.counter_scope
    for d in s.scalars(select(Department)):
        departments.setdefault(fold(d.code), d.id)
        departments.setdefault(fold(d.name), d.id)
        if d.name_en:
            departments.setdefault(fold(d.name_en), d.id)
        own = template_for(s, options.kind, d.id)
        scopes[d.id] = own.counter_scope if own is not None else general.counter_scope
    channels: dict[str, str] = {}
    for code in CHANNELS:
        channels[fold(code)] = code
        ka, en = CHANNEL_NAMES.get(code, (code, code))
        channels.setdefault(fold(ka), code)
        channels.setdefault(fold(en), code)
    return _Ref(types, ", ".join(codes), default_type, departments, scopes, channels)


def _check_options(options: ImportOptions) -> None:
    if options.kind not in DOC_KINDS:
        raise ValidationError(
            "kind.unknown", field="kind", got=options.kind, allowed=", ".join(DOC_KINDS)
        )
    if options.channel not in CHANNELS:
        raise ValidationError(
            "channel.unknown", field="channel", got=options.channel, allowed=", ".join(CHANNELS)
        )
    if options.status not in DOC_STATUSES:
        raise ValidationError(
            "import.bad_status", field="status", got=options.status,
            allowed=", ".join(f"{k} ({v[0]})" for k, v in STATUS_NAMES.items()),
        )  # fmt: skip
    if not 1 <= options.chunk_size <= 50_000:
        raise ValidationError("import.bad_chunk", field="chunk_size", got=options.chunk_size)


# -- preview -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PreviewRow:
    row: int
    values: dict[str, str]  # field -> the value as it will be stored (display text)
    issues: tuple[ImportIssue, ...]


@dataclass(frozen=True)
class ImportPreview:
    path: Path
    sheets: tuple[str, ...]
    mapping: ColumnMapping
    headers: tuple[str, ...]  # header text of every column (empty when none)
    guessed: bool  # True when the mapping came from the headers alone
    estimated_rows: int  # data rows according to the file (0: unknown)
    rows: tuple[PreviewRow, ...]


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def _guess(sheet: _Sheet) -> tuple[ColumnMapping, list[str]]:
    head: list[tuple[int, Row]] = []
    for number, row in _rows(sheet):
        head.append((number, row))
        if number >= HEADER_SCAN_ROWS:
            break
    header_row, data_start, headers = _detect_header(sheet, head)
    columns = guess_columns(headers) if headers else {}
    return ColumnMapping(columns, header_row, data_start, sheet.ws.title), headers


def _mapping_for(
    sheet: _Sheet, spec: Mapping[str, Any] | None
) -> tuple[ColumnMapping, list[str], bool]:
    guessed, headers = _guess(sheet)
    if not spec:
        if not guessed.columns:
            raise ValidationError("import.no_header", field="mapping")
        return guessed, headers, True
    if "header_row" in spec and int(spec["header_row"]) != guessed.header_row:
        wanted = int(spec["header_row"])
        headers = []
        if wanted > 0:
            for number, row in _rows(sheet):
                if number == wanted:
                    headers = ["" if v is None else str(v).strip() for v in row]
                    break
        guessed = ColumnMapping({}, wanted, wanted + 1, sheet.ws.title)
    return apply_spec(guessed, spec, headers), headers, False


def inspect_file(
    db: Database,
    path: Path,
    mapping: ColumnMapping | Mapping[str, Any] | None = None,
    options: ImportOptions | None = None,
    *,
    sheet: str = "",
    rows: int = PREVIEW_ROWS,
    clock: Clock | None = None,
) -> ImportPreview:
    """Read the headers, guess (or apply) the mapping and parse the first *rows* data rows.

    *mapping*: None (guess), a JSON spec (laid over the guess) or a ColumnMapping (used
    as is — what the GUI passes back after the clerk changed the combos).
    """
    options = options or ImportOptions()
    _check_options(options)
    today = (clock or SystemClock()).today()
    with db.read() as s:
        ref = _load_ref(s, options)
    sheet = mapping.sheet if isinstance(mapping, ColumnMapping) and mapping.sheet else sheet
    with _open_sheet(path, sheet) as (sh, names):
        if isinstance(mapping, ColumnMapping):
            cm, headers = mapping, _header_texts(sh, mapping.header_row)
            guessed = False
        else:
            cm, headers, guessed = _mapping_for(sh, mapping)
        reader = _RowReader(cm, headers, ref, options, sh.epoch, today)
        out: list[PreviewRow] = []
        if cm.columns:
            for number, row in _rows(sh, cm.data_start):
                if len(out) >= rows:
                    break
                if reader.is_blank(row):
                    continue
                good, issues = reader.read(number, row)
                values = {name: _show(reader.cell(row, name)) for name in cm.columns}
                if good is not None:  # as it will be stored
                    for name in ("reg_date", "sender_date", "due_date", "subject"):
                        if name in cm.columns:
                            values[name] = _show(good.values[name])
                    values["number"] = good.number
                out.append(PreviewRow(number, values, tuple(issues)))
        estimated = max(sh.estimated_rows - cm.data_start + 1, 0)
        return ImportPreview(path, tuple(names), cm, tuple(headers), guessed, estimated, tuple(out))


def _header_texts(sheet: _Sheet, header_row: int) -> list[str]:
    if header_row <= 0:
        return []
    for number, row in _rows(sheet):
        if number == header_row:
            return ["" if v is None else str(v).strip() for v in row]
    return []


# -- import ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    path: Path
    dry_run: bool
    cancelled: bool
    rows_read: int  # non-empty data rows
    imported: int  # new documents (would be, in a dry run)
    unchanged: int  # already in the database with the same number
    rejected: int  # rows with at least one issue
    issues: tuple[ImportIssue, ...]
    counters: tuple[tuple[str, int, int], ...]  # (scope, year, last number) touched
    correspondents_created: int
    seconds: float
    mapping: ColumnMapping

    @property
    def rows_per_second(self) -> float:
        return self.rows_read / self.seconds if self.seconds > 0 else 0.0


@dataclass
class _Run:
    db: Database
    actor: Actor
    options: ImportOptions
    path: Path
    now: dt.datetime
    dry_run: bool
    imported: int = 0
    unchanged: int = 0
    rejected_rows: set[int] = field(default_factory=set)
    issues: list[ImportIssue] = field(default_factory=list)
    counters: dict[tuple[str, int], int] = field(default_factory=dict)
    seen: dict[tuple[str, int, int], tuple[int, str]] = field(default_factory=dict)
    names: dict[str, int] = field(default_factory=dict)  # folded name -> correspondent id
    ids: dict[tuple[str, str], int] = field(default_factory=dict)  # ("pid"|"org", id) -> id
    created: int = 0

    def issue(self, good: _Good, column: str, key: str, **params: object) -> None:
        self.issues.append(
            ImportIssue(good.excel_row, column, good.number, messages.render(key, params), key)
        )
        self.rejected_rows.add(good.excel_row)

    def flush(self, chunk: list[_Good], column: str) -> None:
        if not chunk:
            return
        if self.dry_run:
            with self.db.read() as s:
                self._chunk(s, chunk, column)
        else:
            with self.db.write() as s:
                self._chunk(s, chunk, column)

    def _chunk(self, s: Session, chunk: list[_Good], column: str) -> None:
        tops: dict[tuple[str, int], int] = {}
        for g in chunk:
            key = (g.scope, g.year)
            tops[key] = max(tops.get(key, 0), g.seq)
        if not self.dry_run:
            # First the counters: their row locks make concurrent registrations in these
            # years wait for this chunk, so no number below can be taken meanwhile.
            for (scope, year), top in sorted(tops.items()):
                _raise_counter(s, scope, year, top)
        existing = _existing(s, chunk)
        fresh: list[_Good] = []
        for g in chunk:
            there = existing.get((g.scope, g.year, g.seq))
            if there is None:
                fresh.append(g)
            elif there == g.number:
                self.unchanged += 1
            else:
                self.issue(g, column, "import.conflict", number=g.number, year=g.year,
                           existing=there)  # fmt: skip
        for (scope, year), top in tops.items():
            self.counters[(scope, year)] = max(self.counters.get((scope, year), 0), top)
        if self.dry_run:
            self.imported += len(fresh)
            return
        if not fresh:
            return
        corr_ids = self._correspondents(s, fresh)
        rows = [
            {
                **g.values,
                "correspondent_id": corr_id,
                "created_by": self.actor.user_id,
                "created_at": self.now,
                "updated_by": self.actor.user_id,
                "updated_at": self.now,
                "version": 1,
            }
            for g, corr_id in zip(fresh, corr_ids, strict=True)
        ]
        # A plain executemany (fast_executemany on MS SQL); the new ids are read back by
        # the unique key (scope, year, seq) — RETURNING in parameter order would send the
        # rows one by one on SQLite.
        s.execute(insert(cast(Table, Document.__table__)), rows)
        ids = _document_ids(s, fresh)
        doc_ids = [ids[(g.scope, g.year, g.seq)] for g in fresh]
        search.index_documents(
            s, [(i, r["subject"], r["summary"]) for i, r in zip(doc_ids, rows, strict=True)]
        )
        record(
            s,
            at=self.now,
            user_id=self.actor.user_id,
            action="import",
            entity="document",
            entity_id=None,
            changes=[
                Change(
                    "journal",
                    "",
                    f"{self.path.name}: {len(fresh)} / rows {fresh[0].excel_row}–"
                    f"{fresh[-1].excel_row} / ids {min(doc_ids)}–{max(doc_ids)}",
                )
            ],
        )
        self.imported += len(fresh)

    @staticmethod
    def _key(g: _Good) -> tuple[str, str] | None:
        if g.personal_id:
            return ("pid", g.personal_id)
        if g.org_code:
            return ("org", g.org_code)
        if g.name:
            return ("name", fold(g.name))
        return None

    def _known(self, key: tuple[str, str]) -> int | None:
        return self.names.get(key[1]) if key[0] == "name" else self.ids.get(key)

    def _lookup(self, s: Session, goods: Sequence[_Good]) -> None:
        """Find the correspondents of *goods* not known yet among those in the database:
        by personal number, organisation code, or the same (folded) name."""
        wanted: dict[str, set[str]] = {"pid": set(), "org": set(), "name": set()}
        for g in goods:
            key = self._key(g)
            if key is not None and self._known(key) is None:
                wanted[key[0]].add(skeleton(g.name)[:300] if key[0] == "name" else key[1])
        for kind, column in (("pid", Correspondent.personal_id), ("org", Correspondent.org_code)):
            for part in _parts(sorted(wanted[kind])):
                for cid, value in s.execute(
                    select(Correspondent.id, column)
                    .where(column.in_(part))
                    .order_by(Correspondent.id)
                ):
                    self.ids.setdefault((kind, str(value)), int(cid))
        for part in _parts(sorted(wanted["name"])):
            for cid, name in s.execute(
                select(Correspondent.id, Correspondent.name)
                .where(Correspondent.name_skeleton.in_(part))
                .order_by(Correspondent.id)
            ):
                self.names.setdefault(fold(name), int(cid))

    def _correspondents(self, s: Session, fresh: list[_Good]) -> list[int | None]:
        """The correspondent of each row: an existing one (see :meth:`_lookup`), else one
        created once for the whole file. Same-named senders without an id become one
        correspondent (legacy journals have nothing else to tell them apart; the
        directory's duplicate merge/split tools apply afterwards)."""
        self._lookup(s, fresh)
        new: dict[tuple[str, str], _Good] = {}
        for g in fresh:
            key = self._key(g)
            if key is not None and self._known(key) is None:
                new.setdefault(key, g)
        if new:
            values = [
                {
                    "kind": "organisation" if g.org_code else "person",
                    "name": g.name or g.org_code or g.personal_id or "",
                    "name_skeleton": skeleton(g.name or "")[:300],
                    "personal_id": g.personal_id,
                    "org_code": g.org_code,
                    "address": "",
                    "phone": "",
                    "email": "",
                    "created_at": self.now,
                    "updated_at": self.now,
                    "version": 1,
                }
                for g in new.values()
            ]
            s.execute(insert(cast(Table, Correspondent.__table__)), values)
            self._lookup(s, list(new.values()))  # read the new ids back
            new_ids = [self._known(key) for key in new]
            search.index_correspondents(
                s, [(cid, g.name) for cid, g in zip(new_ids, new.values(), strict=True) if cid]
            )
            self.created += len(new)
        return [self._known(key) if (key := self._key(g)) is not None else None for g in fresh]


def _document_ids(s: Session, goods: Sequence[_Good]) -> dict[tuple[str, int, int], int]:
    by_key: dict[tuple[str, int], set[int]] = {}
    for g in goods:
        by_key.setdefault((g.scope, g.year), set()).add(g.seq)
    found: dict[tuple[str, int, int], int] = {}
    for (scope, year), seqs in by_key.items():
        for part in _parts(sorted(seqs)):
            for doc_id, seq in s.execute(
                select(Document.id, Document.seq).where(
                    Document.counter_scope == scope,
                    Document.seq_year == year,
                    Document.seq.in_(part),
                )
            ):
                found[(scope, year, int(seq))] = int(doc_id)
    return found


def _parts(items: Sequence[Any], size: int = IN_LIST) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _existing(s: Session, chunk: list[_Good]) -> dict[tuple[str, int, int], str]:
    """(scope, year, seq) -> registration number of the documents already there."""
    by_key: dict[tuple[str, int], set[int]] = {}
    for g in chunk:
        by_key.setdefault((g.scope, g.year), set()).add(g.seq)
    found: dict[tuple[str, int, int], str] = {}
    for (scope, year), seqs in by_key.items():
        for part in _parts(sorted(seqs)):
            for seq, number in s.execute(
                select(Document.seq, Document.reg_number).where(
                    Document.counter_scope == scope,
                    Document.seq_year == year,
                    Document.seq.in_(part),
                )
            ):
                found[(scope, year, int(seq))] = str(number)
    return found


def _raise_counter(s: Session, scope: str, year: int, top: int) -> None:
    """Make the counter of (*scope*, *year*) at least *top* (the highest imported number),
    so registration continues after it. One atomic UPDATE, which takes the counter row's
    lock until commit (as :func:`app.numbering.next_seq` does); the row is created when
    the year has none yet."""
    stmt = (
        update(NumberCounter)
        .where(NumberCounter.scope == scope, NumberCounter.year == year)
        .values(
            last_value=case((NumberCounter.last_value < top, top), else_=NumberCounter.last_value)
        )
        .execution_options(synchronize_session=False)
    )
    if cast(CursorResult[Any], s.execute(stmt)).rowcount:
        return
    try:
        with s.begin_nested():
            s.execute(insert(NumberCounter).values(scope=scope, year=year, last_value=top))
    except IntegrityError:  # a registration created the row meanwhile
        s.execute(stmt)


Progress = Callable[[int, int], None]


def import_journal(
    db: Database,
    actor: Actor,
    path: Path,
    mapping: ColumnMapping | Mapping[str, Any] | None = None,
    options: ImportOptions | None = None,
    *,
    sheet: str = "",
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    clock: Clock | None = None,
) -> ImportResult:
    """Import (or with *dry_run* only check) a journal; see the module's docstring.

    *progress(done, total)* is called after each chunk (*total* is the file's estimate,
    0 when unknown); when *cancelled()* turns true the import stops before the next
    chunk — the chunks already written stay (importing again adds the rest).
    """
    require(actor, "admin")
    options = options or ImportOptions()
    _check_options(options)
    clock = clock or SystemClock()
    t0 = time.perf_counter()
    today = clock.today()
    with db.read() as s:
        ref = _load_ref(s, options)
    sheet = mapping.sheet if isinstance(mapping, ColumnMapping) and mapping.sheet else sheet
    with _open_sheet(path, sheet) as (sh, _names):
        if isinstance(mapping, ColumnMapping):
            cm, headers = mapping, _header_texts(sh, mapping.header_row)
        else:
            cm, headers, _guessed = _mapping_for(sh, mapping)
        _check_mapping(cm)
        reader = _RowReader(cm, headers, ref, options, sh.epoch, today)
        number_column = reader.column_name("number")
        run = _Run(db, actor, options, path, clock.now_utc(), dry_run)
        total = max(sh.estimated_rows - cm.data_start + 1, 0)
        rows_read = 0
        stopped = False
        chunk: list[_Good] = []
        done_rows = 0
        for excel_row, row in _rows(sh, cm.data_start):
            done_rows = excel_row - cm.data_start + 1
            if reader.is_blank(row):
                continue
            rows_read += 1
            good, issues = reader.read(excel_row, row)
            if good is None:
                run.issues.extend(issues)
                run.rejected_rows.add(excel_row)
                continue
            key = (good.scope, good.year, good.seq)
            first = run.seen.get(key)
            if first is not None:
                run.issue(good, number_column, "import.duplicate_in_file", number=good.number,
                          other=first[0], other_number=first[1])  # fmt: skip
                continue
            run.seen[key] = (excel_row, good.number)
            chunk.append(good)
            if len(chunk) >= options.chunk_size:
                if cancelled is not None and cancelled():
                    stopped = True
                    break
                run.flush(chunk, number_column)
                chunk = []
                if progress is not None:
                    progress(done_rows, max(total, done_rows))
        if not stopped:
            if cancelled is not None and cancelled():
                stopped = True
            else:
                run.flush(chunk, number_column)
        if progress is not None and not stopped:
            progress(done_rows, max(done_rows, total))
    issues = sorted(run.issues, key=lambda i: i.row)
    return ImportResult(
        path=path,
        dry_run=dry_run,
        cancelled=stopped,
        rows_read=rows_read,
        imported=run.imported,
        unchanged=run.unchanged,
        rejected=len(run.rejected_rows),
        issues=tuple(issues),
        counters=tuple((sc, yr, top) for (sc, yr), top in sorted(run.counters.items())),
        correspondents_created=run.created,
        seconds=time.perf_counter() - t0,
        mapping=cm,
    )


# -- the error report --------------------------------------------------------------------------


def save_error_report(issues: Sequence[ImportIssue], dest: Path, source: str = "") -> Path:
    """The issues as an Excel sheet: row, column, value, reason (in the current language)."""
    en = messages.current_language() == "en"
    titles = (
        ("Row", "Column", "Value", "Reason")
        if en
        else ("სტრიქონი", "სვეტი", "მნიშვნელობა", "მიზეზი")
    )
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("errors" if en else "შეცდომები")
    for letter, width in zip("ABCD", (10, 28, 30, 90), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    if source:
        ws.append([source])
    bold = Font(bold=True)
    header = []
    for title in titles:
        c = WriteOnlyCell(ws, value=title)
        c.font = bold
        header.append(c)
    ws.append(header)
    for i in issues:
        value = i.value
        if value[:1] in ("=", "+", "-", "@"):  # shown as text, never run as a formula
            value = "'" + value
        ws.append([i.row, i.column, value, i.reason])
    dest.parent.mkdir(parents=True, exist_ok=True)
    wb.save(dest)
    return dest


def describe(result: ImportResult) -> str:
    """One line for the CLI and the GUI's status: counts, time and rows per second."""
    return messages.render(
        "import.summary_dry" if result.dry_run else "import.summary",
        {
            "read": result.rows_read,
            "imported": result.imported,
            "unchanged": result.unchanged,
            "rejected": result.rejected,
            "seconds": f"{result.seconds:.1f}",
            "rate": f"{result.rows_per_second:.0f}",
        },
    )
