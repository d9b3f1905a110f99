"""Files and arguments a hostile user brings: each is refused with a message, nothing is
written, and nothing is read without a bound."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from app import messages
from app.attachments import add_attachment, add_file
from app.auth import Actor, require
from app.backup import backup
from app.clock import FixedClock
from app.errors import PermissionDenied, ValidationError
from app.importing import import_journal
from app.reporting import ReportRequest, generate
from app.validation import parse_date
from models.db import Database
from tests.app._rules_helpers import admin, audit_count, reg


def test_a_device_is_not_attached_and_not_read(sqlite_db: Database, clock: FixedClock) -> None:
    """/dev/zero says size 0 and never ends: refused before reading a byte."""
    doc = reg(sqlite_db, clock, dt.date(2026, 11, 20))
    before = audit_count(sqlite_db)
    with pytest.raises(ValidationError) as err:
        add_file(sqlite_db, admin(sqlite_db), doc.id, Path("/dev/zero"), clock)
    assert err.value.key == "attachment.not_a_file"
    assert audit_count(sqlite_db) == before


def test_a_pipe_is_refused_too_never_read_to_its_end(
    sqlite_db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    """A FIFO (the size a stat reports is 0) filled by another process: read in chunks and
    refused once past the limit, never read to the end."""
    doc = reg(sqlite_db, clock, dt.date(2026, 11, 20))
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    with pytest.raises(ValidationError) as err:
        add_file(sqlite_db, admin(sqlite_db), doc.id, fifo, clock)
    assert err.value.key == "attachment.not_a_file"


@pytest.mark.parametrize("control", ["\u202e", "\u202d", "\u2066", "\u200f"])
def test_a_name_that_hides_its_extension_is_refused(
    sqlite_db: Database, clock: FixedClock, control: str
) -> None:
    doc = reg(sqlite_db, clock, dt.date(2026, 11, 20))
    with pytest.raises(ValidationError) as err:
        add_attachment(
            sqlite_db, admin(sqlite_db), doc.id, f"invoice{control}fdp.exe", b"MZ", clock=clock
        )
    assert err.value.key == "attachment.bidi_name" and "\u202e" not in err.value.message("ka")


def test_an_xlsx_that_unpacks_to_gigabytes_is_refused_before_parsing(
    sqlite_db: Database, tmp_path: Path
) -> None:
    """A small .xlsx whose shared strings unpack past the bound (a 1 GiB cell, a zip bomb)."""
    good = tmp_path / "good.xlsx"
    wb = Workbook()
    wb.active.append(["ნომერი", "თარიღი", "ადრესატი"])  # type: ignore[union-attr]
    wb.save(good)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item, src.read(item))
        with out.open("xl/sharedStrings.xml", "w") as f:
            chunk = b"a" * (1 << 20)
            for _ in range(130):
                f.write(chunk)
    assert bomb.stat().st_size < 2 << 20
    with pytest.raises(ValidationError) as err:
        import_journal(sqlite_db, admin(sqlite_db), bomb, dry_run=True)
    assert err.value.key == "import.too_big_unpacked"


def test_backup_never_overwrites_unless_asked(sqlite_db: Database, tmp_path: Path) -> None:
    dest = tmp_path / "copy.sqlite3"
    dest.write_bytes(b"the only copy of something")
    with pytest.raises(ValidationError) as err:
        backup(sqlite_db, dest)
    assert err.value.key == "backup.exists"
    assert dest.read_bytes() == b"the only copy of something"
    assert backup(sqlite_db, dest, overwrite=True).size_bytes > 0


def test_a_report_written_onto_a_file_is_a_message_not_a_traceback(
    sqlite_db: Database, tmp_path: Path
) -> None:
    target = tmp_path / "not-a-folder.pdf"
    target.write_bytes(b"x")
    with pytest.raises(ValidationError) as err:
        generate(sqlite_db, admin(sqlite_db), ReportRequest("monthly", "2026-10"), target)
    assert err.value.key == "report.out_not_folder"


@pytest.mark.parametrize(
    "typed", ["2026-W01-1", "2026-330", "20261125", "2026-11-25T10:00", "٢٠٢٦-١١-٢٥"]
)
def test_only_the_two_date_forms_clerks_write_are_dates(typed: str) -> None:
    with pytest.raises(ValidationError):
        parse_date(typed, "reg_date")
    assert parse_date("2026-11-25", "x") == parse_date("25.11.2026", "x") == dt.date(2026, 11, 25)


def test_an_english_refusal_names_the_role_in_english() -> None:
    viewer = Actor(9, "v", "v", "viewer")
    messages.set_language("en")
    with pytest.raises(PermissionDenied) as err:
        require(viewer, "register")
    text = err.value.message("en")
    assert "Viewer" in text and "register documents" in text
    assert not any("\u10a0" <= ch <= "\u10ff" for ch in text), text
