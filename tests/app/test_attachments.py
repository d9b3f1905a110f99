"""Attachments: stored with SHA-256 and size, a limit from settings, checked on export."""

from __future__ import annotations

import datetime as dt
import hashlib
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app import attachments
from app.attachments import (
    add_attachment,
    add_eml,
    add_file,
    attachment_content,
    export_attachment,
    list_attachments,
    remove_attachment,
    safe_file_name,
)
from app.auth import Actor
from app.clock import FixedClock
from app.errors import NotFound, PermissionDenied, UserError, ValidationError
from app.registration import RegistrationInput, register
from models.db import Database
from models.tables import Attachment, AuditEntry, Document, Setting
from tests.app._rules_helpers import admin, audit_count, reg, user

DAY = dt.date(2026, 11, 20)
ALL_BYTES = bytes(range(256)) * 40  # every byte value survives the round trip


def set_limit(db: Database, value: str) -> None:
    with db.write() as s:
        s.execute(update(Setting).where(Setting.name == "attachments.max_mb").values(content=value))


def attachment_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count(Attachment.id))) or 0)


def version(db: Database, doc_id: int) -> int:
    with db.read() as s:
        doc = s.get(Document, doc_id)
        assert doc is not None
        return doc.version


def test_add_list_read_and_export_round_trip(
    db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    doc = reg(db, clock, DAY)
    clerk = user(db, "registrar")
    before = version(db, doc.id)
    row = add_attachment(db, clerk, doc.id, "განცხადება.pdf", ALL_BYTES, clock=clock)

    assert row.file_name == "განცხადება.pdf"
    assert row.mime_type == "application/pdf"  # guessed from the name
    assert row.size_bytes == len(ALL_BYTES)
    assert row.sha256 == hashlib.sha256(ALL_BYTES).hexdigest()
    assert row.created_by == clerk.full_name and row.created_by_id == clerk.user_id
    assert row.created_at == clock.now_utc()
    assert list_attachments(db, admin(db), doc.id) == [row]
    assert attachment_content(db, admin(db), row.id) == ALL_BYTES
    # Adding a file does not bump the card's version (no "changed by" for a card editor).
    assert version(db, doc.id) == before

    first = export_attachment(db, admin(db), row.id, tmp_path / "out")
    second = export_attachment(db, admin(db), row.id, tmp_path / "out")
    assert first == tmp_path / "out" / "განცხადება.pdf"
    assert second == tmp_path / "out" / "განცხადება (2).pdf"
    assert first.read_bytes() == second.read_bytes() == ALL_BYTES

    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "attach")).one()
        assert (entry.entity, entry.entity_id, entry.user_id) == ("document", doc.id, clerk.user_id)
        assert (entry.field, entry.new_value) == ("attachment", "განცხადება.pdf")


def test_over_the_limit_is_refused_with_sizes_and_nothing_written(
    sqlite_db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    db = sqlite_db
    doc = reg(db, clock, DAY)
    set_limit(db, "1")
    big = b"x" * (3 * 1024 * 1024 // 2)  # 1.5 MB
    audits = audit_count(db)

    with pytest.raises(ValidationError) as err:
        add_attachment(db, admin(db), doc.id, "scan.tif", big, clock=clock)
    assert err.value.key == "attachment.too_large" and err.value.field == "file"
    assert err.value.message("ka") == (
        "ფაილი „scan.tif“ ძალიან დიდია: 1.5 მბ. დასაშვებია არაუმეტეს 1 მბ "
        "(ზღვარს ადმინისტრატორი ცვლის პარამეტრებში)."
    )
    assert "1.5 MB" in err.value.message("en") and "limit is 1 MB" in err.value.message("en")

    path = tmp_path / "scan.tif"
    path.write_bytes(big)
    with pytest.raises(ValidationError) as err:
        add_file(db, admin(db), doc.id, path, clock=clock)
    assert err.value.key == "attachment.too_large"
    assert attachment_count(db) == 0 and audit_count(db) == audits

    # Exactly at the limit is allowed; an unreadable setting falls back to 20 MB.
    add_attachment(db, admin(db), doc.id, "ok.bin", b"y" * (1024 * 1024), clock=clock)
    set_limit(db, "not a number")
    add_attachment(db, admin(db), doc.id, "big.bin", big, clock=clock)
    assert attachment_count(db) == 2
    with db.read() as s:
        assert attachments.limit_bytes(s) == 20 * 1024 * 1024


def test_file_name_is_required_and_folders_are_dropped(
    sqlite_db: Database, clock: FixedClock
) -> None:
    db = sqlite_db
    doc = reg(db, clock, DAY)
    for bad in ("", "   ", "C:\\scans\\"):
        with pytest.raises(ValidationError) as err:
            add_attachment(db, admin(db), doc.id, bad, b"data", clock=clock)
        assert (err.value.key, err.value.field) == ("field.required", "file_name")
    with pytest.raises(ValidationError) as err:
        add_attachment(db, admin(db), doc.id, "a\x00b.txt", b"data", clock=clock)
    assert err.value.key == "field.bad_chars"
    assert attachment_count(db) == 0

    row = add_attachment(db, admin(db), doc.id, "C:\\Users\\nino\\სკანი.jpg", b"jpg", clock=clock)
    assert (row.file_name, row.mime_type) == ("სკანი.jpg", "image/jpeg")
    row = add_attachment(db, admin(db), doc.id, "/tmp/x/notes", b"", "text/plain", clock=clock)
    assert (row.file_name, row.mime_type, row.size_bytes) == ("notes", "text/plain", 0)


def test_add_file_reads_the_path(sqlite_db: Database, clock: FixedClock, tmp_path: Path) -> None:
    db = sqlite_db
    doc = reg(db, clock, DAY)
    path = tmp_path / "ოქმი.docx"
    path.write_bytes(b"PK\x03\x04 docx")
    row = add_file(db, admin(db), doc.id, path, clock=clock)
    assert row.file_name == "ოქმი.docx" and row.size_bytes == path.stat().st_size
    assert row.mime_type.endswith("wordprocessingml.document")
    with pytest.raises(UserError) as err:
        add_file(db, admin(db), doc.id, tmp_path / "missing.pdf", clock=clock)
    assert err.value.key == "attachment.unreadable" and "missing.pdf" in err.value.message()
    with pytest.raises(ValidationError) as err:
        add_file(db, admin(db), doc.id, tmp_path, clock=clock)
    assert err.value.key == "attachment.is_folder"
    assert attachment_count(db) == 1


@pytest.mark.parametrize(
    "name",
    ["Ⴀ" * 86, "a" * 256 + ".pdf", "nul\x00.pdf"],
    ids=["86 Georgian capitals (258 bytes)", "260 ASCII letters", "a NUL"],
)
def test_a_path_no_file_system_holds_is_refused_not_a_crash(
    sqlite_db: Database, clock: FixedClock, tmp_path: Path, name: str
) -> None:
    """Found by tests/app/test_fuzz.py: asking whether such a path is a folder raised
    OSError (name too long) or ValueError (NUL) instead of "cannot read the file"."""
    db = sqlite_db
    doc = reg(db, clock, DAY)
    audit = audit_count(db)
    with pytest.raises(UserError) as err:
        add_file(db, admin(db), doc.id, tmp_path / name, clock=clock)
    assert err.value.key == "attachment.unreadable"
    assert err.value.message("ka").startswith("ფაილი „") and err.value.message("en")
    assert (attachment_count(db), audit_count(db)) == (0, audit)


def test_export_verifies_the_sha256(sqlite_db: Database, clock: FixedClock, tmp_path: Path) -> None:
    db = sqlite_db
    doc = reg(db, clock, DAY)
    row = add_attachment(db, admin(db), doc.id, "act.pdf", b"%PDF-1.7 original", clock=clock)
    with db.write() as s:  # a bit flipped behind the program's back
        s.execute(
            update(Attachment).where(Attachment.id == row.id).values(content=b"%PDF-1.7 originaL")
        )
    out = tmp_path / "out"
    with pytest.raises(UserError) as err:
        export_attachment(db, admin(db), row.id, out)
    assert err.value.key == "attachment.corrupt" and "act.pdf" in err.value.message()
    assert not out.exists() or not any(out.iterdir())
    with pytest.raises(UserError) as err:
        attachment_content(db, admin(db), row.id)
    assert err.value.key == "attachment.corrupt"


def test_export_uses_a_safe_name_inside_the_folder(
    sqlite_db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    db = sqlite_db
    doc = reg(db, clock, DAY)
    row = add_attachment(db, admin(db), doc.id, 'ანგარიში: "2026"?.pdf', b"pdf", clock=clock)
    path = export_attachment(db, admin(db), row.id, tmp_path)
    assert path == tmp_path / "ანგარიში_ _2026__.pdf"
    assert path.read_bytes() == b"pdf"


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("CON.txt", "_CON.txt"),
        ("lpt1", "_lpt1"),
        ("a<b>c|d*.pdf", "a_b_c_d_.pdf"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\boot.ini", "boot.ini"),
        ("report. . ", "report"),
        ("...", "attachment"),
        ("", "attachment"),
        ("ტაბ\tული.xlsx", "ტაბ_ული.xlsx"),
    ],
)
def test_safe_file_name(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe


def test_long_names_keep_their_extension() -> None:
    name = safe_file_name("ა" * 300 + ".pdf")
    assert len(name) <= 200 and name.endswith(".pdf")


def test_remove_by_uploader_or_admin_only(sqlite_db: Database, clock: FixedClock) -> None:
    db = sqlite_db
    doc = reg(db, clock, DAY)
    mine = user(db, "executor", "exec1")
    other = user(db, "executor", "exec2")
    a = add_attachment(db, mine, doc.id, "one.txt", b"1", clock=clock)
    b = add_attachment(db, mine, doc.id, "two.txt", b"2", clock=clock)

    with pytest.raises(PermissionDenied) as err:
        remove_attachment(db, other, a.id, clock=clock)
    assert err.value.key == "attachment.remove_denied" and "one.txt" in err.value.message()
    with pytest.raises(PermissionDenied):
        remove_attachment(db, user(db, "viewer"), a.id, clock=clock)
    assert audit_count(db, "detach") == 0

    remove_attachment(db, mine, a.id, clock=clock)
    remove_attachment(db, admin(db), b.id, clock=clock)
    assert list_attachments(db, admin(db), doc.id) == []
    with db.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == "detach")).all()
        assert [(r.entity_id, r.old_value, r.new_value) for r in rows] == [
            (doc.id, "one.txt", ""),
            (doc.id, "two.txt", ""),
        ]
    with pytest.raises(NotFound) as err:
        remove_attachment(db, admin(db), a.id, clock=clock)
    assert err.value.key == "attachment.unknown"


def test_roles_and_unknown_documents(
    sqlite_db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    db = sqlite_db
    doc = reg(db, clock, DAY)
    for role in ("admin", "registrar", "head", "executor"):
        add_attachment(db, user(db, role, f"u-{role}"), doc.id, f"{role}.txt", b"r", clock=clock)
    viewer = user(db, "viewer")
    with pytest.raises(PermissionDenied):
        add_attachment(db, viewer, doc.id, "v.txt", b"v", clock=clock)
    with pytest.raises(PermissionDenied):
        add_file(db, viewer, doc.id, tmp_path / "v.txt", clock=clock)
    rows = list_attachments(db, viewer, doc.id)  # viewers may look
    assert [r.file_name for r in rows] == ["admin.txt", "registrar.txt", "head.txt", "executor.txt"]
    assert attachment_content(db, viewer, rows[0].id) == b"r"
    with pytest.raises(NotFound) as err:
        add_attachment(db, admin(db), 99999, "x.txt", b"x", clock=clock)
    assert err.value.key == "document.unknown"
    with pytest.raises(NotFound):
        list_attachments(db, admin(db), 99999)
    with pytest.raises(NotFound):
        export_attachment(db, admin(db), 99999, tmp_path)


def _confidential(db: Database, clock: FixedClock, clerk: Actor) -> int:
    doc = register(
        db,
        clerk,
        RegistrationInput(
            kind="incoming",
            doc_type="complaint",
            subject="პერსონალური საჩივარი",
            from_name="ნინო ბერიძე",
            reg_date=DAY,
            confidential=True,
        ),
        clock,
    )
    return doc.id


def test_confidential_documents_keep_their_files_private(
    sqlite_db: Database, clock: FixedClock
) -> None:
    db = sqlite_db
    clerk = user(db, "registrar", "clerk")
    doc_id = _confidential(db, clock, clerk)
    row = add_attachment(db, clerk, doc_id, "secret.pdf", b"s", clock=clock)
    outsider = user(db, "executor", "outsider")
    with pytest.raises(PermissionDenied) as err:
        list_attachments(db, outsider, doc_id)
    assert err.value.key == "document.confidential"
    with pytest.raises(PermissionDenied):
        attachment_content(db, outsider, row.id)
    with pytest.raises(PermissionDenied):
        add_attachment(db, outsider, doc_id, "x.pdf", b"x", clock=clock)
    assert [r.id for r in list_attachments(db, admin(db), doc_id)] == [row.id]


def test_an_eml_is_stored_with_its_attachments(sqlite_db: Database, clock: FixedClock) -> None:
    db = sqlite_db
    doc = reg(db, clock, DAY)
    msg = EmailMessage()
    msg["From"] = "nino@example.ge"
    msg["Subject"] = "მოთხოვნა"
    msg.set_content("ტექსტი")
    msg.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="ბიუჯეტი.pdf")
    data = msg.as_bytes(policy=policy.SMTP)
    rows = add_eml(db, admin(db), doc.id, "/home/nino/Downloads/request.eml", data, clock=clock)
    assert [(r.file_name, r.mime_type) for r in rows] == [
        ("request.eml", "message/rfc822"),
        ("ბიუჯეტი.pdf", "application/pdf"),
    ]
    assert attachment_content(db, admin(db), rows[0].id) == data
    assert attachment_content(db, admin(db), rows[1].id) == b"%PDF-1.4"
    assert audit_count(db, "attach") == 2

    set_limit(db, "0.000001")  # every part over the limit: nothing of the message is kept
    with pytest.raises(ValidationError):
        add_eml(db, admin(db), doc.id, "again.eml", data, clock=clock)
    assert attachment_count(db) == 2


def _document_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count(Document.id))) or 0)


def test_registering_with_an_emails_files_is_one_transaction(
    sqlite_db: Database, clock: FixedClock
) -> None:
    db = sqlite_db
    msg = EmailMessage()
    msg["From"] = "ნინო ბერიძე <nino@example.ge>"
    msg["Subject"] = "საჯარო ინფორმაციის მოთხოვნა"
    msg.set_content("გთხოვთ, მომაწოდოთ ბიუჯეტი.")
    msg.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="ბიუჯეტი.pdf")
    data = msg.as_bytes(policy=policy.SMTP)
    files = attachments.eml_files("C:\\Users\\nino\\request.eml", data)
    inp = RegistrationInput(
        kind="incoming", doc_type="foi", subject="მოთხოვნა", from_name="ნინო ბერიძე", reg_date=DAY
    )

    # Over the limit: refused before anything is written — no number is used up.
    set_limit(db, "0.000001")
    docs, audits = _document_count(db), audit_count(db)
    with pytest.raises(ValidationError) as err:
        attachments.register_with_files(db, admin(db), inp, files, clock)
    assert err.value.key == "attachment.too_large"
    assert (_document_count(db), audit_count(db), attachment_count(db)) == (docs, audits, 0)

    # Invalid registration with valid files: nothing either.
    set_limit(db, "20")
    with pytest.raises(ValidationError):
        attachments.register_with_files(
            db,
            admin(db),
            RegistrationInput(kind="incoming", doc_type="foi", subject=""),
            files,
            clock,
        )
    assert (_document_count(db), attachment_count(db)) == (docs, 0)

    doc = attachments.register_with_files(db, admin(db), inp, files, clock)
    rows = list_attachments(db, admin(db), doc.id)
    assert [(r.file_name, r.mime_type) for r in rows] == [
        ("request.eml", "message/rfc822"),
        ("ბიუჯეტი.pdf", "application/pdf"),
    ]
    assert attachment_content(db, admin(db), rows[0].id) == data
    assert doc.number.endswith("/2026") and _document_count(db) == docs + 1

    # A viewer may neither register nor attach.
    with pytest.raises(PermissionDenied):
        attachments.register_with_files(db, user(db, "viewer"), inp, files, clock)
