from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.wages.periods import PAY_PERIODS, PERIODS_PER_YEAR, four_weekly_to_month, periods_per_year

cent_amounts = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False)


def test_periods_per_year() -> None:
    assert [periods_per_year(p) for p in PAY_PERIODS] == [12, 13, 52]
    assert dict(PERIODS_PER_YEAR) == {"month": 12, "four_weeks": 13, "week": 52}


def test_unknown_period_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown pay period"):
        periods_per_year("day")  # type: ignore[arg-type]


def test_haarlemmermeer_example() -> None:
    assert four_weekly_to_month(Decimal("1300.00")) == (Decimal("16900.00"), Decimal("1408.33"))


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError):
        four_weekly_to_month(1300.0)  # type: ignore[arg-type]


@given(cent_amounts)
def test_thirteen_four_weekly_periods_make_a_year(amount: Decimal) -> None:
    per_year, per_month = four_weekly_to_month(amount)
    assert per_year == amount * 13
    # 12 months of the (rounded) month amount give back the year to within 12 half cents.
    assert abs(per_month * 12 - per_year) <= Decimal("0.06")
    assert per_month >= amount  # a month is longer than four weeks
