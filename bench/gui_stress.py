"""Switch users again and again while workers allocate: the window never freezes and the
memory stays bounded (issue #16).

Each round, in the real main window: a few dialogs are opened and closed, widgets are left
behind in reference cycles (only the cyclic collector can free them — the garbage that
froze *Switch user* when a worker's automatic collection destroyed it off the GUI
thread), two worker tasks allocate cyclic garbage of their own, and then Document →
Switch user… logs the next clerk in through the login dialog. ``gc.set_threshold(10)``
makes any automatic collection frequent, so a regression (collection on a worker thread)
hangs within a few rounds instead of once in a long while.

``tests/ui/test_stress.py`` runs the short form (50 switches) with pytest-qt;
``python -m bench.gui_stress`` (``make bench``) the long one (200) in a process of its own
on a fresh demo database, printing one JSON line: RSS at the start and after the stress.
"""

from __future__ import annotations

import argparse
import faulthandler
import gc
import json
import os
import resource
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.main import WindowHost
    from ui.tasks import Control

Wait = Callable[[Callable[[], bool]], None]

DIALOGS = ("correspondents", "reports")  # opened and closed in every round
CYCLES_PER_TASK = 20_000
TASKS_PER_ROUND = 2
LEFTOVER_WIDGETS = 10
WARMUP = 5  # rounds before the starting RSS is taken (caches, fonts, first windows)


@dataclass(frozen=True)
class StressResult:
    switches: int
    dialogs: int
    tasks: int
    tasks_delivered: int  # a closed window's late results are dropped, as they should be
    leftover_widgets: int
    seconds: float
    rss_start_mb: float  # after the warm-up rounds
    rss_end_mb: float  # after the last round and a collection
    collections: int  # by the GUI-thread collector
    gc_enabled: bool  # automatic collection (must stay off)


def rss_mb() -> float:
    """This process's resident memory now (VmRSS), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # peak, where no /proc


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None
        self.payload = list(range(8))


def allocate_cycles(n: int, _c: Control) -> int:
    """Worker: *n* pairs of objects in reference cycles, none of them Qt."""
    made = 0
    for _ in range(n):
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        made += 1
    return made


def leave_cyclic_widgets(n: int) -> None:
    """GUI thread: *n* parentless widgets, each in a reference cycle through its own
    attribute, dropped — reference counting never frees them, a collection does."""
    from PySide6.QtWidgets import QLabel

    for i in range(n):
        label = QLabel(f"leftover {i}")
        label.myself = label  # type: ignore[attr-defined]


def run_stress(
    host: WindowHost,
    logins: Sequence[str],
    password: str,
    switches: int,
    wait: Wait,
    *,
    warmup: int = WARMUP,
) -> StressResult:
    """Drive *host*'s window through *switches* user switches (see the module's text)."""
    from ui import collector

    gc_before = gc.get_threshold()
    gc.set_threshold(10)  # an automatic collection, were one possible, would come often
    done: list[int] = []
    switched: list[bool] = []
    host.switched.connect(switched.append)
    dialogs = tasks = 0
    rss_start = rss_mb()
    t0 = time.perf_counter()
    try:
        for round_no in range(switches):
            w = host.window
            wait(lambda w=w: bool(w.ready))  # type: ignore[misc]
            for key in DIALOGS:
                dlg = w.open_dialog(key)
                wait(lambda d=dlg: bool(getattr(d, "ready", True)))  # type: ignore[misc]
                dlg.reject()
                dialogs += 1
            form = w.open_registration()
            form.reject()
            dialogs += 1
            leave_cyclic_widgets(LEFTOVER_WIDGETS)
            for _ in range(TASKS_PER_ROUND):
                w.runner.run(allocate_cycles, CYCLES_PER_TASK, done.append)
                tasks += 1
            # Document → Switch user…: the login dialog, the next clerk, a new window
            before = len(switched)
            w.act_switch_user.trigger()
            wait(lambda: host.login_dialog is not None and host.login_dialog.isVisible())
            login = host.login_dialog
            assert login is not None
            login.login.setText(logins[round_no % len(logins)])  # type: ignore[attr-defined]
            login.password.setText(password)  # type: ignore[attr-defined]
            login.ok_button.click()  # type: ignore[attr-defined]
            wait(lambda before=before: len(switched) > before)  # type: ignore[misc]
            if not switched[-1]:
                raise RuntimeError(f"switch {round_no + 1} did not log in")
            if round_no + 1 == warmup:
                collector.collect_now()
                rss_start = rss_mb()
        wait(lambda: not host.window.runner.busy())  # the last window's tasks delivered
        wait(lambda: bool(host.window.ready))
    finally:
        host.switched.disconnect(switched.append)
        gc.set_threshold(*gc_before)
    seconds = time.perf_counter() - t0
    collector.collect_now()
    installed = collector.installed()
    return StressResult(
        switches=len(switched),
        dialogs=dialogs,
        tasks=tasks,
        tasks_delivered=len(done),
        leftover_widgets=switches * LEFTOVER_WIDGETS,
        seconds=round(seconds, 2),
        rss_start_mb=round(rss_start, 1),
        rss_end_mb=round(rss_mb(), 1),
        collections=installed.collections if installed is not None else 0,
        gc_enabled=gc.isenabled(),
    )


# --- the long form: python -m bench.gui_stress ----------------------------------------------


def _demo_database(folder: Path, documents: int) -> tuple[str, list[str], str]:
    """A fresh demo registry; returns its URL, the demo logins and their password."""
    from app import users
    from app.demo import generate
    from app.setup import prepare
    from models.db import open_database

    url = f"sqlite:///{folder / 'stress.sqlite3'}"
    db = open_database(url)
    try:
        prepare(db)
        generate(db, count=documents)
        # the demo never gives the administrator a password; without one, switching users
        # would show the first start's dialog instead of the login
        users.create_first_admin(db, "admin", "ადმინისტრატორი", secrets.token_urlsafe(16))
        logins = users.demo_logins(db)
    finally:
        db.dispose()
    return url, logins, users.DEMO_PASSWORD


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    p.add_argument("--switches", type=int, default=200)
    p.add_argument("--documents", type=int, default=2000, help="demo documents in the registry")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds one step may take")
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    faulthandler.dump_traceback_later(1800, exit=True)  # a hang ends with every stack

    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    from ui.main import Opener, WindowHost, make_application
    from ui.tasks import TaskRunner

    warnings: list[str] = []

    def on_message(kind: QtMsgType, _context: Any, text: str) -> None:
        if kind != QtMsgType.QtDebugMsg and "This plugin does not support" not in text:
            warnings.append(text)

    qInstallMessageHandler(on_message)
    app = make_application("ka")
    end_of_step = [0.0]

    def wait(ready: Callable[[], bool]) -> None:
        end_of_step[0] = time.perf_counter() + args.timeout
        while not ready():
            if time.perf_counter() > end_of_step[0]:
                raise TimeoutError("a step of the stress did not finish: the window hangs?")
            app.processEvents()
            time.sleep(0.001)

    with tempfile.TemporaryDirectory(prefix="kantselaria-stress-") as folder:
        os.environ["XDG_DATA_HOME"] = os.environ["XDG_CONFIG_HOME"] = folder  # no real drafts
        url, logins, password = _demo_database(Path(folder), args.documents)
        if not logins:
            print("the demo database has no demo logins", file=sys.stderr)
            return 2
        opened: list[Any] = []
        opener = Opener(TaskRunner(), url, login=False)
        opener.opened.connect(opened.append)
        opener.failed.connect(opened.append)
        opener.start()
        wait(lambda: bool(opened))
        ctx = opened[0]
        if isinstance(ctx, BaseException):
            raise ctx
        host = WindowHost(ctx)
        host.window.show()
        result = run_stress(host, logins, password, args.switches, wait)
        host.window.close()
        TaskRunner.wait_all()
        host.ctx.db.dispose()
    print(json.dumps({**asdict(result), "qt_warnings": len(warnings)}, ensure_ascii=False))
    return 0 if not warnings and not result.gc_enabled else 1


if __name__ == "__main__":
    sys.exit(main())
