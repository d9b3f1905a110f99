"""Languages: Georgian is the reference text in tr(); English comes from a .qm file.

The choice is per workstation (QSettings ``ui/language``) and also switches the
language of messages raised in app/.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from app import messages

LANGUAGES = ("ka", "en")
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return Path(str(files("resources") / "translations"))


def saved_language() -> str:
    value = QSettings().value("ui/language", "ka")
    return value if value in LANGUAGES else "ka"


def save_language(lang: str) -> None:
    QSettings().setValue("ui/language", lang)


def install(app: QCoreApplication, lang: str) -> str:
    """Apply *lang* to Qt widgets and to app/ messages; returns the language applied."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    lang = lang if lang in LANGUAGES else "ka"
    messages.set_language(lang)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Georgian if lang == "ka" else QLocale.Language.English,
            QLocale.Country.Georgia,
        )
    )
    if lang != "ka":
        t = QTranslator(app)
        if t.load(str(translations_dir() / f"kantselaria_{lang}.qm")):
            app.installTranslator(t)
            _installed.append(t)
    return lang
