"""Shared PDF pieces: paragraph styles on DejaVu, the letterhead block, atomic writes."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer
from reportlab.platypus.flowables import HRFlowable

from reports.data import Letterhead
from reports.fonts import BOLD, REGULAR, register_fonts


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=10, leading=13)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=14, leading=18, alignment=TA_CENTER
        ),
        "office": ParagraphStyle(
            "office", parent=base, fontName=BOLD, fontSize=12, leading=15, alignment=TA_CENTER
        ),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "bold": ParagraphStyle("bold", parent=base, fontName=BOLD),
    }


def esc(text: str) -> str:
    """Escape text for reportlab's mini-markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def letterhead_flowables(lh: Letterhead) -> list[Flowable]:
    st = styles()
    contact = " · ".join(x for x in (lh.address, lh.phone, lh.email) if x)
    return [
        Paragraph(esc(lh.office_name), st["office"]),
        Paragraph(esc(contact), st["center"]),
        Spacer(1, 4),
        HRFlowable(width="100%", thickness=1, color=colors.black),
        Spacer(1, 10),
    ]


def write_atomically(path: Path, produce: Callable[[Path], None]) -> Path:
    """Render into a temporary file beside *path*, then rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        produce(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
