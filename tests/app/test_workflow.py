"""The status machine: every pair of statuses is either listed or refused in plain words."""

from __future__ import annotations

import itertools

import pytest

from app import messages
from app.errors import ValidationError
from app.extensions import OPEN_FOR_DEADLINE
from app.refdata import STATUS_NAMES
from app.workflow import DONE, OPEN, TRANSITIONS, allowed_next, check_transition
from models.tables import DOC_STATUSES


@pytest.mark.parametrize(("old", "new"), list(itertools.product(DOC_STATUSES, repeat=2)))
def test_every_pair_is_allowed_exactly_when_listed(old: str, new: str) -> None:
    if new in TRANSITIONS[old]:
        check_transition(old, new)
        assert new in allowed_next(old)
        return
    for lang in ("ka", "en"):  # both statuses named in words, nothing left unfilled
        messages.set_language(lang)
        with pytest.raises(ValidationError) as err:
            check_transition(old, new)
        assert (err.value.key, err.value.field) == ("status.transition", "status")
        text = err.value.message(lang)
        names = [STATUS_NAMES[s][0 if lang == "ka" else 1] for s in (old, new)]
        assert all(n in text for n in names) and "{" not in text, text


def test_the_table_covers_every_status_and_only_them() -> None:
    assert set(TRANSITIONS) == set(DOC_STATUSES) == set(OPEN) | set(DONE) | {"cancelled"}
    assert all(targets <= set(DOC_STATUSES) for targets in TRANSITIONS.values())
    assert allowed_next("no-such-status") == frozenset()
    assert all(s not in TRANSITIONS[s] for s in DOC_STATUSES)  # reassigning keeps the status


def test_the_lives_an_office_needs_are_paths_through_the_table() -> None:
    lives = [
        ["registered", "assigned", "in_progress", "awaiting_clarification", "in_progress",
         "answered", "closed"],
        ["registered", "assigned", "in_progress", "forwarded", "closed"],
        ["registered", "closed"],  # filed for information, no answer needed
        ["registered", "cancelled"],
        ["registered", "assigned", "cancelled"],
        ["registered", "in_progress"],  # taken from the department queue
    ]  # fmt: skip
    for life in lives:
        for a, b in itertools.pairwise(life):
            assert b in allowed_next(a), (a, b)
    assert allowed_next("closed") == allowed_next("cancelled") == frozenset()


@pytest.mark.parametrize("status", OPEN_FOR_DEADLINE)
def test_stopping_the_clock_and_resuming_are_in_the_table(status: str) -> None:
    """app.extensions moves an open document to awaiting_clarification and back."""
    check_transition(status, "awaiting_clarification")
    check_transition("awaiting_clarification", status)


def test_finished_documents_cannot_be_reopened() -> None:
    for done in (*DONE, "cancelled"):
        for open_ in OPEN:
            assert open_ not in allowed_next(done)
