"""Ready-made series for the charts: plain data from a computed plan, no Qt, no matplotlib.

Three questions, three series:

- :func:`monthly_sources`: where each month's money comes from (wages,
  bijstand, premie, holiday pay) and what goes out for fixed costs, with the
  balance at the end of the month. Every amount is the sum of the month's dated
  events in the settlement timeline, so the parts add up to the ledger's
  movement exactly (money is conserved).
- :func:`daily_balance`: the balance at the end of every day, the days money
  came in or went out, and the safety buffer.
- :func:`hours_cliff`: for a range of hours per week in one month, what that
  month brings in: net wage, bijstand paid that month and premie built up. It
  shows where extra hours stop paying (the "cliff": when bijstand stops, the
  premie stops with it).

The chart widgets in ``ui/`` only draw these numbers; they compute nothing.
Amounts stay ``Decimal``; a chart turns them into floats only to draw them.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from planner.benefit import project
from planner.model import Job, Plan, Shift
from planner.money import ZERO, cents, cents_down
from planner.rules import RuleSet, load_rules
from planner.scenarios import Result
from planner.settlement import Event, EventKind

YM = tuple[int, int]

# --- where the money comes from, month by month ----------------------------------------------------

Source = Literal["wages", "bijstand", "premie", "holiday_pay", "expenses"]

SOURCE_OF_KIND: dict[EventKind, Source] = {
    "wage": "wages",
    "benefit": "bijstand",
    "correction_paid": "bijstand",
    "withholding": "bijstand",
    "repayment": "bijstand",
    "premie": "premie",
    "holiday_pay": "holiday_pay",
    "vakantietoeslag": "holiday_pay",
    "expense": "expenses",
}
"""Which part of a month each kind of event belongs to. Every event kind is here, so nothing is lost."""


@dataclass(frozen=True, slots=True)
class MonthSources:
    """One month's money in and out, by source, by the date the money moves.

    ``bijstand`` is what the municipality paid this month: the benefit plus
    extra payments (corrections), minus what was withheld or paid back; it can
    be negative in a month with a repayment. ``expenses`` is the money out for
    fixed costs, as a positive amount.
    """

    month: YM
    wages: Decimal
    """Net wages paid this month (by pay date), without the yearly holiday pay."""
    bijstand: Decimal
    premie: Decimal
    """Bijverdienpremie paid out this month."""
    holiday_pay: Decimal
    """Holiday pay from work (vakantiegeld) and the municipality's vakantietoeslag paid this month."""
    expenses: Decimal
    start_balance: Decimal
    end_balance: Decimal

    @property
    def net(self) -> Decimal:
        """Money in minus money out this month: the end balance minus the start balance."""
        return self.wages + self.bijstand + self.premie + self.holiday_pay - self.expenses


def _in_ledger(result: Result) -> list[Event]:
    ledger = result.ledger
    return [e for e in result.timeline.events if ledger.start <= e.date <= ledger.end]


def monthly_sources(result: Result) -> tuple[MonthSources, ...]:
    """Per month of the plan: wages, bijstand, premie, holiday pay, fixed costs and the end balance."""
    sums: dict[YM, dict[Source, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for event in _in_ledger(result):
        sums[(event.date.year, event.date.month)][SOURCE_OF_KIND[event.kind]] += event.amount
    out = []
    for lm in result.ledger.months:
        parts = sums.get(lm.month, {})
        out.append(MonthSources(
            month=lm.month,
            wages=parts.get("wages", ZERO),
            bijstand=parts.get("bijstand", ZERO),
            premie=parts.get("premie", ZERO),
            holiday_pay=parts.get("holiday_pay", ZERO),
            expenses=-parts.get("expenses", ZERO),
            start_balance=lm.start_balance,
            end_balance=lm.end_balance,
        ))
    return tuple(out)


# --- the balance, day by day ----------------------------------------------------------------------

MarkKind = Literal["wage", "benefit", "deduction"]

MARK_OF_KIND: dict[EventKind, MarkKind | None] = {
    "wage": "wage",
    "holiday_pay": "wage",
    "benefit": "benefit",
    "correction_paid": "benefit",
    "premie": "benefit",
    "vakantietoeslag": "benefit",
    "withholding": "deduction",
    "repayment": "deduction",
    "expense": None,
}
"""Which events get a mark on the day-by-day chart: paydays, benefit days and deductions (fixed costs do not)."""


@dataclass(frozen=True, slots=True)
class Mark:
    """A payday, a benefit day or a deduction on the day-by-day chart."""

    date: date
    kind: MarkKind
    amount: Decimal
    """The day's total of this kind (a deduction is negative)."""
    balance: Decimal
    """The balance at the end of that day."""


@dataclass(frozen=True, slots=True)
class DayRow:
    """A day on which money came in or went out."""

    date: date
    money_in: Decimal
    money_out: Decimal
    """Positive: what went out that day."""
    balance: Decimal
    """The balance at the end of the day."""
    kinds: tuple[EventKind, ...]
    """The kinds of the day's events, in timeline order, without repeats."""


@dataclass(frozen=True, slots=True)
class DailyBalance:
    dates: tuple[date, ...]
    balances: tuple[Decimal, ...]
    """End-of-day balance for each of ``dates``."""
    marks: tuple[Mark, ...]
    rows: tuple[DayRow, ...]
    """Only the days on which money moved."""
    buffer: Decimal
    """The safety buffer: the lowest balance the user wants to keep."""
    starting_balance: Decimal
    lowest: Decimal
    """The lowest balance within any day (money out is taken before money in)."""
    lowest_on: date


def daily_balance(result: Result) -> DailyBalance:
    """The ledger's day-by-day balance, with the days money moved and marks for the chart."""
    ledger = result.ledger
    dates = tuple(ledger.start + timedelta(days=i) for i in range(len(ledger.daily)))
    by_day: dict[date, list[Event]] = defaultdict(list)
    for event in _in_ledger(result):
        by_day[event.date].append(event)
    marks: list[Mark] = []
    rows: list[DayRow] = []
    for day in sorted(by_day):
        events = by_day[day]
        balance = ledger.balance_on(day)
        money_in = sum((e.amount for e in events if e.amount > 0), ZERO)
        money_out = -sum((e.amount for e in events if e.amount < 0), ZERO)
        kinds = tuple(dict.fromkeys(e.kind for e in events))
        rows.append(DayRow(day, money_in, money_out, balance, kinds))
        per_mark: dict[MarkKind, Decimal] = {}
        for e in events:
            mark = MARK_OF_KIND[e.kind]
            if mark is not None:
                per_mark[mark] = per_mark.get(mark, ZERO) + e.amount
        for kind in ("wage", "benefit", "deduction"):
            if kind in per_mark:
                marks.append(Mark(day, kind, per_mark[kind], balance))  # type: ignore[arg-type]
    low_index = min(range(len(ledger.daily_low)), key=lambda i: (ledger.daily_low[i], i))
    return DailyBalance(
        dates=dates,
        balances=ledger.daily,
        marks=tuple(marks),
        rows=tuple(rows),
        buffer=ledger.buffer,
        starting_balance=ledger.starting_balance,
        lowest=ledger.daily_low[low_index],
        lowest_on=dates[low_index],
    )


# --- hours per week against money per month ---------------------------------------------------------

WEEKS_PER_MONTH = Decimal(13) / Decimal(3)
"""52 weeks / 12 months: the usual Dutch payroll conversion (hours a month = hours a week x 13 / 3)."""

DEFAULT_HOURS: tuple[Decimal, ...] = tuple(Decimal(h) for h in range(0, 41, 2))
"""0, 2, 4, ... 40 hours a week."""


@dataclass(frozen=True, slots=True)
class CliffPoint:
    hours_per_week: Decimal
    hours: Decimal
    """Hours worked in the month: hours a week x 13 / 3, to the hundredth."""
    wage: Decimal
    """Net income from work counted in the month."""
    bijstand: Decimal
    """Bijstand paid for the month (what is saved as holiday allowance is not in it)."""
    premie: Decimal
    """Bijverdienpremie built up in the month (paid out later)."""
    holiday: Decimal = Decimal(0)
    """Holiday money built up in the month, paid later: the holiday pay built up at work (the employer pays
    it, usually in May or June) plus the holiday allowance the municipality saves (paid in June)."""

    @property
    def total(self) -> Decimal:
        return self.wage + self.bijstand + self.premie + self.holiday


@dataclass(frozen=True, slots=True)
class HoursCliff:
    month: YM
    job_id: str
    job_name: str
    hourly_wage: Decimal
    wage_basis: Literal["net", "gross"]
    points: tuple[CliffPoint, ...]

    @property
    def drops(self) -> tuple[CliffPoint, ...]:
        """The points where more hours give less money than the point before (the cliffs)."""
        return tuple(p for prev, p in zip(self.points, self.points[1:]) if p.total < prev.total)

    @property
    def no_gain(self) -> tuple[CliffPoint, ...]:
        """The points where more hours give no more money than the point before (plateaus and cliffs)."""
        return tuple(p for prev, p in zip(self.points, self.points[1:]) if p.total <= prev.total)

    @property
    def stops_paying_at(self) -> CliffPoint | None:
        """The last point before more hours first bring no more money (None if every step pays)."""
        for prev, p in zip(self.points, self.points[1:]):
            if p.total <= prev.total:
                return prev
        return None


def workdays(year: int, month: int) -> list[date]:
    """Monday to Friday of a month."""
    last = calendar.monthrange(year, month)[1]
    return [d for d in (date(year, month, day) for day in range(1, last + 1)) if d.isoweekday() <= 5]


def month_shifts(job: Job, year: int, month: int, hours_per_week: Decimal) -> tuple[Shift, ...]:
    """Shifts of ``hours_per_week`` at ``job`` in a month: hours a week x 13 / 3, spread over its workdays.

    Each workday gets an equal share rounded down to the hundredth; the last
    one gets what is left, so the hours add up exactly.
    """
    total = cents(hours_per_week * WEEKS_PER_MONTH)
    if total <= ZERO:
        return ()
    days = workdays(year, month)
    share = cents_down(total / len(days))
    hours = [share] * (len(days) - 1) + [total - share * (len(days) - 1)]
    return tuple(Shift(date=d, hours=h, job=job.id) for d, h in zip(days, hours, strict=True) if h > ZERO)


def _overlaps(period: tuple[date, date], first: date, last: date) -> bool:
    return period[0] <= last and period[1] >= first


def hours_cliff(
    plan: Plan,
    month: YM,
    hours_per_week_values: tuple[Decimal, ...] = DEFAULT_HOURS,
    rules: RuleSet | None = None,
) -> HoursCliff:
    """Money in ``month`` for each number of hours a week at the plan's first hourly job.

    For each value, the plan is computed from its first month up to ``month``
    with the planned shifts before ``month`` kept (so the vrijlating months and
    the premie are counted as planned) and, in ``month``, only the generated
    shifts (:func:`month_shifts`); payslips for that month are left out, and a
    fixed monthly contract keeps paying. The wage counts in the month the
    hours are worked (Participatiewet art. 32), whatever method the plan
    uses, so the hours of the month show in that month. The money of the
    month is the net wage, the bijstand paid for it, the premie built up
    in it and the holiday money built up in it (paid later).

    Raises ``ValueError`` when ``month`` is not in the plan or the plan has no
    job paid by the hour.
    """
    rules = rules or load_rules()
    months = plan.month_list()
    if month not in months:
        raise ValueError(f"{month[0]:04d}-{month[1]:02d} is not a month of the plan")
    job = next((j for j in plan.jobs if j.wage_unit == "hour"), None)
    if job is None:
        raise ValueError("the plan has no job paid by the hour")
    index = months.index(month)
    first = date(month[0], month[1], 1)
    last = date(month[0], month[1], calendar.monthrange(*month)[1])
    before = tuple(s for s in plan.shifts if s.certainty != "extra" and s.date < first)
    base = plan.model_copy(update={
        "months": index + 1,
        "payslips": tuple(p for p in plan.payslips if not _overlaps(p.period, first, last)),
        "settlement": plan.settlement.model_copy(update={"income_attribution": "earned"}),
    })
    points = []
    for hours_per_week in hours_per_week_values:
        shifts = month_shifts(job, *month, hours_per_week)
        bm = project(base, rules, before + shifts).months[index]
        points.append(CliffPoint(
            hours_per_week=hours_per_week,
            hours=sum((s.hours for s in shifts), ZERO),
            wage=bm.income_from_work.amount,
            bijstand=bm.bijstand_paid_monthly.amount,
            premie=bm.premie_accrued.amount,
            holiday=bm.vakantieaanspraak.amount + bm.vakantietoeslag_reserved.amount,
        ))
    return HoursCliff(month, job.id, job.name or job.id, job.wage, job.wage_basis, tuple(points))


__all__ = [
    "DEFAULT_HOURS",
    "MARK_OF_KIND",
    "SOURCE_OF_KIND",
    "WEEKS_PER_MONTH",
    "CliffPoint",
    "DailyBalance",
    "DayRow",
    "HoursCliff",
    "Mark",
    "MonthSources",
    "daily_balance",
    "hours_cliff",
    "month_shifts",
    "monthly_sources",
    "workdays",
]
