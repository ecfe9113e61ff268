"""Ages, state pension age and who counts as kostendeler, per benefit month.

Working rule (shown with every result, see ``FIXED_ASSUMPTIONS``): a person
gets the rules of a new age from the month after the birthday, so their age
is read on the first day of the month; a housemate counts as kostendeler from
the month in which they turn 27, so their age is read on the last day. Both
choices give the careful (lower) amount in the birthday month.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from planner.model import Household, Person, Role
from planner.rules import RuleSet, RuleValue

AOW_AGE = "aow/pensioengerechtigde_leeftijd"
KOSTENDELER_MIN_AGE = "participatiewet/kostendelersnorm/minimum_leeftijd"


def first_day(year: int, month: int) -> date:
    return date(year, month, 1)


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def age_on(birth: date, day: date) -> int:
    """Age in whole years on ``day``."""
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years


def age_in_months_on(birth: date, day: date) -> int:
    months = (day.year - birth.year) * 12 + (day.month - birth.month)
    if day.day < birth.day:
        months -= 1
    return months


@dataclass(frozen=True, slots=True)
class PersonInMonth:
    role: Role
    person: Person
    age: int
    aow: bool
    """Has reached the state pension age (pensioengerechtigde leeftijd)."""


AOW_MARGIN_MONTHS = 36
"""Only within this many months of the state pension age can its exact value change a result."""


def person_in_month(
    role: Role, person: Person, year: int, month: int, rules: RuleSet
) -> tuple[PersonInMonth, RuleValue | None]:
    """The person's age and AOW status in the month; the AOW rule is returned only when it was decisive."""
    day = first_day(year, month)
    aow_rule = rules.get(AOW_AGE, day)
    aow_months = int(aow_rule.value)  # type: ignore[arg-type]
    months = age_in_months_on(person.birth_date, day)
    pim = PersonInMonth(role, person, age_on(person.birth_date, day), months >= aow_months)
    return pim, aow_rule if abs(months - aow_months) <= AOW_MARGIN_MONTHS else None


def kostendelers(household: Household, year: int, month: int, rules: RuleSet) -> tuple[int, RuleValue]:
    """Number of kostendelende medebewoners (art. 19a lid 1) in the month."""
    min_age_rule = rules.get(KOSTENDELER_MIN_AGE, first_day(year, month))
    min_age = int(min_age_rule.value)  # type: ignore[arg-type]
    end = last_day(year, month)
    count = sum(
        1 for h in household.housemates if h.not_cost_sharer is None and age_on(h.birth_date, end) >= min_age
    )
    return count, min_age_rule


def child_age(household: Household, year: int, month: int) -> int | None:
    """The youngest child's age on the last day of the month (a child-age limit ends in the birthday month)."""
    if household.youngest_child_birth_date is None:
        return None
    return age_on(household.youngest_child_birth_date, last_day(year, month))
