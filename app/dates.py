"""Dates in words, Georgian and English ("2 აპრილი 2026")."""

from __future__ import annotations

import datetime as dt

MONTHS_KA = (
    "იანვარი", "თებერვალი", "მარტი", "აპრილი", "მაისი", "ივნისი",
    "ივლისი", "აგვისტო", "სექტემბერი", "ოქტომბერი", "ნოემბერი", "დეკემბერი",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(day: dt.date, lang: str = "ka") -> str:
    months = MONTHS_KA if lang == "ka" else MONTHS_EN
    return f"{day.day} {months[day.month - 1]} {day.year}"


def short_day(day: dt.date, lang: str = "ka") -> str:
    months = MONTHS_KA if lang == "ka" else MONTHS_EN
    return f"{day.day} {months[day.month - 1]}"


def month_name(month: int, lang: str = "ka") -> str:
    return (MONTHS_KA if lang == "ka" else MONTHS_EN)[month - 1]
