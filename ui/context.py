"""What every window needs, passed explicitly (no global ``mw``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import make_url

from app.auth import Actor
from app.clock import Clock
from models.db import Database


@dataclass(frozen=True)
class AppContext:
    db: Database
    actor: Actor
    clock: Clock
    url: str

    def where(self) -> str:
        """The database as a clerk would name it: the file, or server/database."""
        u = make_url(self.url)
        if u.get_backend_name() == "sqlite":
            return u.database or ":memory:"
        return f"{u.host or ''}/{u.database or ''}"
