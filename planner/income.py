"""Which net income from work the municipality counts in which benefit month.

Participatiewet art. 32: income counts for the period it relates to; in
practice the month in which the hours were worked (Woensdrecht: "Krijgt u in
april nog loon over januari? Dan telt dat mee voor uw inkomen van januari.").
The municipality's method is a rule parameter
(``gemeenten/<name>/inkomenstoerekening``): ``earned`` (the month worked),
``received`` (the month the wage arrived) or ``spread_workdays`` (four-weekly
or weekly pay spread over the working days of the period). Holiday pay from
work is not counted again when it is paid (see ``FIXED_ASSUMPTIONS``); it is
taken into account through the vakantieaanspraak instead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from planner.explain import Day, Explanation, Money, Month
from planner.i18n import N_
from planner.model import Plan, Role, Shift
from planner.money import ZERO
from planner.rules import RuleSet, RuleValue
from planner.wages.payments import Attribution, Payment, gross_by_month, net_by_month, payments_for

YM = tuple[int, int]


@dataclass(frozen=True, slots=True)
class IncomePart:
    payment: Payment
    net: Decimal
    explanation: Explanation


@dataclass(frozen=True, slots=True)
class PersonIncome:
    role: Role
    net: Decimal
    gross: Decimal | None
    """Gross wage when every part of the month has a known gross; otherwise None."""
    parts: tuple[IncomePart, ...]


@dataclass(frozen=True, slots=True)
class Income:
    payments: tuple[Payment, ...]
    by_month: dict[YM, dict[Role, PersonIncome]]
    method: Attribution
    method_rule: RuleValue


def attribution_rule(plan: Plan, rules: RuleSet) -> RuleValue:
    y, m = plan.start_month
    return rules.get(f"gemeenten/{plan.household.municipality}/inkomenstoerekening", date(y, m, 1))


def attribute(plan: Plan, rules: RuleSet, shifts: Iterable[Shift] | None = None) -> Income:
    """Payments of the plan, and the net income from work per benefit month and person."""
    method_rule = attribution_rule(plan, rules)
    method: Attribution = method_rule.value  # type: ignore[assignment]
    if plan.settlement.income_attribution != "municipality":
        method = plan.settlement.income_attribution
    payments = payments_for(plan, rules, shifts)
    wanted = set(plan.month_list())
    nets: dict[YM, dict[Role, list[IncomePart]]] = defaultdict(lambda: defaultdict(list))
    grosses: dict[YM, dict[Role, Decimal | None]] = defaultdict(dict)
    for payment in payments:
        gross_parts = dict(gross_by_month(payment, method))
        for ym, amount in net_by_month(payment, method):
            if ym not in wanted:
                continue
            expl = Explanation(
                N_("{amount} of the payment of {pay_date} counts for {month}."),
                {"amount": Money(amount), "pay_date": Day(payment.pay_date), "month": Month(*ym)},
                more=(payment.explanation,),
            )
            nets[ym][payment.role].append(IncomePart(payment, amount, expl))
            previous = grosses[ym].get(payment.role, ZERO)
            gross = gross_parts.get(ym)
            grosses[ym][payment.role] = None if previous is None or gross is None else previous + gross
    by_month: dict[YM, dict[Role, PersonIncome]] = {}
    for ym in plan.month_list():
        by_month[ym] = {
            role: PersonIncome(role, sum((p.net for p in parts), ZERO), grosses[ym].get(role), tuple(parts))
            for role, parts in nets.get(ym, {}).items()
        }
    return Income(tuple(payments), by_month, method, method_rule)
