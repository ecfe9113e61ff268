"""Settlement: what the municipality pays when, what it corrects later, and what you pay back.

Two regimes, parameters of the municipality (``gemeenten/<name>/uitkering``)
that a plan can override from the user's letter:

- ``estimate`` (Amsterdam's practice in the research): the benefit for month M
  is paid on the pay day in M, on an *estimate* of M's income. When M's
  payslip is in, M is worked out again. An underpayment is paid with the next
  payment; an overpayment is withheld from the next payments (at most a
  limit per payment, if the municipality has one). Participatiewet art. 58
  lid 4 allows settling income of the past six months against the benefit;
  an overpayment that cannot be withheld (no benefit left, or more than six
  months back) becomes a repayment demand (terugvordering, art. 58).
- ``after_income``: the benefit for M is paid only once M's income is known:
  no corrections, but the money can come later.

Every arrow of the settlement picture is a dated :class:`Event`.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from planner.benefit import Projection, project
from planner.explain import Explanation, Money, Month, Percent, RuleRef
from planner.i18n import N_
from planner.model import Plan, Role, Shift
from planner.money import ZERO, cents
from planner.rules import RuleSet, RuleValue, load_rules

YM = tuple[int, int]
Regime = Literal["estimate", "voorschot", "after_income"]
EventKind = Literal[
    "benefit",
    "correction_paid",
    "withholding",
    "repayment",
    "vakantietoeslag",
    "premie",
    "wage",
    "holiday_pay",
    "expense",
]
SETTLEMENT_KINDS = ("correction_paid", "withholding", "repayment")


@dataclass(frozen=True, slots=True)
class Event:
    """One dated amount into (+) or out of (-) the user's account."""

    date: date
    kind: EventKind
    amount: Decimal
    explanation: Explanation
    settles: YM | None = None
    """The benefit month this event corrects (corrections, withholdings, repayments)."""
    month: YM | None = None
    """The benefit month a benefit payment is for."""
    job: str | None = None
    statement: Explanation | None = None
    """The line as the user will see it on the municipality's specification or letter."""

    @property
    def key(self) -> tuple:
        return (self.date, 0 if self.amount < 0 else 1, self.kind)


@dataclass(frozen=True, slots=True)
class MonthSettlement:
    month: YM
    pay_date: date
    estimated_income: Decimal
    advance: Decimal
    """Benefit paid on the pay day (the part paid monthly), on the estimate."""
    final: Decimal
    """Benefit due on the actual income (the part paid monthly)."""
    known_on: date
    """When the municipality has the month's income."""
    settled_on: date | None
    """When the difference is paid or starts to be withheld; None if after the plan."""

    @property
    def difference(self) -> Decimal:
        return self.final - self.advance


@dataclass(frozen=True, slots=True)
class Pending:
    """A correction not settled within the plan's months."""

    settles: YM
    amount: Decimal
    """+ still to be paid to you, - still to be withheld or paid back."""


@dataclass(frozen=True, slots=True)
class Timeline:
    regime: Regime
    pay_day: int
    events: tuple[Event, ...]
    months: tuple[MonthSettlement, ...]
    pending: tuple[Pending, ...]
    projection: Projection
    used: tuple[RuleRef, ...] = field(default=())
    payouts_after_plan: tuple[Pending, ...] = field(default=())
    """Holiday allowance due after the plan's last month (the benefit ended): settles = the last month with bijstand."""

    def settlement_events(self) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.kind in SETTLEMENT_KINDS)

    @property
    def withheld(self) -> Decimal:
        return -sum((e.amount for e in self.events if e.kind == "withholding"), ZERO)

    @property
    def repaid(self) -> Decimal:
        return -sum((e.amount for e in self.events if e.kind == "repayment"), ZERO)


def _clamp(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _add_months(ym: YM, n: int) -> YM:
    k = ym[0] * 12 + ym[1] - 1 + n
    return k // 12, k % 12 + 1


def _income(proj: Projection, index: int) -> dict[Role, Decimal]:
    return {p.role: (p.income.net if p.income else ZERO) for p in proj.months[index].people}


def _known_on(plan: Plan, proj: Projection, index: int) -> date:
    """When the municipality has month ``index``'s income: the last payslip, plus the user's delay."""
    bm = proj.months[index]
    ym = (bm.year, bm.month)
    known = _clamp(bm.year, bm.month, 31)
    for person in bm.people:
        if person.income is not None:
            for part in person.income.parts:
                known = max(known, part.payment.payslip_date)
    known = date.fromordinal(known.toordinal() + plan.settlement.report_delay_days)
    for late in plan.settlement.late_reports:
        if (int(late.month[:4]), int(late.month[5:])) == ym:
            known = max(known, late.reported_on)
    return known


def build_timeline(
    plan: Plan,
    rules: RuleSet | None = None,
    shifts: tuple[Shift, ...] | None = None,
    planned: Projection | None = None,
    actual: Projection | None = None,
) -> Timeline:
    """The dated settlement events of a plan (``shifts``: what really happens, for scenarios).

    ``planned`` is the projection of the plan as planned: the municipality's
    estimate under the ``plan`` estimate method. Defaults to the actual one.
    """
    rules = rules or load_rules()
    actual = actual or project(plan, rules, shifts)
    planned = planned or actual
    assumptions = actual.assumptions
    y0, m0 = plan.start_month
    start_day = date(y0, m0, 1)
    gem = f"gemeenten/{plan.household.municipality}/uitkering/"
    used: list[RuleValue] = []

    def rv(param_id: str, on: date = start_day) -> RuleValue:
        value = rules.get(param_id, on)
        used.append(value)
        return value

    regime: Regime = plan.settlement.regime if plan.settlement.regime != "municipality" else rv(gem + "regime").value  # type: ignore[assignment]
    pay_day = plan.settlement.pay_day or int(rv(gem + "betaaldag").value)  # type: ignore[arg-type]
    lookback = int(rv("participatiewet/verrekening/termijn_maanden").value)  # type: ignore[arg-type]
    municipal_limit: Decimal | None = None
    if gem + "verrekening_maximum" in rules:
        found = rules.find(gem + "verrekening_maximum", start_day)
        municipal_limit = found.decimal if found is not None else None
    limit: Decimal | None = plan.settlement.withholding_limit
    if limit is None and assumptions["withholding_limit"] == "municipal_limit" and municipal_limit is not None:
        limit = municipal_limit
        used.append(rules.get(gem + "verrekening_maximum", start_day))
    instalment_amount = limit if limit is not None else municipal_limit

    months = [(bm.year, bm.month) for bm in actual.months]
    pay_dates = [_clamp(y, m, pay_day) for y, m in months]
    known = [_known_on(plan, actual, i) for i in range(len(months))]
    final = [bm.bijstand_paid_monthly.amount for bm in actual.months]

    events: list[Event] = []
    settlements: list[MonthSettlement] = []
    pending: list[Pending] = []

    if regime == "after_income":
        for i, ym in enumerate(months):
            pay = pay_dates[i] if known[i] <= pay_dates[i] else next((p for p in pay_dates if p > known[i]), None)
            settlements.append(MonthSettlement(ym, pay_dates[i], _sum(_income(actual, i)), final[i], final[i], known[i], pay))
            if final[i] <= ZERO:
                continue
            if pay is None:
                pending.append(Pending(ym, final[i]))
                continue
            events.append(Event(pay, "benefit", final[i], Explanation(
                N_("Bijstand for {month}, paid once your income for that month is known: {amount}."),
                {"month": Month(*ym), "amount": Money(final[i])}), month=ym,
                statement=Explanation(N_("Bijstand {month}"), {"month": Month(*ym)})))
    else:
        estimates = _estimates(plan, actual, planned, assumptions["estimate_method"], known, pay_dates)
        estimate_proj = project(plan, rules, shifts, income_override=dict(zip(months, estimates, strict=True)))
        advance = [bm.bijstand_paid_monthly.amount for bm in estimate_proj.months]
        share: RuleValue | None = None
        if regime == "voorschot":
            share = rv("participatiewet/voorschot/percentage")
            advance = [cents(a * share.decimal / 100) for a in advance]
        for i, ym in enumerate(months):
            if advance[i] <= ZERO:
                continue
            if share is None:
                expl = Explanation(
                    N_("Bijstand for {month}, paid on an estimated income of {estimate}: {amount}."),
                    {"month": Month(*ym), "estimate": Money(_sum(estimates[i])), "amount": Money(advance[i])})
            else:
                expl = Explanation(
                    N_("Advance (voorschot) on your bijstand for {month}: {percent} of what you would get with an "
                       "estimated income of {estimate}: {amount}. The rest follows when your income is known."),
                    {"month": Month(*ym), "percent": Percent(share.decimal), "estimate": Money(_sum(estimates[i])),
                     "amount": Money(advance[i])}, (RuleRef.of(share),))
            events.append(Event(pay_dates[i], "benefit", advance[i], expl, month=ym,
                                statement=Explanation(N_("Bijstand {month}"), {"month": Month(*ym)})))
        settle_on: list[date | None] = [next((p for p in pay_dates if p > known[i]), None) for i in range(len(months))]
        for i, ym in enumerate(months):
            settlements.append(MonthSettlement(ym, pay_dates[i], _sum(estimates[i]), advance[i], final[i], known[i], settle_on[i]))
        events.extend(_corrections(months, pay_dates, advance, final, known, settle_on, lookback, limit,
                                   assumptions["repayment"], instalment_amount, pending, actual))

    after: list[Pending] = []
    events.extend(_payouts(actual, months, pay_dates, final, rules, used, after))
    events.extend(_wages(actual, start_day, _clamp(*months[-1], 31)))
    events.extend(expense_events(plan, start_day, _clamp(*months[-1], 31)))
    events.sort(key=lambda e: e.key)
    refs: dict[str, RuleRef] = {}
    for value in used:
        refs.setdefault(value.id, RuleRef.of(value))
    return Timeline(regime, pay_day, tuple(events), tuple(settlements), tuple(pending), actual, tuple(refs.values()), tuple(after))


def _sum(parts: dict[Role, Decimal]) -> Decimal:
    return sum(parts.values(), ZERO)


def _estimates(
    plan: Plan,
    actual: Projection,
    planned: Projection,
    method: str,
    known: list[date],
    pay_dates: list[date],
) -> list[dict[Role, Decimal]]:
    """The municipality's estimate of each month's income, by the chosen method."""
    if plan.settlement.estimated_income is not None:
        return [{"claimant": plan.settlement.estimated_income} for _ in actual.months]
    out: list[dict[Role, Decimal]] = []
    for i in range(len(actual.months)):
        if method == "plan":
            out.append(_income(planned, i))
            continue
        known_before = [j for j in range(i) if known[j] < pay_dates[i]]
        if not known_before:
            out.append(_income(planned, i))  # no history yet: the plan is the best estimate there is
            continue
        take = known_before[-1:] if method == "last_known" else known_before[-3:]
        roles: dict[Role, Decimal] = defaultdict(lambda: ZERO)
        for j in take:
            for role, amount in _income(actual, j).items():
                roles[role] += amount
        out.append({role: cents(amount / len(take)) for role, amount in roles.items()})
    return out


def _corrections(
    months: list[YM],
    pay_dates: list[date],
    advance: list[Decimal],
    final: list[Decimal],
    known: list[date],
    settle_on: list[date | None],
    lookback: int,
    limit: Decimal | None,
    repayment: str,
    instalment: Decimal | None,
    pending: list[Pending],
    actual: Projection,
) -> list[Event]:
    events: list[Event] = []
    debts: list[list] = []  # [settles_month, remaining]
    demanded: set[YM] = set()  # debts already turned into a repayment demand
    for k, pay in enumerate(pay_dates):
        paid_now = advance[k]
        for i, ym in enumerate(months):
            if settle_on[i] != pay:
                continue
            diff = final[i] - advance[i]
            if diff > ZERO:
                paid_now += diff
                events.append(Event(pay, "correction_paid", diff, Explanation(
                    N_("Your income in {month} was lower than estimated. You get {amount} extra bijstand for {month}."),
                    {"month": Month(*ym), "amount": Money(diff)}), settles=ym,
                    statement=Explanation(N_("Nabetaling (extra payment) {month}"), {"month": Month(*ym)})))
            elif diff < ZERO:
                too_late = _add_months(ym, lookback) < (pay.year, pay.month)
                if too_late and repayment == "instalments" and instalment is not None and instalment > ZERO:
                    demanded.add(ym)
                    planned_repayments, rest = _repayments(pay, -diff, ym, repayment, instalment, pay_dates, k)
                    events.extend(planned_repayments)
                    if rest > ZERO:
                        pending.append(Pending(ym, -rest))
                elif too_late:
                    events.append(_repayment_event(pay, -diff, ym, lookback=lookback))
                else:
                    debts.append([ym, -diff])
        # Withhold from this payment.
        available = paid_now
        for debt in debts:
            if debt[1] <= ZERO or available <= ZERO:
                continue
            take = min(debt[1], available)
            if limit is not None:
                already = -sum((e.amount for e in events if e.kind == "withholding" and e.date == pay), ZERO)
                take = min(take, max(ZERO, limit - already))
            if take <= ZERO:
                continue
            debt[1] -= take
            available -= take
            ym = debt[0]
            events.append(Event(pay, "withholding", -take, Explanation(
                N_("Your income in {month} was higher than estimated, so you got too much bijstand. "
                   "{amount} is withheld from this payment."),
                {"month": Month(*ym), "amount": Money(take)}), settles=ym,
                statement=Explanation(N_("Verrekening inkomsten (income settled) {month}"), {"month": Month(*ym)})))
        # No benefit left to withhold from: what is owed becomes a repayment demand, once per debt. A debt
        # that was withheld from on this pay date starts its instalments on the next one, so one month's
        # debt is never taken twice on one day.
        ended = advance[k] <= ZERO and final[k] <= ZERO
        if ended:
            for debt in debts:
                if debt[1] > ZERO and debt[0] not in demanded:
                    demanded.add(debt[0])
                    withheld_now = any(e.kind == "withholding" and e.date == pay and e.settles == debt[0] for e in events)
                    first = k + 1 if withheld_now and repayment == "instalments" else k
                    planned_repayments, rest = _repayments(pay, debt[1], debt[0], repayment, instalment, pay_dates, first)
                    events.extend(planned_repayments)
                    debt[1] = rest
    for i, ym in enumerate(months):
        diff = final[i] - advance[i]
        if settle_on[i] is None and diff != ZERO:
            pending.append(Pending(ym, diff))
    for debt in debts:
        if debt[1] > ZERO:
            pending.append(Pending(debt[0], -debt[1]))
    return events


def _repayment_event(day: date, amount: Decimal, ym: YM, *, lookback: int | None = None, instalment: bool = False) -> Event:
    if lookback is not None:
        expl = Explanation(
            N_("Your income in {month} became known more than {months} months later. The {amount} you got too much "
               "can no longer be withheld: you get a letter asking you to pay it back (terugvordering)."),
            {"month": Month(*ym), "months": lookback, "amount": Money(amount)})
    elif instalment:
        expl = Explanation(
            N_("Monthly payment of {amount} on what you must pay back for {month} (terugvordering)."),
            {"month": Month(*ym), "amount": Money(amount)})
    else:
        expl = Explanation(
            N_("You no longer get bijstand to withhold from. The {amount} you got too much for {month} "
               "must be paid back: you get a letter (terugvordering)."),
            {"month": Month(*ym), "amount": Money(amount)})
    return Event(day, "repayment", -amount, expl, settles=ym,
                 statement=Explanation(N_("Terugvordering (repayment) {month}"), {"month": Month(*ym)}))


def _repayments(day: date, amount: Decimal, ym: YM, how: str, instalment: Decimal | None,
                pay_dates: list[date], k: int) -> tuple[list[Event], Decimal]:
    """Repayment events from pay date ``k`` on, and what is still owed after the plan's last month."""
    if how != "instalments" or instalment is None or instalment <= ZERO:
        return [_repayment_event(day, amount, ym)], ZERO
    out = []
    for pay in pay_dates[k:]:
        if amount <= ZERO:
            break
        part = min(amount, instalment)
        out.append(_repayment_event(pay, part, ym, instalment=True))
        amount -= part
    return out, amount


def _ended_at(final: list[Decimal]) -> int | None:
    """Index of the first month without bijstand after which none comes back (the benefit ended)."""
    for k in range(1, len(final)):
        if final[k] <= ZERO and final[k - 1] > ZERO and all(f <= ZERO for f in final[k:]):
            return k
    return None


def _payouts(actual: Projection, months: list[YM], pay_dates: list[date], final: list[Decimal], rules: RuleSet,
             used: list[RuleValue], after: list[Pending]) -> list[Event]:
    """Premie payouts, and the holiday allowance: every June, or within three months after the benefit ends."""
    out: list[Event] = []
    paid: set[int] = set()
    ended = _ended_at(final)

    def holiday(i: int, window: list[int], day: date, expl_message: str) -> None:
        window = [j for j in window if j not in paid]
        amount = sum((actual.months[j].vakantietoeslag_reserved.amount for j in window), ZERO)
        paid.update(window)
        if amount <= ZERO:
            return
        first, last = months[window[0]], months[window[-1]]
        out.append(Event(day, "vakantietoeslag", amount, Explanation(
            expl_message, {"first": Month(*first), "last": Month(*last), "amount": Money(amount)}, (RuleRef.of(vt_rule),)),
            statement=Explanation(N_("Vakantietoeslag (holiday allowance)"))))

    for i, bm in enumerate(actual.months):
        if bm.premie_paid.amount > ZERO:
            out.append(Event(pay_dates[i], "premie", bm.premie_paid.amount, bm.premie_paid.explanation,
                             statement=Explanation(N_("Bijverdienpremie"))))
        vt_rule = rules.get("participatiewet/vakantietoeslag/uitbetaalmaand", date(bm.year, bm.month, 1))
        if ended is not None and i == min(ended + 2, len(months) - 1) and ended + 2 < len(months):
            used.append(vt_rule)
            holiday(i, list(range(ended)), pay_dates[i], N_(
                "Your bijstand has ended. The holiday allowance saved from {first} to {last} is paid within three "
                "months: {amount}."))
        if bm.month in vt_rule.value:  # type: ignore[operator]
            used.append(vt_rule)
            # The law: paid in June over the twelve months before; June itself belongs to the next year.
            window = [j for j, ym in enumerate(months) if _add_months((bm.year, bm.month), -12) <= ym < (bm.year, bm.month)]
            holiday(i, window, pay_dates[i], N_(
                "The holiday allowance saved from your bijstand from {first} to {last} is paid out: {amount}."))
    if ended is not None and ended + 2 >= len(months):
        rest = [j for j in range(ended) if j not in paid]
        amount = sum((actual.months[j].vakantietoeslag_reserved.amount for j in rest), ZERO)
        if amount > ZERO:
            after.append(Pending(months[ended - 1], amount))
    return out


def _wages(actual: Projection, first: date, last: date) -> list[Event]:
    out = []
    for p in actual.payments:
        if first <= p.pay_date <= last and p.total_net > ZERO:
            out.append(Event(p.pay_date, "holiday_pay" if p.kind == "holiday_pay" else "wage", p.total_net,
                             p.explanation, job=p.job_id))
    return out


def expense_events(plan: Plan, first: date, last: date) -> list[Event]:
    """Each fixed cost on its days from ``first`` to ``last``, expense by expense, by date: a monthly one on
    its day of the month (the last day of a shorter month), a weekly one on its ISO weekday (1 = Monday).

    The timeline and the risk simulation both take the fixed costs from here."""
    out = []
    for exp in plan.expenses:
        if exp.amount <= ZERO:
            continue
        days: list[date] = []
        if exp.every == "month":
            year, month = first.year, first.month
            while (year, month) <= (last.year, last.month):
                day = date(year, month, min(exp.day, calendar.monthrange(year, month)[1]))
                if first <= day <= last:
                    days.append(day)
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        elif 1 <= exp.day <= 7:  # a weekly cost on another "day" is refused by planner.validate
            day = first + timedelta(days=(exp.day - first.isoweekday()) % 7)
            while day <= last:
                days.append(day)
                day += timedelta(days=7)
        for day in days:
            out.append(Event(day, "expense", -exp.amount, Explanation(
                N_("{name}: {amount}"), {"name": exp.name, "amount": Money(exp.amount)}), job=None))
    return out

