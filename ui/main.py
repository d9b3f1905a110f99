"""``kantselaria``: start the window.

Options: ``--db URL`` (default: $KANTSELARIA_DB or the embedded file), ``--lang ka|en``,
``--smoke`` (open the database, show the window, wait for the first rows, exit 0 —
for packaging tests), ``--screenshot FILE`` (save the window once rows are painted).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog

from ui import collector

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from app.auth import Actor
    from app.setup import SchemaState
    from models.db import Database
    from ui.connection import ConnectionDialog
    from ui.context import AppContext
    from ui.tasks import Control, TaskRunner

NO_DISPLAY = """\
კანცელარიას ეკრანი სჭირდება, მაგრამ ვერ ვპოულობ (DISPLAY / WAYLAND_DISPLAY არ არის).
  • სამუშაო მაგიდაზე გაუშვით პროგრამა გრაფიკული სესიიდან;
  • სერვერზე: sudo apt-get install xvfb და შემდეგ xvfb-run make run;
  • შესამოწმებლად ეკრანის გარეშე: QT_QPA_PLATFORM=offscreen kantselaria --smoke
Kantselaria needs a display and found none (DISPLAY / WAYLAND_DISPLAY are unset).
  • start it from a graphical session;
  • on a server: sudo apt-get install xvfb, then: xvfb-run make run;
  • a smoke test without a screen: QT_QPA_PLATFORM=offscreen kantselaria --smoke
"""

EXIT_OK, EXIT_NO_DISPLAY, EXIT_DB = 0, 2, 3
log = logging.getLogger("kantselaria.ui")


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="kantselaria", description="კანცელარია")
    p.add_argument("--db", help="database URL (default: $KANTSELARIA_DB or the embedded file)")
    p.add_argument("--lang", choices=("ka", "en"), help="interface language")
    p.add_argument("--smoke", action="store_true", help="start, show the window, exit 0")
    p.add_argument("--screenshot", type=Path, help="save a PNG of the window and exit")
    p.add_argument("--size", default="1280x760", help="window size for --screenshot")
    return p.parse_args(argv)


def load_fonts() -> str | None:
    """Register the bundled DejaVu fonts so the window looks the same on a bare machine."""
    from PySide6.QtGui import QFontDatabase

    family = None
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        path = files("resources") / "fonts" / name
        fid = QFontDatabase.addApplicationFont(str(path))
        if fid >= 0 and family is None:
            fams = QFontDatabase.applicationFontFamilies(fid)
            family = fams[0] if fams else None
    return family


def default_db_url() -> str | None:
    """``$KANTSELARIA_DB``, else the workstation's active connection profile.

    A server profile whose password is not remembered asks for it; None: cancelled.
    """
    from app import profiles
    from app.errors import UserError

    try:
        return profiles.current_url().render_as_string(hide_password=False)
    except UserError as exc:
        if exc.key != "profile.password_needed":
            raise
    from ui.connection import ask_password

    answer = ask_password(None, profiles.active_profile().name)
    if answer is None:
        return None
    password, remember = answer
    if remember:
        profiles.store_password(profiles.active_profile(), password)
    return profiles.current_url(password).render_as_string(hide_password=False)


def make_application(lang: str | None = None) -> QApplication:
    """The QApplication with our fonts, logging, apology hook and language."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from app import __version__
    from ui import errors, i18n

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    collector.install()  # garbage is collected on the GUI thread only (see ui/collector.py)
    app.setOrganizationName("Kantselaria")
    app.setApplicationName("Kantselaria")
    app.setApplicationVersion(__version__)
    family = load_fonts()
    if family:
        app.setFont(QFont(family, 10))
    errors.setup_logging()
    errors.install_excepthook()
    i18n.install(app, lang or i18n.saved_language())
    return app


def failure_text(exc: BaseException) -> str:
    """Why a database did not open, in Georgian with the remedy (never a traceback)."""
    from app.connection import explain
    from app.errors import UserError

    return exc.message() if isinstance(exc, UserError) else explain(exc).message()


@dataclass(frozen=True)
class OpenRequest:
    """What opening a database needs (plain data for the worker)."""

    url: str
    login: bool  # the clerk logs in; an older server schema may be upgraded by an admin


@dataclass(frozen=True)
class Opened:
    """A database brought up to the program's schema, or waiting for its administrator."""

    db: Database
    old: SchemaState | None = None  # an older server schema: an administrator upgrades it
    actor: Actor | None = None  # without login: the first administrator acts
    first_admin: bool = False  # with login: the administrator's password is not set yet


def bring_up(r: OpenRequest, control: Control | None = None) -> Opened:
    """Open *r.url* and make the schema the program's, or refuse with the reason (worker).

    The embedded file is created or upgraded silently (one clerk, one file), Alembic and
    the re-index included. On a server an empty database gets its tables (the first
    start), but an older schema is upgraded only by an administrator — returned as
    ``old`` to ask when logging in, else ``SchemaMismatch``; a schema newer than the
    program is refused by ``prepare`` (update the program).
    """
    from app.setup import SchemaMismatch, schema_state
    from models.db import open_database

    db = open_database(r.url)
    try:
        if db.backend != "sqlite":
            state = schema_state(db)
            if state.status == "old":
                if not r.login:
                    raise SchemaMismatch(
                        "db.schema_old_admin", current=state.current or "—", head=state.head
                    )
                return Opened(db, old=state)
        opened = finish_bringing_up(db, r.login)
        if control is not None:
            control.check()  # Cancel pressed meanwhile: nothing is kept open
        return opened
    except BaseException:
        db.dispose()
        raise


def finish_bringing_up(db: Database, login: bool) -> Opened:
    """The reference data (a no-op when the schema is current) and who acts (worker)."""
    from app import users
    from app.auth import default_actor
    from app.setup import prepare

    prepare(db)
    if login:
        return Opened(db, first_admin=users.needs_first_admin(db))
    with db.read() as s:
        actor = default_actor(s)
    assert actor is not None  # prepare() always seeds the administrator
    return Opened(db, actor=actor)


def open_context(url: str) -> AppContext:
    """Open the database for scripts (screenshots, bench) — the first administrator acts.

    Runs in the calling thread: the window opens databases through :class:`Opener`.
    """
    from app.clock import clock_for
    from ui.context import AppContext

    opened = bring_up(OpenRequest(url, login=False))
    assert opened.actor is not None
    clock = clock_for(opened.db, background=True)  # the server's, asked off the GUI thread
    return AppContext(db=opened.db, actor=opened.actor, clock=clock, url=url)


class Opener(QObject):
    """Opens a database off the GUI thread, behind a progress window with Cancel.

    Alembic's upgrade, the re-index and a slow or unreachable server all wait on a worker;
    the GUI thread only asks what needs a person: an administrator for an older server
    schema, and (with *login*) who works. Emits ``opened(AppContext)``, ``failed(exc)``
    (show :func:`failure_text`) or ``cancelled()`` — Cancel in the progress window
    (``stage`` is still "opening") or the login dialog closed (``stage`` "login").
    """

    opened = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(
        self, runner: TaskRunner, url: str, *, login: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__()
        self.runner, self.url, self.login, self.parent_widget = runner, url, login, parent
        self.login_dialog: QDialog | None = None
        self._db: Database | None = None  # opened, waiting for the login
        self.stage = "opening"  # then "login" while the login dialog is open
        self.finished = False

    def start(self) -> None:
        self.runner.run(
            bring_up,
            OpenRequest(self.url, login=self.login),
            self._brought_up,
            on_error=self._fail,
            label=self.tr("მონაცემთა ბაზის გახსნა…"),
            on_cancel=self._cancel,
        )

    def _brought_up(self, opened: Opened) -> None:
        from app.setup import SchemaMismatch
        from ui import connection

        db = opened.db
        if opened.old is not None:
            try:
                upgraded = connection.ask_schema_upgrade(db, opened.old, self.parent_widget)
            except BaseException as exc:
                _dispose_later(self.runner, db)
                self._fail(exc)
                return
            if upgraded is None:
                _dispose_later(self.runner, db)
                old = opened.old
                self._fail(
                    SchemaMismatch("db.schema_old_admin", current=old.current or "—", head=old.head)
                )
                return
            self.runner.run(
                _finish_or_dispose,
                (db, self.login),
                self._brought_up,
                on_error=self._fail,
                label=self.tr("მონაცემთა ბაზის გახსნა…"),
                on_cancel=lambda: self._cancel(db),
            )
            return
        if not self.login:
            assert opened.actor is not None
            self._open(db, opened.actor)
            return
        from ui.login import login_dialog

        dlg = login_dialog(db, opened.first_admin, self.parent_widget)
        self.login_dialog, self._db, self.stage = dlg, db, "login"
        dlg.finished.connect(self._logged_in)
        dlg.open()

    def _logged_in(self, code: int) -> None:
        dlg, self.login_dialog = self.login_dialog, None
        if dlg is None:
            return
        actor, db, self._db = getattr(dlg, "actor", None), self._db, None
        dlg.deleteLater()
        collector.collect_soon()
        assert db is not None
        if code != QDialog.DialogCode.Accepted or actor is None:
            self._cancel(db)
            return
        self._open(db, actor)

    def _open(self, db: Database, actor: Actor) -> None:
        from app.clock import clock_for
        from ui.context import AppContext

        self.finished = True
        clock = clock_for(db, background=True)  # the server's, asked off the GUI thread
        self.opened.emit(AppContext(db=db, actor=actor, clock=clock, url=self.url))

    def _fail(self, exc: BaseException) -> None:
        self.finished = True
        self.failed.emit(exc)

    def _cancel(self, db: Database | None = None) -> None:
        if db is not None:
            _dispose_later(self.runner, db)
        self.finished = True
        self.cancelled.emit()


def _finish_or_dispose(p: tuple[Database, bool], _c: Control) -> Opened:
    db, login = p
    try:
        return finish_bringing_up(db, login)
    except BaseException:
        db.dispose()
        raise


def _dispose(db: Database, _c: Control) -> None:
    db.dispose()


def _dispose_later(runner: TaskRunner, db: Database) -> None:
    """Close a database's connections off the GUI thread (a server may be slow to answer)."""
    runner.run(_dispose, db, lambda _none: None)


class Startup(QObject):
    """The first database of a session. When the active profile's database cannot be
    opened, the clerk reads why (with the remedy) and then chooses another profile, or
    fixes this one, in the connection dialog — until one opens or the dialog is closed.

    ``finished`` carries the AppContext, or None (``code`` says why: the login was
    cancelled, or the clerk closed the connection dialog). Not *interactive* (the smoke
    test, screenshots): the first failure finishes with ``EXIT_DB`` and ``error`` set.
    """

    finished = Signal(object)

    def __init__(self, login: bool = True, interactive: bool = True) -> None:
        super().__init__()
        from ui.tasks import TaskRunner

        self.login = login
        self.interactive = interactive
        self.runner = TaskRunner()
        self.dialog: ConnectionDialog | None = None
        self.opener: Opener | None = None
        self.ctx: AppContext | None = None
        self.error: BaseException | None = None
        self.code: int | None = None  # set when finished

    @property
    def done(self) -> bool:
        return self.code is not None

    @property
    def opening(self) -> bool:
        return self.opener is not None and not self.opener.finished

    def open(self, url: str) -> None:
        """Try *url* (off the GUI thread); on failure say why and open (or keep open) the
        connection dialog."""
        if self.done or self.opening:
            return
        opener = Opener(self.runner, url, login=self.login, parent=self.dialog)
        opener.opened.connect(lambda ctx: self._finish(ctx, EXIT_OK))
        opener.failed.connect(self._failed)
        opener.cancelled.connect(self._cancelled)
        self.opener = opener
        opener.start()

    def _failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        log.error("cannot open the database", exc_info=exc)
        if not self.interactive:
            self.error = exc
            self._finish(None, EXIT_DB)
            return
        hint = self.tr(
            "აირჩიეთ სხვა კავშირი ან შეასწორეთ ეს და დააჭირეთ „გამოყენება“. "
            "„დახურვა“ პროგრამას დახურავს."
        )
        QMessageBox.critical(self.dialog, self.tr("კანცელარია"), failure_text(exc) + "\n\n" + hint)
        self._choose()

    def _cancelled(self) -> None:
        """Cancel in the progress window: choose another database (or retry this one).
        The login cancelled: the clerk did not want to work — as before, the end."""
        opening = self.opener is not None and self.opener.stage == "opening"
        if opening and self.interactive:
            self._choose()
        elif self.dialog is None:
            self._finish(None, EXIT_OK)
        else:
            self.dialog.set_current("")

    def _choose(self) -> None:
        from ui.connection import ConnectionDialog

        if self.dialog is not None:
            self.dialog.set_current("")  # activating the same profile again retries it
            return
        dlg = ConnectionDialog(self.runner, None, "", can_upgrade=False)
        dlg.activated.connect(self.open)
        dlg.rejected.connect(lambda: self._finish(None, EXIT_DB))
        self.dialog = dlg
        dlg.show()

    def _finish(self, ctx: AppContext | None, code: int) -> None:
        if self.done:
            return
        self.ctx, self.code = ctx, code
        dlg, self.dialog = self.dialog, None
        if dlg is not None:
            dlg.accept()  # accepted, not rejected: no second finish
            dlg.deleteLater()
        self.finished.emit(ctx)


class WindowHost(QObject):
    """The window on the current database; another database made active replaces both
    without restarting the program (the old connection pool is disposed).

    Opening the other database and checking a login run off the GUI thread: ``reopened``
    and ``switched`` say how it ended (True: a new window shows).
    """

    reopened = Signal(bool)
    switched = Signal(bool)

    def __init__(self, ctx: AppContext, login: bool = False) -> None:
        super().__init__()
        from ui.main_window import MainWindow
        from ui.tasks import TaskRunner

        self.ctx = ctx
        self.login = login  # ask who works when the database changes
        self.runner = TaskRunner()  # not the window's: it outlives the windows it replaces
        self.opener: Opener | None = None
        self.login_dialog: QDialog | None = None
        self._asking = False
        self.window = MainWindow(ctx)
        self._connect()

    def _connect(self) -> None:
        self.window.reopen.connect(self.reopen)
        self.window.switch_user.connect(self.switch_user)

    @property
    def busy(self) -> bool:
        opening = self.opener is not None and not self.opener.finished
        return opening or self._asking or self.login_dialog is not None

    def reopen(self, url: str) -> None:
        """Open *url* off the GUI thread; the window is replaced once it opened."""
        if self.busy:
            return
        opener = Opener(self.runner, url, login=self.login, parent=self.window)
        opener.opened.connect(self._reopened)
        opener.failed.connect(self._reopen_failed)
        opener.cancelled.connect(lambda: self.reopened.emit(False))
        self.opener = opener
        opener.start()

    def _reopened(self, new_ctx: AppContext) -> None:
        self._replace(new_ctx, dispose_old=True)
        self.reopened.emit(True)

    def _reopen_failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        log.error("cannot open the database", exc_info=exc)
        QMessageBox.critical(self.window, self.window.tr("კანცელარია"), failure_text(exc))
        self.reopened.emit(False)

    def switch_user(self) -> None:
        """Another clerk logs in at this workstation: the same database, a new window."""
        from ui.errors import show_error

        if self.busy:
            return
        window = self.window

        def failed(exc: BaseException) -> None:
            self._asking = False
            show_error(window, exc)
            self.switched.emit(False)

        self._asking = True  # busy from now until the login dialog closes
        self.runner.run(_needs_first_admin, self.ctx.db, self._ask_login, on_error=failed)

    def _ask_login(self, first_admin: bool) -> None:
        from ui.login import login_dialog

        self._asking = False
        dlg = login_dialog(self.ctx.db, first_admin, self.window)
        self.login_dialog = dlg
        dlg.finished.connect(self._logged_in)
        dlg.open()

    def _logged_in(self, code: int) -> None:
        from dataclasses import replace

        dlg, self.login_dialog = self.login_dialog, None
        if dlg is None:
            return
        actor = getattr(dlg, "actor", None)
        dlg.deleteLater()
        collector.collect_soon()
        if code != QDialog.DialogCode.Accepted or actor is None:
            self.switched.emit(False)
            return
        self._replace(replace(self.ctx, actor=actor), dispose_old=False)
        self.switched.emit(True)

    def _replace(self, new_ctx: AppContext, dispose_old: bool) -> None:
        from ui.main_window import MainWindow

        old_window, old_ctx = self.window, self.ctx
        self.ctx, self.window = new_ctx, MainWindow(new_ctx)
        self._connect()
        self.window.show()
        old_window.close()
        old_window.destroyed.connect(collector.collect_soon)  # an idle point: free it all
        old_window.deleteLater()
        if dispose_old:
            _dispose_later(self.runner, old_ctx.db)


def _needs_first_admin(db: Database, _c: Control) -> bool:
    from app import users

    return users.needs_first_admin(db)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not has_display():
        sys.stderr.write(NO_DISPLAY)
        return EXIT_NO_DISPLAY

    from PySide6.QtCore import QEventLoop, QTimer

    app = make_application(args.lang)
    interactive = not (args.smoke or args.screenshot)
    try:
        url = args.db or default_db_url()
        if url is None:
            return EXIT_DB
    except Exception as exc:
        log.exception("cannot open the database")
        return _cannot_open(exc, args.smoke)
    # Interactive: a database that does not open leads to the connection dialog. Opening
    # (Alembic, the re-index, a slow server) runs off the GUI thread either way.
    startup = Startup(login=interactive, interactive=interactive)
    startup.open(url)
    if not startup.done:
        loop = QEventLoop()
        startup.finished.connect(loop.quit)
        loop.exec()
    if startup.ctx is None:
        if startup.error is not None:
            return _cannot_open(startup.error, args.smoke)
        return startup.code if startup.code is not None else EXIT_DB
    ctx: AppContext = startup.ctx

    host = WindowHost(ctx, login=interactive)
    window = host.window
    if args.screenshot:
        w, h = (int(x) for x in args.size.split("x"))
        window.resize(w, h)
    window.show()

    if args.smoke or args.screenshot:
        shot: Path | None = args.screenshot

        def finish() -> None:
            if shot is not None:
                shot.parent.mkdir(parents=True, exist_ok=True)
                window.grab().save(str(shot))
                print(f"screenshot: {shot}")
            else:
                print(f"smoke ok: {window.model.rowCount()} documents")
            window.close()
            app.exit(EXIT_OK)

        window.first_rows_shown.connect(lambda: QTimer.singleShot(200, finish))
        QTimer.singleShot(20_000, lambda: app.exit(4))  # never hang a build or CI
    code = app.exec()
    host.ctx.db.dispose()
    return code


def _cannot_open(exc: BaseException, smoke: bool) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    msg = failure_text(exc)
    if smoke:
        sys.stderr.write(msg + "\n")
    else:
        QMessageBox.critical(None, QApplication.translate("main", "კანცელარია"), msg)
    return EXIT_DB


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
