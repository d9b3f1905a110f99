"""A PostgreSQL server of a test module's own, stopped and started by its tests.

The shared test server is never stopped: a module that needs a server going away runs
its own throw-away one in a temporary folder (``scripts/pg-test-server``, which keeps the
port across a restart, so the program's URL stays valid as a real server's would).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from models.db import open_database

SCRIPT = Path(__file__).parents[1] / "scripts" / "pg-test-server"


class Server:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.url = ""
        self.running = False

    def start(self) -> str:
        if self.running:
            return self.url
        done = subprocess.run(
            [str(SCRIPT), "start", str(self.folder)], capture_output=True, text=True, check=False
        )
        if done.returncode == 3:
            pytest.skip(f"PostgreSQL server binaries are not installed: {done.stderr.strip()}")
        assert done.returncode == 0, done.stderr
        url = done.stdout.strip()
        assert not self.url or url == self.url, "the restarted server moved to another port"
        self.url, self.running = url, True
        return url

    def stop(self) -> None:
        """Fast shutdown: open sessions are cut off, as when the server goes away."""
        subprocess.run([str(SCRIPT), "stop", str(self.folder)], capture_output=True, check=True)
        self.running = False


@contextmanager
def own_server(prefix: str) -> Iterator[Server]:
    # Not pytest's tmp_path: as root the server runs as `postgres`, which cannot enter
    # pytest's private temporary folders. The script hands this folder to `postgres`.
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    srv = Server(folder)
    try:
        srv.start()
        yield srv
    finally:
        srv.stop()
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def fresh_database(server: Server) -> Iterator[str]:
    """The URL of a new, empty database on *server* (started if a test left it stopped);
    dropped afterwards."""
    server.start()
    base = make_url(server.url)
    name = f"k_{time.monotonic_ns()}"
    admin = open_database(base, isolation_level="AUTOCOMMIT")
    with admin.engine.connect() as c:
        c.execute(text(f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0"))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        server.start()
        with admin.engine.connect() as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()
