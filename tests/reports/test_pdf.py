"""PDF renderers: Georgian comes out as text (embedded DejaVu), page X of Y, the header row
repeated on every page, the chart drawn as vector text, atomic writes and cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from reports.data import JournalReport
from reports.pdf.common import CHUNK_ROWS
from reports.pdf.foi import render_foi_pdf
from reports.pdf.journal import render_journal_pdf
from reports.pdf.letter import render_reply_letter
from reports.pdf.monthly import render_monthly_pdf
from reports.pdf.overdue import render_overdue_pdf
from reports.pdf.slip import render_slip
from reports.progress import Cancelled
from tests.reports import _samples as sample


def pages(path: Path) -> list[str]:
    return [p.extract_text(extraction_mode="layout") for p in PdfReader(str(path)).pages]


def rows(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().split("  ") if c.strip()]
        if cells:
            out.setdefault(cells[0], cells[1:])
    return out


def fonts(path: Path) -> set[str]:
    found = set()
    for page in PdfReader(str(path)).pages:
        for ref in page["/Resources"]["/Font"].values():  # type: ignore[index, union-attr]
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found.add(f"{font['/BaseFont']}{'' if embedded else ' (not embedded)'}")
    return found


def test_monthly_pdf_georgian_figures_chart_and_signature(tmp_path: Path) -> None:
    out = render_monthly_pdf(sample.monthly(), tmp_path / "m.pdf")
    text = "\n".join(pages(out))
    table = rows(text)
    assert table["ნინო ბერიძე"] == ["4", "1", "1", "1", "1", "11,0"]
    assert table["საფინანსო-საბიუჯეტო სამსახური"] == ["6", "2", "1", "1", "2", "10,7"]
    assert table["სულ"] == ["9", "5", "1", "1", "2", "6,2"]
    # The chart is vector graphics with its text: the title, legend and category names.
    for word in ("შესრულება სამსახურების მიხედვით", "შესრულდა ვადის დარღვევით",
                 "ვადაგადაცილებული", "სოციალური"):  # fmt: skip
        assert word in text
    assert "სამსახურის უფროსი" in text and "თამარ ჯაფარიძე" in text and "(ხელმოწერა)" in text
    n = len(PdfReader(str(out)).pages)
    assert f"გვერდი {n} / {n}" in text
    names = fonts(out)
    assert names and all("DejaVuSans" in f and "not embedded" not in f for f in names), names
    reader = PdfReader(str(out))
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    assert (
        reader.metadata is not None and reader.metadata.title == "შესრულების დისციპლინის ანგარიში"
    )


def test_long_journal_repeats_the_header_on_every_page_and_numbers_pages(tmp_path: Path) -> None:
    n = 7 * CHUNK_ROWS + 3  # several chunks, a short last one
    out = render_journal_pdf(sample.journal(n), tmp_path / "j.pdf")
    texts = pages(out)
    assert len(texts) > 3
    for i, page in enumerate(texts, 1):
        assert "რეგ. ნომერი" in page and "მოკლე შინაარსი" in page, f"no header on page {i}"
        assert f"გვერდი {i} / {len(texts)}" in page
    numbers = [
        line.split()[0]
        for page in texts
        for line in page.splitlines()
        if line.strip().startswith("შ-") and "/2026" in line.split()[0]
    ]
    assert numbers == [f"შ-{i}/2026" for i in range(1, n + 1)]  # every row, in order, once
    first = rows(texts[0])["შ-3/2026"]
    assert first[0] == "04.01.2026" and first[1].startswith("მოქალაქე 3")  # name wraps
    assert "3, 01.01.2026" in first
    reader = PdfReader(str(out))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape


def test_empty_journal_says_so(tmp_path: Path) -> None:
    empty = sample.journal(0)
    out = render_journal_pdf(empty, tmp_path / "j.pdf")
    (text,) = pages(out)
    assert "ჩანაწერები არ არის." in text and "რეგ. ნომერი" in text and "გვერდი 1 / 1" in text


def test_cancel_midway_raises_and_leaves_no_file(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    target = tmp_path / "j.pdf"
    with pytest.raises(Cancelled):
        render_journal_pdf(
            sample.journal(400), target,
            progress=lambda d, t: seen.append((d, t)),
            cancel=lambda: bool(seen) and seen[-1][0] > 300,  # while laying out pages
        )  # fmt: skip
    assert seen and 300 < seen[-1][0] < seen[-1][1]
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_render_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "m.pdf"
    target.write_bytes(b"old report")
    with pytest.raises(Cancelled):
        render_monthly_pdf(sample.monthly(), target, cancel=lambda: True)
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["m.pdf"]


def test_progress_reaches_the_total(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    render_journal_pdf(sample.journal(120), tmp_path / "j.pdf",
                       progress=lambda d, t: seen.append((d, t)))  # fmt: skip
    assert seen[-1][0] == seen[-1][1] == 121  # one unit per row, and the end
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_overdue_pdf_lists_rows_and_counts(tmp_path: Path) -> None:
    out = render_overdue_pdf(sample.overdue(3), tmp_path / "o.pdf")
    text = "\n".join(pages(out))
    assert "ვადაგადაცილებული: 2 · კონტროლზე: 1 · სულ სიაში: 3" in text
    assert rows(text)["შ-1/2026"][:2] == ["05.10.2026", "ოთარ მესხი"]
    assert "20" in rows(text)["შ-1/2026"]
    empty = render_overdue_pdf(sample.overdue(0), tmp_path / "e.pdf")
    assert "ვადაგადაცილებული და კონტროლზე მყოფი დოკუმენტები არ არის." in pages(empty)[0]


def test_foi_pdf_has_every_line_of_the_annual_report(tmp_path: Path) -> None:
    out = render_foi_pdf(sample.foi(), tmp_path / "f.pdf")
    table = rows("\n".join(pages(out)))
    expected = {
        "მიღებული საჯარო ინფორმაციის მოთხოვნები": "41", "სრულად დაკმაყოფილდა": "20",
        "ნაწილობრივ დაკმაყოფილდა": "7", "უარი ეთქვა": "5",
        "გადაეგზავნა კომპეტენტურ დაწესებულებას": "4", "განხილვის პროცესშია": "5",
        "პასუხი გაცემულია კანონით დადგენილ ვადაში": "33",
        "პასუხი გაცემულია ვადის დარღვევით": "3", "ვადაგადაცილებული მოთხოვნები (სულ)": "4",
        "გასაჩივრებული გადაწყვეტილებები": "2", "საჩივარი დაკმაყოფილდა": "1",
        "საჩივარი არ დაკმაყოფილდა": "1",
        "სზაკ, მუხ. 44 — პერსონალური მონაცემები": "3", "კომერციული საიდუმლოება": "2",
        "გიორგი კაპანაძე": "5",
    }  # fmt: skip
    for label, value in expected.items():
        assert table[label][-1] == value, label
    text = "\n".join(pages(out))
    assert "12,50" in text  # fees: 1250 tetri
    assert "წარედგინება არაუგვიანეს 10 დეკემბერი 2026" in text
    box = PdfReader(str(out)).pages[0].mediabox
    assert float(box.width) < float(box.height)  # A4 portrait, to be signed and sent


def test_slip_and_reply_letter_share_the_letterhead(tmp_path: Path) -> None:
    import datetime as dt

    from reports.data import AcknowledgmentSlip
    from tests.reports._samples import LETTERHEAD

    slip = render_slip(
        AcknowledgmentSlip(LETTERHEAD, "შ-5/2026", dt.date(2026, 11, 20), "20 ნოემბერი 2026",
                           "განცხადება", "ოთარ მესხი", "განათება", "21 დეკემბერი 2026",
                           "1 თვე", "ნინო ბერიძე"),
        tmp_path / "slip.pdf",
    )  # fmt: skip
    letter = render_reply_letter(sample.letter(), tmp_path / "letter.pdf")
    slip_text, letter_text = pages(slip)[0], pages(letter)[0]
    head = [LETTERHEAD.office_name, "ლანჩხუთი, ჟორდანიას ქ. N 72 · +995 494 22 22 22"]
    for line in head:
        assert line in slip_text and line in letter_text
    # The letterhead is the first thing on both.
    assert slip_text.strip().startswith(LETTERHEAD.office_name)
    assert letter_text.strip().startswith(LETTERHEAD.office_name)
    for part in ("N გ-15/2026", "ბატონ ოთარ მესხს", "თემა: ქუჩის განათება",
                 "ქუჩის განათება აღდგება დეკემბრის ბოლომდე.", "გიორგი ნინიძე",
                 "შემსრულებელი: ლევან წიკლაური", "N შ-120/2026"):  # fmt: skip
        assert part in letter_text, part
    assert all("not embedded" not in f for f in fonts(letter))


def test_reply_letter_with_a_logo(tmp_path: Path) -> None:
    from dataclasses import replace

    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 40), (170, 0, 0)).save(logo)
    letter = sample.letter()
    letter = replace(letter, letterhead=replace(letter.letterhead, logo_path=str(logo)))
    out = render_reply_letter(letter, tmp_path / "letter.pdf")
    page = PdfReader(str(out)).pages[0]
    assert list(page.images), "the logo is drawn"
    assert "გიორგი ნინიძე" in page.extract_text()


def test_journal_rows_may_be_lazy(tmp_path: Path) -> None:
    """app/ hands the journal rows as a lazy iterable; the renderer reads it once."""
    base = sample.journal(60)
    reads = []

    class Lazy:
        def __iter__(self):  # type: ignore[no-untyped-def]
            reads.append(1)
            return iter(sample.journal_rows(60))

    lazy = JournalReport(base.header, base.correspondent_label, base.answer_label, 60, Lazy())
    out = render_journal_pdf(lazy, tmp_path / "j.pdf")
    assert reads == [1]
    assert "შ-60/2026" in "\n".join(pages(out))
