"""Wage payments: from shifts and contracts to what lands in the account, and when.

Each job has a pay schedule: monthly (on a pay day, in the month worked or the
month after), four-weekly or weekly (periods from an anchor date, paid some
days after the period ends). A payment's gross wage is turned into net with
the loonheffing of the pay date's year (:func:`planner.wages.tax.loonheffing`)
for that period length. Holiday pay (vakantiegeld, at least 8% of the gross
wage by the Wet minimumloon en minimumvakantiebijslag) is paid with every
payment, once a year in May or June, or not at all when it is in the wage;
a yearly payout is taxed at the special rate (bijzonder tarief).

A received payslip replaces the estimate for its period: its numbers are
facts. Then :func:`net_by_month` attributes each payment's net wage to benefit
months, by the municipality's method: the month the hours were worked
(Participatiewet art. 32), the month the wage arrived, or spread over the
working days of the period.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal, NamedTuple

from planner.explain import Day, Explanation, Money, Month, Number, Percent
from planner.i18n import N_
from planner.model import Job, Payslip, Plan, Role, Shift
from planner.money import ZERO, cents, percent_of
from planner.rules import RuleSet
from planner.wages.periods import PayPeriod
from planner.wages.tax import Withholding, bijzonder_tarief, loonheffing

YM = tuple[int, int]
Attribution = Literal["earned", "received", "spread_workdays"]
ATTRIBUTIONS: tuple[Attribution, ...] = ("earned", "received", "spread_workdays")

_PERIOD_OF: dict[str, PayPeriod] = {"monthly": "month", "four_weekly": "four_weeks", "weekly": "week"}
_LENGTH = {"four_weekly": 28, "weekly": 7}


@dataclass(frozen=True, slots=True)
class Payment:
    """One payment by one employer: a wage (with or without holiday pay), or a yearly holiday payout."""

    job_id: str
    role: Role
    kind: Literal["wage", "holiday_pay"]
    period: PayPeriod
    period_start: date
    period_end: date
    pay_date: date
    payslip_date: date
    hours: Decimal
    gross: Decimal | None
    """Gross wage of the period, holiday pay not included; None when not known."""
    net: Decimal
    """Net wage, holiday pay not included: the part the municipality counts."""
    holiday_gross: Decimal | None
    holiday_net: Decimal
    """Holiday pay in this payment, net."""
    holiday_accrued: Decimal
    """Holiday pay built up in this payment for a yearly payout (in the job's wage basis)."""
    earned: tuple[tuple[int, int, Decimal], ...]
    """The wage (in the job's basis) earned per calendar month: (year, month, amount)."""
    source: Literal["shifts", "contract", "payslip"]
    withholding: Withholding | None
    explanation: Explanation

    @property
    def total_net(self) -> Decimal:
        return self.net + self.holiday_net

    @property
    def loonheffing(self) -> Decimal | None:
        if self.gross is None or self.withholding is None:
            return None
        return self.gross + (self.holiday_gross or ZERO) - self.total_net


def _clamp_day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _next_month(year: int, month: int) -> YM:
    return (year + 1, 1) if month == 12 else (year, month + 1)


class PeriodDates(NamedTuple):
    """One pay period of a job: its first and last day, and the day its wage is paid."""

    first: date
    last: date
    pay_date: date


def pay_periods(job: Job, start: date, end: date) -> list[PeriodDates]:
    """Every pay period of ``job`` that overlaps ``start`` to ``end``, in order.

    Monthly pay: calendar months, paid on the job's pay day (the same or the
    next month). Four-weekly and weekly pay: periods of 28 or 7 days counted
    from the job's ``period_anchor``, paid ``pay_delay_days`` after the end.
    A payslip replaces the estimate of the period whose dates it has.
    """
    out: list[PeriodDates] = []
    if job.pay_schedule == "monthly":
        y, m = start.year, start.month
        while date(y, m, 1) <= end:
            first, last = date(y, m, 1), _clamp_day(y, m, 31)
            py, pm = (y, m) if job.paid_in == "same_month" else _next_month(y, m)
            out.append(PeriodDates(first, last, _clamp_day(py, pm, job.pay_day)))
            y, m = _next_month(y, m)
        return out
    length = _LENGTH[job.pay_schedule]
    k = (start - job.period_anchor).days // length
    while True:
        first = job.period_anchor + timedelta(days=k * length)
        if first > end:
            return out
        last = first + timedelta(days=length - 1)
        out.append(PeriodDates(first, last, last + timedelta(days=job.pay_delay_days)))
        k += 1


def job_active(job: Job, first: date, last: date) -> bool:
    """Whether the job runs on some day from ``first`` to ``last`` (its start and end, when set, included)."""
    return (job.start is None or job.start <= last) and (job.end is None or job.end >= first)


def payments_for(plan: Plan, rules: RuleSet, shifts: Iterable[Shift] | None = None) -> list[Payment]:
    """Every payment of every job whose pay period overlaps the plan's months, in pay-date order."""
    months = plan.month_list()
    window_start = date(*months[0], 1)
    window_end = _clamp_day(*months[-1], 31)
    by_job: dict[str, list[Shift]] = defaultdict(list)
    for shift in plan.shifts if shifts is None else shifts:
        if window_start <= shift.date <= window_end:
            by_job[shift.job].append(shift)
    slips: dict[tuple[str, date, date], Payslip] = {(p.job, *p.period): p for p in plan.payslips}
    out: list[Payment] = []
    for job in plan.jobs:
        out.extend(_job_payments(job, sorted(by_job.get(job.id, ()), key=lambda s: s.date), slips, window_start, window_end, rules, len(months)))
    # Payslips for periods the plan did not expect (no shifts planned, another period).
    used = {(p.job_id, p.period_start, p.period_end) for p in out if p.source == "payslip"}
    for key, slip in slips.items():
        job = plan.job(slip.job)
        if key not in used and job is not None and slip.period[1] >= window_start and slip.period[0] <= window_end:
            out.append(_from_payslip(job, slip, None))
    out.sort(key=lambda p: (p.pay_date, p.job_id, p.kind))
    return out


def _job_payments(
    job: Job,
    shifts: list[Shift],
    slips: dict[tuple[str, date, date], Payslip],
    window_start: date,
    window_end: date,
    rules: RuleSet,
    plan_months: int,
) -> list[Payment]:
    period: PayPeriod = _PERIOD_OF[job.pay_schedule]
    out: list[Payment] = []
    accrued: list[Payment] = []  # payments whose yearly holiday pay is not paid yet
    i = 0
    for first, last, pay_date in pay_periods(job, window_start, window_end):
        in_period = []
        while i < len(shifts) and shifts[i].date <= last:
            if shifts[i].date >= first:
                in_period.append(shifts[i])
            i += 1
        slip = slips.get((job.id, first, last))
        estimate = _estimate(job, period, first, last, pay_date, in_period, rules)
        if slip is not None:
            payment = _from_payslip(job, slip, estimate)
        elif estimate is not None:
            payment = estimate
        else:
            continue
        out.append(payment)
        if payment.holiday_accrued > ZERO:
            accrued.append(payment)
    if job.holiday_pay == "yearly":
        out.extend(_yearly_holiday_payouts(job, accrued, window_end, rules, plan_months))
    return out


def _estimate(
    job: Job, period: PayPeriod, first: date, last: date, pay_date: date, shifts: list[Shift], rules: RuleSet
) -> Payment | None:
    if not job_active(job, first, last):
        return None
    earned: dict[YM, Decimal] = defaultdict(lambda: ZERO)
    if job.wage_unit == "month":
        hours = ZERO
        earned[(first.year, first.month)] = job.wage
        source: Literal["shifts", "contract"] = "contract"
    else:
        if not shifts:
            return None
        hours = sum((s.hours for s in shifts), ZERO)
        for s in shifts:
            earned[(s.date.year, s.date.month)] += s.hours * job.wage
        source = "shifts"
    total = cents(sum(earned.values(), ZERO))
    earned_t = tuple((y, m, cents(a)) for (y, m), a in sorted(earned.items()))
    holiday = cents(percent_of(total, job.holiday_pay_percent)) if job.holiday_pay != "none" else ZERO
    holiday_now = holiday if job.holiday_pay == "with_wage" else ZERO
    accrued = holiday if job.holiday_pay == "yearly" else ZERO
    payslip_date = pay_date + timedelta(days=job.payslip_delay_days)
    if source == "shifts":
        basis = Explanation(
            N_("{job}: {hours} hours from {first} to {last} at {wage} an hour is {amount}, paid on {pay_date}."),
            {"job": job.name or job.id, "hours": Number(hours), "first": Day(first), "last": Day(last),
             "wage": Money(job.wage), "amount": Money(total), "pay_date": Day(pay_date)},
        )
    else:
        basis = Explanation(
            N_("{job}: a fixed wage of {amount} for {month}, paid on {pay_date}."),
            {"job": job.name or job.id, "amount": Money(total), "month": Month(first.year, first.month), "pay_date": Day(pay_date)},
        )
    if job.wage_basis == "net":
        more = [Explanation(N_("This is your net wage, as you entered it."))]
        if holiday_now:
            more.append(Explanation(
                N_("Holiday pay of {percent} is paid with it: about {amount} net (an estimate: {percent} of the net wage)."),
                {"percent": Percent(job.holiday_pay_percent), "amount": Money(holiday_now)}))
        return Payment(job.id, job.person, "wage", period, first, last, pay_date, payslip_date, hours, None, total,
                       None, holiday_now, accrued, earned_t, source, None, Explanation(basis.message, basis.values, more=tuple(more)))
    with_lhk = job.employer_applies_heffingskorting
    wage_only = loonheffing(total, period, pay_date, with_lhk=with_lhk, rules=rules)
    net, holiday_net, withholding = wage_only.net, ZERO, wage_only
    more = [wage_only.explanation]
    if holiday_now:
        together = loonheffing(total + holiday_now, period, pay_date, with_lhk=with_lhk, rules=rules)
        holiday_net = together.net - wage_only.net
        more.append(Explanation(
            N_("Holiday pay of {percent} ({gross} gross) is paid with it; net that adds {net}."),
            {"percent": Percent(job.holiday_pay_percent), "gross": Money(holiday_now), "net": Money(holiday_net)}))
    if not with_lhk:
        more.append(Explanation(N_(
            "Your employer does not apply the heffingskorting (a tax discount), because the municipality already "
            "does so on your bijstand. So more tax is withheld now; part of it may come back through your tax return.")))
    return Payment(job.id, job.person, "wage", period, first, last, pay_date, payslip_date, hours, total, net,
                   holiday_now if holiday_now else None, holiday_net, accrued, earned_t, source, withholding,
                   Explanation(basis.message, basis.values, more=tuple(more)))


def _from_payslip(job: Job, slip: Payslip, estimate: Payment | None) -> Payment:
    first, last = slip.period
    net = slip.net_amount - slip.holiday_pay_part
    pay_date = slip.pay_date or (estimate.pay_date if estimate else last)
    if estimate is not None and estimate.earned:
        earned = estimate.earned
    else:
        earned = ((first.year, first.month, net),)
    expl = Explanation(
        N_("From your payslip for {first} to {last} ({job}): net {net}, paid on {pay_date}. "
           "Holiday pay on it ({holiday}) is not counted as income again."),
        {"first": Day(first), "last": Day(last), "job": job.name or job.id, "net": Money(net),
         "pay_date": Day(pay_date), "holiday": Money(slip.holiday_pay_part)},
    )
    return Payment(
        job.id, job.person, "wage", _PERIOD_OF[job.pay_schedule], first, last, pay_date,
        pay_date + timedelta(days=job.payslip_delay_days), estimate.hours if estimate else ZERO,
        slip.gross_amount, net, None, slip.holiday_pay_part, estimate.holiday_accrued if estimate else ZERO,
        earned, "payslip", None, expl,
    )


def _yearly_holiday_payouts(job: Job, accrued: list[Payment], window_end: date, rules: RuleSet, plan_months: int) -> list[Payment]:
    """Pay the built-up holiday pay in the job's holiday month (or when the job ends)."""
    out: list[Payment] = []
    pending: list[Payment] = []
    payout_dates = []
    if accrued:
        y = accrued[0].pay_date.year
        while date(y, 1, 1) <= window_end:
            payout_dates.append(_clamp_day(y, job.holiday_pay_month, job.pay_day))
            y += 1
    if job.end is not None and job.end <= window_end and accrued:
        payout_dates.append(max(p.pay_date for p in accrued))
    payout_dates = sorted(set(payout_dates))
    queue = list(accrued)
    annual_gross = None
    grosses = [p.gross for p in accrued if p.gross is not None]
    if grosses:
        annual_gross = cents(sum(grosses, ZERO) * 12 / max(1, plan_months))
    for pay_date in payout_dates:
        pending = [p for p in queue if p.pay_date <= pay_date]
        queue = [p for p in queue if p.pay_date > pay_date]
        if not pending or pay_date > window_end:
            continue
        amount = sum((p.holiday_accrued for p in pending), ZERO)
        first, last = pending[0].period_start, pending[-1].period_end
        if job.wage_basis == "gross":
            rate, rate_expl = bijzonder_tarief(annual_gross or ZERO, pay_date.year, with_lhk=job.employer_applies_heffingskorting, rules=rules)
            net = amount - cents(percent_of(amount, rate))
            expl = Explanation(
                N_("Holiday pay from {job} built up from {first} to {last}: {gross} gross. It is taxed at the special rate "
                   "of {rate} (worked out on an estimated yearly wage of {annual}), so {net} is paid on {pay_date}."),
                {"job": job.name or job.id, "first": Day(first), "last": Day(last), "gross": Money(amount),
                 "rate": Percent(rate), "annual": Money(annual_gross or ZERO), "net": Money(net), "pay_date": Day(pay_date)},
                more=(rate_expl,),
            )
            gross = amount
        else:
            net, gross = amount, None
            expl = Explanation(
                N_("Holiday pay from {job} built up from {first} to {last}: about {net} net, paid on {pay_date} "
                   "(an estimate: {percent} of the net wage)."),
                {"job": job.name or job.id, "first": Day(first), "last": Day(last), "net": Money(net),
                 "pay_date": Day(pay_date), "percent": Percent(job.holiday_pay_percent)},
            )
        out.append(Payment(job.id, job.person, "holiday_pay", _PERIOD_OF[job.pay_schedule], first, last, pay_date,
                           pay_date + timedelta(days=job.payslip_delay_days), ZERO, None, ZERO, gross, net, ZERO,
                           (), pending[0].source, None, expl))
    return out


def unpaid_holiday_pay(payments: list[Payment]) -> dict[str, Decimal]:
    """Holiday pay built up per job that is not paid out within the plan."""
    paid_until: dict[str, date] = {}
    for p in payments:
        if p.kind == "holiday_pay":
            paid_until[p.job_id] = max(paid_until.get(p.job_id, p.pay_date), p.pay_date)
    out: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for p in payments:
        if p.kind == "wage" and p.holiday_accrued > ZERO and (p.job_id not in paid_until or p.pay_date > paid_until[p.job_id]):
            out[p.job_id] += p.holiday_accrued
    return dict(out)


# --- attribution to benefit months ---------------------------------------------------------------


def workdays_by_month(first: date, last: date) -> dict[YM, int]:
    """The working days (Monday to Friday) from ``first`` to ``last``, counted per calendar month.

    A pay period's wage is spread over its months by these counts (``spread_workdays``)."""
    out: dict[YM, int] = defaultdict(int)
    day = first
    while day <= last:
        if day.weekday() < 5:
            out[(day.year, day.month)] += 1
        day += timedelta(days=1)
    return out


def _split(total: Decimal, weights: list[tuple[YM, Decimal]]) -> list[tuple[YM, Decimal]]:
    """Split ``total`` in proportion to ``weights``, to the cent, the rounding rest on the largest part."""
    weight_sum = sum((w for _, w in weights), ZERO)
    if weight_sum <= ZERO:
        return [(weights[0][0], total)] if weights else []
    parts = [(ym, cents(total * w / weight_sum)) for ym, w in weights]
    rest = total - sum((a for _, a in parts), ZERO)
    if rest:
        k = max(range(len(parts)), key=lambda j: weights[j][1])
        parts[k] = (parts[k][0], parts[k][1] + rest)
    return parts


def net_by_month(payment: Payment, method: Attribution) -> list[tuple[YM, Decimal]]:
    """The payment's net wage per benefit month (holiday pay is not counted as income)."""
    if payment.kind != "wage" or payment.net == ZERO:
        return []
    if method == "received":
        return [((payment.pay_date.year, payment.pay_date.month), payment.net)]
    if method == "spread_workdays" and payment.period != "month":
        days = workdays_by_month(payment.period_start, payment.period_end)
        return _split(payment.net, [(ym, Decimal(n)) for ym, n in sorted(days.items())])
    return _split(payment.net, [((y, m), a) for y, m, a in payment.earned])


def gross_by_month(payment: Payment, method: Attribution) -> list[tuple[YM, Decimal]]:
    if payment.kind != "wage" or payment.gross is None:
        return []
    with_gross = replace(payment, net=payment.gross)
    return net_by_month(with_gross, method)
