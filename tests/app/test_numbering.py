"""Number templates (tokens, validation) and the counter statement on every dialect."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Update
from sqlalchemy.dialects import mssql, postgresql, sqlite
from sqlalchemy.engine import Dialect

from app.errors import ValidationError
from app.numbering import (
    KIND_LETTERS,
    NUMBER_MAX,
    NumberParts,
    check_pattern,
    counter_update,
    render,
)

PARTS = NumberParts(seq=42, year=2026, dept="FIN", kind="incoming")


# --- the counter statement --------------------------------------------------------------


def _sql(dialect: Dialect) -> str:
    stmt = counter_update("incoming", 2026)
    assert isinstance(stmt, Update)
    return " ".join(str(stmt.compile(dialect=dialect)).split())


def test_counter_is_one_atomic_update_with_output_on_mssql() -> None:
    sql = _sql(mssql.dialect())  # type: ignore[no-untyped-call]
    assert sql.startswith("UPDATE number_counters SET last_value=(number_counters.last_value +")
    assert "OUTPUT inserted.last_value" in sql
    # OUTPUT comes between SET and WHERE, and the row is picked by scope and year
    assert sql.index("SET") < sql.index("OUTPUT inserted.last_value") < sql.index("WHERE")
    assert "number_counters.scope =" in sql and "number_counters.year =" in sql
    assert "SELECT" not in sql  # no read-then-write race
    assert "RETURNING" not in sql


def test_counter_returns_the_new_value_on_postgresql_and_sqlite() -> None:
    dialects: list[Dialect] = [postgresql.dialect(), sqlite.dialect()]  # type: ignore[no-untyped-call]
    for dialect in dialects:
        sql = _sql(dialect)
        assert sql.startswith("UPDATE number_counters SET last_value=")
        assert re.search(r"RETURNING (number_counters\.)?last_value$", sql), sql
        assert "FOR UPDATE" not in sql and "SELECT" not in sql


# --- tokens ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("შ-{seq}", "შ-42"),
        ("შ-{seq}/{yyyy}", "შ-42/2026"),
        ("{seq:05d}", "00042"),
        ("{seq:05}", "00042"),
        ("{seq:d}", "42"),
        ("{yy}-{seq}", "26-42"),
        ("01-{dept}/{seq}", "01-FIN/42"),
        ("{kind}-{seq}", "შ-42"),
        ("{{{seq}}}", "{42}"),  # doubled braces are literal braces
        ("{kind}{dept}{yyyy}{yy}{seq:09d}", "შFIN202626000000042"),
    ],
)
def test_render_tokens(pattern: str, expected: str) -> None:
    check_pattern(pattern)
    assert render(pattern, PARTS) == expected


def test_kind_letters_and_years() -> None:
    assert render("{kind}", NumberParts(1, 2026, "", "outgoing")) == "გ"
    assert render("{kind}", NumberParts(1, 2026, "", "internal")) == "შდ"
    assert render("{yy}/{yyyy}", NumberParts(1, 2005, "", "incoming")) == "05/2005"
    assert render("{yy}/{yyyy}", NumberParts(1, 2100, "", "incoming")) == "00/2100"


@pytest.mark.parametrize(
    "pattern",
    [
        "",
        "   ",
        "შ-",  # no {seq}: every document would get the same number
        "{yyyy}/{dept}",
        "{seq}/{year}",  # unknown token
        "{number}",
        "{}",
        "{0}",
        "{seq.real}",
        "{seq[0]}",
        "{seq!r}",
        "{Seq}",
        "{ seq }",
        "{seq",  # unbalanced
        "seq}",
        "{seq}}",
        "{{seq}",
        "{seq}{",
        "{seq:x}",  # bad format specs
        "{seq:.2f}",
        "{seq:>5}",
        "{seq:5d}",  # space padding would put blanks into a number
        "{seq:0d}",
        "{seq:010d}",
        "{seq:05s}",
        "{seq:{yy}}",
        "{seq:,}",
        "{seq}-{yyyy:04d}",  # format only on {seq}
        "{seq}-{dept:>5}",
        "x" * 56 + "{seq}",  # longer than 60
        "{dept}-{dept}-{dept}-{seq}",  # could render longer than the column
    ],
)
def test_bad_patterns_are_rejected(pattern: str) -> None:
    with pytest.raises(ValidationError) as err:
        check_pattern(pattern)
    assert err.value.key == "number.template_invalid"
    assert err.value.message("ka")  # a Georgian sentence with the reason
    assert err.value.params["reason"]


def test_long_but_harmless_pattern_is_accepted() -> None:
    check_pattern("x" * 50 + "{seq}")


# --- property: distinct sequence values give distinct numbers ---------------------------

_LITERAL = st.lists(st.sampled_from([*"შგდ-/.0123456789 ABCXYZ", "{{", "}}"]), max_size=6).map(
    "".join
)
_TOKEN = st.sampled_from(
    ["{seq}", "{seq:d}", "{seq:03d}", "{seq:05}", "{seq:09d}", "{yyyy}", "{yy}", "{dept}",
     "{kind}"]
)  # fmt: skip


@st.composite
def valid_patterns(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.tuples(_LITERAL, _TOKEN), min_size=0, max_size=4))
    seq_token = draw(st.sampled_from(["{seq}", "{seq:04d}", "{seq:d}", "{seq:02}"]))
    at = draw(st.integers(0, len(pieces)))
    body = [lit + tok for lit, tok in pieces]
    body.insert(at, draw(_LITERAL) + seq_token)
    return "".join(body) + draw(_LITERAL)


@given(
    pattern=valid_patterns(),
    a=st.integers(1, 10**7),
    b=st.integers(1, 10**7),
    year=st.integers(1990, 2100),
    dept=st.text(alphabet="ABCDEFGHIJ0123456789-", max_size=20),
    kind=st.sampled_from(sorted(KIND_LETTERS)),
)
def test_distinct_seq_gives_distinct_numbers(
    pattern: str, a: int, b: int, year: int, dept: str, kind: str
) -> None:
    try:
        check_pattern(pattern)
    except ValidationError as exc:
        # only the length limits may reject what the strategy builds
        assert exc.params["reason"] in ("ძალიან გრძელია",) or "ზღვარი" in str(exc.params["reason"])
        return
    x = render(pattern, NumberParts(a, year, dept, kind))
    y = render(pattern, NumberParts(b, year, dept, kind))
    assert (x == y) == (a == b)
    if a < 10**6:
        assert len(x) <= NUMBER_MAX  # check_pattern guarantees the column fits
