"""Due dates: counting, shifting off weekends and Georgian holidays, month ends."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.deadlines import DeadlineRule, add_months, compute_due, legal_ref_en
from app.workdays import MAX_DAYS_WITHOUT_WORK, WorkCalendar, package_holidays
from tests.app._deadline_oracle import expected_due, is_day_off

CAL = WorkCalendar(package_holidays(range(2020, 2031)))
# Registration dates whose deadlines (≤ 3 months / 60 days) stay inside 2020–2030.
starts = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 9, 30))
units = st.sampled_from(["calendar_days", "working_days", "months"])


def _count(unit: str) -> st.SearchStrategy[int]:
    return st.integers(0, 3) if unit == "months" else st.integers(0, 60)


@st.composite
def rules(draw: st.DrawFn, shift: str | None = None) -> DeadlineRule:
    unit = draw(units)
    return DeadlineRule(
        draw(_count(unit)), unit, shift or draw(st.sampled_from(["next", "previous", "none"]))
    )


# --- properties --------------------------------------------------------------------------


@given(start=starts, rule=rules(shift="next"))
def test_next_shift_never_lands_on_a_day_off(start: dt.date, rule: DeadlineRule) -> None:
    due = compute_due(start, rule, CAL).due
    assert due is not None
    assert CAL.is_working(due), f"{due} is {CAL.reason_off(due)}"


@given(start=starts, rule=rules())
def test_never_before_registration(start: dt.date, rule: DeadlineRule) -> None:
    due = compute_due(start, rule, CAL).due
    assert due is not None
    assert due >= start


@given(start=starts, rule=rules(shift="previous"))
def test_previous_shift_is_a_working_day_not_before_start(
    start: dt.date, rule: DeadlineRule
) -> None:
    due = compute_due(start, rule, CAL).due
    plain = compute_due(start, DeadlineRule(rule.count, rule.unit, "none"), CAL).due
    assert due is not None and plain is not None
    assert due >= start
    assert CAL.is_working(due)
    if due > plain:  # moved forward only when no working day lies in [start, plain]
        assert not any(
            CAL.is_working(start + dt.timedelta(days=k)) for k in range((plain - start).days + 1)
        )


@given(a=starts, b=starts, unit=units, data=st.data())
def test_monotone_in_the_registration_date(
    a: dt.date, b: dt.date, unit: str, data: st.DataObject
) -> None:
    rule = DeadlineRule(data.draw(_count(unit)), unit, "next")
    a, b = min(a, b), max(a, b)
    due_a = compute_due(a, rule, CAL).due
    due_b = compute_due(b, rule, CAL).due
    assert due_a is not None and due_b is not None
    assert due_a <= due_b


@given(start=starts, unit=units, data=st.data())
def test_monotone_in_consecutive_days(start: dt.date, unit: str, data: st.DataObject) -> None:
    # neighbouring days are where an off-by-one would show
    rule = DeadlineRule(data.draw(_count(unit)), unit, "next")
    today = compute_due(start, rule, CAL).due
    tomorrow = compute_due(start + dt.timedelta(days=1), rule, CAL).due
    assert today is not None and tomorrow is not None
    assert today <= tomorrow


@given(start=starts, n=st.integers(1, 60))
def test_working_days_count_exactly(start: dt.date, n: int) -> None:
    due = CAL.add_working_days(start, n)
    assert CAL.is_working(due)
    assert CAL.working_days_between(start, due) == n
    assert CAL.working_days_between(due, start) == -n


@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(9000, 12, 31)),
       months=st.integers(-1200, 1200))  # fmt: skip
def test_add_months_properties(day: dt.date, months: int) -> None:
    got = add_months(day, months)
    assert (got.year * 12 + got.month) - (day.year * 12 + day.month) == months
    last = calendar.monthrange(got.year, got.month)[1]
    assert got.day == min(day.day, last)


# --- month ends ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),  # leap year
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2100, 1, 31), 1, dt.date(2100, 2, 28)),  # not a leap year
        (dt.date(2000, 1, 31), 1, dt.date(2000, 2, 29)),  # is one
        (dt.date(2026, 3, 31), 1, dt.date(2026, 4, 30)),
        (dt.date(2026, 8, 31), 1, dt.date(2026, 9, 30)),
        (dt.date(2026, 12, 31), 1, dt.date(2027, 1, 31)),
        (dt.date(2026, 12, 15), 2, dt.date(2027, 2, 15)),
        (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),
        (dt.date(2028, 2, 29), 12, dt.date(2029, 2, 28)),
        (dt.date(2026, 3, 31), -1, dt.date(2026, 2, 28)),
        (dt.date(2026, 1, 15), -1, dt.date(2025, 12, 15)),
        (dt.date(2026, 5, 20), 0, dt.date(2026, 5, 20)),
    ],
)
def test_add_months_at_month_ends(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_one_month_from_31_january_2026_then_shifted() -> None:
    # 28 Feb 2026 is a Saturday → Monday 2 March (3 March is Mother's Day, not reached)
    got = compute_due(dt.date(2026, 1, 31), DeadlineRule(1, "months", "next"), CAL)
    assert got.due == dt.date(2026, 3, 2)
    assert "შაბათი" in got.explanation_ka and "კვირა" in got.explanation_ka


# --- explicit examples ---------------------------------------------------------------------


def test_foi_on_2_april_2026_is_due_14_april() -> None:
    got = compute_due(
        dt.date(2026, 4, 2), DeadlineRule(10, "calendar_days", "next", "სზაკ, მუხ. 40"), CAL
    )
    assert got.due == dt.date(2026, 4, 14)
    assert "აღდგომა" in got.explanation_ka
    assert "შავი ორშაბათი" in got.explanation_ka
    assert got.explanation_ka.startswith("10 დღე 2 აპრილი 2026-დან (სზაკ, მუხ. 40)")
    assert got.explanation_ka.endswith("→ 14 აპრილი 2026")
    assert got.explanation_en.startswith("10 days from 2 April 2026 (GAC, Art. 40)")
    assert got.explanation_en.endswith("14 April 2026")


@pytest.mark.parametrize(
    ("ref", "english"),
    [
        ("სზაკ", "GAC"),
        ("სზაკ, მუხ. 40", "GAC, Art. 40"),
        ("სზაკ-ის მე-40 მუხლი", "GAC Art. 40"),
        ("სზაკ-ის 41-ე მუხლის 2-ე ნაწილი", "GAC Art. 41 Part 2"),
        ("მუხ. 40, ნაწ. 1", "Art. 40, Part 1"),
        ("Law 12", "Law 12"),
    ],
)
def test_the_english_explanation_names_the_code_in_english(ref: str, english: str) -> None:
    assert legal_ref_en(ref) == english
    got = compute_due(dt.date(2026, 11, 25), DeadlineRule(1, "months", "next", ref), CAL)
    assert f"({english})" in got.explanation_en and f"({ref})" in got.explanation_ka
    assert not any("\u10d0" <= ch <= "\u10ff" for ch in got.explanation_en)  # no Georgian


def test_ten_days_from_20_november_2026() -> None:
    # the guide's own example: a Friday plus 10 days is Monday 30 November, a working day
    got = compute_due(dt.date(2026, 11, 20), DeadlineRule(10, "calendar_days", "next"), CAL)
    assert got.due == dt.date(2026, 11, 30)
    assert got.explanation_ka == "10 დღე 20 ნოემბერი 2026-დან → 30 ნოემბერი 2026"


def test_working_days_skip_weekends_and_holidays() -> None:
    # Wednesday 8 April 2026; 9 Apr (national unity), Good Friday, Holy Saturday, Easter
    # and Easter Monday are off: working days are 14, 15, 16 April …
    got = compute_due(dt.date(2026, 4, 8), DeadlineRule(3, "working_days", "next"), CAL)
    assert got.due == dt.date(2026, 4, 16)
    assert got.explanation_ka.startswith("3 სამუშაო დღე 8 აპრილი 2026-დან")
    # Friday 20 Nov 2026 + 5 working days: 23 Nov is Giorgoba → 24, 25, 26, 27, 30 Nov
    got = compute_due(dt.date(2026, 11, 20), DeadlineRule(5, "working_days", "next"), CAL)
    assert got.due == dt.date(2026, 11, 30)
    assert got.explanation_en.startswith("5 working days from 20 November 2026")


def test_previous_shift_counts_back() -> None:
    # 2 Apr + 10 = Sunday 12 April (Easter); back: Holy Saturday, Good Friday, 9 April → 8th
    got = compute_due(dt.date(2026, 4, 2), DeadlineRule(10, "calendar_days", "previous"), CAL)
    assert got.due == dt.date(2026, 4, 8)
    assert "წითელი პარასკევი" in got.explanation_ka


def test_previous_shift_that_would_go_before_registration_goes_forward() -> None:
    # Good Friday 2026 + 1 day = Holy Saturday; back from there is 8 April (before the
    # registration), so the deadline moves forward past Easter to Tuesday 14 April.
    got = compute_due(dt.date(2026, 4, 10), DeadlineRule(1, "calendar_days", "previous"), CAL)
    assert got.due == dt.date(2026, 4, 14)
    assert "რეგისტრაციამდე" in got.explanation_ka
    assert "before registration" in got.explanation_en


def test_shift_none_keeps_the_day_off() -> None:
    got = compute_due(dt.date(2026, 4, 2), DeadlineRule(10, "calendar_days", "none"), CAL)
    assert got.due == dt.date(2026, 4, 12)


def test_unit_none_is_set_by_resolution() -> None:
    got = compute_due(dt.date(2026, 4, 2), DeadlineRule(0, "none"), CAL)
    assert got.due is None
    assert "რეზოლუცი" in got.explanation_ka


@pytest.mark.parametrize(
    "rule",
    [
        DeadlineRule(-1, "calendar_days"),
        DeadlineRule(1, "weeks"),
        DeadlineRule(1, "calendar_days", "sideways"),
    ],
)
def test_invalid_rules_raise(rule: DeadlineRule) -> None:
    with pytest.raises(ValueError):
        compute_due(dt.date(2026, 4, 2), rule, CAL)


# --- a broken calendar must not hang the program -----------------------------------------


class _AllOff(WorkCalendar):
    def is_working(self, day: dt.date) -> bool:
        return False


def test_calendar_without_working_days_does_not_loop_forever() -> None:
    cal = _AllOff()
    start = dt.date(2026, 4, 2)
    got = compute_due(start, DeadlineRule(10, "calendar_days", "next"), cal)
    assert got.due == dt.date(2026, 4, 12)  # unshiftable: the raw date is kept
    got = compute_due(start, DeadlineRule(10, "calendar_days", "previous"), cal)
    assert got.due == dt.date(2026, 4, 12)
    assert cal.nearest_working(start) is None
    with pytest.raises(ValueError):
        cal.add_working_days(start, 3)


def test_a_year_of_decreed_days_off_is_still_walked() -> None:
    # 300 consecutive days off (well within the guard) still find the next working day
    start = dt.date(2026, 1, 1)
    off = {start + dt.timedelta(days=k): "დეკრეტი" for k in range(300)}
    cal = WorkCalendar(off)
    first = cal.nearest_working(start)
    assert first is not None and first >= start + dt.timedelta(days=300)
    assert cal.add_working_days(start, 1) == first
    assert MAX_DAYS_WITHOUT_WORK >= 366


# --- the whole century: every rule against an independent computation -------------------

CENTURY = WorkCalendar(package_holidays(range(2000, 2102)))
ALL_RULES = st.builds(
    DeadlineRule,
    count=st.integers(0, 60),
    unit=st.sampled_from(["calendar_days", "working_days", "months"]),
    shift=st.sampled_from(["next", "previous", "none"]),
).map(lambda r: DeadlineRule(min(r.count, 12), r.unit, r.shift) if r.unit == "months" else r)


@settings(max_examples=500)
@given(start=st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)), rule=ALL_RULES)
def test_every_rule_over_2000_2100_matches_a_straightforward_count(
    start: dt.date, rule: DeadlineRule
) -> None:
    due = compute_due(start, rule, CENTURY).due
    assert due == expected_due(start, rule.count, rule.unit, rule.shift)
    if rule.shift != "none":
        assert not is_day_off(due), f"{due} is a day off"
