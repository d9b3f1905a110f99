"""Database connection of this workstation: the profiles, one editor, Test, Save, Activate.

Works with no database open (the program may have failed to open the last one), so it
needs only a :class:`TaskRunner`. Profiles are kept by :mod:`app.profiles` (JSON in the
user's configuration folder); a password goes to the operating system's keyring when
there is one, never to that file — without a keyring it lives only in this dialog's
memory and the program asks for it again (:class:`PasswordDialog`).

Reading and writing the profiles, the keyring, the ODBC driver list and the connection
test all run off the GUI thread. ``activated(url)`` is emitted when the clerk makes a
profile active and its database is not the one open now: the main window reopens the
database with that URL (it carries the password — never log it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url

from app import messages, profiles
from app.connection import (
    DEFAULT_TIMEOUT,
    ConnectionProfile,
    ConnectionReport,
    check_odbc,
    default_file,
    is_legacy_driver,
    open_profile,
    preferred_driver,
    profile_url,
    sorted_drivers,
    try_profile,
)
from app.errors import UserError, ValidationError
from app.setup import SchemaState, prepare, schema_state, upgrade_as_admin
from models.db import Database
from ui.admin.common import (
    ERROR_STYLE,
    NOTICE_STYLE,
    InlineErrors,
    confirm,
    error_label,
    failure_handler,
    notice_label,
    tab_chain,
)
from ui.errors import show_error
from ui.tasks import Control, TaskRunner

PREFERRED_DRIVER = "ODBC Driver 18 for SQL Server"
PG_PORT = 5432
OK_STYLE = NOTICE_STYLE
FAIL_STYLE = ERROR_STYLE + " border: 1px solid #b3261e; padding: 4px;"
_ODBC_PART = re.compile(r"(?i)(?:^|;)\s*(SERVER|DATABASE)\s*=\s*(\{(?:[^}]|\}\})*\}|[^;]*)")


class WrappedLabel(QLabel):
    """A word-wrapped label whose minimum height is that of its wrapped lines.

    Qt gives a wrapped label the minimum height of one line, and a window no minimum for
    the extra lines; a note shown or lengthened after the window opened is then squeezed
    over the rows around it. With the lines' height as minimum the window grows instead.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def _fit(self) -> None:
        if not self.isVisible():  # not laid out yet: its width means nothing
            return
        need = max(self.heightForWidth(self.width()), 0) if self.text() else 0
        if need != self.minimumHeight():
            self.setMinimumHeight(need)


def where(url: str) -> str:
    """The database of *url* as a clerk names it (never with the password)."""
    if not url:
        return ""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return u.database or ":memory:"
    odbc = u.query.get("odbc_connect")
    if isinstance(odbc, str):
        found = {k.upper(): v.strip("{}").replace("}}", "}") for k, v in _ODBC_PART.findall(odbc)}
        return f"{found.get('SERVER', '')}/{found.get('DATABASE', '')}"
    port = f":{u.port}" if u.port else ""
    return f"{u.host or ''}{port}/{u.database or ''}"


def _same_database(a: str, b: str) -> bool:
    if not a or not b:
        return False
    try:
        return make_url(a) == make_url(b)
    except Exception:  # an unparsable URL is not the same database
        return False


# -- the password asked when it is not stored ------------------------------------------------


class PasswordDialog(QDialog):
    """Ask the password of a server profile (``profile.password_needed``).

    ``password()`` is what was typed; ``remember()`` whether the clerk wants it kept in
    the keyring (offered only when there is one — storing it is the caller's job, via
    :func:`app.profiles.store_password`, off the GUI thread).
    """

    def __init__(
        self, profile_name: str, parent: QWidget | None = None, *, can_remember: bool = False
    ) -> None:
        super().__init__(parent)
        self._can_remember = can_remember
        self.setWindowTitle(self.tr("პაროლი"))
        self.setMinimumWidth(420)
        text = QLabel(messages.render("profile.password_needed", {"name": profile_name}))
        text.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        lbl = QLabel(self.tr("&პაროლი"))
        lbl.setBuddy(self.password_edit)
        self.remember_box = QCheckBox(self.tr("&დამახსოვრება ამ კომპიუტერის პაროლების საცავში"))
        self.remember_box.setVisible(can_remember)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&შესვლა"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("გაუქმება"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(lbl)
        row.addWidget(self.password_edit, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addLayout(row)
        lay.addWidget(self.remember_box)
        lay.addWidget(buttons)
        self.password_edit.setFocus()

    def password(self) -> str:
        return self.password_edit.text()

    def remember(self) -> bool:
        return self._can_remember and self.remember_box.isChecked()

    @classmethod
    def ask(
        cls, parent: QWidget | None, profile_name: str, *, can_remember: bool = False
    ) -> tuple[str, bool] | None:
        """Modal: (password, remember) or None when the clerk cancelled."""
        dlg = cls(profile_name, parent, can_remember=can_remember)
        try:
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return None
            return dlg.password(), dlg.remember()
        finally:
            dlg.deleteLater()


# -- results of the background work -------------------------------------------------------------


@dataclass(frozen=True)
class _Loaded:
    store: profiles.ProfileStore
    keyring: bool
    stored: frozenset[str]  # names of the profiles whose password is in the keyring


@dataclass(frozen=True)
class _Saved:
    loaded: _Loaded
    name: str
    password_kept: bool  # the password went to the keyring
    url: str = ""  # with Activate: the URL of the (now active) profile's database


@dataclass(frozen=True)
class _Tested:
    report: ConnectionReport
    state: SchemaState | None


def _load() -> _Loaded:
    store = profiles.load()
    keyring = profiles.keyring_available()
    stored = frozenset(
        p.name for p in store.profiles if keyring and profiles.load_password(p) is not None
    )
    return _Loaded(store, keyring, stored)


def _dispose(db: Database, _c: Control) -> None:
    db.dispose()


def _password(
    p: ConnectionProfile, typed: str, session: str | None, original: ConnectionProfile | None
) -> str | None:
    """The password to use: typed, else remembered in this session, else the keyring's."""
    if not profiles.needs_password(p):
        return None
    if typed:
        return typed
    if session is not None:
        return session
    return profiles.load_password(original or p)


# -- the dialog ------------------------------------------------------------------------------------


class ConnectionDialog(QDialog):
    """Connection profiles: list, editor, Test / Save / Activate.

    *current_url* is the database open now (shown on top; activating its profile again
    emits nothing). *can_upgrade*: offer to create or upgrade an old schema after a
    test (pass False for users who are not administrators).
    """

    activated = Signal(str)  # the URL of the database to open now (contains the password)
    saved = Signal(str)  # the name of the profile saved

    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget | None = None,
        current_url: str = "",
        *,
        can_upgrade: bool = True,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._current_url = current_url
        self._can_upgrade = can_upgrade
        self._loaded = _Loaded(profiles.ProfileStore(), False, frozenset())
        self._original: ConnectionProfile | None = None  # the saved profile being edited
        self._extra: dict[str, str] = {}
        self._session: dict[str, str] = {}  # passwords typed here when there is no keyring
        self._test_gen = 0
        self._tested: ConnectionProfile | None = None
        self.ready = False  # profiles loaded
        self.drivers_ready = False
        self.busy = False
        self.last_report: ConnectionReport | None = None
        self.last_state: SchemaState | None = None
        self.active_password: str | None = None  # of the profile last activated here
        self.setWindowTitle(self.tr("მონაცემთა ბაზასთან კავშირი"))
        self.setMinimumWidth(820)

        self.current = QLabel()
        self.current.setObjectName("current")
        self.current.setWordWrap(True)
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._show_current()

        # -- the list of profiles
        self.list = QListWidget()
        self.list.setMinimumWidth(230)
        self.list.currentItemChanged.connect(self._item_chosen)
        list_label = QLabel(self.tr("&კავშირები"))
        list_label.setBuddy(self.list)
        self.new_button = QPushButton(self.tr("ა&ხალი"))
        self.new_button.clicked.connect(self.new_profile)
        self.delete_button = QPushButton(self.tr("&წაშლა"))
        self.delete_button.clicked.connect(self.delete_profile)
        self.delete_button.setEnabled(False)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.new_button)
        list_buttons.addWidget(self.delete_button)
        left = QVBoxLayout()
        left.addWidget(list_label)
        left.addWidget(self.list, 1)
        left.addLayout(list_buttons)

        # -- the editor
        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind, title in (
            ("embedded", self.tr("ჩაშენებული ბაზა (ფაილი ამ კომპიუტერზე)")),
            ("mssql", self.tr("Microsoft SQL Server")),
            ("postgresql", self.tr("PostgreSQL")),
        ):
            self.kind.addItem(title, kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.file = QLineEdit()
        self.file.setPlaceholderText(default_file())
        self.browse_button = QPushButton(self.tr("&არჩევა…"))
        self.browse_button.clicked.connect(self._browse)
        file_row = QWidget()
        file_lay = QHBoxLayout(file_row)
        file_lay.setContentsMargins(0, 0, 0, 0)
        file_lay.addWidget(self.file, 1)
        file_lay.addWidget(self.browse_button)
        self.server = QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(PG_PORT)
        self.database = QLineEdit()
        self.auth = QComboBox()
        self.auth.addItem(self.tr("SQL Server-ის ავტორიზაცია (მომხმარებელი და პაროლი)"), "sql")
        self.auth.addItem(self.tr("Windows-ის ავტორიზაცია (ინტეგრირებული)"), "windows")
        self.auth.currentIndexChanged.connect(self._update_rows)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_note = WrappedLabel()
        self.password_note.setObjectName("password_note")
        self.driver = QComboBox()
        self.driver.setEditable(True)
        self.driver.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.driver_error = error_label("driver_error")
        self.driver_legacy = WrappedLabel(
            self.tr(
                "ეს მოძველებული დრაივერია: ქართული ტექსტი და კავშირის დაშიფვრა მასში ბოლომდე "
                "არ მუშაობს. დააყენეთ და აირჩიეთ Microsoft ODBC Driver 18 for SQL Server."
            )
        )
        self.driver_legacy.setObjectName("driver_legacy")
        self.driver_legacy.setStyleSheet(ERROR_STYLE)
        self.driver_legacy.hide()
        self.driver.currentTextChanged.connect(
            lambda text: self.driver_legacy.setVisible(is_legacy_driver(text))
        )
        driver_box = QWidget()
        driver_lay = QVBoxLayout(driver_box)
        driver_lay.setContentsMargins(0, 0, 0, 0)
        driver_lay.setSpacing(1)
        driver_lay.addWidget(self.driver)
        driver_lay.addWidget(self.driver_error)
        driver_lay.addWidget(self.driver_legacy)
        self.encrypt = QCheckBox(self.tr("კავშირის &დაშიფვრა (Encrypt)"))
        self.trust = QCheckBox(self.tr("სერვერის სე&რტიფიკატის ნდობა (TrustServerCertificate)"))
        self.timeout = QSpinBox()
        self.timeout.setRange(1, 300)
        self.timeout.setValue(DEFAULT_TIMEOUT)
        self.timeout.setSuffix(self.tr(" წმ"))
        self.schema = QLineEdit()
        self.schema.setPlaceholderText(self.tr("ნაგულისხმევი (dbo / public)"))

        self.errors = InlineErrors()
        self.form = QFormLayout()
        self._rows: dict[str, QWidget] = {}
        for key, title, widget in (
            ("profile_name", self.tr("&სახელი"), self.name),
            ("kind", self.tr("&ტიპი"), self.kind),
            ("file", self.tr("&ფაილი"), file_row),
            ("server", self.tr("სერ&ვერი"), self.server),
            ("port", self.tr("&პორტი"), self.port),
            ("database", self.tr("&ბაზა"), self.database),
            ("auth", self.tr("ავტორი&ზაცია"), self.auth),
            ("username", self.tr("&მომხმარებელი"), self.username),
            ("password", self.tr("პარო&ლი"), self.password),
            ("password_note", "", self.password_note),
            ("driver", self.tr("ODBC დრა&ივერი"), driver_box),
            ("encrypt", "", self.encrypt),
            ("trust", "", self.trust),
            ("timeout", self.tr("ლოდინის დრ&ო"), self.timeout),
            ("schema", self.tr("სქ&ემა"), self.schema),
        ):
            if key in ("password_note", "driver", "encrypt", "trust"):
                field: QWidget = widget
            else:
                field = self.errors.field(key, widget)
            lbl = QLabel(title)
            if title:
                lbl.setBuddy(self.driver if key == "driver" else widget)
            self.form.addRow(lbl, field)
            self._rows[key] = field
        editor = QGroupBox(self.tr("კავშირის პარამეტრები"))
        editor_lay = QVBoxLayout(editor)
        editor_lay.addLayout(self.form)
        editor_lay.addWidget(self.errors.general)

        # -- test, schema, actions
        self.test_result = QLabel()
        self.test_result.setObjectName("test_result")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_result.hide()
        self.upgrade_button = QPushButton(self.tr("სქემის შე&ქმნა / განახლება"))
        self.upgrade_button.clicked.connect(self.upgrade_schema)
        self.upgrade_button.hide()
        self.notice = notice_label("notice")

        self.test_button = QPushButton(self.tr("&შემოწმება"))
        self.test_button.clicked.connect(self.test_connection)
        self.save_button = QPushButton(self.tr("შე&ნახვა"))
        self.save_button.clicked.connect(self.save)
        self.activate_button = QPushButton(self.tr("&გამოყენება"))
        self.activate_button.setToolTip(
            self.tr("შეინახავს კავშირს, გახდის მას აქტიურად და გახსნის მის ბაზას")
        )
        self.activate_button.clicked.connect(self.activate)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("დახურვა"))
        for b in (self.test_button, self.save_button, self.activate_button):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addWidget(editor)
        right.addWidget(self.test_result)
        right.addWidget(self.upgrade_button, 0, Qt.AlignmentFlag.AlignLeft)
        right.addWidget(self.notice)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 3)
        lay = QVBoxLayout(self)
        lay.addWidget(self.current)
        lay.addLayout(body, 1)
        lay.addWidget(buttons)
        for b in self.findChildren(QPushButton):
            b.setAutoDefault(False)
        tab_chain(
            self,
            self.list,
            self.new_button,
            self.delete_button,
            self.name,
            self.kind,
            self.file,
            self.browse_button,
            self.server,
            self.port,
            self.database,
            self.auth,
            self.username,
            self.password,
            self.driver,
            self.encrypt,
            self.trust,
            self.timeout,
            self.schema,
            self.test_button,
            self.save_button,
            self.activate_button,
            close,
        )

        self._set_busy(True)
        self._update_rows()
        self._update_password_note()
        self._runner.run(
            lambda _p, _c: _load(), None, self._loaded_done, on_error=self._load_failed, owner=self
        )
        self._runner.run(
            lambda _p, _c: check_odbc(),
            None,
            self._drivers_done,
            on_error=self._drivers_failed,
            owner=self,
        )

    # -- loading ---------------------------------------------------------------------------

    def _loaded_done(self, loaded: _Loaded, select: str = "") -> None:
        self._loaded = loaded
        self.ready = True
        self._set_busy(False)
        self._fill_list(select or loaded.store.active)
        self._update_password_note()

    def _load_failed(self, exc: BaseException) -> None:
        self.ready = True
        self._set_busy(False)
        self._fill_list("")
        self._failed(exc)

    def _drivers_done(self, drivers: list[str]) -> None:
        chosen = self.driver.currentText()
        self.driver.clear()
        # Driver 18, 17, FreeTDS first; the legacy "SQL Server" driver last, marked so
        for name in sorted_drivers(drivers):
            self.driver.addItem(name)
            if is_legacy_driver(name):
                self.driver.setItemData(
                    self.driver.count() - 1,
                    self.tr("ძველი დრაივერი — არ გამოიყენოთ"),
                    Qt.ItemDataRole.ToolTipRole,
                )
        self.drivers_ready = True
        if not drivers:
            self.driver_error.setText(
                self.tr(
                    "ამ კომპიუტერზე SQL Server-ის ODBC დრაივერი არ არის. დააყენეთ "
                    "Microsoft ODBC Driver 18 for SQL Server."
                )
            )
            self.driver_error.show()
        self._set_driver(chosen)

    def _drivers_failed(self, exc: BaseException) -> None:
        self.drivers_ready = True
        if isinstance(exc, UserError):
            self.driver_error.setText(exc.message())
            self.driver_error.show()
        else:
            show_error(self, exc)

    def drivers(self) -> list[str]:
        return [self.driver.itemText(i) for i in range(self.driver.count())]

    def _set_driver(self, name: str) -> None:
        found = self.drivers()
        if not name:  # a new profile never gets the legacy driver by itself
            name = preferred_driver(found)
        i = self.driver.findText(name)
        if i >= 0:
            self.driver.setCurrentIndex(i)
        else:
            self.driver.setEditText(name)

    # -- the list --------------------------------------------------------------------------

    def _fill_list(self, select: str) -> None:
        store = self._loaded.store
        self.list.blockSignals(True)
        self.list.clear()
        chosen: QListWidgetItem | None = None
        for p in store.profiles:
            active = p.name == store.active
            text = p.name + ("  ✓ " + self.tr("(აქტიური)") if active else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, p.name)
            item.setToolTip(p.describe())
            if active:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
            if p.name == select:
                chosen = item
        self.list.blockSignals(False)
        if chosen is None and self.list.count():
            chosen = self.list.item(0)
        if chosen is not None:
            self.list.setCurrentItem(chosen)
            self._item_chosen(chosen, None)

    def profile_names(self) -> list[str]:
        """The saved profiles listed (without the unsaved new one)."""
        names = (self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count()))
        return [str(n) for n in names if n is not None]

    def select_profile(self, name: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentRow(i)
                return

    def _item_chosen(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        if name is None:  # the unsaved new profile's row
            if self._original is not None:
                self.show_profile(None)
            return
        p = self._loaded.store.get(str(name))
        if p is not None:
            self.show_profile(p)

    def _placeholder(self) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) is None:
                return self.list.item(i)
        return None

    # -- the editor ------------------------------------------------------------------------

    def show_profile(self, p: ConnectionProfile | None) -> None:
        """Put *p* into the editor (None: a new, unsaved profile)."""
        self._test_gen += 1
        self._tested = None
        self._original = p
        p = p or ConnectionProfile(name=self.tr("ახალი კავშირი"), kind="mssql", file="")
        self._extra = dict(p.extra)
        self.errors.clear()
        self.test_result.hide()
        self.upgrade_button.hide()
        self.notice.hide()
        self.name.setText(p.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(p.kind)))
        self.file.setText(p.file)
        host, port = p.server, PG_PORT
        if p.kind == "postgresql":
            h, _, pt = p.server.partition(":")
            host, port = h, int(pt) if pt.isdigit() else PG_PORT
        self.server.setText(host)
        self.port.setValue(port)
        self.database.setText(p.database)
        self.auth.setCurrentIndex(max(0, self.auth.findData(p.auth)))
        self.username.setText(p.username)
        self.password.clear()
        self._set_driver(p.driver)
        self.encrypt.setChecked(p.encrypt)
        self.trust.setChecked(p.trust_server_certificate)
        self.timeout.setValue(max(1, min(300, int(p.timeout))))
        self.schema.setText(p.schema)
        is_saved = self._original is not None
        active = is_saved and p.name == self._loaded.store.active
        self.delete_button.setEnabled(is_saved and not active and not self.busy)
        self.delete_button.setToolTip(
            self.tr("აქტიურ კავშირს ვერ წაშლით — ჯერ სხვა გამოიყენეთ.") if active else ""
        )
        self._update_rows()
        self._update_password_note()

    def profile(self) -> ConnectionProfile:
        """The profile as the editor shows it (not checked yet: Save checks it)."""
        kind = str(self.kind.currentData())
        server = self.server.text().strip()
        if kind == "postgresql" and server:
            server = f"{server}:{self.port.value()}"
        base = self._original or ConnectionProfile()
        return replace(
            base,
            name=self.name.text().strip(),
            kind=kind,
            file=self.file.text().strip() if kind == "embedded" else "",
            server=server if kind != "embedded" else "",
            database=self.database.text().strip() if kind != "embedded" else base.database,
            auth=str(self.auth.currentData()) if kind == "mssql" else "sql",
            username=self.username.text().strip() if kind != "embedded" else "",
            driver=self.driver.currentText().strip() if kind == "mssql" else "",
            encrypt=self.encrypt.isChecked(),
            trust_server_certificate=self.trust.isChecked(),
            timeout=self.timeout.value(),
            schema=self.schema.text().strip() if kind != "embedded" else "",
            extra=dict(self._extra),
        )

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        if kind == "postgresql":
            self.server.setPlaceholderText(self.tr("ჰოსტი, მაგ. db.meria.local"))
        else:
            self.server.setPlaceholderText(
                self.tr("სერვერი\\ინსტანცია ან ჰოსტი,პორტი — მაგ. DB01\\SQLEXPRESS")
            )
        if not self.database.text().strip() and kind != "embedded":
            self.database.setText("kantselaria")
        self._update_rows()
        self._update_password_note()

    def _update_rows(self) -> None:
        kind = self.kind.currentData()
        server = kind in ("mssql", "postgresql")
        windows = kind == "mssql" and self.auth.currentData() == "windows"
        visible = {
            "file": kind == "embedded",
            "server": server,
            "port": kind == "postgresql",
            "database": server,
            "auth": kind == "mssql",
            "username": server and not windows,
            "password": server and not windows,
            "password_note": server and not windows,
            "driver": kind == "mssql",
            "encrypt": kind == "mssql",
            "trust": kind == "mssql",
            "timeout": server,
            "schema": server,
        }
        for key, shown in visible.items():
            self.form.setRowVisible(self._rows[key], shown)

    def _update_password_note(self) -> None:
        saved = self._original is not None and self._original.name in self._loaded.stored
        if self._loaded.keyring:
            note = self.tr(
                "პაროლი შეინახება ოპერაციული სისტემის პაროლების საცავში (keyring) — "
                "არასოდეს ფაილში ან ჟურნალში."
            )
        else:
            note = self.tr(
                "ამ კომპიუტერზე პაროლების საცავი (keyring) არ არის: პაროლი არ შეინახება "
                "და პროგრამა მას ყოველ გახსნაზე გკითხავთ."
            )
        self.password_note.setText(note)
        self.password.setPlaceholderText(
            self.tr("შენახულია — დატოვეთ ცარიელი, რომ არ შეიცვალოს") if saved else ""
        )

    def _browse(self) -> None:
        start = self.file.text().strip() or default_file()
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("ბაზის ფაილი"),
            start,
            self.tr("SQLite ბაზა (*.sqlite3 *.sqlite *.db);;ყველა ფაილი (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if chosen:
            self.file.setText(chosen)

    def new_profile(self) -> None:
        """A new, unsaved profile: a placeholder row in the list and a blank editor."""
        item = self._placeholder()
        if item is None:
            item = QListWidgetItem(self.tr("ახალი კავშირი (შეუნახავი)"))
            item.setData(Qt.ItemDataRole.UserRole, None)
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
            self.list.addItem(item)
        self.list.blockSignals(True)
        self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.show_profile(None)
        self.name.setFocus()
        self.name.selectAll()

    # -- helpers -------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for b in (
            self.test_button,
            self.save_button,
            self.activate_button,
            self.new_button,
            self.upgrade_button,
        ):
            b.setEnabled(not busy)
        orig = self._original
        deletable = orig is not None and orig.name != self._loaded.store.active
        self.delete_button.setEnabled(not busy and deletable)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, UserError):
            self.errors.show(exc)
        else:
            show_error(self, exc)

    def set_current(self, url: str) -> None:
        """The database open now ("" when none: activating any profile emits ``activated``)."""
        self._current_url = url
        self._show_current()

    def _show_current(self) -> None:
        shown = where(self._current_url)
        self.current.setText(
            self.tr("ახლა გახსნილია: ") + shown if shown else self.tr("ბაზა არ არის გახსნილი.")
        )

    def _typed_password(self) -> str:
        return self.password.text() if self.password.isVisibleTo(self) else ""

    def _password_missing(self, p: ConnectionProfile) -> bool:
        """A server login with no password typed, remembered or stored."""
        if not profiles.needs_password(p) or not p.username or self._typed_password():
            return False
        orig = self._original
        known = self._session.keys() | self._loaded.stored
        return orig is None or orig.name not in known

    def _ask_password_inline(self, p: ConnectionProfile) -> None:
        self.errors.show(
            ValidationError("profile.password_needed", field="password", name=p.name or "?")
        )

    # -- Test ------------------------------------------------------------------------------

    def test_connection(self) -> None:
        """Connect once off the GUI thread; show ok + time + schema, or the remedy."""
        self.errors.clear()
        self.notice.hide()
        self.upgrade_button.hide()
        p = self.profile()
        if self._password_missing(p):
            self._ask_password_inline(p)
            return
        typed = self._typed_password()
        orig = self._original
        session = self._session.get(orig.name) if orig is not None else None
        self._test_gen += 1
        gen = self._test_gen
        self.test_result.setText(self.tr("მიმდინარეობს შემოწმება…"))
        self.test_result.setStyleSheet("")
        self.test_result.show()
        self._set_busy(True)

        def work(_p: None, _c: Control) -> _Tested:
            seen: list[SchemaState] = []

            def state(db: Database) -> str:
                st = schema_state(db)
                seen.append(st)
                return st.status

            report = try_profile(p, _password(p, typed, session, orig), state)
            return _Tested(report, seen[0] if seen else None)

        def done(t: _Tested) -> None:
            self._set_busy(False)
            if gen != self._test_gen:
                return
            self._tested = p
            self._show_report(t.report, t.state)

        def cancelled() -> None:
            self._set_busy(False)
            if gen == self._test_gen:
                self.test_result.setText(self.tr("შემოწმება გაუქმდა."))

        self._runner.run(
            work,
            None,
            done,
            on_error=self._failed,
            label=self.tr("კავშირის შემოწმება…"),
            owner=self,
            on_cancel=cancelled,
        )

    def _show_report(self, report: ConnectionReport, state: SchemaState | None) -> None:
        self.last_report = report
        self.last_state = state
        if not report.ok:
            self.test_result.setStyleSheet(FAIL_STYLE)
            self.test_result.setText("✘ " + report.message)
            self.test_result.show()
            return
        text = self.tr("✔ კავშირი დამყარდა ({seconds} წმ).").format(seconds=f"{report.seconds:.2f}")
        upgrade = False
        if state is not None:
            status = state.status
            if status == "current":
                text += " " + self.tr("ბაზის სქემა აქტუალურია ({rev}).").format(rev=state.head)
            elif status == "empty":
                text += " " + self.tr("ბაზა ცარიელია — პროგრამის ცხრილები ჯერ არ შექმნილა.")
                upgrade = True
            elif status == "old":
                text += " " + messages.render(
                    "db.schema_old", {"current": state.current, "head": state.head}
                )
                upgrade = True
            else:
                text += " " + messages.render("db.schema_new", {"current": state.current})
        self.test_result.setStyleSheet(OK_STYLE)
        self.test_result.setText(text)
        self.test_result.show()
        self.upgrade_button.setVisible(upgrade and self._can_upgrade)

    def upgrade_schema(self) -> None:
        """Create the tested database's schema, or upgrade an older one (administrators;
        on a server only after that database's administrator logs in)."""
        p = self._tested or self.profile()
        typed = self._typed_password()
        orig = self._original
        session = self._session.get(orig.name) if orig is not None else None
        gen = self._test_gen
        old = self.last_state
        if p.kind != "embedded" and old is not None and old.status == "old":
            # A shared server's schema: only an administrator of that database upgrades
            # it, and the upgrade is audited there (the same dialog as at start-up).
            db = open_profile(p, _password(p, typed, session, orig))  # connects lazily
            try:
                upgraded = ask_schema_upgrade(db, old, self)  # the upgrade runs off the GUI
                if upgraded is not None:  # thread and reports the schema it left
                    self._schema_done(upgraded)
            finally:  # closing the connections waits on the server: not on the GUI thread
                self._runner.run(_dispose, db, lambda _none: None)
            return
        self._set_busy(True)

        def work(_p: None, _c: Control) -> SchemaState:
            db = open_profile(p, _password(p, typed, session, orig))
            try:
                return prepare(db)
            finally:
                db.dispose()

        def done(state: SchemaState) -> None:
            self._set_busy(False)
            if gen == self._test_gen:
                self._schema_done(state)

        self._runner.run(
            work,
            None,
            done,
            on_error=self._failed,
            label=self.tr("ბაზის სქემის განახლება…"),
            owner=self,
            on_cancel=lambda: self._set_busy(False),
        )

    def _schema_done(self, state: SchemaState) -> None:
        self.upgrade_button.hide()
        self.last_state = state
        self.test_result.setStyleSheet(OK_STYLE)
        self.test_result.setText(
            self.tr("✔ ბაზის სქემა შექმნილია / განახლებულია ({rev}).").format(rev=state.current)
        )

    # -- Save / Activate -----------------------------------------------------------------------

    def save(self) -> None:
        self._save(activate=False)

    def activate(self) -> None:
        """Save, make active and (when it is another database) emit ``activated(url)``."""
        self._save(activate=True)

    def _save(self, *, activate: bool) -> None:
        self.errors.clear()
        self.notice.hide()
        p = self.profile()
        if activate and self._password_missing(p):
            self._ask_password_inline(p)
            return
        typed = self._typed_password()
        orig = self._original
        session = self._session.get(orig.name) if orig is not None else None
        old_name = orig.name if orig is not None else ""
        self._set_busy(True)

        def work(_p: None, _c: Control) -> _Saved:
            secret = _password(p, typed, session, orig) if profiles.needs_password(p) else None
            if orig is not None:
                profiles.forget_password(orig)  # the keyring entry is keyed by server/login
            try:
                profiles.put(p, activate=activate, old_name=old_name)
            except BaseException:
                if orig is not None and secret is not None:
                    profiles.store_password(orig, secret)  # put refused: keep the old one
                raise
            kept = secret is not None and profiles.store_password(p, secret)
            url = ""
            if activate:
                url = profile_url(p, secret).render_as_string(hide_password=False)
            return _Saved(_load(), p.name, kept, url)

        def done(s: _Saved) -> None:
            self._loaded_done(s.loaded, select=s.name)
            if profiles.needs_password(p) and p.username:
                if s.password_kept:
                    self._session.pop(s.name, None)
                else:
                    pw = typed or session
                    if pw is not None:
                        self._session[s.name] = pw
            if old_name and old_name != s.name:
                self._session.pop(old_name, None)
            note = self.tr("კავშირი „{name}“ შენახულია.").format(name=s.name)
            if typed and s.password_kept:
                note += " " + self.tr("პაროლი შენახულია პაროლების საცავში.")
            elif typed:
                note += " " + self.tr(
                    "პაროლი არ შეინახა (პაროლების საცავი არ არის) — პროგრამა მას ყოველ "
                    "გახსნაზე გკითხავთ."
                )
            self.saved.emit(s.name)
            if activate:
                self.active_password = typed or session or None
                note += " " + self.tr("ის ახლა აქტიური კავშირია.")
                if not _same_database(s.url, self._current_url):
                    self._current_url = s.url
                    self._show_current()
                    self.notice.setText(note)
                    self.notice.show()
                    self.activated.emit(s.url)
                    return
            self.notice.setText(note)
            self.notice.show()

        self._runner.run(work, None, done, on_error=self._failed, owner=self)

    def delete_profile(self) -> None:
        orig = self._original
        if orig is None or orig.name == self._loaded.store.active:
            return
        if not confirm(
            self,
            self.tr("კავშირის წაშლა"),
            self.tr("წავშალო კავშირი „{name}“? ბაზა თავად არ წაიშლება.").format(name=orig.name),
        ):
            return
        self._set_busy(True)
        self._session.pop(orig.name, None)

        def work(_p: None, _c: Control) -> _Loaded:
            profiles.remove(orig.name)
            return _load()

        self._runner.run(work, None, self._loaded_done, on_error=self._failed, owner=self)


def ask_password(parent: QWidget | None, profile_name: str) -> tuple[str, bool] | None:
    """The password of *profile_name* (and whether to remember it), or None: cancelled.

    For the main window when :func:`app.profiles.open_current` raises
    ``profile.password_needed``; the keyring check is quick and local.
    """
    return PasswordDialog.ask(parent, profile_name, can_remember=profiles.keyring_available())


# -- an older schema on a server: upgraded only after an administrator logs in ----------------


class SchemaUpgradeDialog(QDialog):
    """The server database's schema is older than the program: the two versions, and
    Upgrade once an administrator's login and password are given (checked against that
    database); the upgrade runs off the GUI thread. ``state``: the schema afterwards."""

    def __init__(self, db: Database, state: SchemaState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.state: SchemaState | None = None
        self.runner = TaskRunner(self)
        self.setWindowTitle(self.tr("მონაცემთა ბაზის სქემა ძველია"))
        self.setMinimumWidth(480)
        intro = QLabel(
            self.tr(
                "ამ ბაზის სქემა ({current}) პროგრამის ვერსიაზე ({head}) ძველია და პროგრამა "
                "მასთან ვერ იმუშავებს, სანამ სქემა არ განახლდება. სქემას ანახლებს "
                "ადმინისტრატორი: შეიყვანეთ ადმინისტრატორის მომხმარებელი და პაროლი. "
                "განახლებამდე დარწმუნდით, რომ ბაზის სარეზერვო ასლი არსებობს. ბაზის "
                "ადმინისტრატორს ამის გაკეთება სერვერიდანაც შეუძლია: kantselaria-cli db upgrade"
            ).format(current=state.current or "—", head=state.head)
        )
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.login = QLineEdit()
        self.login.setObjectName("login")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = InlineErrors(error_label("upgrade_error"))
        form = QFormLayout()
        form.addRow(
            self.tr("ადმინისტრატორის &მომხმარებელი:"), self.errors.field("login", self.login)
        )
        form.addRow(self.tr("&პაროლი:"), self.errors.field("password", self.password))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("გაუქმება"))
        self.upgrade_button = QPushButton(self.tr("&განახლება"))
        self.upgrade_button.setDefault(True)
        buttons.addButton(self.upgrade_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.errors.general)
        lay.addWidget(buttons)
        self.login.setFocus()

    def submit(self) -> None:
        self.errors.clear()
        db, login, password = self._db, self.login.text().strip(), self.password.text()
        self.upgrade_button.setEnabled(False)

        def done(state: SchemaState) -> None:
            self.upgrade_button.setEnabled(True)
            self.state = state
            self.accept()

        def failed(exc: BaseException) -> None:
            self.upgrade_button.setEnabled(True)
            self.password.clear()
            failure_handler(self, self.errors)(exc)

        self.runner.run(
            lambda _p, _c: upgrade_as_admin(db, login, password),
            None,
            done,
            on_error=failed,
            label=self.tr("ბაზის სქემის განახლება…"),
            owner=self,
            on_cancel=lambda: self.upgrade_button.setEnabled(True),
        )


def ask_schema_upgrade(
    db: Database, state: SchemaState, parent: QWidget | None = None
) -> SchemaState | None:
    """The schema after an administrator upgraded the older one of *db*, or None when
    nobody did (tests replace this)."""
    dlg = SchemaUpgradeDialog(db, state, parent)
    return dlg.state if dlg.exec() == QDialog.DialogCode.Accepted else None


__all__ = [
    "ConnectionDialog",
    "PasswordDialog",
    "SchemaUpgradeDialog",
    "ask_password",
    "ask_schema_upgrade",
    "where",
]
