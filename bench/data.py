"""The benchmark registry: built once with the demo generator, cached outside the repo."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from pathlib import Path

from app.setup import document_count, prepare, schema_state
from models.db import Database, open_database


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kantselaria"


def fingerprint() -> str:
    """Changes when the generated data would: the demo generator or the name skeletons."""
    import app.demo
    import app.text

    h = hashlib.sha1()
    for module in (app.demo, app.text):
        h.update(Path(str(module.__file__)).read_bytes())
    return h.hexdigest()[:8]


def cache_path(count: int) -> Path:
    label = f"{count // 1_000_000}m" if count % 1_000_000 == 0 else str(count)
    return cache_dir() / f"bench-{label}-{fingerprint()}.sqlite"


def _drop_stale(path: Path) -> None:
    """Registries of the same size from an older generator (each is a gigabyte)."""
    prefix = path.name.rsplit("-", 1)[0] + "-"
    for old in path.parent.glob(prefix + "*.sqlite"):
        if old != path:
            old.unlink(missing_ok=True)


def _finish_file(path: Path) -> None:
    """Planner statistics, then fold the WAL into the file so it can be moved."""
    con = sqlite3.connect(path)
    try:
        con.execute("ANALYZE")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()


def build(path: Path, count: int, seed: int = 1) -> float:
    """Generate *count* documents into *path* (atomically: a half-built file never
    replaces a good one). Returns the seconds it took.
    """
    from app.demo import generate  # the demo generator (app/demo.py)

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    t0 = time.perf_counter()
    db = open_database(f"sqlite:///{tmp}")
    try:
        prepare(db)
        generate(db, count=count, seed=seed)
    finally:
        db.dispose()
    _finish_file(tmp)
    os.replace(tmp, path)
    _drop_stale(path)
    return time.perf_counter() - t0


def ensure(count: int, path: Path | None = None, rebuild: bool = False) -> tuple[Database, float]:
    """The cached registry (built first if missing, of another size, or *rebuild*);
    returns it and the seconds spent building (0 when it was cached).
    """
    path = path or cache_path(count)
    built = 0.0
    if path.exists() and not rebuild:
        db = open_database(f"sqlite:///{path}")
        if not schema_state(db).up_to_date:
            prepare(db)  # an older cache: upgraded (and its search words rebuilt)
        if document_count(db) == count:
            return db, built
        db.dispose()
    print(f"building {count:,} documents into {path} (once; cached for later runs) …")
    built = build(path, count)
    return open_database(f"sqlite:///{path}"), built
