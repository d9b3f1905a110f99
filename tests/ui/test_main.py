"""The program as a clerk starts it: smoke run, no display, the document card."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from app.registration import RegistrationInput, register
from ui.dialogs import card as card_module


def _run(args: list[str], env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**env, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    return subprocess.run(
        [sys.executable, "-m", "ui.main", *args],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_smoke_opens_the_database_and_exits_zero(sqlite_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = _run(["--smoke", "--db", sqlite_url], env, tmp_path)
    assert r.returncode == 0, r.stderr
    assert "smoke ok: 0 documents" in r.stdout


def test_without_a_display_it_says_how_to_get_one(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    r = _run(["--smoke"], env, tmp_path)
    assert r.returncode == 2
    assert "xvfb-run" in r.stderr and "QT_QPA_PLATFORM=offscreen" in r.stderr


def test_unreachable_database_is_explained(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    url = "postgresql+psycopg2://nobody@127.0.0.1:9/none"
    r = _run(["--smoke", "--db", url], env, tmp_path)
    assert r.returncode == 3
    assert "სერვერ" in r.stderr  # Georgian explanation, not a traceback
    assert "Traceback" not in r.stderr


def test_enter_opens_the_card_and_ctrl_p_prints_the_slip(qtbot, window, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    doc = register(
        ctx.db, ctx.actor,
        RegistrationInput(kind="incoming", doc_type="foi", subject="ინფორმაცია ბიუჯეტზე",
                          from_name="თამარ ხუციშვილი"),
        ctx.clock,
    )  # fmt: skip
    opened: list[Path] = []
    monkeypatch.setattr(card_module, "open_file", opened.append)
    with qtbot.waitSignal(window.model.loaded, timeout=10_000):
        window.model.refresh()
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.card is not None and window.card.isVisible(), timeout=10_000)
    card = window.card
    assert card.card.number == doc.number
    assert "სზაკ" in card.card.due_explanation  # why the deadline is what it is
    qtbot.keyClick(card, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(opened), timeout=15_000)
    assert opened[0].read_bytes().startswith(b"%PDF")
