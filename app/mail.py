"""Send a document by e-mail through the office's SMTP server and keep what was sent.

Settings (table ``settings``): ``smtp.host``, ``smtp.port``, ``smtp.user``,
``smtp.starttls`` (yes/no) and ``smtp.from`` (the office e-mail when empty). The password
is never stored: the caller passes it (typed by the clerk, or from the system keyring).

The message is sent first and recorded afterwards (the .eml as an attachment of the
document, audited as ``email_sent``): a server that refuses it leaves nothing behind, and
no database lock is held while the network is slow.
"""

from __future__ import annotations

import datetime as dt
import re
import smtplib
import socket
import ssl
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access import visible_document
from app.attachments import check_size, limit_bytes, store
from app.audit import Change, record
from app.auth import Actor, require
from app.clock import Clock, SystemClock
from app.errors import UserError, ValidationError
from app.office import store_settings
from app.validation import clean_text
from models.db import Database, unit_of_work
from models.tables import Setting

TIMEOUT_SECONDS = 20
BODY_MAX = 20000
_ADDRESS = re.compile(r"^[^@\s<>(),;:\"\[\]\\]+@[^@\s<>(),;:\"\[\]\\]+\.[^@\s<>(),;:\"\[\]\\]+$")
_YES = frozenset({"1", "yes", "true", "on", "y", "კი"})

# 7-bit on the wire (base64 / quoted-printable bodies, RFC 2047 headers): any server takes it.
MAIL_POLICY = policy.SMTP.clone(cte_type="7bit")

SETTING_NAMES = ("smtp.host", "smtp.port", "smtp.user", "smtp.starttls", "smtp.from")


@dataclass(frozen=True)
class SmtpSettings:
    host: str = ""
    port: int = 25
    user: str = ""
    starttls: bool = False
    sender: str = ""  # the From address ("" → the office e-mail)
    office_name: str = ""  # the From display name
    office_email: str = ""

    @property
    def from_address(self) -> str:
        return self.sender or self.office_email


@dataclass(frozen=True)
class SentMessage:
    message_id: str
    to: str
    at: dt.datetime  # UTC
    attachment_id: int | None = None  # the stored .eml


def _settings(s: Session) -> SmtpSettings:
    cfg: dict[str, str] = {
        name: content for name, content in s.execute(select(Setting.name, Setting.content))
    }
    try:
        port = int((cfg.get("smtp.port") or "25").strip())
    except ValueError:
        port = 0
    return SmtpSettings(
        host=(cfg.get("smtp.host") or "").strip(),
        port=port,
        user=(cfg.get("smtp.user") or "").strip(),
        starttls=(cfg.get("smtp.starttls") or "").strip().lower() in _YES,
        sender=(cfg.get("smtp.from") or "").strip(),
        office_name=(cfg.get("office.name") or "").strip(),
        office_email=(cfg.get("office.email") or "").strip(),
    )


def smtp_settings(db: Database) -> SmtpSettings:
    with db.read() as s:
        return _settings(s)


@unit_of_work
def save_smtp_settings(
    db: Database,
    actor: Actor,
    host: str,
    port: int | str,
    user: str = "",
    starttls: bool = False,
    sender: str = "",
    clock: Clock | None = None,
) -> SmtpSettings:
    """The administrator sets the mail server (audited, entity ``setting``)."""
    require(actor, "admin")
    new = {
        "smtp.host": clean_text(host, "smtp_host", max_len=200),
        "smtp.port": str(_port(port)),
        "smtp.user": clean_text(user, "smtp_user", max_len=200),
        "smtp.starttls": "yes" if starttls else "no",
        "smtp.from": _address(sender, "smtp_from") if sender.strip() else "",
    }
    now = (clock or SystemClock()).now_utc()
    with db.write() as s:
        store_settings(s, new, actor.user_id, now)
        return _settings(s)


def _port(value: int | str) -> int:
    try:
        port = int(str(value).strip())
    except ValueError:
        port = 0
    if not 0 < port < 65536:
        raise ValidationError("mail.bad_port", field="smtp_port", got=str(value)[:20])
    return port


def _address(value: str, field: str) -> str:
    text = clean_text(value, field, max_len=200, required=True)
    if not _ADDRESS.match(text):
        raise ValidationError("email.invalid", field=field, got=text[:60])
    return text


def recipients(to: str) -> list[str]:
    """One or more addresses separated by commas or semicolons, each checked."""
    text = clean_text(to, "to", max_len=1000, required=True)
    parts = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
    if not parts:
        raise ValidationError("field.required", field="to")
    return [_address(p, "to") for p in parts]


def _domain(address: str) -> str:
    return address.rpartition("@")[2] or "localhost"


def build_message(
    *,
    sender: str,
    sender_name: str,
    to: list[str],
    subject: str,
    body: str,
    at: dt.datetime,
    attachment: tuple[str, bytes] | None = None,
) -> EmailMessage:
    """A MIME message (UTF-8 text, the PDF attached) ready for ``smtplib``."""
    msg = EmailMessage(policy=MAIL_POLICY)
    msg["From"] = Address(display_name=sender_name, addr_spec=sender)
    msg["To"] = ", ".join(to)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(at.replace(tzinfo=dt.UTC))
    msg["Message-ID"] = make_msgid(domain=_domain(sender))
    msg.set_content(body)
    if attachment is not None:
        name, data = attachment
        msg.add_attachment(data, maintype="application", subtype="pdf", filename=name)
    return msg


def _subject(number: str, subject: str) -> str:
    return re.sub(r"\s+", " ", f"{number} — {subject}" if subject else number).strip()[:300]


def _deliver(
    cfg: SmtpSettings, sender: str, to: list[str], data: bytes, password: str | None
) -> None:
    where: dict[str, str] = {"host": cfg.host, "port": str(cfg.port)}
    try:
        with smtplib.SMTP(cfg.host, cfg.port, timeout=TIMEOUT_SECONDS) as smtp:
            if cfg.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if cfg.user:
                smtp.login(cfg.user, password or "")
            smtp.sendmail(sender, to, data)
    except smtplib.SMTPAuthenticationError as exc:
        raise UserError("mail.auth_failed", field="password", user=cfg.user, **where) from exc
    except smtplib.SMTPRecipientsRefused as exc:
        refused = ", ".join(exc.recipients) or ", ".join(to)
        raise UserError("mail.recipient_refused", field="to", got=refused, **where) from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise UserError("mail.refused", detail=str(exc)[:200], **where) from exc
    except smtplib.SMTPResponseException as exc:
        detail = (
            exc.smtp_error.decode("utf-8", "replace")
            if isinstance(exc.smtp_error, bytes)
            else str(exc.smtp_error)
        )
        raise UserError("mail.refused", detail=f"{exc.smtp_code} {detail}"[:200], **where) from exc
    except (smtplib.SMTPException, ssl.SSLError, OSError) as exc:
        detail = str(exc) or type(exc).__name__
        if isinstance(exc, socket.gaierror | ConnectionRefusedError | TimeoutError):
            detail = exc.strerror or str(exc) or type(exc).__name__
        raise UserError("mail.unreachable", detail=detail[:200], **where) from exc


def send_document(
    db: Database,
    actor: Actor,
    doc_id: int,
    to: str,
    body: str,
    pdf: Path | None,
    clock: Clock | None = None,
    password: str | None = None,
) -> SentMessage:
    """E-mail document *doc_id* (its number and subject as the subject, *pdf* attached);
    the sent message is stored on the document as ``sent-<date>.eml`` and audited."""
    require(actor, "send_mail")
    require(actor, "attach")
    addresses = recipients(to)
    text = clean_text(body, "body", max_len=BODY_MAX, multiline=True)
    pdf_part: tuple[str, bytes] | None = None
    if pdf is not None:
        path = Path(pdf)
        try:
            pdf_part = (path.name, path.read_bytes())
        except OSError as exc:
            raise UserError(
                "attachment.unreadable", field="file", name=path.name,
                detail=exc.strerror or str(exc),
            ) from exc  # fmt: skip
    c = clock or SystemClock()
    now = c.now_utc()
    with db.read() as s:
        doc = visible_document(s, actor, doc_id)
        number, subject = doc.reg_number, doc.subject
        cfg = _settings(s)
        limit = limit_bytes(s)
    if not cfg.host:
        raise UserError("mail.not_configured")
    if not 0 < cfg.port < 65536:
        raise UserError("mail.bad_port", got=str(cfg.port))
    if not cfg.from_address or not _ADDRESS.match(cfg.from_address):
        raise UserError("mail.no_sender")
    if cfg.user and not password:
        raise ValidationError("mail.password_required", field="password", user=cfg.user)
    msg = build_message(
        sender=cfg.from_address,
        sender_name=cfg.office_name,
        to=addresses,
        subject=_subject(number, subject),
        body=text,
        at=now,
        attachment=pdf_part,
    )
    data = msg.as_bytes(policy=MAIL_POLICY)
    file_name = f"sent-{c.today().isoformat()}.eml"
    check_size(file_name, len(data), limit)
    _deliver(cfg, cfg.from_address, addresses, data, password)
    sent_to = ", ".join(addresses)
    with db.write() as s:
        doc = visible_document(s, actor, doc_id)
        row = store(s, actor, doc, file_name, data, "message/rfc822", now)
        record(
            s, at=now, user_id=actor.user_id, action="email_sent", entity="document",
            entity_id=doc.id, changes=[Change("email", "", sent_to)],
        )  # fmt: skip
    return SentMessage(message_id=str(msg["Message-ID"]), to=sent_to, at=now, attachment_id=row.id)
