"""`make bench`: timings on a cached 1 000 000-document registry.

Each operation runs through the program's own path (app/, as the GUI calls it) and as
the equivalent hand-written SQL through the same driver connection; the table shows the
median of five runs of each and their ratio. Operations are plain
(name, program_fn, raw_fn, target_ms) entries (see :mod:`bench.core`), so other timings
(the GUI's, the reports' data) are added by appending to the list in
:mod:`bench.__main__`.
"""
