"""Logging in to kantselaria-cli from a test: the administrator's password on stdin.

``login(monkeypatch)`` puts the password (and any further lines, such as a new password)
on standard input and returns the arguments that say who acts::

    run(["--db", url, "search", "x", *login(monkeypatch)])
"""

from __future__ import annotations

import io

import pytest

from app.users import create_first_admin, needs_first_admin
from models.db import open_database

ADMIN_PASSWORD = "ადმინის-პაროლი"


def with_admin(url: str, password: str = ADMIN_PASSWORD) -> str:
    """*url*, its administrator ``admin`` given *password* (the first run), once."""
    db = open_database(url)
    try:
        if needs_first_admin(db):
            create_first_admin(db, "admin", "ნინო ბერიძე", password)
    finally:
        db.dispose()
    return url


def stdin(monkeypatch: pytest.MonkeyPatch, *lines: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))


def login(
    monkeypatch: pytest.MonkeyPatch,
    *more: str,
    user: str = "admin",
    password: str = ADMIN_PASSWORD,
) -> list[str]:
    """*password* then *more* lines on stdin; the options logging *user* in with it."""
    stdin(monkeypatch, password, *more)
    return ["--user", user, "--password-stdin"]
