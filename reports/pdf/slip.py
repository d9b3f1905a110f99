"""Acknowledgment slip (ცნობა მიღების შესახებ) with a QR code of the registration number."""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from reports.data import AcknowledgmentSlip
from reports.fonts import BOLD, REGULAR
from reports.pdf.common import build_on_letterhead, esc, styles


def qr_drawing(text: str, size: float = 32 * mm) -> Drawing:
    widget = QrCodeWidget(text)
    x0, y0, x1, y1 = widget.getBounds()
    d = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    d.add(widget)
    return d


def render_slip(slip: AcknowledgmentSlip, path: Path) -> Path:
    """The slip on the letterhead template (A5), written atomically."""
    st = styles()
    rows = [
        ("სარეგისტრაციო ნომერი", slip.number),
        ("რეგისტრაციის თარიღი", slip.reg_date_text),
        ("დოკუმენტის ტიპი", slip.doc_type),
        ("განმცხადებელი", slip.correspondent),
        ("შინაარსი", slip.subject),
        ("პასუხის ვადა", slip.due_date_text),
    ]
    table = Table(
        [[Paragraph(esc(k), st["bold"]), Paragraph(esc(v), st["base"])] for k, v in rows],
        colWidths=[42 * mm, None],
    )
    table.setStyle(
        TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#999999"),
        ])
    )  # fmt: skip
    body = [
        Paragraph("ცნობა დოკუმენტის მიღების შესახებ", st["title"]),
        Spacer(1, 8),
        table,
        Spacer(1, 6),
        Paragraph(esc(slip.due_explanation), st["small"]),
        Spacer(1, 8),
        qr_drawing(slip.number),
        Spacer(1, 6),
        Paragraph(f"მიიღო: {esc(slip.clerk)}", st["base"]),
    ]
    return build_on_letterhead(
        path, slip.letterhead, body, title=f"ცნობა {slip.number}", pagesize=A5, margin=12 * mm
    )


__all__ = ["BOLD", "qr_drawing", "render_slip"]
