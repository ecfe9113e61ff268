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
from planner.explain import Day, Explanation, Money, Month, Number, Text
from planner.i18n import N_, Language, use_language
from planner.i18n import _ as gettext_
from planner.model import Plan
from planner.people import age_on, first_day
from planner.rules import RuleSet
from planner.wages.payments import pay_periods
from planner.wages.tax import check_minimum_wage

Severity = Literal["error", "warning"]

MAX_AGE = 110
"""An age above this at the start of the plan is a typing mistake in a birth date."""


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
    last_y, last_m = plan.month_list()[-1]
    end = first_day(last_y, last_m) + timedelta(days=31)
    for role in ("claimant", "partner"):
        person = hh.person(role)
        if person is not None and age_on(person.birth_date, start) < 18:
            issues.append(_err("too_young", N_("Algemene bijstand starts at 18. Check the birth date."), f"household.{role}.birth_date"))
        if person is not None and age_on(person.birth_date, start) > MAX_AGE:
            issues.append(_err("too_old", N_("The birth date {day} gives an age over {age}. Check the birth date."),
                               f"household.{role}.birth_date", day=Day(person.birth_date), age=Number(Decimal(MAX_AGE))))
    for i, mate in enumerate(hh.housemates):
        if mate.birth_date > end or age_on(mate.birth_date, start) > MAX_AGE:
            issues.append(_err("housemate_birth_date", N_("A housemate has the birth date {day}. Check it."),
                               f"household.housemates[{i}].birth_date", day=Day(mate.birth_date)))
    child = hh.youngest_child_birth_date
    if child is not None and (child > end or age_on(child, start) > MAX_AGE):
        issues.append(_err("child_birth_date", N_("The youngest child has the birth date {day}, after the plan or too long ago. Check it."),
                           "household.youngest_child_birth_date", day=Day(child)))
    job_ids = {j.id for j in plan.jobs}
    for job in plan.jobs:
        if job.wage_unit == "hour" and 0 < job.wage < 1:
            issues.append(_warn("wage_very_low", N_("The wage of “{job}” is {amount} an hour. Check the wage."),
                                f"jobs.{job.id}", job=job.name or job.id, amount=Money(job.wage)))
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
#
# Every refusal of the gate (planner.storage.load_plan) has a message of its own here, in the catalog:
# pydantic's English text never reaches the user. The field is named in the user's language
# (FIELD_LABELS), the allowed range comes from the bounds in planner.model.

FIELD_LABELS: dict[str, str] = {
    "Plan.schema_version": N_("version of the file"),
    "Plan.name": N_("name of the plan"),
    "Plan.start": N_("first month"),
    "Plan.months": N_("number of months"),
    "Plan.household": N_("household"),
    "Plan.jobs": N_("work"),
    "Plan.shifts": N_("shifts"),
    "Plan.payslips": N_("payslips"),
    "Plan.starting_balance": N_("money in the bank at the start"),
    "Plan.expenses": N_("fixed costs"),
    "Plan.settlement": N_("settlement"),
    "Plan.premie_scheme": N_("premie scheme"),
    "Plan.assumptions": N_("assumptions"),
    "Household.composition": N_("kind of household"),
    "Household.claimant": N_("you"),
    "Household.partner": N_("partner"),
    "Household.housemates": N_("housemates"),
    "Household.youngest_child_birth_date": N_("birth date of the youngest child"),
    "Household.municipality": N_("municipality"),
    "Household.housing_costs": N_("housing costs"),
    "Household.institution": N_("living in an institution"),
    "Household.assets": N_("savings and other assets"),
    "Household.sanctions": N_("sanctions"),
    "Sanction.month": N_("month"),
    "Sanction.percent": N_("percentage"),
    "Plan.risk": N_("uncertainty"),
    "Risk.chance_sure": N_("chance of a sure shift"),
    "Risk.chance_likely": N_("chance of a likely shift"),
    "Risk.chance_maybe": N_("chance of a maybe shift"),
    "Risk.chance_extra": N_("chance of an extra shift"),
    "Risk.hours_spread": N_("hours more or less"),
    "Risk.week_lost_chance": N_("chance of a lost week"),
    "Risk.late_report_chance": N_("chance of a late payslip"),
    "Risk.late_report_days": N_("days late"),
    "Risk.level": N_("level of the set-aside advice"),
    "Person.birth_date": N_("birth date"),
    "Person.medisch_urenbeperkt": N_("medically limited in hours"),
    "Person.no_parental_support": N_("no support from parents"),
    "Person.vrijlating_months_used": N_("months of vrijlating used"),
    "Housemate.birth_date": N_("birth date"),
    "Housemate.not_cost_sharer": N_("reason not to share costs"),
    "Job.id": N_("code"),
    "Job.name": N_("name"),
    "Job.person": N_("whose work"),
    "Job.wage": N_("wage"),
    "Job.wage_unit": N_("wage per hour or per month"),
    "Job.wage_basis": N_("net or gross wage"),
    "Job.employer_applies_heffingskorting": N_("heffingskorting at the employer"),
    "Job.start": N_("first day"),
    "Job.end": N_("last day"),
    "Job.pay_schedule": N_("how often paid"),
    "Job.pay_day": N_("pay day"),
    "Job.paid_in": N_("paid in which month"),
    "Job.period_anchor": N_("first day of a pay period"),
    "Job.pay_delay_days": N_("days until pay"),
    "Job.payslip_delay_days": N_("days until the payslip"),
    "Job.holiday_pay_percent": N_("holiday pay percentage"),
    "Job.holiday_pay": N_("holiday pay"),
    "Job.holiday_pay_month": N_("month of the holiday pay"),
    "Shift.date": N_("date"),
    "Shift.hours": N_("hours"),
    "Shift.job": N_("job"),
    "Shift.start": N_("start time"),
    "Shift.certainty": N_("how sure"),
    "Payslip.job": N_("job"),
    "Payslip.month": N_("month"),
    "Payslip.period_start": N_("first day of the period"),
    "Payslip.period_end": N_("last day of the period"),
    "Payslip.net_amount": N_("net amount"),
    "Payslip.holiday_pay_part": N_("holiday pay part"),
    "Payslip.gross_amount": N_("gross amount"),
    "Payslip.pay_date": N_("pay date"),
    "Expense.name": N_("name"),
    "Expense.amount": N_("amount"),
    "Expense.every": N_("every month or week"),
    "Expense.day": N_("day"),
    "LateReport.month": N_("month"),
    "LateReport.reported_on": N_("reported on"),
    "Settlement.regime": N_("how the municipality pays"),
    "Settlement.income_attribution": N_("month the income counts in"),
    "Settlement.pay_day": N_("pay day of the bijstand"),
    "Settlement.estimated_income": N_("estimated income"),
    "Settlement.withholding_limit": N_("most withheld at once"),
    "Settlement.report_delay_days": N_("days until the municipality has the payslip"),
    "Settlement.late_reports": N_("late reports"),
    "Settlement.safety_buffer": N_("safety buffer"),
}
"""The name of every field of a plan, as the user knows it: ``"<Model>.<field>"`` (a test checks that
every field of planner.model has one)."""

ITEM_LABELS: dict[str, str] = {
    "Plan.jobs": N_("job {number}"),
    "Plan.shifts": N_("shift {number}"),
    "Plan.payslips": N_("payslip {number}"),
    "Plan.expenses": N_("fixed cost {number}"),
    "Household.housemates": N_("housemate {number}"),
    "Settlement.late_reports": N_("late report {number}"),
}
"""One item of a list, counted from 1."""

_PYDANTIC_MESSAGES = {
    # the file as JSON
    "too_large": N_("The file is larger than a plan can be."),
    "not_utf8": N_("The file is not text in UTF-8."),
    "json_syntax": N_("The file is damaged at line {line}, position {column}."),
    "duplicate_key": N_("The name “{value}” appears twice in one place in the file."),
    "not_a_number": N_("The file holds “{value}”, which is not a number."),
    "number_too_long": N_("The file holds a number that is too long: {value}."),
    "too_deep": N_("The file is nested deeper than a plan can be (at most {max} levels)."),
    "bad_text": N_("The file holds text that is not valid."),
    # the fields of a plan
    "missing": N_("“{field}” is missing."),
    "extra_forbidden": N_("“{field}” is not a known field."),
    "literal_error": N_("“{field}” has a value that is not allowed: {value}. Allowed: {expected}."),
    "date_type": N_("“{field}” must be a date like 2026-03-25."),
    "time_type": N_("“{field}” must be a time of day like 09:30, without a time zone."),
    "month_type": N_("“{field}” must be a month like 2026-03."),
    "year_out_of_range": N_("“{field}” must be in a year from {min} to {max}."),
    "out_of_range": N_("“{field}” must be from {min} to {max}."),
    "too_many_decimals": N_("“{field}” may have at most {places} decimals."),
    "amount_type": N_("“{field}” must be an amount written as text, for example “14.71”."),
    "amount_too_long": N_("“{field}” is a number that is too long."),
    "float_amount": N_("Write amounts as text in quotes, for example “{value}” instead of {value}."),
    "int_type": N_("“{field}” must be a whole number, without quotes."),
    "bool_type": N_("“{field}” must be true or false."),
    "string_type": N_("“{field}” must be text in quotes."),
    "string_too_long": N_("“{field}” is too long: at most {max_length} characters."),
    "string_too_short": N_("“{field}” may not be empty."),
    "too_long": N_("“{field}” has too many items: at most {max_length}."),
    "control_character": N_("“{field}” holds a control character (such as a line break). Remove it."),
    "model_type": N_("“{field}” must be a group of fields between {{ and }}."),
    "model_attributes_type": N_("“{field}” must be a group of fields between {{ and }}."),
    "dict_type": N_("“{field}” must be a group of fields between {{ and }}."),
    "tuple_type": N_("“{field}” must be a list between [ and ]."),
    "list_type": N_("“{field}” must be a list between [ and ]."),
    "couple_needs_partner": N_("“{field}”: a couple needs a partner."),
    "partner_only_for_couple": N_("“{field}”: only a couple has a partner."),
    "single_parent_needs_child": N_("“{field}”: a single parent needs the birth date of the youngest child."),
    "contract_is_monthly": N_("“{field}”: a fixed monthly wage is paid monthly. Use an hourly wage for four-weekly or weekly pay."),
    "job_end_before_start": N_("“{field}”: the last day is before the first day."),
    "job_ids_unique": N_("“{field}”: two jobs have the same code ({ids})."),
    "payslip_holiday_part": N_("“{field}”: the holiday pay part is more than the net amount."),
    "payslip_month_or_period": N_("“{field}”: a payslip has either a month, or a period_start and a period_end."),
    "payslip_period_incomplete": N_("“{field}”: a payslip period needs both period_start and period_end."),
    "payslip_period_reversed": N_("“{field}”: the payslip period ends before it starts."),
}

_GENERIC = N_("“{field}” is not valid.")


def _inner_model(annotation: Any) -> type | None:
    """The pydantic model inside a field's type (``X``, ``X | None``, ``tuple[X, ...]``), if any."""
    from typing import get_args

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def field_label(loc: tuple[Any, ...] | list[Any], lang: Language, *, unknown: bool = False) -> str:
    """The field at ``loc`` (pydantic's path) as the user knows it, in ``lang``: "shift 4 › hours"."""
    from planner.model import Plan

    model: type | None = Plan
    parts: list[str] = []
    last_list: str | None = None
    with use_language(lang):
        for n, step in enumerate(loc):
            if isinstance(step, int):
                if last_list is not None and last_list in ITEM_LABELS and parts:
                    parts[-1] = gettext_(ITEM_LABELS[last_list]).format(number=step + 1)
                else:
                    parts.append(str(step + 1))
                continue
            step = str(step)
            fields = getattr(model, "model_fields", None) if model is not None else None
            if fields is None or step not in fields:
                if model is None or fields is None or (unknown and n == len(loc) - 1):
                    parts.append(_quoted(step))  # a key of ``assumptions``, or a field that is not known
                continue  # pydantic's name of a union member or a validator: not a field
            key = f"{model.__name__}.{step}"
            parts.append(gettext_(FIELD_LABELS.get(key, step)))
            last_list = key
            model = _inner_model(fields[step].annotation)
    return " › ".join(parts) if parts else gettext_(N_("the plan"))


def _quoted(text: str, limit: int = 40) -> str:
    """A piece of the user's file fit for a message: printable, and cut off after ``limit`` characters."""
    text = str(text)
    short = "".join(c if c.isprintable() else "?" for c in text[:limit])
    return short + ("…" if len(text) > limit else "")


def _value_text(value: Any) -> str:
    if isinstance(value, dict | list | tuple):
        return "…"
    return _quoted(str(value))


def describe_errors(errors: list[dict[str, Any]]) -> list[Explanation]:
    """Plain-language messages for the gate's refusals, in the catalog's words (never pydantic's English)."""
    out = []
    for err in errors:
        loc = tuple(err.get("loc", ()))
        kind = str(err.get("type", ""))
        unknown = kind == "extra_forbidden"
        labels = Text(field_label(loc, "nl", unknown=unknown), field_label(loc, "en", unknown=unknown))
        message = _PYDANTIC_MESSAGES.get(kind, _GENERIC)
        context = dict(err.get("ctx") or {})
        values: dict[str, Any] = {"field": labels, "value": _value_text(err.get("input", ""))}
        for key in ("line", "column", "max", "size"):
            if key in err:
                values[key] = str(err[key])
        for key, value in context.items():
            values[key] = _value_text(value) if key != "expected" else str(value)
        if kind == "literal_error":
            values["expected"] = _quoted(str(context.get("expected", "")).replace("'", "").replace(" or ", ", "), 200) if len(str(context.get("expected", ""))) < 200 else "…"  # not a rule value: length of a text
        for name in ("min", "max", "max_length", "places", "ids", "line", "column", "expected"):
            values.setdefault(name, "")
        out.append(Explanation(message, values))
    return out
