"""Typing Georgian into widgets (GUI tests and the screenshot tool).

``qtbot.keyClicks(widget, "ბერიძე")`` aborts the process (Qt's ASCII key mapping asserts),
so non-ASCII text is sent as one QKeyEvent per character with the text set and
``Key_unknown`` as the key — what a Georgian keyboard layout delivers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )
