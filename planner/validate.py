"""Checks on a plan that need the rules or that only warn.

Each problem is an :class:`Issue` with an explanation, so it can be shown in
Dutch or English. Errors stop a computation; warnings are shown beside it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, Literal

from planner.assumptions import ASSUMPTIONS
from planner.benefit import MUNICIPALITIES
from planner.explain import Day, Explanation, Month, Number
from planner.i18n import N_
from planner.model import Plan
from planner.people import age_on, first_day
from planner.rules import RuleSet
from planner.wages.payments import pay_periods
from planner.wages.tax import check_minimum_wage

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Issue:
    severity: Severity
    code: str
    explanation: Explanation
    where: str = ""


def _err(code: str, message: str, where: str = "", **values: Any) -> Issue:
    return Issue("error", code, Explanation(message, values), where)


def _warn(code: str, message: str, where: str = "", **values: Any) -> Issue:
    return Issue("warning", code, Explanation(message, values), where)


def check_plan(plan: Plan, rules: RuleSet) -> list[Issue]:
    issues: list[Issue] = []
    hh = plan.household
    first_rules = rules.first_date()
    y, m = plan.start_month
    if first_day(y, m) < date(2025, 1, 1) or first_day(y, m) < first_rules:
        issues.append(_err("date_outside_rules", N_("The plan starts in {month}. The rules in this app start in January 2025."), "start", month=Month(y, m)))
    if hh.municipality not in MUNICIPALITIES:
        issues.append(_err("unknown_municipality", N_("Unknown municipality “{name}”. Choose amsterdam or overig (other municipality)."), "household.municipality", name=hh.municipality))
    for key, value in plan.assumptions.items():
        if key not in ASSUMPTIONS:
            issues.append(_err("unknown_assumption", N_("Unknown assumption “{name}”."), "assumptions", name=key))
        elif value not in {o.id for o in ASSUMPTIONS[key].options}:
            issues.append(_err("unknown_option", N_("Assumption “{name}” has no option “{option}”."), "assumptions", name=key, option=value))
    start = first_day(y, m)
    for role in ("claimant", "partner"):
        person = hh.person(role)
        if person is not None and age_on(person.birth_date, start) < 18:
            issues.append(_err("too_young", N_("Algemene bijstand starts at 18. Check the birth date."), f"household.{role}.birth_date"))
    job_ids = {j.id for j in plan.jobs}
    for job in plan.jobs:
        if job.person == "partner" and hh.partner is None:
            issues.append(_err("job_partner_missing", N_("Job “{job}” belongs to a partner, but there is no partner in the household."), f"jobs.{job.id}", job=job.id))
    months = set(plan.month_list())
    per_person_day: dict[tuple[str, date], list] = defaultdict(list)
    for i, shift in enumerate(plan.shifts):
        where = f"shifts[{i}]"
        if shift.hours <= 0 or shift.hours > 24:
            issues.append(_err("hours_out_of_range", N_("A shift on {day} has {hours} hours. A shift has more than 0 and at most 24 hours."), where, day=Day(shift.date), hours=Number(shift.hours)))
        job = plan.job(shift.job)
        if shift.job not in job_ids or job is None:
            issues.append(_err("unknown_job", N_("A shift on {day} is for job “{job}”, which does not exist."), where, day=Day(shift.date), job=shift.job))
            continue
        if job.wage_unit == "month":
            issues.append(_warn("shift_on_monthly_job", N_("A shift on {day} is for “{job}”, which has a fixed monthly wage; the shift does not change the wage."), where, day=Day(shift.date), job=job.name or job.id))
        if (shift.date.year, shift.date.month) not in months:
            issues.append(_warn("shift_outside_plan", N_("The shift on {day} is outside the months of the plan and is not counted."), where, day=Day(shift.date)))
        per_person_day[(job.person, shift.date)].append((i, shift))
        if job.wage_basis == "gross" and job.wage_unit == "hour":
            person = hh.person(job.person)
            if person is not None:
                warning = check_minimum_wage(job.wage, age_on(person.birth_date, shift.date), shift.date, rules)
                if warning is not None:
                    issues.append(Issue("warning", "below_minimum_wage", warning, where))
    issues.extend(_overlaps(per_person_day))
    for i, exp in enumerate(plan.expenses):
        if exp.every == "week" and exp.day > 7:
            issues.append(_err("weekly_cost_day", N_("The weekly cost “{name}” is on day {day}. For a weekly cost the day is 1 (Monday) to 7 (Sunday)."), f"expenses[{i}]", name=exp.name, day=Number(exp.day)))
    for i, slip in enumerate(plan.payslips):
        if slip.job not in job_ids:
            start = slip.period[0]
            issues.append(_err("unknown_job", N_("A payslip for {month} is for job “{job}”, which does not exist."), f"payslips[{i}]", month=Month(start.year, start.month), job=slip.job))
            continue
        job = plan.job(slip.job)
        assert job is not None
        first, last = slip.period
        periods = pay_periods(job, first, last)
        if (first, last) not in {(p.first, p.last) for p in periods}:
            nearest = periods[0]
            issues.append(_warn(
                "payslip_period_mismatch",
                N_("The payslip of “{job}” for {start} to {end} has other dates than the pay periods of this job "
                   "(around then: {first} to {last}). It is counted next to the estimate for that period, so the "
                   "wage may be counted twice. Check the dates on the payslip, or the first day of a pay period "
                   "of the job under Work."),
                f"payslips[{i}]", job=job.name or job.id, start=Day(first), end=Day(last), first=Day(nearest.first),
                last=Day(nearest.last)))
    return _dedupe(issues)


def _overlaps(per_person_day: dict[tuple[str, date], list]) -> Iterable[Issue]:
    for (_role, day), items in per_person_day.items():
        items = [(i, s) for i, s in items if 0 < s.hours <= 24]  # wrong hours are reported on their own
        total = sum((s.hours for _, s in items), Decimal(0))
        if total > 24:
            yield _err("day_over_24_hours", N_("On {day} the shifts of one person add up to {hours} hours, more than a day has."), f"shifts[{items[0][0]}]", day=Day(day), hours=Number(total))
            continue
        timed = sorted(((datetime.combine(day, s.start), datetime.combine(day, s.start) + timedelta(hours=float(s.hours)), i) for i, s in items if s.start is not None))
        for (_, end_a, _), (start_b, _, ib) in zip(timed, timed[1:], strict=False):
            if start_b < end_a:
                yield _err("overlapping_shifts", N_("Two shifts of one person overlap on {day}."), f"shifts[{ib}]", day=Day(day))


def _dedupe(issues: list[Issue]) -> list[Issue]:
    seen: set[tuple[str, str]] = set()
    out = []
    for issue in issues:
        key = (issue.code, issue.where if issue.severity == "error" else issue.code)
        if issue.code == "below_minimum_wage":
            key = (issue.code, str(sorted((k, str(v)) for k, v in issue.explanation.values.items() if k != "day")))
        if key in seen:
            continue
        seen.add(key)
        out.append(issue)
    return out


# --- structural errors from the plan file ------------------------------------------------------

_PYDANTIC_MESSAGES = {
    "missing": N_("“{field}” is missing."),
    "extra_forbidden": N_("“{field}” is not a known field."),
    "literal_error": N_("“{field}” has a value that is not allowed: {value}."),
    "date_from_datetime_parsing": N_("“{field}” must be a date like 2026-03-25."),
    "date_parsing": N_("“{field}” must be a date like 2026-03-25."),
    "date_type": N_("“{field}” must be a date like 2026-03-25."),
    "greater_than_equal": N_("“{field}” may not be negative."),
    "float_amount": N_("Write amounts as text in quotes, for example “{value}” instead of {value}."),
    "payslip_holiday_part": N_("“{field}”: the holiday pay part is more than the net amount."),
    "payslip_month_or_period": N_("“{field}”: a payslip has either a month, or a period_start and a period_end."),
    "payslip_period_incomplete": N_("“{field}”: a payslip period needs both period_start and period_end."),
    "payslip_period_reversed": N_("“{field}”: the payslip period ends before it starts."),
}


def describe_errors(errors: list[dict[str, Any]]) -> list[Explanation]:
    """Plain-language messages for pydantic's structural errors (the field path stays as in the file)."""
    out = []
    for err in errors:
        field = ".".join(str(p) for p in err.get("loc", ()))
        message = _PYDANTIC_MESSAGES.get(err.get("type", ""))
        if message is None:
            out.append(Explanation(N_("“{field}” is not valid: {detail}"), {"field": field, "detail": str(err.get("msg", ""))}))
        else:
            out.append(Explanation(message, {"field": field, "value": str(err.get("input", ""))}))
    return out

