"""Repeating shifts: the dates of a weekly pattern, counted here independently of planner.repeat."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.model import Shift
from planner.repeat import MAX_REPEATS, RepeatError, repeat_dates, repeat_shifts


def _every_day(first: date, until: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((until - first).days + 1)]


def test_every_tuesday_and_thursday_until_31_march() -> None:
    days = repeat_dates(date(2026, 1, 1), date(2026, 3, 31), [2, 4])
    assert days[:4] == [date(2026, 1, 1), date(2026, 1, 6), date(2026, 1, 8), date(2026, 1, 13)]  # 1 January is a Thursday
    assert days[-1] == date(2026, 3, 31)  # a Tuesday: the last day counts
    assert len(days) == 26
    assert all(d.isoweekday() in (2, 4) for d in days)


def test_the_first_day_counts_when_it_is_one_of_the_weekdays() -> None:
    assert repeat_dates(date(2026, 1, 1), date(2026, 1, 1), [4]) == [date(2026, 1, 1)]
    assert repeat_dates(date(2026, 1, 1), date(2026, 1, 1), [5]) == []


def test_every_two_weeks_counts_weeks_from_the_week_of_the_first_day() -> None:
    # 1 January 2026 is a Thursday; its week starts on Monday 29 December 2025.
    days = repeat_dates(date(2026, 1, 1), date(2026, 1, 31), [1, 4], every_weeks=2)
    assert days == [date(2026, 1, 1), date(2026, 1, 12), date(2026, 1, 15), date(2026, 1, 26), date(2026, 1, 29)]


@pytest.mark.parametrize(
    ("first", "until", "weekdays", "every", "code"),
    [
        (date(2026, 1, 1), date(2026, 2, 1), [], 1, "no_weekdays"),
        (date(2026, 1, 1), date(2026, 2, 1), [0], 1, "bad_weekday"),
        (date(2026, 1, 1), date(2026, 2, 1), [8], 1, "bad_weekday"),
        (date(2026, 2, 1), date(2026, 1, 1), [1], 1, "until_before_first"),
        (date(2026, 1, 1), date(2026, 2, 1), [1], 0, "bad_interval"),
        (date(2026, 1, 1), date(2029, 1, 1), [1, 2, 3, 4, 5, 6, 7], 1, "too_many"),
    ],
)
def test_a_repeat_that_cannot_be_made_says_why(first: date, until: date, weekdays: list[int], every: int, code: str) -> None:
    with pytest.raises(RepeatError) as caught:
        repeat_dates(first, until, weekdays, every)
    assert caught.value.code == code


def test_at_most_max_repeats_dates() -> None:
    first = date(2026, 1, 1)
    assert len(repeat_dates(first, first + timedelta(days=MAX_REPEATS - 1), range(1, 8))) == MAX_REPEATS
    with pytest.raises(RepeatError):
        repeat_dates(first, first + timedelta(days=MAX_REPEATS), range(1, 8))


def test_repeat_shifts_copies_the_fields_and_skips_the_given_days() -> None:
    shifts = repeat_shifts(
        job="clean", hours=Decimal("3.5"), first=date(2026, 1, 1), until=date(2026, 1, 15), weekdays=[2, 4],
        start=time(9, 30), certainty="maybe", skip=[date(2026, 1, 8)],
    )
    assert [s.date for s in shifts] == [date(2026, 1, 1), date(2026, 1, 6), date(2026, 1, 13), date(2026, 1, 15)]
    assert {s.model_copy(update={"date": date(2026, 1, 1)}) for s in shifts} == {
        Shift(date=date(2026, 1, 1), hours=Decimal("3.5"), job="clean", start=time(9, 30), certainty="maybe")
    }


@given(
    first=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)),
    length=st.integers(min_value=0, max_value=120),
    weekdays=st.sets(st.integers(min_value=1, max_value=7), min_size=1),
    every=st.integers(min_value=1, max_value=3),
)
def test_the_dates_are_exactly_the_chosen_weekdays_of_the_chosen_weeks(first: date, length: int, weekdays: set[int], every: int) -> None:
    until = first + timedelta(days=length)
    monday = first - timedelta(days=first.weekday())
    expected = [
        d for d in _every_day(first, until)
        if d.isoweekday() in weekdays and ((d - monday).days // 7) % every == 0
    ]
    assert repeat_dates(first, until, weekdays, every) == expected
