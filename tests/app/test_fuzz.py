"""No input breaks the program or half-writes a record: hypothesis against every use case.

Each use case behind a form or a CLI command gets strange input — Georgian, Mtavruli,
right-to-left text, emoji, NUL and other control characters, strings of up to 100 000
characters, dates from year 1 to 9999 written every which way, unknown (or merged-away)
ids, every role. The outcome must be success or :class:`app.errors.UserError` whose
message renders, non-empty, in Georgian and English; never another exception. After a
refusal the row count of every table (the audit log included) is what it was before.

A form is fuzzed the way it is filled in: most fields hold what a careful clerk types
(which may well be Mtavruli, right-to-left or emoji — valid input must *succeed*), and
up to three hold anything at all. Each case must see at least one success, so the
success path is fuzzed too, not only the first validation check.

Adding a use case is one line in ``CASES``: a name, a strategy for its arguments (often
``form(field=F(valid, wild), …)``) and a call ``(world, actor, value) -> object``;
``examples`` weights how many it gets; ``prepare`` (optional) runs before each example,
outside the check — the routing cases make there a document in the state the example
asks for (:func:`on_fresh_document`).

Example counts: ``CI=true`` runs every case's full count (≥ 10 000 in total, checked by
``test_enough_examples``; each case checks that its examples really ran); elsewhere
``KANTSELARIA_FUZZ_FRACTION`` (default 1.0) scales them down for a quick local run.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import io
import logging
import os
import shutil
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import func, select

from app import (
    attachments,
    cli,
    documents,
    extensions,
    importing,
    links,
    lookups,
    messages,
    people,
    profiles,
    registration,
    registry,
    reporting,
    routing,
    rules,
    search,
    users,
)
from app.auth import Actor, default_actor
from app.clock import FixedClock
from app.deadlines import SHIFTS
from app.errors import UserError
from app.registration import RegistrationInput
from app.routing import AnswerInput, ResolutionInput
from models.base import Base
from models.db import Database, open_database
from models.tables import (
    CHANNELS,
    DEADLINE_UNITS,
    DOC_KINDS,
    DOC_STATUSES,
    LINK_TYPES,
    OUTCOMES,
    ROLES,
    Correspondent,
    Department,
    Document,
    NumberTemplate,
)
from tests.conftest import TEST_NOW

# A failing example of 100 000 characters is reported anyway (shrinking makes it short).
pytestmark = pytest.mark.filterwarnings(
    "ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning"
)

# --- how many examples ----------------------------------------------------------------------

IN_CI = os.environ.get("CI", "").lower() == "true"
FRACTION = 1.0 if IN_CI else float(os.environ.get("KANTSELARIA_FUZZ_FRACTION", "1"))
MIN_TOTAL_IN_CI = 10_000

settings.register_profile(
    "kantselaria-fuzz",
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.filter_too_much,
    ],
    print_blob=True,
    # CI starts from a clean slate each run; locally the example database replays failures.
    **({"database": None} if IN_CI else {}),
)
PROFILE = settings.get_profile("kantselaria-fuzz")
TODAY = TEST_NOW.date()


# --- text and dates -------------------------------------------------------------------------

SCRIPTS = (
    st.characters(min_codepoint=0x10A0, max_codepoint=0x10FF),  # Georgian (Mkhedruli…)
    st.characters(min_codepoint=0x1C90, max_codepoint=0x1CBF),  # Mtavruli
    st.characters(min_codepoint=0x0590, max_codepoint=0x06FF),  # Hebrew, Arabic (RTL)
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),  # emoji
    st.characters(min_codepoint=0x30, max_codepoint=0x39),  # ASCII digits
)
# Pieces a clerk can legitimately type or paste (format characters, marks, emoji
# sequences, SQL and LIKE metacharacters…): the program must accept and store them.
FINE_SPECIALS = (
    "\u00a0", "\u00ad", "\u0301", "\u200b", "\u200d", "\u200e", "\u200f", "\u202a",
    "\u202e", "\u2066", "\u2069", "\u2028", "\ufeff", "\ufffd", "\U0010ffff", "👩🏽‍💻",
    "🇬🇪", "ﷺ", "ß", "İ", "%", "_", "\\", "'", '"', "{", "}", "{seq}", "*", "/", "№",
    "--", ";", " ",
)  # fmt: skip
# …and pieces no field accepts (control characters).
BAD_SPECIALS = ("\x00", "\x01", "\x1b", "\x7f", "\t", "\r\n", "\n", "\x85")

FINE_PIECES = st.one_of(
    *SCRIPTS,
    st.characters(exclude_categories=("Cc", "Cs")),
    st.sampled_from(FINE_SPECIALS),
)
PIECES = st.one_of(*SCRIPTS, st.characters(), st.sampled_from(FINE_SPECIALS + BAD_SPECIALS))
SHORT = st.lists(PIECES, max_size=30).map("".join)


def _repeat(piece: str, n: int) -> str:
    piece = piece or "ა"
    return (piece * (n // len(piece) + 1))[:n]


# Long strings are built by repetition: generating 100 000 random characters is slow
# and finds nothing a repeated pattern does not.
HUGE = st.builds(
    _repeat, st.lists(PIECES, min_size=1, max_size=5).map("".join), st.integers(1, 100_000)
)


def fine_text(max_pieces: int = 25) -> st.SearchStrategy[str]:
    """Non-blank text any form must accept (at most 7 code points a piece)."""
    return (
        st.lists(FINE_PIECES, min_size=1, max_size=max_pieces)
        .map("".join)
        .filter(lambda t: bool(t.strip()))
    )


def texts(*plausible: str) -> st.SearchStrategy[str]:
    """Anything at all: short, huge, control characters — and sometimes a plausible value."""
    options: list[st.SearchStrategy[str]] = [SHORT, SHORT, HUGE, fine_text()]
    if plausible:
        options.append(st.sampled_from(plausible))
    return st.one_of(options)


def _dotted(d: dt.date) -> str:
    return f"{d.day:02d}.{d.month:02d}.{d.year:04d}"


def day_input(lo: dt.date, hi: dt.date) -> st.SearchStrategy[dt.date | str]:
    """A day in [lo, hi] as the date widget gives it or as typed (ISO or dd.mm.yyyy)."""
    days = st.dates(min_value=lo, max_value=hi)
    return st.one_of(days, days.map(dt.date.isoformat), days.map(_dotted))


NEAR = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2028, 12, 31))
ANY_DAY = st.one_of(st.dates(), NEAR)
DATE_TEXT = st.one_of(
    ANY_DAY.map(dt.date.isoformat),
    ANY_DAY.map(_dotted),
    st.sampled_from(
        (
            "2026-02-30",
            "31.12.9999",
            "00.00.0000",
            "0001-01-01",
            "9999-12-31",
            "25.11.2026",
            " 2026-11-25 ",
            "2026-11-25T10:00",
            "٢٥.١١.٢٠٢٦",
            "25.11.26",
            "+002026-11-25",
        )
    ),
    SHORT,
)
DATES: st.SearchStrategy[dt.date | str | None] = st.one_of(st.none(), ANY_DAY, DATE_TEXT)
PAST = day_input(dt.date(1990, 1, 1), TODAY)  # registration dates, sender dates
RECENT = day_input(dt.date(2026, 10, 1), TODAY)
AHEAD = day_input(TODAY, dt.date(2027, 6, 30))  # extensions, days off

INT32 = st.integers(-(2**31), 2**31 - 1)
IDS = st.one_of(st.integers(-3, 60), INT32)  # unknown ids, and ids merged or deleted away
SMALL_INTS = st.one_of(st.integers(-5, 100), INT32)
NUMBERISH: st.SearchStrategy[int | str] = st.one_of(
    SMALL_INTS, SMALL_INTS.map(str), texts("1", " 30 ", "1e3", "٣", "-0", "3650", "3651")
)
DIGITS = "0123456789"
PERSONAL_IDS = texts("", "01001012345", "0100101234", "٠١٠٠١٠١٢٣٤٥", "0100101234 5")
ORG_CODES = texts("", "204567890", "20456789", "2045678901")
EMAILS = texts("", "a@b.ge", "ნინო@მერია.ge", "a@@b", "x@y")
DEPT_CODES = ("ADM", "FIN", "INF", "SOC", "LEG", "ARC", "EDU")
TYPE_CODES = ("foi", "application", "complaint", "letter", "memo")
NAMES = ("ნინო ბერიძე", "ᲜᲘᲜᲝ ᲑᲔᲠᲘᲫᲔ", "Nino Beridze", "შპს „მერანი“", "גיאורגי", "🙂 ნინო")


# --- forms: mostly what a clerk types, up to three fields of anything -----------------------


@dataclass(frozen=True)
class F:
    """One field of a form: what a careful clerk enters, and anything at all."""

    valid: st.SearchStrategy[Any]
    wild: st.SearchStrategy[Any]


def choice(values: tuple[Any, ...] | list[Any], wild: st.SearchStrategy[Any]) -> F:
    return F(st.sampled_from(values), wild)


@st.composite
def _form(draw: st.DrawFn, fields: dict[str, F]) -> dict[str, Any]:
    names = sorted(fields)
    wild = draw(st.sets(st.sampled_from(names), max_size=min(3, len(names))))
    return {n: draw(fields[n].wild if n in wild else fields[n].valid) for n in names}


def form(**fields: F) -> st.SearchStrategy[dict[str, Any]]:
    return _form(fields)


def ids(lo: int, hi: int) -> F:
    """An id that exists in the seeded world (most of the time), or any integer."""
    return F(st.integers(lo, hi), IDS)


def optional(field: F) -> F:
    return F(st.none() | field.valid, st.none() | field.wild)


KIND = choice(DOC_KINDS, texts())
DOC_TYPE = choice(TYPE_CODES, texts())
DEPT = F(st.sampled_from(("", *DEPT_CODES)), texts("adm", " FIN"))
PERSONAL_ID = F(st.just("") | st.text(DIGITS, min_size=11, max_size=11), PERSONAL_IDS)
ORG_CODE = F(st.just("") | st.text(DIGITS, min_size=9, max_size=9), ORG_CODES)
EMAIL = choice(("", "a@b.ge", "nino.beridze@tbilisi.gov.ge", "ნინო@მერია.ge"), EMAILS)
OPTIONAL_TEXT = F(st.just("") | fine_text(), texts())
NAME = F(st.sampled_from(NAMES) | fine_text(), texts())

REGISTRATION = dict(
    kind=KIND,
    doc_type=DOC_TYPE,
    subject=F(fine_text(), texts()),
    from_name=NAME,
    correspondent_id=optional(ids(1, 16)),
    personal_id=PERSONAL_ID,
    org_code=ORG_CODE,
    address=OPTIONAL_TEXT,
    phone=choice(("", "+995 599 12 34 56"), texts()),
    email=EMAIL,
    reg_date=optional(F(PAST, DATES)),
    sender_number=choice(("", "12/3", "№ 45"), texts()),
    sender_date=optional(F(PAST, DATES)),
    channel=choice(CHANNELS, texts()),
    summary=F(
        st.just("") | fine_text() | st.builds(_repeat, fine_text(5), st.integers(1, 20_000)),
        texts(),
    ),
    sheets=F(st.integers(0, 100), NUMBERISH),
    confidential=F(st.booleans(), st.booleans()),
    department=DEPT,
)
CORRESPONDENT = dict(
    kind=choice(("person", "organisation"), texts()),
    name=NAME,
    personal_id=F(PERSONAL_ID.valid, PERSONAL_IDS | st.just("01*******45")),
    org_code=ORG_CODE,
    address=OPTIONAL_TEXT,
    phone=OPTIONAL_TEXT,
    email=EMAIL,
)


def _pick(value: dict[str, Any], keys: dict[str, F]) -> dict[str, Any]:
    return {k: value[k] for k in keys}


registry_queries = st.builds(
    registry.RegistryQuery,
    kind=st.sampled_from(DOC_KINDS),
    sort=st.sampled_from(tuple(registry.SORT_COLUMNS)),
    descending=st.booleans(),
    status=st.lists(st.sampled_from(DOC_STATUSES), max_size=3).map(tuple),
    department_id=st.one_of(st.none(), IDS),
    date_from=st.one_of(st.none(), ANY_DAY),
    date_to=st.one_of(st.none(), ANY_DAY),
    overdue_on=st.one_of(st.none(), ANY_DAY),
    ids=st.lists(IDS, max_size=5).map(tuple),
    doc_type=st.one_of(st.none(), DOC_TYPE.valid, texts()),
    executor_id=st.one_of(st.none(), IDS),
    channel=st.one_of(st.none(), st.sampled_from(CHANNELS)),
    under_control=st.one_of(st.none(), st.booleans()),
    due_from=st.one_of(st.none(), ANY_DAY),
    due_to=st.one_of(st.none(), ANY_DAY),
    overdue=st.booleans(),
    due_within_days=st.one_of(st.none(), st.integers(0, 3650)),
    today=st.one_of(st.none(), ANY_DAY),
)
# What a saved filter's name and query may hold (the query built by code, not typed).
wild_queries = registry_queries.flatmap(
    lambda q: st.builds(
        replace,
        st.just(q),
        kind=texts(*DOC_KINDS),
        channel=st.none() | texts(*CHANNELS),
        status=st.lists(texts(*DOC_STATUSES), max_size=2).map(tuple),
        sort=texts("reg_date"),
    )
)

JOURNAL = (  # header, a valid cell, anything a spreadsheet cell can hold
    ("რეგ. №", st.integers(1, 5000).map(lambda n: f"{n}/2019") | st.integers(1, 5000)),
    ("თარიღი", day_input(dt.date(2000, 1, 1), dt.date(2025, 12, 31))),
    ("ვისგან", NAME.valid),
    ("პირადი ნომერი", PERSONAL_ID.valid),
    ("შინაარსი", fine_text()),
    ("დოკუმენტის ტიპი", st.sampled_from(TYPE_CODES) | st.just("")),
    ("სამსახური", DEPT.valid),
    ("მიღების არხი", st.sampled_from(("", "ფოსტა", *CHANNELS))),
    ("ფურცლები", st.integers(0, 50)),
    ("შესრულების ვადა", day_input(dt.date(2000, 1, 1), dt.date(2025, 12, 31)) | st.none()),
    ("რეზოლუცია", st.just("") | fine_text()),
    ("შენიშვნა", st.just("") | fine_text()),
)
CELL = st.one_of(
    st.none(),
    texts("", "12/2019", "შ-45/2019", "12 მარტი 2019", "15.03.2019"),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1900, 1, 1)),
    st.datetimes(min_value=dt.datetime(1900, 1, 1)),
    st.booleans(),
)
import_options = st.builds(
    importing.ImportOptions,
    kind=texts(*DOC_KINDS),
    doc_type=texts(*TYPE_CODES),
    channel=texts(*CHANNELS),
    status=texts(*DOC_STATUSES),
    chunk_size=SMALL_INTS,
)
IMPORT = dict(
    {f"c{i:02d}": F(valid, CELL) for i, (_h, valid) in enumerate(JOURNAL)},
    header=F(st.just(True), st.booleans()),
    options=F(st.just(importing.ImportOptions()), import_options),
    dry_run=F(st.booleans(), st.booleans()),
)


# --- the world each case runs in ------------------------------------------------------------


@dataclass
class World:
    db: Database
    url: str
    admin: Actor
    clock: FixedClock
    tmp: Path
    numbers: tuple[str, ...] = ()
    template_ids: tuple[int, ...] = ()
    staff: dict[str, Actor] = field(default_factory=dict)  # login → the seeded user

    def actor(self, role: str) -> Actor:
        return replace(self.admin, role=role)


FILTER_NAMES = ("ჩემი", "ვადაგადაცილებული", "FOI", "🙂")


def _seed(db: Database, admin: Actor, clock: FixedClock) -> None:
    """Documents of every kind, correspondents, links, clock stops, department templates
    and saved filters, so that small ids (1–16) mostly exist."""
    for i, name in enumerate(NAMES * 2):
        pid = f"0100101{i:04d}" if i % 3 == 0 else ""
        code = f"20456{i:04d}" if i % 3 == 1 else ""
        people.create_correspondent(
            db, admin, people.CorrespondentInput(name=name, personal_id=pid, org_code=code), clock
        )
    docs = []
    for i in range(16):
        kind = DOC_KINDS[i % 3]
        docs.append(
            registration.register(
                db,
                admin,
                RegistrationInput(kind, TYPE_CODES[i % 5], f"საქმე {i}", correspondent_id=i % 12 + 1,
                                  department=DEPT_CODES[i % 7] if i % 2 else "",
                                  reg_date=TODAY - dt.timedelta(days=3 * i)),
                clock,
            )
        )  # fmt: skip
    for a, b in ((3, 0), (6, 1), (9, 2), (12, 4), (15, 5)):
        links.link(db, admin, docs[a].id, docs[b].id, "reply_to", clock=clock)
    for d in [d for d in docs if d.due_date is not None][:6]:
        extensions.stop_clock(db, admin, d.id, None, "დაზუსტება", clock=clock)
    for code in DEPT_CODES[:4]:
        rules.save_template(db, admin, "incoming", "{kind}-{dept}-{seq}/{yyyy}", code, clock=clock)
    for name in FILTER_NAMES:
        registry.save_filter(db, admin, name, registry.RegistryQuery(overdue=True), clock=clock)


# login, role, department, active: who the routing, users and login cases act as.
STAFF = (
    ("reg", "registrar", None, True),
    ("soc.head", "head", "SOC", True),
    ("soc.exec", "executor", "SOC", True),
    ("fin.head", "head", "FIN", True),
    ("fin.exec", "executor", "FIN", True),
    ("viewer", "viewer", None, True),
    ("gone", "executor", "ADM", False),
)
STAFF_PASSWORD = "პაროლი-12345"


def _seed_staff(db: Database, admin: Actor, clock: FixedClock) -> dict[str, Actor]:
    with db.read() as s:
        depts = {code: i for code, i in s.execute(select(Department.code, Department.id))}
    staff = {"admin": admin}
    for login, role, dept, active in STAFF:
        row = users.create_user(
            db, admin,
            users.UserInput(login, f"{login} სახელი", role, depts[dept] if dept else None,
                            active=active),
            STAFF_PASSWORD, clock,
        )  # fmt: skip
        staff[login] = Actor(row.id, row.login, row.full_name, row.role, row.department_id)
    return staff


@contextlib.contextmanager
def world_for(template: Path, tmp: Path) -> Iterator[World]:
    target = tmp / "fuzz.sqlite3"
    shutil.copy(template, target)
    url = f"sqlite:///{target}"
    db = open_database(url)
    clock = FixedClock(TEST_NOW)
    try:
        with db.read() as s:
            admin = default_actor(s)
        assert admin is not None
        _seed(db, admin, clock)
        staff = _seed_staff(db, admin, clock)
        with db.read() as s:
            numbers = tuple(s.scalars(select(Document.reg_number).order_by(Document.id)))
            template_ids = tuple(s.scalars(select(NumberTemplate.id).order_by(NumberTemplate.id)))
        yield World(db, url, admin, clock, tmp, numbers, template_ids, staff)
    finally:
        db.dispose()


def snapshot(db: Database) -> dict[str, int]:
    """Row count of every table (one statement: cheap enough for every example)."""
    tables = Base.metadata.sorted_tables
    stmt = select(
        *(select(func.count()).select_from(t).scalar_subquery().label(t.name) for t in tables)
    )
    with db.read() as s:
        row = s.execute(stmt).one()
    return dict(zip((t.name for t in tables), row, strict=True))


class Refused(Exception):
    """The CLI said no (exit 2 with a message): like a UserError, nothing may change."""


def check_message(err: UserError) -> None:
    assert err.key in messages.CATALOGUE, f"message key {err.key!r} is not in the catalogue"
    for lang in ("ka", "en"):
        text = messages.CATALOGUE[err.key].get(lang) or messages.CATALOGUE[err.key]["ka"]
        params = dict(err.params)
        if isinstance(params.get("field"), str):
            params["field"] = messages.field_label(str(params["field"]), lang)
        try:
            text.format(**params)
        except (KeyError, IndexError, ValueError) as exc:
            raise AssertionError(f"{err.key} [{lang}] does not render: {exc!r}") from exc
        assert err.message(lang).strip(), f"{err.key} [{lang}] renders empty"


def attempt(world: World, call: Callable[[], object]) -> str:
    """Run *call*; "ok" or "refused" (then nothing may have changed — but the command
    line's login, or failed login, is audited before the command itself refuses)."""
    before = snapshot(world.db)
    cli = False
    try:
        call()
    except UserError as err:
        check_message(err)
    except Refused:
        cli = True
    else:
        return "ok"
    after = snapshot(world.db)
    changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
    if cli and changed.get("audit_log", (0, 0))[1] - changed.get("audit_log", (0, 0))[0] == 1:
        del changed["audit_log"]
    assert not changed, f"refused, yet rows changed (table: before, after): {changed}"
    return "refused"


# --- calls that need more than one line -----------------------------------------------------


def current_version(world: World, corr_id: int) -> int:
    """The version the form loaded (0 for an id that does not exist)."""
    with world.db.read() as s:
        return s.scalar(select(Correspondent.version).where(Correspondent.id == corr_id)) or 0


def update_correspondent(world: World, actor: Actor, v: dict[str, Any]) -> object:
    version = v["version"] if v["version"] is not None else current_version(world, v["id"])
    inp = people.CorrespondentInput(**_pick(v, CORRESPONDENT))
    return people.update_correspondent(world.db, actor, v["id"], version, inp, world.clock)


def _journal(world: World, header: bool, row: list[Any]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    if header:
        ws.append([h for h, _valid in JOURNAL])
    cells = []
    for value in row:
        if isinstance(value, str):  # characters XML cannot hold: the file could not exist
            value = ILLEGAL_CHARACTERS_RE.sub("", value)[:32_767]
        cells.append(value)
    ws.append(cells)
    path = world.tmp / "journal.xlsx"
    wb.save(path)
    return path


def import_row(world: World, actor: Actor, v: dict[str, Any]) -> object:
    row = [v[f"c{i:02d}"] for i in range(len(JOURNAL))]
    path = _journal(world, v["header"], row)
    importing.inspect_file(world.db, path, None, v["options"], clock=world.clock)
    return importing.import_journal(
        world.db, actor, path, None, v["options"], dry_run=v["dry_run"], clock=world.clock
    )


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def run_cli(world: World, argv: list[str], stdin: str) -> int:
    """``cli.run(argv)`` on the world's database; Refused for a refusal (exit 2)."""
    out, err = io.StringIO(), io.StringIO()
    handler = _Collect()
    cli.log.addHandler(handler)
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.run(argv)
            except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
                code = exc.code if isinstance(exc.code, int) else 2
                if code == cli.EXIT_USER:
                    raise Refused(err.getvalue()) from None
    finally:
        sys.stdin = saved_stdin
        cli.log.removeHandler(handler)
        messages.set_language("ka")
    bug = "\n".join(logging.Formatter().format(r) for r in handler.records)
    assert code not in (cli.EXIT_BUG, cli.EXIT_DB), f"exit {code} for {argv!r}:\n{bug}"
    # An import with rejected rows also exits 2, but imports its good rows.
    # A refusal's line starts with the catalogue's "Error:" in either language.
    prefixes = tuple(messages.CATALOGUE["cli.error"][lang].split("{")[0] for lang in ("ka", "en"))
    if code == cli.EXIT_USER and err.getvalue().startswith(prefixes):
        raise Refused(err.getvalue())
    assert code in (cli.EXIT_OK, cli.EXIT_USER), f"exit {code} for {argv!r}"
    return code


ARGV_TEXT = st.text(st.characters(exclude_characters="\x00"), max_size=20) | texts().map(
    lambda t: t.replace("\x00", "")
)  # a command line cannot hold NUL


def _opt(name: str, values: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[list[str]]:
    """An option that may be present (with a value, or a flag when *values* is None)."""
    if values is None:
        return st.sampled_from([[], [name]])
    return st.one_of(st.just([]), values.map(lambda v: [name, v]))


def _command(
    words: list[str], *parts: st.SearchStrategy[list[str]]
) -> st.SearchStrategy[list[str]]:
    return st.tuples(*parts).map(lambda ps: words + [w for p in ps for w in p])


def _arg(field: F) -> st.SearchStrategy[str]:
    return st.one_of(field.valid, field.valid, field.wild).map(str)


def cli_argv(world_tmp: str) -> st.SearchStrategy[tuple[list[str], str]]:
    """A command line: a real subcommand with fuzzed options, or plain garbage."""
    path = ARGV_TEXT.map(lambda t: f"{world_tmp}/cli/" + t.replace("/", "_"))

    def one(values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
        return values.map(lambda v: [v])

    # who acts: a login, and its password on stdin (or none: no terminal to ask at)
    user = st.tuples(
        _opt("--user", texts("admin", "nobody", " ADMIN ", "soc.head", "viewer")),
        _opt("--password-stdin"),
    ).map(lambda t: t[0] + t[1])
    r = REGISTRATION
    commands = st.one_of(
        _command(["register"], _opt("--kind", _arg(r["kind"])), _opt("--type", _arg(DOC_TYPE)),
                 _opt("--subject", _arg(r["subject"])), _opt("--from-name", _arg(NAME)),
                 _opt("--personal-id", _arg(PERSONAL_ID)), _opt("--org-code", _arg(ORG_CODE)),
                 _opt("--date", PAST.map(str) | DATE_TEXT),
                 _opt("--channel", _arg(r["channel"])), _opt("--summary", _arg(OPTIONAL_TEXT)),
                 _opt("--department", _arg(DEPT)), user, _opt("--json")),
        _command(["search"], one(texts("1", "1/2026", "ნინო", "ᲜᲘᲜᲝ", "0100101")),
                 _opt("--limit", NUMBERISH.map(str)), _opt("--kind", _arg(KIND)), user,
                 _opt("--json")),
        _command(["report"], one(texts(*reporting.REPORTS)),
                 _opt("--period", texts("2026", "2026-11", "2026-13")),
                 _opt("--department", _arg(DEPT)), _opt("--kind", _arg(KIND)),
                 _opt("--format", texts("pdf", "xlsx", "csv", "pdf,xlsx", ",")),
                 st.just(["--out", f"{world_tmp}/out"]), _opt("--as-of", DATE_TEXT), user),
        _command(["import-journal"], one(path | st.just(f"{world_tmp}/cli/journal.xlsx")),
                 _opt("--mapping", path), _opt("--dry-run"), _opt("--kind", _arg(KIND)),
                 _opt("--type", _arg(DOC_TYPE)), _opt("--channel", texts(*CHANNELS)),
                 _opt("--status", texts(*DOC_STATUSES)), _opt("--sheet", texts("Sheet")),
                 _opt("--errors", path), _opt("--save-mapping", path), user, _opt("--json")),
        _command(["user", "add"], one(texts("nino", "NINO", "ნინო", "a b")),
                 _opt("--name", _arg(NAME)), _opt("--role", texts(*ROLES)),
                 _opt("--department", _arg(DEPT)), _opt("--email", _arg(EMAIL)),
                 _opt("--new-password-stdin"), user),
        _command(["user", "passwd"], one(texts("admin", "nobody", "soc.head")),
                 _opt("--new-password-stdin"), user),
        _command(["user", "list"], _opt("--json"), user),
        _command(["audit", "verify"], _opt("--json"), user),
        _command(["db"], one(texts("check", "reindex", "upgrade", "sql"))),
        _command(["db", "sql"], _opt("--dialect", texts("mssql", "postgresql", "sqlite")),
                 _opt("--schema", texts("dbo", "k"))),
        _command(["backup"], one(path)),
        _command(["demo"], _opt("--count", st.integers(-3, 3).map(str) | ARGV_TEXT),
                 _opt("--seed", SMALL_INTS.map(str)), _opt("--if-empty")),
        st.lists(ARGV_TEXT, max_size=6),
    )  # fmt: skip
    lang = st.sampled_from([[], ["--lang", "en"], ["--lang", "ka"]])
    stdin = texts("correct horse battery staple", "", "short",
                  f"{STAFF_PASSWORD}\n{STAFF_PASSWORD}-2\n", f"{STAFF_PASSWORD}\n")  # fmt: skip
    return st.tuples(lang, commands, stdin).map(lambda t: (t[0] + t[1], t[2]))


# --- routing: a document made for each example, in the state it asks for -------------------

FRESH = "a fresh document"  # replaced (Case.prepare) by the id of a document made for it
CURRENT = "its current version"  # replaced by the version of the card as just opened
STATES = ("registered", "assigned", "in_progress", "awaiting_clarification", "answered",
          "forwarded", "closed", "cancelled")  # fmt: skip
LOGINS = ("admin", *(login for login, *_ in STAFF))


def fresh(*states: str) -> dict[str, F]:
    """A document of the SOC department made for the example in one of *states* (any
    state, or an existing or unknown id, when wild), and the version the card was opened
    at (or any number)."""
    return dict(
        doc_id=F(st.just(FRESH), DOC.valid | IDS),
        state=choice(states, st.sampled_from(STATES)),
        expected_version=F(st.sampled_from((CURRENT, None)), SMALL_INTS),
    )


def who(*logins: str) -> F:
    """The user who acts: one of *logins*, or (wild) anyone, or None — the fuzzed role."""
    return F(st.sampled_from(logins), st.sampled_from((None, *LOGINS)))


def _as(world: World, actor: Actor, login: str | None) -> Actor:
    return actor if login is None else world.staff[login]


def _document_in(world: World, state: str) -> int:
    """Register a request for SOC and bring it to *state* the way the office does: the
    head's resolution (soc.exec main, soc.head co-executor), the executor's start and
    clarification letter, the administrator's answer, filing and cancelling."""
    db, admin, clock = world.db, world.admin, world.clock
    ex, head = world.staff["soc.exec"], world.staff["soc.head"]
    doc = registration.register(db, admin, RegistrationInput(
        "incoming", "foi", "საჯარო ინფორმაცია", from_name="ნინო ბერიძე", department="SOC"),
        clock).id  # fmt: skip
    if state == "cancelled":
        routing.cancel(db, admin, doc, "შეცდომით", clock)
    if state in ("registered", "cancelled"):
        return doc
    routing.assign(db, head, doc, ResolutionInput(ex.user_id, (head.user_id,)), clock)
    if state == "awaiting_clarification":
        routing.answer(db, ex, doc, AnswerInput("clarification_requested", "დაზუსტება",
                                                "გთხოვთ დააზუსტოთ"), clock)  # fmt: skip
    if state in ("in_progress", "answered", "forwarded", "closed"):
        routing.start(db, ex, doc, clock)
    if state in ("answered", "forwarded", "closed"):
        outcome = "forwarded" if state == "forwarded" else "granted"
        routing.answer(db, admin, doc, AnswerInput(outcome, "პასუხი", "გიგზავნით",
                                                   forward_to="სამინისტრო"), clock)  # fmt: skip
    if state == "closed":
        routing.close(db, admin, doc, "", clock)
    return doc


def on_fresh_document(world: World, v: dict[str, Any]) -> dict[str, Any]:
    v = dict(v)
    if v["doc_id"] == FRESH:
        v["doc_id"] = _document_in(world, v["state"])
    if v["expected_version"] == CURRENT:
        with world.db.read() as s:
            found = s.scalar(select(Document.version).where(Document.id == v["doc_id"]))
        v["expected_version"] = found or 0
    return v


def user_ids(w: World, *valid: str) -> F:
    """A seeded user (one of *valid*), or (wild) any user id, known or not."""
    ids = [w.staff[login].user_id for login in valid]
    return F(st.sampled_from(ids), st.sampled_from([u.user_id for u in w.staff.values()]) | IDS)


ASSIGN_DUE = F(st.none() | AHEAD.filter(lambda d: isinstance(d, dt.date)),
               st.none() | st.dates())  # fmt: skip
MULTILINE = F(st.just("") | fine_text() | st.lists(fine_text(8), min_size=2, max_size=4)
              .map("\n".join), texts())  # fmt: skip


def assign_form(w: World) -> st.SearchStrategy[dict[str, Any]]:
    executors = ("soc.exec", "soc.head", "fin.exec", "admin")
    main = user_ids(w, *executors)
    return form(**fresh("registered"), who=who("soc.head", "admin"), main=main,
                co=F(st.lists(main.valid, max_size=2), st.lists(main.wild, max_size=3)),
                instruction=MULTILINE, due_date=ASSIGN_DUE,
                override_reason=OPTIONAL_TEXT, under_control=F(st.booleans(), st.booleans()))  # fmt: skip


def assign(world: World, actor: Actor, v: dict[str, Any]) -> object:
    inp = ResolutionInput(v["main"], tuple(v["co"]), v["instruction"], v["due_date"],
                          v["override_reason"], v["under_control"], v["expected_version"])  # fmt: skip
    return routing.assign(world.db, _as(world, actor, v["who"]), v["doc_id"], inp, world.clock)


ANSWER = dict(
    outcome=choice(OUTCOMES, texts()),
    subject=F(fine_text(), texts()),
    body=MULTILINE,
    ground=OPTIONAL_TEXT,
    addressee=OPTIONAL_TEXT,
    forward_to=OPTIONAL_TEXT,
)


def answer(world: World, actor: Actor, v: dict[str, Any]) -> object:
    inp = AnswerInput(**_pick(v, ANSWER), expected_version=v["expected_version"])
    return routing.answer(world.db, _as(world, actor, v["who"]), v["doc_id"], inp, world.clock)


# --- users, departments, logging in -----------------------------------------------------------

LOGIN_TEXT = F(st.from_regex(r"[a-z][a-z0-9._-]{1,15}", fullmatch=True)
               | st.text(st.characters(min_codepoint=0x10D0, max_codepoint=0x10F0), min_size=2,
                         max_size=12),
               texts("nino", "NINO", "a b", "admin", "soc.exec", " Reg "))  # fmt: skip
PASSWORD = F(st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=8, max_size=40),
             texts(STAFF_PASSWORD, "short", "a" * 129))  # fmt: skip
DEPARTMENT_ID = F(st.none() | st.integers(1, 8), st.none() | IDS)
USER = dict(
    login=LOGIN_TEXT,
    full_name=NAME,
    role=choice(ROLES, texts()),
    department_id=DEPARTMENT_ID,
    email=EMAIL,
    active=F(st.booleans(), st.booleans()),
)
DEPARTMENT = dict(
    code=F(st.from_regex(r"[A-Z][A-Z0-9_-]{0,9}", fullmatch=True)
           | st.text(st.characters(min_codepoint=0x10D0, max_codepoint=0x10F0), min_size=1,
                     max_size=8),
           texts("adm", " FIN", "a b", "ADM-2", "X" * 21)),
    name=NAME,
    name_en=OPTIONAL_TEXT,
    active=F(st.booleans(), st.booleans()),
)  # fmt: skip


def authenticate(world: World, actor: Actor, v: dict[str, Any]) -> object:
    """A failed login is refused *and* written to the audit log (one row, nothing else):
    checked here, then counted as a success of the check."""
    before = snapshot(world.db)
    try:
        return users.authenticate(world.db, v["login"], v["password"], world.clock)
    except UserError as err:
        if err.key != "login.failed":
            raise
        check_message(err)
    after = snapshot(world.db)
    changed = {k: after[k] - before[k] for k in before if after[k] != before[k]}
    assert changed in ({}, {"audit_log": 1}), f"a failed login changed {changed}"
    return None


# --- attachments: odd file names, odd bytes, garbage messages --------------------------------

EXTENSIONS = ("", ".pdf", ".PDF", ".docx", ".tar.gz", ".eml", ".", ".ქართ")
FILE_NAME = F(st.builds(str.__add__, fine_text(8), st.sampled_from(EXTENSIONS)),
              texts("a.pdf", ".", "..", "CON", "nul.txt", "ა" * 300 + ".pdf", " .pdf"))  # fmt: skip
CONTENT = F(st.binary(max_size=2048), st.binary(max_size=4096))


def add_file(world: World, actor: Actor, v: dict[str, Any]) -> object:
    """The file is written under the name asked for, where a file system can hold it
    (no separators or NUL); a name no file can have is passed as it is, unwritten."""
    folder = world.tmp / "files" / f"{len(list((world.tmp / 'files').glob('*'))):05d}"
    folder.mkdir(parents=True)
    name = v["name"]
    if v["on_disk"]:
        name = name.replace("/", "∕").replace("\x00", "␀")
        with contextlib.suppress(OSError, ValueError):  # ".", "..", too long: no such file
            (folder / name).write_bytes(v["content"])
    return attachments.add_file(world.db, actor, v["doc_id"], folder / name, world.clock)


def _b64(data: bytes) -> str:
    return base64.encodebytes(data).decode("ascii")


def _word(text: str) -> str:
    return f"=?utf-8?b?{base64.b64encode(text.encode('utf-8', 'surrogatepass')).decode()}?="


def eml_bytes(sender: str, subject: str, date: str, body: str,
              files: list[tuple[str, bytes]]) -> bytes:  # fmt: skip
    """A message as a mail program writes it: encoded words, base64 parts, RFC 2231 names."""
    parts = [f"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64"
             f"\r\n\r\n{_b64(body.encode('utf-8', 'surrogatepass'))}"]  # fmt: skip
    for name, content in files:
        parts.append(
            "Content-Type: application/octet-stream\r\n"
            f"Content-Disposition: attachment; filename*=utf-8''{quote(name, safe='')}\r\n"
            f"Content-Transfer-Encoding: base64\r\n\r\n{_b64(content)}"
        )
    head = (f"From: {_word(sender)} <nino@example.ge>\r\nTo: office@example.ge\r\n"
            f"Subject: {_word(subject)}\r\nDate: {date}\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/mixed; boundary="b-o-u-n-d"\r\n\r\n')  # fmt: skip
    body_parts = "".join(f"--b-o-u-n-d\r\n{p}\r\n" for p in parts)
    return (head + body_parts + "--b-o-u-n-d--\r\n").encode("ascii")


EML_DATES = ("Wed, 25 Nov 2026 09:00:00 +0400", "25 Nov 2026 09:00 -0000", "Mon, 31 Feb 2026",
             "yesterday", "", "Wed, 25 Nov 99999 09:00:00 +9999")  # fmt: skip
EML = st.builds(eml_bytes, NAME.valid, fine_text(), st.sampled_from(EML_DATES), fine_text(),
                st.lists(st.tuples(FILE_NAME.valid, CONTENT.valid), max_size=2))  # fmt: skip


def _splice(data: bytes, junk: bytes, at: int) -> bytes:
    at %= len(data) + 1
    return data[:at] + junk + data[at + len(junk) :]


EML_DATA = F(EML, st.one_of(
    st.binary(max_size=3000),
    st.builds(_splice, EML, st.binary(min_size=1, max_size=64), st.integers(0, 10**6)),
    st.builds(eml_bytes, texts(), texts(), texts().map(lambda t: t.replace("\n", " ").replace(
        "\r", " ")).map(lambda t: t.encode("ascii", "replace").decode()), texts(),
              st.lists(st.tuples(texts(), st.binary(max_size=512)), max_size=2)),
))  # fmt: skip


# --- the table of use cases -----------------------------------------------------------------

Call = Callable[[World, Actor, Any], object]


@dataclass(frozen=True)
class Case:
    name: str
    strategy: st.SearchStrategy[Any] | Callable[[World], st.SearchStrategy[Any]]
    call: Call
    examples: int = 400
    # Run before each example, outside the check (e.g. a document made in the state the
    # example asks for): (world, value) -> the value the call gets.
    prepare: Callable[[World, Any], Any] | None = None

    def __str__(self) -> str:
        return self.name


DOC = ids(1, 16)
CORR = ids(1, 12)

CASES: tuple[Case, ...] = (
    Case("registration.register", form(**REGISTRATION),
         lambda w, a, v: registration.register(w.db, a, RegistrationInput(**v), w.clock), 1200),
    Case("people.create_correspondent", form(**CORRESPONDENT),
         lambda w, a, v: people.create_correspondent(
             w.db, a, people.CorrespondentInput(**v), w.clock), 500),
    Case("people.update_correspondent",
         form(id=CORR, version=F(st.none(), SMALL_INTS), **CORRESPONDENT),
         update_correspondent, 500),
    Case("people.merge",
         form(keep_id=CORR, merge_ids=F(st.lists(CORR.valid, min_size=1, max_size=2),
                                        st.lists(IDS, max_size=4))),
         lambda w, a, v: people.merge(w.db, a, v["keep_id"], v["merge_ids"], w.clock)),
    Case("people.search_correspondents",
         form(text=F(NAME.valid | st.text(DIGITS, max_size=11), texts()),
              offset=F(st.integers(0, 20), SMALL_INTS), limit=F(st.integers(1, 100), SMALL_INTS)),
         lambda w, a, v: people.search_correspondents(w.db, a, **v)),
    Case("people.possible_duplicates", form(correspondent_id=optional(CORR)),
         lambda w, a, v: people.possible_duplicates(w.db, a, **v), 200),
    Case("lookups.suggest_correspondents", form(text=F(NAME.valid, texts("ნი", "0100"))),
         lambda w, a, v: lookups.suggest_correspondents(w.db, **v), 300),
    Case("documents.get_card", form(doc_id=DOC),
         lambda w, a, v: documents.get_card(w.db, a, **v), 200),
    Case("links.link", form(from_id=DOC, to_id=DOC, link_type=choice(LINK_TYPES, texts())),
         lambda w, a, v: links.link(w.db, a, **v, clock=w.clock)),
    Case("links.unlink", form(link_id=F(st.integers(1, 6), IDS)),
         lambda w, a, v: links.unlink(w.db, a, **v, clock=w.clock), 200),
    Case("links.find_by_number", lambda w: form(number=F(st.sampled_from(w.numbers), texts())),
         lambda w, a, v: links.find_by_number(w.db, a, **v), 200),
    Case("links.repeat_warnings",
         form(doc_type=DOC_TYPE, reg_date=F(st.dates(dt.date(1990, 1, 1), TODAY), ANY_DAY),
              correspondent_id=optional(CORR), personal_id=PERSONAL_ID, org_code=ORG_CODE),
         lambda w, a, v: links.repeat_warnings(w.db, a, **v), 300),
    Case("extensions.extend",
         form(doc_id=DOC, new_date=F(AHEAD, DATES), reason=F(fine_text(), texts())),
         lambda w, a, v: extensions.extend(w.db, a, **v, clock=w.clock)),
    Case("extensions.stop_clock",
         form(doc_id=DOC, on_date=optional(F(RECENT, DATES)), note=OPTIONAL_TEXT),
         lambda w, a, v: extensions.stop_clock(w.db, a, **v, clock=w.clock)),
    Case("extensions.resume_clock", form(doc_id=DOC, on_date=optional(F(RECENT, DATES))),
         lambda w, a, v: extensions.resume_clock(w.db, a, **v, clock=w.clock)),
    Case("rules.preview",
         form(pattern=choice(("{seq}/{yyyy}", "{kind}-{dept}-{seq:05d}/{yy}", "შ-{seq:04}"),
                             texts("{seq", "{seq:5d}", "{seq}{seq}", "{x}")),
              kind=KIND, dept_code=optional(DEPT), date=F(NEAR, st.dates()),
              seq=F(st.integers(1, 10**6), SMALL_INTS)),
         lambda w, a, v: rules.preview(**v)),
    Case("rules.save_template",
         form(kind=KIND, pattern=choice(("{kind}-{seq}/{yyyy}", "{kind}-{dept}-{seq}/{yyyy}",
                                         "{dept}/{seq:04d}-{yy}", "№{seq}"), texts("{seq", "{x}")),
              dept_code=optional(DEPT), restart=F(st.booleans(), st.booleans()),
              expected_version=F(st.none(), SMALL_INTS)),
         lambda w, a, v: rules.save_template(w.db, a, **v, clock=w.clock)),
    Case("rules.delete_template", lambda w: form(template_id=F(st.sampled_from(w.template_ids), IDS)),
         lambda w, a, v: rules.delete_template(w.db, a, **v, clock=w.clock), 200),
    Case("rules.update_deadline_rule",
         form(code=DOC_TYPE, count=F(st.integers(0, 3650), NUMBERISH),
              unit=choice(DEADLINE_UNITS, texts()), shift=choice(SHIFTS, texts()),
              legal_ref=OPTIONAL_TEXT, max_extension_days=F(st.integers(0, 3650), NUMBERISH)),
         lambda w, a, v: rules.update_deadline_rule(w.db, a, **v, clock=w.clock)),
    Case("rules.add_day_off", form(day=F(AHEAD, DATES), name=F(fine_text(), texts())),
         lambda w, a, v: rules.add_day_off(w.db, a, **v, clock=w.clock)),
    Case("rules.remove_day_off", form(day=F(day_input(dt.date(2026, 1, 1), dt.date(2027, 12, 31)),
                                            DATES)),
         lambda w, a, v: rules.remove_day_off(w.db, a, **v, clock=w.clock), 300),
    Case("rules.list_holidays", form(year=F(st.integers(1990, 2040), st.integers())),
         lambda w, a, v: rules.list_holidays(w.db, a, **v), 200),
    Case("search.search",
         form(text=F(st.sampled_from(("1", "1/2026", "შ-1/2026", "ნინო", "ᲜᲘᲜᲝ", "nino",
                                      "01001", "\"საქმე\"")) | NAME.valid, texts()),
              limit=F(st.integers(1, 200), SMALL_INTS), kind=optional(KIND)),
         lambda w, a, v: search.search(w.db, a, **v), 600),
    Case("registry.count_and_page",
         form(q=F(registry_queries, registry_queries), offset=F(st.integers(0, 30), SMALL_INTS),
              limit=F(st.integers(1, 100), SMALL_INTS)),
         lambda w, a, v: (registry.count(w.db, replace(v["q"], viewer=a)),
                          registry.page(w.db, replace(v["q"], viewer=a), v["offset"], v["limit"])),
         500),
    Case("registry.save_filter",
         form(name=F(fine_text(8), texts()), q=F(registry_queries, wild_queries)),
         lambda w, a, v: registry.save_filter(w.db, a, **v, clock=w.clock), 300),
    Case("registry.delete_filter", form(name=choice(FILTER_NAMES, texts())),
         lambda w, a, v: registry.delete_filter(w.db, a, **v, clock=w.clock), 200),
    Case("reporting.build",
         form(report=choice(tuple(reporting.REPORTS), texts()),
              period=F(st.sampled_from((None, "2026", "2026-11", "2025-12")),
                       st.none() | texts("2026-13", "1999", "2101", "2026 - 1")),
              formats=F(st.just(()), st.lists(texts("pdf", "xlsx", "csv", " PDF "), max_size=3)
                        .map(tuple)),
              department=DEPT, kind=KIND, as_of=optional(F(RECENT.filter(
                  lambda d: isinstance(d, dt.date)), ANY_DAY))),
         lambda w, a, v: reporting.build(w.db, a, reporting.ReportRequest(**v), clock=w.clock)),
    Case("importing.import_journal", form(**IMPORT), import_row, 300),
    Case("cli.run", lambda w: cli_argv(str(w.tmp)), lambda w, a, v: run_cli(w, *v), 600),
    # routing: each example acts on a document made for it in the state it asks for
    Case("routing.assign", assign_form, assign, 300, on_fresh_document),
    Case("routing.reassign",
         lambda w: form(**fresh("assigned", "in_progress"), who=who("soc.head", "admin"),
                        new_user=user_ids(w, "soc.head", "fin.exec", "admin"),
                        reason=F(fine_text(), texts())),
         lambda w, a, v: routing.reassign(w.db, _as(w, a, v["who"]), v["doc_id"], v["new_user"],
                                          v["reason"], w.clock, v["expected_version"]),
         150, on_fresh_document),
    Case("routing.claim", form(**fresh("registered"), who=who("soc.exec", "soc.head")),
         lambda w, a, v: routing.claim(w.db, _as(w, a, v["who"]), v["doc_id"], w.clock,
                                       v["expected_version"]), 150, on_fresh_document),
    Case("routing.start", form(**fresh("assigned"), who=who("soc.exec")),
         lambda w, a, v: routing.start(w.db, _as(w, a, v["who"]), v["doc_id"], w.clock,
                                       v["expected_version"]), 150, on_fresh_document),
    Case("routing.answer",
         form(**fresh("assigned", "in_progress"), who=who("soc.exec", "soc.head", "admin"),
              **ANSWER),
         answer, 400, on_fresh_document),
    Case("routing.close",
         form(**fresh("answered", "forwarded", "registered"), who=who("reg", "soc.head", "admin"),
              note=OPTIONAL_TEXT),
         lambda w, a, v: routing.close(w.db, _as(w, a, v["who"]), v["doc_id"], v["note"], w.clock,
                                       v["expected_version"]), 150, on_fresh_document),
    Case("routing.cancel",
         form(**fresh("registered", "assigned"), who=who("reg", "admin"),
              reason=F(fine_text(), texts())),
         lambda w, a, v: routing.cancel(w.db, _as(w, a, v["who"]), v["doc_id"], v["reason"],
                                        w.clock, v["expected_version"]), 150, on_fresh_document),
    # users and departments (the administrator's screens, `user add` / `passwd`), logging in
    Case("users.create_user", form(**USER, password=PASSWORD),
         lambda w, a, v: users.create_user(w.db, a, users.UserInput(**_pick(v, USER)),
                                           v["password"], w.clock), 300),
    Case("users.update_user", lambda w: form(user_id=user_ids(w, *LOGINS), **USER),
         lambda w, a, v: users.update_user(w.db, a, v["user_id"],
                                           users.UserInput(**_pick(v, USER)), w.clock), 200),
    Case("users.create_department", form(**DEPARTMENT),
         lambda w, a, v: users.create_department(w.db, a, users.DepartmentInput(**v), w.clock),
         150),
    Case("users.update_department", form(department_id=F(st.integers(1, 8), IDS), **DEPARTMENT),
         lambda w, a, v: users.update_department(
             w.db, a, v["department_id"], users.DepartmentInput(**_pick(v, DEPARTMENT)), w.clock),
         150),
    Case("users.authenticate",
         form(login=F(st.sampled_from(LOGINS), LOGIN_TEXT.wild),
              password=F(st.just(STAFF_PASSWORD), PASSWORD.wild)),
         authenticate, 150),
    Case("users.set_password", lambda w: form(user_id=user_ids(w, *LOGINS), password=PASSWORD),
         lambda w, a, v: users.set_password(w.db, a, v["user_id"], v["password"], w.clock), 150),
    # attachments: odd names and bytes, garbage e-mail messages
    Case("attachments.add_file",
         form(doc_id=DOC, name=FILE_NAME, content=CONTENT, on_disk=F(st.just(True), st.booleans())),
         add_file, 300),
    Case("attachments.add_eml",
         form(doc_id=DOC, data=EML_DATA,
              file_name=F(st.sampled_from(("letter.eml", "წერილი.eml", "")) | FILE_NAME.valid,
                          texts())),
         lambda w, a, v: attachments.add_eml(w.db, a, v["doc_id"], v["file_name"], v["data"],
                                             w.clock), 300),
)  # fmt: skip

ROLE = st.one_of(st.just("admin"), st.sampled_from(ROLES))


def examples(case: Case) -> int:
    return max(1, round(case.examples * FRACTION))


def test_enough_examples() -> None:
    """CI runs at least 10 000 examples across the file (issue 10)."""
    assert sum(c.examples for c in CASES) >= MIN_TOTAL_IN_CI
    assert len({c.name for c in CASES}) == len(CASES)
    if IN_CI:
        assert FRACTION == 1.0


@pytest.fixture(scope="module")
def isolated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[pytest.MonkeyPatch]:
    """Never the workstation's own profile or database; cheap password hashing
    (`user add`/`passwd`: the logic is what is fuzzed, not argon2's cost)."""
    from argon2 import PasswordHasher

    from app import users

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(profiles.CONFIG_ENV, str(tmp_path_factory.mktemp("config")))
        mp.delenv(profiles.DB_ENV, raising=False)
        mp.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        yield mp


@pytest.mark.parametrize("case", CASES, ids=str)
def test_fuzz(
    case: Case,
    _sqlite_template: Path,
    tmp_path_factory: pytest.TempPathFactory,
    isolated: pytest.MonkeyPatch,
    record_property: Callable[[str, object], None],
) -> None:
    tmp = tmp_path_factory.mktemp("fuzz")
    (tmp / "cli").mkdir()
    (tmp / "out").mkdir()
    with world_for(_sqlite_template, tmp) as world:
        # The CLI opens $KANTSELARIA_DB when no --db is given: the world's file.
        isolated.setenv(profiles.DB_ENV, world.url)
        strategy = case.strategy(world) if callable(case.strategy) else case.strategy
        journal = _journal(world, True, ["1/2019", "15.03.2019", "ნინო", "", "საქმე"])
        shutil.copy(journal, tmp / "cli")
        outcomes: Counter[str] = Counter()

        @settings(PROFILE, max_examples=examples(case))
        @given(role=ROLE, value=strategy)
        def fuzz(role: str, value: Any) -> None:
            if case.prepare is not None:
                value = case.prepare(world, value)
            outcomes[attempt(world, lambda: case.call(world, world.actor(role), value))] += 1

        fuzz()
    ran = outcomes.total()
    record_property("examples", ran)
    record_property("succeeded", outcomes["ok"])
    print(f"{case}: {ran} examples, {outcomes['ok']} succeeded, {outcomes['refused']} refused")
    assert ran >= examples(case), f"only {ran} of {examples(case)} examples ran"
    assert outcomes["ok"], f"{case} never succeeded: the success path went unfuzzed"


# Inputs the fuzz found breaking the program (each was fixed in app/); kept as plain
# examples so they are checked on every run, whatever hypothesis generates.
REGRESSIONS: tuple[tuple[str, Call, str], ...] = (
    ("a 25 000-letter directory search (LIKE pattern too complex)",
     lambda w, a, v: people.search_correspondents(w.db, a, "ღ" * 25_000), "ok"),
    ("a 1 000-word directory search (expression tree too deep)",
     lambda w, a, v: people.search_correspondents(w.db, a, "Ⴀა " * 1000), "ok"),
    ("a 50 000-digit directory search",
     lambda w, a, v: people.search_correspondents(w.db, a, "0" * 50_000), "ok"),
    ("a 50 000-digit correspondent suggestion",
     lambda w, a, v: lookups.suggest_correspondents(w.db, "0" * 50_000), "ok"),
    ("a 25 000-letter correspondent suggestion",
     lambda w, a, v: lookups.suggest_correspondents(w.db, "ღ" * 25_000), "ok"),
    ("repeat warnings for a letter dated 0001-01-01",
     lambda w, a, v: links.repeat_warnings(w.db, a, doc_type="foi", reg_date=dt.date.min,
                                           correspondent_id=1), "ok"),
    ("the holidays of year 0", lambda w, a, v: rules.list_holidays(w.db, a, 0), "ok"),
    ("a backup file name longer than the file system allows",
     lambda w, a, v: run_cli(w, ["backup", str(w.tmp / ("ა" * 300)), "--user", "soc.head",
                                 "--password-stdin"], f"{STAFF_PASSWORD}\n"), "refused"),
    ("a file to attach whose name is longer than the file system allows",
     lambda w, a, v: attachments.add_file(w.db, a, 1, w.tmp / ("Ⴀ" * 86), w.clock), "refused"),
    ("a file to attach with a NUL in its path",
     lambda w, a, v: attachments.add_file(w.db, a, 1, w.tmp / "a\x00.pdf", w.clock), "refused"),
)  # fmt: skip


@pytest.mark.parametrize(("what", "call", "outcome"), REGRESSIONS, ids=[r[0] for r in REGRESSIONS])
def test_found_by_fuzzing(
    what: str,
    call: Call,
    outcome: str,
    _sqlite_template: Path,
    tmp_path: Path,
    isolated: pytest.MonkeyPatch,
) -> None:
    with world_for(_sqlite_template, tmp_path) as world:
        isolated.setenv(profiles.DB_ENV, world.url)
        assert attempt(world, lambda: call(world, world.admin, None)) == outcome, what
