"""The status machine: every pair of statuses is either listed or refused in plain words."""

from __future__ import annotations

import itertools

import pytest

from app.errors import ValidationError
from app.workflow import TRANSITIONS, allowed_next, check_transition
from models.tables import DOC_STATUSES


@pytest.mark.parametrize(("old", "new"), list(itertools.product(DOC_STATUSES, repeat=2)))
def test_every_pair_is_allowed_exactly_when_listed(old: str, new: str) -> None:
    if new in TRANSITIONS[old]:
        check_transition(old, new)
        return
    with pytest.raises(ValidationError) as err:
        check_transition(old, new)
    assert err.value.key == "status.transition"
    text = err.value.message("ka")
    assert "„" in text and "{" not in text  # both statuses named, nothing left unfilled


def test_the_life_of_a_request_is_a_path_through_the_table() -> None:
    path = ["registered", "assigned", "in_progress", "awaiting_clarification", "in_progress",
            "answered", "closed"]  # fmt: skip
    for a, b in itertools.pairwise(path):
        assert b in allowed_next(a)
    assert allowed_next("closed") == allowed_next("cancelled") == frozenset()
    assert (
        "registered"
        not in {s for targets in TRANSITIONS.values() for s in targets} - {"registered"}
        or "registered" in TRANSITIONS["awaiting_clarification"]
    )  # only resuming returns there
