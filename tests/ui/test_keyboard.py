"""Keyboard first, at any scaling: in every window and dialog each Alt+letter reaches one
control, and every window fits a Full HD screen at 150 % (1280 × 720 logical pixels) and
a 1366 × 768 laptop at 125 %.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)

from tests.ui.test_translations import english_qm, language, walk_everything

__all__ = ["english_qm", "language"]  # fixtures used through pytest

MNEMONIC = re.compile(r"(?<!&)&([^&\s])")
# Logical pixels left for a window (minus the taskbar and title bar) on common screens.
SCREENS = {"1920×1080 at 150 %": (1280, 680), "1366×768 at 125 %": (1093, 574)}


def mnemonic(text: str) -> str:
    m = MNEMONIC.search(text.replace("&&", ""))
    return m.group(1).casefold() if m else ""


def _holders(top: QWidget) -> list[tuple[str, str]]:
    """(who, text) of every control of *top* an Alt+letter can reach right now."""
    out: list[tuple[str, str]] = []
    for w in [top, *top.findChildren(QWidget)]:
        if w.window() is not top or not w.isVisibleTo(top) or isinstance(w, QMenu):
            continue
        who = f"{type(w).__name__}({w.objectName()})"
        if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None):
            out.append((who, w.text()))
        elif isinstance(w, QGroupBox) and w.isCheckable():
            out.append((who, w.title()))
        elif isinstance(w, QTabWidget):
            out += [(f"{who} tab", w.tabText(i)) for i in range(w.count())]
    if isinstance(top, QMainWindow):
        out += [("menu", a.text()) for a in top.menuBar().actions()]
    return out


def duplicate_mnemonics(top: QWidget) -> list[str]:
    found: list[str] = []
    groups: list[list[tuple[str, str]]] = [_holders(top)]
    menus = top.findChildren(QMenu)
    groups += [[("action", a.text()) for a in m.actions()] for m in menus]
    for group in groups:
        by_key: dict[str, list[str]] = defaultdict(list)
        for who, text in group:
            if key := mnemonic(text):
                by_key[key].append(f"{who} {text!r}")
        found += [f"{type(top).__name__}: Alt+{k}: {', '.join(v)}" for k, v in by_key.items()
                  if len(v) > 1]  # fmt: skip
    return found


def test_the_mnemonic_finder() -> None:
    assert [mnemonic(t) for t in ("&ფაილი", "ელ&ფოსტა", "A && B", "&&x &Y", "plain")] == [
        "ფ", "ფ", "", "y", "",
    ]  # fmt: skip


@pytest.mark.parametrize("language", ["ka", "en"], indirect=True)
def test_every_alt_letter_reaches_one_control(qtbot, ctx, language, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _texts, _data, tops = walk_everything(qtbot, ctx, tmp_path, monkeypatch)
    problems = [p for top in tops for p in duplicate_mnemonics(top)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["ka"], indirect=True)
def test_every_window_fits_a_scaled_screen(qtbot, ctx, language, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _texts, _data, tops = walk_everything(qtbot, ctx, tmp_path, monkeypatch)
    problems = []
    for top in tops:
        need = top.minimumSizeHint().expandedTo(top.minimumSize())
        for screen, (w, h) in SCREENS.items():
            if need.width() > w or need.height() > h:
                problems.append(
                    f"{type(top).__name__} needs {need.width()}×{need.height()} on {screen}"
                )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("factor", ["1.25", "1.5"])
def test_the_program_starts_scaled(factor: str, tmp_path: Path) -> None:
    env = {**os.environ, "QT_SCALE_FACTOR": factor, "QT_QPA_PLATFORM": "offscreen"}
    env.update(XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path))
    url = f"sqlite:///{tmp_path / 'scaled.sqlite3'}"
    done = subprocess.run(
        [sys.executable, "-m", "ui.main", "--smoke", "--db", url],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if "qt." in line.lower()]
    assert not warnings, "\n".join(warnings)
