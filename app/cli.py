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
from app.errors import UserError

log = logging.getLogger("kantselaria.cli")

EXIT_OK, EXIT_BUG, EXIT_USER, EXIT_DB = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line (its default) — kept for clarity."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USER, f"{self.prog}: {message}\n")


def _open(args: argparse.Namespace) -> Any:
    from models.db import open_database

    return open_database(args.db)


def _print(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from app.setup import prepare

    db = _open(args)
    state = prepare(db)
    print(f"schema: {state.current} (head {state.head})")
    return EXIT_OK


def cmd_db_sql(args: argparse.Namespace) -> int:
    from models.migrate import offline_sql

    sys.stdout.write(offline_sql(args.dialect))
    return EXIT_OK


def cmd_db_check(args: argparse.Namespace) -> int:
    """Exit 0 when the database answers and its schema is the program's; 3 otherwise."""
    from app.connection import explain
    from app.setup import schema_state

    try:
        db = _open(args)
        state = schema_state(db)
    except UserError:
        raise
    except Exception as exc:
        print(f"შეცდომა: {explain(exc).message()}", file=sys.stderr)
        return EXIT_DB
    if state.status == "current":
        print(f"ok: schema {state.current}")
        return EXIT_OK
    if state.status == "new":
        err = UserError("db.schema_new", current=state.current)
    else:
        err = UserError("db.schema_old", current=state.current or "—", head=state.head)
    print(f"შეცდომა: {err.message()}", file=sys.stderr)
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
        print("no such user", file=sys.stderr)
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
    sql = dbsub.add_parser("sql", help="print the offline migration script")
    sql.add_argument("--dialect", choices=("mssql", "postgresql", "sqlite"), default="mssql")
    sql.set_defaults(func=cmd_db_sql)

    bk = sub.add_parser("backup", help="online backup of the embedded database")
    bk.add_argument("dest", help="a file, or a folder for a dated file")
    bk.set_defaults(func=cmd_backup)

    demo = sub.add_parser("demo", help="fill the database with realistic demo data")
    demo.add_argument("--count", type=int, default=5000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--if-empty", action="store_true", help="only into an empty registry")
    demo.set_defaults(func=cmd_demo)

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
    return p


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    messages.set_language(args.lang)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except UserError as exc:
        print(f"შეცდომა: {exc.message()}", file=sys.stderr)
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
