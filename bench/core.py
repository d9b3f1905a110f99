"""Timing and the printed table."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

REPEAT = 5


@dataclass(frozen=True)
class Operation:
    """One line of the table. *raw* is None for operations without a SQL equivalent."""

    name: str
    program: Callable[[], object]
    raw: Callable[[], object] | None = None
    target_ms: float | None = None  # what the issue asks for (None: no target)
    max_ratio: float | None = 1.5


RATIO_FLOOR_MS = 5.0


@dataclass(frozen=True)
class Timing:
    name: str
    program_ms: float
    raw_ms: float | None
    target_ms: float | None
    max_ratio: float | None

    @property
    def ratio(self) -> float | None:
        if self.raw_ms is None or self.raw_ms <= 0:
            return None
        return self.program_ms / self.raw_ms

    @property
    def ok(self) -> bool:
        fast = self.target_ms is None or self.program_ms <= self.target_ms
        ratio = self.ratio
        # Below RATIO_FLOOR_MS of raw SQL the ratio measures Python's fixed cost per call
        # (building the statement, rows into dataclasses: ~1 ms), not the query plan.
        tiny = self.raw_ms is not None and self.raw_ms < RATIO_FLOOR_MS
        close = self.max_ratio is None or ratio is None or tiny or ratio <= self.max_ratio
        return fast and close


def median_ms(fn: Callable[[], object], repeat: int = REPEAT) -> float:
    """Median wall time of *repeat* calls, after one warm-up call (caches, statements)."""
    fn()
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def measure(ops: Sequence[Operation], repeat: int = REPEAT) -> list[Timing]:
    """Program and raw runs alternate per operation, so both see the same warm caches."""
    out = []
    for op in ops:
        program = median_ms(op.program, repeat)
        raw = median_ms(op.raw, repeat) if op.raw is not None else None
        out.append(Timing(op.name, program, raw, op.target_ms, op.max_ratio))
    return out


def table(timings: Sequence[Timing]) -> str:
    head = ("operation", "program ms", "raw ms", "ratio", "target", "")
    rows = [head]
    for t in timings:
        ratio = t.ratio
        rows.append(
            (
                t.name,
                f"{t.program_ms:.1f}",
                "—" if t.raw_ms is None else f"{t.raw_ms:.1f}",
                "—" if ratio is None else f"{ratio:.2f}",
                "" if t.target_ms is None else f"< {t.target_ms:.0f} ms",
                "ok" if t.ok else "MISS",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = []
    for n, r in enumerate(rows):
        cells = [r[0].ljust(widths[0])] + [r[i].rjust(widths[i]) for i in range(1, len(r))]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
