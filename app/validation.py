"""Field checks shared by every use case. Each raises ValidationError naming the field."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from app.errors import ValidationError

MIN_DATE = dt.date(1990, 1, 1)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def clean_text(
    value: str | None, field: str, *, max_len: int, required: bool = False, multiline: bool = False
) -> str:
    """Strip, NFC-normalise, refuse control characters, check length and presence."""
    text = unicodedata.normalize("NFC", value or "").strip()
    for ch in text:
        cat = unicodedata.category(ch)
        if (cat == "Cc" and not (multiline and ch in "\n\t\r")) or cat == "Cs":
            raise ValidationError("field.bad_chars", field=field)
    if required and not text:
        raise ValidationError("field.required", field=field)
    if len(text) > max_len:
        raise ValidationError("field.too_long", field=field, max=max_len)
    return text


def digits_id(value: str | None, field: str, length: int) -> str | None:
    text = (value or "").strip().replace(" ", "")
    if not text:
        return None
    if len(text) != length or not text.isascii() or not text.isdigit():
        key = "personal_id.invalid" if field == "personal_id" else "org_code.invalid"
        raise ValidationError(key, field=field, got=(value or "")[:40])
    return text


def email(value: str | None) -> str:
    text = clean_text(value, "email", max_len=200)
    if text and not _EMAIL.match(text):
        raise ValidationError("email.invalid", field="email", got=text[:60])
    return text


def parse_date(value: str | dt.date | None, field: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    text = value.strip()
    if not text:
        return None
    try:
        m = _DOTTED.match(text)
        if m:  # the way clerks write dates: 25.11.2026
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if not _ISO.match(text):  # only YYYY-MM-DD: not 2026-W01-1, 20261125 or 2026-330
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError("date.invalid", field=field, got=text[:40]) from None


def date_in_range(day: dt.date, field: str, today: dt.date, *, allow_future: bool = False) -> None:
    hi = today if not allow_future else dt.date(today.year + 5, 12, 31)
    if day < MIN_DATE or day > hi:
        if day > today and not allow_future:
            raise ValidationError("date.in_future", field=field, got=day.isoformat())
        raise ValidationError(
            "date.out_of_range",
            field=field,
            got=day.isoformat(),
            lo=MIN_DATE.isoformat(),
            hi=hi.isoformat(),
        )


def one_of(value: str, field: str, allowed: tuple[str, ...] | list[str], key: str) -> str:
    if value not in allowed:
        raise ValidationError(key, field=field, got=value[:40], allowed=", ".join(allowed))
    return value
