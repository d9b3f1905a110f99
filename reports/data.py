"""Plain data the renderers take. app/ fills these; renderers never count or query."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Letterhead:
    office_name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    logo_path: str = ""


@dataclass(frozen=True)
class AcknowledgmentSlip:
    """ცნობა მიღების შესახებ — handed to a citizen who brings a document in person."""

    letterhead: Letterhead
    number: str
    reg_date: dt.date
    reg_date_text: str
    doc_type: str
    correspondent: str
    subject: str
    due_date_text: str
    due_explanation: str
    clerk: str
