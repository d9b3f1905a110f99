"""Sending a document by e-mail through a real local SMTP server (aiosmtpd)."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword
from sqlalchemy import func, select

from app import mail
from app.attachments import attachment_content, list_attachments
from app.clock import FixedClock
from app.eml import parse_eml
from app.errors import PermissionDenied, UserError, ValidationError
from app.registration import RegisteredDocument
from models.db import Database
from models.tables import AuditEntry, Setting
from tests.app._rules_helpers import admin, audit_count, reg, user

PDF = b"%PDF-1.4\n% \xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
BODY = "გიგზავნით პასუხს თქვენს მიმართვაზე (თან ერთვის).\n\nპატივისცემით,\nნინო"


class Sink:
    """Keeps every message the server accepted; refuses one address."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address.startswith("nobody@"):
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def check_login(
    server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        b"mailer",
        b"s3cret",
    )
    return AuthResult(success=ok, handled=False)  # the server answers 535 itself


@pytest.fixture
def sink() -> Iterator[tuple[Sink, int]]:
    handler = Sink()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def configure(db: Database, port: int, user_name: str = "") -> None:
    mail.save_smtp_settings(
        db, admin(db), "127.0.0.1", port, user=user_name, sender="kantselaria@lanchkhuti.gov.ge"
    )


def sent_doc(db: Database, clock: FixedClock) -> RegisteredDocument:
    return reg(db, clock, dt.date(2026, 11, 20), "letter", kind="outgoing")


def nothing_recorded(db: Database, audits_before: int, doc_id: int) -> bool:
    return audit_count(db) == audits_before and list_attachments(db, admin(db), doc_id) == []


def test_send_with_the_pdf_stores_the_message_and_audits(
    db: Database, clock: FixedClock, sink: tuple[Sink, int], tmp_path: Path
) -> None:
    handler, port = sink
    configure(db, port)
    doc = sent_doc(db, clock)
    pdf = tmp_path / "პასუხი.pdf"
    pdf.write_bytes(PDF)
    clerk = user(db, "executor")

    result = mail.send_document(db, clerk, doc.id, "nino.beridze@example.ge", BODY, pdf, clock)

    [env] = handler.envelopes
    assert env.mail_from == "kantselaria@lanchkhuti.gov.ge"
    assert env.rcpt_tos == ["nino.beridze@example.ge"]
    assert isinstance(env.content, bytes)
    assert b"Subject: =?utf-8?" in env.content  # Georgian subject RFC 2047-encoded
    msg = BytesParser(policy=policy.default).parsebytes(env.content)
    assert isinstance(msg, EmailMessage)
    assert msg["Subject"] == f"{doc.number} — საჯარო ინფორმაცია"
    assert msg["From"].addresses[0].addr_spec == "kantselaria@lanchkhuti.gov.ge"
    assert msg["Message-ID"] == result.message_id
    body = msg.get_body(preferencelist=("plain",))
    assert body is not None and body.get_content().replace("\r\n", "\n").strip() == BODY
    [part] = list(msg.iter_attachments())
    assert (part.get_filename(), part.get_content_type()) == ("პასუხი.pdf", "application/pdf")
    assert part.get_payload(decode=True) == PDF

    assert (result.to, result.at) == ("nino.beridze@example.ge", clock.now_utc())
    [stored] = list_attachments(db, admin(db), doc.id)
    assert (stored.id, stored.file_name, stored.mime_type) == (
        result.attachment_id,
        "sent-2026-11-25.eml",
        "message/rfc822",
    )
    assert stored.created_by == clerk.full_name
    kept = parse_eml(attachment_content(db, admin(db), stored.id))
    assert kept.subject == f"{doc.number} — საჯარო ინფორმაცია"
    assert (kept.sender_name, kept.sender_email) == (
        "ლანჩხუთის მუნიციპალიტეტის მერია",  # folded over two encoded words on the wire
        "kantselaria@lanchkhuti.gov.ge",
    )
    assert kept.attachments == (("პასუხი.pdf", "application/pdf", PDF),)

    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "email_sent")).one()
        assert (entry.entity, entry.entity_id, entry.user_id) == ("document", doc.id, clerk.user_id)
        assert (entry.field, entry.new_value) == ("email", "nino.beridze@example.ge")


def test_without_pdf_and_to_several_addresses(
    sqlite_db: Database, clock: FixedClock, sink: tuple[Sink, int]
) -> None:
    db = sqlite_db
    handler, port = sink
    configure(db, port)
    doc = sent_doc(db, clock)
    result = mail.send_document(
        db, admin(db), doc.id, " a@example.ge; b@example.com ", "ok", None, clock
    )
    [env] = handler.envelopes
    assert env.rcpt_tos == ["a@example.ge", "b@example.com"]
    assert result.to == "a@example.ge, b@example.com"
    msg = BytesParser(policy=policy.default).parsebytes(env.content)  # type: ignore[arg-type]
    assert isinstance(msg, EmailMessage)
    assert list(msg.iter_attachments()) == [] and msg["To"] == "a@example.ge, b@example.com"


def test_unreachable_server_is_a_user_error_and_writes_nothing(
    db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    configure(db, free_port())  # nothing listens there
    doc = sent_doc(db, clock)
    audits = audit_count(db)
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(PDF)
    with pytest.raises(UserError) as err:
        mail.send_document(db, admin(db), doc.id, "nino@example.ge", BODY, pdf, clock)
    assert err.value.key == "mail.unreachable"
    assert err.value.message("ka").startswith("ფოსტის სერვერს 127.0.0.1:")
    assert "Nothing was sent" in err.value.message("en")
    assert nothing_recorded(db, audits, doc.id)


def test_refused_recipient_and_bad_addresses(
    sqlite_db: Database, clock: FixedClock, sink: tuple[Sink, int]
) -> None:
    db = sqlite_db
    handler, port = sink
    configure(db, port)
    doc = sent_doc(db, clock)
    audits = audit_count(db)
    with pytest.raises(UserError) as err:
        mail.send_document(db, admin(db), doc.id, "nobody@example.ge", BODY, None, clock)
    assert (err.value.key, err.value.field) == ("mail.recipient_refused", "to")
    assert "nobody@example.ge" in err.value.message()
    for bad in ("", "nino", "nino@example", "ნინო <nino@example.ge>", "a@b.ge, c"):
        with pytest.raises(ValidationError) as verr:
            mail.send_document(db, admin(db), doc.id, bad, BODY, None, clock)
        assert verr.value.field == "to", bad
    assert handler.envelopes == []
    assert nothing_recorded(db, audits, doc.id)


def test_login_with_the_password_typed_by_the_clerk(sqlite_db: Database, clock: FixedClock) -> None:
    db = sqlite_db
    handler = Sink()
    port = free_port()
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=port,
        authenticator=check_login,
        auth_require_tls=False,
    )
    controller.start()
    try:
        configure(db, port, user_name="mailer")
        doc = sent_doc(db, clock)
        audits = audit_count(db)
        with pytest.raises(ValidationError) as err:
            mail.send_document(db, admin(db), doc.id, "nino@example.ge", BODY, None, clock)
        assert (err.value.key, err.value.field) == ("mail.password_required", "password")
        with pytest.raises(UserError) as err:
            mail.send_document(
                db, admin(db), doc.id, "nino@example.ge", BODY, None, clock, password="wrong"
            )
        assert (err.value.key, err.value.field) == ("mail.auth_failed", "password")
        assert nothing_recorded(db, audits, doc.id)
        mail.send_document(
            db, admin(db), doc.id, "nino@example.ge", BODY, None, clock, password="s3cret"
        )
        assert len(handler.envelopes) == 1
    finally:
        controller.stop()


def test_checks_before_sending(
    sqlite_db: Database, clock: FixedClock, sink: tuple[Sink, int], tmp_path: Path
) -> None:
    db = sqlite_db
    handler, port = sink
    doc = sent_doc(db, clock)
    audits = audit_count(db)
    with pytest.raises(UserError) as err:  # seeded settings: no server yet
        mail.send_document(db, admin(db), doc.id, "nino@example.ge", BODY, None, clock)
    assert err.value.key == "mail.not_configured"

    configure(db, port)
    audits = audit_count(db)
    with pytest.raises(PermissionDenied):
        mail.send_document(db, user(db, "viewer"), doc.id, "nino@example.ge", BODY, None, clock)
    with pytest.raises(UserError) as err:
        mail.send_document(
            db, admin(db), doc.id, "nino@example.ge", BODY, tmp_path / "no.pdf", clock
        )
    assert err.value.key == "attachment.unreadable"
    with db.write() as s:
        row = s.scalars(select(Setting).where(Setting.name == "attachments.max_mb")).one()
        row.content = "0.01"
    big = tmp_path / "big.pdf"
    big.write_bytes(PDF * 1000)
    with pytest.raises(ValidationError) as err:
        mail.send_document(db, admin(db), doc.id, "nino@example.ge", BODY, big, clock)
    assert err.value.key == "attachment.too_large"
    assert handler.envelopes == []
    assert nothing_recorded(db, audits, doc.id)


def test_smtp_settings_are_saved_by_the_administrator(
    sqlite_db: Database, clock: FixedClock
) -> None:
    db = sqlite_db
    assert mail.smtp_settings(db) == mail.SmtpSettings(
        host="",
        port=25,
        user="",
        starttls=False,
        sender="",
        office_name="ლანჩხუთის მუნიციპალიტეტის მერია",
        office_email="info@lanchkhuti.gov.ge",
    )
    saved = mail.save_smtp_settings(
        db, admin(db), " smtp.lanchkhuti.gov.ge ", "587", "mailer", True, "", clock
    )
    assert (saved.host, saved.port, saved.user, saved.starttls) == (
        "smtp.lanchkhuti.gov.ge",
        587,
        "mailer",
        True,
    )
    assert saved.from_address == "info@lanchkhuti.gov.ge"  # the office e-mail by default
    with db.read() as s:
        fields = set(
            s.scalars(select(AuditEntry.field).where(AuditEntry.entity == "setting")).all()
        )
        assert fields == {"smtp.host", "smtp.port", "smtp.user", "smtp.starttls"}
        assert s.scalar(select(func.count(Setting.id)).where(Setting.name.like("smtp.%"))) == 5
    with pytest.raises(ValidationError) as err:
        mail.save_smtp_settings(db, admin(db), "h", "99999", clock=clock)
    assert (err.value.key, err.value.field) == ("mail.bad_port", "smtp_port")
    with pytest.raises(ValidationError) as err:
        mail.save_smtp_settings(db, admin(db), "h", 25, sender="not-an-address", clock=clock)
    assert err.value.field == "smtp_from"
    with pytest.raises(PermissionDenied):
        mail.save_smtp_settings(db, user(db, "registrar"), "h", 25, clock=clock)
