"""Connection profiles of this workstation: which database the program opens.

The profiles live in ``profiles.json`` in the user's configuration folder
(``$KANTSELARIA_CONFIG_DIR``, else ``%APPDATA%\\kantselaria`` on Windows and
``$XDG_CONFIG_HOME/kantselaria`` or ``~/.config/kantselaria`` elsewhere). Passwords are
never written there, nor logged: they go to the operating system's keyring (Windows
Credential Manager, macOS Keychain, Secret Service / KWallet) when one is available;
without a keyring the password is not stored and the program asks for it each time.

``current_url()`` / ``open_current()`` decide the database the program uses:
``$KANTSELARIA_DB`` when set (scripts, tests), else the active profile, else the
embedded SQLite file in the user's data folder (:func:`app.connection.default_file`).
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
from keyring.backends import fail, null
from sqlalchemy.engine import URL, make_url

from app.connection import KINDS, ConnectionProfile, open_profile, profile_url
from app.errors import ValidationError
from models.db import Database, open_database

CONFIG_ENV = "KANTSELARIA_CONFIG_DIR"
DB_ENV = "KANTSELARIA_DB"
FILE_NAME = "profiles.json"
FORMAT_VERSION = 1
KEYRING_SERVICE = "kantselaria"
DEFAULT_PROFILE = ConnectionProfile()  # the embedded file in the data folder
# ODBC keywords that carry a secret; never kept in a profile's extra settings.
_SECRET_KEYS = frozenset({"pwd", "password"})


def config_dir() -> Path:
    """The per-user folder for this workstation's settings."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "kantselaria"


def profiles_path() -> Path:
    return config_dir() / FILE_NAME


@dataclass(frozen=True)
class ProfileStore:
    """All profiles of the workstation and the name of the active one."""

    profiles: tuple[ConnectionProfile, ...] = (DEFAULT_PROFILE,)
    active: str = DEFAULT_PROFILE.name

    def get(self, name: str) -> ConnectionProfile | None:
        return next((p for p in self.profiles if p.name == name), None)

    @property
    def active_profile(self) -> ConnectionProfile:
        return self.get(self.active) or (self.profiles[0] if self.profiles else DEFAULT_PROFILE)

    def names(self) -> list[str]:
        return [p.name for p in self.profiles]


def _public(p: ConnectionProfile) -> dict[str, Any]:
    data = p.to_dict()
    data["extra"] = {k: v for k, v in p.extra.items() if k.strip().lower() not in _SECRET_KEYS}
    return data


def _check(p: ConnectionProfile) -> ConnectionProfile:
    name = p.name.strip()
    if not name:
        raise ValidationError("field.required", field="profile_name")
    if len(name) > 100:
        raise ValidationError("field.too_long", field="profile_name", max=100)
    if p.kind not in KINDS:
        raise ValidationError("connection.kind_unknown", field="kind", got=p.kind)
    if p.kind != "embedded" and not p.server.strip():
        raise ValidationError("field.required", field="server")
    if not 1 <= int(p.timeout) <= 300:
        raise ValidationError("profile.timeout", field="timeout", got=p.timeout)
    return replace(p, name=name, extra=dict(p.extra))


def load() -> ProfileStore:
    """The saved profiles; the embedded default when nothing (readable) is saved."""
    path = profiles_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ProfileStore()
    except (OSError, ValueError) as exc:
        raise ValidationError("profile.unreadable", path=str(path), detail=str(exc)[:200]) from exc
    if not isinstance(data, dict) or not isinstance(data.get("profiles"), list):
        raise ValidationError("profile.unreadable", path=str(path), detail="format")
    profiles = tuple(
        ConnectionProfile.from_dict(item) for item in data["profiles"] if isinstance(item, dict)
    )
    if not profiles:
        return ProfileStore()
    active = str(data.get("active") or profiles[0].name)
    return ProfileStore(profiles, active)


def save(store: ProfileStore) -> Path:
    """Write the profiles (without any password) atomically; returns the file's path."""
    path = profiles_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "version": FORMAT_VERSION,
        "active": store.active,
        "profiles": [_public(p) for p in store.profiles],
    }
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
    return path


def put(profile: ConnectionProfile, *, activate: bool = False, old_name: str = "") -> ProfileStore:
    """Add or replace a profile (by name; *old_name* when it was renamed) and save."""
    p = _check(profile)
    store = load()
    replaced = old_name or p.name
    if p.name != replaced and store.get(p.name) is not None:
        raise ValidationError("profile.exists", field="profile_name", got=p.name)
    kept = [q for q in store.profiles if q.name not in (replaced, p.name)]
    position = next((i for i, q in enumerate(store.profiles) if q.name == replaced), len(kept))
    kept.insert(min(position, len(kept)), p)
    active = p.name if activate or store.active == replaced else store.active
    if old_name and old_name != p.name:
        old = store.get(old_name)
        secret = load_password(old) if old is not None else None
        if old is not None:
            forget_password(old)
        if secret is not None:
            store_password(p, secret)
    new = ProfileStore(tuple(kept), active)
    save(new)
    return new


def remove(name: str) -> ProfileStore:
    """Delete a profile and its stored password; the embedded default stays if none is left."""
    store = load()
    p = store.get(name)
    if p is None:
        return store
    forget_password(p)
    rest = tuple(q for q in store.profiles if q.name != name) or (DEFAULT_PROFILE,)
    active = store.active if store.active != name else rest[0].name
    new = ProfileStore(rest, active)
    save(new)
    return new


def set_active(name: str) -> ProfileStore:
    store = load()
    if store.get(name) is None:
        raise ValidationError("profile.unknown", field="profile_name", got=name)
    new = ProfileStore(store.profiles, name)
    save(new)
    return new


def active_profile() -> ConnectionProfile:
    return load().active_profile


# -- passwords ----------------------------------------------------------------------------


def keyring_available() -> bool:
    """True when the operating system offers a keyring to keep passwords in."""
    try:
        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring | null.Keyring):
            return False
        return float(backend.priority) > 0
    except Exception:  # a broken keyring configuration is the same as none
        return False


def _account(p: ConnectionProfile) -> str:
    return f"{p.name}|{p.kind}|{p.server}|{p.database}|{p.username}"


def needs_password(p: ConnectionProfile) -> bool:
    if p.kind == "embedded":
        return False
    return not (p.kind == "mssql" and p.auth == "windows")


def store_password(p: ConnectionProfile, password: str) -> bool:
    """Keep *password* in the keyring; False (nothing stored anywhere) when there is none."""
    if not needs_password(p) or not keyring_available():
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, _account(p), password)
    except keyring.errors.KeyringError:
        return False
    return True


def load_password(p: ConnectionProfile) -> str | None:
    """The stored password, or None (not stored, no keyring, or the keyring refused)."""
    if not needs_password(p) or not keyring_available():
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, _account(p))
    except keyring.errors.KeyringError:
        return None


def forget_password(p: ConnectionProfile) -> None:
    if not keyring_available():
        return
    with contextlib.suppress(keyring.errors.KeyringError):  # PasswordDeleteError: none
        keyring.delete_password(KEYRING_SERVICE, _account(p))


# -- the database the program uses --------------------------------------------------------


def current_url(password: str | None = None) -> URL:
    """The URL the program opens: ``$KANTSELARIA_DB``, else the active profile's.

    For a server profile the password is *password*, else the keyring's; when neither
    exists (no keyring, or not remembered) a ``ValidationError`` with the key
    ``profile.password_needed`` asks the caller to ask the clerk.
    """
    env = os.environ.get(DB_ENV)
    if env:
        return make_url(env)
    p = active_profile()
    return profile_url(p, _password_for(p, password))


def _password_for(p: ConnectionProfile, password: str | None) -> str | None:
    if not needs_password(p):
        return None
    if password is None:
        password = load_password(p)
    if password is None and p.username:
        raise ValidationError("profile.password_needed", field="password", name=p.name)
    return password


def open_current(password: str | None = None) -> Database:
    """Open the database of :func:`current_url` with the profile's timeouts and schema."""
    env = os.environ.get(DB_ENV)
    if env:
        return open_database(env)
    p = active_profile()
    return open_profile(p, _password_for(p, password))
