"""Errors the user can act on (shown in Georgian) versus our bugs (everything else)."""

from __future__ import annotations

from app import messages
from models import db as models_db


class UserError(Exception):
    """Something the user can fix. Carries a catalogue key, parameters and the field."""

    def __init__(self, key: str, field: str | None = None, **params: object) -> None:
        self.key = key
        self.field = field
        self.params: dict[str, object] = dict(params)
        if field is not None:
            self.params.setdefault("field", field)
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        return messages.render(self.key, self.params, lang)

    def __str__(self) -> str:
        return self.message()


class ValidationError(UserError):
    """Input that breaks a rule; nothing has been written."""


class NotFound(UserError):
    """An id that does not (or no longer) exist."""


class PermissionDenied(UserError):
    """The acting user's role does not allow the action."""


class StaleRecord(UserError):
    """Someone else saved the same record first (optimistic locking)."""


class DatabaseUnavailable(UserError):
    """The database cannot be reached or is busy; the user may retry."""


def _database_error(exc: BaseException, phase: str) -> BaseException:
    """How :mod:`models.db` reports a refused or lost connection: a message with the remedy.

    Refused at the start of a session: the reason (server not found, login failed, …).
    Lost during the work: nothing was saved, try again. Lost during COMMIT: the outcome is
    not known, so the clerk is asked to look before saving again.
    """
    if phase == models_db.CONNECT:
        from app.connection import explain  # app.connection imports this module

        return explain(exc)
    if phase == models_db.BUSY:
        return DatabaseUnavailable("db.busy")
    from app.privacy import scrub

    detail = scrub(str(getattr(exc, "orig", None) or exc))[:300]
    key = "db.commit_lost" if phase == models_db.COMMIT else "db.connection_lost"
    return DatabaseUnavailable(key, detail=detail)


models_db.set_error_translator(_database_error)
