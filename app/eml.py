"""Read an e-mail message (.eml) dropped on the registration form.

The stdlib ``email`` package does the decoding (RFC 2047 subjects, RFC 2231 file names,
quoted-printable and base64 bodies); this module only picks what the form needs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email import policy
from email.errors import HeaderParseError, MessageError
from email.header import decode_header, make_header
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.parser import BytesParser
from html.parser import HTMLParser

from app.clock import TBILISI
from app.errors import ValidationError

_SPACES = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class EmlDraft:
    sender_email: str
    sender_name: str
    subject: str
    sent_date: dt.date | None  # the day in Tbilisi the message was sent
    body_text: str
    attachments: tuple[tuple[str, str, bytes], ...]  # (file name, mime type, content)


class _TextOfHtml(HTMLParser):
    """The readable text of an HTML body (no scripts or styles)."""

    _BREAKS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in self._BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    p = _TextOfHtml()
    p.feed(html)
    p.close()
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(p.parts).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _sender(msg: EmailMessage) -> tuple[str, str]:
    header = msg.get("From") or msg.get("Sender")
    addresses: tuple[Address, ...] = getattr(header, "addresses", ()) if header else ()
    if not addresses:
        return "", _one_line(str(header or ""))
    a = addresses[0]
    return a.addr_spec if a.domain else a.username, _display_name(msg, a.display_name)


def _display_name(msg: EmailMessage, parsed: str) -> str:
    """The sender's name. The modern parser keeps the space between two encoded words of a
    folded name ("მუნიც იპალიტეტის"); RFC 2047 says it is dropped, as the legacy decoder does."""
    raw = next((str(v) for k, v in msg.raw_items() if k.lower() == "from"), "")
    if "=?" not in raw or "<" not in raw:
        return _one_line(parsed)
    try:
        text = str(make_header(decode_header(raw)))
    except (LookupError, ValueError, HeaderParseError):
        return _one_line(parsed)
    name = _one_line(text.rpartition("<")[0]).strip('"').strip()
    return name or _one_line(parsed)


def _sent_date(msg: EmailMessage) -> dt.date | None:
    header = msg.get("Date")
    when: dt.datetime | None = getattr(header, "datetime", None) if header else None
    if when is None:
        return None
    if when.tzinfo is None:  # "-0000": the sender did not say; take it as UTC
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(TBILISI).date()


def _text(part: Message) -> str:
    try:
        content = part.get_content()  # type: ignore[attr-defined]
    except (LookupError, ValueError, AttributeError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    return content if isinstance(content, str) else ""


def _body(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = _text(part)
    if part.get_content_type() == "text/html":
        text = html_to_text(text)
    return text.replace("\r\n", "\n").strip()


def _attachments(msg: EmailMessage) -> tuple[tuple[str, str, bytes], ...]:
    found: list[tuple[str, str, bytes]] = []
    for n, part in enumerate(msg.iter_attachments(), start=1):
        mime = part.get_content_type()
        if mime == "message/rfc822":
            inner = part.get_payload()
            first = inner[0] if isinstance(inner, list) and inner else None
            content = first.as_bytes(policy=policy.default) if isinstance(first, Message) else b""
        else:
            payload = part.get_payload(decode=True)
            content = payload if isinstance(payload, bytes) else b""
        name = _one_line(part.get_filename() or "")
        if not name:
            ext = {"message/rfc822": ".eml", "text/plain": ".txt", "application/pdf": ".pdf"}
            name = f"attachment-{n}{ext.get(mime, '.bin')}"
        found.append((name, mime, content))
    return tuple(found)


def parse_eml(data: bytes) -> EmlDraft:
    """What the registration form takes from a message: sender, subject, date, text, files."""
    if not data or not data.strip():
        raise ValidationError("eml.invalid", field="file")
    msg = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(msg, EmailMessage)
    try:  # the standard library parses headers lazily, and a malformed one can raise
        # anything (HeaderParseError, CharsetError, IndexError, ValueError on "From:<",
        # "=??b?DQ?=" or a non-ASCII charset name)
        if not any(msg.get(h) for h in ("From", "Subject", "Date", "Message-ID", "To")):
            raise ValidationError("eml.invalid", field="file")
        sender_email, sender_name = _sender(msg)
        return EmlDraft(
            sender_email=sender_email,
            sender_name=sender_name,
            subject=_one_line(str(msg.get("Subject") or "")),
            sent_date=_sent_date(msg),
            body_text=_body(msg),
            attachments=_attachments(msg),
        )
    except (MessageError, IndexError, ValueError, TypeError, LookupError) as exc:
        if isinstance(exc, ValidationError):
            raise
        raise ValidationError("eml.invalid", field="file") from exc
