"""Pay periods: how many there are in a year, and converting between them.

Employers pay per month, per four weeks or per week. A year has 12 months,
13 four-week periods and 52 weeks; the payroll tables annualise a period's
wage with exactly these factors (rules/tax-toeslagen.md §1.4), and gemeenten
turn a four-weekly wage into a monthly one the same way: × 13, then ÷ 12
(Haarlemmermeer, example B3 in rules/tax-toeslagen.md §4).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Literal, get_args

from planner.money import cents

PayPeriod = Literal["month", "four_weeks", "week"]
"""A pay period: a calendar month, four weeks, or one week."""

PAY_PERIODS: tuple[PayPeriod, ...] = get_args(PayPeriod)

PERIODS_PER_YEAR: Mapping[PayPeriod, int] = MappingProxyType({"month": 12, "four_weeks": 13, "week": 52})
"""Pay periods in a year, as the payroll tables count them."""

MONTHS_PER_YEAR = 12


def periods_per_year(period: PayPeriod) -> int:
    """How many pay periods of this kind a year has (12, 13 or 52)."""
    try:
        return PERIODS_PER_YEAR[period]
    except KeyError:
        raise ValueError(f"unknown pay period {period!r}; use one of {PAY_PERIODS}") from None


def four_weekly_to_month(amount_per_four_weeks: Decimal) -> tuple[Decimal, Decimal]:
    """A four-weekly amount as ``(per_year, per_month)``, each rounded half up to the cent.

    The year has 13 four-week periods: per year = amount × 13, and per month =
    per year ÷ 12. Haarlemmermeer's example: € 1.300 per four weeks is
    € 16.900 a year and € 1.408,33 a month (the gemeente writes € 1.408).
    The month amount is computed from the unrounded year amount.
    """
    if not isinstance(amount_per_four_weeks, Decimal):
        raise TypeError("amounts are Decimal, never float")
    per_year = amount_per_four_weeks * PERIODS_PER_YEAR["four_weeks"]
    return cents(per_year), cents(per_year / MONTHS_PER_YEAR)


__all__ = [
    "MONTHS_PER_YEAR",
    "PAY_PERIODS",
    "PERIODS_PER_YEAR",
    "PayPeriod",
    "four_weekly_to_month",
    "periods_per_year",
]
