"""Screenshots of the real window for docs/ and the README (``make screenshots``).

Run under Xvfb by ``scripts/screenshots``: opens the program on a demo database, waits
for the rows, and grabs each main screen (per language) into ``--out``.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from app import documents, registry, routing, users
from app.auth import Actor, find_actor
from app.registry import RegistryQuery
from ui import i18n
from ui.context import AppContext
from ui.keys import type_text
from ui.main import make_application, open_context
from ui.main_window import MainWindow


def _wait(app: QApplication, ready: Callable[[], bool], ms: int = 20_000) -> None:
    """Process events until *ready* (the screenshot tool's own loop, not a test)."""
    timer = QTimer()
    timer.setSingleShot(True)
    timer.start(ms)
    while not ready():
        if not timer.isActive():
            raise TimeoutError("the window did not get ready")
        app.processEvents()


def _grab(widget: QWidget, path: Path) -> None:
    app = QApplication.instance()
    for _ in range(3):  # let posted layout requests and the resizes they cause settle
        if app is not None:
            app.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(path))
    print(f"  {path}")


def shoot(url: str, out: Path, lang: str) -> None:
    app = make_application(lang)
    i18n.install(app, lang)
    ctx = open_context(url)
    assert ctx is not None
    w = MainWindow(ctx)
    w.resize(1280, 760)
    w.show()
    _wait(app, lambda: w.ready and w.model.row(0) is not None)
    # A fresh demo file was never backed up: the yellow reminder shows in this picture.
    _wait(app, lambda: w.backup_reminder.checked)
    w.table.selectRow(0)
    app.processEvents()
    _grab(w, out / f"main-window-{lang}.png")
    _no_reminder(app, w)  # the other pictures show the window as after a backup

    dlg = w.open_registration()
    # On a 1366x768 screen Qt opens a dialog at most 2/3 of the screen high and the form
    # scrolls; the picture shows the whole form.
    area = dlg.findChild(QScrollArea)
    app.processEvents()
    missing = area.widget().sizeHint().height() - area.viewport().height() if area else 0
    dlg.resize(max(dlg.width(), 640), dlg.height() + max(missing, 0))
    dlg.doc_type.setCurrentIndex(dlg.doc_type.findData("foi"))
    type_text(dlg.from_name, "მარიამ ბერიძე" if lang == "ka" else "Mariam Beridze")
    type_text(dlg.personal_id, "01019012345")
    type_text(
        dlg.subject,
        "ინფორმაცია 2026 წლის ბიუჯეტის შესრულების შესახებ"
        if lang == "ka"
        else "Information on the execution of the 2026 budget",
    )
    app.processEvents()
    _grab(dlg, out / f"registration-{lang}.png")
    dlg.discard_draft()  # the next language's form must open empty, not restore this
    dlg.reject()

    w.open_current()
    _wait(app, lambda: w.card is not None and w.card.isVisible())
    app.processEvents()
    assert w.card is not None
    w.card.resize(max(w.card.width(), 600), 740)  # the whole Details tab, as for the form
    _grab(w.card, out / f"card-{lang}.png")
    w.card.reject()

    loaded: list[bool] = []
    w.dashboard.loaded.connect(lambda: loaded.append(True))
    w.show_page("dashboard")
    _wait(app, lambda: bool(loaded))
    app.processEvents()
    _grab(w, out / f"dashboard-{lang}.png")

    reports = w.open_dialog("reports")
    _wait(app, lambda: bool(getattr(reports, "ready", True)))
    app.processEvents()
    _grab(reports, out / f"reports-{lang}.png")
    reports.reject()

    _shoot_connection(app, w, out, lang)
    _shoot_routing(app, ctx, out, lang)
    _shoot_login(app, ctx, out, lang)
    w.close()
    ctx.db.dispose()


def _no_reminder(app: QApplication, w: MainWindow) -> None:
    """Hide the backup reminder once its check has answered (as after a backup), so the
    picture shows the page itself; the main-window picture keeps the bar."""
    _wait(app, lambda: w.backup_reminder.checked)
    w.backup_reminder.hide()


def _waiting_letter(ctx: AppContext, head: Actor) -> int:
    """A letter for *head*'s department waiting for its resolution (the demo data of some
    days has none left unrouted)."""
    from app.registration import RegistrationInput, register

    code = next(d.code for d in users.list_departments(ctx.db, ctx.actor)
                if d.id == head.department_id)  # fmt: skip
    inp = RegistrationInput(kind="incoming", doc_type="application", subject="ქუჩის განათება",
                            from_name="ნინო კაპანაძე", department=code)  # fmt: skip
    return register(ctx.db, ctx.actor, inp, ctx.clock).id


def _busiest(ctx: AppContext, role: str) -> Actor:
    """The active demo user of *role* with the most open tasks, preferring one whose
    department queue is not empty (so both lists of "My tasks" have rows)."""
    logins = [u.login for u in users.list_users(ctx.db, ctx.actor) if u.role == role and u.active]
    with ctx.db.read() as s:
        actors = [a for a in (find_actor(s, login) for login in logins) if a is not None]

    def fullness(a: Actor) -> tuple[bool, int]:
        counts = routing.task_counts(ctx.db, a, clock=ctx.clock)
        return counts.queue > 0, counts.total

    return max(actors, key=fullness)


def _shoot_routing(app: QApplication, ctx: AppContext, out: Path, lang: str) -> None:
    """My tasks and the queue (a demo executor, as he logs in), the resolution (a head)
    and the answer (the executor) dialogs."""
    from ui.routing import AnswerDialog, ResolutionDialog

    executor = _busiest(ctx, "executor")
    ectx = replace(ctx, actor=executor)
    ew = MainWindow(ectx)
    ew.resize(1280, 760)
    ew.show()
    ew.show_page("tasks")
    _no_reminder(app, ew)
    _wait(app, lambda: ew.tasks.ready and ew.tasks.model.rowCount() > 0)
    app.processEvents()
    _grab(ew, out / f"tasks-{lang}.png")

    head = _busiest(ctx, "head")
    hctx = replace(ctx, actor=head)
    hw = MainWindow(hctx)
    hw.resize(1280, 760)

    waiting = RegistryQuery(kind="incoming", status=("registered",), viewer=head)
    found = registry.page(ctx.db, waiting, 0, 1)
    doc = found[0].id if found else _waiting_letter(ctx, head)
    res = ResolutionDialog(hctx, hw.runner, documents.get_card(ctx.db, head, doc), hw)
    res.show()
    _wait(app, lambda: bool(getattr(res, "ready", False)))
    res.resize(max(res.width(), 600), res.height())  # the placeholder of the reason in full
    if res.co_executors.count() > 1:
        res.co_executors.item(1).setCheckState(Qt.CheckState.Checked)
    type_text(res.instruction, "მოამზადეთ პასუხი" if lang == "ka" else "Please prepare the answer")
    app.processEvents()
    _grab(res, out / f"resolution-{lang}.png")
    res.reject()

    task = next(
        t
        for t in routing.my_tasks(ctx.db, executor, clock=ctx.clock)
        if t.status in ("assigned", "in_progress")
    )
    ans = AnswerDialog(ectx, ew.runner, documents.get_card(ctx.db, executor, task.id), ew)
    ans.show()
    ans.body.setPlainText(
        "გაცნობებთ, რომ თქვენი მოთხოვნა განხილულია და დაკმაყოფილდა."
        if lang == "ka"
        else "We inform you that your request has been considered and granted."
    )
    ans._draft_timer.stop()  # a screenshot leaves no draft behind
    app.processEvents()
    _grab(ans, out / f"answer-{lang}.png")
    ans.body.clear()
    ans.reject()
    hw.close()
    ew.close()


def _shoot_connection(app: QApplication, w: MainWindow, out: Path, lang: str) -> None:
    """The connection dialog with an MS SQL Server profile being set up (not saved)."""
    from ui.connection import PREFERRED_DRIVER, ConnectionDialog

    dlg = w.open_connection()
    assert isinstance(dlg, ConnectionDialog)
    _wait(app, lambda: dlg.ready and dlg.drivers_ready)
    dlg.new_profile()
    dlg.kind.setCurrentIndex(dlg.kind.findData("mssql"))
    dlg.name.setText("მერია — SQL Server" if lang == "ka" else "City Hall — SQL Server")
    dlg.server.setText("DB01\\SQLEXPRESS")
    dlg.database.setText("kantselaria")
    dlg.auth.setCurrentIndex(dlg.auth.findData("sql"))
    dlg.username.setText("kantselaria_app")
    dlg.driver.setEditText(PREFERRED_DRIVER)
    dlg.driver_error.hide()
    app.processEvents()
    _grab(dlg, out / f"connection-{lang}.png")
    dlg.reject()


def _shoot_login(app: QApplication, ctx: AppContext, out: Path, lang: str) -> None:
    from ui.login import LoginDialog

    dlg = LoginDialog(ctx.db)
    dlg.login.setText("demo.registrar.1")
    dlg.show()
    _wait(app, lambda: dlg.hint.isVisible())
    app.processEvents()
    _grab(dlg, out / f"login-{lang}.png")
    dlg.reject()


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="kantselaria-screenshots")
    p.add_argument("--db", required=True)
    p.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    p.add_argument("--lang", action="append", choices=i18n.LANGUAGES)
    args = p.parse_args(argv)
    for lang in args.lang or ["ka"]:
        try:
            shoot(args.db, args.out, lang)
        except Exception:  # the program's excepthook only logs: say it here, on stderr
            traceback.print_exc()
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
