"""Screenshots of the real window for docs/ and the README (``make screenshots``).

Run under Xvfb by ``scripts/screenshots``: opens the program on a demo database, waits
for the rows, and grabs each main screen (per language) into ``--out``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ui import i18n
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
    _wait(app, lambda: w.model.ready and w.model.row(0) is not None)
    w.table.selectRow(0)
    app.processEvents()
    _grab(w, out / f"main-window-{lang}.png")

    dlg = w.open_registration()
    dlg.doc_type.setCurrentIndex(dlg.doc_type.findData("foi"))
    type_text(dlg.from_name, "მარიამ ბერიძე")
    type_text(dlg.personal_id, "01019012345")
    type_text(dlg.subject, "ინფორმაცია 2026 წლის ბიუჯეტის შესრულების შესახებ")
    app.processEvents()
    _grab(dlg, out / f"registration-{lang}.png")
    dlg.reject()

    w.open_current()
    _wait(app, lambda: w.card is not None and w.card.isVisible())
    app.processEvents()
    assert w.card is not None
    _grab(w.card, out / f"card-{lang}.png")
    w.card.reject()

    loaded: list[bool] = []
    w.dashboard.loaded.connect(lambda: loaded.append(True))
    w.show_page("dashboard")
    _wait(app, lambda: bool(loaded))
    app.processEvents()
    _grab(w, out / f"dashboard-{lang}.png")

    reports = w.open_dialog("reports")
    app.processEvents()
    _grab(reports, out / f"reports-{lang}.png")
    reports.reject()
    w.close()
    ctx.db.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="kantselaria-screenshots")
    p.add_argument("--db", required=True)
    p.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    p.add_argument("--lang", action="append", choices=i18n.LANGUAGES)
    args = p.parse_args(argv)
    for lang in args.lang or ["ka"]:
        shoot(args.db, args.out, lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
