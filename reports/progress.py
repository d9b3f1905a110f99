"""Progress and cancel for long renders (the GUI runs them off its thread).

A renderer takes ``progress(done, total)`` and ``cancel() -> bool``, both optional. It
reports now and then and, when ``cancel()`` answers True, raises :class:`Cancelled`; the
atomic writer then removes the temporary file, so a cancelled report leaves nothing.
"""

from __future__ import annotations

from collections.abc import Callable

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


class Cancelled(Exception):
    """The user cancelled the report; no file was written."""


class Ticker:
    """Counts work units, calls *progress* and checks *cancel* every *every* units."""

    def __init__(
        self,
        total: int,
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
        every: int = 1,
    ) -> None:
        self.total = max(total, 1)
        self.done = 0
        self._progress = progress
        self._cancel = cancel
        self._every = max(every, 1)
        self._next = 0

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user asked to stop."""
        if self._cancel is not None and self._cancel():
            raise Cancelled

    def step(self, n: int = 1) -> None:
        self.done = min(self.done + n, self.total)
        if self.done >= self._next or self.done == self.total:
            self._next = self.done + self._every
            self.check()
            if self._progress is not None:
                self._progress(self.done, self.total)

    def finish(self) -> None:
        """Report 100 % (no cancel check: the file may already be in place)."""
        self.done = self.total
        if self._progress is not None:
            self._progress(self.total, self.total)
