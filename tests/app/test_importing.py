"""Import of past years' Excel journals: broken files, idempotent re-import, counters."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app import importing as imp
from app.audit import verify
from app.auth import Actor, default_actor
from app.cli import EXIT_OK, EXIT_USER, run
from app.clock import FixedClock
from app.errors import PermissionDenied, ValidationError
from app.registration import RegistrationInput, register
from models.db import Database
from models.tables import Correspondent, Document, NumberCounter
from tests.app._cli_login import login, with_admin

EPOCH = dt.datetime(1899, 12, 30)
TODAY = dt.date(2026, 11, 25)
HEADERS = ["რეგ. №", "თარიღი", "ვისგან", "შინაარსი", "რეზოლუცია", "შესრულების ვადა"]


def _admin(db: Database) -> Actor:
    with db.read() as s:
        actor = default_actor(s)
    assert actor is not None
    return actor


def _book(
    path: Path,
    rows: Sequence[Sequence[Any]],
    headers: Sequence[Any] | None = HEADERS,
    merges: Sequence[str] = (),
    title: str | None = None,
) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "2019"
    if title is not None:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers or [1]))
    if headers is not None:
        ws.append(list(headers))
    for row in rows:
        ws.append(list(row))
    for rng in merges:
        ws.merge_cells(rng)
    wb.save(path)
    return path


def _docs(db: Database) -> dict[str, SimpleNamespace]:
    """The documents by number, as plain values (read sessions end with a rollback)."""
    cols = [c.key for c in Document.__table__.columns]
    with db.read() as s:
        return {
            d.reg_number: SimpleNamespace(**{c: getattr(d, c) for c in cols})
            for d in s.scalars(select(Document))
        }


def _counter(db: Database, year: int) -> int | None:
    with db.read() as s:
        return s.scalar(
            select(NumberCounter.last_value).where(
                NumberCounter.scope == "incoming", NumberCounter.year == year
            )
        )


# -- headers and values ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("რეგ. №", "number"), ("№", "number"), ("N", "number"), ("სარეგისტრაციო ნომერი", "number"),
        ("თარიღი", "reg_date"), ("რეგისტრაციის თარიღი", "reg_date"), ("ᲗᲐᲠᲘᲦᲘ", "reg_date"),
        ("ვისგან", "from_name"), ("ვისგან შემოვიდა", "from_name"), ("გამგზავნი", "from_name"),
        ("ადრესატი", "from_name"), ("გამგზავნის ნომერი", "sender_number"),
        ("გამგზავნის №", "sender_number"), ("გამგზავნის თარიღი", "sender_date"),
        ("შინაარსი", "subject"), ("მოკლე შინაარსი", "subject"), ("რეზოლუცია", "resolution"),
        ("შემსრულებელი", "executor"), ("შესრულების ვადა", "due_date"), ("ვადა", "due_date"),
        ("პასუხის ნომერი", "answer_number"), ("პასუხის თარიღი", "answer_date"),
        ("შესრულების აღნიშვნა", "answer"), ("შენიშვნა", "note"),
        ("ფურცლების რაოდენობა", "sheets"), ("პირადი ნომერი", "personal_id"),
        ("საიდენტიფიკაციო კოდი", "org_code"), ("სამსახური", "department"),
        ("დოკუმენტის სახე", "doc_type"), ("მიღების წესი", "channel"),
        ("ფერი", None), ("", None), (None, None),
    ],
)  # fmt: skip
def test_usual_georgian_headers_are_recognised(header: object, field: str | None) -> None:
    found = imp.match_header(header)
    assert (found[0] if found else None) == field


def test_each_field_gets_one_column_the_most_specific_header() -> None:
    cols = imp.guess_columns(
        ["№", "თარიღი", "ვისგან", "გამგზავნის ნომერი", "გამგზავნის თარიღი", "შინაარსი",
         "თარიღი", "შენიშვნა"]  # a second plain "date" column is left for the clerk
    )  # fmt: skip
    assert cols == {
        "number": 0, "reg_date": 1, "from_name": 2, "sender_number": 3, "sender_date": 4,
        "subject": 5, "note": 7,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(2019, 3, 12, 0, 0), dt.date(2019, 3, 12)),
        (dt.date(2019, 3, 12), dt.date(2019, 3, 12)),
        ("12.03.2019", dt.date(2019, 3, 12)),
        ("2.3.2019", dt.date(2019, 3, 2)),
        (" 12/03/2019 ", dt.date(2019, 3, 12)),
        ("12.03.19", dt.date(2019, 3, 12)),
        ("12.03.2019 წ.", dt.date(2019, 3, 12)),
        ("2019-03-12", dt.date(2019, 3, 12)),
        ("2019-03-12 00:00:00", dt.date(2019, 3, 12)),
        ("12 მარტი 2019", dt.date(2019, 3, 12)),
        (43536, dt.date(2019, 3, 12)),  # an Excel day number in a cell without date format
        (43536.0, dt.date(2019, 3, 12)),
        ("43536", dt.date(2019, 3, 12)),
        (None, None),
        ("   ", None),
    ],
)
def test_dates_in_every_form_a_journal_has(value: object, expected: dt.date | None) -> None:
    assert imp.parse_day(value, EPOCH, TODAY) == expected


@pytest.mark.parametrize("value", ["გუშინ", "31.02.2019", "2019-13-01", 12, True, "12 ბლაბლა 2019"])
def test_what_is_not_a_date_is_refused(value: object) -> None:
    with pytest.raises(imp._Bad) as err:
        imp.parse_day(value, EPOCH, TODAY)
    assert err.value.key == "import.bad_date"


@pytest.mark.parametrize(
    ("number", "year", "seq"),
    [("123", 2019, 123), ("შ-123/2019", 2019, 123), ("345/19", 2019, 345),
     ("01-12/345", 2019, 345), ("2019", 2019, 2019), ("12ა", 2019, 12), ("შ-ბ", 2019, None)],
)  # fmt: skip
def test_the_sequence_number_inside_a_registration_number(
    number: str, year: int, seq: int | None
) -> None:
    assert imp.seq_of(number, year) == seq


# -- preview -------------------------------------------------------------------------------


def test_preview_finds_headers_under_a_title_and_a_group_row(
    sqlite_db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "j.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["შემოსული კორესპონდენციის ჟურნალი — 2019 წელი"])
    ws.merge_cells("A1:G1")
    ws.append(["რეგ. №", "თარიღი", "ვისგან", "გამგზავნის", None, "შინაარსი", "რეზოლუცია"])
    ws.merge_cells("D2:E2")
    ws.append([None, None, None, "ნომერი", "თარიღი", None, None])
    for col in "ABCFG":  # the single headers span both header rows
        ws.merge_cells(f"{col}2:{col}3")
    ws.append([1, dt.datetime(2019, 1, 9), "გიორგი ბერიძე", "12/3", "05.01.2019",
               "განცხადება ბინის შესახებ", "ნ. კაპანაძეს"])  # fmt: skip
    ws.append(["2", "10.01.2019", "ფინანსთა სამინისტრო", None, None, "წერილი", None])
    wb.save(path)

    pv = imp.inspect_file(sqlite_db, path, clock=clock)
    assert pv.guessed and pv.sheets == ("Sheet",)
    assert pv.mapping.header_row == 2 and pv.mapping.data_start == 4
    assert pv.mapping.columns == {
        "number": 0, "reg_date": 1, "from_name": 2, "sender_number": 3, "sender_date": 4,
        "subject": 5, "resolution": 6,
    }  # fmt: skip
    assert pv.headers[3] == "გამგზავნის ნომერი"
    assert [r.row for r in pv.rows] == [4, 5]
    assert pv.rows[0].values["reg_date"] == "09.01.2019"
    assert pv.rows[0].values["sender_date"] == "05.01.2019"
    assert pv.rows[1].values["number"] == "2" and pv.rows[1].issues == ()
    # the mapping as JSON (what --mapping takes) round-trips
    spec = pv.mapping.to_json(pv.headers)
    assert spec["columns"]["sender_number"] == "D"
    assert imp.apply_spec(pv.mapping, spec, pv.headers) == pv.mapping


# -- importing a broken file -----------------------------------------------------------------


def test_a_broken_journal_imports_its_good_rows_and_reports_the_rest(
    sqlite_db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    long_subject = "მიწის ნაკვეთის საკადასტრო მონაცემების დაზუსტება " * 15  # > 500 characters
    rows: list[list[Any]] = [
        [1, dt.datetime(2019, 1, 9), "გიორგი\u200b  ბერიძე", "განცხადება\nბინის შესახებ",
         "ნ. კაპანაძეს", "09.02.2019"],                                    # 3: good, real dates
        [2.0, "10.01.2019", "ფინანსთა სამინისტრო", "წერილი ბიუჯეტზე", None, None],  # 4: float number
        [3, None, "ფინანსთა სამინისტრო", "მეორე წერილი", None, None],      # 5: date merged from 4
        [None, None, None, None, None, None],                            # 6: empty
        ["თებერვალი"],                                                    # 7: a month title
        HEADERS,                                                          # 8: header repeated
        ["4", "გუშინ", "ნინო ლომიძე", "ტექსტური თარიღი", None, "ხვალ"],    # 9: two bad dates
        ["5/2019", 43500, "ნინო ლომიძე", long_subject, None, None],        # 10: serial date
        [None, "11.02.2019", "ვინმე", "ნომრის გარეშე", None, None],        # 11: no number
        ["6", "2019-02-12", "ვინმე", "", None, None],                      # 12: no subject
        ["ბ-ნ", "12 თებერვალი 2019", "ვინმე", "ნომერში ციფრი არ არის", None, None],  # 13
        ["7", "01.01.2030", "ვინმე", "მომავალი", None, None],              # 14: in the future
    ]  # fmt: skip
    path = _book(tmp_path / "2019.xlsx", rows, merges=["B4:B5"], title="ჟურნალი 2019")
    admin = _admin(sqlite_db)

    result = imp.import_journal(sqlite_db, admin, path, clock=clock)

    assert (result.rows_read, result.imported, result.unchanged) == (9, 4, 0)
    assert result.rejected == 5
    got = {(i.row, i.column.split(" ")[0], i.key) for i in result.issues}
    assert got == {
        (9, "B", "import.bad_date"), (9, "F", "import.bad_date"), (11, "A", "import.required"),
        (12, "D", "import.required"), (13, "A", "import.bad_number"),
        (14, "B", "import.date_range"),
    }  # fmt: skip
    bad_date = next(i for i in result.issues if i.row == 9 and i.column.startswith("B"))
    assert bad_date.column == "B (თარიღი)" and bad_date.value == "გუშინ"
    assert "„გუშინ“ არ არის თარიღი" in bad_date.reason

    docs = _docs(sqlite_db)
    assert sorted(docs) == ["1", "2", "3", "5/2019"]
    assert docs["1"].reg_date == dt.date(2019, 1, 9) and docs["1"].due_date == dt.date(2019, 2, 9)
    assert docs["1"].subject == "განცხადება ბინის შესახებ"
    assert "რეზოლუცია: ნ. კაპანაძეს" in docs["1"].summary
    assert docs["3"].reg_date == dt.date(2019, 1, 10)  # from the merged cell above
    assert docs["5/2019"].reg_date == dt.date(2019, 2, 4) and docs["5/2019"].seq == 5
    assert len(docs["5/2019"].subject) <= 500 and docs["5/2019"].subject.endswith("…")
    assert docs["5/2019"].summary.startswith(long_subject.strip()[:100])
    assert {d.status for d in docs.values()} == {"closed"}
    with sqlite_db.read() as s:  # the ministry wrote twice: one correspondent
        names = list(s.scalars(select(Correspondent.name).order_by(Correspondent.name)))
        assert verify(s).ok
    assert names == ["გიორგი ბერიძე", "ნინო ლომიძე", "ფინანსთა სამინისტრო"]
    assert result.counters == (("incoming", 2019, 5),)

    report = imp.save_error_report(result.issues, tmp_path / "errors.xlsx", path.name)
    ws = load_workbook(report).active
    assert ws is not None
    table = [list(r) for r in ws.iter_rows(values_only=True)]
    assert table[0] == ["2019.xlsx", None, None, None]
    assert table[1] == ["სტრიქონი", "სვეტი", "მნიშვნელობა", "მიზეზი"]
    assert table[2][:3] == [9, "B (თარიღი)", "გუშინ"] and "თარიღი" in table[2][3]
    assert len(table) == 2 + len(result.issues)


def test_reimport_changes_nothing_and_numbering_continues_after_the_highest(
    db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    rows = [[str(n), f"{n:02d}.03.2019", f"მოქალაქე {n % 2}", f"საკითხი {n}"] for n in (1, 2, 5)]
    rows += [["შ-10/2026", "02.03.2026", "მოქალაქე 1", "წლევანდელი"], [12, "03.03.2026", "", "ბ"]]
    path = _book(tmp_path / "j.xlsx", rows, headers=HEADERS[:4])
    admin = _admin(db)

    first = imp.import_journal(db, admin, path, clock=clock)
    assert (first.imported, first.unchanged, first.issues) == (5, 0, ())
    assert first.counters == (("incoming", 2019, 5), ("incoming", 2026, 12))
    assert first.correspondents_created == 2

    again = imp.import_journal(db, admin, path, clock=clock)
    assert (again.imported, again.unchanged, again.rejected) == (0, 5, 0)
    assert again.correspondents_created == 0
    assert len(_docs(db)) == 5

    new = register(db, admin, RegistrationInput(kind="incoming", doc_type="letter",
                   subject="ახალი", from_name="ანა"), clock)  # fmt: skip
    assert new.number == "შ-13/2026"
    old = register(db, admin, RegistrationInput(kind="incoming", doc_type="letter",
                   subject="უკანა თარიღით", from_name="ანა", reg_date="2019-12-30"), clock)  # fmt: skip
    assert old.number == "შ-6/2019"
    with db.read() as s:
        assert verify(s).ok


def test_a_dry_run_writes_nothing(sqlite_db: Database, tmp_path: Path, clock: FixedClock) -> None:
    path = _book(tmp_path / "j.xlsx", [[1, "01.02.2019", "ა", "ბ"], [1, "02.02.2019", "ა", "გ"]],
                 headers=HEADERS[:4])  # fmt: skip
    result = imp.import_journal(sqlite_db, _admin(sqlite_db), path, dry_run=True, clock=clock)
    assert result.dry_run and result.imported == 1 and result.rejected == 1
    assert result.issues[0].key == "import.duplicate_in_file"
    assert _docs(sqlite_db) == {} and _counter(sqlite_db, 2019) is None
    with sqlite_db.read() as s:
        assert s.scalar(select(func.count(Correspondent.id))) == 0


def test_numbers_already_taken_are_unchanged_or_conflicts(
    sqlite_db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    admin = _admin(sqlite_db)
    register(sqlite_db, admin, RegistrationInput(kind="incoming", doc_type="letter",
             subject="არსებული", from_name="ანა", reg_date="2026-03-01"), clock)  # fmt: skip
    same = _book(tmp_path / "same.xlsx", [["შ-1/2026", "01.03.2026", "ანა", "იგივე"]],
                 headers=HEADERS[:4])  # fmt: skip
    result = imp.import_journal(sqlite_db, admin, same, clock=clock)
    assert (result.imported, result.unchanged, result.rejected) == (0, 1, 0)
    other = _book(tmp_path / "other.xlsx", [["1", "02.03.2026", "ბექა", "სხვა ნომრით"]],
                  headers=HEADERS[:4])  # fmt: skip
    result = imp.import_journal(sqlite_db, admin, other, clock=clock)
    assert (result.imported, result.unchanged, result.rejected) == (0, 0, 1)
    issue = result.issues[0]
    assert (issue.row, issue.key) == (2, "import.conflict") and "შ-1/2026" in issue.reason
    assert list(_docs(sqlite_db)) == ["შ-1/2026"]


def test_cancel_stops_between_chunks_and_the_next_run_completes(
    sqlite_db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    rows = [[n, "05.05.2018", f"პირი {n}", f"საქმე {n}"] for n in range(1, 36)]
    path = _book(tmp_path / "j.xlsx", rows, headers=HEADERS[:4])
    admin = _admin(sqlite_db)
    seen: list[tuple[int, int]] = []
    options = imp.ImportOptions(chunk_size=10)

    result = imp.import_journal(
        sqlite_db, admin, path, options=options, progress=lambda d, t: seen.append((d, t)),
        cancelled=lambda: len(seen) >= 2, clock=clock,
    )  # fmt: skip
    assert result.cancelled and result.imported == 20
    assert seen == [(10, 35), (20, 35)]
    assert _counter(sqlite_db, 2018) == 20

    seen.clear()
    rest = imp.import_journal(sqlite_db, admin, path, options=options,
                              progress=lambda d, t: seen.append((d, t)), clock=clock)  # fmt: skip
    assert not rest.cancelled and (rest.imported, rest.unchanged) == (15, 20)
    assert seen[-1] == (35, 35)
    assert len(_docs(sqlite_db)) == 35 and _counter(sqlite_db, 2018) == 35


def test_a_mapping_file_says_what_the_headers_do_not(
    sqlite_db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    path = _book(tmp_path / "j.xlsx", [["17", "x", "01.06.2017", "ზურაბ", "საჩივარი"]],
                 headers=["col1", "x", "col3", "სვეტი 4", "ტექსტი"])  # fmt: skip
    admin = _admin(sqlite_db)
    with pytest.raises(ValidationError) as err:
        imp.import_journal(sqlite_db, admin, path, clock=clock)
    assert err.value.key == "import.no_header"
    spec = {"header_row": 1, "columns": {"number": "A", "reg_date": 3, "from_name": "სვეტი 4",
                                         "subject": "E"}}  # fmt: skip
    mapping_file = tmp_path / "m.json"
    mapping_file.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    result = imp.import_journal(
        sqlite_db, admin, path, imp.load_mapping_spec(mapping_file), clock=clock
    )
    assert result.imported == 1 and result.mapping.columns["from_name"] == 3
    assert _docs(sqlite_db)["17"].subject == "საჩივარი"
    with pytest.raises(ValidationError) as err:
        imp.import_journal(sqlite_db, admin, path, {"columns": {"number": "სვეტი 99"}})
    assert err.value.key == "import.bad_mapping"


def test_files_that_cannot_be_imported_say_why(
    sqlite_db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    admin = _admin(sqlite_db)
    fake = tmp_path / "old.xls"
    fake.write_bytes(b"\xd0\xcf\x11\xe0 not a zip")
    with pytest.raises(ValidationError) as err:
        imp.import_journal(sqlite_db, admin, fake, clock=clock)
    assert err.value.key == "import.bad_file" and ".xlsx" in err.value.message("ka")
    no_date = _book(tmp_path / "nd.xlsx", [[1, "ა", "ბ"]], headers=["№", "ვისგან", "შინაარსი"])
    with pytest.raises(ValidationError) as err:
        imp.import_journal(sqlite_db, admin, no_date, clock=clock)
    assert err.value.key == "import.mapping_missing" and "თარიღი" in err.value.message("ka")
    with pytest.raises(ValidationError) as err:
        imp.import_journal(sqlite_db, admin, no_date, sheet="2020", clock=clock)
    assert err.value.key == "import.no_sheet"


def test_only_an_administrator_imports(
    sqlite_db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    path = _book(tmp_path / "j.xlsx", [[1, "01.02.2019", "ა", "ბ"]], headers=HEADERS[:4])
    clerk = Actor(user_id=1, login="clerk", full_name="მდივანი", role="registrar")
    with pytest.raises(PermissionDenied):
        imp.import_journal(sqlite_db, clerk, path, clock=clock)
    assert _docs(sqlite_db) == {}


def test_cli_import_journal(
    sqlite_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cheap_hashing: None,
) -> None:
    rows = [[1, "01.02.2019", "ა", "ბ"], [2, "თებ", "ა", "ბ"], [3, "03.02.2019", "ა", "ბ"]]
    path = _book(tmp_path / "j.xlsx", rows, headers=HEADERS[:4])
    with_admin(sqlite_url)
    args = ["--db", sqlite_url, "import-journal", str(path), "--json"]

    assert run([*args, "--dry-run", *login(monkeypatch)]) == EXIT_USER  # one row has a problem
    out = json.loads(capsys.readouterr().out)
    assert out["dry_run"] and (out["imported"], out["rejected"]) == (2, 1)
    report = Path(out["error_report"])
    assert report == tmp_path / "j.errors.xlsx" and report.exists()

    mapping = tmp_path / "m.json"
    assert run([*args, "--save-mapping", str(mapping), *login(monkeypatch)]) == EXIT_USER
    assert json.loads(capsys.readouterr().out)["imported"] == 2
    assert json.loads(mapping.read_text(encoding="utf-8"))["columns"]["reg_date"] == "B"

    rc = run(["--db", sqlite_url, "import-journal", str(path), "--mapping", str(mapping),
              *login(monkeypatch)])  # fmt: skip
    out_text = capsys.readouterr().out
    assert rc == EXIT_USER and "უკვე იყო 2" in out_text and "სტრიქონი/წმ" in out_text

    good = _book(tmp_path / "g.xlsx", [[9, "09.02.2019", "ა", "ბ"]], headers=HEADERS[:4])
    assert run(["--db", sqlite_url, "import-journal", str(good), "--kind", "incoming",
                *login(monkeypatch)]) == EXIT_OK  # fmt: skip
    assert not (tmp_path / "g.errors.xlsx").exists()


@pytest.mark.slow
def test_100_000_rows_import_and_reimport_with_zero_changes(
    sqlite_db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    n = 100_000
    path = tmp_path / "big.xlsx"
    t0 = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("2019")
    ws.append(HEADERS)
    start = dt.date(2015, 1, 1)
    for i in range(n):
        day = start + dt.timedelta(days=i * 3650 // n)
        ws.append([str(i + 1), day, f"მოქალაქე {i % 5000}", f"განცხადება {i} მიწის შესახებ",
                   "შემსრულებელს", day + dt.timedelta(days=30)])  # fmt: skip
    wb.save(path)
    made = time.perf_counter() - t0
    admin = _admin(sqlite_db)

    first = imp.import_journal(sqlite_db, admin, path, clock=clock)
    again = imp.import_journal(sqlite_db, admin, path, clock=clock)

    assert (first.rows_read, first.imported, first.rejected) == (n, n, 0)
    assert (again.imported, again.unchanged, again.rejected) == (0, n, 0)
    assert first.correspondents_created == 5000
    assert len(first.counters) == 10  # 2015 … 2024
    print(
        f"\n100k rows: file written in {made:.1f} s; import {first.seconds:.1f} s "
        f"({first.rows_per_second:.0f} rows/s); re-import {again.seconds:.1f} s "
        f"({again.rows_per_second:.0f} rows/s)"
    )
