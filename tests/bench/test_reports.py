"""The reports bench runs end to end on a tiny registry (no timing is asserted here)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.demo import generate
from app.reporting import ReportRequest, build
from bench import reports as bench_reports
from bench.__main__ import main
from bench.reports import (
    JournalPick,
    Line,
    Sizes,
    all_ok,
    journal_candidates,
    pick_journal,
    pick_journals,
    report_lines,
    report_table,
    run_child,
)
from models.db import Database
from reports.data import JournalReport
from tests.app._rules_helpers import admin

SMALL = Sizes(journal_pdf=(30, 60, 120), journal_xlsx=400)


@pytest.fixture
def tiny(sqlite_db: Database, clock: FixedClock, cheap_hashing: None) -> Database:
    generate(sqlite_db, 1500, seed=2, clock=clock)
    return sqlite_db


def _journal_rows(db: Database, pick: JournalPick) -> int:
    data = build(db, admin(db), pick.request("pdf"))
    assert isinstance(data, JournalReport)
    return data.row_count


def test_every_report_is_generated_and_its_rows_counted(
    tiny: Database, clock: FixedClock, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    lines = report_lines(tiny, admin(tiny), clock.today(), out, SMALL)
    names = [ln.name for ln in lines]
    assert names[:2] == [
        "monthly execution 2026-10, all, pdf",
        "monthly execution 2026-10, all, xlsx",
    ]
    assert [n.rsplit(", ", 1)[-1] for n in names[2:5]] == ["pdf"] * 3
    assert names[5].startswith("journal pdf linear: ")
    assert names[6].endswith(", xlsx") and names[6].startswith("journal ")
    assert names[7:] == [
        "FOI annual 2025, pdf", "FOI annual 2025, xlsx",
        "open data 2025, csv", "open data 2025, xlsx",
    ]  # fmt: skip
    # every report really ran: its files are in the folder, nothing half-written is left
    files = sorted(p.name for p in out.iterdir())
    assert "monthly-2026-10.pdf" in files and "monthly-2026-10.xlsx" in files
    assert {"foi-annual-2025.pdf", "foi-annual-2025.xlsx"} <= set(files)
    assert {"open-data-2025.csv", "open-data-2025.xlsx"} <= set(files)
    journal_pdfs = sum(f.startswith("journal-") and f.endswith(".pdf") for f in files)
    assert journal_pdfs == len(set(names[2:5]))  # on a tiny registry two may coincide
    assert sum(f.startswith("journal-") and f.endswith(".xlsx") for f in files) == 1
    assert not [f for f in files if f.startswith(".")]
    # the rows printed are the reports' own counts, and there are some
    for ln in (lines[0], *lines[2:5], lines[6], *lines[7:]):
        assert ln.rows is not None and ln.rows > 0, ln.name
    monthly = build(tiny, admin(tiny), ReportRequest("monthly", "2026-10"))
    assert lines[0].rows == monthly.totals.received  # type: ignore[union-attr]
    # the journals ran in processes of their own, which report their memory
    for ln in (*lines[2:5], lines[6]):
        assert ln.peak_mb is not None and ln.peak_mb > 10
        assert ln.per_1000 is not None and ln.seconds is not None
    assert lines[2].target == "" and lines[3].target == "< 10 s" and lines[4].target == ""
    assert lines[6].target == "< 30 s, < 300 MB"
    assert {ln.ok for ln in lines[7:]} == {None}  # reported, no target
    text = report_table(lines)
    assert text.splitlines()[0].split()[:3] == ["operation", "rows", "seconds"]
    assert len(text.splitlines()) == 2 + len(lines)


def test_journals_are_picked_by_their_real_row_counts(tiny: Database) -> None:
    candidates = journal_candidates(tiny)
    for c in candidates[:: max(1, len(candidates) // 12)]:
        assert c.rows == _journal_rows(tiny, c), c
    whole = [c for c in candidates if not c.department and len(c.period) == 4]
    assert sum(c.rows for c in whole) == 1500
    pick = pick_journal(candidates, 100)
    assert pick.rows >= 95
    off = abs(math.log(pick.rows / 100))
    assert all(abs(math.log(c.rows / 100)) >= off for c in candidates if c.rows >= 95)
    trio = pick_journals(candidates, (30, 60, 120))
    assert len({p.kind for p in trio}) == 1
    assert [p.rows >= n * 0.95 for p, n in zip(trio, (30, 60, 120), strict=True)] == [True] * 3
    # more rows than the registry holds: the biggest journal there is
    assert pick_journal(candidates, 10**9).rows == max(c.rows for c in candidates)
    with pytest.raises(LookupError):
        pick_journal([], 10)


def test_a_failing_child_says_why(tiny: Database, clock: FixedClock, tmp_path: Path) -> None:
    url = tiny.engine.url.render_as_string(hide_password=False)
    bad = ReportRequest("journal", "2026-10", ("pdf",), department="NOPE")
    with pytest.raises(RuntimeError, match="report child failed"):
        run_child(url, bad, tmp_path / "out", clock.today())
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_a_missed_target_fails_the_table() -> None:
    fine = Line("fast", 10, 0.5, 3, target="< 2 s", ok=True)
    slow = Line("slow", 10, 40.0, peak_mb=320.0, target="< 30 s, < 300 MB", ok=False)
    info = Line("no target", 10, 1.0)
    assert all_ok([fine, info]) and not all_ok([fine, slow, info])
    lines = report_table([fine, slow, info]).splitlines()
    assert lines[2].endswith("ok") and "median of 3" in lines[2]
    assert lines[3].endswith("MISS") and "320" in lines[3]
    assert lines[4].startswith("no target") and lines[4].endswith("1.00")  # no verdict


def test_make_bench_prints_the_reports_table(
    tiny: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench_reports, "Sizes", lambda: SMALL)
    url = tiny.engine.url.render_as_string(hide_password=False)
    code = main(["--db", url, "--no-gui", "--no-load", "--repeat", "1", "--today", "2026-11-25"])
    out = capsys.readouterr().out
    assert code in (0, 1)  # timings are the bench's business, not the test's
    assert "\nreports (app.reporting.generate" in out
    assert "journal pdf linear: " in out and "open data 2025, xlsx" in out
    assert code == 0 or "MISS" in out
