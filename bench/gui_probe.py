"""GUI timings on a registry, in a process of its own (so its peak memory is its own).

``python -m bench.gui_probe --db URL`` opens the real main window offscreen and prints
one JSON line: ms from ``show()`` to the first rows painted, ms to scroll to the last
row and see it loaded, ms to open a search result, and the process's peak RSS in MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Callable


def _wait(app: object, ready: Callable[[], bool], seconds: float = 120.0) -> None:
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    end = time.perf_counter() + seconds
    while not ready():
        if time.perf_counter() > end:
            raise TimeoutError("the window did not get ready")
        app.processEvents()


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--search", default="ბერიძე")
    args = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from ui.main import make_application, open_context
    from ui.main_window import MainWindow

    app = make_application("ka")
    ctx = open_context(args.db)
    assert ctx is not None  # no login asked: the first administrator acts
    window = MainWindow(ctx)
    shown: list[float] = []
    window.first_rows_shown.connect(lambda: shown.append(time.perf_counter()))
    t0 = time.perf_counter()
    window.show()
    _wait(app, lambda: bool(shown) and window.model.row(0) is not None)
    window.table.viewport().repaint()
    first_rows = (time.perf_counter() - t0) * 1000

    model = window.model
    last = model.rowCount() - 1
    t1 = time.perf_counter()
    window.table.scrollToBottom()
    _wait(app, lambda: model.row(last) is not None)
    window.table.viewport().repaint()
    scroll_end = (time.perf_counter() - t1) * 1000

    t2 = time.perf_counter()
    window.search.setText(args.search)
    window.run_search()
    _wait(
        app,
        lambda: (
            bool(model.query.ids)
            and model.ready
            and (model.rowCount() == 0 or model.row(0) is not None)
        ),
    )
    search_ms = (time.perf_counter() - t2) * 1000

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "documents": last + 1,
                "first_rows_ms": round(first_rows, 1),
                "scroll_to_end_ms": round(scroll_end, 1),
                "search_in_window_ms": round(search_ms, 1),
                "peak_rss_mb": round(peak_mb, 1),
            }
        )
    )
    window.close()
    ctx.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
