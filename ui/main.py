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
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from models.db import Database
    from ui.connection import ConnectionDialog
    from ui.context import AppContext

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


def bring_schema_up(db: Database, *, ask: bool, parent: QWidget | None = None) -> None:
    """Make the schema the program's, or refuse with the reason.

    The embedded file is created or upgraded silently (one clerk, one file). On a server an
    empty database gets its tables (the first start), but an older schema is upgraded only
    by an administrator — asked for here when *ask*, else ``SchemaMismatch``; a schema
    newer than the program is refused by ``prepare`` (update the program).
    """
    from app.setup import SchemaMismatch, prepare, schema_state

    if db.backend != "sqlite":
        state = schema_state(db)
        if state.status == "old":
            from ui.connection import ask_schema_upgrade

            if not ask or ask_schema_upgrade(db, state, parent) is None:
                raise SchemaMismatch(
                    "db.schema_old_admin", current=state.current or "—", head=state.head
                )
    prepare(db)  # a no-op but for the reference data when the schema is current


def open_context(url: str, login: bool = False, parent: QWidget | None = None) -> AppContext | None:
    """Open the database (see :func:`bring_schema_up`) and pick the acting user.

    With *login* the user logs in (or, on a new database, creates the administrator);
    None: the clerk cancelled. Without it (smoke test, screenshots, tests) the first
    administrator acts.
    """
    from app.auth import default_actor
    from app.clock import SystemClock
    from models.db import open_database
    from ui.context import AppContext

    db = open_database(url)
    try:
        bring_schema_up(db, ask=login, parent=parent)
        if login:
            from ui.login import ask_login

            chosen = ask_login(db, parent)
            if chosen is None:
                db.dispose()
                return None
            return AppContext(db=db, actor=chosen, clock=SystemClock(), url=url)
        with db.read() as s:
            actor = default_actor(s)
    except BaseException:
        db.dispose()
        raise
    assert actor is not None  # prepare() always seeds the administrator
    return AppContext(db=db, actor=actor, clock=SystemClock(), url=url)


class Startup(QObject):
    """The first database of a session. When the active profile's database cannot be
    opened, the clerk reads why (with the remedy) and then chooses another profile, or
    fixes this one, in the connection dialog — until one opens or the dialog is closed.

    ``finished`` carries the AppContext, or None (``code`` says why: the login was
    cancelled, or the clerk closed the connection dialog).
    """

    finished = Signal(object)

    def __init__(self, login: bool = True) -> None:
        super().__init__()
        from ui.tasks import TaskRunner

        self.login = login
        self.runner = TaskRunner()
        self.dialog: ConnectionDialog | None = None
        self.ctx: AppContext | None = None
        self.code: int | None = None  # set when finished

    @property
    def done(self) -> bool:
        return self.code is not None

    def open(self, url: str) -> None:
        """Try *url*; on failure say why and open (or keep open) the connection dialog."""
        from PySide6.QtWidgets import QMessageBox

        if self.done:
            return
        try:
            ctx = open_context(url, login=self.login, parent=self.dialog)
        except Exception as exc:
            log.exception("cannot open the database")
            hint = self.tr(
                "აირჩიეთ სხვა კავშირი ან შეასწორეთ ეს და დააჭირეთ „გამოყენება“. "
                "„დახურვა“ პროგრამას დახურავს."
            )
            QMessageBox.critical(
                self.dialog, self.tr("კანცელარია"), failure_text(exc) + "\n\n" + hint
            )
            self._choose()
            return
        if ctx is None:  # the login was cancelled
            if self.dialog is None:
                self._finish(None, EXIT_OK)
            else:
                self.dialog.set_current("")
            return
        self._finish(ctx, EXIT_OK)

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


class WindowHost:
    """The window on the current database; another database made active replaces both
    without restarting the program (the old connection pool is disposed)."""

    def __init__(self, ctx: AppContext, login: bool = False) -> None:
        from ui.main_window import MainWindow

        self.ctx = ctx
        self.login = login  # ask who works when the database changes
        self.window = MainWindow(ctx)
        self._connect()

    def _connect(self) -> None:
        self.window.reopen.connect(self.reopen)
        self.window.switch_user.connect(self.switch_user)

    def reopen(self, url: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        try:
            new_ctx = open_context(url, login=self.login, parent=self.window)
        except Exception as exc:
            log.exception("cannot open the database")
            QMessageBox.critical(self.window, self.window.tr("კანცელარია"), failure_text(exc))
            return False
        if new_ctx is None:
            return False
        self._replace(new_ctx, dispose_old=True)
        return True

    def switch_user(self) -> bool:
        """Another clerk logs in at this workstation: the same database, a new window."""
        from dataclasses import replace

        from ui.login import ask_login

        actor = ask_login(self.ctx.db, self.window)
        if actor is None:
            return False
        self._replace(replace(self.ctx, actor=actor), dispose_old=False)
        return True

    def _replace(self, new_ctx: AppContext, dispose_old: bool) -> None:
        from ui.main_window import MainWindow

        old_window, old_ctx = self.window, self.ctx
        self.ctx, self.window = new_ctx, MainWindow(new_ctx)
        self._connect()
        self.window.show()
        old_window.close()
        old_window.deleteLater()
        if dispose_old:
            old_ctx.db.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not has_display():
        sys.stderr.write(NO_DISPLAY)
        return EXIT_NO_DISPLAY

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QMessageBox

    app = make_application(args.lang)
    interactive = not (args.smoke or args.screenshot)
    try:
        url = args.db or default_db_url()
        if url is None:
            return EXIT_DB
        if interactive:  # a database that does not open: the connection dialog
            startup = Startup(login=True)
            startup.open(url)
            if not startup.done:
                loop = QEventLoop()
                startup.finished.connect(loop.quit)
                loop.exec()
            if startup.ctx is None:
                return startup.code if startup.code is not None else EXIT_DB
            ctx: AppContext | None = startup.ctx
        else:
            ctx = open_context(url)
        assert ctx is not None
    except Exception as exc:
        log.exception("cannot open the database")
        msg = failure_text(exc)
        if args.smoke:
            sys.stderr.write(msg + "\n")
        else:
            QMessageBox.critical(None, app.translate("main", "კანცელარია"), msg)
        return EXIT_DB

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


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
