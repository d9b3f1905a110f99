"""The document card and the acknowledgment slip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.auth import Actor, default_actor
from app.clock import FixedClock
from app.documents import get_card, print_slip
from app.errors import NotFound
from app.registration import RegistrationInput, register
from models.db import Database


def _admin(db: Database) -> Actor:
    with db.read() as s:
        a = default_actor(s)
    assert a is not None
    return a


def test_card_explains_the_due_date(sqlite_db: Database, clock: FixedClock) -> None:
    admin = _admin(sqlite_db)
    doc = register(
        sqlite_db, admin,
        RegistrationInput(kind="incoming", doc_type="foi", subject="ბიუჯეტი",
                          from_name="ეკა ჩხაიძე", reg_date=dt.date(2026, 4, 2)),
        clock,
    )  # fmt: skip
    card = get_card(sqlite_db, admin, doc.id)
    assert card.number == doc.number
    assert card.due_date == dt.date(2026, 4, 14)
    assert "აღდგომა" in card.due_explanation and card.due_explanation.endswith("14 აპრილი 2026")
    assert card.correspondent == "ეკა ჩხაიძე"
    assert card.status_label == "რეგისტრირებული"


def test_unknown_document_is_a_user_error(sqlite_db: Database) -> None:
    with pytest.raises(NotFound):
        get_card(sqlite_db, _admin(sqlite_db), 999_999)


def test_slip_pdf_has_georgian_text_and_the_number(
    sqlite_db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    admin = _admin(sqlite_db)
    doc = register(
        sqlite_db, admin,
        RegistrationInput(kind="incoming", doc_type="application", subject="გარე განათება",
                          from_name="დავით ჟღენტი", reg_date=dt.date(2026, 11, 20)),
        clock,
    )  # fmt: skip
    out = print_slip(sqlite_db, admin, doc.id, tmp_path / "slip.pdf")
    text = PdfReader(str(out)).pages[0].extract_text()
    assert doc.number in text
    assert "ცნობა დოკუმენტის მიღების შესახებ" in text
    assert "დავით ჟღენტი" in text
    assert "20 დეკემბერი 2026" not in text or doc.due_date == dt.date(2026, 12, 21)
    assert "21 დეკემბერი 2026" in text  # 20 Dec is a Sunday → next working day
    fonts = {
        str(f.get("/BaseFont"))
        for f in PdfReader(str(out)).pages[0]["/Resources"]["/Font"].values()  # type: ignore[index, union-attr]
        for f in [f.get_object()]
    }
    assert any("DejaVuSans" in name for name in fonts)
    assert not list(tmp_path.glob(".tmp-*"))
