"""Report generation at scale, through the program's own path.

Every line calls :func:`app.reporting.generate` — what the Reports screen and
``kantselaria-cli report`` call — with a :class:`~app.reporting.ReportRequest`, writing
into a temporary folder. The periods and departments are picked (untimed) on the
registry so that each journal really has about the number of rows asked for; the table
says how many rows each run produced.

The fast reports run three times (median); the journals run once each in a process of
their own (``python -m bench.reports child …``) so that the peak memory printed is that
report's alone (the child's VmHWM: see :func:`peak_rss_mb`).

Targets (issue 7): monthly report over the 1 M registry < 2 s; journal of 10 000 rows to
PDF < 10 s and linear (the 20 000-row journal's seconds per 1 000 rows within 1.5× of the
5 000-row one's); journal of 100 000 rows to Excel < 30 s and < 300 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import extract, func, select

from app.auth import Actor, default_actor
from app.clock import FixedClock
from app.reporting import ReportRequest, build, generate
from models.db import Database, open_database
from models.tables import DOC_KINDS, Department, Document
from reports.data import FoiAnnualReport, JournalReport, MonthlyReport, OpenDataExport

FAST_S = 5.0  # a report this quick is run three times and the median printed
RUNS = 3
MAX_GROWTH = 1.5  # per-row time of the largest journal PDF vs the smallest
AT_LEAST = 0.95  # a picked journal has at least this share of the rows asked for


@dataclass(frozen=True)
class Sizes:
    """The row counts asked for (the bench's; the test passes small ones)."""

    journal_pdf: tuple[int, int, int] = (5_000, 10_000, 20_000)  # small, target, large
    journal_xlsx: int = 100_000
    monthly_pdf_s: float = 2.0
    journal_pdf_s: float = 10.0
    journal_xlsx_s: float = 30.0
    journal_xlsx_mb: float = 300.0


@dataclass(frozen=True)
class Line:
    """One line of the "reports" table; *ok* is None where there is no target."""

    name: str
    rows: int | None
    seconds: float | None
    runs: int = 1
    peak_mb: float | None = None
    target: str = ""
    ok: bool | None = None
    per_1000: float | None = None  # seconds per 1 000 rows
    note: str = ""  # shown in place of the seconds (the linearity line)


@dataclass(frozen=True)
class JournalPick:
    """A journal request the registry answers with *rows* rows."""

    period: str
    kind: str
    department: str
    rows: int

    def request(self, fmt: str) -> ReportRequest:
        return ReportRequest(
            report="journal",
            period=self.period,
            formats=(fmt,),
            department=self.department,
            kind=self.kind,
        )

    @property
    def label(self) -> str:
        return f"{self.kind} {self.period}" + (f" {self.department}" if self.department else "")


# --- Picking the periods ---------------------------------------------------------------------


def journal_candidates(db: Database) -> list[JournalPick]:
    """Every journal the registry can produce: kind × (year or month) × (department or all),
    with its row count (the journal's own filter: kind, registration date, department)."""
    year = extract("year", Document.reg_date)
    month = extract("month", Document.reg_date)
    with db.read() as s:
        codes: dict[int | None, str] = dict(s.execute(select(Department.id, Department.code)).all())
        groups = s.execute(
            select(Document.kind, year, month, Document.department_id, func.count())
            .group_by(Document.kind, year, month, Document.department_id)
        ).all()  # fmt: skip
    counts: dict[tuple[str, str, str], int] = {}
    for kind, y, m, dept_id, n in groups:
        dept = codes.get(dept_id, "") if dept_id is not None else None
        for period in (f"{int(y)}", f"{int(y)}-{int(m):02d}"):
            keys = [(kind, period, "")] + ([(kind, period, dept)] if dept else [])
            for key in keys:
                counts[key] = counts.get(key, 0) + int(n)
    return [JournalPick(p, k, d, n) for (k, p, d), n in counts.items() if k in DOC_KINDS]


def pick_journal(candidates: Sequence[JournalPick], rows: int) -> JournalPick:
    """The journal nearest to *rows* rows (by ratio) among those with at least
    :data:`AT_LEAST` of them; ties: whole-registry journals first, then the earlier period."""
    fit = [c for c in candidates if c.rows >= rows * AT_LEAST] or list(candidates)
    if not fit:
        raise LookupError("the registry has no documents to make a journal of")
    return min(
        fit, key=lambda c: (abs(math.log(c.rows / rows)), c.department != "", c.period, c.kind)
    )


def pick_journals(candidates: Sequence[JournalPick], rows: Sequence[int]) -> list[JournalPick]:
    """One journal per row count, all of one kind (their rows then look alike, so the
    seconds per row compare): the kind whose picks all have enough rows and come nearest
    overall."""
    best: list[JournalPick] | None = None
    best_error = (len(rows) + 1, math.inf)
    for kind in DOC_KINDS:
        mine = [c for c in candidates if c.kind == kind]
        if not mine:
            continue
        picks = [pick_journal(mine, n) for n in rows]
        pairs = list(zip(picks, rows, strict=True))
        short = sum(p.rows < n * AT_LEAST for p, n in pairs)  # a kind too small for them
        error = (short, sum(abs(math.log(p.rows / n)) for p, n in pairs))
        if error < best_error:
            best, best_error = picks, error
    if best is None:
        raise LookupError("the registry has no documents to make a journal of")
    return best


def last_month(today: dt.date) -> str:
    first = today.replace(day=1) - dt.timedelta(days=1)
    return f"{first.year}-{first.month:02d}"


# --- Running the reports ---------------------------------------------------------------------


def _run(generate_once: Callable[[], object]) -> tuple[float, int]:
    """Seconds of one call; a fast report is run RUNS times and the median returned."""
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        generate_once()
        times.append(time.perf_counter() - t0)
        if times[0] >= FAST_S:
            break
    return statistics.median(times), len(times)


def _rows_of(data: object) -> int:
    if isinstance(data, MonthlyReport):
        return data.totals.received
    if isinstance(data, FoiAnnualReport):
        return data.received
    if isinstance(data, JournalReport | OpenDataExport):
        return data.row_count
    raise TypeError(type(data).__name__)


@dataclass(frozen=True)
class ChildResult:
    seconds: float
    peak_mb: float
    paths: tuple[str, ...]


def run_child(url: str, req: ReportRequest, out: Path, today: dt.date) -> ChildResult:
    """Generate *req* in a fresh Python process; its own time and peak resident memory."""
    spec = {
        "report": req.report,
        "period": req.period,
        "formats": list(req.formats),
        "department": req.department,
        "kind": req.kind,
    }
    cmd = [sys.executable, "-m", "bench.reports", "child", "--db", url, "--out", str(out)]
    cmd += ["--today", today.isoformat(), "--request", json.dumps(spec)]
    root = str(Path(__file__).resolve().parent.parent)  # where `bench` is importable from
    path = os.pathsep.join(x for x in (root, os.environ.get("PYTHONPATH", "")) if x)
    env = {**os.environ, "PYTHONPATH": path}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"report child failed ({done.returncode}):\n{done.stderr[-3000:]}")
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return ChildResult(float(data["seconds"]), float(data["peak_mb"]), tuple(data["paths"]))


def _clock(today: dt.date) -> FixedClock:
    return FixedClock(dt.datetime.combine(today, dt.time(7)))  # 11:00 in Tbilisi


def report_lines(
    db: Database,
    actor: Actor,
    today: dt.date,
    out: Path,
    sizes: Sizes | None = None,
    url: str | None = None,
    log: Callable[[str], None] | None = None,
) -> list[Line]:
    """Generate every report of the table into *out*; the measured lines."""
    sizes = sizes or Sizes()
    url = url or db.engine.url.render_as_string(hide_password=False)
    clock = _clock(today)
    say = log or (lambda _text: None)
    lines: list[Line] = []

    def fast(name: str, req: ReportRequest, target_s: float | None = None) -> None:
        rows = _rows_of(build(db, actor, req, clock=clock))  # untimed
        say(name)
        seconds, runs = _run(lambda: generate(db, actor, req, out, clock=clock))
        ok = None if target_s is None else seconds < target_s
        target = "" if target_s is None else f"< {target_s:g} s"
        lines.append(Line(name, rows, seconds, runs, target=target, ok=ok))

    month = last_month(today)
    for fmt in ("pdf", "xlsx"):
        req = ReportRequest("monthly", month, (fmt,))
        fast(f"monthly execution {month}, all, {fmt}", req, sizes.monthly_pdf_s)

    candidates = journal_candidates(db)
    small, middle, large = pick_journals(candidates, sizes.journal_pdf)
    per_row: list[float] = []
    for pick, target_s in ((small, None), (middle, sizes.journal_pdf_s), (large, None)):
        say(f"journal {pick.label} pdf")
        child = run_child(url, pick.request("pdf"), out, today)
        per = child.seconds / max(pick.rows, 1) * 1000
        per_row.append(per)
        lines.append(
            Line(
                f"journal {pick.label}, pdf",
                pick.rows,
                child.seconds,
                peak_mb=child.peak_mb,
                target="" if target_s is None else f"< {target_s:g} s",
                ok=None if target_s is None else child.seconds < target_s,
                per_1000=per,
            )
        )
    growth = per_row[2] / per_row[0] if per_row[0] > 0 else math.inf
    lines.append(
        Line(
            f"journal pdf linear: {large.rows:,} vs {small.rows:,} rows per 1 000",
            None,
            None,
            target=f"≤ {MAX_GROWTH:g}×",
            ok=growth <= MAX_GROWTH,
            note=f"{growth:.2f}×",
        )
    )

    big = pick_journal(candidates, sizes.journal_xlsx)
    say(f"journal {big.label} xlsx")
    child = run_child(url, big.request("xlsx"), out, today)
    lines.append(
        Line(
            f"journal {big.label}, xlsx",
            big.rows,
            child.seconds,
            peak_mb=child.peak_mb,
            target=f"< {sizes.journal_xlsx_s:g} s, < {sizes.journal_xlsx_mb:g} MB",
            ok=child.seconds < sizes.journal_xlsx_s and child.peak_mb < sizes.journal_xlsx_mb,
            per_1000=child.seconds / max(big.rows, 1) * 1000,
        )
    )

    year = str(today.year - 1)
    for fmt in ("pdf", "xlsx"):
        fast(f"FOI annual {year}, {fmt}", ReportRequest("foi-annual", year, (fmt,)))
    for fmt in ("csv", "xlsx"):
        fast(f"open data {year}, {fmt}", ReportRequest("open-data", year, (fmt,)))
    return lines


def report_table(lines: Sequence[Line]) -> str:
    head = ("operation", "rows", "seconds", "s/1000 rows", "peak MB", "target", "")
    out: list[tuple[str, ...]] = [head]
    for ln in lines:
        seconds = ln.note
        if ln.seconds is not None:
            seconds = f"{ln.seconds:.2f}" + (f" (median of {ln.runs})" if ln.runs > 1 else "")
        out.append(
            (
                ln.name,
                "" if ln.rows is None else f"{ln.rows:,}",
                seconds,
                "" if ln.per_1000 is None else f"{ln.per_1000:.3f}",
                "" if ln.peak_mb is None else f"{ln.peak_mb:.0f}",
                ln.target,
                "" if ln.ok is None else ("ok" if ln.ok else "MISS"),
            )
        )
    widths = [max(len(r[i]) for r in out) for i in range(len(head))]
    text = []
    for n, r in enumerate(out):
        cells = [r[0].ljust(widths[0])] + [r[i].rjust(widths[i]) for i in range(1, len(r))]
        text.append("  ".join(cells).rstrip())
        if n == 0:
            text.append("  ".join("-" * w for w in widths))
    return "\n".join(text)


def all_ok(lines: Sequence[Line]) -> bool:
    return all(ln.ok is not False for ln in lines)


def run_reports(
    db: Database, actor: Actor, today: dt.date, sizes: Sizes | None = None
) -> tuple[list[Line], str]:
    """Generate into a temporary folder (removed afterwards); the lines and the table."""
    with tempfile.TemporaryDirectory(prefix="kantselaria-bench-reports-") as tmp:
        lines = report_lines(db, actor, today, Path(tmp), sizes or Sizes())
    return lines, report_table(lines)


# --- The child process -----------------------------------------------------------------------


def peak_rss_mb() -> float:
    """This process's own peak resident memory.

    /proc's VmHWM belongs to the process's memory since its exec. Not ru_maxrss: Linux
    carries the high-water mark of the memory a child was forked with (the parent's, as
    big as the bench's own 1 M-row caches) over the exec, in RUSAGE_SELF and in the
    parent's RUSAGE_CHILDREN / wait4 alike.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _child(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.reports child")
    p.add_argument("--db", required=True)
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--today", required=True, type=dt.date.fromisoformat)
    p.add_argument("--request", required=True, help="the ReportRequest's fields as JSON")
    args = p.parse_args(argv)
    spec: dict[str, Any] = json.loads(args.request)
    req = ReportRequest(**{**spec, "formats": tuple(spec["formats"])})
    # The renderers' modules, imported before the clock starts (the GUI has them loaded).
    import reports.pdf.journal
    import reports.xlsx.journal  # noqa: F401

    db = open_database(args.db)
    try:
        with db.read() as s:
            actor = default_actor(s)
        assert actor is not None, "the database has no administrator"
        t0 = time.perf_counter()
        paths = generate(db, actor, req, args.out, clock=_clock(args.today))
        seconds = time.perf_counter() - t0
    finally:
        db.dispose()
    result = {"seconds": seconds, "peak_mb": peak_rss_mb(), "paths": [str(x) for x in paths]}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] != ["child"]:
        sys.exit(
            "usage: python -m bench.reports child --db URL --out DIR --today DAY --request JSON"
        )
    sys.exit(_child(sys.argv[2:]))
