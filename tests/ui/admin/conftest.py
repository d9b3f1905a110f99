"""A task runner per test, drained before the database goes away."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ui.tasks import TaskRunner


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    r = TaskRunner()
    yield r
    assert r.wait(10_000)
