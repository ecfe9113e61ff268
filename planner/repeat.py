"""Repeating shifts: "every Tuesday and Thursday, 4 hours, until 31 March".

Pure functions on plain data, used by the shift table's Repeat dialog and the
first-run path. They only make :class:`planner.model.Shift` objects; checking
them (more than 24 hours on a day, overlaps, unknown jobs) stays in
:mod:`planner.validate`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time, timedelta
from decimal import Decimal

from planner.model import Certainty, Shift

MAX_REPEATS = 800
"""At most this many shifts from one repeat: three years of every day is 1,096, a plan runs 36 months at most."""


class RepeatError(ValueError):
    """The repeat cannot be made; ``code`` says why (for a translated message in ``ui/``)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def repeat_dates(first: date, until: date, weekdays: Iterable[int], every_weeks: int = 1) -> list[date]:
    """Every date from ``first`` up to and including ``until`` that falls on one of ``weekdays``.

    ``weekdays`` are ISO weekdays (1 = Monday … 7 = Sunday). With
    ``every_weeks`` = 2, only the weeks 0, 2, 4, … counted from the week of
    ``first`` (ISO weeks, Monday to Sunday) are used.
    """
    days = set(weekdays)
    if not days:
        raise RepeatError("no_weekdays")
    if any(d < 1 or d > 7 for d in days):
        raise RepeatError("bad_weekday")
    if until < first:
        raise RepeatError("until_before_first")
    if every_weeks < 1:
        raise RepeatError("bad_interval")
    week0 = first - timedelta(days=first.isoweekday() - 1)
    out: list[date] = []
    day = first
    while day <= until:
        week = (day - week0).days // 7
        if day.isoweekday() in days and week % every_weeks == 0:
            out.append(day)
            if len(out) > MAX_REPEATS:
                raise RepeatError("too_many")
        day += timedelta(days=1)
    return out


def repeat_shifts(
    *,
    job: str,
    hours: Decimal,
    first: date,
    until: date,
    weekdays: Iterable[int],
    start: time | None = None,
    certainty: Certainty = "sure",
    every_weeks: int = 1,
    skip: Iterable[date] = (),
) -> tuple[Shift, ...]:
    """The shifts of a weekly pattern; dates in ``skip`` (e.g. days that already have this shift) are left out."""
    skipped = set(skip)
    return tuple(
        Shift(date=d, hours=hours, job=job, start=start, certainty=certainty)
        for d in repeat_dates(first, until, weekdays, every_weeks)
        if d not in skipped
    )
