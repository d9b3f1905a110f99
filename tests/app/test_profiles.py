"""Connection profiles of a workstation: JSON settings, passwords only in the keyring."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app import profiles
from app.connection import ConnectionProfile
from app.errors import ValidationError
from app.setup import document_count

SECRET = "pa;ss}wörd-42"


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dict (stands for the OS keyring)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.items:
            raise keyring.errors.PasswordDeleteError(username)
        del self.items[(service, username)]


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty configuration folder and data folder; no $KANTSELARIA_DB."""
    monkeypatch.setenv(profiles.CONFIG_ENV, str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "data"))
    monkeypatch.delenv(profiles.DB_ENV, raising=False)
    return tmp_path / "config"


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def _server(name: str = "მერიის სერვერი", **kw: object) -> ConnectionProfile:
    base: dict[str, object] = dict(
        name=name, kind="mssql", server=r"db01\SQLEXPRESS", database="kants",
        username="clerk", driver="ODBC Driver 18 for SQL Server", timeout=5,
    )  # fmt: skip
    base.update(kw)
    return ConnectionProfile(**base)  # type: ignore[arg-type]


def test_without_settings_the_embedded_file_in_the_data_folder_is_used(
    config: Path, tmp_path: Path
) -> None:
    store = profiles.load()
    assert store.active_profile.kind == "embedded"
    url = profiles.current_url()
    assert url.get_backend_name() == "sqlite"
    assert url.database == str(tmp_path / "data" / "kantselaria" / "kantselaria.sqlite3")
    assert profiles.config_dir() == config
    assert not profiles.profiles_path().exists()  # nothing written by reading


def test_profiles_round_trip_and_the_password_goes_only_to_the_keyring(
    config: Path, memory_keyring: MemoryKeyring
) -> None:
    p = _server(extra={"PWD": "leak", "ApplicationIntent": "ReadOnly"})
    profiles.put(p, activate=True)
    assert profiles.store_password(p, SECRET)

    raw = profiles.profiles_path().read_text(encoding="utf-8")
    assert SECRET not in raw and "leak" not in raw
    data = json.loads(raw)
    assert data["version"] == 1 and data["active"] == p.name
    assert "password" not in json.dumps(data).lower()

    store = profiles.load()
    assert store.names() == [profiles.DEFAULT_PROFILE.name, p.name]
    got = store.active_profile
    assert got.server == r"db01\SQLEXPRESS" and got.extra == {"ApplicationIntent": "ReadOnly"}
    assert profiles.load_password(got) == SECRET
    odbc = profiles.current_url().query["odbc_connect"]
    assert "PWD={pa;ss}}wörd-42}" in odbc and "ApplicationIntent=ReadOnly" in odbc
    assert list(memory_keyring.items) == [(profiles.KEYRING_SERVICE, profiles._account(p))]


def test_rename_keeps_the_password_and_remove_forgets_it(
    config: Path, memory_keyring: MemoryKeyring
) -> None:
    p = _server("ძველი")
    profiles.put(p, activate=True)
    profiles.store_password(p, SECRET)
    renamed = _server("ახალი")
    store = profiles.put(renamed, old_name="ძველი")
    assert store.active == "ახალი" and store.get("ძველი") is None
    assert profiles.load_password(renamed) == SECRET
    assert profiles.load_password(p) is None

    store = profiles.remove("ახალი")
    assert store.active == profiles.DEFAULT_PROFILE.name
    assert memory_keyring.items == {}


def test_without_a_keyring_the_password_is_asked_each_time(config: Path, no_keyring: None) -> None:
    p = _server()
    profiles.put(p, activate=True)
    assert not profiles.keyring_available()
    assert profiles.store_password(p, SECRET) is False
    assert SECRET not in profiles.profiles_path().read_text(encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        profiles.current_url()
    assert err.value.key == "profile.password_needed" and p.name in err.value.message("ka")
    url = profiles.current_url(password=SECRET)
    assert "PWD={pa;ss}}wörd-42}" in url.query["odbc_connect"]


def test_windows_authentication_needs_no_password(config: Path, no_keyring: None) -> None:
    p = _server(auth="windows")
    profiles.put(p, activate=True)
    odbc = profiles.current_url().query["odbc_connect"]
    assert "Trusted_Connection=yes" in odbc and "PWD" not in odbc


def test_bad_profiles_are_refused_with_the_field_named(config: Path) -> None:
    with pytest.raises(ValidationError) as err:
        profiles.put(_server(name="  "))
    assert err.value.field == "profile_name"
    with pytest.raises(ValidationError) as err:
        profiles.put(_server(server=""))
    assert err.value.field == "server"
    with pytest.raises(ValidationError) as err:
        profiles.put(_server(timeout=0))
    assert err.value.key == "profile.timeout"
    with pytest.raises(ValidationError) as err:
        profiles.set_active("არავინ")
    assert err.value.key == "profile.unknown"
    profiles.put(_server("ა"))
    profiles.put(_server("ბ"))
    with pytest.raises(ValidationError) as err:
        profiles.put(_server("ბ"), old_name="ა")
    assert err.value.key == "profile.exists"


def test_a_damaged_settings_file_is_named_not_a_traceback(config: Path) -> None:
    config.mkdir(parents=True)
    profiles.profiles_path().write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        profiles.load()
    assert err.value.key == "profile.unreadable"
    assert str(profiles.profiles_path()) in err.value.message("ka")


def test_the_environment_variable_wins_over_the_profile(
    config: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    profiles.put(_server(), activate=True)
    monkeypatch.setenv(profiles.DB_ENV, f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert profiles.current_url().database == str(tmp_path / "x.sqlite3")


@pytest.mark.pg
def test_switching_between_the_embedded_file_and_the_server_without_restarting(
    config: Path, memory_keyring: MemoryKeyring, sqlite_url: str, pg_url: str
) -> None:
    """The GUI's switch: save the profile, make it active, open the current database."""
    embedded = ConnectionProfile(name="ჩაშენებული", file=make_url(sqlite_url).database or "")
    u = make_url(pg_url)
    server = ConnectionProfile(
        name="PostgreSQL", kind="postgresql", server=f"{u.host}:{u.port}",
        database=u.database or "", username=u.username or "", timeout=5,
    )  # fmt: skip
    profiles.put(embedded, activate=True)
    profiles.put(server)
    profiles.store_password(server, "unused-by-trust-auth")
    seen = []
    for name in ("PostgreSQL", "ჩაშენებული", "PostgreSQL"):
        profiles.set_active(name)
        db = profiles.open_current()
        try:
            with db.read() as s:
                s.execute(text("SELECT 1"))
            seen.append((db.backend, document_count(db)))
        finally:
            db.dispose()
    assert seen == [("postgresql", 0), ("sqlite", 0), ("postgresql", 0)]
