"""Writing report files atomically: a temporary file beside the target, then a rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def _file_mode() -> int:
    """Ordinary permissions for a new file (mkstemp makes it owner-only)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


# Read once, at import (the main thread): os.umask is process-wide.
_MODE = _file_mode()


def write_atomically(path: Path, produce: Callable[[Path], None]) -> Path:
    """Render into a temporary file beside *path*, then rename: never a half-written file.

    Whatever *produce* raises (an error, :class:`reports.progress.Cancelled`, Ctrl+C) the
    temporary file is removed and *path* is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        os.chmod(tmp, _MODE)
        produce(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
