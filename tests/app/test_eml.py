"""Reading .eml messages for the registration form (Georgian headers, attachments)."""

from __future__ import annotations

import base64
import datetime as dt
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage

import pytest

from app.eml import html_to_text, parse_eml
from app.errors import ValidationError

SUBJECT = "საჯარო ინფორმაციის გამოთხოვა — 2026 წლის ბიუჯეტი"
WIRE = policy.SMTP.clone(cte_type="7bit")  # what a mail program sends
PDF = b"%PDF-1.4\n% \xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def sample() -> bytes:
    """A message as a mail program writes it: text + HTML, a PDF with a Georgian name."""
    msg = EmailMessage(policy=WIRE)
    msg["From"] = Address(display_name="ნინო ბერიძე", addr_spec="nino.beridze@example.ge")
    msg["To"] = "info@lanchkhuti.gov.ge"
    msg["Subject"] = SUBJECT
    msg["Date"] = "Tue, 24 Nov 2026 22:30:00 +0000"  # already the 25th in Tbilisi
    msg["Message-ID"] = "<123@example.ge>"
    msg.set_content("გამარჯობა,\n\nგთხოვთ, მომაწოდოთ ბიუჯეტის ასლი.\n")
    msg.add_alternative(
        "<p>გამარჯობა,</p><p>გთხოვთ, მომაწოდოთ <b>ბიუჯეტის</b> ასლი.</p>", subtype="html"
    )
    msg.add_attachment(PDF, maintype="application", subtype="pdf", filename="განცხადება.pdf")
    msg.add_attachment("სია\n", subtype="plain", filename="სია.txt")
    return msg.as_bytes()


def test_the_sample_is_encoded_as_on_the_wire() -> None:
    raw = sample()
    assert raw.isascii()  # headers RFC 2047/2231-encoded, bodies base64 or QP
    assert b"Subject: =?utf-8?" in raw
    assert "საჯარო".encode() not in raw


def test_parse_sender_subject_date_body_and_files() -> None:
    draft = parse_eml(sample())
    assert draft.sender_email == "nino.beridze@example.ge"
    assert draft.sender_name == "ნინო ბერიძე"
    assert draft.subject == SUBJECT
    assert draft.sent_date == dt.date(2026, 11, 25)
    assert draft.body_text == "გამარჯობა,\n\nგთხოვთ, მომაწოდოთ ბიუჯეტის ასლი."
    assert draft.attachments == (
        ("განცხადება.pdf", "application/pdf", PDF),
        ("სია.txt", "text/plain", "სია\r\n".encode()),  # text parts travel with CRLF
    )


def b64(text: str) -> str:
    return "=?UTF-8?B?" + base64.b64encode(text.encode()).decode() + "?="


def test_hand_written_message_with_encoded_words_and_html_only_body() -> None:
    """As Outlook sends it: the subject split over two encoded words, an HTML-only body."""
    raw = (
        "From: " + b64("გიორგი გიგინეიშვილი") + " <giorgi@example.com>\r\n"
        "Subject: " + b64("განცხადება") + "\r\n " + b64(" გზის შეკეთებაზე") + "\r\n"
        "Date: Mon, 23 Nov 2026 10:15:00 +0400\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: text/html; charset="utf-8"\r\n'
        "Content-Transfer-Encoding: base64\r\n"
        "\r\n"
        + base64.encodebytes(
            "<html><style>p{x:1}</style><body><p>გთხოვთ</p><p>შეაკეთოთ&nbsp;გზა</p>"
            "<script>alert(1)</script></body></html>".encode()
        ).decode()
    ).encode()
    draft = parse_eml(raw)
    assert draft.sender_email == "giorgi@example.com"
    assert draft.sender_name == "გიორგი გიგინეიშვილი"
    assert draft.subject == "განცხადება გზის შეკეთებაზე"
    assert draft.sent_date == dt.date(2026, 11, 23)
    assert draft.body_text == "გთხოვთ\n\nშეაკეთოთ გზა"  # &nbsp; read as a space
    assert draft.attachments == ()


def test_missing_or_broken_headers_leave_fields_empty() -> None:
    raw = b"From: someone\r\nDate: not a date\r\n\r\nplain ascii body\r\n"
    draft = parse_eml(raw)
    assert (draft.sender_email, draft.subject, draft.sent_date) == ("someone", "", None)
    assert draft.body_text == "plain ascii body"


def test_an_attached_message_keeps_its_bytes() -> None:
    inner = EmailMessage()
    inner["From"] = "a@example.ge"
    inner["Subject"] = "შიდა"
    inner.set_content("x")
    outer = EmailMessage()
    outer["From"] = "b@example.ge"
    outer["Subject"] = "Fwd"
    outer.set_content("see attached")
    outer.add_attachment(inner)
    draft = parse_eml(outer.as_bytes(policy=policy.SMTP))
    [(name, mime, content)] = draft.attachments
    assert (name, mime) == ("attachment-1.eml", "message/rfc822")
    assert parse_eml(content).subject == "შიდა"


@pytest.mark.parametrize("data", [b"", b"   \r\n", b"%PDF-1.4 not a message at all"])
def test_not_a_message(data: bytes) -> None:
    with pytest.raises(ValidationError) as err:
        parse_eml(data)
    assert (err.value.key, err.value.field) == ("eml.invalid", "file")


def test_html_to_text() -> None:
    assert (
        html_to_text("<div>ერთი<br>ორი</div>\n\n\n<p> სამი  ოთხი </p>") == "ერთი\nორი\n\nსამი ოთხი"
    )


def test_a_long_georgian_name_folded_over_two_encoded_words() -> None:
    """The stdlib parser keeps the space between the words ("მუნიც იპალიტეტის"); we do not."""
    msg = EmailMessage(policy=WIRE)
    msg["From"] = Address(display_name="ლანჩხუთის მუნიციპალიტეტის მერია", addr_spec="info@l.ge")
    msg["Subject"] = "x"
    raw = msg.as_bytes()
    assert raw.count(b"=?utf-8?b?") >= 2
    draft = parse_eml(raw)
    assert (draft.sender_name, draft.sender_email) == (
        "ლანჩხუთის მუნიციპალიტეტის მერია",
        "info@l.ge",
    )
