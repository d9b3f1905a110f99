"""The status machine of a document, in one place.

registered → assigned → in_progress → awaiting_clarification → answered / forwarded /
closed / cancelled. Stopping the clock (app.extensions) moves an open document to
``awaiting_clarification`` and resuming moves it back to where it was.
"""

from __future__ import annotations

from app import messages
from app.errors import ValidationError
from app.refdata import STATUS_NAMES, label
from models.tables import DOC_STATUSES

TRANSITIONS: dict[str, frozenset[str]] = {
    # filed without an answer (for information) or cancelled: its number stays taken
    "registered": frozenset(
        {"assigned", "in_progress", "awaiting_clarification", "closed", "cancelled"}
    ),
    "assigned": frozenset(
        {"in_progress", "awaiting_clarification", "answered", "forwarded", "cancelled"}
    ),
    "in_progress": frozenset({"awaiting_clarification", "answered", "forwarded"}),
    "awaiting_clarification": frozenset(
        {"registered", "assigned", "in_progress", "answered", "closed"}
    ),
    "answered": frozenset({"closed"}),
    "forwarded": frozenset({"closed"}),
    "closed": frozenset(),
    "cancelled": frozenset(),
}
assert set(TRANSITIONS) == set(DOC_STATUSES)

# Statuses in which the document is still being worked on.
OPEN = ("registered", "assigned", "in_progress", "awaiting_clarification")
DONE = ("answered", "forwarded", "closed")
# Open documents whose deadline is running (awaiting_clarification: the clock is stopped).
OPEN_FOR_DEADLINE = ("registered", "assigned", "in_progress")


def allowed_next(status: str) -> frozenset[str]:
    return TRANSITIONS.get(status, frozenset())


def check_transition(old: str, new: str) -> None:
    """Refuse a move the table does not list, naming both statuses in plain words."""
    if new not in allowed_next(old):
        lang = messages.current_language()
        raise ValidationError(
            "status.transition",
            field="status",
            from_=label(STATUS_NAMES, old, lang),
            to=label(STATUS_NAMES, new, lang),
        )
