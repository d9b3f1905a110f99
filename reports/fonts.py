"""The bundled DejaVu fonts, registered once with reportlab (Georgian, Latin, digits)."""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics import shapes
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import resources

FONT_DIR = Path(resources.__file__).parent / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_registered = False


def register_fonts() -> None:
    global _registered
    if _registered:
        return
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD)
    # Drawings (charts) start from this font even when they draw no text with it; DejaVu
    # keeps every font in our PDFs an embedded one.
    shapes.STATE_DEFAULTS["fontName"] = REGULAR
    _registered = True
