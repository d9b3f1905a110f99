"""Backup of the embedded database with SQLite's online backup API.

Consistent while the program runs (the backup API copies a snapshot page by page and
restarts if a writer interferes). For MS SQL the DBA backs up the server database; see
the administrator's guide.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url

from app.clock import Clock, SystemClock
from app.errors import ValidationError
from models.db import Database
from models.tables import Setting

LAST_BACKUP = "backup.last_at"
REMIND_AFTER = dt.timedelta(days=7)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size_bytes: int
    seconds: float


def backup(
    db: Database,
    dest: Path,
    clock: Clock | None = None,
    progress: Callable[[int, int], None] | None = None,
    overwrite: bool = False,
) -> BackupResult:
    """Copy the embedded database to *dest* (a file, or a folder to put a dated file in).
    An existing file is replaced only with *overwrite* (the window's save dialog asked)."""
    url = make_url(db.engine.url)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise ValidationError("backup.not_embedded", field="database")
    clock = clock or SystemClock()
    requested = dest
    try:
        if dest.is_dir():
            stamp = clock.now_utc().strftime("%Y%m%d-%H%M%S")
            dest = dest / f"kantselaria-{stamp}.sqlite3"
        if dest.resolve() == Path(url.database).resolve():
            raise ValidationError("backup.same_file", field="dest")
        if dest.exists() and not overwrite:
            raise ValidationError("backup.exists", field="dest", path=str(dest)[:200])
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".part")
        t0 = time.monotonic()
        src = sqlite3.connect(url.database)
        try:
            out = sqlite3.connect(tmp)
            try:

                def _progress(_status: int, remaining: int, total: int) -> None:
                    if progress is not None:
                        progress(total - remaining, total)

                src.backup(out, pages=4096, progress=_progress)
                ok = out.execute("PRAGMA integrity_check").fetchone()
            finally:
                out.close()
        finally:
            src.close()
        if not ok or ok[0] != "ok":
            tmp.unlink(missing_ok=True)
            raise ValidationError("backup.corrupt", field="dest")
        tmp.replace(dest)
    except (OSError, sqlite3.Error) as exc:  # no such folder, no permission, name too long…
        raise ValidationError(
            "backup.cannot_write", field="dest", path=str(requested)[:200], detail=str(exc)[:200]
        ) from exc
    with db.write() as s:
        row = s.scalar(select(Setting).where(Setting.name == LAST_BACKUP))
        stamp_text = clock.now_utc().isoformat(timespec="seconds")
        if row is None:
            s.add(Setting(name=LAST_BACKUP, content=stamp_text))
        else:
            row.content = stamp_text
    return BackupResult(dest, dest.stat().st_size, time.monotonic() - t0)


def last_backup(db: Database) -> dt.datetime | None:
    with db.read() as s:
        text = s.scalar(select(Setting.content).where(Setting.name == LAST_BACKUP))
    return dt.datetime.fromisoformat(text) if text else None


def backup_overdue(db: Database, clock: Clock | None = None) -> bool:
    """True for an embedded database whose last backup is older than a week (or never)."""
    if db.backend != "sqlite":
        return False
    last = last_backup(db)
    now = (clock or SystemClock()).now_utc()
    return last is None or now - last > REMIND_AFTER
