"""The sampling's building blocks: 16-bit draws, chances as thresholds, and hours that run over or under.

``sample`` draws 16 random bits per shift and future (four from each 64-bit output of the generator, SFC64). A
chance of p % is "the draw is below p x 2**16" (rounded down); 0 % and 100 % must be exact (a sure shift is
always worked), which chance alone would almost never show, so the extreme draws are given here.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP
from decimal import Decimal as D

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.money import cents, percent_of
from planner.risk import _draws, _happens, _pct, _rhu, _spread_hours, generator

TOP = 2**16 - 1
HALF = 2**15


def test_never_and_always_are_exact_at_the_extreme_draws() -> None:
    draws = np.array([[0, 1, HALF - 1, HALF, TOP]] * 4, dtype=np.uint16)
    got = _happens(draws, [D(0), D(50), D(100), D("99.9999")])
    assert got[0].tolist() == [False] * 5  # 0 %: never, not even at draw 0
    assert got[1].tolist() == [True, True, True, False, False]  # 50 %: the lower half of the draws
    assert got[2].tolist() == [True] * 5  # 100 %: always, even at the largest draw
    assert got[3].tolist() == [True, True, True, True, False]  # just under 100 %: not at the largest draw


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 7), st.integers(1, 300))
def test_draws_are_the_generators_raw_output_in_quarters(seed: int, rows: int, n: int) -> None:
    raw = np.random.SFC64(seed).random_raw((rows * n + 3) // 4)
    got = _draws(generator(seed), rows, n)
    assert got.shape == (rows, n) and got.dtype == np.uint16
    assert got.ravel().tolist() == raw.view(np.uint16)[: rows * n].tolist()


@settings(max_examples=100, deadline=None)
@given(st.decimals(min_value=0, max_value=100, places=4, allow_nan=False, allow_infinity=False))
def test_a_chance_is_met_to_within_one_draw_and_never_rounded_up(pct: D) -> None:
    # Every one of the 65,536 draws once: the share that "happens" is the chance, rounded down to 1/65,536.
    every = np.arange(TOP + 1, dtype=np.uint16)[None, :]
    share = D(int(_happens(every, [pct]).sum())) / (TOP + 1) * 100
    assert share <= pct or pct == 100
    assert pct - share < D(100) / (TOP + 1) or (pct == 100 and share == 100)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 2400), st.sampled_from(["0", "5", "20", "50", "100", "12.5"])),
                min_size=1, max_size=6), st.integers(0, 2**32 - 1))
def test_spread_hours_stay_in_quarter_hours_within_the_spread(rows: list[tuple[int, str]], seed: int) -> None:
    base = np.array([b for b, _ in rows], dtype=np.int32)
    pct = [D(p) for _, p in rows]
    draws = np.concatenate([np.array([[0, TOP]] * len(rows), dtype=np.uint16), _draws(generator(seed),
                                                                                     len(rows), 500)], axis=1)
    hours = _spread_hours(draws, base, pct)
    assert hours.dtype == np.int32 and hours.shape == draws.shape
    assert (hours % 25 == 0).all() and (hours >= 25).all()
    for k, (b, p) in enumerate(rows):
        low, high = float(b) * (1 - float(p) / 100), float(b) * (1 + float(p) / 100)
        # rounded to the nearest quarter hour (at least one): never more than half a quarter outside the spread
        assert hours[k].min() >= low - 12.5 - 1e-3
        assert hours[k].max() <= max(25, high + 12.5 + 1e-3)
        if p == "0":  # no spread: the planned hours, to the nearest quarter hour (at least one)
            assert (hours[k] == max(25, int(np.rint(b / 25)) * 25)).all()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 10**9), min_size=1, max_size=50),
       st.decimals(min_value=0, max_value=100, places=4, allow_nan=False, allow_infinity=False))
def test_percentages_in_cents_round_as_the_decimal_rules_do(amounts: list[int], pct: D) -> None:
    # The simulation's whole-cent percentage must be planner.money's cents(percent_of(...)), half up, to the cent.
    got = _pct(np.array(amounts, dtype=np.int64), pct)
    want = [int(cents(percent_of(D(a) / 100, pct)) * 100) for a in amounts]
    assert got.tolist() == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(-2, 2)), min_size=1, max_size=50), st.integers(1, 10**6))
def test_division_rounds_half_up_for_even_and_odd_divisors(near_half: list[tuple[int, int]], den: int) -> None:
    # Numbers just around a half (where rounding half up differs from any other rounding), and whole multiples.
    nums = [max(0, q * den + den // 2 + d) for q, d in near_half] + [q * den for q, _ in near_half]
    want = [int((D(x) / D(den)).quantize(D(1), rounding=ROUND_HALF_UP)) for x in nums]
    assert _rhu(np.array(nums, dtype=np.int64), den).tolist() == want
    assert _rhu(np.array(nums, dtype=np.int64), np.full(len(nums), den, dtype=np.int64)).tolist() == want
