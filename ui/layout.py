"""Layout helpers shared by the forms."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QLayout, QScrollArea, QWidget


def scrollable(content: QWidget | QLayout) -> QScrollArea:
    """*content* in a frameless scroll area that asks for the content's whole size, so a
    long form opens in full on a large screen and scrolls (following the keyboard focus)
    on a small or scaled one — 1366 × 768 at 125 % leaves 574 pixels of height."""
    if isinstance(content, QLayout):
        box = QWidget()
        box.setLayout(content)
        content = box
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    return area
