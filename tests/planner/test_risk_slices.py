"""The risk answer in slices (progress and cancel for the window) and the balance day by day (the fan chart).

Rows are independent futures: simulating them in slices and putting the slices together is the same answer
as one run. The per-day bands are the percentiles of every future's balance on that day.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.model import Plan
from planner.risk import (
    _ARRAY_FIELDS,
    RiskCancelled,
    _compact_daily,
    _Vectorised,
    assess,
    assess_in_slices,
    balance_bands,
    certain_future,
    concat_outcomes,
    outcome_of_result,
    planned_result,
    sample,
    simulate,
    simulate_exact,
)
from planner.rules import load_rules
from planner.scenarios import run, shifts_of
from planner.storage import load_plan
from tests.planner.test_risk import PROPS, plans

RULES = load_rules()
EXAMPLE = "examples/schoonmaker-amsterdam.bvp.json"


@PROPS
@given(plans(risk=True), st.integers(0, 2**32 - 1), st.integers(1, 40), st.integers(1, 60))
def test_in_slices_the_answer_is_the_same_as_in_one_run(plan: Plan, seed: int, n: int, rows: int) -> None:
    seen: list[tuple[int, int]] = []
    sliced = assess_in_slices(plan, n, seed, RULES, slice_rows=rows, progress=lambda d, t: seen.append((d, t)))
    assert sliced == assess(plan, n, seed, RULES)
    # progress goes up to every future, one step per slice
    assert seen[0] == (0, n) and seen[-1] == (n, n)
    assert [d for d, _ in seen] == sorted({0, *range(rows, n, rows), n})


@PROPS
@given(plans(risk=True), st.integers(0, 2**32 - 1), st.integers(1, 60), st.sampled_from([0.0, 0.05, 1.0, 1e6]))
def test_slices_sized_by_time_give_the_same_answer(plan: Plan, seed: int, n: int, ms: float) -> None:
    """The window sizes its slices by how long they take (``slice_ms``): any sizes give the same answer."""
    seen: list[int] = []
    sliced = assess_in_slices(plan, n, seed, RULES, slice_rows=1, slice_ms=ms, progress=lambda d, _t: seen.append(d))
    assert sliced == assess(plan, n, seed, RULES)
    assert seen[0] == 0 and seen[-1] == n and seen == sorted(set(seen))


@PROPS
@given(plans(risk=True), st.integers(0, 2**32 - 1))
def test_the_outcomes_of_slices_put_together_are_the_outcome_of_one_run(plan: Plan, seed: int) -> None:
    futures = sample(plan, 7, seed)
    whole = simulate(plan, futures, RULES)
    parts = [simulate(plan, type(futures)(futures.worked[a:b], futures.hours[a:b], futures.late[a:b]), RULES)
             for a, b in ((0, 3), (3, 4), (4, 7))]
    joined = concat_outcomes(parts)
    for name in _ARRAY_FIELDS:
        assert np.array_equal(getattr(joined, name), getattr(whole, name)), name
    assert np.array_equal(joined.daily.balance(), whole.daily.balance())


@PROPS
@given(plans())
def test_at_zero_uncertainty_the_daily_balance_is_the_decimal_ledger_to_the_cent(plan: Plan) -> None:
    result = run(plan, RULES, shifts_of(plan, "planned"))
    vectorised = _Vectorised(plan, RULES).run(certain_future(plan))
    expected = [[int(b * 100) for b in result.ledger.daily]]
    assert vectorised.daily.start == result.ledger.start
    assert vectorised.daily.balance().tolist() == expected
    assert outcome_of_result(result, plan).daily.balance().tolist() == expected


@PROPS
@given(plans(risk=True), st.integers(0, 2**32 - 1))
def test_every_future_s_daily_balance_is_the_decimal_ledger_of_that_future(plan: Plan, seed: int) -> None:
    futures = sample(plan, 5, seed)
    assert np.array_equal(_Vectorised(plan, RULES).run(futures).daily.balance(),
                          simulate_exact(plan, futures, RULES).daily.balance())


def test_the_bands_are_the_percentiles_of_every_day_of_every_future() -> None:
    plan = load_plan(EXAMPLE)
    outcome = simulate(plan, sample(plan, 501, 3), RULES)
    bands = balance_bands(outcome.daily, plan.settlement.safety_buffer)
    days = outcome.daily.balance()
    assert len(bands.median) == days.shape[1] == len(bands.low) == len(bands.high)
    for d in range(0, days.shape[1], 7):
        q = np.percentile(days[:, d], [50, 10, 90], method="inverted_cdf")
        assert [bands.median[d], bands.low[d], bands.high[d]] == [Decimal(int(v)) / 100 for v in q]
        assert bands.low[d] <= bands.median[d] <= bands.high[d]
    assert bands.low != bands.high  # the example plan is uncertain: the band has a width
    assert bands.buffer == plan.settlement.safety_buffer


def test_the_summary_has_the_bands() -> None:
    plan = load_plan(EXAMPLE)
    summary = assess(plan, 300, 0, RULES)
    assert summary.balance is not None
    assert summary.balance.start.day == 1
    assert summary.balance.start == summary.balance.day(0)
    assert summary.balance.day(len(summary.balance.median) - 1) == date(2026, 12, 31)


def test_a_cancelled_run_stops_between_slices() -> None:
    plan = load_plan(EXAMPLE)
    seen: list[int] = []

    def cancelled() -> bool:
        return len(seen) >= 3

    with pytest.raises(RiskCancelled):
        assess_in_slices(plan, 1000, 0, RULES, slice_rows=100, progress=lambda d, _t: seen.append(d),
                         cancelled=cancelled)
    assert seen == [0, 100, 200]  # nothing simulated after the cancel


def test_the_window_s_run_and_the_cli_s_run_are_the_same_for_the_same_plan() -> None:
    plan = load_plan(EXAMPLE)
    planned = planned_result(plan, RULES)
    assert assess_in_slices(plan, 2000, 5, RULES, planned, slice_rows=300) == assess(plan, 2000, 5, RULES, planned)


@PROPS
@given(plans(risk=True), st.integers(0, 2**32 - 1))
def test_exact_engine_slices_put_together_keep_every_day_of_every_future(plan: Plan, seed: int) -> None:
    # The exact engine keeps its ledgers compactly too (rows only where futures differ); its slices can have
    # different rows, and put together they must still give every day of every future.
    futures = sample(plan, 7, seed)
    whole = simulate_exact(plan, futures, RULES)
    parts = [simulate_exact(plan, type(futures)(futures.worked[a:b], futures.hours[a:b], futures.late[a:b]), RULES)
             for a, b in ((0, 1), (1, 4), (4, 7))]
    joined = concat_outcomes(parts)
    assert np.array_equal(joined.daily.balance(), whole.daily.balance())
    assert joined.daily.rows.shape[1] <= len(joined.daily.row_of_day)


@PROPS
@given(st.integers(1, 6), st.integers(1, 40), st.data())
def test_compact_daily_rows_give_back_every_balance(futures: int, days: int, data: st.DataObject) -> None:
    # Some days change alike in every future (fixed costs), others differ: both must come back to the cent.
    alike = data.draw(st.lists(st.booleans(), min_size=days, max_size=days))
    changes = np.array([[data.draw(st.integers(-50_000, 50_000))] * futures if same else
                        [data.draw(st.integers(-50_000, 50_000)) for _ in range(futures)] for same in alike],
                       dtype=np.int64).T
    balances = np.cumsum(changes, axis=1)
    compact = _compact_daily(date(2026, 1, 1), balances)
    assert np.array_equal(compact.balance(), balances)
    assert compact.rows.shape[1] <= 1 + sum(not same for same in alike[1:])


def test_the_exact_engine_keeps_rows_only_for_days_that_differ() -> None:
    plan = load_plan(EXAMPLE)
    futures = sample(plan, 200, seed=1)
    outcome = simulate_exact(plan, futures, RULES)
    days = len(outcome.daily.row_of_day)
    assert outcome.daily.rows.shape[1] < days / 4  # paydays and the like, not every day of the year
    assert np.array_equal(outcome.daily.balance(), _Vectorised(plan, RULES).run(futures).daily.balance())
