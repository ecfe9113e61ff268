"""Bijverdienpremie: a municipal premie on top of the top-up benefit.

Amsterdam (from 1 March 2021): 30% of earnings from work, at most a monthly
maximum (a rule value: EUR 219, the last published amount; a machine summary of
the Nadere regels says 1/12 of the yearly art. 31 lid 2 j maximum, which is the
assumption ``premie_monthly_cap``), accrued per month and paid out twice a year
(June and November) for the months before the payout month; the premie paid in
one calendar year never exceeds that year's j maximum ("een- of tweemalige
premie van ten hoogste ... per kalenderjaar"). Sources are secondary (news, a
machine summary of the Nadere regels); the rule files say so and every result
flags it.

The 2018-2021 experiment (50%, at most EUR 200 a month, June and November)
can be chosen to compare schemes; it is a historical scheme and flagged so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from planner.explain import Explanation, Money, Month, Percent, RuleRef
from planner.i18n import N_
from planner.money import ZERO, cents, percent_of
from planner.rules import RuleSet, RuleValue

AMS = "gemeenten/amsterdam/bijverdienpremie/"
EXP = "gemeenten/amsterdam/bijverdienpremie_experiment_2018/"
J_MAX = "participatiewet/premie/art31_2j_maximum"
EXPERIMENT_START = date(2018, 2, 1)

SCHEME_AMSTERDAM = "amsterdam"
SCHEME_EXPERIMENT = "amsterdam-experiment-2018"


@dataclass(frozen=True, slots=True)
class SchemeMonth:
    """A premie scheme's parameters for one month."""

    scheme: str
    percentage: Decimal
    monthly_cap: Decimal
    payout_months: tuple[int, ...]
    yearly_cap_j: bool
    historical: bool
    includes_payout_month: bool
    """A payout also pays the premie of its own month (the 2018 experiment), or only of the months before."""
    used: tuple[RuleValue, ...]
    cap_explanation: Explanation


def scheme_month(scheme: str, year: int, month: int, rules: RuleSet, monthly_cap: str = "published") -> SchemeMonth | None:
    """The scheme's parameters for a month, or None when it is not in force then.

    ``monthly_cap`` is the option of the assumption ``premie_monthly_cap``: ``published`` (the municipality's
    last published monthly maximum, a rule value) or ``j_twelfth`` (1/12 of the yearly art. 31 lid 2 j maximum).
    """
    day = date(year, month, 1)
    if scheme == SCHEME_AMSTERDAM:
        pct = rules.find(AMS + "percentage", day)
        if pct is None:
            return None
        months = rules.get(AMS + "uitbetaalmaanden", day)
        period = rules.get(AMS + "uitbetaling_periode", day)
        j = rules.get(J_MAX, day)
        if monthly_cap == "j_twelfth":
            cap = cents(j.decimal / 12)
            cap_rule = j
            cap_expl = Explanation(
                N_("The premie is at most one twelfth of {j}, the yearly maximum for a premie in the law: {cap} a month."),
                {"j": Money(j.decimal), "cap": Money(cap)},
                (RuleRef.of(j),),
            )
        else:
            cap_rule = rules.get(AMS + "maximum_per_maand", day)
            cap = cap_rule.decimal
            cap_expl = Explanation(
                N_("The premie is at most {cap} a month: the last amount the municipality published."),
                {"cap": Money(cap)},
                (RuleRef.of(cap_rule),),
            )
        used = (pct, months, period, j) + ((cap_rule,) if cap_rule is not j else ())
        return SchemeMonth(scheme, pct.decimal, cap, months.value, True, False,  # type: ignore[arg-type]
                           period.value == "up_to_payout_month", used, cap_expl)
    if scheme == SCHEME_EXPERIMENT:
        # A historical scheme, applied to the plan's months for comparison only.
        pct = rules.get(EXP + "percentage", EXPERIMENT_START)
        cap = rules.get(EXP + "maximum_per_maand", EXPERIMENT_START)
        months = rules.get(EXP + "uitbetaalmaanden", EXPERIMENT_START)
        period = rules.get(EXP + "uitbetaling_periode", EXPERIMENT_START)
        cap_expl = Explanation(
            N_("In the 2018 experiment the premie was at most {cap} a month."),
            {"cap": Money(cap.decimal)},
            (RuleRef.of(cap),),
        )
        return SchemeMonth(scheme, pct.decimal, cap.decimal, months.value, False, True,  # type: ignore[arg-type]
                           period.value == "up_to_payout_month", (pct, cap, months, period), cap_expl)
    raise ValueError(f"unknown premie scheme {scheme!r}")


def accrue(scheme: SchemeMonth, base: Decimal) -> tuple[Decimal, Explanation]:
    """Premie built up in one month: the scheme's percentage of ``base``, up to its monthly cap."""
    raw = cents(percent_of(base, scheme.percentage))
    amount = min(raw, scheme.monthly_cap)
    expl = Explanation(
        N_("Bijverdienpremie: {percent} of {base} is {raw}, at most {cap}. You build up {amount}."),
        {
            "percent": Percent(scheme.percentage),
            "base": Money(base),
            "raw": Money(raw),
            "cap": Money(scheme.monthly_cap),
            "amount": Money(amount),
        },
        tuple(RuleRef.of(r) for r in scheme.used),
        more=(scheme.cap_explanation,),
    )
    return amount, expl


def payout_month(year: int, month: int, payout_months: tuple[int, ...], includes_own: bool = True) -> tuple[int, int]:
    """The payout month that pays premie built up in (year, month).

    With ``includes_own`` a payout month pays its own month too (the first payout month on or after
    (year, month)); without it, only months before it (the first payout month after (year, month)).
    """
    for m in sorted(payout_months):
        if m > month or (includes_own and m == month):
            return year, m
    return year + 1, min(payout_months)


@dataclass(frozen=True, slots=True)
class Payout:
    year: int
    month: int
    amount: Decimal
    accrued: tuple[tuple[int, int, Decimal], ...]
    """(year, month, amount) of each month paid out."""
    cut: Decimal
    """What the yearly maximum cut off."""
    explanation: Explanation


class PremieLedger:
    """Accruals waiting for their payout month, and the yearly maximum of what is paid."""

    def __init__(self, yearly_cap: Callable[[int], RuleValue | None]) -> None:
        self._unpaid: list[tuple[int, int, Decimal]] = []
        self._paid_in_year: dict[int, Decimal] = {}
        self._yearly_cap = yearly_cap

    def add(self, year: int, month: int, amount: Decimal) -> None:
        if amount > ZERO:
            self._unpaid.append((year, month, amount))

    def pay(self, year: int, month: int, apply_j: bool, includes_own: bool = True) -> Payout | None:
        """Pay what is due in (year, month): the months before it, and its own month if ``includes_own``."""
        due = [(y, m, a) for (y, m, a) in self._unpaid if (y, m) < (year, month) or (includes_own and (y, m) == (year, month))]
        if not due:
            return None
        self._unpaid = [u for u in self._unpaid if u not in due]
        total = sum((a for _, _, a in due), ZERO)
        amount, cut, cap_amount = total, ZERO, ZERO
        rules: tuple[RuleRef, ...] = ()
        if apply_j:
            cap = self._yearly_cap(year)
            if cap is not None:
                cap_amount = cap.decimal
                room = max(ZERO, cap_amount - self._paid_in_year.get(year, ZERO))
                amount = min(total, room)
                cut = total - amount
                rules = (RuleRef.of(cap),)
        self._paid_in_year[year] = self._paid_in_year.get(year, ZERO) + amount
        first, last = due[0], due[-1]
        expl = Explanation(
            N_("In {month} the premie you built up from {first} to {last} is paid out: {amount}."),
            {"month": Month(year, month), "first": Month(first[0], first[1]), "last": Month(last[0], last[1]), "amount": Money(amount)},
            rules,
            more=(
                (
                    Explanation(
                        N_("The premie may not be more than {cap} in one calendar year, so {cut} is not paid."),
                        {"cap": Money(cap_amount), "cut": Money(cut)},
                    ),
                )
                if cut > ZERO
                else ()
            ),
        )
        return Payout(year, month, amount, tuple(due), cut, expl)

    @property
    def unpaid(self) -> tuple[tuple[int, int, Decimal], ...]:
        return tuple(self._unpaid)
