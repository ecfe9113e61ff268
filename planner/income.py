"""Which net income from work the municipality counts in which benefit month.

Participatiewet art. 32: income counts for the period it relates to; in
practice the month in which the hours were worked (Woensdrecht: "Krijgt u in
april nog loon over januari? Dan telt dat mee voor uw inkomen van januari.").
A received payslip always beats an estimate from shifts. Employer holiday pay
on a payslip is not counted again (see ``FIXED_ASSUMPTIONS``); it is taken
into account through the vakantieaanspraak instead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from planner.explain import Explanation, Money, Month, Number
from planner.i18n import N_
from planner.model import Job, Plan, Role, Shift
from planner.money import ZERO, cents
from planner.people import first_day, last_day
from planner.rules import RuleSet
from planner.wages.tax import Withholding, loonheffing

YM = tuple[int, int]


@dataclass(frozen=True, slots=True)
class JobIncome:
    job_id: str
    role: Role
    source: Literal["payslip", "shifts", "contract"]
    hours: Decimal
    shifts: int
    gross: Decimal | None
    net: Decimal
    withholding: Withholding | None
    explanation: Explanation


@dataclass(frozen=True, slots=True)
class PersonIncome:
    role: Role
    net: Decimal
    gross: Decimal | None
    """Gross wage when every job of the month has a known gross; otherwise None."""
    jobs: tuple[JobIncome, ...]


def _job_active(job: Job, year: int, month: int) -> bool:
    if job.start is not None and job.start > last_day(year, month):
        return False
    return job.end is None or job.end >= first_day(year, month)


def attribute(
    plan: Plan,
    rules: RuleSet,
    shifts: Iterable[Shift] | None = None,
) -> dict[YM, dict[Role, PersonIncome]]:
    """Net (and where known gross) income from work per benefit month and person."""
    months = plan.month_list()
    wanted = set(months)
    by_job_month: dict[tuple[str, YM], list[Shift]] = defaultdict(list)
    for shift in plan.shifts if shifts is None else shifts:
        ym = (shift.date.year, shift.date.month)
        if ym in wanted:
            by_job_month[(shift.job, ym)].append(shift)
    payslips = {(p.job, p.month): p for p in plan.payslips}
    out: dict[YM, dict[Role, PersonIncome]] = {}
    for ym in months:
        per_role: dict[Role, list[JobIncome]] = defaultdict(list)
        for job in plan.jobs:
            income = _job_month(job, ym, by_job_month.get((job.id, ym), ()), payslips.get((job.id, f"{ym[0]:04d}-{ym[1]:02d}")), rules)
            if income is not None:
                per_role[job.person].append(income)
        out[ym] = {
            role: PersonIncome(
                role,
                sum((j.net for j in jobs), ZERO),
                None if any(j.gross is None for j in jobs) else sum((j.gross for j in jobs), ZERO),  # type: ignore[misc]
                tuple(jobs),
            )
            for role, jobs in per_role.items()
        }
    return out


def _job_month(job: Job, ym: YM, shifts: Iterable[Shift], payslip, rules: RuleSet) -> JobIncome | None:  # noqa: ANN001
    year, month = ym
    if payslip is not None:
        net = payslip.net_amount - payslip.holiday_pay_part
        expl = Explanation(
            N_(
                "From your payslip for {month} ({job}): net {net}. Holiday pay on it ({holiday}) is not counted again."
            ),
            {"month": Month(year, month), "job": job.name or job.id, "net": Money(net), "holiday": Money(payslip.holiday_pay_part)},
        )
        return JobIncome(job.id, job.person, "payslip", ZERO, 0, None, net, None, expl)
    shifts = list(shifts)
    if job.wage_unit == "hour":
        if not shifts:
            return None
        hours = sum((s.hours for s in shifts), ZERO)
        amount = cents(hours * job.wage)
        source: Literal["shifts", "contract"] = "shifts"
        basis_expl = Explanation(
            N_("{job}: {hours} hours in {month} at {wage} an hour is {amount}."),
            {"job": job.name or job.id, "hours": Number(hours), "month": Month(year, month), "wage": Money(job.wage), "amount": Money(amount)},
        )
    else:
        if not _job_active(job, year, month):
            return None
        hours, amount, source = ZERO, job.wage, "contract"
        basis_expl = Explanation(
            N_("{job}: a fixed wage of {amount} for {month}."),
            {"job": job.name or job.id, "amount": Money(amount), "month": Month(year, month)},
        )
    if job.wage_basis == "net":
        expl = Explanation(basis_expl.message, basis_expl.values, more=(Explanation(N_("This is your net wage, as you entered it.")),))
        return JobIncome(job.id, job.person, source, hours, len(shifts), None, amount, None, expl)
    withholding = loonheffing(
        amount, "month", last_day(year, month), with_lhk=job.employer_applies_heffingskorting, rules=rules
    )
    expl = Explanation(basis_expl.message, basis_expl.values, more=(withholding.explanation,))
    return JobIncome(job.id, job.person, source, hours, len(shifts), amount, withholding.net, withholding, expl)

