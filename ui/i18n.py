"""Languages: Georgian is the reference text in tr(); English comes from a .qm file.

The choice is per workstation (QSettings ``ui/language``) and also switches the
language of messages raised in app/. Qt's own texts (Yes/No of a question, the context
menu of a text field) come from Qt's translation of the same language.

The .qm is compiled from resources/translations/kantselaria_en.ts by
``scripts/translations compile`` (``make run``, ``make test`` and ``make dist`` do it).
"""

from __future__ import annotations

import logging
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from app import messages

LANGUAGES = ("ka", "en")
NAMES = {"ka": "ქართული", "en": "English"}  # each in its own language
_installed: list[QTranslator] = []
log = logging.getLogger("kantselaria.ui")


def translations_dir() -> Path:
    return Path(str(files("resources") / "translations"))


def saved_language() -> str:
    value = QSettings().value("ui/language", "ka")
    return value if value in LANGUAGES else "ka"


def save_language(lang: str) -> None:
    QSettings().setValue("ui/language", lang if lang in LANGUAGES else "ka")


def current_language() -> str:
    return messages.current_language()


def _load(app: QCoreApplication, name: str, folder: str) -> bool:
    t = QTranslator(app)
    if not t.load(name, folder):
        return False
    app.installTranslator(t)
    _installed.append(t)
    return True


def uninstall(app: QCoreApplication) -> None:
    """Remove the translators :func:`install` added (tests restore the bare state)."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()


def install(app: QCoreApplication, lang: str) -> str:
    """Apply *lang* to Qt widgets and to app/ messages; returns the language applied.

    Installing a translator sends every widget a LanguageChange event: a window that
    re-reads its texts then (see ui/settings.py) switches at once; the others show the
    new language when they are next opened.
    """
    uninstall(app)
    lang = lang if lang in LANGUAGES else "ka"
    messages.set_language(lang)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Georgian if lang == "ka" else QLocale.Language.English,
            QLocale.Country.Georgia,
        )
    )
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang != "en":  # Qt's own texts are English already
        _load(app, f"qtbase_{lang}", qt_dir)
    if lang != "ka" and not _load(app, f"kantselaria_{lang}", str(translations_dir())):
        log.warning(
            "no %s translation in %s — run `scripts/translations compile` (make run does)",
            lang,
            translations_dir(),
        )
    return lang
