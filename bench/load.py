"""Eight clerks at once: a realistic mix of use cases against a real PostgreSQL server.

Each worker is an OS process (``multiprocessing`` with *spawn*: a fresh interpreter with
its own engine — one workstation) acting as its own small team of one department: a
registrar, a head and an executor. Until the time is up it picks, at random:

``register``  the registrar registers an incoming request for one of the two departments;
``assign``    the head opens one of the first three documents of his department's queue
              (the card gives its version) and resolves it to an executor of the
              department, half of the time with a co-executor;
``start``     the executor opens one of his assigned documents and takes it into work;
``answer``    the executor opens one of his tasks and answers it (the reply letter is
              registered as an outgoing document);
``search``    the registrar searches by a surname, a subject word or a number he registered;
``report``    the head builds the monthly execution-discipline data of the current month.

Four heads share each department's queue and two executors often share a document, so
two clerks do act on the same document at once: the second is told "changed by X at T"
(:class:`app.errors.StaleRecord`, optimistic locking) — counted as a *conflict*, the
message the clerk sees. Anything else that goes wrong is an *error*. An action with
nothing to act on (an empty queue, no tasks) becomes a registration instead. Each
worker does one of each action first, in the order above, then picks at random.

The time of an operation is the clerk's whole action — opening the list and the card,
then saving — for the operations that finished (saved, or refused with a conflict).
Afterwards every number shown to a clerk must be stored exactly once and each number
counter must stand at the highest number it issued.

Where the server comes from (:func:`load_database`): ``KANTSELARIA_BENCH_PG`` or
``KANTSELARIA_TEST_PG`` (a fresh database is created on it and dropped afterwards), else
a throw-away server started with ``scripts/pg-test-server`` and stopped afterwards.

Run alone: ``python -m bench.load [--seconds 60] [--workers 8]``.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import queue
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from app import documents, registration, reporting, routing, search, users
from app.auth import Actor, default_actor
from app.clock import Clock, SystemClock
from app.errors import StaleRecord
from app.registration import RegistrationInput
from app.routing import AnswerInput, ResolutionInput
from app.setup import prepare
from models.db import Database, open_database
from models.tables import Department, Document, NumberCounter, NumberTemplate

ROOT = Path(__file__).resolve().parents[1]
PG_SERVER = ROOT / "scripts" / "pg-test-server"
ENV_VARS = ("KANTSELARIA_BENCH_PG", "KANTSELARIA_TEST_PG")

OPS = ("register", "assign", "start", "answer", "search", "report")
WEIGHTS = (22, 20, 8, 25, 17, 8)
DEPARTMENTS = ("SOC", "FIN")
QUEUE_HEAD = 3  # a head opens one of the first documents of the queue
TASKS_HEAD = 5  # an executor one of his first tasks
SEED_PER_DEPARTMENT = 6  # documents registered (half of them assigned) before the start
START_TIMEOUT_S = 120.0  # spawning 8 interpreters on a 2-core machine takes a while
MAX_ERROR_TEXTS = 5  # tracebacks kept per worker

SURNAMES = ("ბერიძე", "კაპანაძე", "ღლონტი", "მამულაშვილი", "ჯავახიშვილი", "Beridze", "ᲚᲝᲛᲘᲫᲔ")
FIRST_NAMES = ("ნინო", "გიორგი", "მარიამ", "ლევან", "თამარ", "დავით")
SUBJECTS = (
    "საჯარო ინფორმაცია ბიუჯეტზე",
    "განცხადება დახმარების თაობაზე",
    "საჩივარი ეზოს განათებაზე",
    "წერილი სკოლის რემონტზე",
    "მოთხოვნა ცნობის გაცემაზე",
)
SEARCH_WORDS = ("ბიუჯეტ", "დახმარება", "საჩივარი", "Beridze", "nino", "ᲜᲘᲜᲝ")
DOC_TYPES = ("foi", "application", "complaint", "letter")


# --- the office ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Team:
    """Who one workstation acts as."""

    department: str
    registrar: Actor
    head: Actor
    executor: Actor
    colleagues: tuple[int, ...]  # the department's executors (his own id included)


@dataclass(frozen=True)
class Office:
    teams: tuple[Team, ...]
    numbers: tuple[str, ...]  # registered while setting the office up


@contextmanager
def _cheap_hashing() -> Iterator[None]:
    """argon2 at minimal cost for the bench's throw-away accounts (nobody logs in)."""
    saved = users.HASHER
    users.HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    try:
        yield
    finally:
        users.HASHER = saved


def _actor(row: users.UserRow) -> Actor:
    return Actor(row.id, row.login, row.full_name, row.role, row.department_id)


def _request(rng: random.Random, department: str) -> RegistrationInput:
    person = rng.randrange(200)
    return RegistrationInput(
        kind="incoming",
        doc_type=rng.choice(DOC_TYPES),
        subject=f"{rng.choice(SUBJECTS)} №{rng.randrange(1000)}",
        from_name=f"{FIRST_NAMES[person % 6]} {SURNAMES[person % 7]}",
        personal_id=f"{60_000_000_000 + person}" if person % 2 else "",
        channel=rng.choice(("in_person", "post", "email")),
        summary="ტექსტი " * rng.randrange(1, 40),
        department=department,
    )


def set_up_office(db: Database, workers: int, clock: Clock, seed: int = 0) -> Office:
    """One team per worker (departments alternate), and a few documents in each
    department's queue and tasks so that every action has work from the first second."""
    rng = random.Random(seed)
    tag = uuid.uuid4().hex[:6]
    with db.read() as s:
        admin = default_actor(s)
        dept_ids = {c: i for c, i in s.execute(select(Department.code, Department.id))}
    if admin is None:
        raise RuntimeError("the database has no administrator")
    people: list[tuple[str, Actor, Actor, Actor]] = []
    with _cheap_hashing():
        for w in range(workers):
            code = DEPARTMENTS[w % len(DEPARTMENTS)]
            made = []
            for role, dept in (("registrar", None), ("head", code), ("executor", code)):
                row = users.create_user(
                    db,
                    admin,
                    users.UserInput(
                        f"load.{tag}.{role}{w}",
                        f"{role} {w}",
                        role,
                        dept_ids[dept] if dept else None,
                    ),
                    f"load-{tag}-password",
                    clock,
                )
                made.append(_actor(row))
            people.append((code, made[0], made[1], made[2]))
    teams = tuple(
        Team(code, reg, head, ex, tuple(p[3].user_id for p in people if p[0] == code))
        for code, reg, head, ex in people
    )
    numbers: list[str] = []
    for code in DEPARTMENTS:
        team = next((t for t in teams if t.department == code), None)
        if team is None:
            continue
        for i in range(SEED_PER_DEPARTMENT):
            doc = registration.register(db, team.registrar, _request(rng, code), clock)
            numbers.append(doc.number)
            if i % 2:
                routing.assign(db, team.head, doc.id,
                               ResolutionInput(rng.choice(team.colleagues)), clock)  # fmt: skip
    return Office(teams, tuple(numbers))


# --- one workstation ----------------------------------------------------------------------


@dataclass
class OpStats:
    latencies_ms: list[float] = field(default_factory=list)  # finished: saved or conflict
    conflicts: int = 0
    errors: int = 0


@dataclass
class WorkerReport:
    worker: int
    stats: dict[str, OpStats] = field(default_factory=lambda: {op: OpStats() for op in OPS})
    numbers: list[str] = field(default_factory=list)  # every number shown to this clerk
    errors: list[str] = field(default_factory=list)  # the first tracebacks
    broken: str = ""  # why the worker could not start
    started: float = 0.0
    finished: float = 0.0


class Clerk:
    """One workstation's actions; each returns False when it found nothing to act on."""

    def __init__(self, db: Database, team: Team, clock: Clock, rng: random.Random) -> None:
        self.db, self.team, self.clock, self.rng = db, team, clock, rng
        self.numbers: list[str] = []

    def register(self) -> bool:
        dept = self.rng.choice(DEPARTMENTS)
        doc = registration.register(self.db, self.team.registrar, _request(self.rng, dept),
                                    self.clock)  # fmt: skip
        self.numbers.append(doc.number)
        return True

    def assign(self) -> bool:
        head = self.team.head
        rows = routing.department_queue(self.db, head)[:QUEUE_HEAD]
        if not rows:
            return False
        card = documents.get_card(self.db, head, self.rng.choice(rows).id, self.clock)
        if card.status != "registered" or card.executor_id is not None:
            return False  # taken since the list was read: the clerk picks another
        main = self.rng.choice(self.team.colleagues)
        others = [c for c in self.team.colleagues if c != main]
        co = (self.rng.choice(others),) if others and self.rng.random() < 0.5 else ()
        routing.assign(
            self.db, head, card.id,
            ResolutionInput(main, co, instruction="გთხოვთ მოამზადოთ პასუხი",
                            expected_version=card.version),
            self.clock,
        )  # fmt: skip
        return True

    def _my_task(self, wanted: Callable[[routing.TaskRow], bool]) -> documents.DocumentCard | None:
        ex = self.team.executor
        rows = [t for t in routing.my_tasks(self.db, ex, clock=self.clock) if wanted(t)]
        if not rows:
            return None
        return documents.get_card(self.db, ex, self.rng.choice(rows[:TASKS_HEAD]).id, self.clock)

    def start(self) -> bool:
        card = self._my_task(lambda t: t.status == "assigned" and t.role == "main")
        if card is None or card.status != "assigned":
            return False
        routing.start(self.db, self.team.executor, card.id, self.clock,
                      expected_version=card.version)  # fmt: skip
        return True

    def answer(self) -> bool:
        card = self._my_task(lambda t: t.status in ("assigned", "in_progress"))
        if card is None or card.status not in ("assigned", "in_progress"):
            return False
        result = routing.answer(
            self.db, self.team.executor, card.id,
            AnswerInput("granted", f"პასუხი: {card.subject}"[:500], "ინფორმაცია თანდართულია.",
                        expected_version=card.version),
            self.clock,
        )  # fmt: skip
        self.numbers.append(result.outgoing_number)
        return True

    def search(self) -> bool:
        pick = self.rng.random()
        if pick < 0.3 and self.numbers:
            words = self.rng.choice(self.numbers[-20:])
        elif pick < 0.65:
            words = self.rng.choice(SURNAMES)
        else:
            words = self.rng.choice(SEARCH_WORDS)
        search.search(self.db, self.team.registrar, words, limit=50)
        return True

    def report(self) -> bool:
        period = self.clock.today().strftime("%Y-%m")
        dept = self.team.department if self.rng.random() < 0.5 else ""
        reporting.monthly(self.db, self.team.head, period, department=dept, clock=self.clock)
        return True


def _worker(
    url: str, index: int, team: Team, clock: Clock, seconds: float, seed: int,
    barrier: Any, results: Any,
) -> None:  # fmt: skip
    """One workstation: act until *seconds* after the common start; put a WorkerReport."""
    rep = WorkerReport(index)
    try:
        db = open_database(url)
        with db.read() as s:  # the first connection is opened before the start signal
            s.execute(text("SELECT 1"))
    except BaseException:
        rep.broken = traceback.format_exc()
        barrier.abort()  # release the others at once instead of letting them time out
        results.put(rep)
        return
    try:
        barrier.wait()
    except Exception:
        rep.broken = traceback.format_exc()
        results.put(rep)
        db.dispose()
        return
    rng = random.Random(seed * 1000 + index)
    clerk = Clerk(db, team, clock, rng)
    actions: dict[str, Callable[[], bool]] = {op: getattr(clerk, op) for op in OPS}
    rep.started = time.monotonic()  # system-wide: comparable across processes
    end = rep.started + seconds
    try:
        first_round = list(OPS)  # one of each first, so even a short run does everything
        while time.monotonic() < end:
            op = first_round.pop(0) if first_round else rng.choices(OPS, WEIGHTS)[0]
            t0 = time.perf_counter()
            try:
                if not actions[op]():
                    op = "register"  # nothing to act on: the clerk registers the next letter
                    t0 = time.perf_counter()
                    actions[op]()
            except StaleRecord as conflict:
                conflict.message()  # "changed by X at T", what the clerk is shown
                rep.stats[op].conflicts += 1
            except Exception:
                rep.stats[op].errors += 1
                if len(rep.errors) < MAX_ERROR_TEXTS:
                    rep.errors.append(f"[worker {index}, {op}]\n{traceback.format_exc()}")
                continue
            rep.stats[op].latencies_ms.append((time.perf_counter() - t0) * 1000)
    finally:
        rep.finished = time.monotonic()
        rep.numbers = clerk.numbers
        db.dispose()
        results.put(rep)


# --- the run --------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpLine:
    name: str
    count: int  # finished: saved, or refused with a conflict
    per_second: float
    p50_ms: float | None
    p95_ms: float | None
    conflicts: int
    errors: int


@dataclass(frozen=True)
class LoadResult:
    workers: int
    seconds: float  # from the first worker's start to the last one's end
    lines: tuple[OpLine, ...]
    numbers: tuple[str, ...]  # every number shown to a clerk (the office's set-up included)
    tracebacks: tuple[str, ...]  # of the errors (the first few of each worker)
    problems: tuple[str, ...]  # a worker that did not run, a broken promise about numbers

    @property
    def total(self) -> int:
        return sum(line.count for line in self.lines)

    @property
    def error_count(self) -> int:
        return sum(line.errors for line in self.lines) + len(self.problems)

    @property
    def ok(self) -> bool:
        return self.error_count == 0


def _percentile(values: Sequence[float], pct: int) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def _lines(reports: Sequence[WorkerReport], seconds: float) -> tuple[OpLine, ...]:
    out = []
    for op in OPS:
        lat = [x for r in reports for x in r.stats[op].latencies_ms]
        out.append(
            OpLine(
                name=op,
                count=len(lat),
                per_second=len(lat) / seconds if seconds > 0 else 0.0,
                p50_ms=_percentile(lat, 50),
                p95_ms=_percentile(lat, 95),
                conflicts=sum(r.stats[op].conflicts for r in reports),
                errors=sum(r.stats[op].errors for r in reports),
            )
        )
    return tuple(out)


def _collect(procs: Sequence[Any], results: Any, n: int, timeout: float) -> list[WorkerReport]:
    got: list[WorkerReport] = []
    deadline = time.monotonic() + timeout
    while len(got) < n and time.monotonic() < deadline:
        try:
            got.append(results.get(timeout=1.0))
        except queue.Empty:
            if not any(p.is_alive() for p in procs) and results.empty():
                break
    return got


def run_load(
    url: str, seconds: float = 60.0, workers: int = 8, clock: Clock | None = None, seed: int = 1
) -> LoadResult:
    """Set up the office on the prepared database *url* and let *workers* clerks work."""
    clock = clock or SystemClock()
    db = open_database(url)
    try:
        office = set_up_office(db, workers, clock, seed)
    finally:
        db.dispose()
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(workers, timeout=START_TIMEOUT_S)
    results = ctx.Queue()
    procs = [
        ctx.Process(
            target=_worker,
            args=(url, w, office.teams[w], clock, seconds, seed, barrier, results),
        )
        for w in range(workers)
    ]
    for p in procs:
        p.start()
    try:
        reports = _collect(procs, results, workers, START_TIMEOUT_S + seconds + 120)
    finally:
        for p in procs:
            p.join(timeout=10)
            if p.is_alive():
                p.terminate()
                p.join()
    problems = [f"worker {r.worker} did not run:\n{r.broken}" for r in reports if r.broken]
    if len(reports) < workers:
        codes = [p.exitcode for p in procs]
        problems.append(f"only {len(reports)} of {workers} workers reported; exit {codes}")
    started = [r.started for r in reports if r.started]
    elapsed = max((r.finished for r in reports), default=0.0) - min(started, default=0.0)
    numbers = (*office.numbers, *(n for r in reports for n in r.numbers))
    problems += check_numbers(url, numbers)
    tracebacks = tuple(e for r in reports for e in r.errors)
    return LoadResult(
        workers, elapsed, _lines(reports, elapsed), numbers, tracebacks, tuple(problems)
    )


def check_numbers(url: str, numbers: Sequence[str]) -> list[str]:
    """Broken promises: a number shown twice, a shown number not stored exactly once, a
    counter not standing at the highest number issued in its scope and year."""
    problems = []
    if len(set(numbers)) != len(numbers):
        problems.append(f"{len(numbers) - len(set(numbers))} number(s) shown twice")
    db = open_database(url)
    try:
        with db.read() as s:
            stored: dict[str, int] = {
                n: c
                for n, c in s.execute(
                    select(Document.reg_number, func.count()).group_by(Document.reg_number)
                )
            }
            scopes = set(s.scalars(select(NumberTemplate.counter_scope)))
            counters = s.execute(
                select(NumberCounter.scope, NumberCounter.year, NumberCounter.last_value).where(
                    NumberCounter.scope.in_(scopes)
                )
            ).all()
            highest: dict[tuple[str, int], int] = {
                (scope, year): top
                for scope, year, top in s.execute(
                    select(Document.counter_scope, Document.seq_year, func.max(Document.seq))
                    .group_by(Document.counter_scope, Document.seq_year)
                )
            }  # fmt: skip
    finally:
        db.dispose()
    wrong = [n for n in numbers if stored.get(n) != 1]
    if wrong:
        problems.append(f"{len(wrong)} shown number(s) not stored exactly once: {wrong[:5]}")
    for scope, year, last in counters:
        if last != highest.get((scope, year), 0):
            problems.append(
                f"counter {scope}/{year} at {last}, highest number {highest.get((scope, year))}"
            )
    return problems


def table(result: LoadResult) -> str:
    head = ("operation", "count", "ops/s", "p50 ms", "p95 ms", "conflicts", "errors")

    def ms(v: float | None) -> str:
        return "—" if v is None else f"{v:.1f}"

    rows = [head]
    for ln in result.lines:
        rows.append((ln.name, str(ln.count), f"{ln.per_second:.1f}", ms(ln.p50_ms),
                     ms(ln.p95_ms), str(ln.conflicts), str(ln.errors)))  # fmt: skip
    per_s = result.total / result.seconds if result.seconds > 0 else 0.0
    conflicts = sum(ln.conflicts for ln in result.lines)
    rows.append(("all", str(result.total), f"{per_s:.1f}", "", "", str(conflicts),
                 str(result.error_count)))  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = []
    for n, r in enumerate(rows):
        if n == len(rows) - 1:
            lines.append("  ".join("-" * w for w in widths))
        cells = [r[0].ljust(widths[0])] + [r[i].rjust(widths[i]) for i in range(1, len(r))]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


# --- where the server comes from --------------------------------------------------------------


class NoServer(RuntimeError):
    """No PostgreSQL server is configured and none could be started."""


def _start_server(folder: Path) -> str:
    try:
        done = subprocess.run(
            [str(PG_SERVER), "start", str(folder)],
            capture_output=True, text=True, timeout=180, check=False,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise NoServer(f"{PG_SERVER.name} start: {exc}") from exc
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise NoServer(f"{PG_SERVER.name} start failed ({done.returncode}): {done.stderr.strip()}")
    return lines[-1]


def _stop_server(folder: Path) -> None:
    subprocess.run([str(PG_SERVER), "stop", str(folder)], capture_output=True, timeout=120,
                   check=False)  # fmt: skip


@contextmanager
def load_database(clock: Clock | None = None) -> Iterator[str]:
    """The URL of a fresh, prepared PostgreSQL database, dropped afterwards (and the
    throw-away server, if one had to be started, stopped and removed)."""
    base = next((os.environ[v] for v in ENV_VARS if os.environ.get(v)), None)
    folder: Path | None = None
    if base is None:
        folder = Path(tempfile.mkdtemp(prefix="kantselaria-load-pg-"))
        folder.chmod(0o755)  # as root the server runs as `postgres` (scripts/run-tests does so)
    try:
        if folder is not None:
            base = _start_server(folder)
        assert base is not None
        name = f"kantselaria_load_{uuid.uuid4().hex[:10]}"
        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as c:
                c.execute(  # the bench's own throw-away server: never sent to SQL Server
                    text(
                        f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0"
                    ).execution_options(postgresql_only=True)
                )
            url = make_url(base).set(database=name).render_as_string(hide_password=False)
            try:
                db = open_database(url)
                try:
                    prepare(db, clock)
                finally:
                    db.dispose()
                yield url
            finally:
                with admin.connect() as c:
                    c.execute(
                        text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)").execution_options(
                            postgresql_only=True
                        )
                    )
        finally:
            admin.dispose()
    finally:
        if folder is not None:
            _stop_server(folder)
            shutil.rmtree(folder, ignore_errors=True)


def load_bench(seconds: float, workers: int) -> bool:
    """`make bench`'s load table; False on any error (or when no server is available)."""
    try:
        with load_database() as url:
            where = make_url(url).render_as_string(hide_password=True)
            result = run_load(url, seconds, workers)
    except NoServer as exc:
        print(f"load: no PostgreSQL server ({exc}); set KANTSELARIA_BENCH_PG, or --no-load\n")
        return False
    print(f"load: {workers} clerk processes for {result.seconds:.0f} s on {where}")
    print("(count: finished actions — saved, or refused with a conflict; times: the whole "
          "action, list and card included)")  # fmt: skip
    print(table(result))
    for e in (*result.problems, *result.tracebacks):
        print(e, file=sys.stderr)
    print("load: " + ("ok" if result.ok else "FAILED — unexpected errors above") + "\n")
    return result.ok


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m bench.load", description=(__doc__ or "").split("\n")[0]
    )
    p.add_argument("--seconds", type=float, default=60.0)
    p.add_argument("--workers", type=int, default=8)
    args = p.parse_args(argv)
    return 0 if load_bench(args.seconds, args.workers) else 1


if __name__ == "__main__":
    sys.exit(main())
