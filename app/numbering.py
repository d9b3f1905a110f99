"""Registration numbers: templates with tokens, one gap-free sequence per scope and year.

The counter is advanced by one atomic ``UPDATE … SET last_value = last_value + 1 …
RETURNING last_value`` (``OUTPUT inserted.last_value`` on MS SQL), which takes the row
lock for the rest of the transaction: two clerks saving at once queue on that row, and
a rolled-back registration returns its number with the rollback, so no gap appears.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from sqlalchemy import Update, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.errors import ValidationError
from models.tables import NumberCounter

TOKENS = ("seq", "yyyy", "yy", "dept", "kind")
KIND_LETTERS = {"incoming": "შ", "outgoing": "გ", "internal": "შდ"}
# {seq}, {seq:d}, {seq:05} or {seq:05d}: zero-padding to at most 9 digits. Space padding
# ("{seq:5d}") would put blanks into a number; anything else is not a number format.
_FORMAT_SPEC = re.compile(r"^(?:0[1-9])?d?$")
PATTERN_MAX = 60
NUMBER_MAX = 60  # documents.reg_number
# The longest number a template can produce in practice: a million documents a year in
# the longest department code the column allows.
_WORST_CASE = ("X" * 20, 999_999)


@dataclass(frozen=True)
class NumberParts:
    seq: int
    year: int
    dept: str
    kind: str


def check_pattern(pattern: str) -> None:
    """Raise ValidationError unless *pattern* is a usable template.

    It must contain ``{seq}`` (else two documents would share a number), use only the
    known tokens, and fit the column.
    """

    def bad(reason: str) -> ValidationError:
        return ValidationError("number.template_invalid", pattern=pattern, reason=reason)

    if not pattern.strip():
        raise bad("ცარიელია")
    if len(pattern) > PATTERN_MAX:
        raise bad("ძალიან გრძელია")
    try:
        fields = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise bad("ფრჩხილები არ არის დაწყვილებული") from exc
    seen_seq = False
    for _lit, name, spec, conv in fields:
        if name is None:
            continue
        if name not in TOKENS or conv:
            raise bad(f"უცნობი ჩანაცვლება {{{name}}}")
        if name == "seq":
            seen_seq = True
            if spec and not _FORMAT_SPEC.match(spec):
                raise bad(f"არასწორი ფორმატი {{seq:{spec}}}")
        elif spec:
            raise bad("ფორმატი დაშვებულია მხოლოდ {seq}-თვის")
    if not seen_seq:
        raise bad("აკლია {seq} — ნომრები განმეორდებოდა")
    dept, seq = _WORST_CASE
    longest = max(
        len(render(pattern, NumberParts(seq=seq, year=2026, dept=dept, kind=kind)))
        for kind in KIND_LETTERS
    )
    if longest > NUMBER_MAX:
        raise bad(f"ნომერი შეიძლება {longest} სიმბოლო გამოვიდეს (ზღვარი {NUMBER_MAX})")


def render(pattern: str, parts: NumberParts) -> str:
    return pattern.format(
        seq=parts.seq,
        yyyy=f"{parts.year:04d}",
        yy=f"{parts.year % 100:02d}",
        dept=parts.dept,
        kind=KIND_LETTERS.get(parts.kind, parts.kind),
    )


def counter_update(scope: str, year: int) -> Update:
    """The one atomic statement that advances a counter and returns the new value.

    ``UPDATE number_counters SET last_value = last_value + 1 WHERE … RETURNING last_value``
    on PostgreSQL and SQLite (≥ 3.35), ``… OUTPUT inserted.last_value …`` on MS SQL. The
    row lock it takes is held until the transaction ends, so concurrent registrations in
    the same scope queue on it (no locking read is needed, and ``with_for_update`` — which
    the mssql dialect silently drops — is not used).
    """
    return (
        update(NumberCounter)
        .where(NumberCounter.scope == scope, NumberCounter.year == year)
        .values(last_value=NumberCounter.last_value + 1)
        .returning(NumberCounter.last_value)
        .execution_options(synchronize_session=False)
    )


def next_seq(session: Session, scope: str, year: int) -> int:
    """Advance and return the counter for (*scope*, *year*) inside the caller's transaction."""
    stmt = counter_update(scope, year)
    value = session.execute(stmt).scalar_one_or_none()
    if value is not None:
        return int(value)
    # First number of the year in this scope: create the row. Another clerk may create it
    # at the same moment; the unique constraint decides and the loser retries the update.
    try:
        with session.begin_nested():
            session.execute(insert(NumberCounter).values(scope=scope, year=year, last_value=1))
        return 1
    except IntegrityError:
        value = session.execute(stmt).scalar_one()
        return int(value)


def peek(session: Session, scope: str, year: int) -> int:
    """The number the next registration would get (for previews; not reserved)."""
    last = session.scalar(
        select(NumberCounter.last_value).where(
            NumberCounter.scope == scope, NumberCounter.year == year
        )
    )
    return int(last or 0) + 1
