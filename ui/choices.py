"""The office's lists that forms offer (document types, departments), read off the GUI
thread once by the main window and handed to the forms it opens."""

from __future__ import annotations

from dataclasses import dataclass

from app import lookups
from app.lookups import Choice
from models.db import Database
from ui.tasks import Control


@dataclass(frozen=True)
class Choices:
    office_name: str
    doc_types: list[Choice]
    departments: list[Choice]
    department_ids: dict[str, int]


def load_choices(db: Database, _c: Control | None = None) -> Choices:
    """Worker: the office's name, document types and departments."""
    return Choices(
        lookups.office_settings(db).get("office.name", ""),
        lookups.document_types(db),
        lookups.departments(db),
        lookups.department_ids(db),
    )
