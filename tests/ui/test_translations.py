"""One language per interface: every window and dialog is walked and every text a clerk can
read is collected — no English word left in the Georgian interface, no Georgian letter in
the English one. Data is not interface: what the database holds without an English twin
(names of people, subjects, registration numbers, holidays) is taken out first; a column
that has an ``_en`` twin (document types, departments) must be shown in English.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QAbstractListModel, QLocale, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QWidget,
)
from sqlalchemy import MetaData, String, select

from app import messages
from app.extensions import stop_clock
from app.profiles import DEFAULT_PROFILE
from app.registration import RegisteredDocument, RegistrationInput, register
from ui import i18n
from ui import importing as importing_module
from ui.context import AppContext
from ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "translations"

GEORGIAN = re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf]")
LATIN_WORD = re.compile(r"[A-Za-z]+")
# Names a Georgian clerk reads in Latin letters: products, formats, keys, protocol options.
ALLOWED_LATIN = {
    "PDF", "Excel", "CSV", "SQL", "Server", "SQLite", "PostgreSQL", "Microsoft", "ODBC",
    "Driver", "for", "Windows", "IP", "Ctrl", "Enter", "Esc", "keyring", "Encrypt",
    "TrustServerCertificate", "xlsx", "xlsm", "sqlite", "db", "dbo", "public", "English",
    "DB", "SQLEXPRESS", "meria", "local", "SHA", "SMTP", "eml", "PNG",
    "JPEG", "STARTTLS",
}  # fmt: skip
# Kind letters and registration numbers (შ-12/2026, შ, გ, შდ) are Georgian in every
# language: they are what is written on the paper.
REG_NUMBER = re.compile(
    r"(?<![\u10d0-\u10ff])[\u10d0-\u10ff]{1,2}(?:-[\w{}:/]+)?(?![\u10d0-\u10ff])"
)
TOKEN = re.compile(r"\{[^{}]*\}")  # {seq:05d}, {yyyy} in the template help
TAG = re.compile(r"<[a-zA-Z/][^>]*>")
SHORTCUT = re.compile(r"\b(?:Ctrl|Shift|Alt)\+\w+")
LANGUAGE_NAMES = set(i18n.NAMES.values())  # the language choice names each in itself
NOT_DATA_TABLES = {"audit_log", "correspondent_words", "document_words", "alembic_version"}

PATH = re.compile(r"(?:/|\b[A-Za-z]:\\)[^\s]*[/\\][^\s]*")  # a file's path is data
EXCEL_COLUMN = re.compile(r"^[A-Z]{1,3}(?= \(|$)")  # "B (თარიღი)": the journal's column B
# Georgian that app/ hands the English interface today (labels made with the default
# language, not the chosen one). Each must still be met, so a fix shows here: remove it.
KNOWN_GEORGIAN: dict[tuple[str, str], str] = {
}  # fmt: skip

Text = tuple[str, str]  # (where, text)


@dataclass
class Data:
    """Texts that are data, not interface: everywhere, or only in the windows named."""

    common: list[str] = field(default_factory=list)
    scoped: dict[str, list[str]] = field(default_factory=dict)


# --- collecting what is on the screen ---------------------------------------------------
def _plain(text: str) -> str:
    if TAG.search(text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _model_texts(view: QAbstractItemView, where: str, cells: bool) -> Iterator[Text]:
    model = view.model()
    if model is None:
        return
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    for col in range(columns):
        yield f"{where} header {col}", str(model.headerData(col, Qt.Orientation.Horizontal) or "")
    if not cells:
        return
    for row in range(min(model.rowCount(), 100)):
        for col in range(columns):
            value = model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield f"{where} cell {row},{col}", value


def _menu_texts(menu: QMenu, where: str) -> Iterator[Text]:
    yield f"{where} menu", menu.title()
    for act in menu.actions():
        yield f"{where} action", act.text()
        yield f"{where} action tip", act.toolTip()
        if act.menu() is not None:
            yield from _menu_texts(act.menu(), where)


def visible_texts(top: QWidget, skip_cells: tuple[QWidget, ...] = ()) -> list[Text]:
    """Every text of *top* and its children a user can read (hidden ones too: they show)."""
    name = type(top).__name__
    out: list[Text] = [(f"{name} title", top.windowTitle())]
    for w in [top, *top.findChildren(QWidget)]:
        if w.window() is not top:
            continue  # a dialog of this window: walked on its own
        at = f"{name}/{type(w).__name__}({w.objectName()})"
        found: list[Text] = [(f"{at} tooltip", w.toolTip())]
        if isinstance(w, QLabel):
            found.append((at, w.text()))
        if isinstance(w, QAbstractButton):
            found.append((at, w.text()))
        if isinstance(w, QGroupBox):
            found.append((at, w.title()))
        if isinstance(w, QLineEdit):
            found.append((f"{at} placeholder", w.placeholderText()))
        if isinstance(w, QPlainTextEdit):
            found.append((f"{at} placeholder", w.placeholderText()))
        if isinstance(w, QSpinBox):
            found += [(f"{at} suffix", w.suffix()), (f"{at} prefix", w.prefix())]
        if isinstance(w, QAbstractSpinBox) and not isinstance(w, QDateTimeEdit):
            found.append((f"{at} special", w.specialValueText()))
        if isinstance(w, QComboBox):
            found += [(f"{at} item {i}", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            found += [(f"{at} tab {i}", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):
            found += _model_texts(w, at, cells=w not in skip_cells)
        if isinstance(w, QMenu):
            found += _menu_texts(w, at)
        for act in w.actions():
            found += [(f"{at} action", act.text()), (f"{at} action tip", act.toolTip())]
        out += found
    return [(where, _plain(text)) for where, text in out if text and text.strip()]


# --- what is data, not interface --------------------------------------------------------
def data_values(ctx: AppContext) -> list[str]:
    """Texts in the database that have no English twin."""
    meta = MetaData()
    values: set[str] = {ctx.where(), ctx.url}
    with ctx.db.read() as s:
        meta.reflect(bind=s.connection())
        for table in meta.tables.values():
            if table.name in NOT_DATA_TABLES:
                continue
            cols = [c for c in table.columns if isinstance(c.type, String)]
            names = {c.name for c in cols}
            for row in s.execute(select(*cols)).mappings() if cols else ():
                for col in cols:
                    value = row[col.name]
                    twin = f"{col.name}_en"
                    if col.name.endswith("_en") or (twin in names and row[twin]):
                        continue  # interface in one language or the other, never "data"
                    if isinstance(value, str) and value.strip():
                        values.add(value.strip())
    return sorted(values)


def _department_names(ctx: AppContext) -> list[str]:
    from models.tables import Department

    with ctx.db.read() as s:
        return [n for row in s.execute(select(Department.name, Department.name_en)) for n in row]


def interface_part(text: str, data: list[str]) -> str:
    text = PATH.sub(" ", text)  # first: a short data value ("no") could split a path
    for value in data:
        if len(value) > 1:
            text = text.replace(value, " ")
    text = TOKEN.sub(" ", text)
    return EXCEL_COLUMN.sub(" ", SHORTCUT.sub(" ", text))


def _data_for(where: str, data: Data) -> list[str]:
    scoped = [
        v for prefix, values in data.scoped.items() if where.startswith(prefix) for v in values
    ]
    return sorted([*data.common, *scoped], key=len, reverse=True)


def english_in_georgian(texts: list[Text], data: Data) -> list[str]:
    bad = []
    for where, text in texts:
        rest = interface_part(text, _data_for(where, data))
        words = [w for w in LATIN_WORD.findall(rest) if w not in ALLOWED_LATIN]
        if words and text not in LANGUAGE_NAMES:
            bad.append(f"{where}: {text!r} (English: {', '.join(words)})")
    return bad


def georgian_in_english(texts: list[Text], data: Data) -> tuple[list[str], set[tuple[str, str]]]:
    """Texts with Georgian left in them; and which KNOWN_GEORGIAN entries were met."""
    bad, met = [], set()
    for where, text in texts:
        rest = interface_part(text, _data_for(where, data))
        for key in KNOWN_GEORGIAN:
            prefix, word = key
            if where.startswith(prefix) and word in rest:
                rest = rest.replace(word, " ")
                met.add(key)
        rest = REG_NUMBER.sub(" ", rest)
        if GEORGIAN.search(rest) and text not in LANGUAGE_NAMES:
            bad.append(f"{where}: {text!r}")
    return bad, met


# --- the program in one language --------------------------------------------------------
@pytest.fixture(scope="session")
def english_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed .ts compiled as `make` does, into a folder of this test run."""
    folder = tmp_path_factory.mktemp("translations")
    qm = folder / "kantselaria_en.qm"
    subprocess.run([sys.executable, str(SCRIPT), "compile", "--qm", str(qm)], check=True)
    return folder


@pytest.fixture
def language(qapp, english_qm: Path, monkeypatch: pytest.MonkeyPatch, request) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Install a language as the program does at start (before any window exists)."""
    monkeypatch.setattr(i18n, "translations_dir", lambda: english_qm)
    before = QLocale()
    lang = i18n.install(qapp, request.param)
    assert lang == request.param and messages.current_language() == lang
    yield lang
    i18n.uninstall(qapp)
    messages.set_language("ka")
    QLocale.setDefault(before)


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Let every background load finish and its result reach the widgets."""
    for _ in range(3):
        assert TaskRunner.wait_all(15_000)
        QApplication.sendPostedEvents()
        qtbot.wait(1)


JOURNAL = [
    ["რეგ. №", "თარიღი", "ვისგან", "შინაარსი"],
    [1, "01.03.2019", "ნინო ბერიძე", "მიწის ნაკვეთი"],
    [2, "გუშინ", "ანა კაპანაძე", "ხის მოჭრა"],  # a date no one can read
]


def _journal(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "2019"
    for row in JOURNAL:
        ws.append(row)
    wb.save(path)
    return path


def _documents(ctx: AppContext) -> tuple[RegisteredDocument, RegisteredDocument]:
    def reg(subject: str, name: str) -> RegisteredDocument:
        inp = RegistrationInput(kind="incoming", doc_type="foi", subject=subject, from_name=name)
        return register(ctx.db, ctx.actor, inp, ctx.clock)

    open_doc = reg("ინფორმაცია ბიუჯეტზე", "თამარ ხუციშვილი")
    waiting = reg("მიწის ნაკვეთის საზღვრები", "გიორგი ლომიძე")
    stop_clock(ctx.db, ctx.actor, waiting.id, None, "ეთხოვა საკადასტრო ნახაზი", ctx.clock)
    return open_doc, waiting


def walk_everything(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch
) -> tuple[list[Text], Data, list[QWidget]]:  # type: ignore[no-untyped-def]
    """Open every window and dialog of the program; return their texts, what is data, and
    the windows themselves."""
    from ui.connection import PasswordDialog
    from ui.dialogs.card import RegisteredNotice
    from ui.errors import show_apology
    from ui.login import FirstAdminDialog, LoginDialog
    from ui.mail import SendDialog
    from ui.main_window import MainWindow
    from ui.settings import SettingsDialog

    doc, waiting = _documents(ctx)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.ready, timeout=10_000)
    tops: list[QWidget] = [window]
    window.show_page("dashboard")  # the overview with its figures

    keys = ("templates", "deadlines", "calendar", "correspondents", "reports", "import")
    for key in (*keys, "users", "departments", "office"):
        tops.append(window.open_dialog(key))
    tops += [window.open_registration(), window.open_connection()]

    journal = _journal(tmp_path / "ჟურნალი.xlsx")
    monkeypatch.setattr(importing_module, "choose_journal", lambda parent, start="": journal)
    importer = window.dialogs["import"]
    importer.browse_button.click()
    qtbot.waitUntil(
        lambda: importer.preview is not None and not importer.inspecting, timeout=10_000
    )
    importer.dry_run()  # fills the table of errors
    qtbot.waitUntil(
        lambda: importer.last_result is not None and not importer.running, timeout=15_000
    )

    # The card of an open document with its extend / stop dialogs, then of a stopped one.
    for d, buttons in ((doc, ("extend_button", "stop_button")), (waiting, ("resume_button",))):
        window.open_document(d.id)
        qtbot.waitUntil(
            lambda d=d: window.card is not None and window.card.card.id == d.id, timeout=10_000
        )
        card = window.card
        tops.append(card)
        for button in buttons:
            getattr(card, button).click()
            assert card.action_dialog is not None
            tops.append(card.action_dialog)
        if d is doc:  # routing: resolution, answer, close, cancel, e-mail
            for button in ("assign_button", "finish_button", "cancel_button"):
                getattr(card, button).click()
                assert card.action_dialog is not None
                tops.append(card.action_dialog)
            tops += [card.open_answer(), SendDialog(ctx, window.runner, card.card, card)]
    others = [
        LoginDialog(ctx.db, window),
        FirstAdminDialog(ctx.db, window),
        RegisteredNotice(ctx, window.runner, doc, window),
        SettingsDialog(window),
        PasswordDialog("სერვერი", window, can_remember=True),
        show_apology(window, RuntimeError("a test error")),
    ]
    for w in others:
        w.show()
    tops += others
    settle(qtbot)

    texts: list[Text] = []
    for top in tops:
        texts += visible_texts(top, skip_cells=(window.table,))
    assert {type(t).__name__ for t in tops} >= {
        "MainWindow", "TemplatesDialog", "DeadlineRulesDialog", "CalendarDialog",
        "CorrespondentsDialog", "ReportsDialog", "ImportDialog", "RegistrationDialog",
        "ConnectionDialog", "CardDialog", "ExtendDialog", "StopClockDialog",
        "ResumeClockDialog", "RegisteredNotice", "SettingsDialog", "PasswordDialog",
        "QMessageBox", "UsersDialog", "DepartmentsDialog", "OfficeDialog", "ResolutionDialog",
        "AnswerDialog", "ReasonDialog", "SendDialog", "LoginDialog", "FirstAdminDialog",
    }  # fmt: skip
    connection = window.dialogs["connection"]
    data = Data(
        common=[*data_values(ctx), DEFAULT_PROFILE.name, "სერვერი", "a test error"],
        scoped={
            # What the journal file holds, and the ODBC drivers this computer has.
            "ImportDialog/": [str(c) for row in JOURNAL for c in row] + ["2019"],
            # The administrator edits both names of a department side by side.
            "DepartmentsDialog/": _department_names(ctx),
            "ConnectionDialog/": [
                connection.driver.itemText(i) for i in range(connection.driver.count())
            ],
        },
    )
    return texts, data, tops


@pytest.mark.parametrize("language", ["ka"], indirect=True)
def test_no_english_in_the_georgian_interface(qtbot, ctx, language, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    texts, data, _tops = walk_everything(qtbot, ctx, tmp_path, monkeypatch)
    assert len(texts) > 400  # the walk reached every dialog
    assert ("MainWindow/QMenuBar() action", "დოკუმენტი") in texts
    bad = english_in_georgian(texts, data)
    assert not bad, "English in the Georgian interface:\n" + "\n".join(bad)


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_no_georgian_in_the_english_interface(qtbot, ctx, language, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    texts, data, _tops = walk_everything(qtbot, ctx, tmp_path, monkeypatch)
    assert len(texts) > 400
    assert ("MainWindow/QMenuBar() action", "Document") in texts  # the .qm is loaded
    bad, met = georgian_in_english(texts, data)
    assert not bad, "Georgian in the English interface:\n" + "\n".join(bad)
    fixed = {f"{k}: {why}" for k, why in KNOWN_GEORGIAN.items() if k not in met}
    assert not fixed, "Fixed — remove from KNOWN_GEORGIAN:\n" + "\n".join(sorted(fixed))


def test_every_ui_string_has_a_reviewed_english_translation() -> None:
    """`scripts/translations check`: the committed .ts holds every tr() string of ui/ with
    a finished translation (run `make translations` and translate what it lists)."""
    r = subprocess.run(
        [sys.executable, str(SCRIPT), "check"], capture_output=True, text=True, check=False
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_the_checkers_see_what_they_should(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(KNOWN_GEORGIAN, ("CardDialog/", "შემოსული"), "a known leftover")
    data = Data(common=["თამარ ხუციშვილი"], scoped={"Import": ["Sheet1"]})
    ka = [("a", "მომხმარებელი: თამარ ხუციშვილი"), ("b", "ბაზა: /tmp/k.sqlite3"),
          ("c", "ბეჭდვა (Ctrl+P)"), ("d", "Save"), ("e", "ნიმუში: {seq:05d}"),
          ("Import", "Sheet1"), ("f", "Sheet1"), ("g", "B (თარიღი)")]  # fmt: skip
    assert english_in_georgian(ka, data) == [
        "d: 'Save' (English: Save)",
        "f: 'Sheet1' (English: Sheet)",
    ]
    en = [("a", "User: თამარ ხუციშვილი"), ("b", "e.g. შ-12/2026"), ("c", "Kind (შ, გ, შდ)"),
          ("d", "Document შემოსული"), ("e", "English"), ("f", "ქართული"),
          ("CardDialog/QLabel", "შემოსული")]  # fmt: skip
    bad, met = georgian_in_english(en, data)
    assert bad == ["d: 'Document შემოსული'"]
    assert met == {("CardDialog/", "შემოსული")}


@pytest.mark.parametrize("language", ["ka"], indirect=True)
def test_settings_switch_to_english_at_once_and_remember_it(qtbot, ctx, language) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow
    from ui.settings import SettingsDialog

    dlg = SettingsDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.windowTitle() == "პარამეტრები"
    assert [dlg.language.itemText(i) for i in range(dlg.language.count())] == ["ქართული", "English"]
    dlg.language.setCurrentIndex(dlg.language.findData("en"))
    with qtbot.waitSignal(dlg.language_changed) as changed:
        dlg.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    assert changed.args == ["en"]
    qtbot.waitUntil(lambda: dlg.windowTitle() == "Settings", timeout=5_000)  # re-read at once
    assert dlg.language_label.text() == "Interface &language"
    assert "windows opened from now on" in dlg.note.text()
    assert i18n.saved_language() == "en" and messages.current_language() == "en"
    window = MainWindow(ctx)  # a window opened now speaks English
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "&Document"

    dlg.language.setCurrentIndex(dlg.language.findData("ka"))
    dlg.accept()  # Save: back to Georgian, and the dialog closes
    assert not dlg.isVisible()
    assert i18n.saved_language() == "ka" and messages.current_language() == "ka"
    qtbot.waitUntil(lambda: dlg.windowTitle() == "პარამეტრები", timeout=5_000)
