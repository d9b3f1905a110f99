"""Drafts: what a clerk typed survives a crash, a power cut or a stray Esc.

A form saves its fields (debounced) to ``<data>/drafts/<name>.json`` as the clerk types;
the file goes when the document is saved. The next time the form opens, the draft is
offered back. Written atomically, so a crash mid-write leaves the previous draft.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from models.db import default_data_dir


def folder() -> Path:
    return default_data_dir() / "drafts"


def path(name: str) -> Path:
    return folder() / f"{name}.json"


def save(name: str, fields: dict[str, Any]) -> None:
    target = path(name)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(fields, f, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load(name: str) -> dict[str, Any] | None:
    try:
        data = json.loads(path(name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def discard(name: str) -> None:
    path(name).unlink(missing_ok=True)
