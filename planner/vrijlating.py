"""Inkomstenvrijlating: the part of your net wage the municipality does not count.

Until 2026 (Participatiewet art. 31 lid 2):

- **n**: 25% of net income from work, up to a cap per month, for at most six
  months for people below state pension age (without a time limit at state
  pension age); not under 27 (art. 31 lid 5).
- **r**: single parent with a child under 12, after the six months of n: 12.5%
  up to a cap, for at most 30 months; not under 27; not when y applies.
- **y**: medically limited in hours (medisch urenbeperkt): 15% up to a cap,
  no time limit, unless n applies.

From 1 January 2027 (art. 34a, Stb. 2025, 312): 15% for at most twelve
months below state pension age; 15% without limit when medisch urenbeperkt;
25% up to a cap at state pension age. Whether 34a replaces n/r/y and how its
months relate to the months already used are named assumptions.

The vrijlating applies per person. Its clock (months used) is part of the
household data: ``None`` means unknown or not granted, and then no vrijlating
is given below state pension age (the careful side).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from planner.explain import Explanation, Money, Percent, RuleRef
from planner.i18n import N_
from planner.model import Household, Role
from planner.money import ZERO, cents, percent_of
from planner.people import PersonInMonth, child_age, first_day
from planner.rules import RuleSet, RuleValue

V = "participatiewet/vrijlating/"
MIN_AGE = V + "minimum_leeftijd"
N_PCT, N_MAX, N_MONTHS = V + "n_percentage", V + "n_maximum", V + "n_maanden"
R_PCT, R_MAX, R_MONTHS, R_CHILD = V + "r_percentage", V + "r_maximum", V + "r_maanden", V + "r_kind_leeftijd"
Y_PCT, Y_MAX = V + "y_percentage", V + "y_maximum"
A34_PCT, A34_MONTHS = V + "art34a_percentage", V + "art34a_maanden"
A34_AOW_PCT, A34_AOW_MAX = V + "art34a_aow_percentage", V + "art34a_aow_maximum"

Kind = Literal["n", "r", "y", "34a", "34a_mub", "34a_aow"]

NEW_REGIME = date(2027, 1, 1)


@dataclass(frozen=True, slots=True)
class Clock:
    """Months of vrijlating used by one person; ``None`` = unknown or not granted."""

    used: int | None
    used_34a: int | None = None  # only with the "fresh_start" assumption


@dataclass(frozen=True, slots=True)
class VrijlatingLine:
    role: Role
    kind: Kind
    income: Decimal
    amount: Decimal
    month_number: int | None
    """Which month of the limited period this is (1-based), if it is limited."""
    explanation: Explanation


@dataclass(frozen=True, slots=True)
class VrijlatingOutcome:
    line: VrijlatingLine | None
    clock: Clock
    used: tuple[RuleValue, ...]
    note: Explanation | None
    """Why no vrijlating applies, when that is worth saying."""


def _capped(income: Decimal, pct: RuleValue, cap: RuleValue | None) -> Decimal:
    amount = cents(percent_of(income, pct.decimal))
    if cap is not None:
        amount = min(amount, cap.decimal)
    return min(amount, income)


def _line(
    pim: PersonInMonth,
    kind: Kind,
    income: Decimal,
    pct: RuleValue,
    cap: RuleValue | None,
    message: str,
    *,
    number: int | None = None,
    values: dict | None = None,
    rules: tuple[RuleValue, ...] = (),
) -> VrijlatingLine:
    """Apply ``pct`` (up to ``cap``) to the income, with its explanation."""
    amount = _capped(income, pct, cap)
    filled = {"percent": Percent(pct.decimal), "income": Money(income), "amount": Money(amount)}
    if cap is not None:
        filled["cap"] = Money(cap.decimal)
    filled.update(values or {})
    used = (pct,) + ((cap,) if cap is not None else ()) + rules
    return VrijlatingLine(pim.role, kind, income, amount, number, Explanation(message, filled, tuple(RuleRef.of(r) for r in used)))


def vrijlating_for_month(
    pim: PersonInMonth,
    household: Household,
    income: Decimal,
    year: int,
    month: int,
    clock: Clock,
    assumptions: dict[str, str],
    rules: RuleSet,
) -> VrijlatingOutcome:
    """The vrijlating of one person in one month; without income only the clock moves on."""
    outcome = _vrijlating(pim, household, income, year, month, clock, assumptions, rules)
    if income <= ZERO:
        return VrijlatingOutcome(None, outcome.clock, (), None)
    return outcome


def _vrijlating(
    pim: PersonInMonth,
    household: Household,
    income: Decimal,
    year: int,
    month: int,
    clock: Clock,
    assumptions: dict[str, str],
    rules: RuleSet,
) -> VrijlatingOutcome:
    day = first_day(year, month)
    used: list[RuleValue] = []

    def rv(param_id: str) -> RuleValue:
        value = rules.get(param_id, day)
        used.append(value)
        return value

    if day >= NEW_REGIME and assumptions["vrijlating_2027"] == "art34a_replaces":
        return _art34a(pim, income, year, month, clock, assumptions, rv, used)
    min_age = int(rv(MIN_AGE).value)  # type: ignore[arg-type]
    started = clock.used is not None and (clock.used > 0 or income > 0)
    counts = started and (assumptions["vrijlating_clock"] == "consecutive" or income > 0)

    def advance() -> Clock:
        if clock.used is None or not counts:
            return clock
        return Clock(clock.used + 1, clock.used_34a)

    # n at state pension age: no time limit, no condition of the college.
    if pim.aow:
        line = _line(pim, "n", income, rv(N_PCT), rv(N_MAX), N_(
            "Inkomstenvrijlating (the part of your wage you may keep): {percent} of your net wage {income}, "
            "at most {cap} a month. At state pension age there is no time limit. You keep {amount}."))
        return VrijlatingOutcome(line, clock, tuple(used), None)

    n_months_rule = rv(N_MONTHS)
    n_months = int(n_months_rule.value)  # type: ignore[arg-type]
    in_n = clock.used is not None and clock.used < n_months and started
    if pim.age >= min_age and in_n:
        number = clock.used + 1  # type: ignore[operator]
        line = _line(pim, "n", income, rv(N_PCT), rv(N_MAX), N_(
                "Inkomstenvrijlating (the part of your wage you may keep): {percent} of your net wage {income}, "
                "at most {cap} a month, for at most {months} months. This is month {number}. You keep {amount}."
        ), number=number, values={"months": n_months, "number": number}, rules=(n_months_rule,))
        return VrijlatingOutcome(line, advance(), tuple(used), None)

    if pim.person.medisch_urenbeperkt:
        line = _line(pim, "y", income, rv(Y_PCT), rv(Y_MAX), N_(
                "You can work fewer hours for medical reasons (medisch urenbeperkt). You may keep {percent} "
                "of your net wage {income}, at most {cap} a month, with no time limit. You keep {amount}."
        ))
        return VrijlatingOutcome(line, advance(), tuple(used), None)

    if pim.age < min_age:
        note = Explanation(
            N_("Under {age} there is no inkomstenvrijlating (article 31, paragraph 5): all of your net wage counts."),
            {"age": min_age},
            (RuleRef.of(used[0]),),
        )
        return VrijlatingOutcome(None, advance(), tuple(used), note)

    if household.composition == "single_parent" and clock.used is not None and started:
        r_months = int(rv(R_MONTHS).value)  # type: ignore[arg-type]
        child_limit = int(rv(R_CHILD).value)  # type: ignore[arg-type]
        kid = child_age(household, year, month)
        r_number = clock.used - n_months + 1
        if kid is not None and kid < child_limit and 1 <= r_number <= r_months:
            line = _line(pim, "r", income, rv(R_PCT), rv(R_MAX), N_(
                    "Vrijlating for a single parent with a child under {child_age}: {percent} of your net wage "
                    "{income}, at most {cap} a month, for at most {months} months after the first vrijlating. "
                    "This is month {number}. You keep {amount}."
            ), number=r_number, values={"child_age": child_limit, "months": r_months, "number": r_number})
            return VrijlatingOutcome(line, advance(), tuple(used), None)

    if clock.used is None:
        note = Explanation(
            N_(
                "No inkomstenvrijlating: you did not say how many months of it you already had. "
                "Fill this in to see it. Until then all of your net wage counts."
            )
        )
    else:
        note = Explanation(
            N_("Your inkomstenvrijlating has ended: all of your net wage counts."),
        )
    return VrijlatingOutcome(None, advance(), tuple(used), note if income > ZERO else None)


def _art34a(pim, income, year, month, clock, assumptions, rv, used) -> VrijlatingOutcome:  # noqa: ANN001
    """Art. 34a (from 2027-01-01): 15% for twelve months; 15% when medisch urenbeperkt; 25% up to a cap at AOW age."""
    if pim.aow:
        line = _line(pim, "34a_aow", income, rv(A34_AOW_PCT), rv(A34_AOW_MAX), N_(
                "From 2027 (article 34a): at state pension age you may keep {percent} of your net wage {income}, "
                "at most {cap} a month. You keep {amount}."
        ))
        return VrijlatingOutcome(line, clock, tuple(used), None)
    pct = rv(A34_PCT)
    if pim.person.medisch_urenbeperkt:
        line = _line(pim, "34a_mub", income, pct, None, N_(
                "From 2027 (article 34a): you can work fewer hours for medical reasons, so you may keep "
                "{percent} of your net wage {income}, with no time limit. You keep {amount}."
        ))
        return VrijlatingOutcome(line, clock, tuple(used), None)
    min_age = int(rv(MIN_AGE).value)
    if pim.age < min_age and assumptions["art34a_under_27"] == "excluded":
        note = Explanation(
            N_(
                "From 2027 it is not yet sure that people under {age} get the new vrijlating. "
                "We leave it out: all of your net wage counts."
            ),
            {"age": min_age},
        )
        return VrijlatingOutcome(None, clock, tuple(used), note if income > ZERO else None)
    months = int(rv(A34_MONTHS).value)
    fresh = assumptions["art34a_clock"] == "fresh_start"
    current = (clock.used_34a if clock.used_34a is not None else 0) if fresh and clock.used is not None else clock.used
    if current is None:
        note = Explanation(
            N_(
                "No inkomstenvrijlating: you did not say how many months of it you already had. "
                "Fill this in to see it. Until then all of your net wage counts."
            )
        )
        return VrijlatingOutcome(None, clock, tuple(used), note if income > ZERO else None)
    started = current > 0 or income > 0
    counts = started and (assumptions["vrijlating_clock"] == "consecutive" or income > 0)
    new_clock = clock
    if counts:
        new_clock = Clock(clock.used, current + 1) if fresh else Clock(current + 1, clock.used_34a)
    if started and current < months:
        line = _line(pim, "34a", income, pct, None, N_(
                "From 2027 (article 34a): you may keep {percent} of your net wage {income}, for at most "
                "{months} months. This is month {number}. You keep {amount}."
        ), number=current + 1, values={"months": months, "number": current + 1})
        return VrijlatingOutcome(line, new_clock, tuple(used), None)
    note = Explanation(N_("Your inkomstenvrijlating has ended: all of your net wage counts."))
    return VrijlatingOutcome(None, new_clock, tuple(used), note if income > ZERO else None)
