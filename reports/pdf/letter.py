"""Reply letter (პასუხი) on the municipality's letterhead — the slip's template, A4."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from reports.data import ReplyLetter
from reports.fonts import REGULAR
from reports.pdf.common import build_on_letterhead, esc, styles


def render_reply_letter(letter: ReplyLetter, path: Path) -> Path:
    st = styles()
    meta = Table(
        [[Paragraph(f"N {esc(letter.number)}", st["base"]),
          Paragraph(esc(letter.addressee), st["bold"])],
         [Paragraph(esc(letter.date_text), st["base"]),
          Paragraph(esc(letter.addressee_address), st["base"])]],
        colWidths=[80 * mm, None],
    )  # fmt: skip
    meta.setStyle(
        TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ])
    )  # fmt: skip
    body: list[Flowable] = [meta, Spacer(1, 12)]
    if letter.in_reply_to:
        body.append(Paragraph(esc(letter.in_reply_to), st["small"]))
        body.append(Spacer(1, 6))
    if letter.subject:
        body.append(Paragraph(f"<b>თემა:</b> {esc(letter.subject)}", st["base"]))
        body.append(Spacer(1, 10))
    for para in letter.body:
        body.append(Paragraph(esc(para).replace("\n", "<br/>"), st["base"]))
        body.append(Spacer(1, 6))
    sign = Table(
        [[Paragraph(esc(letter.signer_title), st["base"]), "_" * 24,
          Paragraph(esc(letter.signer_name), st["bold"])]],
        colWidths=[70 * mm, 45 * mm, None],
    )  # fmt: skip
    sign.setStyle(
        TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )  # fmt: skip
    body += [Spacer(1, 24), sign]
    if letter.executor:
        body += [Spacer(1, 30), Paragraph(f"შემსრულებელი: {esc(letter.executor)}", st["small"])]
    return build_on_letterhead(path, letter.letterhead, body, title=f"პასუხი {letter.number}")
