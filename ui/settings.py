"""Settings of this workstation: the interface language (Georgian by default, or English).

The choice is saved (QSettings ``ui/language``) and applied at once: Qt texts through the
translator, app/ messages through the catalogue. This dialog re-reads its own texts on
the LanguageChange event; windows opened from then on are in the new language; a window
already open keeps its texts until it is opened again (``language_changed`` lets its
owner rebuild it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui import i18n


class SettingsDialog(QDialog):
    language_changed = Signal(str)  # the language just applied: "ka" or "en"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings")
        self.setMinimumWidth(420)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code in i18n.LANGUAGES:  # each language named in itself, never translated
            self.language.addItem(i18n.NAMES[code], code)
        self.language.setCurrentIndex(i18n.LANGUAGES.index(i18n.current_language()))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(mid);")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        apply = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply.clicked.connect(self.apply)

        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.note)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("პარამეტრები"))
        self.language_label.setText(self.tr("ინტერფეისის &ენა"))
        self.note.setText(
            self.tr(
                "ახალი ენა მაშინვე ვრცელდება შეტყობინებებზე და ახლად გახსნილ ფანჯრებზე; "
                "უკვე გახსნილი ფანჯარა ახალ ენაზე გადავა, როცა მას ხელახლა გახსნით."
            )
        )
        for button, text in (
            (QDialogButtonBox.StandardButton.Ok, self.tr("&შენახვა")),
            (QDialogButtonBox.StandardButton.Apply, self.tr("&გამოყენება")),
            (QDialogButtonBox.StandardButton.Cancel, self.tr("გაუქმება")),
        ):
            self.buttons.button(button).setText(text)

    def chosen(self) -> str:
        return str(self.language.currentData())

    def apply(self) -> None:
        """Save the chosen language and switch to it now (nothing happens if unchanged)."""
        lang = self.chosen()
        i18n.save_language(lang)
        if lang == i18n.current_language():
            return
        app = QCoreApplication.instance()
        assert app is not None
        i18n.install(app, lang)
        self.language_changed.emit(lang)

    def accept(self) -> None:
        self.apply()
        super().accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
