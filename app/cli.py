"""kantselaria-cli: the headless entry point (scripts, tests, administrators).

Exit codes: 0 success; 2 bad input (one line naming the field, nothing written);
3 database unreachable or schema not current; 1 our bug (traceback logged).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from app import messages
from app.errors import DatabaseUnavailable, UserError

log = logging.getLogger("kantselaria.cli")

EXIT_OK, EXIT_BUG, EXIT_USER, EXIT_DB = 0, 1, 2, 3
EXIT_AUDIT = 4  # audit verify: the hash chain is broken


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


def _no_such_user(args: argparse.Namespace) -> None:
    _error(messages.render("cli.no_such_user", {"login": args.user or ""}))


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from app.setup import prepare

    db = _open(args)
    state = prepare(db)
    print(f"schema: {state.current} (head {state.head})")
    return EXIT_OK


def cmd_db_sql(args: argparse.Namespace) -> int:
    from models.migrate import offline_sql

    if args.downgrade_to is not None and args.base is not None:
        _error("--from and --downgrade-to exclude each other")
        return EXIT_USER
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

    from app.auth import default_actor, find_actor
    from app.importing import (
        ImportOptions,
        describe,
        import_journal,
        load_mapping_spec,
        save_error_report,
        save_mapping,
    )

    db = _current_db(args)
    with db.read() as s:
        actor = find_actor(s, args.user) if args.user else default_actor(s)
    if actor is None:
        _no_such_user(args)
        return EXIT_USER
    source = Path(args.file)
    spec = load_mapping_spec(Path(args.mapping)) if args.mapping else None
    options = ImportOptions(
        kind=args.kind, doc_type=args.type, channel=args.channel, status=args.status
    )
    result = import_journal(
        db, actor, source, spec, options, sheet=args.sheet or "", dry_run=args.dry_run
    )
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
    if state.status == "current":
        print(f"ok: schema {state.current}")
        return EXIT_OK
    if state.status == "new":
        err = UserError("db.schema_new", current=state.current)
    else:
        err = UserError("db.schema_old", current=state.current or "—", head=state.head)
    _error(err.message())
    return EXIT_DB


def cmd_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from app.backup import backup

    result = backup(_open(args), Path(args.dest))
    print(f"{result.path} ({result.size_bytes // 1024} KiB, {result.seconds:.1f} s)")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from app.demo import generate
    from app.setup import document_count, prepare

    db = _open(args)
    prepare(db)
    if args.if_empty and document_count(db) > 0:
        print("the database already has documents; no demo data added")
        return EXIT_OK
    t0 = time.perf_counter()
    made = generate(db, count=args.count, seed=args.seed)
    print(f"{made} documents in {time.perf_counter() - t0:.1f} s")
    return EXIT_OK


def cmd_register(args: argparse.Namespace) -> int:
    from app.auth import default_actor, find_actor
    from app.registration import RegistrationInput, register
    from app.setup import schema_state

    db = _open(args)
    if not schema_state(db).up_to_date:
        from app.setup import prepare

        prepare(db)
    with db.read() as s:
        actor = find_actor(s, args.user) if args.user else default_actor(s)
    if actor is None:
        _no_such_user(args)
        return EXIT_USER
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


def _current_db(args: argparse.Namespace) -> Any:
    """The database, or UserError when its schema is not the program's."""
    from app.setup import schema_state

    db = _open(args)
    state = schema_state(db)
    if state.status == "new":
        raise UserError("db.schema_new", current=state.current)
    if not state.up_to_date:
        raise UserError("db.schema_old", current=state.current or "—", head=state.head)
    return db


def cmd_search(args: argparse.Namespace) -> int:
    from app.auth import default_actor, find_actor
    from app.search import search

    db = _current_db(args)
    with db.read() as s:
        actor = find_actor(s, args.user) if args.user else default_actor(s)
    if actor is None:
        _no_such_user(args)
        return EXIT_USER
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
    from app.search import reindex_all

    db = _current_db(args)
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

    from app.auth import default_actor, find_actor
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
    with db.read() as s:
        actor = find_actor(s, args.user) if args.user else default_actor(s)
    if actor is None:
        _no_such_user(args)
        return EXIT_USER
    for path in generate(db, actor, request, Path(args.out)):
        print(path)
    return EXIT_OK


def _acting(args: argparse.Namespace, db: Any) -> Any:
    """The acting user: --user LOGIN, else the first active administrator."""
    from app.auth import default_actor, find_actor

    with db.read() as s:
        actor = find_actor(s, args.user.strip().lower()) if args.user else default_actor(s)
    if actor is None:
        raise UserError("user.unknown_login", field="login", got=args.user or "admin")
    return actor


def _password_from_stdin() -> str:
    """The first line of standard input, without its line ending (spaces are kept)."""
    return sys.stdin.readline().rstrip("\r\n")


def cmd_user_add(args: argparse.Namespace) -> int:
    from app.users import UserInput, create_user, list_departments

    db = _current_db(args)
    actor = _acting(args, db)
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
    row = create_user(db, actor, inp, _password_from_stdin())
    print(f"{row.login} (#{row.id})")
    return EXIT_OK


def cmd_user_passwd(args: argparse.Namespace) -> int:
    from app.users import set_password, user_by_login

    db = _current_db(args)
    actor = _acting(args, db)
    row = user_by_login(db, actor, args.login)
    set_password(db, actor, row.id, _password_from_stdin())
    print(f"{row.login}: password set")
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    from app.users import list_users

    db = _current_db(args)
    rows = list_users(db, _acting(args, db))
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


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """Exit 0 when the audit hash chain is intact; 4 naming the first broken row."""
    from app.audit import verify

    db = _current_db(args)
    with db.read() as s:
        result = verify(s)
    if args.json:
        _print(
            {
                "ok": result.ok,
                "checked": result.checked,
                "first_broken_id": result.first_broken_id,
                "reason": result.reason,
            }
        )
    if result.ok:
        if not args.json:
            print(f"intact, {result.checked} rows")
        return EXIT_OK
    key = (
        "audit.broken_link"
        if result.reason.startswith("previous")
        else "audit.missing_tail"
        if result.reason.startswith("rows missing")
        else "audit.broken_row"
    )
    params: dict[str, object] = {"row": result.first_broken_id, "checked": result.checked}
    _error(messages.render(key, params))
    return EXIT_AUDIT


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="kantselaria-cli", description="კანცელარია — headless commands")
    p.add_argument("--db", help="database URL (default: $KANTSELARIA_DB or the embedded file)")
    p.add_argument("--lang", choices=("ka", "en"), default="ka", help="message language")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    db = sub.add_parser("db", help="schema commands")
    dbsub = db.add_subparsers(dest="db_command", required=True, parser_class=_Parser)
    dbsub.add_parser("upgrade", help="create or upgrade the schema").set_defaults(
        func=cmd_db_upgrade
    )
    dbsub.add_parser("check", help="exit 0 when reachable and current").set_defaults(
        func=cmd_db_check
    )
    dbsub.add_parser("reindex", help="rebuild the search words").set_defaults(func=cmd_db_reindex)
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
    ij.add_argument("--user", help="login of the importing administrator")
    ij.add_argument("--json", action="store_true")
    ij.set_defaults(func=cmd_import_journal)

    bk = sub.add_parser("backup", help="online backup of the embedded database")
    bk.add_argument("dest", help="a file, or a folder for a dated file")
    bk.set_defaults(func=cmd_backup)

    demo = sub.add_parser("demo", help="fill the database with realistic demo data")
    demo.add_argument("--count", type=int, default=5000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--if-empty", action="store_true", help="only into an empty registry")
    demo.set_defaults(func=cmd_demo)

    se = sub.add_parser("search", help="search the registry (numbers, names, words)")
    se.add_argument("text", help="a number (123, 123/2026), a personal number or words")
    se.add_argument("--limit", type=int, default=50)
    se.add_argument("--kind", choices=("incoming", "outgoing", "internal"))
    se.add_argument("--user", help="login of the searching user (visibility rules)")
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
    rp.add_argument("--user", help="login of the user asking (default: the administrator)")
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
    reg.add_argument("--user", help="login of the registering clerk")
    reg.add_argument("--json", action="store_true")
    reg.set_defaults(func=cmd_register)

    us = sub.add_parser("user", help="staff accounts")
    ussub = us.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    ua = ussub.add_parser("add", help="add a user; the password is read from stdin")
    ua.add_argument("login")
    ua.add_argument("--name", required=True, help="full name")
    ua.add_argument("--role", required=True, help="admin|registrar|head|executor|viewer")
    ua.add_argument("--department", help="department code (heads and executors need one)")
    ua.add_argument("--email")
    ua.add_argument("--password-stdin", dest="password_stdin", action="store_true", required=True)
    ua.add_argument("--user", help="login of the acting administrator")
    ua.set_defaults(func=cmd_user_add)
    up = ussub.add_parser("passwd", help="set a user's password, read from stdin")
    up.add_argument("login")
    up.add_argument("--password-stdin", dest="password_stdin", action="store_true", required=True)
    up.add_argument("--user", help="login of the acting user (default: the administrator)")
    up.set_defaults(func=cmd_user_passwd)
    ul = ussub.add_parser("list", help="list the users")
    ul.add_argument("--json", action="store_true")
    ul.add_argument("--user", help="login of the acting administrator")
    ul.set_defaults(func=cmd_user_list)

    au = sub.add_parser("audit", help="the audit log")
    ausub = au.add_subparsers(dest="audit_command", required=True, parser_class=_Parser)
    av = ausub.add_parser("verify", help="exit 0 when the hash chain is intact, 4 otherwise")
    av.add_argument("--json", action="store_true")
    av.set_defaults(func=cmd_audit_verify)
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
            detail = str(exc.orig)[:200]
            print(messages.render("db.unreachable", {"detail": detail}), file=sys.stderr)
            return EXIT_DB
        log.exception("unexpected error")
        return EXIT_BUG


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    sys.exit(run())


if __name__ == "__main__":
    main()
