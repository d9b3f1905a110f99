"""kantselaria-cli: the headless entry point (scripts, tests, administrators).

Exit codes: 0 success; 2 bad input, no login or a wrong password (one line naming the
field, nothing written); 3 database unreachable or schema not current; 1 our bug
(traceback logged); 4 ``audit verify``: the chain is broken or rewritten; 5 ``audit
verify``: the chain is intact but rows are out of time order.

Who acts is asked like the window asks: every command that reads or changes documents or
users needs ``--user LOGIN`` (or ``$KANTSELARIA_USER``) and that user's password — typed
at the prompt (only when standard input is a terminal), the first line of standard input
with ``--password-stdin``, or the one kept in the system keyring by an earlier
``--remember``. Only ``db check``, ``db sql``, ``--help``, ``db upgrade`` of the embedded
file or of an empty or current server database, and ``demo`` into an empty embedded file
work without. ``user add`` / ``user passwd`` read the *new* password from the next line of
standard input with ``--new-password-stdin`` (the line after the login's own password when
both are given), or ask for it twice at a terminal.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from app import messages
from app.errors import DatabaseUnavailable, UserError
from app.privacy import ScrubbingFormatter, scrub

log = logging.getLogger("kantselaria.cli")

EXIT_OK, EXIT_BUG, EXIT_USER, EXIT_DB = 0, 1, 2, 3
EXIT_AUDIT = 4  # audit verify: the hash chain is broken
EXIT_AUDIT_TIME = 5  # audit verify: the chain is intact, but stamps go backwards
USER_ENV = "KANTSELARIA_USER"
SMTP_PASSWORD_ENV = "KANTSELARIA_SMTP_PASSWORD"
KEYRING_PREFIX = "cli"


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line (its default) — kept for clarity."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USER, f"{self.prog}: {message}\n")


def _open(args: argparse.Namespace) -> Any:
    """``--db URL`` if given, else ``$KANTSELARIA_DB``, else this workstation's active
    connection profile (app.profiles; the embedded file by default)."""
    if args.db:
        from models.db import open_database

        return open_database(args.db)
    from app.profiles import open_current

    return open_current()


def _print(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


def _error(message: str) -> None:
    """One line on stderr: "შეცდომა: …" / "Error: …" in the language of ``--lang``."""
    print(messages.render("cli.error", {"message": message}), file=sys.stderr)


# -- who acts: the login ---------------------------------------------------------------


def _interactive() -> bool:
    """True when standard input is a terminal (a person can be asked)."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):  # replaced or closed
        return False


def _stdin_line() -> str:
    """The next line of standard input, without its line ending (spaces are kept)."""
    return sys.stdin.readline().rstrip("\r\n")


def _login_name(args: argparse.Namespace) -> str:
    name = (getattr(args, "user", None) or os.environ.get(USER_ENV) or "").strip()
    if not name and _interactive():
        sys.stderr.write("login: ")
        sys.stderr.flush()
        name = _stdin_line().strip()
    if not name:
        raise UserError("cli.login_required")
    return name.lower()


def _keyring_account(db: Any, login: str) -> str:
    from app.audit import database_label

    return f"{KEYRING_PREFIX}|{login}|{database_label(db)}"


def _keyring(action: str, db: Any, login: str, password: str = "") -> str | None:
    """Get, set or delete the password the keyring keeps for *login* on *db* (quietly
    nothing when this computer has no keyring or it refuses)."""
    import keyring
    import keyring.errors

    from app.profiles import KEYRING_SERVICE, keyring_available

    if not keyring_available():
        return None
    account = _keyring_account(db, login)
    try:
        if action == "get":
            return keyring.get_password(KEYRING_SERVICE, account)
        if action == "set":
            keyring.set_password(KEYRING_SERVICE, account, password)
            return password
        keyring.delete_password(KEYRING_SERVICE, account)
    except keyring.errors.KeyringError:
        return None
    return None


def _password(args: argparse.Namespace, db: Any, login: str) -> tuple[str, str]:
    """(the password of *login*, where it came from: stdin | keyring | prompt)."""
    if getattr(args, "password_stdin", False):
        return _stdin_line(), "stdin"
    stored = _keyring("get", db, login)
    if stored:
        return stored, "keyring"
    if _interactive():
        return getpass.getpass(f"{login} — password: "), "prompt"
    raise UserError("cli.password_required", field="password", login=login)


def _remember(args: argparse.Namespace, db: Any, login: str, password: str) -> None:
    if getattr(args, "remember", False) and _keyring("set", db, login, password) is None:
        print(messages.render("cli.keyring_unavailable", {}), file=sys.stderr)


def _login(args: argparse.Namespace, db: Any, clock: Any, permission: str | None = None) -> Any:
    """The acting user, logged in (and audited) like in the window: app.users.authenticate.
    A password from the keyring that no longer works is forgotten."""
    from app.auth import require
    from app.users import authenticate, needs_first_admin

    login = _login_name(args)
    password, source = _password(args, db, login)
    try:
        actor = authenticate(db, login, password, clock)
    except UserError as exc:
        if source == "keyring":
            _keyring("delete", db, login)
        if exc.key == "login.failed" and needs_first_admin(db):
            raise UserError("cli.first_admin_needed") from exc
        raise
    if source != "keyring":
        _remember(args, db, login, password)
    if permission is not None:
        require(actor, permission)
    return actor


def _new_password(args: argparse.Namespace) -> str:
    """The new password of ``user add`` / ``user passwd``: the next line of standard input
    with ``--new-password-stdin``, else asked twice at a terminal."""
    if getattr(args, "new_password_stdin", False):
        return _stdin_line()
    if _interactive():
        first = getpass.getpass("new password: ")
        if getpass.getpass("new password again: ") != first:
            raise UserError("user.password_mismatch", field="password")
        return first
    raise UserError("cli.new_password_required", field="password")


def _add_login(p: argparse.ArgumentParser, who: str = "the acting user") -> None:
    p.add_argument("--user", help=f"login of {who} (default: ${USER_ENV}; asked at a terminal)")
    p.add_argument(
        "--password-stdin",
        dest="password_stdin",
        action="store_true",
        help="read that user's password from the first line of standard input "
        "(default: the keyring's, else asked at a terminal)",
    )
    p.add_argument(
        "--remember",
        action="store_true",
        help="keep the password in this computer's keyring for the next commands",
    )


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    """The embedded file, an empty server database and a current one: no login (``make
    run`` calls it). An older schema on a server: only after an administrator's login,
    audited (app.setup.upgrade_as_admin) — the same rule as the window's."""
    from app.clock import clock_for
    from app.setup import prepare, schema_state, upgrade_as_admin

    db = _open(args)
    clock = clock_for(db)
    if db.backend != "sqlite" and schema_state(db).status == "old":
        login = _login_name(args)
        password, source = _password(args, db, login)
        try:
            state = upgrade_as_admin(db, login, password, clock)
        except UserError:
            if source == "keyring":
                _keyring("delete", db, login)
            raise
        if source != "keyring":
            _remember(args, db, login, password)
    else:
        state = prepare(db, clock)
    print(f"schema: {state.current} (head {state.head})")
    return EXIT_OK


def cmd_db_sql(args: argparse.Namespace) -> int:
    from models.migrate import offline_sql

    if args.downgrade_to is not None and args.base is not None:
        _error("--from and --downgrade-to exclude each other")
        return EXIT_USER
    if args.roles:
        from models.roles import roles_script

        if args.downgrade_to is not None or args.base is not None:
            _error("--roles excludes --from and --downgrade-to")
            return EXIT_USER
        if args.dialect == "sqlite":
            raise UserError("db.roles_embedded")
        sys.stdout.write(roles_script(args.dialect, schema=args.schema))
        return EXIT_OK
    sys.stdout.write(
        offline_sql(
            args.dialect, base=args.base, schema=args.schema, downgrade_to=args.downgrade_to
        )
    )
    return EXIT_OK


def _schema_name(text: str) -> str:
    from models.migrate import SCHEMA_NAME

    if not SCHEMA_NAME.match(text):
        raise argparse.ArgumentTypeError(f"not a plain schema name: {text!r}")
    return text


def _revision_or_base(text: str) -> str:
    return text if text == "base" else _revision(text)


def _revision(text: str) -> str:
    from models.migrate import revisions

    known = revisions()
    if text not in known:
        raise argparse.ArgumentTypeError(f"unknown revision {text!r} (known: {', '.join(known)})")
    return text


def cmd_import_journal(args: argparse.Namespace) -> int:
    """Exit 0 when every row is imported (or already there), 2 when some rows have
    problems (they are listed in the error report; the others are imported)."""
    from pathlib import Path

    from app.clock import clock_for
    from app.importing import (
        ImportOptions,
        describe,
        import_journal,
        load_mapping_spec,
        save_error_report,
        save_mapping,
    )

    db = _current_db(args)
    clock = clock_for(db)
    actor = _login(args, db, clock)
    source = Path(args.file)
    spec = load_mapping_spec(Path(args.mapping)) if args.mapping else None
    options = ImportOptions(
        kind=args.kind, doc_type=args.type, channel=args.channel, status=args.status
    )
    result = import_journal(
        db, actor, source, spec, options, sheet=args.sheet or "", dry_run=args.dry_run,
        clock=clock,
    )  # fmt: skip
    if args.save_mapping:
        save_mapping(result.mapping, Path(args.save_mapping))
    report = None
    if result.issues:
        report = Path(args.errors) if args.errors else source.with_suffix(".errors.xlsx")
        save_error_report(result.issues, report, source.name)
    if args.json:
        _print(
            {
                "dry_run": result.dry_run,
                "rows_read": result.rows_read,
                "imported": result.imported,
                "unchanged": result.unchanged,
                "rejected": result.rejected,
                "issues": len(result.issues),
                "error_report": str(report) if report else None,
                "correspondents_created": result.correspondents_created,
                "counters": [list(c) for c in result.counters],
                "seconds": round(result.seconds, 3),
                "rows_per_second": round(result.rows_per_second, 1),
                "columns": dict(result.mapping.columns),
            }
        )
    else:
        print(describe(result))
        if report is not None:
            print(f"{report}", file=sys.stderr)
    return EXIT_USER if result.issues else EXIT_OK


def cmd_db_check(args: argparse.Namespace) -> int:
    """Exit 0 when the database answers and its schema is the program's; 3 otherwise."""
    from app.connection import explain
    from app.setup import schema_state, snapshot_reads_warning

    try:
        db = _open(args)
        state = schema_state(db)
        warning = snapshot_reads_warning(db)
    except UserError:
        raise
    except Exception as exc:
        _error(explain(exc).message())
        return EXIT_DB
    if warning:
        print(warning, file=sys.stderr)
    skew = _skew_warning(db)
    if skew:
        print(skew, file=sys.stderr)
    if state.status == "current":
        print(f"ok: schema {state.current}")
        return EXIT_OK
    if state.status == "new":
        err = UserError("db.schema_new", current=state.current)
    else:
        err = UserError("db.schema_old", current=state.current or "—", head=state.head)
    _error(err.message())
    return EXIT_DB


def _skew_warning(db: Any) -> str | None:
    """One line when this workstation's clock is more than 5 minutes off the server's."""
    from app.clock import clock_skew

    try:
        skew = clock_skew(db)
    except Exception:  # the check is a courtesy: db check reports the database itself
        log.warning("the database server's time could not be read", exc_info=True)
        return None
    if skew is None:
        return None
    minutes = round(abs(skew.total_seconds()) / 60)
    direction = messages.render("clock.ahead" if skew.total_seconds() > 0 else "clock.behind", {})
    return messages.render("clock.skew", {"minutes": minutes, "direction": direction})


def cmd_backup(args: argparse.Namespace) -> int:
    """The embedded file, copied by a user who logged in (anyone may, as in the window)."""
    from pathlib import Path

    from app.backup import backup
    from app.clock import clock_for
    from app.errors import ValidationError

    db = _open(args)
    if db.backend != "sqlite":  # say so before asking for a password
        raise ValidationError("backup.not_embedded", field="database")
    clock = clock_for(db)
    _login(args, db, clock)
    result = backup(db, Path(args.dest), clock, overwrite=args.force)
    print(f"{result.path} ({result.size_bytes // 1024} KiB, {result.seconds:.1f} s)")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """Demo data only into a database without documents (which it marks as a demo
    database: the demo accounts log in only there) or one it filled before. The embedded
    file needs no login (``make run``); a server needs --i-know-this-is-a-server and an
    administrator's login."""
    from app.clock import clock_for
    from app.demo import generate
    from app.setup import document_count, prepare

    db = _open(args)
    clock = clock_for(db)
    server = db.backend != "sqlite"
    if server and not args.i_know_this_is_a_server:
        raise UserError("cli.server_demo_flag")
    if server:
        db = _current_db(args, db)
    else:
        prepare(db, clock)
    if args.if_empty and document_count(db) > 0:
        print("the database already has documents; no demo data added")
        return EXIT_OK
    if server:
        _login(args, db, clock, "admin")
    t0 = time.perf_counter()
    made = generate(db, count=args.count, seed=args.seed, clock=clock)
    print(f"{made} documents in {time.perf_counter() - t0:.1f} s")
    return EXIT_OK


def cmd_register(args: argparse.Namespace) -> int:
    from app.clock import clock_for
    from app.registration import RegistrationInput, register

    db = _current_db(args)
    clock = clock_for(db)
    actor = _login(args, db, clock)
    doc = register(
        db,
        actor,
        RegistrationInput(
            kind=args.kind,
            doc_type=args.type,
            subject=args.subject,
            from_name=args.from_name or "",
            personal_id=args.personal_id or "",
            org_code=args.org_code or "",
            reg_date=args.date,
            channel=args.channel,
            summary=args.summary or "",
            department=args.department or "",
        ),
        clock,
    )
    if args.json:
        _print(
            {
                "id": doc.id,
                "number": doc.number,
                "reg_date": doc.reg_date.isoformat(),
                "due_date": doc.due_date.isoformat() if doc.due_date else None,
                "due_explanation": doc.due_explanation,
                "kind": doc.kind,
                "type": doc.doc_type,
            }
        )
    else:
        print(doc.number)
    return EXIT_OK


def _current_db(args: argparse.Namespace, db: Any = None) -> Any:
    """The database, or UserError when its schema is not the program's."""
    from app.setup import schema_state

    db = db if db is not None else _open(args)
    state = schema_state(db)
    if state.status == "new":
        raise UserError("db.schema_new", current=state.current)
    if not state.up_to_date:
        raise UserError("db.schema_old", current=state.current or "—", head=state.head)
    return db


def cmd_search(args: argparse.Namespace) -> int:
    from app.clock import clock_for
    from app.search import search

    db = _current_db(args)
    actor = _login(args, db, clock_for(db))
    result = search(db, actor, args.text, limit=args.limit, kind=args.kind)
    if args.json:
        _print(
            {
                "query": result.text,
                "count": len(result.rows),
                "more": result.more,
                "rows": [
                    {
                        "id": r.id,
                        "kind": r.kind,
                        "number": r.number,
                        "reg_date": r.reg_date.isoformat(),
                        "correspondent": r.correspondent,
                        "subject": r.subject,
                        "type": r.doc_type,
                        "status": r.status,
                        "due_date": r.due_date.isoformat() if r.due_date else None,
                        "department": r.department,
                        "executor": r.executor,
                        "confidential": r.confidential,
                    }
                    for r in result.rows
                ],
            }
        )
    else:
        for r in result.rows:
            print(f"{r.number}\t{r.reg_date.isoformat()}\t{r.correspondent}\t{r.subject}")
        if result.more:
            print(f"… (first {len(result.rows)})")
    return EXIT_OK


def cmd_db_reindex(args: argparse.Namespace) -> int:
    from app.clock import clock_for
    from app.search import reindex_all

    db = _current_db(args)
    _login(args, db, clock_for(db), "admin")
    t0 = time.perf_counter()
    done = reindex_all(db)
    print(
        f"{done.documents} documents, {done.correspondents} correspondents, "
        f"{done.words} words in {time.perf_counter() - t0:.1f} s"
    )
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """Write a report in each asked format into --out; print the paths, one per line."""
    from pathlib import Path

    from app.clock import clock_for
    from app.reporting import ReportRequest, generate
    from app.validation import parse_date

    request = ReportRequest(
        report=args.report,
        period=args.period,
        formats=tuple((args.format or "").split(",")),
        department=args.department or "",
        kind=args.kind,
        as_of=parse_date(args.as_of, "as_of"),
    )
    db = _current_db(args)
    clock = clock_for(db)
    actor = _login(args, db, clock)
    for path in generate(db, actor, request, Path(args.out), clock=clock):
        print(path)
    return EXIT_OK


def cmd_user_add(args: argparse.Namespace) -> int:
    from app.clock import clock_for
    from app.users import UserInput, create_user, list_departments

    db = _current_db(args)
    clock = clock_for(db)
    actor = _login(args, db, clock)
    dept_id = None
    if args.department:
        code = args.department.strip().upper()
        found = [d.id for d in list_departments(db, actor) if d.code.upper() == code]
        if not found:
            raise UserError("department.unknown", field="department", got=args.department)
        dept_id = found[0]
    inp = UserInput(
        login=args.login,
        full_name=args.name,
        role=args.role,
        department_id=dept_id,
        email=args.email or "",
    )
    row = create_user(db, actor, inp, _new_password(args), clock)
    print(f"{row.login} (#{row.id})")
    return EXIT_OK


def cmd_user_passwd(args: argparse.Namespace) -> int:
    """A new password: one's own or (an administrator) anyone's. On a database where no
    administrator has a password yet, an administrator's first one without a login — the
    window's first start, for a server set up from the command line."""
    from sqlalchemy import select

    from app.clock import clock_for
    from app.users import create_first_admin, needs_first_admin, set_password, user_by_login
    from models.tables import User

    db = _current_db(args)
    clock = clock_for(db)
    if needs_first_admin(db):
        typed = (args.login or "").strip().lower()
        with db.read() as s:
            found = s.execute(
                select(User.login, User.full_name).where(User.login == typed, User.role == "admin")
            ).first()
        if found is None:
            raise UserError("cli.first_admin_needed")
        create_first_admin(db, found.login, found.full_name, _new_password(args), clock)
        print(f"{found.login}: password set (first administrator)")
        return EXIT_OK
    actor = _login(args, db, clock)
    row = user_by_login(db, actor, args.login)
    password = _new_password(args)
    set_password(db, actor, row.id, password, clock)
    if row.id == actor.user_id and _keyring("get", db, actor.login):
        _keyring("set", db, actor.login, password)  # the remembered one would fail next time
    print(f"{row.login}: password set")
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    from app.clock import clock_for
    from app.users import list_users

    db = _current_db(args)
    rows = list_users(db, _login(args, db, clock_for(db)))
    if args.json:
        _print(
            [
                {
                    "id": r.id,
                    "login": r.login,
                    "full_name": r.full_name,
                    "role": r.role,
                    "department_id": r.department_id,
                    "department": r.department,
                    "email": r.email,
                    "active": r.active,
                    "has_password": r.has_password,
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            state = ("active" if r.active else "disabled") + (
                "" if r.has_password else ", no password"
            )
            print(f"{r.login}\t{r.role}\t{r.department}\t{r.full_name}\t{state}")
    return EXIT_OK


_BROKEN_KEYS = {
    "broken_link": "audit.broken_link",
    "missing_tail": "audit.missing_tail",
    "broken_row": "audit.broken_row",
    "checkpoint_mismatch": "audit.checkpoint_mismatch",
    "checkpoint_missing": "audit.checkpoint_missing",
}


def _stamp(at: Any) -> str:
    return f"{at:%Y-%m-%d %H:%M:%S} UTC" if at is not None else ""


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """Exit 0 when the chain is intact (and extends --checkpoint); 4 naming the first
    broken row; 5 when it is intact but stamps go backwards (app.audit.TIME_TOLERANCE)."""
    from pathlib import Path

    from app.audit import load_checkpoint, verify
    from app.clock import clock_for

    db = _current_db(args)
    clock = clock_for(db)
    _login(args, db, clock, "admin")
    cp = load_checkpoint(Path(args.checkpoint)) if args.checkpoint else None
    now = clock.now_utc()
    with db.read() as s:
        result = verify(s, now=now, checkpoint=cp)
    if args.json:
        _print(
            {
                "ok": result.ok,
                "checked": result.checked,
                "first_broken_id": result.first_broken_id,
                "reason": result.reason,
                "kind": result.kind,
                "checkpoint": None if cp is None else result.checkpoint_verified,
                "time_warnings": [
                    {"row": w.row_id, "at": _stamp(w.at), "before": _stamp(w.before),
                     "kind": w.kind}
                    for w in result.time_warnings
                ],
            }
        )  # fmt: skip
    if not result.ok:
        params: dict[str, object] = {
            "row": result.first_broken_id,
            "checked": result.checked,
            "at": _stamp(cp.at) if cp else "",
        }
        _error(messages.render(_BROKEN_KEYS[result.kind], params))
        return EXIT_AUDIT
    if result.time_warnings:
        if not args.json:
            for w in result.time_warnings[:10]:
                key = "audit.time_backwards" if w.kind == "backwards" else "audit.time_future"
                print(messages.render(key, {"row": w.row_id, "at": _stamp(w.at),
                                            "before": _stamp(w.before)}), file=sys.stderr)  # fmt: skip
        _error(messages.render("audit.time_summary",
                               {"checked": result.checked, "count": len(result.time_warnings)}))  # fmt: skip
        return EXIT_AUDIT_TIME
    if not args.json:
        extends = f", extends the checkpoint of {_stamp(cp.at)}" if cp else ""
        print(f"intact, {result.checked} rows{extends}")
    return EXIT_OK


def cmd_audit_checkpoint(args: argparse.Namespace) -> int:
    """Write the chain's head (rows, last id, last hash, the server's time) to --out, and
    with --mail send it to the administrator's own e-mail address too."""
    from pathlib import Path

    from app.audit import mail_checkpoint, save_checkpoint, take_checkpoint
    from app.clock import clock_for

    db = _current_db(args)
    clock = clock_for(db)
    actor = _login(args, db, clock, "admin")
    cp = take_checkpoint(db, actor, clock)
    path = save_checkpoint(cp, Path(args.out))
    print(f"{path}: {cp.rows} rows, last #{cp.last_id}, {_stamp(cp.at)}")
    if args.mail:
        to = mail_checkpoint(db, actor, cp, _smtp_password(db))
        print(f"sent to {to}")
    return EXIT_OK


def _smtp_password(db: Any) -> str | None:
    """The office SMTP server's password when it asks for one: $KANTSELARIA_SMTP_PASSWORD,
    else typed at a terminal."""
    from app.mail import smtp_settings

    cfg = smtp_settings(db)
    if not cfg.user:
        return None
    env = os.environ.get(SMTP_PASSWORD_ENV)
    if env:
        return env
    if _interactive():
        return getpass.getpass(f"SMTP {cfg.user}@{cfg.host} — password: ")
    return None


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="kantselaria-cli",
        description="კანცელარია — headless commands",
        epilog="Commands that read or change documents or users need a login: --user LOGIN "
        f"(or ${USER_ENV}) and that user's password — typed at a terminal, the first line of "
        "standard input with --password-stdin, or kept in the keyring by an earlier "
        "--remember. 'user add' and 'user passwd' read the new password from the next line "
        "with --new-password-stdin. Without a login: db check, db sql, db upgrade (the "
        "embedded file, an empty or current server database), demo into an empty embedded "
        "file. Exit codes: 0 ok, 1 bug, 2 refused, 3 database, 4 audit chain broken, "
        "5 audit times out of order.",
    )
    p.add_argument("--db", help="database URL (default: $KANTSELARIA_DB or the embedded file)")
    p.add_argument("--lang", choices=("ka", "en"), default="ka", help="message language")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    db = sub.add_parser("db", help="schema commands")
    dbsub = db.add_subparsers(dest="db_command", required=True, parser_class=_Parser)
    dup = dbsub.add_parser(
        "upgrade",
        help="create or upgrade the schema (an older schema on a server: an administrator's login)",
    )
    _add_login(dup, "the administrator (an older schema on a server only)")
    dup.set_defaults(func=cmd_db_upgrade)
    dbsub.add_parser("check", help="exit 0 when reachable and current").set_defaults(
        func=cmd_db_check
    )
    dri = dbsub.add_parser("reindex", help="rebuild the search words (an administrator)")
    _add_login(dri, "the administrator")
    dri.set_defaults(func=cmd_db_reindex)
    sql = dbsub.add_parser("sql", help="print the offline migration script")
    sql.add_argument("--dialect", choices=("mssql", "postgresql", "sqlite"), default="mssql")
    sql.add_argument("--schema", type=_schema_name, help="put the tables in this schema")
    sql.add_argument(
        "--from", dest="base", type=_revision, help="upgrade from this revision (default: empty)"
    )
    sql.add_argument(
        "--downgrade-to",
        type=_revision_or_base,
        help="instead: the script that takes the current schema back to this revision ('base': none)",
    )
    sql.add_argument(
        "--roles",
        action="store_true",
        help="instead: the database roles (clerk, head, admin, reports) and their grants",
    )
    sql.set_defaults(func=cmd_db_sql)

    ij = sub.add_parser("import-journal", help="import a past year's Excel journal")
    ij.add_argument("file", help="the journal (.xlsx)")
    ij.add_argument("--mapping", help="JSON: sheet, header_row, columns (field: letter|header)")
    ij.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    ij.add_argument("--kind", default="incoming", help="incoming|outgoing|internal")
    ij.add_argument("--type", default="letter", help="document type of rows without one")
    ij.add_argument("--channel", default="post", help="delivery channel of rows without one")
    ij.add_argument("--status", default="closed", help="status of the imported documents")
    ij.add_argument("--sheet", help="worksheet name (default: the first)")
    ij.add_argument("--errors", help="where to save the error report (.xlsx)")
    ij.add_argument("--save-mapping", dest="save_mapping", help="write the mapping used (JSON)")
    _add_login(ij, "the importing administrator")
    ij.add_argument("--json", action="store_true")
    ij.set_defaults(func=cmd_import_journal)

    bk = sub.add_parser("backup", help="online backup of the embedded database")
    bk.add_argument("dest", help="a file, or a folder for a dated file")
    _add_login(bk)
    bk.add_argument("--force", action="store_true", help="replace DEST if it exists")
    bk.set_defaults(func=cmd_backup)

    demo = sub.add_parser("demo", help="fill the database with realistic demo data")
    demo.add_argument("--count", type=int, default=5000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--if-empty", action="store_true", help="only into an empty registry")
    demo.add_argument(
        "--i-know-this-is-a-server",
        dest="i_know_this_is_a_server",
        action="store_true",
        help="allow demo data into an empty server database (an administrator's login)",
    )
    _add_login(demo, "the administrator (a server database only)")
    demo.set_defaults(func=cmd_demo)

    se = sub.add_parser("search", help="search the registry (numbers, names, words)")
    se.add_argument("text", help="a number (123, 123/2026), a personal number or words")
    se.add_argument("--limit", type=int, default=50)
    se.add_argument("--kind", choices=("incoming", "outgoing", "internal"))
    _add_login(se, "the searching user (visibility rules)")
    se.add_argument("--json", action="store_true")
    se.set_defaults(func=cmd_search)

    rp = sub.add_parser("report", help="write a report (PDF, Excel, CSV) into a folder")
    rp.add_argument("report", choices=("monthly", "journal", "overdue", "foi-annual", "open-data"))
    rp.add_argument("--period", help="a month (2026-10) or a year (2026)")
    rp.add_argument("--department", help="department code (default: all)")
    rp.add_argument("--kind", default="incoming", choices=("incoming", "outgoing", "internal"))
    rp.add_argument("--format", help="comma-separated: pdf,xlsx (open-data: csv,xlsx); default all")
    rp.add_argument("--out", default=".", help="folder for the files (default: current)")
    rp.add_argument("--as-of", dest="as_of", help="count as of this day YYYY-MM-DD (default today)")
    _add_login(rp, "the user asking")
    rp.set_defaults(func=cmd_report)

    reg = sub.add_parser("register", help="register one document")
    reg.add_argument("--kind", default="incoming")
    reg.add_argument("--type", required=True, help="foi|application|complaint|letter|memo")
    reg.add_argument("--subject", required=True)
    reg.add_argument("--from-name", dest="from_name")
    reg.add_argument("--personal-id", dest="personal_id")
    reg.add_argument("--org-code", dest="org_code")
    reg.add_argument("--date", help="registration date YYYY-MM-DD (default today)")
    reg.add_argument("--channel", default="in_person")
    reg.add_argument("--summary")
    reg.add_argument("--department")
    _add_login(reg, "the registering clerk")
    reg.add_argument("--json", action="store_true")
    reg.set_defaults(func=cmd_register)

    us = sub.add_parser("user", help="staff accounts")
    ussub = us.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    ua = ussub.add_parser(
        "add",
        help="add a user (an administrator); the new password: --new-password-stdin or asked",
        description="Standard input with --password-stdin and --new-password-stdin: the first "
        "line is the acting administrator's password, the second the new user's.",
    )
    ua.add_argument("login")
    ua.add_argument("--name", required=True, help="full name")
    ua.add_argument("--role", required=True, help="admin|registrar|head|executor|viewer")
    ua.add_argument("--department", help="department code (heads and executors need one)")
    ua.add_argument("--email")
    _add_login(ua, "the acting administrator")
    ua.add_argument("--new-password-stdin", dest="new_password_stdin", action="store_true",
                    help="read the new password from the next line of standard input")  # fmt: skip
    ua.set_defaults(func=cmd_user_add)
    up = ussub.add_parser(
        "passwd",
        help="set a user's password: one's own, or (an administrator) anyone's",
        description="Standard input with --password-stdin and --new-password-stdin: the first "
        "line is the acting user's password (changing one's own: the current one), the second "
        "the new one. Where no "
        "administrator has a password yet, 'user passwd admin --new-password-stdin' sets the "
        "first one without a login (as the window's first start).",
    )
    up.add_argument("login")
    _add_login(up)
    up.add_argument("--new-password-stdin", dest="new_password_stdin", action="store_true",
                    help="read the new password from the next line of standard input")  # fmt: skip
    up.set_defaults(func=cmd_user_passwd)
    ul = ussub.add_parser("list", help="list the users (an administrator)")
    ul.add_argument("--json", action="store_true")
    _add_login(ul, "the acting administrator")
    ul.set_defaults(func=cmd_user_list)

    au = sub.add_parser("audit", help="the audit log")
    ausub = au.add_subparsers(dest="audit_command", required=True, parser_class=_Parser)
    av = ausub.add_parser(
        "verify",
        help="exit 0 when the hash chain is intact, 4 when broken, 5 when out of time order",
    )
    av.add_argument("--json", action="store_true")
    av.add_argument("--checkpoint", help="a file from 'audit checkpoint': the chain must extend it")
    _add_login(av, "the administrator")
    av.set_defaults(func=cmd_audit_verify)
    ac = ausub.add_parser(
        "checkpoint", help="write the chain's head to a file to keep outside the database"
    )
    ac.add_argument("--out", required=True, help="the JSON file to write")
    ac.add_argument(
        "--mail",
        action="store_true",
        help=f"also e-mail it to the administrator's address (office SMTP; ${SMTP_PASSWORD_ENV})",
    )
    _add_login(ac, "the administrator")
    ac.set_defaults(func=cmd_audit_checkpoint)
    return p


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    messages.set_language(args.lang)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except DatabaseUnavailable as exc:
        _error(exc.message())
        return EXIT_DB
    except UserError as exc:
        _error(exc.message())
        return EXIT_USER
    except Exception as exc:  # our bug or the database: say which, log the rest
        from sqlalchemy.exc import DBAPIError, OperationalError

        if isinstance(exc, DBAPIError) and (
            exc.connection_invalidated
            or (isinstance(exc, OperationalError) and "connect" in str(exc).lower())
        ):
            detail = scrub(str(exc.orig))[:200]
            print(messages.render("db.unreachable", {"detail": detail}), file=sys.stderr)
            return EXIT_DB
        log.exception("unexpected error")
        return EXIT_BUG


def main() -> None:
    setup_logging()
    sys.exit(run())


def setup_logging() -> None:
    """Warnings and errors to stderr, with personal data scrubbed (app.privacy)."""
    handler = logging.StreamHandler()
    handler.setFormatter(ScrubbingFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)


if __name__ == "__main__":
    main()
