"""Annual public-information report (GAC Art. 49), A4 portrait, ready to sign."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, Paragraph, Spacer

from reports.data import CountLine, FoiAnnualReport
from reports.layout import FOI_FEE_LABEL, foi_fee_text, foi_lines
from reports.pdf.common import (
    Column,
    build_short_report,
    cell_paragraph,
    esc,
    signature_flowables,
    styles,
    table_flowable,
)
from reports.progress import CancelFn, ProgressFn, Ticker

INDICATORS = (Column("მაჩვენებელი", 140), Column("რაოდენობა", 35, "RIGHT"))


def _count_table(title: str, lines: tuple[CountLine, ...]) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [Spacer(1, 8), Paragraph(esc(title), st["bold"]), Spacer(1, 3)]
    if not lines:
        out.append(Paragraph("—", st["base"]))
        return out
    rows = [[cell_paragraph(x.label), str(x.count)] for x in lines]
    out.append(table_flowable((Column("", 140), Column("რაოდენობა", 35, "RIGHT")), rows))
    return out


def render_foi_pdf(
    report: FoiAnnualReport,
    path: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> Path:
    st = styles()
    tick = Ticker(2, progress, cancel)
    rows: list[list[str | Paragraph]] = [
        [cell_paragraph("\u00a0" * 6 * indent + label, bold=indent == 0), str(value)]
        for label, value, indent in foi_lines(report)
    ]
    rows.append([cell_paragraph(FOI_FEE_LABEL, bold=True), foi_fee_text(report.fees_tetri)])
    body: list[Flowable] = [
        Paragraph(esc(report.due_text), st["center"]),
        Spacer(1, 8),
        table_flowable(INDICATORS, rows),
        *_count_table("უარის სამართლებრივი საფუძვლები", report.refusals_by_ground),
        *_count_table("უარის თქმის შესახებ გადაწყვეტილების მიმღები პირები",
                      report.refused_by_official),
    ]  # fmt: skip
    if report.recipients:
        body += [Spacer(1, 10), Paragraph("ადრესატები: " + esc("; ".join(report.recipients)),
                                          st["small"])]  # fmt: skip
    for note in report.notes:
        body += [Spacer(1, 3), Paragraph(esc(note), st["small"])]
    body += signature_flowables(report.signature, report.header.generated_text)
    tick.step()
    return build_short_report(path, report.header, body, pagesize=A4, ticker=tick)
