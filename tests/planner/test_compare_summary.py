"""planner.compare_summary: the totals of a comparison and of a shift's effect, by hand and for the example."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.compare_summary import CompareTotals, EffectTotals, Pair, effect_totals, summarise
from planner.model import Plan, Shift
from planner.rules import load_rules
from planner.scenarios import MonthComparison, ShiftEffect, compare, shift_effect
from planner.storage import load_plan

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "schoonmaker-amsterdam.bvp.json"
D = Decimal


def row(month: int, money_in: tuple[str, str], low: tuple[str, str], out: tuple[str, str] = ("0", "0"),
        aside: tuple[str, str] = ("0", "0")) -> MonthComparison:
    return MonthComparison((2026, month), (D(money_in[0]), D(money_in[1])), (D(low[0]), D(low[1])),
                           (D(out[0]), D(out[1])), (D(aside[0]), D(aside[1])))


def test_three_months_by_hand():
    rows = [
        row(1, ("1000.00", "1000.00"), ("150.00", "150.00")),
        row(2, ("1100.00", "1250.50"), ("-20.00", "80.00"), out=("0", "30.25"), aside=("0", "30.25")),
        row(3, ("1200.00", "1150.00"), ("300.00", "-45.10"), out=("10.00", "60.00"), aside=("5.00", "0")),
    ]
    totals = summarise(rows)
    assert totals == CompareTotals(
        months=3,
        money_in=Pair(D("3300.00"), D("3400.50")),
        settlement_out=Pair(D("10.00"), D("90.25")),
        set_aside=Pair(D("5.00"), D("30.25")),
        lowest_balance=Pair(D("-20.00"), D("-45.10")),
    )
    assert totals.money_in.difference == D("100.50")
    assert totals.settlement_out.difference == D("80.25")
    assert totals.lowest_balance is not None and totals.lowest_balance.difference == D("-25.10")


def test_no_months_gives_zeros_and_no_lowest_balance():
    totals = summarise([])
    assert totals.months == 0
    assert totals.money_in == Pair(D(0), D(0))
    assert totals.lowest_balance is None


def test_the_sums_stay_decimal():
    totals = summarise([row(1, ("0.10", "0.20"), ("0", "0"))] * 3)
    assert isinstance(totals.money_in.a, Decimal)
    assert totals.money_in == Pair(D("0.30"), D("0.60"))  # exact: no float ever enters


amounts = st.decimals(min_value=-5000, max_value=5000, places=2, allow_nan=False, allow_infinity=False)


@given(st.lists(st.tuples(amounts, amounts, amounts, amounts), min_size=1, max_size=36))
def test_the_difference_of_the_sums_is_the_sum_of_the_differences(values: list[tuple[Decimal, ...]]):
    rows = [MonthComparison((2026, 1), (a, b), (c, d), (D(0), D(0)), (D(0), D(0))) for a, b, c, d in values]
    totals = summarise(rows)
    assert totals.money_in.difference == sum((b - a for a, b, _c, _d in values), D(0))
    assert totals.lowest_balance == Pair(min(v[2] for v in values), min(v[3] for v in values))


# --- a shift's effect ------------------------------------------------------------------------------------


def effect(month: int, money_in: str, out: str, net: str) -> ShiftEffect:
    return ShiftEffect((2026, month), D(money_in), D(out), D(net))


def test_effect_totals_by_hand():
    effects = [
        effect(1, "-30.01", "0", "-30.01"),
        effect(2, "44.80", "0", "44.80"),
        effect(3, "0", "0", "0"),
        effect(4, "0", "12.00", "-12.00"),
    ]
    assert effect_totals(effects) == EffectTotals(
        money_in=D("14.79"),
        settlement_out=D("12.00"),
        net=D("2.79"),
        open_after=D("0"),
        months_more=((2026, 2),),
        months_less=((2026, 1), (2026, 4)),
        months_taken_back=((2026, 4),),
    )


def test_what_is_settled_after_the_plan_is_kept_too():
    """A shift adds €44.80 within the plan, and €11.20 of it is taken back after the plan: it keeps €33.60."""
    totals = effect_totals([ShiftEffect((2026, 12), D("44.80"), D("0"), D("44.80"), D("-11.20"))])
    assert (totals.net, totals.open_after, totals.kept) == (D("44.80"), D("-11.20"), D("33.60"))


def test_no_effect():
    totals = effect_totals([effect(1, "0", "0", "0")])
    assert totals.net == 0 and totals.months_more == () and totals.months_less == ()


# --- the example plan ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> Plan:
    return load_plan(EXAMPLE)


def test_the_example_compared_with_extra_saturdays(example: Plan):
    extra = tuple(Shift(date=date(2026, m, d), hours=D(4), job="schoonmaak") for m in (3, 4) for d in (7, 14, 21))
    more = example.model_copy(update={"shifts": example.shifts + extra})
    rows = compare(example, more, load_rules())
    totals = summarise(rows)
    assert totals.months == example.months
    assert totals.money_in.a == sum((r.money_in[0] for r in rows), D(0))
    assert totals.money_in.b == sum((r.money_in[1] for r in rows), D(0))
    assert totals.money_in.difference > 0, "extra paid shifts bring money in"
    assert totals.lowest_balance == Pair(min(r.lowest_balance[0] for r in rows),
                                         min(r.lowest_balance[1] for r in rows))


def test_the_effect_of_the_first_shift_of_the_example(example: Plan):
    effects = shift_effect(example, 0, load_rules())
    totals = effect_totals(effects)
    assert totals.net == sum((e.net for e in effects), D(0))
    assert totals.net > 0
    assert set(totals.months_more).isdisjoint(totals.months_less)
    assert all(e.net > 0 for e in effects if e.month in totals.months_more)
